/**
 * A span of rows read for some columns only (SheetRows.rows with `columns`): those columns' cells
 * as the whole sheet reads them, with their formulas; the others left out; a span where a cell does
 * not say its column read whole (cut, the cells after it would shift).
 */
import { openXlsx } from '../../src/xlsx';
import { nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { SHEETS } from '../../src/sheets/names';
import { summaryOnlyWorkbook, unitWorkbook } from './corpus';
import type { CellValue } from '../../src/domain/values';

jest.setTimeout(60_000);

const SHEET = [
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Tiêu chí, chỉ tiêu</t></is></c><c r="C1" s="2"/><c r="G1" t="inlineStr"><is><t>Tự đánh giá</t></is></c></row>',
  '<row r="2" spans="1:8"><c r="A2" t="inlineStr"><is><r><rPr><color rgb="FF000000"/></rPr><t>1.1</t></r></is></c><c r="B2" t="inlineStr"><is><t>Một văn bản dài &lt;c r="C2"&gt;</t></is></c><c r="C2" t="inlineStr"><is><t>≥ 90%</t></is></c><c r="D2"><f>\'Tiêu chí\'!N18</f><v>0.5</v></c><c r="F2" t="str"><f>\'Tiêu chí\'!J18&amp;""</f><v>Hồ sơ</v></c><c r="G2" t="str"><f>\'Tiêu chí\'!O18&amp;""</f><v>Đạt</v></c><c r="H2"/></row>',
  '<row r="3"><c r="B3" t="inlineStr"><is><t>Chỉ B</t></is></c></row>',
  '<row r="4"><c r="AA4"><v>7</v></c><c r="C4"><v>3</v></c></row>',
].join('');

/** Each cell not blank as [row index, column index, value] (a row holds null for a column left out). */
const cells = (rows: CellValue[][], keep: (c: number) => boolean) => rows.flatMap((row, r) => (row ?? []).flatMap((v, c) => (v === undefined || v === null || !keep(c) ? [] : [[r, c, v]])));

/** The sheet's rows read for `columns`, checked against the whole sheet's, raw and decoded. */
async function read(bytes: Uint8Array, columns: number[]) {
  let some: { rows: CellValue[][]; formulas: Set<string> } | null = null;
  for (const raw of [undefined, nodeRaw]) {
    const file = await openXlsx(bytes, { inflate: nodeInflate, raw });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    some = (await file.sheetRows(SHEETS.summary))!.rows(1, whole.length, { only: columns });
    expect(cells(some.rows, () => true)).toEqual(cells(whole, (c) => columns.includes(c)));
  }
  return some!;
}

describe('a span of rows read for some columns', () => {
  it('gives those columns’ cells as the whole sheet reads them, and their formulas only', async () => {
    const some = await read(summaryOnlyWorkbook(SHEET), [0, 2, 6]);
    expect(some.rows[1]![0]).toBe('1.1');
    expect(some.rows[1]![2]).toBe('≥ 90%');
    expect(some.rows[1]![1] ?? null).toBeNull();
    expect([...some.formulas]).toEqual(['G2']);
    expect(some.rows[3]![2]).toBe(3);
    expect(some.rows[3]![26] ?? null).toBeNull();
  });

  it('reads tags prefixed (x:c) alike', async () => {
    const some = await read(summaryOnlyWorkbook(SHEET, true), [0, 3, 26]);
    expect(some.rows[3]![26]).toBe(7);
    expect([...some.formulas]).toEqual(['D2']);
  });

  it('leaves the formulas unsaid when asked to (the values alike)', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET), { inflate: nodeInflate });
    const rows = (await file.sheetRows(SHEETS.summary))!;
    const values = rows.rows(1, 4, { only: [0, 6], formulas: false });
    expect(values.formulas.size).toBe(0);
    expect(values.rows).toEqual(rows.rows(1, 4, { only: [0, 6] }).rows);
  });

  it('reads the span whole when a cell does not say its column', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET.replace('<c r="C2" t="inlineStr">', '<c t="inlineStr">')), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    expect((await file.sheetRows(SHEETS.summary))!.rows(1, 4, { only: [0] }).rows).toEqual(whole);
  });

  it('reads a unit’s summary (its table, member list and totals) for its figure columns as the whole part reads them', async () => {
    await read(await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 40 }), [0, 1, 3, 4, 5, 6]);
  });
});
