/**
 * Zips as real tools write them (test/support/zipOddities.py): data descriptors, ZIP64 fields
 * on small parts, a ZIP64 end record, folder entries, a comment after the end record, names
 * without the UTF-8 flag (a part's name keeps its bytes). Each is
 * read and written back through the CLI, the user's sheet byte for byte, and the result opens
 * in LibreOffice; each also passes consolidation. Backslashed names are refused, said as what
 * they are rather than as a name pointing outside the file.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { partsUntouched, readParts } from '../support/roundtrip/zipParts';
import { addInParts, sheets } from '../support/roundtrip/package';
import { sofficePath } from '../support/libreoffice';
import { capture, initSample } from '../support/cliOutput';

jest.setTimeout(180_000);

const READABLE = ['dd', 'z64local', 'z64eocd', 'z64all', 'dirs', 'comment', 'noflag'] as const;
const NOTE = 'Ghi chú';

let dir: string;
let plain: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-zips-'));
  const base = path.join(dir, 'base.xlsx');
  expect(await initSample(base)).toBe(0);
  expect(await run(['evaluate', base], capture())).toBe(0);
  fs.mkdirSync(path.join(dir, 'in'));
  execFileSync('/usr/bin/python3', [path.join(__dirname, '../support/zipOddities.py'), base, path.join(dir, 'in')], { stdio: 'pipe' });
  plain = fs.readFileSync(path.join(dir, 'in', 'plain.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('zips as other tools write them', () => {
  it('are evaluated and written back with the user’s sheet unchanged, and open in LibreOffice', async () => {
    const owned = addInParts(plain, [NOTE]);
    const problems: string[] = [];
    const outputs: string[] = [];
    for (const kind of READABLE) {
      const output = path.join(dir, `${kind}-out.xlsx`);
      const io = capture();
      const input = path.join(dir, 'in', `${kind}.xlsx`);
      const code = await run(['evaluate', input, '-o', output], io);
      if (code !== 0) {
        problems.push(`${kind}: exit ${code} ${io.stderr.join(' ')}`);
        continue;
      }
      outputs.push(output);
      const written = fs.readFileSync(output);
      // Each against its input; a ZIP64 one (which readParts cannot read) against the plain zip of the same parts.
      const reference = kind.startsWith('z64') ? plain : fs.readFileSync(input);
      for (const d of partsUntouched(reference, written, owned)) problems.push(`${kind}: ${d.part} ${d.kind} ${d.detail}`);
      if (!sheets(readParts(written)).some((s) => s.name === NOTE)) problems.push(`${kind}: no sheet “${NOTE}”`);
    }
    expect(problems).toEqual([]);
    // One LibreOffice run for every output (each start costs seconds).
    const out = fs.mkdtempSync(path.join(dir, 'lo-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    await new Promise<void>((resolve, reject) =>
      execFile(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', out, ...outputs], { timeout: 170_000 }, (err, _o, stderr) => (err ? reject(new Error(`${err.message} ${stderr}`)) : resolve())),
    );
    fs.rmSync(profile, { recursive: true, force: true });
    expect(outputs.filter((o) => !fs.existsSync(path.join(out, path.basename(o).replace(/\.xlsx$/, '.csv'))))).toEqual([]);
  });

  it('are read by consolidation, none rejected', async () => {
    const folder = path.join(dir, 'ho-so');
    fs.mkdirSync(folder);
    for (const kind of READABLE) fs.copyFileSync(path.join(dir, 'in', `${kind}.xlsx`), path.join(folder, `${kind}.xlsx`));
    const io = capture();
    expect(await run(['consolidate', folder, '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], io)).toBe(0);
    const { summary } = JSON.parse(io.stdout.join('\n')) as { summary: { files: number; rejected: number; units: number } };
    // The same unit six times: one consolidated, the others its identical copies.
    expect(summary).toMatchObject({ files: READABLE.length, rejected: 0, units: 1 });
  });

  it('with backslashed names, are refused as zipped by another tool, named, saying what to do', async () => {
    const file = path.join(dir, 'in', 'backslash.xlsx');
    const before = fs.readFileSync(file);
    for (const lang of ['vi', 'en']) {
      const io = capture();
      expect(await run(['evaluate', file, '--lang', lang], io)).toBe(1);
      const message = io.stderr.join('\n');
      expect(message).toMatch(/“[^”]*backslash\.xlsx”/);
      expect(message).toMatch(/“\\”/);
      expect(message).toMatch(lang === 'vi' ? /Hãy lấy lại tệp do chính Excel lưu/ : /Get the file as saved by Excel/);
      expect(message).not.toMatch(/trỏ ra ngoài|points outside/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
