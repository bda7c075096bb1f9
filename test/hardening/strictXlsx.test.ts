/**
 * A workbook saved by Excel as "Strict Open XML Spreadsheet": read where the add-in only
 * reads (a unit's file in consolidation, an import source), refused before any work where a
 * command would write into it — the add-in's sheets are transitional markup, and a strict
 * package holding them is a mixed file Excel may repair or refuse. The refusal names the
 * file and the format to save it as; the file stays byte for byte.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { XlsxError } from '../../src/xlsx';
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { toStrict } from '../support/strictXlsx';
import { capture, initSample } from '../support/cliOutput';

jest.setTimeout(120_000);

let dir: string;
let transitional: Uint8Array;
let strict: Uint8Array;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-strict-'));
  const file = path.join(dir, 'base.xlsx');
  expect(await initSample(file)).toBe(0);
  transitional = fs.readFileSync(file);
  strict = await toStrict(transitional);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('a Strict Open XML workbook', () => {
  it.each([
    ['evaluate', (f: string) => ['evaluate', f]],
    ['evaluate -o', (f: string) => ['evaluate', f, '-o', path.join(dir, 'ra.xlsx')]],
    ['new-year', (f: string) => ['new-year', f, '-o', path.join(dir, 'nam-sau.xlsx')]],
    ['documents', (f: string) => ['documents', f]],
    ['import --into', (f: string) => ['import', put('ds.xlsx', transitional), '--sheet', 'Thành viên', '--into', f]],
  ])('is refused by %s before any write, named, with the format to save it as', async (_what, args) => {
    const file = put('truong-strict.xlsx', strict);
    const io = capture();
    const code = await run(args(file), io);
    expect(code).toBe(1);
    const message = io.stderr.join('\n');
    expect(message).toMatch(/“[^”]*truong-strict\.xlsx”/);
    expect(message).toMatch(/Strict Open XML/);
    expect(message).toMatch(/Excel Workbook \(\*\.xlsx\)/);
    expect(message).not.toMatch(/ at |Error/);
    expect(Buffer.compare(fs.readFileSync(file), Buffer.from(strict))).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ra.xlsx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'nam-sau.xlsx'))).toBe(false);
  });

  it('says the same in English', async () => {
    const io = capture();
    expect(await run(['evaluate', put('strict-en.xlsx', strict), '--lang', 'en'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/“[^”]*strict-en\.xlsx”.*Strict Open XML.*Excel Workbook \(\*\.xlsx\)/s);
  });

  it('is read where only read: a unit file in consolidation, an import source, import --dry-run', async () => {
    // The same unit, consolidated from its strict and its transitional copy, reads the same.
    const consolidated = async (bytes: Uint8Array, name: string) => {
      const folder = path.join(dir, name);
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'a.xlsx'), bytes);
      const io = capture();
      expect(await run(['consolidate', folder, '-o', path.join(dir, `${name}.xlsx`), '--json'], io)).toBe(0);
      const { summary, counts, passRates } = JSON.parse(io.stdout.join('\n')) as Record<string, unknown>;
      return { summary, counts, passRates };
    };
    const fromStrict = await consolidated(strict, 'ho-so-strict');
    expect(fromStrict.summary).toMatchObject({ units: 1, rejected: 0 });
    expect(fromStrict).toEqual(await consolidated(transitional, 'ho-so'));

    const target = put('dich.xlsx', transitional);
    const imp = capture();
    expect(await run(['import', put('nguon-strict.xlsx', strict), '--sheet', 'Thành viên', '--into', target, '--json'], imp)).toBe(0);
    expect((JSON.parse(imp.stdout.join('\n')) as { applied: boolean }).applied).toBe(true);

    const dry = capture();
    expect(await run(['import', put('ds2.xlsx', transitional), '--sheet', 'Thành viên', '--into', put('strict-dry.xlsx', strict), '--dry-run'], dry)).toBe(0);
  });

  it('is never saved as a mixed package by the package itself', async () => {
    const pkg = await XlsxPackage.open(strict, { inflate: nodeInflate, decode: nodeDecode });
    expect(pkg.strict).toBe(true);
    await expect(pkg.toBytes(nodeDeflate)).rejects.toEqual(new XlsxError('strict'));
    const plain = await XlsxPackage.open(transitional, { inflate: nodeInflate, decode: nodeDecode });
    expect(plain.strict).toBe(false);
  });
});
