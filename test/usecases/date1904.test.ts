/**
 * A unit's workbook saved in the 1904 date system (Excel for Mac's old default): evaluate reads
 * the previous recognition date the unit typed as that date (its 12-month rule), and writes its
 * evaluation time as the time it is, in the workbook's own system; the documents print the
 * signing date typed there as that date, and so do the officer's, from an officer's 1904 workbook.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents/names';
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { OFFICER_SHEETS } from '../../src/documents/officer';
import { consolidateInto } from '../officer/batch';
import { unitWorkbook } from '../consolidate/corpus';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS, UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { serialToDate } from '../../src/workbook/plan';

const NOW = new Date(2025, 11, 20, 9, 30, 0);

/** A level-2 unit of 2025 recognised at level 1 on 10/02/2025, typed in a 1904 workbook. */
async function macWorkbook(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong-mac.xlsx');
  wb.workbook.properties.date1904 = true;
  const sample = sampleUnit({ members: 12, presetId: 'tt24-co-so-md2' });
  await createSheets(wb, { ...sample, unit: { ...sample.unit, year: 2025, level: 'Mức độ 2', previousDate: new Date(2025, 1, 10), previousLevel: 'Mức độ 1' } });
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

/** The "place, ngày … tháng … năm …" line of a drawn document. */
async function signingLine(wb: ExcelJsWorkbook, sheet: string): Promise<string | undefined> {
  const snapshot = await wb.batch((s) => s.read([sheet]));
  const texts = snapshot.sheets.get(sheet)!.rows.flat().filter((v): v is string => typeof v === 'string');
  return texts.find((t) => / ngày \d\d tháng \d\d năm \d{4}$/.test(t));
}

describe('a unit workbook in the 1904 date system', () => {
  it('reads the previous recognition date as typed: level 2 asked too soon, from 10/02/2025', async () => {
    const wb = await macWorkbook();
    const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!r.ok) throw new Error('must evaluate');
    expect(r.report.warnings.find((w) => w.code === 'level2TooSoon')?.message).toMatch(/ngày công nhận mức độ 1 \(10\/02\/2025\): đủ 12 tháng vào 10\/02\/2026/);
  });

  it('writes the evaluation time as that time, in the workbook’s system', async () => {
    const wb = await macWorkbook();
    const r = await evaluateWorkbook(wb, { now: NOW });
    if (!r.ok) throw new Error('must evaluate');
    const snapshot = await wb.batch((s) => s.read([SHEETS.unit]));
    expect(snapshot.date1904).toBe(true);
    const row = snapshot.sheets.get(SHEETS.unit)!.rows.find((cells) => cells[0] === RESULT_FIELDS.evaluatedAt)!;
    expect(serialToDate(row[1] as number, snapshot.date1904)).toEqual(NOW);
    // The date the unit typed is still there, unchanged by the evaluation.
    const prev = snapshot.sheets.get(SHEETS.unit)!.rows.find((cells) => cells[0] === UNIT_FIELDS.previousDate)!;
    expect(serialToDate(prev[1] as number, snapshot.date1904)).toEqual(new Date(2025, 1, 10));
  });

  it('officer documents print the signing date typed as a date in the officer’s 1904 workbook as that date', async () => {
    const officer = ExcelJsWorkbook.create('tong-hop-mac.xlsx');
    officer.workbook.properties.date1904 = true;
    await consolidateInto(officer, [{ label: 'truong.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20 }) }]);
    if (!(await generateOfficerDocuments(officer)).ok) throw new Error('must draw the documents');
    officer.workbook.getWorksheet(OFFICER_SHEETS.templates)!.eachRow((r) => {
      if (r.getCell(1).value === 'chung.ngay_ky') r.getCell(2).value = new Date(2026, 0, 15);
    });
    const typed = await ExcelJsWorkbook.fromBuffer(await officer.toBuffer(), officer.label);
    if (!(await generateOfficerDocuments(typed)).ok) throw new Error('must draw the documents');
    expect(await signingLine(typed, OFFICER_SHEETS.toTrinh)).toMatch(/ngày 15 tháng 01 năm 2026$/);
  });

  it('prints the signing date typed as a date in “Mẫu văn bản” as that date', async () => {
    const wb = await macWorkbook();
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    if (!(await generateDocuments(wb)).ok) throw new Error('must draw the documents');
    const templates = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    templates.eachRow((r) => {
      if (r.getCell(1).value === 'chung.ngay_ky') r.getCell(2).value = new Date(2026, 0, 15);
    });
    const typed = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
    if (!(await generateDocuments(typed)).ok) throw new Error('must draw the documents');
    // The báo cáo's: this unit falls short of level 2, so its dossier has no tờ trình.
    expect(await signingLine(typed, DOCUMENT_SHEETS.baoCao)).toMatch(/ngày 15 tháng 01 năm 2026$/);
  });
});
