/**
 * `dvht evaluate` and `dvht consolidate` on a unit's workbook saved in the 1904 date system
 * (Excel for Mac's old default), the dates typed there by another program (openpyxl): the
 * previous recognition date is read as typed, the evaluation time is written as the time it is
 * (openpyxl, which honours the file's epoch, reads it back), and the consolidation — on its
 * reading threads, from the compiled command — reports both as the unit saw them.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { capture } from '../support/cliOutput';
import { in1904WithOpenpyxl, openpyxlDates } from '../support/date1904';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS, UNIT_FIELDS } from '../../src/sheets/unitSheet';

jest.setTimeout(180_000);

const NOW = new Date(2025, 11, 20, 9, 30, 0);
const root = path.join(__dirname, '..', '..');

describe('a unit workbook in the 1904 date system', () => {
  let dir: string;
  let file: string;
  /** Cell of each label of 'Thông tin đơn vị' (column B beside it). */
  let cellOf: (label: string) => string;
  let evaluated: { code: number; json: { warnings: { message: string }[] } };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-1904-'));
    const made = path.join(dir, 'made.xlsx');
    const init = capture();
    expect(await run(['init', '-o', made, '--preset', 'tt24-co-so-md2', '--unit', 'Trường THCS Mac', '--type', 'thcs', '--year', '2025', '--sample', '--members', '12'], init)).toBe(0);
    const rows = (await (await XlsxWorkbook.open(fs.readFileSync(made), 'made.xlsx', NODE_XLSX)).batch((s) => s.read([SHEETS.unit]))).sheets.get(SHEETS.unit)!.rows;
    cellOf = (label) => `B${rows.findIndex((r) => r[0] === label) + 1}`;
    file = path.join(dir, 'ho-so', 'truong-mac.xlsx');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(
      file,
      in1904WithOpenpyxl(fs.readFileSync(made), [
        { sheet: SHEETS.unit, cell: cellOf(UNIT_FIELDS.level), text: 'Mức độ 2' },
        { sheet: SHEETS.unit, cell: cellOf(UNIT_FIELDS.previousLevel), text: 'Mức độ 1' },
        { sheet: SHEETS.unit, cell: cellOf(UNIT_FIELDS.previousDate), at: '2025-02-10T00:00' },
      ]),
    );
    const io = capture();
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'setInterval', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate'] });
    const code = await run(['evaluate', file, '--json'], io);
    jest.useRealTimers();
    evaluated = { code, json: JSON.parse(io.stdout.join('\n')) };
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluate reads the previous recognition date as typed: level 2 asked too soon, from 10/02/2025', () => {
    expect(evaluated.code).toBe(0);
    expect(evaluated.json.warnings.map((w) => w.message).find((m) => m.includes('chưa đủ 12 tháng'))).toMatch(/\(10\/02\/2025\): đủ 12 tháng vào 10\/02\/2026/);
  });

  it('evaluate writes the evaluation time as the time it was, the file still in 1904', () => {
    const read = openpyxlDates(fs.readFileSync(file), [
      { sheet: SHEETS.unit, cell: cellOf(RESULT_FIELDS.evaluatedAt) },
      { sheet: SHEETS.unit, cell: cellOf(UNIT_FIELDS.previousDate) },
    ]);
    expect(read).toEqual({
      date1904: true,
      cells: { [`${SHEETS.unit}!${cellOf(RESULT_FIELDS.evaluatedAt)}`]: '2025-12-20T09:30:00', [`${SHEETS.unit}!${cellOf(UNIT_FIELDS.previousDate)}`]: '2025-02-10T00:00:00' },
    });
  });

  it('consolidate, on its reading threads, reports both dates as the unit saw them', () => {
    // Its own output folder, as pool.test.ts: other tests compile build/node at the same time.
    const build = path.join(root, 'build', 'date1904-test');
    fs.rmSync(build, { recursive: true, force: true });
    let res: SpawnSyncReturns<string>;
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.node.json', '--outDir', build], { cwd: root });
      expect(fs.existsSync(path.join(build, 'cli', 'consolidateWorker.js'))).toBe(true);
      const args = ['consolidate', path.join(dir, 'ho-so'), '-o', path.join(dir, 'tong-hop.xlsx'), '--json', '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã'];
      res = spawnSync(process.execPath, [path.join(build, 'cli', 'main.js'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 * 1024 * 1024 });
    } finally {
      fs.rmSync(build, { recursive: true, force: true });
    }
    expect(res.stderr).toBe('');
    const json = JSON.parse(res.stdout) as { units: { previousDate: string | null; recorded: { evaluatedAt: string | null } }[] };
    expect(json.units.map((u) => ({ previousDate: u.previousDate, evaluatedAt: u.recorded.evaluatedAt }))).toEqual([{ previousDate: '10/02/2025', evaluatedAt: '2025-12-20T09:30:00.000Z' }]);
  });
});
