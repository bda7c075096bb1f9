/**
 * What the add-in wrote in a unit-written place is not the unit's text: compared as written, a
 * paragraph drawn with a blank in it (“Ông (bà)  – Tổ trưởng” before the head's name was typed)
 * read as edited by the unit, was kept on every later generation, and the minutes never got the
 * chair's name.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments } from '../../src/usecases/documents';
import { readUserTexts } from '../../src/documents/narrative';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { MARKER_COL, WRITTEN_COL } from '../../src/sheets/documentLayout';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function reopened(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

function setUnitField(wb: ExcelJsWorkbook, label: string, value: string | null): void {
  const ws = wb.workbook.getWorksheet(SHEETS.unit)!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) row.getCell(2).value = value;
  });
}

/** The minutes' list of the evaluating body, as printed. */
function bodyList(wb: ExcelJsWorkbook): string {
  const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.bienBan)!;
  let text = '';
  ws.eachRow((row) => {
    if (String(row.getCell(MARKER_COL).value ?? '').startsWith('bien_ban.thanh_phan')) text = String(row.getCell(1).value);
  });
  return text;
}

describe('texts the add-in wrote are not kept as the unit’s', () => {
  it('a text written with two spaces in a row reads as written', () => {
    const written = '- Ông (bà)  – Tổ trưởng;';
    const row = Array.from({ length: WRITTEN_COL }, () => null as string | null);
    row[0] = written;
    row[MARKER_COL - 1] = 'bien_ban.thanh_phan.goi_y@A';
    row[WRITTEN_COL - 1] = written;
    expect(readUserTexts({ name: 'x', rows: [row] }).size).toBe(0);
  });

  it('the minutes name the chair once the head is typed in, after a first draft without', async () => {
    let wb = ExcelJsWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 20 }));
    wb = await reopened(wb);
    // As a unit starts: its head and the head's title not typed yet.
    setUnitField(wb, UNIT_FIELDS.head, null);
    setUnitField(wb, UNIT_FIELDS.headTitle, null);
    wb = await reopened(wb);
    expect((await evaluateWorkbook(wb, { now: NOW })).ok).toBe(true);
    expect((await generateDocuments(wb, { kinds: ['bien-ban'] })).ok).toBe(true);
    wb = await reopened(wb);
    expect(bodyList(wb)).toMatch(/^- Ông \(bà\) ………………………, ……………………… – Tổ trưởng;\n/);

    setUnitField(wb, UNIT_FIELDS.head, 'Nguyễn Thị Hồng');
    setUnitField(wb, UNIT_FIELDS.headTitle, 'Hiệu trưởng');
    wb = await reopened(wb);
    expect((await evaluateWorkbook(wb, { now: NOW })).ok).toBe(true);
    const second = await generateDocuments(wb, { kinds: ['bien-ban'] });
    if (!second.ok) throw new Error(second.problems[0]!.message);
    expect(second.documents[0]!.kept).toBe(0);
    expect(bodyList(await reopened(wb))).toContain('Nguyễn Thị Hồng, Hiệu trưởng – ');
  }, 60_000);
});
