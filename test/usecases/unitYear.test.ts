/**
 * The evaluation year typed in 'Thông tin đơn vị' is read by the one rule (domain readYear) for
 * the 12-month rule and the documents alike: "năm 2025" is not a year and never silently becomes
 * this year. Evaluate warns at the year cell; the documents, which print the year, are refused there.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';

const NOW = new Date(2026, 11, 3, 10, 0, 0);

/** A level-2 workbook recognised at level 1 on `previous`, its year cell holding `year`. */
async function workbook(year: string | number, previous = '10/02/2025'): Promise<{ wb: ExcelJsWorkbook; yearCell: string }> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12, presetId: 'tt24-co-so-md2' }));
  const ws = wb.workbook.getWorksheet(SHEETS.unit)!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (!row && r.getCell(1).value === UNIT_FIELDS.year) row = n;
  });
  const set = (label: string, value: string | number | Date) =>
    ws.eachRow((r) => {
      if (r.getCell(1).value === label) r.getCell(2).value = value;
    });
  set(UNIT_FIELDS.year, year);
  set(UNIT_FIELDS.previousDate, previous);
  set(UNIT_FIELDS.previousLevel, 'Mức độ 1');
  const again = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  return { wb: again, yearCell: `B${row}` };
}

describe('the year typed by the unit', () => {
  it('a year evaluate reads: the 12 months reckoned to its dossier deadline', async () => {
    const { wb } = await workbook(2025);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.warnings.find((w) => w.code === 'level2TooSoon')!.message).toContain('sau hạn nộp hồ sơ 15/01/2026');
  });

  it('“năm 2025”: warned at the year cell, and no 12-month rule reckoned from this year instead', async () => {
    // Recognised on 10/02/2026: too soon by the deadline of this year (15/01/2027), the year “năm 2025” must not become.
    const { wb, yearCell } = await workbook('năm 2025', '10/02/2026');
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.warnings.find((w) => w.code === 'unitYearInvalid')).toMatchObject({ sheet: SHEETS.unit, cell: yearCell });
    expect(r.report.warnings.find((w) => w.code === 'level2TooSoon')).toBeUndefined();
  });

  it('“năm 2025”: the documents are refused at the year cell, nothing printed with another year', async () => {
    const { wb, yearCell } = await workbook('năm 2025');
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    const names = wb.workbook.worksheets.map((w) => w.name);
    const r = await generateDocuments(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'unitYearInvalid', sheet: SHEETS.unit, cell: yearCell })]);
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(names);
  });
});
