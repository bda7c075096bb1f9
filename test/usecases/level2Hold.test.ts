/**
 * A unit whose data meet the level-2 indicators but which asks for level 2 before it may (TT24:
 * 12 months after the level-1 decision, reckoned to the dossier deadline) or without its level-1
 * date: the outcome never reads “Đủ điều kiện công nhận … mức độ 2” (report, result cell, summary),
 * its formula agrees with the engine, and no request letter asking for level 2 is drawn.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS, UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { DOCUMENT_SHEETS } from '../../src/documents';

const NOW = new Date(2026, 11, 3, 10, 0, 0);

/** A level-2 sample of 2025 recognised at level 1 on `previous` (null: left blank). */
async function level2(previous: Date | null): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('md2.xlsx');
  const sample = sampleUnit({ members: 12, rate: 1, presetId: 'tt24-co-so-md2' });
  await createSheets(wb, { ...sample, unit: { ...sample.unit, level: 'Mức độ 2', previousDate: previous, previousLevel: previous ? 'Mức độ 1' : '' } });
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

/** The row of a label in column A of a sheet. */
function rowOf(wb: ExcelJsWorkbook, sheet: string, label: string): number {
  let found = 0;
  wb.workbook.getWorksheet(sheet)!.eachRow((row, r) => {
    if (!found && row.getCell(1).value === label) found = r;
  });
  return found;
}

/** Every text of a sheet, one string. */
function sheetText(wb: ExcelJsWorkbook, sheet: string): string {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      const v = c.value as { result?: unknown; richText?: { text: string }[] } | string | number | null;
      if (v && typeof v === 'object') out.push(v.richText ? v.richText.map((r) => r.text).join('') : String(v.result ?? ''));
      else if (v !== null) out.push(String(v));
    }),
  );
  return out.join('\n');
}

/** The cached result of a formula cell (or the value). */
function shown(wb: ExcelJsWorkbook, sheet: string, address: string): unknown {
  const v = wb.workbook.getWorksheet(sheet)!.getCell(address).value as { result?: unknown } | null;
  return v && typeof v === 'object' && 'result' in v ? v.result : v;
}

describe('a level-2 request made too early', () => {
  it('recognised at level 1 on 10/02/2025, asking level 2 for 2025: the indicators met, the request held, everywhere', async () => {
    const wb = await level2(new Date(2025, 1, 10));
    const r = await evaluateWorkbook(wb, { now: NOW });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.outcome.status).toBe('recognised');
    expect(r.report.outcome.hold).toBe('level2TooSoon');
    const text = r.report.outcome.text;
    expect(text).not.toContain('Đủ điều kiện công nhận');
    expect(text).toMatch(/^Đạt các tiêu chí, chỉ tiêu “Đơn vị học tập” .*mức độ 2 nhưng chưa đề nghị được mức độ 2/);
    expect(text).toContain('10/02/2026');
    expect(text).toContain('15/01/2026');
    const outcomeRow = rowOf(wb, SHEETS.unit, RESULT_FIELDS.outcome);
    expect(shown(wb, SHEETS.unit, `B${outcomeRow}`)).toBe(text);
    // The formula holds the request too: recalculated, it gives the engine's words (the LibreOffice test compares every formula).
    const formula = (wb.workbook.getWorksheet(SHEETS.unit)!.getCell(`B${outcomeRow}`).value as { formula: string }).formula;
    expect(formula).toContain('chưa đề nghị được mức độ 2');
    expect(formula).not.toMatch(/"[^"]{256,}"/);
    expect(sheetText(wb, SHEETS.summary)).toContain(text);
  });

  it('level 2 without the level-1 date: the cell to fill is named in the outcome', async () => {
    const wb = await level2(null);
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.outcome.hold).toBe('level2NoPrevious');
    expect(r.report.outcome.text).not.toContain('Đủ điều kiện công nhận');
    expect(r.report.outcome.text).toContain(`“${UNIT_FIELDS.previousDate}”, 'Thông tin đơn vị'!B${rowOf(wb, SHEETS.unit, UNIT_FIELDS.previousDate)}`);
  });

  it('recognised at level 1 in time (10/01/2025): no hold, the outcome as before', async () => {
    const wb = await level2(new Date(2025, 0, 10));
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.outcome.hold).toBeUndefined();
    expect(r.report.outcome.text).toMatch(/^Đủ điều kiện công nhận “Đơn vị học tập” .*mức độ 2$/);
  });
});

describe('the dossier of a level-2 request made too early', () => {
  it('no tờ trình asking for level 2: refused with what to do, the other documents written, the report asks nothing', async () => {
    const wb = await level2(new Date(2025, 1, 10));
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error('must generate the others');
    expect(r.documents.map((d) => d.kind)).not.toContain('to-trinh');
    expect(r.documents.map((d) => d.kind)).toContain('bao-cao');
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
    const refused = r.warnings[0]!;
    expect(refused).toMatchObject({ severity: 'error', code: 'requestHeld', sheet: SHEETS.unit, cell: `B${rowOf(wb, SHEETS.unit, UNIT_FIELDS.previousDate)}` });
    expect(refused.message).toContain('Chưa lập tờ trình');
    expect(refused.message).toContain('10/02/2026');
    expect(refused.message).toContain('mức độ 1');
    // The report states the result and asks for nothing it may not ask.
    const report = sheetText(wb, DOCUMENT_SHEETS.baoCao);
    expect(report).toContain('chưa đề nghị được mức độ 2');
    expect(report).not.toMatch(/Đề nghị .* xem xét, công nhận/);
  });

  it('a tờ trình drawn before the date was typed: left as it was, and said not to be sent', async () => {
    const wb = await level2(new Date(2025, 0, 10));
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    if (!(await generateDocuments(wb, { kinds: ['to-trinh'] })).ok) throw new Error('in time: drawn');
    const row = rowOf(wb, SHEETS.unit, UNIT_FIELDS.previousDate);
    wb.workbook.getWorksheet(SHEETS.unit)!.getCell(`B${row}`).value = '10/02/2025';
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    const r = await generateDocuments(wb, { kinds: ['to-trinh', 'bao-cao'] });
    if (!r.ok) throw new Error('must draw the report');
    expect(r.warnings[0]!.message).toContain(`Trang “${DOCUMENT_SHEETS.toTrinh}” lập trước đây vẫn đề nghị mức độ 2: không gửi trang đó.`);
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeDefined();
  });

  it('only the tờ trình asked: nothing written, refused', async () => {
    const wb = await level2(null);
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    const names = wb.workbook.worksheets.map((w) => w.name);
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ severity: 'error', code: 'requestHeld' });
    expect(r.problems[0]!.message).toContain(UNIT_FIELDS.previousDate);
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(names);
  });
});
