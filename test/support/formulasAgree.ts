/**
 * The workbook's own formulas, recalculated by LibreOffice, against the engine: each indicator's
 * numerator and denominator on “Tiêu chí”, each member's count of indicators met on “Thành viên”.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from './exceljs/excelJsWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { convert } from './libreoffice';

interface EngineFigures {
  indicators: { code: string; numerator: number | null; denominator: number | null }[];
  members: { row: number; met: number }[];
}

export async function expectFormulasAgree(wb: ExcelJsWorkbook, report: EngineFigures, codes: string[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-agree-'));
  try {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, await wb.toBuffer({ formulaResults: false }));
    const lo = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await convert(file, 'xlsx', path.join(dir, 'out'))), 'lo.xlsx');
    const read = async (name: string) => (await lo.batch((s) => s.read([name]))).sheets.get(name)!.rows;
    const criteria = await read(SHEETS.criteria);
    for (const code of codes) {
      const ind = report.indicators.find((i) => i.code === code)!;
      const row = criteria.find((r) => r[COL.code - 1] === code)!;
      expect({ code, n: row[COL.numerator - 1], d: row[COL.denominator - 1] }).toEqual({ code, n: ind.numerator, d: ind.denominator });
    }
    const rows = await read(SHEETS.members);
    const metCol = rows[3]!.indexOf('Số chỉ tiêu đạt');
    for (const m of report.members) expect({ row: m.row, met: rows[m.row - 1]![metCol] }).toEqual({ row: m.row, met: m.met });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
