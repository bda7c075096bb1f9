/**
 * What an officer checks first at a requirement's edge (domain reference §4): a share exactly on
 * it passes; a share just under it fails and never reads as reaching it — 1 899 of 2 000 learners
 * is 94,95%, which one decimal would show as “95,0%” beside “Không đạt” and “< 95%”.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { readWorkbookFile } from '../support/exceljs/files';
import { SHEETS } from '../../src/sheets/names';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { COL } from '../../src/sheets/criteriaSheet';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-edge-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A sample lower-secondary school whose learners are one row of `headcount`, `holders` of them CDHT. */
async function school(name: string, headcount: number, holders: number): Promise<string> {
  const file = path.join(dir, name);
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Hùng Tiến', '--type', 'thcs', '--year', '2025', '--sample', '--seed', '1'], captureText())).toBe(0);
  const wb = await readWorkbookFile(file);
  const ws = wb.workbook.getWorksheet(SHEETS.learners)!;
  for (let r = LEARNER_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    ws.getCell(r, 3).value = null;
    ws.getCell(r, 4).value = null;
  }
  ws.getCell(LEARNER_HEADER_ROW + 1, 3).value = headcount;
  ws.getCell(LEARNER_HEADER_ROW + 1, 4).value = holders;
  fs.writeFileSync(file, await wb.toBuffer());
  return file;
}

/** The “Kết quả đo” cell of an indicator on the evaluated criteria sheet: its value and how Excel shows it. */
async function measured(file: string, code: string): Promise<{ value: unknown; numFmt: string; result: unknown }> {
  const ws = (await readWorkbookFile(file)).workbook.getWorksheet(SHEETS.criteria)!;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, COL.code).value !== code) continue;
    const v = ws.getCell(r, COL.value).value as { result?: unknown } | null;
    const o = ws.getCell(r, COL.result).value as { result?: unknown } | null;
    return { value: v?.result, numFmt: ws.getCell(r, COL.value).numFmt, result: o?.result };
  }
  throw new Error(`no ${code}`);
}

describe('a share at the edge of its requirement', () => {
  it('94,95% of learners against 95% fails and reads as below it, in the summary and in the sheet', async () => {
    const file = await school('duoi.xlsx', 2000, 1899);
    const io = captureText();
    await run(['evaluate', file], io);
    expect(io.stdout).toContain('3.2b: 94,95% < 95%');
    expect(io.stdout).not.toContain('95,0% < 95%');
    const en = captureText();
    await run(['evaluate', file, '--lang', 'en'], en);
    expect(en.stdout).toContain('3.2b: 94.95% < 95%');

    const cell = await measured(file, '3.2b');
    expect(cell.result).toBe('Không đạt');
    expect(cell.value).toBeCloseTo(0.9495, 12);
    // Two decimals: Excel shows 94,95%, not 95,0%.
    expect(cell.numFmt).toBe('0.00%');
    // The “Bản tổng hợp” the unit files shows it so too.
    const summary = (await readWorkbookFile(file)).workbook.getWorksheet(SHEETS.summary)!;
    const formats: string[] = [];
    summary.eachRow((row) => void (row.getCell(1).value === '3.2b' && formats.push(row.getCell(4).numFmt)));
    expect(formats).toEqual(['0.00%']);

    // And so does the consolidating body's table.
    const table = path.join(dir, 'tong-hop.xlsx');
    expect(await run(['consolidate', file, '-o', table], captureText())).toBe(0);
    const shown: string[] = [];
    (await readWorkbookFile(table)).workbook.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && Math.abs(c.value - 0.9495) < 1e-12 && shown.push(c.numFmt)))),
    );
    expect(shown).toEqual(['0.00%']);
  });

  it('exactly 95% (1 900 of 2 000) passes, shown with one decimal as usual', async () => {
    const file = await school('dung.xlsx', 2000, 1900);
    const io = captureText();
    await run(['evaluate', file], io);
    expect(io.stdout).not.toContain('3.2b');
    const cell = await measured(file, '3.2b');
    expect(cell.result).toBe('Đạt');
    expect(cell.numFmt).toBe('0.0%');
  });
});
