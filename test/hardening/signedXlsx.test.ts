/**
 * A workbook signed in Excel (File → Info → Protect Workbook → Add a Digital Signature): any
 * change to its parts voids the signature, and Excel then shows it as invalid. Read where only
 * read (a signed unit's file in consolidation), refused before any write, named, saying how to
 * go on; the file stays byte for byte.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { XlsxError } from '../../src/xlsx';
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { signed } from '../support/signedXlsx';
import { capture, initSample } from '../support/cliOutput';

jest.setTimeout(120_000);

let dir: string;
let plain: Uint8Array;
let sig: Uint8Array;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-signed-'));
  const file = path.join(dir, 'base.xlsx');
  expect(await initSample(file)).toBe(0);
  plain = fs.readFileSync(file);
  sig = await signed(plain);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a digitally signed workbook', () => {
  it.each([
    ['evaluate', (f: string) => ['evaluate', f]],
    ['evaluate -o', (f: string) => ['evaluate', f, '-o', path.join(dir, 'ra.xlsx')]],
    ['new-year', (f: string) => ['new-year', f, '-o', path.join(dir, 'nam-sau.xlsx')]],
  ])('is refused by %s before any write, named, saying how to go on', async (_what, args) => {
    const file = path.join(dir, 'truong-ky-so.xlsx');
    fs.writeFileSync(file, sig);
    for (const lang of ['vi', 'en']) {
      const io = capture();
      expect(await run([...args(file), '--lang', lang], io)).toBe(1);
      const message = io.stderr.join('\n');
      expect(message).toMatch(/“[^”]*truong-ky-so\.xlsx”/);
      expect(message).toMatch(lang === 'vi' ? /ký số.*mất hiệu lực.*Hãy/s : /digitally signed.*invalid.*remove/is);
    }
    expect(Buffer.compare(fs.readFileSync(file), Buffer.from(sig))).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ra.xlsx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'nam-sau.xlsx'))).toBe(false);
  });

  it('is read in consolidation', async () => {
    const folder = path.join(dir, 'ho-so');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.xlsx'), sig);
    const io = capture();
    expect(await run(['consolidate', folder, '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdout.join('\n')) as { summary: unknown }).summary).toMatchObject({ units: 1, rejected: 0 });
  });

  it('is never saved by the package itself', async () => {
    const pkg = await XlsxPackage.open(sig, { inflate: nodeInflate, decode: nodeDecode });
    expect(pkg.signed).toBe(true);
    await expect(pkg.toBytes(nodeDeflate)).rejects.toEqual(new XlsxError('signed'));
    expect((await XlsxPackage.open(plain, { inflate: nodeInflate, decode: nodeDecode })).signed).toBe(false);
  });
});
