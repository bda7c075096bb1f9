/**
 * Typing into a workbook without Excel: what typed text stores, which cells the add-in owns,
 * and that edits go through the port, reach the evaluation and never touch an owned cell.
 */
import { editCells, ownedCells, storedInput, typedValue } from '../../src/usecases/editCells';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { COL, TABLE_HEADER_ROW } from '../../src/sheets/criteriaSheet';
import { MEMBER_HEADER_ROW, MEMBER_RESULT_HEADERS } from '../../src/sheets/membersSheet';
import { unitResultRow } from '../../src/sheets/unitSheet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { openpyxlSheet } from '../workbook/contract/openpyxlSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 8));

async function sample(): Promise<XlsxWorkbook> {
  const wb = await XlsxWorkbook.create('t.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit({ members: 20, seed: 4 }));
  return wb;
}

describe('typedValue', () => {
  it('stores numbers, percentages and formulas as such, and keeps everything else as typed', () => {
    expect(typedValue('12')).toBe(12);
    expect(typedValue('12,5')).toBe(12.5);
    expect(typedValue('-0.25')).toBe(-0.25);
    expect(typedValue('95%')).toBe(0.95);
    expect(typedValue('=B2*2')).toEqual({ formula: '=B2*2' });
    expect(typedValue('0012')).toBe('0012'); // an ID, not a number
    expect(typedValue('Đạt')).toBe('Đạt');
    expect(typedValue('  ')).toBeNull();
    expect(typedValue('1.234.567')).toBe('1.234.567');
  });

  it('reads dd/mm/yyyy as a date only in a cell that shows dates, and refuses a day that does not exist', () => {
    expect(typedValue('20/12/2025')).toBe('20/12/2025');
    expect(typedValue('20/12/2025', 'date')).toEqual(new Date(2025, 11, 20));
    expect(typedValue('31/02/2025', 'date')).toBe('31/02/2025');
  });

  it('reads a plain number typed into a percentage cell as Excel does (automatic percent entry)', () => {
    // Excel: 95 → 95%, 12,5 → 12,5%, ,9 → 90%; a number written with its leading zero (0,9) stays 0,9%.
    expect(typedValue('95', 'percent')).toBe(0.95);
    expect(typedValue('12,5', 'percent')).toBe(0.125);
    expect(typedValue('100', 'percent')).toBe(1);
    expect(typedValue(',9', 'percent')).toBe(0.9);
    expect(typedValue('.95', 'percent')).toBe(0.95);
    expect(typedValue('0,9', 'percent')).toBe(0.009);
    expect(typedValue('-5', 'percent')).toBe(-0.05);
    expect(typedValue('95%', 'percent')).toBe(0.95);
    expect(typedValue('=B2/C2', 'percent')).toEqual({ formula: '=B2/C2' });
    expect(typedValue('Đạt', 'percent')).toBe('Đạt');
    // Elsewhere a number stays the number typed.
    expect(typedValue('95')).toBe(95);
    expect(typedValue(',9')).toBe(',9');
  });

  it('writes back a formula cell as its formula and an error value as a blank (undo)', () => {
    expect(storedInput(3, 'B2+1')).toEqual({ formula: '=B2+1' });
    expect(storedInput({ error: '#DIV/0!' }, undefined)).toBeNull();
    expect(storedInput('x', undefined)).toBe('x');
  });
});

describe('ownedCells', () => {
  it('owns the grey result areas of the input sheets and the whole of a marked sheet', async () => {
    const wb = await sample();
    const snap = await wb.batch((s) => s.read([SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners]));
    const unit = ownedCells(snap.sheets.get(SHEETS.unit)!, null);
    expect(unit(unitResultRow('outcome'), 2)).toBe('results');
    expect(unit(5, 2)).toBeNull();
    const criteria = ownedCells(snap.sheets.get(SHEETS.criteria)!, null);
    expect(criteria(TABLE_HEADER_ROW + 1, COL.answer)).toBeNull();
    expect(criteria(TABLE_HEADER_ROW + 1, COL.result)).toBe('results');
    const members = ownedCells(snap.sheets.get(SHEETS.members)!, null);
    const header = snap.sheets.get(SHEETS.members)!.rows[MEMBER_HEADER_ROW - 1]!;
    const resultCol = header.indexOf(MEMBER_RESULT_HEADERS.met) + 1;
    expect(resultCol).toBeGreaterThan(0);
    expect(members(MEMBER_HEADER_ROW + 1, resultCol)).toBe('results');
    expect(members(MEMBER_HEADER_ROW + 1, 2)).toBeNull();
    expect(ownedCells({ name: 'Tổng hợp', rows: [] }, 'summary')(1, 1)).toBe('sheet');
    expect(ownedCells({ name: 'Ghi chú', rows: [] }, null)(1, 1)).toBeNull();
  });
});

describe('editCells', () => {
  it('writes typed values that the evaluation then reads, and leaves owned cells as they were', async () => {
    const wb = await sample();
    const before = await evaluateWorkbook(wb, { now: NOW });
    expect(before.ok).toBe(true);
    const answerRow = TABLE_HEADER_ROW + 1;
    const resultAddress = { row: answerRow, col: COL.result };
    const shownBefore = (await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!.rows[answerRow - 1]![COL.result - 1];

    const result = await editCells(wb, SHEETS.members, [
      { row: MEMBER_HEADER_ROW + 21, col: 2, value: 'Người mới' },
      { row: MEMBER_HEADER_ROW + 21, col: 5, value: 'Có' },
    ]);
    expect(result).toEqual({ written: 2, refused: [] });
    const refused = await editCells(wb, SHEETS.criteria, [{ ...resultAddress, value: 'sửa tay' }]);
    expect(refused.written).toBe(0);
    expect(refused.refused).toEqual([{ address: `O${answerRow}`, reason: 'results' }]);
    const criteria = (await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!;
    expect(criteria.rows[answerRow - 1]![COL.result - 1]).toEqual(shownBefore);

    const after = await evaluateWorkbook(wb, { now: NOW });
    expect(after.ok && after.evaluation.countedMembers).toBe(before.ok && before.evaluation.countedMembers + 1);
  });

  it('refuses a sheet that does not exist, with its name', async () => {
    const wb = await sample();
    await expect(editCells(wb, 'Không có', [{ row: 1, col: 1, value: 1 }])).rejects.toThrow('"Không có"');
  });
});

describe('rows typed or pasted under the members table', () => {
  /** A new workbook's members sheet (one member row), as the preview has it. */
  async function preview(): Promise<PreviewWorkbook> {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 1, seed: 4 }));
    return wb;
  }
  const first = MEMBER_HEADER_ROW + 1;
  const lastCol = MEMBER_FIELDS.length + Object.keys(MEMBER_RESULT_HEADERS).length;
  const pasted = (rows: number, from = first + 1) =>
    Array.from({ length: rows }, (_, i) => [
      { row: from + i, col: 1, value: i + 2 },
      { row: from + i, col: 2, value: `Người dán ${i + 1}` },
      { row: from + i, col: 3, value: 'Giáo viên' },
    ]).flat();

  it('look like the table’s rows and are taken into the table, as Excel grows a table typed under', async () => {
    const wb = await preview();
    await (await wb.read()).sheet(SHEETS.members); // the grid has drawn the sheet before the paste
    expect(await editCells(wb, SHEETS.members, pasted(3))).toEqual({ written: 9, refused: [] });
    const sheet = (await (await wb.read()).sheet(SHEETS.members))!;
    const format = (row: number, col: number) => sheet.formats[sheet.styleIds.get(`${row}:${col}`) ?? 0];
    for (let col = 1; col <= lastCol; col++) {
      for (const row of [first + 1, first + 3]) expect([row, col, format(row, col)]).toEqual([row, col, format(first, col)]);
    }
    expect(format(first + 4, 2)).toEqual(sheet.formats[0]); // the row under them is left alone
    const tables = openpyxlSheet(await wb.toBuffer(), SHEETS.members).tables;
    expect(tables.map((t) => t.ref)).toEqual([`A${MEMBER_HEADER_ROW}:${String.fromCharCode(64 + lastCol)}${first + 3}`]);
  });

  it('pasted into a new list (no member yet) all join the table, from its one empty row down', async () => {
    const wb = PreviewWorkbook.create('moi.xlsx');
    await createSheets(wb, sampleUnit({ members: 0, seed: 4 }));
    await editCells(wb, SHEETS.members, pasted(40, first));
    const sheet = (await (await wb.read()).sheet(SHEETS.members))!;
    expect(sheet.styleIds.get(`${first + 39}:2`)).toBe(sheet.styleIds.get(`${first}:2`));
    expect(openpyxlSheet(await wb.toBuffer(), SHEETS.members).tables.map((t) => t.ref)).toEqual([`A${MEMBER_HEADER_ROW}:${String.fromCharCode(64 + lastCol)}${first + 39}`]);
  });

  it('leave the look of rows already in the table, and of rows typed far under it, as they are', async () => {
    const wb = await preview();
    await editCells(wb, SHEETS.members, pasted(1));
    const before = (await (await wb.read()).sheet(SHEETS.members))!;
    // A correction inside the table, and a member typed past an empty row (Excel grows no table there).
    await editCells(wb, SHEETS.members, [{ row: first + 1, col: 2, value: 'Tên sửa' }]);
    await editCells(wb, SHEETS.members, [{ row: first + 3, col: 2, value: 'Người ở xa' }]);
    const after = (await (await wb.read()).sheet(SHEETS.members))!;
    expect(after.styleIds).toEqual(before.styleIds);
    expect(openpyxlSheet(await wb.toBuffer(), SHEETS.members).tables.map((t) => t.ref)).toEqual([`A${MEMBER_HEADER_ROW}:${String.fromCharCode(64 + lastCol)}${first + 1}`]);
  });

  /** The members sheet's table, by its range. */
  const tableRef = async (wb: PreviewWorkbook) => openpyxlSheet(await wb.toBuffer(), SHEETS.members).tables.map((t) => t.ref);
  const range = (last: number) => `A${MEMBER_HEADER_ROW}:${String.fromCharCode(64 + lastCol)}${last}`;

  /** A list of `members` (rows first … first + members - 1), with a total and signatures under it, one empty row between. */
  async function withFooter(members: number): Promise<{ wb: PreviewWorkbook; last: number; total: number }> {
    const wb = PreviewWorkbook.create('chan.xlsx');
    await createSheets(wb, sampleUnit({ members, seed: 4 }));
    const last = first + members - 1;
    const total = last + 2;
    await editCells(wb, SHEETS.members, [
      { row: total, col: 2, value: 'Tổng cộng' },
      { row: total + 2, col: 2, value: 'Người lập biểu' },
      { row: total + 2, col: 5, value: 'Hiệu trưởng' },
    ]);
    await (await wb.read()).sheet(SHEETS.members);
    return { wb, last, total };
  }

  it('grow the table from a long list’s last row, whatever else the same paste corrects above it', async () => {
    const wb = PreviewWorkbook.create('dai.xlsx');
    await createSheets(wb, sampleUnit({ members: 60, seed: 4 }));
    const last = first + 59;
    await editCells(wb, SHEETS.members, [
      { row: first + 10, col: 2, value: 'Tên sửa' },
      { row: last + 1, col: 2, value: 'Người mới' },
    ]);
    expect(await tableRef(wb)).toEqual([range(last + 1)]);
    // The row under the new last row next: the table grows again.
    await editCells(wb, SHEETS.members, [{ row: last + 2, col: 2, value: 'Người mới nữa' }]);
    expect(await tableRef(wb)).toEqual([range(last + 2)]);
  });

  it('grow the table over a row typed right under it when a total and signatures stand further down', async () => {
    const { wb, last } = await withFooter(30);
    expect(await tableRef(wb)).toEqual([range(last)]);
    await editCells(wb, SHEETS.members, [{ row: last + 1, col: 2, value: 'Người mới' }]);
    expect(await tableRef(wb)).toEqual([range(last + 1)]);
  });

  it('leave the table as it is for a correction inside a list that has a footer, and for a row typed far under the footer', async () => {
    const { wb, last, total } = await withFooter(30);
    await editCells(wb, SHEETS.members, [{ row: first + 20, col: 2, value: 'Tên sửa' }]);
    await editCells(wb, SHEETS.members, [{ row: last, col: 2, value: 'Tên cuối sửa' }]);
    await editCells(wb, SHEETS.members, [{ row: total + 10, col: 2, value: 'Người ở xa' }]);
    await editCells(wb, SHEETS.members, [{ row: 5_000, col: 2, value: 'Người rất xa' }]);
    expect(await tableRef(wb)).toEqual([range(last)]);
    const sheet = (await (await wb.read()).sheet(SHEETS.members))!;
    expect([sheet.values[first + 19]![1], sheet.values[last - 1]![1], sheet.values[total + 9]![1], sheet.values[4_999]![1]]).toEqual(['Tên sửa', 'Tên cuối sửa', 'Người ở xa', 'Người rất xa']);
  });

  it('do not grow the table over a row typed under the signatures, though it follows rows typed there before', async () => {
    const { wb, last, total } = await withFooter(5);
    // Members written under the signatures are not the list's (its end is the signatures): nor is the row after them.
    await editCells(wb, SHEETS.members, [{ row: total + 3, col: 2, value: 'Dưới chữ ký' }]);
    await editCells(wb, SHEETS.members, [{ row: total + 4, col: 2, value: 'Dưới nữa' }]);
    expect(await tableRef(wb)).toEqual([range(last)]);
  });
});
