/**
 * "Danh mục": the spellings read as yes / no and the dropdown lists. The user may edit the
 * visible columns; the hidden columns F:G are the add-in's copy in both Unicode forms,
 * which the sheet formulas match against (rewritten at every evaluation).
 */
import { DEFAULT_SPELLINGS, readText, type Spellings } from '../domain/values';
import { lowerVi } from '../domain/text';
import { EMULATION_TITLES } from '../domain/memberFields';
import { UNIT_TYPES } from '../domain/unitTypes';
import type { CellInput, SheetData, SheetPlan } from '../workbook/port';
import { columnLetter, sheetRef } from '../workbook/a1';
import { SHEETS } from './names';
import { FONT, STYLE } from './styles';
import { spellingVariants } from './formulas';
import { dataPage } from './page';

const FIRST = 4;
/** Rows drawn for each list; every list reads on past them, as far as the unit wrote. */
const CAPACITY = 40;
const LAST = FIRST + CAPACITY - 1;

const abs = (col: string, rows = CAPACITY) => sheetRef(SHEETS.lists, `$${col}$${FIRST}:$${col}$${FIRST + rows - 1}`);

/** Rows of the hidden copy of a yes/no list: all its forms (NFC, NFD, sĩ/sỹ), never fewer than the rows drawn. */
const formRows = (items: string[]) => Math.max(CAPACITY, spellingVariants(items).length);

/**
 * The hidden F:G copies the formulas match against, as long as the spellings in force make them
 * (formulaColumns writes them so): a fixed range dropped the forms past its end, which the engine read.
 */
export function yesNoRanges(spellings: Spellings): { yes: string; no: string } {
  return { yes: abs('F', formRows(spellings.yes)), no: abs('G', formRows(spellings.no)) };
}

/** The unit types (C) and titles (D): columns of the sheet's rows, 0-based. */
const DROPDOWN_COLUMNS = { C: 2, D: 3 } as const;

/** Rows a dropdown list spans: the rows drawn, or down to the last entry the unit wrote below them. */
function listRows(data: SheetData | undefined, col: keyof typeof DROPDOWN_COLUMNS): number {
  let last = 0;
  for (let r = FIRST - 1; r < (data?.rows.length ?? 0); r++) if (readText(data!.rows[r]?.[DROPDOWN_COLUMNS[col]])) last = r - FIRST + 2;
  return Math.max(CAPACITY, last);
}

/**
 * The sources of the unit-type and title dropdowns, as far as each list reaches: the engine reads
 * every entry (readListColumn), so the dropdowns offer every one (evaluate rewrites them so when a
 * list has grown past the rows drawn, LISTS_RANGES).
 */
export function dropdownSources(data: SheetData | undefined): { unitTypes: string; titles: string } {
  return { unitTypes: `=${abs('C', listRows(data, 'C'))}`, titles: `=${abs('D', listRows(data, 'D'))}` };
}

export const LISTS_RANGES = {
  ...dropdownSources(undefined),
  /** The personal target as a fraction, normalised once for the per-member formulas. */
  personalTarget: sheetRef(SHEETS.lists, '$F$1'),
};

/** Hidden columns holding the `thuộc {…}` lists of the rule set, one list per column. */
const FIRST_LIST_COL = 8; // H
const LAST_LIST_COL = 26; // Z
/** Rows of a hidden list: the LĐTT list in every form (Unicode, sĩ/sỹ) takes 47. */
const LIST_CAPACITY = 80;

/** Shown as user-facing dropdown spellings (lists keep the way people write). */
const YES_SHOWN = ['x', 'Có', 'Đạt', '1', 'TRUE', '✓', '✔'];
const NO_SHOWN = ['Không', 'Chưa đạt', 'Không đạt', '0', 'FALSE', '-', '✗', '✘', '×'];

export function drawListsSheet(): SheetPlan {
  const column = (items: readonly string[]) => items.map((s) => [s] as CellInput[]);
  return {
    sheet: SHEETS.lists,
    mode: 'ensure',
    cells: [
      {
        at: 'A1',
        rows: [
          ['DANH MỤC'],
          ['Cột A, B: những cách ghi được hiểu là CÓ / KHÔNG (không phân biệt hoa thường). Có thể thêm cách ghi của đơn vị.'],
          ['Được hiểu là CÓ', 'Được hiểu là KHÔNG', 'Loại đơn vị', 'Danh hiệu thi đua', null, 'CÓ (dùng cho công thức)', 'KHÔNG (dùng cho công thức)'],
        ],
      },
      { at: `A${FIRST}`, rows: column(YES_SHOWN) },
      { at: `B${FIRST}`, rows: column(NO_SHOWN) },
      { at: `C${FIRST}`, rows: column(UNIT_TYPES) },
      { at: `D${FIRST}`, rows: column(EMULATION_TITLES) },
      ...formulaColumns(DEFAULT_SPELLINGS),
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2', style: STYLE.hint },
      { range: 'A3:D3', style: STYLE.header },
      { range: 'F3:G3', style: STYLE.ownedHeader },
      { range: `A${FIRST}:D${LAST}`, style: { fontName: FONT } },
      { range: `A${FIRST}:B${LAST}`, style: STYLE.text },
    ],
    columns: [
      { index: 1, width: 18 },
      { index: 2, width: 20 },
      { index: 3, width: 32 },
      { index: 4, width: 26 },
      { index: 6, width: 20, hidden: true },
      { index: 7, width: 20, hidden: true },
      ...FormulaLists.hiddenColumns(),
    ],
    // The visible lists only: LibreOffice draws the hidden columns' texts past their zero width.
    page: { ...dataPage('portrait', 3), printArea: `A1:D${LAST}` },
  };
}

const fill = (items: string[], capacity = CAPACITY): CellInput[][] => {
  const variants = spellingVariants(items).slice(0, capacity);
  return Array.from({ length: capacity }, (_, i) => [variants[i] ?? null]);
};

/**
 * The hidden F:G columns, refreshed from the spellings in force, each to its forms' length
 * (yesNoRanges); `rows`: how far the sheet reaches, blanked below so no earlier, longer copy stays.
 */
export function formulaColumns(spellings: Spellings, rows = 0): { at: string; rows: CellInput[][] }[] {
  const to = Math.max(formRows(spellings.yes), formRows(spellings.no), rows - FIRST + 1);
  return [
    { at: `F${FIRST}`, rows: fill(spellings.yes, to) },
    { at: `G${FIRST}`, rows: fill(spellings.no, to) },
  ];
}

/**
 * Places each distinct `thuộc {…}` list (both Unicode forms) in its own hidden column, so
 * per-member formulas name a short range instead of repeating the list in every row.
 */
export class FormulaLists {
  private readonly columns = new Map<string, number>();

  /** Range holding `items`, or null when there is no room (the caller inlines the list). */
  rangeFor(items: string[]): string | null {
    const key = JSON.stringify(items);
    let col = this.columns.get(key);
    if (col === undefined) {
      if (this.columns.size > LAST_LIST_COL - FIRST_LIST_COL || spellingVariants(items).length > LIST_CAPACITY) return null;
      col = FIRST_LIST_COL + this.columns.size;
      this.columns.set(key, col);
    }
    const L = columnLetter(col);
    return sheetRef(SHEETS.lists, `$${L}$${FIRST}:$${L}$${FIRST + LIST_CAPACITY - 1}`);
  }

  /** Cells to write: the lists, and blanks over columns left from an earlier rule set. */
  cells(): { at: string; rows: CellInput[][] }[] {
    const used = new Map([...this.columns.entries()].map(([k, c]) => [c, JSON.parse(k) as string[]]));
    const out: { at: string; rows: CellInput[][] }[] = [];
    for (let c = FIRST_LIST_COL; c <= LAST_LIST_COL; c++) {
      const items = used.get(c);
      out.push({ at: `${columnLetter(c)}${FIRST - 1}`, rows: [[items ? 'Danh sách (dùng cho công thức)' : null], ...fill(items ?? [], LIST_CAPACITY)] });
    }
    return out;
  }

  static hiddenColumns(): { index: number; hidden: boolean }[] {
    return Array.from({ length: LAST_LIST_COL - FIRST_LIST_COL + 1 }, (_, i) => ({ index: FIRST_LIST_COL + i, hidden: true }));
  }
}

/** Spellings from the sheet (lower-case NFC); the defaults when the sheet is missing or empty. */
export function readSpellings(data: SheetData | undefined): Spellings {
  if (!data) return DEFAULT_SPELLINGS;
  const yes = spellingsIn(data, 0);
  const no = spellingsIn(data, 1);
  return { yes: yes.length ? yes : DEFAULT_SPELLINGS.yes, no: no.length ? no : DEFAULT_SPELLINGS.no };
}

/**
 * A column's distinct spellings, down to the last the unit wrote (the drawn rows are no limit: the
 * formulas' copy follows). A function of the module, not a closure per workbook: its compiled code outlives a full collection.
 */
function spellingsIn(data: SheetData, col: number): string[] {
  const out: string[] = [];
  for (let r = FIRST - 1; r < data.rows.length; r++) {
    const t = lowerVi(readText(data.rows[r]?.[col]));
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Values of a sheet column as a plain list (dropdown sources for the pane), down to the last the unit wrote (dropdownSources). */
export function readListColumn(data: SheetData | undefined, col: 'C' | 'D'): string[] {
  if (!data) return col === 'C' ? [...UNIT_TYPES] : [...EMULATION_TITLES];
  const idx = DROPDOWN_COLUMNS[col];
  const out: string[] = [];
  for (let r = FIRST - 1; r < data.rows.length; r++) {
    const t = readText(data.rows[r]?.[idx]);
    if (t) out.push(t);
  }
  return out;
}
