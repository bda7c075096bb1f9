/**
 * The file writer's rows drawn ahead (workbook/xlsx/write/drawnRows.ts), on their own: a table
 * drawn cell by cell in any order, placed at the end with its columns reordered, one row left
 * out and a column no row draws, writes the same sheet as the same cells planned whole — odd
 * values included (a date, a non-finite number, a formula, a cell over Excel's limit, control
 * characters) — and reports the same warnings at the same cells.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { cellAddress } from '../../src/workbook/a1';
import type { CellInput, CellStyle, SheetPlan, StyleRun } from '../../src/workbook/port';
import { readParts } from '../support/roundtrip/zipParts';

const BODY: CellStyle = { border: 'thin', wrap: true };
const RED: CellStyle = { ...BODY, fontColor: '#C00000', bold: true };
const DATE: CellStyle = { ...BODY, numberFormat: 'dd/mm/yyyy' };

/** Row key → cells by slot. Key 3 is left out of the table. */
const ROWS = new Map<number, [CellInput, CellStyle | undefined][]>([
  [1, [['Trường THCS Nguyễn Du', BODY], [0.95, RED], [new Date(2024, 2, 15), DATE], ['x'.repeat(40_000), undefined]]],
  [2, [['Tab\tvà\u0001điều khiển', BODY], [Number.NaN, BODY], [null, DATE], [{ formula: '=1/3', result: 1 / 3 }, RED]]],
  [3, [['bỏ ra', BODY], [1, BODY], [null, DATE], ['', undefined]]],
  [4, [['  khoảng trắng  ', undefined], [{ formula: '=A1', result: Number.POSITIVE_INFINITY }, BODY], [new Date(2025, 0, 1), DATE], ['_x0041_ <&>', BODY]]],
]);
/** Sheet order of the kept rows, and the slot of each column (slot 3 first, then a blank column no row draws). */
const KEYS = [4, 1, 2];
const COLUMNS = [3, -1, 0, 1, 2];
const BLANK: (CellStyle | undefined)[] = [undefined, BODY, BODY, BODY, DATE];
const FIRST = 3;

const header: SheetPlan = {
  sheet: 'Bảng',
  role: 'consolidation',
  mode: 'replace',
  cells: [{ at: 'A1', rows: [['Tiêu đề']] }, { at: 'A10', rows: [['Sau bảng']] }],
  styles: [{ range: 'A1', style: { bold: true } }],
  columns: [{ index: 1, width: 20 }],
};

/**
 * A formula the plan fills down column B, the one no row draws (the table's “Thẩm định”: its rows known
 * only at the end), with a fitted height for a row the table does not size; planned whole, the rows are
 * two blocks beside it.
 */
const FILL = { range: 'B3:B5', formula: '=C3&"!"', results: ['Tab\tvà\u0001điều khiển!', 'Trường THCS Nguyễn Du!', '  khoảng trắng  !'] };

async function sheetBytes(draw: boolean, fill = false): Promise<{ xml: Record<string, string>; warnings: string[] }> {
  const wb = await XlsxWorkbook.create('t.xlsx', NODE_XLSX);
  let plan: SheetPlan = fill ? { ...header, fills: [FILL], rowHeights: [{ index: 4, height: 30, fit: true }] } : header;
  if (draw) {
    const drawn = wb.drawRowsAhead();
    // Drawn in an order of their own: last row first, cells right to left.
    for (const key of [...ROWS.keys()].reverse()) {
      const cells = ROWS.get(key)!;
      for (let slot = cells.length - 1; slot >= 0; slot--) drawn.draw(key, slot, ...cells[slot]!);
    }
    drawn.place({ sheet: 'Bảng', firstRow: FIRST, keys: KEYS, columns: COLUMNS, blank: BLANK, heights: fill ? [undefined, undefined, 20] : undefined });
  } else {
    const rows: CellInput[][] = [];
    const styles: StyleRun[] = [];
    KEYS.forEach((key, i) => {
      const cells = ROWS.get(key)!;
      rows.push(COLUMNS.map((slot, c) => {
        const style = slot >= 0 ? cells[slot]![1] : BLANK[c];
        if (style) styles.push({ range: cellAddress(FIRST + i, c + 1), style });
        return slot >= 0 ? cells[slot]![0] : null;
      }));
    });
    const blocks = fill ? [{ at: `A${FIRST}`, rows: rows.map((r) => r.slice(0, 1)) }, { at: `C${FIRST}`, rows: rows.map((r) => r.slice(2)) }] : [{ at: `A${FIRST}`, rows }];
    plan = { ...plan, cells: [...header.cells!, ...blocks], styles: [...header.styles!, ...styles], ...(fill ? { rowHeights: [...plan.rowHeights!, { index: 5, height: 20, fit: true }] } : {}) };
  }
  await wb.batch(async (s) => s.write(plan));
  const parts = readParts(await wb.toBytes());
  const xml = Object.fromEntries([...parts].filter(([n]) => /worksheets\/sheet|styles/.test(n)).map(([n, p]) => [n, p.data.toString('utf8')]));
  return { xml, warnings: wb.takeWarnings().map((w) => `${w.code} ${w.sheet}!${w.detail}`).sort() };
}

describe('rows drawn ahead by the file writer', () => {
  it('write the sheet and styles the whole plan writes, with the same warnings at the same cells', async () => {
    const planned = await sheetBytes(false);
    const drawn = await sheetBytes(true);
    expect(drawn.xml).toEqual(planned.xml);
    expect(drawn.warnings).toEqual(planned.warnings);
    // The odd values were there to be reported.
    expect(planned.warnings).toEqual(['cellTooLong Bảng!A4', 'notANumber Bảng!D5']);
  });

  it('with a formula the plan fills down a column of theirs, write it in their rows as the whole plan does: one shared formula, its cached results, the column’s style', async () => {
    const planned = await sheetBytes(false, true);
    const drawn = await sheetBytes(true, true);
    expect(drawn.xml).toEqual(planned.xml);
    expect(drawn.warnings).toEqual(planned.warnings);
    const sheet = Object.entries(planned.xml).find(([n]) => /worksheets\/sheet/.test(n))![1];
    expect(sheet).toMatch(/<row r="3"><c r="A3"[^>]*>.*<\/c><c r="B3" s="\d+" t="str"><f t="shared" ref="B3:B5" si="0">C3&amp;"!"<\/f><v>Tab/);
    expect(sheet).toContain('<row r="4" ht="30">');
    expect(sheet.match(/<f t="shared" si="0"\/>/g)).toHaveLength(2);
  });

  it('serve the next batch only: after one that fails, the sheet is written from its plan alone', async () => {
    const wb = await XlsxWorkbook.create('t.xlsx', NODE_XLSX);
    const drawn = wb.drawRowsAhead();
    drawn.draw(1, 0, 'hàng vẽ trước', BODY);
    drawn.place({ sheet: 'Bảng', firstRow: FIRST, keys: [1], columns: [0], blank: [] });
    await expect(wb.batch(async (s) => s.write({ sheet: 'Không có', mode: 'existing', cells: [{ at: 'A1', rows: [['x']] }] }))).rejects.toThrow();
    await wb.batch(async (s) => s.write(header));
    const xml = [...readParts(await wb.toBytes())].find(([n]) => /worksheets\/sheet/.test(n))![1].data.toString('utf8');
    expect(xml).toContain('Sau bảng');
    expect(xml).not.toContain('hàng vẽ trước');
  });
});
