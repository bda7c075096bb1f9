/**
 * Generated member tables for property tests: each cell is drawn from a class (yes, no,
 * blank, odd, error) so the test knows by construction what the engine must make of it,
 * and a brute-force count written here, independently of the engine and its spelling lists.
 */
import fc from 'fast-check';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import type { CellValue } from '../../src/domain/values';
import type { SheetData } from '../../src/workbook/port';
import { cellAddress } from '../../src/workbook/a1';
import { noteSaysAbsent } from '../../src/domain/absenceNotes';

export type CellClass = 'yes' | 'no' | 'blank' | 'odd' | 'error';
export interface Cell {
  v: CellValue;
  cls: CellClass;
}

/** The yes/no member columns the TT24 presets read one by one (2.1–2.4). */
export const SHARE_FIELDS = ['discipline', 'mandatoryTraining', 'digital', 'language'] as const;
export const FIELD_INDEX = new Map(MEMBER_FIELDS.map((f, i) => [f.key, i]));
const col = (key: string) => FIELD_INDEX.get(key)!;

// Domain reference §3, as a clerk types them (case, NFD, spaces are added below).
const YES_WORDS = ['x', 'X', 'có', 'Có', 'CÓ', 'đạt', 'Đạt', 'ĐẠT', '1', 'TRUE', 'true', '✓'];
const NO_WORDS = ['không', 'Không', 'KHÔNG', 'chưa đạt', 'Chưa đạt', '0', 'FALSE', 'false', '-', '✗', '✘', '×'];
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?'];
/** Near misses a clerk types and that must be reported, not guessed. */
const ODD_WORDS = ['co', 'Co', 'khong', 'dat', 'chua dat', 'yes', 'no', 'ok', '?', 'x x', 'xx', '2', '1.0', '01', '\u00a0có', 'Có.', 'có (đã nộp)', 'Không rõ', '=TRUE', '+1', '@SUM(A1)', '=HYPERLINK("http://a.b","x")', 'đã đạt'];

/** Our own reading of a typed value, for classifying random garbage: trim, NFC, lower case. */
function ownKey(v: CellValue): string | null {
  if (typeof v === 'string') return v.replace(/ +/g, ' ').replace(/^ | $/g, '').normalize('NFC').toLocaleLowerCase('vi');
  return null;
}
const YES_KEYS = new Set(YES_WORDS.map((w) => ownKey(w)!));
// Also kept out of the garbage: spellings that mean yes/no in the product's defaults.
const NO_KEYS = new Set(NO_WORDS.map((w) => ownKey(w)!).concat(['không đạt', '✔']));

const spaced = (w: string) => fc.constantFrom(w, ` ${w}`, `${w}  `, `  ${w} `);
const nfd = (w: string) => fc.constantFrom(w, w.normalize('NFD'));

const yesCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...YES_WORDS).chain(nfd).chain(spaced),
  fc.constantFrom<CellValue>(1, true),
).map((v) => ({ v, cls: 'yes' as const }));

const noCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...NO_WORDS).chain(nfd).chain(spaced),
  fc.constantFrom<CellValue>(0, false),
).map((v) => ({ v, cls: 'no' as const }));

const blankCell: fc.Arbitrary<Cell> = fc.constantFrom<CellValue>(null, '', ' ', '   ').map((v) => ({ v, cls: 'blank' as const }));

/** Whether a random string may stand for an odd value: not blank, not a spelling that means yes or no. */
export function mayBeGarbage(s: string): boolean {
  const k = ownKey(s)!;
  return k !== '' && !YES_KEYS.has(k) && !NO_KEYS.has(k);
}

const garbage = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter(mayBeGarbage);

const oddCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...ODD_WORDS),
  garbage,
  fc.constantFrom<CellValue>(2, -1, 0.5, 1.5, 100),
).map((v) => ({ v, cls: 'odd' as const }));

const errorCell: fc.Arbitrary<Cell> = fc.constantFrom(...ERRORS).map((e) => ({ v: { error: e }, cls: 'error' as const }));

/** A yes/no cell: mostly clean, with blanks, odd spellings and formula errors mixed in. */
export const yesNoCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: yesCell, weight: 6 },
  { arbitrary: noCell, weight: 3 },
  { arbitrary: blankCell, weight: 2 },
  { arbitrary: oddCell, weight: 1 },
  { arbitrary: errorCell, weight: 1 },
);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Thị Lan', 'Văn Hùng', 'Ngọc Ánh', 'Đức Thắng', 'Thu Hương', 'Minh Khôi'];
const personName = fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...GIVEN), fc.boolean()).map(([a, b, decomposed]) => {
  const s = `${a} ${b}`;
  return decomposed ? s.normalize('NFD') : s;
});

export type NameClass = 'member' | 'none';
/** Names: real, NFD, formula-looking, a number; or none (blank, spaces, an error). */
export const nameCell: fc.Arbitrary<{ v: CellValue; cls: NameClass }> = fc.oneof(
  { arbitrary: personName.map((v) => ({ v, cls: 'member' as const })), weight: 8 },
  { arbitrary: fc.constantFrom<CellValue>('=HYPERLINK("http://evil.example","Bấm")', '+cmd|calc', '@SUM(A1:A9)', '-Nguyễn', 12345, 'Trần Thị  Bé ').map((v) => ({ v, cls: 'member' as const })), weight: 1 },
  { arbitrary: fc.constantFrom<CellValue>(null, '', '   ', { error: '#REF!' }).map((v) => ({ v, cls: 'none' as const })), weight: 2 },
);

export interface GenRow {
  name: { v: CellValue; cls: NameClass };
  counted: Cell;
  shares: Cell[]; // SHARE_FIELDS order
  other: CellValue[]; // free text in the other columns
  hidden: boolean;
  /** Merged with the row above in the name column (so its own name cell is empty). */
  merged: boolean;
}

const countedCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: blankCell, weight: 6 },
  { arbitrary: noCell, weight: 1 },
  { arbitrary: yesCell, weight: 1 },
  { arbitrary: oddCell, weight: 1 },
  { arbitrary: errorCell, weight: 1 },
);

const freeText = fc.oneof(fc.constantFrom<CellValue>(null, 'Giáo viên', 'Tổ Văn phòng', 'Nghỉ thai sản', '0012', 42), fc.string({ maxLength: 20 }));

export const genRow: fc.Arbitrary<GenRow> = fc.record({
  name: nameCell,
  counted: countedCell,
  shares: fc.tuple(yesNoCell, yesNoCell, yesNoCell, yesNoCell),
  other: fc.array(freeText, { minLength: 3, maxLength: 3 }),
  hidden: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  merged: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
});

/** Small and medium tables, empty ones, occasionally a large one. */
export const genTable = (maxLength = 60, minLength = 0) => fc.array(genRow, { minLength, maxLength });

/** The table as sheet cells, in the members sheet's column order. */
export function rowCells(r: GenRow, ordinal: number): CellValue[] {
  const cells: CellValue[] = MEMBER_FIELDS.map(() => null);
  cells[col('ordinal')] = ordinal;
  cells[col('name')] = r.merged ? null : r.name.v;
  cells[col('counted')] = r.counted.v;
  SHARE_FIELDS.forEach((k, i) => (cells[col(k)] = r.shares[i]!.v));
  cells[col('position')] = r.other[0]!;
  cells[col('team')] = r.other[1]!;
  cells[col('note')] = r.other[2]!;
  return cells;
}

/** The members sheet with the generated rows under the header (layout included). */
export function membersSheet(base: SheetData, headerRow: number, rows: GenRow[]): SheetData {
  const out: CellValue[][] = base.rows.slice(0, headerRow).map((r) => [...r]);
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  rows.forEach((r, i) => {
    const sheetRow = headerRow + 1 + i;
    out.push(rowCells(r, i + 1));
    if (r.hidden) hiddenRows.push(sheetRow);
    if (r.merged && i > 0) merges.push(`${cellAddress(sheetRow - 1, col('name') + 1)}:${cellAddress(sheetRow, col('name') + 1)}`);
  });
  return { name: base.name, rows: out, merges, hiddenRows, hiddenColumns: [] };
}

export interface Expected {
  counted: number;
  numerator: Record<(typeof SHARE_FIELDS)[number], number>;
  /** [sheet row, 1-based column] of every value the engine must report. */
  odd: [number, number][];
  /** Rows without a name but with something else typed in them. */
  nameless: number[];
  /** Counted members whose name another counted member's row repeats, with no position or team that differs. */
  duplicates: number[];
  /**
   * Sheet rows of counted members blank in every Có / Không column the conditions read that another counted
   * member answered (warned of at the name).
   */
  withoutData: number[];
  /** 1-based columns the conditions read, blank for every counted member, whose indicator nobody meets (warned of at the header). */
  emptyColumns: number[];
  /** The first member row whose note says a long absence (“Nghỉ thai sản”) with “Tính vào tổng số” blank: warned of at the note. */
  absentNote: number | null;
}

/**
 * Columns the preset's conditions read that the generator never fills: the emulation title (3.1) and the CDHT
 * title and score (3.2a), met by nobody when blank.
 */
const NEVER_FILLED = ['emulationTitle', 'cdhtScore', 'cdhtTitle'] as const;

/** The brute-force count: who is a member, who is counted, who meets each share. */
export function bruteForce(rows: GenRow[], headerRow: number): Expected {
  const e: Expected = { counted: 0, numerator: { discipline: 0, mandatoryTraining: 0, digital: 0, language: 0 }, odd: [], nameless: [], duplicates: [], withoutData: [], emptyColumns: [], absentNote: null };
  rows.forEach((r, i) => {
    const sheetRow = headerRow + 1 + i;
    const isMember = !r.merged && r.name.cls === 'member';
    if (!isMember) {
      // The ordinal column alone does not count; anything else typed does.
      const cells = rowCells(r, i + 1);
      const typed = cells.some((v, c) => c !== col('ordinal') && c !== col('name') && v !== null && !(typeof v === 'string' && v.replace(/ /g, '') === '') && !(typeof v === 'object' && v !== null));
      if (typed) e.nameless.push(sheetRow);
      return;
    }
    const counted = r.counted.cls !== 'no';
    if (r.counted.cls === 'odd' || r.counted.cls === 'error') e.odd.push([sheetRow, col('counted') + 1]);
    SHARE_FIELDS.forEach((k, j) => {
      const c = r.shares[j]!;
      if (c.cls === 'odd' || c.cls === 'error') e.odd.push([sheetRow, col(k) + 1]);
      if (counted && c.cls === 'yes') e.numerator[k]++;
    });
    if (counted) e.counted++;
    if (e.absentNote === null && r.counted.cls === 'blank' && typeof r.other[2] === 'string' && noteSaysAbsent(r.other[2])) e.absentNote = sheetRow;
  });
  // Named counted rows: the checks' own list (a counted cell read as "no" is the only way out).
  const countedRows = rows.flatMap((r, i) => (!r.merged && r.name.cls === 'member' && r.counted.cls !== 'no' ? [{ r, sheetRow: headerRow + 1 + i }] : []));
  // The shares are the only columns the conditions read that the generator fills; an odd value or an error is an answer.
  const answered = SHARE_FIELDS.map((_, j) => countedRows.some(({ r }) => r.shares[j]!.cls !== 'blank'));
  if (answered.some(Boolean)) for (const { r, sheetRow } of countedRows) if (r.shares.every((c, j) => !answered[j] || c.cls === 'blank')) e.withoutData.push(sheetRow);
  if (countedRows.length) {
    SHARE_FIELDS.forEach((k, j) => {
      if (!answered[j]) e.emptyColumns.push(col(k) + 1);
    });
    for (const k of NEVER_FILLED) e.emptyColumns.push(col(k) + 1);
  }
  e.duplicates = duplicateRows(rows, headerRow);
  return e;
}

/** Every pair compared (quadratic, independent of the engine's grouping): same name, and position and team never both given and different. */
function duplicateRows(rows: GenRow[], headerRow: number): number[] {
  const text = (v: CellValue) => (typeof v === 'number' ? String(v) : ownKey(v) ?? '');
  const people = rows
    .map((r, i) => ({ r, row: headerRow + 1 + i }))
    .filter(({ r }) => !r.merged && r.name.cls === 'member' && r.counted.cls !== 'no')
    .map(({ r, row }) => ({ row, name: text(r.name.v), told: [text(r.other[0]!), text(r.other[1]!)] }));
  const apart = (a: string[], b: string[]) => a.some((x, k) => x !== '' && b[k] !== '' && x !== b[k]);
  return people.filter((p) => people.some((q) => q !== p && q.name === p.name && !apart(p.told, q.told))).map((p) => p.row);
}
