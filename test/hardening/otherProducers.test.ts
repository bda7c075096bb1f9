/**
 * Workbooks as other producers write them (test/support/otherProducers.py): Excel for Mac's
 * revision namespaces and extension lists, the Open XML SDK's x: prefixes, .NET's byte-order
 * marks, UTF-16 parts, WPS Office's cell images and properties, a macro workbook with a custom ribbon. Each command writes a file whose
 * every XML part parses as it declares itself, whose parts the add-in does not own are the
 * source's, which the add-in reads back, and which LibreOffice opens. Member lists as Google
 * Sheets and the Open XML SDK export them are imported.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { partsUntouched } from '../support/roundtrip/zipParts';
import { addInParts, sharedKept } from '../support/roundtrip/package';
import { sofficePath } from '../support/libreoffice';
import { capture, initSample } from '../support/cliOutput';

jest.setTimeout(240_000);

const SCRIPT = path.join(__dirname, '../support/otherProducers.py');
const python = (...args: string[]) => execFileSync('/usr/bin/python3', [SCRIPT, ...args], { encoding: 'utf8' });
const WORKBOOKS = ['mac.xlsx', 'sdk.xlsx', 'bom.xlsx', 'utf16.xlsx', 'wps.xlsx', 'customui.xlsm'];
const COMMANDS: [string, (input: string, output: string) => string[]][] = [
  ['evaluate', (i, o) => ['evaluate', i, '-o', o]],
  ['new-year', (i, o) => ['new-year', i, '-o', o]],
  ['documents', (i, o) => ['documents', i, '-o', o]],
];

let dir: string;
let base: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-producers-'));
  base = path.join(dir, 'base.xlsx');
  expect(await initSample(base)).toBe(0);
  expect(await run(['evaluate', base], capture())).toBe(0);
  python('workbooks', base, dir);
  python('sources', dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbooks other producers wrote', () => {
  it('are written by every command as valid XML, the user’s parts kept, read back, opened by LibreOffice', async () => {
    const problems: string[] = [];
    const outputs: string[] = [];
    for (const name of WORKBOOKS) {
      const input = path.join(dir, name);
      const before = fs.readFileSync(input);
      for (const [command, args] of COMMANDS) {
        const output = path.join(dir, `${command}-${name}`);
        const io = capture();
        const code = await run(args(input, output), io);
        if (code !== 0) {
          problems.push(`${command} ${name}: exit ${code} ${io.stderr.join(' ')}`);
          continue;
        }
        outputs.push(output);
        const after = fs.readFileSync(output);
        // The add-in's parts: its sheets in our workbook (the same part names; the helper reads only
        // UTF-8 workbooks), and those it added.
        const owned = new Set([...addInParts(fs.readFileSync(base), []), ...addInParts(after, [])]);
        for (const d of partsUntouched(before, after, owned)) problems.push(`${command} ${name}: ${d.part} ${d.kind} ${d.detail}`);
        // The shared parts kept the user's relationships and content types (the helper reads UTF-8 parts only).
        if (name !== 'utf16.xlsx') for (const d of sharedKept(before, after, [])) problems.push(`${command} ${name}: ${d.part} ${d.kind} ${d.detail}`);
      }
      // What evaluate wrote, the add-in reads again.
      const again = capture();
      if ((await run(['evaluate', path.join(dir, `evaluate-${name}`), '-o', path.join(dir, `again-${name}`)], again)) !== 0) problems.push(`evaluate of evaluate-${name}: ${again.stderr.join(' ')}`);
    }
    const invalid = JSON.parse(python('check', ...outputs)) as Record<string, string[]>;
    for (const [file, list] of Object.entries(invalid)) for (const p of list) problems.push(`${path.basename(file)}: ${p}`);
    expect(problems).toEqual([]);

    const out = fs.mkdtempSync(path.join(dir, 'lo-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    const evaluated = outputs.filter((o) => path.basename(o).startsWith('evaluate-'));
    await new Promise<void>((resolve, reject) =>
      execFile(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', out, ...evaluated], { timeout: 200_000 }, (err, _o, stderr) => (err ? reject(new Error(`${err.message} ${stderr}`)) : resolve())),
    );
    fs.rmSync(profile, { recursive: true, force: true });
    expect(evaluated.filter((o) => !fs.existsSync(path.join(out, path.basename(o).replace(/\.xls[xm]$/, '.csv'))))).toEqual([]);
  });
});

describe('member lists other tools exported', () => {
  it.each(['google.xlsx', 'sdk-list.xlsx'])('%s is imported, every member', async (source) => {
    const target = path.join(dir, `into-${source}`);
    fs.copyFileSync(base, target);
    const io = capture();
    expect(await run(['import', path.join(dir, source), '--sheet', 'DS CB-GV-NV', '--into', target, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout.join('\n')) as { applied: boolean; diff: { added: { name: string }[] } };
    expect(result.applied).toBe(true);
    expect(result.diff.added.map((r) => r.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
  });
});
