/** The rows of a consolidation's file report (“Báo cáo tệp”), read back with ExcelJS. */
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';

/** What a cell shows: a formula's cached result (a kept unit's status and reasons follow its remarks in the table). */
const shown = (v: ExcelJS.CellValue) => (v !== null && typeof v === 'object' && 'formula' in v ? (v.result as ExcelJS.CellValue) : v);

/** Status and reasons of every row of “Báo cáo tệp”, by file (base name). */
export async function fileReport(out: string): Promise<Map<string, { status: string; reasons: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.files)!;
  const rows = new Map<string, { status: string; reasons: string }>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const file = ws.getCell(r, 2).value;
    if (typeof file === 'string' && typeof ws.getCell(r, 1).value === 'number') rows.set(path.basename(file), { status: String(shown(ws.getCell(r, 3).value)), reasons: String(shown(ws.getCell(r, 5).value) ?? '') });
  }
  return rows;
}
