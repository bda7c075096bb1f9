/**
 * Five units under three rule sets that share codes, not meanings (TT24 cấp huyện ×3, TT22,
 * TT24 cấp tỉnh), and the consolidated table read back: what the same-indicator and
 * same-criterion suites consolidate and look at.
 */
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { openXlsx } from '../../src/xlsx';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import type { CellValue } from '../../src/domain/values';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { unitWorkbook } from './corpus';

export const AS_OF = new Date(2025, 11, 28);
const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

export type Files = { label: string; bytes: Uint8Array }[];

/** The first three share TT24 cấp huyện mức độ 1. */
export async function mixedRuleSetFiles(): Promise<Files> {
  const specs = [
    { file: 'a.xlsx', name: 'Trường THCS số 1' },
    { file: 'b.xlsx', name: 'Trường THCS số 2' },
    { file: 'c.xlsx', name: 'Trường THCS số 3' },
    { file: 'd-tt22.xlsx', name: 'Trường tiểu học TT22', presetId: 'tt22-100' },
    { file: 'e-tinh.xlsx', name: 'Trường THPT cấp tỉnh', presetId: 'tt24-tinh-md1', type: 'Trường THPT' },
  ];
  return Promise.all(specs.map(async (s, i) => ({ label: `ho-so/${s.file}`, bytes: await unitWorkbook({ name: s.name, type: s.type ?? 'Trường THCS', presetId: s.presetId, members: 20, seed: i + 1 }) })));
}

/** The units sheet of a consolidation's output, as rows of cells. */
export async function unitsTable(workbook: XlsxWorkbook): Promise<CellValue[][]> {
  const file = await openXlsx(await workbook.toBytes(), READ);
  return (await file.read([CONSOLIDATION_SHEETS.units])).sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
}

/** The statistics sheet of a consolidation's output (counts and pass rates), as rows of cells. */
export async function statsTable(workbook: XlsxWorkbook): Promise<CellValue[][]> {
  const file = await openXlsx(await workbook.toBytes(), READ);
  return (await file.read([CONSOLIDATION_SHEETS.stats])).sheets.get(CONSOLIDATION_SHEETS.stats)!.rows;
}

/** The unit's cell under a heading of the table's header row (row 5). */
export function tableCell(rows: CellValue[][], unit: string, heading: string): CellValue {
  const header = rows[4]!;
  const row = rows.find((r) => r[1] === unit)!;
  const col = header.indexOf(heading);
  expect(col).toBeGreaterThan(0);
  return row[col] ?? null;
}
