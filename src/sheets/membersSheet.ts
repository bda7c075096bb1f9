/**
 * "Thành viên": one row per member under a header row. Columns are found by header text,
 * so a school may reorder them or add its own; the four grey columns at the end are the
 * add-in's (per-member result), found the same way or appended when missing.
 */
import { footerLine, isGroupHeading, isOrdinalOnly } from '../domain/listLines';
import { columnKey } from '../domain/text';
import { isUncalculated, readText, type CellValue } from '../domain/values';
import { MEMBER_FIELDS, memberField } from '../domain/memberFields';
import type { MemberTable, TableColumn } from '../domain/evaluation';
import type { CellBlock, CellInput, SheetData, SheetPlan, StyleRun, TableSpec, Validation } from '../workbook/port';
import { cellAddress, columnLetter, parseRange } from '../workbook/a1';
import { SHEETS } from './names';
import { STYLE } from './styles';
import { LISTS_RANGES } from './listsSheet';
import { dataPage } from './page';

export const MEMBER_HEADER_ROW = 4;
/** Rows prepared with dropdowns beyond the data, so typing new members keeps them. */
export const SPARE_ROWS = 300;

export const MEMBER_RESULT_HEADERS = {
  met: 'Số chỉ tiêu đạt',
  applicable: 'Số chỉ tiêu áp dụng',
  score: 'Tỷ lệ chỉ tiêu đạt',
  target: 'Đạt mục tiêu cá nhân',
} as const;

/** The members sheet's Excel table (ListObject): its name in formulas and Office.js. */
export const MEMBERS_TABLE = 'ThanhVien';
const MEMBERS_TABLE_STYLE = 'TableStyleLight9';

/**
 * The members table over the header row as it stands and the rows below (one empty data row
 * at least). A table needs one unique text per header cell: a blank, repeated or non-text
 * header gets one ("Cột 7", "Ghi chú 2"), written into its cell as Excel itself would.
 * `merges`: the sheet's merged ranges. Excel allows none inside a table (it drops the table and
 * asks to repair the file), and a group heading merged across A:D in LibreOffice is common: the
 * table stops above the first merged row under its header.
 */
export function membersTable(headerCells: readonly CellValue[], headerRow: number, lastCol: number, lastRow: number, merges: readonly string[] = []): { table: TableSpec; fixes: CellBlock[] } {
  const seen = new Set<string>();
  const fixes: CellBlock[] = [];
  const columns: string[] = [];
  for (let c = 1; c <= lastCol; c++) {
    const cell = headerCells[c - 1] ?? null;
    let name = readText(cell).trim() || `Cột ${c}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${readText(cell).trim() || `Cột ${c}`} ${n}`;
    seen.add(name.toLowerCase());
    columns.push(name);
    if (cell !== name) fixes.push({ at: cellAddress(headerRow, c), rows: [[name]] });
  }
  let end = lastRow;
  for (const m of merges) {
    const r = parseRange(m);
    if (r.left <= lastCol && r.bottom > headerRow && r.top <= end) end = Math.min(end, r.top - 1);
  }
  const range = `A${headerRow}:${columnLetter(lastCol)}${Math.max(end, headerRow + 1)}`;
  return { table: { name: MEMBERS_TABLE, range, columns, style: MEMBERS_TABLE_STYLE }, fixes };
}

/**
 * The look of members' rows first..last: the body's in the user's columns, the grey of the add-in's
 * result columns. Excel carries a table's look down to a row typed under it; where rows are added
 * without Excel (import, typing in the preview) they are drawn so here.
 */
export function memberRowStyles(first: number, last: number, lastCol: number, resultColumns: ParsedMembers['resultColumns']): StyleRun[] {
  const grey = new Set(Object.values(resultColumns));
  const runs: StyleRun[] = [];
  for (let start = 1, c = 2; c <= lastCol + 1; c++) {
    if (c <= lastCol && grey.has(c) === grey.has(start)) continue;
    runs.push({ range: `${columnLetter(start)}${first}:${columnLetter(c - 1)}${last}`, style: grey.has(start) ? STYLE.owned : STYLE.body });
    start = c;
  }
  const score = resultColumns.score;
  if (score !== undefined) runs.push({ range: `${columnLetter(score)}${first}:${columnLetter(score)}${last}`, style: STYLE.percent });
  return runs;
}

export function drawMembersSheet(rows: CellInput[][] = []): SheetPlan {
  const fields = MEMBER_FIELDS;
  const n = fields.length;
  const owned = Object.values(MEMBER_RESULT_HEADERS);
  const lastCol = n + owned.length;
  const first = MEMBER_HEADER_ROW + 1;
  const prepared = first + Math.max(rows.length, 0) + SPARE_ROWS - 1;
  const validations: Validation[] = [];
  fields.forEach((f, i) => {
    const L = columnLetter(i + 1);
    if (f.kind === 'yesno') validations.push({ range: `${L}${first}:${L}${prepared}`, list: f.key === 'cdhtTitle' ? ['Đạt', 'Chưa đạt'] : ['Có', 'Không'] });
    if (f.kind === 'title') validations.push({ range: `${L}${first}:${L}${prepared}`, list: { source: LISTS_RANGES.titles } });
  });
  const last = Math.max(first, first + rows.length - 1);
  const headers = [...fields.map((f) => f.header), ...owned];
  return {
    sheet: SHEETS.members,
    mode: 'ensure',
    cells: [
      // The title fits the frozen STT and name columns; the hints start in the first column that scrolls,
      // where they run on (Excel stops a frozen column's text at the frozen edge).
      { at: 'A1', rows: [['DANH SÁCH THÀNH VIÊN']] },
      {
        at: 'C2',
        rows: [
          ['Ghi Có / Không (hoặc x, đạt, 1 …) ở từng cột; các cột xám do ĐVHT tính.'],
          ['“Tính vào tổng số”: ghi Không với người không tính (nghỉ dài hạn, mới chuyển đến …); để trống là có tính.'],
        ],
      },
      { at: `A${MEMBER_HEADER_ROW}`, rows: [headers] },
      ...(rows.length ? [{ at: `A${first}`, rows }] : []),
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'C2:C3', style: STYLE.hint },
      { range: `A${MEMBER_HEADER_ROW}:${columnLetter(n)}${MEMBER_HEADER_ROW}`, style: STYLE.header },
      { range: `${columnLetter(n + 1)}${MEMBER_HEADER_ROW}:${columnLetter(lastCol)}${MEMBER_HEADER_ROW}`, style: STYLE.ownedHeader },
      ...memberRowStyles(first, last, lastCol, Object.fromEntries(Object.keys(MEMBER_RESULT_HEADERS).map((k, i) => [k, n + 1 + i]))),
    ],
    columns: [...fields.map((f, i) => ({ index: i + 1, width: f.width })), ...owned.map((_, i) => ({ index: n + 1 + i, width: 11 }))],
    rowHeights: [{ index: MEMBER_HEADER_ROW, height: 45 }],
    validations,
    freeze: { rows: MEMBER_HEADER_ROW, columns: 2 },
    // The table filters itself: a sheet AutoFilter (drawn by earlier versions) would clash with it.
    autoFilter: '',
    tables: [membersTable(headers, MEMBER_HEADER_ROW, lastCol, last).table],
    page: dataPage('landscape', MEMBER_HEADER_ROW),
  };
}

export interface ParsedMembers {
  table: MemberTable;
  headerRow: number;
  /** Sheet columns of the add-in's result columns, when present. */
  resultColumns: Partial<Record<keyof typeof MEMBER_RESULT_HEADERS, number>>;
  /** Last header column (user's or add-in's). */
  lastHeaderCol: number;
  /** Last row of the list (a member's, or any text among them); totals and signatures under it are not. */
  lastDataRow: number;
  /** First row of what stands under the list (a total, the date line, signatures), if anything. */
  footerRow: number | null;
}

const NAME_KEY = columnKey(memberField('name').header);
const NAME_KEYS = [memberField('name').header, ...memberField('name').aliases].map(columnKey);
const COUNTED_KEYS = [memberField('counted').header, ...memberField('counted').aliases].map(columnKey);
const OWNED_KEYS = new Map(Object.entries(MEMBER_RESULT_HEADERS).map(([k, h]) => [columnKey(h), k as keyof typeof MEMBER_RESULT_HEADERS]));

function filledCells(src: readonly CellValue[]): number {
  let n = 0;
  for (const v of src) if (v !== null && v !== undefined && readText(v) !== '') n++;
  return n;
}

/**
 * A group's heading among the members ("I. Ban giám hiệu", "II | Tổ Văn phòng"): one heading,
 * at most numbering beside it. A member's row has its number or data beside the name. Read as
 * no row only with the name column empty (where the sheet's formulas do not count it either).
 */
function isGroupRow(src: readonly CellValue[]): boolean {
  const texts: string[] = [];
  for (const v of src) {
    const text = v === null || v === undefined ? '' : readText(v);
    // A member's row fills more cells: said at the third, not read to its end.
    if (text !== '' && texts.push(text) > 2) return false;
  }
  const labels = texts.filter((x) => !isOrdinalOnly(x));
  return labels.length === 1 && isGroupHeading(labels[0]!);
}

// Read once per workbook: callbacks made once, whose optimised code outlives a full garbage
// collection (a closure made per call loses it: src/domain/arrays.ts, findByCode).
const isNameHeader = (v: CellValue) => NAME_KEYS.includes(columnKey(readText(v)));
const isNameColumn = (c: TableColumn) => columnKey(c.header) === NAME_KEY;
const isNameKeyColumn = (c: TableColumn) => NAME_KEYS.includes(columnKey(c.header));
const isCountedColumn = (c: TableColumn) => COUNTED_KEYS.includes(columnKey(c.header));
const isFilled = (v: CellValue | undefined) => v !== null && v !== undefined && readText(v) !== '';
const isBlank = (v: CellValue) => v === null || readText(v) === '';

/**
 * The members sheet's header row and what it says of the columns, read alone (which cells the
 * add-in owns need no more than this); null when no header row with a name column is found in
 * the first rows.
 */
export function readMembersHeader(data: SheetData): Pick<ParsedMembers, 'headerRow' | 'resultColumns' | 'lastHeaderCol'> & { columns: TableColumn[] } | null {
  let headerRow = -1;
  for (let r = 0; r < Math.min(data.rows.length, 15); r++) {
    if ((data.rows[r] ?? []).some(isNameHeader)) {
      headerRow = r + 1;
      break;
    }
  }
  if (headerRow < 0) return null;
  const headerCells = data.rows[headerRow - 1] ?? [];
  const columns: TableColumn[] = [];
  const resultColumns: ParsedMembers['resultColumns'] = {};
  let lastHeaderCol = 0;
  for (let i = 0; i < headerCells.length; i++) {
    const header = readText(headerCells[i] ?? null);
    if (!header) continue;
    lastHeaderCol = i + 1;
    const owned = OWNED_KEYS.get(columnKey(header));
    if (owned) resultColumns[owned] = i + 1;
    else columns.push({ header, col: i + 1 });
  }
  return { headerRow, resultColumns, lastHeaderCol, columns };
}

/** null when no header row with a name column is found in the first rows. */
export function readMembersSheet(data: SheetData): ParsedMembers | null {
  const header = readMembersHeader(data);
  if (!header) return null;
  const { headerRow, resultColumns, lastHeaderCol, columns } = header;
  const nameIndex = Math.max(columns.findIndex(isNameColumn), columns.findIndex(isNameKeyColumn));
  const countedIndex = columns.findIndex(isCountedColumn);
  const rows: { row: number; cells: CellValue[] }[] = [];
  let lastDataRow = headerRow;
  let footerRow: number | null = null;
  // Totals with text in the name column: members after all if more follow (the sheet's formulas count every named row of the list).
  let pending: { row: number; cells: CellValue[] }[] = [];
  for (let r = headerRow; r < data.rows.length; r++) {
    const src = data.rows[r] ?? [];
    const first = src.find(isFilled);
    if (first === undefined) continue;
    // Only text opens a total, a heading or the signatures: a member's row starts with its number or name.
    const text = typeof first === 'string' ? first : null;
    const line = text !== null ? footerLine(text) : null;
    // A signature row holds a few texts; a member's row with no name yet holds its answers.
    if (line === 'signature' && filledCells(src) <= 3) {
      footerRow ??= r + 1;
      break;
    }
    const cells: CellValue[] = [];
    for (const c of columns) cells.push(src[c.col - 1] ?? null);
    // A name whose formula has no stored result keeps its row, to be reported at the name.
    const named = readText(cells[nameIndex] ?? null) !== '' || isUncalculated(cells[nameIndex]);
    if (line === 'total') {
      footerRow ??= r + 1;
      if (named) pending.push({ row: r + 1, cells });
      continue;
    }
    if (!named && text !== null && isGroupRow(src)) continue;
    if (!named && cells.every(isBlank)) continue;
    rows.push(...pending, { row: r + 1, cells });
    pending = [];
    lastDataRow = r + 1;
    footerRow = null;
  }
  return {
    table: { columns, rows, nameIndex, countedIndex: countedIndex >= 0 ? countedIndex : null },
    headerRow,
    resultColumns,
    lastHeaderCol,
    lastDataRow,
    footerRow,
  };
}
