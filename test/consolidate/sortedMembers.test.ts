/**
 * A clerk sorts the member list after evaluating (by name for the printout, by group): the same
 * members, the same answers, the same result. The workbook is not “changed since its evaluation”,
 * or its unit would be kept out of the decision for a sort. A workbook evaluated by 0.2.0, whose
 * “Dấu dữ liệu” was taken in row order, still reads as evaluated.
 */
import type * as ExcelJS from 'exceljs';
import { readUnitFile } from '../../src/usecases/consolidate';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS } from '../../src/sheets/unitSheet';
import { edits, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const flagsOf = async (edit: (wb: ExcelJS.Workbook) => void) => {
  const bytes = await unitWorkbook({ name: 'Trường THCS Lê Lợi', type: 'Trường THCS', members: 20, seed: 7, edit });
  const outcome = await readUnitFile(bytes, 'ho-so/le-loi.xlsx', { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang: 'vi' });
  return outcome.unit!.flags.map((f) => f.code);
};

/**
 * The member rows in reverse order as Excel's Sort Z → A leaves them: every typed cell moves with its
 * row, and a row's formulas (the add-in's per-member results, reading their own row) show the results
 * of the row now beside them once Excel recalculates.
 */
const reversedMembers = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.members)!;
  const first = 5;
  let last = first;
  while (ws.getCell(last + 1, 2).value !== null) last++;
  type Formula = ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
  const isFormula = (v: ExcelJS.CellValue): v is Formula => v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
  const shown = (v: ExcelJS.CellValue) => (isFormula(v) ? v.result : v);
  const width = ws.getRow(first - 1).cellCount;
  const rows = Array.from({ length: last - first + 1 }, (_, i) => Array.from({ length: width }, (_, c) => shown(ws.getCell(first + i, c + 1).value)));
  rows.reverse().forEach((values, i) =>
    values.forEach((v, c) => {
      const cell = ws.getCell(first + i, c + 1);
      const now = cell.value;
      cell.value = isFormula(now) ? ({ ...now, result: v } as Formula) : (v as ExcelJS.CellValue);
    }),
  );
};

/** The STT column numbered 1, 2, 3 … again down the list. */
const renumbered = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.members)!;
  for (let r = 5; ws.getCell(r, 2).value !== null; r++) ws.getCell(r, 1).value = r - 4;
};

/** The “Dấu dữ liệu” cell holding `value`. */
const storedFingerprint = (value: string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.unit)!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === RESULT_FIELDS.fingerprint) ws.getCell(r, 2).value = value;
};

/** What 0.2.0 stored for this corpus unit (seed 7, 20 members): the rows' order was part of it. */
const STORED_BY_0_2_0 = '735ec6e9149bcd64';

describe('a member list sorted after the evaluation', () => {
  it('is not a change since the evaluation', async () => {
    expect(await flagsOf(reversedMembers)).not.toContain('stale');
  });

  it('numbered again from 1 (STT) after the sort, is not one either', async () => {
    expect(await flagsOf(edits.all(reversedMembers, renumbered))).not.toContain('stale');
  });

  it('a member value changed is still one', async () => {
    expect(await flagsOf(edits.all(reversedMembers, edits.member(3, 'discipline', 'Không')))).toContain('stale');
  });

  it('a workbook evaluated by 0.2.0 (its mark taken in row order) reads as evaluated, unsorted; sorted since, as changed', async () => {
    expect(await flagsOf(storedFingerprint(STORED_BY_0_2_0))).not.toContain('stale');
    expect(await flagsOf(storedFingerprint('0123456789abcdef'))).toContain('stale');
  });
});
