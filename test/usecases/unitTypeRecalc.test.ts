/**
 * 'Tiêu chí'!K (“Áp dụng”) follows the unit type typed by hand in 'Thông tin đơn vị'!B5 as the
 * next evaluation would decide it, recalculated by LibreOffice without the add-in: a type chosen
 * after a blank one makes K “Có” (K was a static blank, no formula on B5); a type typed off the
 * list leaves K blank, undecided, as the engine does (K's formula gave “Không”, read “Không áp dụng”).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS, statusText } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { convert } from '../support/libreoffice';
import type { CellInput, CellValue } from '../../src/workbook/port';

const NOW = new Date(Date.UTC(2025, 11, 20, 8));

/** K and O of every indicator after the type in B5 went from `before` (evaluated) to `after` (by hand), as LibreOffice recalculates them and as evaluate then says. */
async function typeChanged(before: string, after: string, withLearners = false, learners?: CellInput[][]) {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 10, seed: 5 });
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, { ...base, unit: { ...base.unit, type: before }, withLearners, ...(learners ? { learners } : {}) });
  const first = await evaluateWorkbook(wb, { now: NOW });
  if (!first.ok) throw new Error(first.problems.map((p) => p.message).join('\n'));
  wb.workbook.getWorksheet(SHEETS.unit)!.getCell('B5').value = after;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-type-'));
  try {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, await wb.toBuffer({ formulaResults: false }));
    const lo = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await convert(file, 'xlsx', path.join(dir, 'out'))), 'lo.xlsx');
    const rows = (await lo.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!.rows;
    const shown = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));
    const indicatorRows = rows.filter((r) => /^\d+\.\d+[a-z]?$/.test(String(r[COL.code - 1] ?? '')));
    const sheet = new Map(indicatorRows.map((r) => [String(r[COL.code - 1]), { k: shown(r[COL.applicable - 1]), o: shown(r[COL.result - 1]) }]));
    const figures = new Map(indicatorRows.map((r) => [String(r[COL.code - 1]), { n: r[COL.numerator - 1] ?? null, d: r[COL.denominator - 1] ?? null }]));
    const again = await evaluateWorkbook(await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), 'again.xlsx'), { now: NOW, dryRun: true });
    if (!again.ok) throw new Error('must evaluate');
    return { sheet, figures, engine: again.evaluation };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const K_OF = (i: { status: string; undecided?: true }) => (i.status === 'not_applicable' ? 'Không' : i.undecided ? '' : 'Có');

describe('“Áp dụng” recalculated from the type typed by hand', () => {
  it('blank, then a type chosen: K of the learners’ indicator says “Có” as the next evaluation does', async () => {
    const { sheet, engine } = await typeChanged('', 'Trường THCS');
    expect(sheet.get('3.2b')!.k).toBe('Có');
    for (const i of engine.indicators) expect({ code: i.code, ...sheet.get(i.code)! }).toEqual({ code: i.code, k: K_OF(i), o: statusText(i.status) });
  }, 180_000);

  it('blank, then a type chosen, with classes on the learners sheet: the learners’ indicator is measured as the next evaluation measures it', async () => {
    // Its result was written as a fixed “Chưa đánh giá được” while the type was blank, so it stayed so.
    const { sheet, figures, engine } = await typeChanged('', 'Trường THCS', true);
    const learners = engine.indicators.find((i) => i.code === '3.2b')!;
    expect(learners.status).not.toBe('not_evaluable');
    expect(figures.get('3.2b')).toEqual({ n: learners.numerator, d: learners.denominator });
    for (const i of engine.indicators) expect({ code: i.code, ...sheet.get(i.code)! }).toEqual({ code: i.code, k: K_OF(i), o: statusText(i.status) });
  }, 180_000);

  it('blank, then a state body chosen, the learners sheet without figures: the learners’ indicator says “Không áp dụng”, as the next evaluation does', async () => {
    const { sheet, engine } = await typeChanged('', 'Cơ quan nhà nước', true, []);
    expect(sheet.get('3.2b')).toEqual({ k: 'Không', o: 'Không áp dụng' });
    for (const i of engine.indicators) expect({ code: i.code, ...sheet.get(i.code)! }).toEqual({ code: i.code, k: K_OF(i), o: statusText(i.status) });
  }, 180_000);

  it('a type typed off the list: K blank (undecided), never “Không”, and the result not evaluable, as the next evaluation says', async () => {
    const { sheet, engine } = await typeChanged('Cơ quan nhà nước', 'THCS');
    expect(sheet.get('3.2b')).toEqual({ k: '', o: 'Chưa đánh giá được' });
    for (const i of engine.indicators) expect({ code: i.code, ...sheet.get(i.code)! }).toEqual({ code: i.code, k: K_OF(i), o: statusText(i.status) });
  }, 180_000);

  it('one listed type for another: K follows (the learners’ indicator no longer applies to a state body)', async () => {
    const { sheet, engine } = await typeChanged('Trường THCS', 'Cơ quan nhà nước');
    expect(sheet.get('3.2b')).toEqual({ k: 'Không', o: 'Không áp dụng' });
    for (const i of engine.indicators) expect({ code: i.code, ...sheet.get(i.code)! }).toEqual({ code: i.code, k: K_OF(i), o: statusText(i.status) });
  }, 180_000);
});
