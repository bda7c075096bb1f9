/**
 * Typing into a sheet where no spreadsheet application is at hand (the browser preview):
 * which cells the add-in owns (its figures and results, its own sheets), what typed text
 * means as a cell value, and writing edits through the port like any other plan.
 */
import type { CellValue } from '../domain/values';
import type { CellBlock, CellInput, SheetData, SheetPlan, StyleRun, TableSpec, Workbook } from '../workbook/port';
import { cellAddress } from '../workbook/a1';
import { SHEETS } from '../sheets/names';
import { COL, TABLE_HEADER_ROW } from '../sheets/criteriaSheet';
import { unitResultRow, RESULT_FIELDS } from '../sheets/unitSheet';
import { LEARNER_HEADER_ROW } from '../sheets/learnersSheet';
import { memberRowStyles, membersTable, readMembersHeader, readMembersSheet } from '../sheets/membersSheet';
import { ROLE } from './ownSheets';

/** Why a cell cannot be typed into (i18n `edit.owned.<reason>`). */
export type OwnedReason = 'sheet' | 'results';

export interface CellEdit {
  row: number;
  col: number;
  value: CellInput;
}

const key = (name: string) => name.normalize('NFC').toLowerCase();

/** The sheets the user fills, by their mark: marked too, but only their grey areas are ours. */
const INPUT_SHEET_OF_ROLE: Record<string, string> = {
  [ROLE.unit]: SHEETS.unit,
  [ROLE.criteria]: SHEETS.criteria,
  [ROLE.members]: SHEETS.members,
  [ROLE.learners]: SHEETS.learners,
  [ROLE.lists]: SHEETS.lists,
};

/** Which of the sheets the user fills `sheet` is (by its mark, or by name before marks); undefined for a sheet the add-in draws. */
function inputSheet(sheet: SheetData, role: string | null): string | undefined {
  return role === null ? sheet.name : INPUT_SHEET_OF_ROLE[role];
}

/**
 * Which cells of a sheet the add-in writes, so that typing there would be overwritten at the
 * next evaluation: every cell of a sheet it redraws (summary, documents, consolidation), and
 * the grey result areas of the sheets the user fills (known by their mark, or by name in a
 * workbook drawn before marks).
 */
export function ownedCells(sheet: SheetData, role: string | null): (row: number, col: number) => OwnedReason | null {
  const input = inputSheet(sheet, role);
  if (input === undefined) return () => 'sheet';
  switch (key(input)) {
    case key(SHEETS.unit): {
      const first = unitResultRow(Object.keys(RESULT_FIELDS)[0] as keyof typeof RESULT_FIELDS);
      const last = first + Object.keys(RESULT_FIELDS).length - 1;
      return (row, col) => (row >= first && row <= last && col <= 3 ? 'results' : null);
    }
    case key(SHEETS.criteria):
      return (row, col) => (row > TABLE_HEADER_ROW && col >= COL.applicable && col <= COL.earned ? 'results' : null);
    case key(SHEETS.learners):
      return (row, col) => (row > LEARNER_HEADER_ROW && col === 5 ? 'results' : null);
    case key(SHEETS.members): {
      const parsed = readMembersHeader(sheet);
      if (!parsed) return () => null;
      const cols = new Set(Object.values(parsed.resultColumns));
      return (row, col) => (row > parsed.headerRow && cols.has(col) ? 'results' : null);
    }
    default:
      return () => null;
  }
}

/** What a cell shows, for what is typed into it: dates, percentages, or anything else (null). */
export type CellShows = 'date' | 'percent' | null;

/**
 * What typed text stores: a number ("12", "12,5" or "12.5"), a percentage ("95%" → 0.95), a
 * formula ("=B2*2"), or the text as typed. Dates stay text unless the cell shows dates: then
 * "20/12/2025" is that day. A cell that shows percentages takes a plain number as Excel's
 * automatic percent entry does: "95" is 95%, ",9" is 90%, "0,9" is 0,9%.
 */
export function typedValue(text: string, shows: CellShows = null): CellInput {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=') && t.length > 1) return { formula: t };
  if (shows === 'percent') {
    const fraction = /^([+-]?)[.,](\d+)$/.exec(t);
    if (fraction) return Number(`${fraction[1]}0.${fraction[2]}`);
  }
  const number = /^[+-]?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : NaN;
  if (Number.isFinite(number) && !/^0\d/.test(t)) return shows === 'percent' ? percentOf(number) : number;
  const percent = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(t);
  if (percent) return percentOf(Number(percent[1]!.replace(',', '.')));
  const date = shows === 'date' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) : null;
  if (date) {
    const d = new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])));
    if (d.getUTCDate() === Number(date[1])) return new Date(Number(date[3]), Number(date[2]) - 1, Number(date[1]));
  }
  return text;
}

/** n% as a number, rounded to 15 significant digits as Excel keeps them (7 → 0.07, not 0.07000000000000001). */
function percentOf(n: number): number {
  return Number((n / 100).toPrecision(15));
}

/** A cell's value as it is written back (undo): its formula when it has one. */
export function storedInput(value: CellValue, formula: string | undefined): CellInput {
  if (formula !== undefined) return { formula: `=${formula}` };
  if (value !== null && typeof value === 'object') return null; // an error value is a formula's result
  return value;
}

export interface EditResult {
  written: number;
  /** Edits refused because the add-in owns the cell (the grid does not offer them; a paste may reach them). */
  refused: { address: string; reason: OwnedReason }[];
}

/** Writes `edits` into the existing sheet `sheet`, leaving owned cells as they are. */
export async function editCells(workbook: Workbook, sheet: string, edits: CellEdit[]): Promise<EditResult> {
  return workbook.batch(async (session) => {
    const snapshot = await session.read([sheet], { marks: [sheet] });
    const data = snapshot.sheets.get(sheet);
    if (!data) throw new Error(`Sheet "${sheet}" does not exist in this workbook.`);
    const owned = ownedCells(data, snapshot.roles?.get(data.name) ?? null);
    const refused: EditResult['refused'] = [];
    const cells: CellBlock[] = [];
    for (const e of edits) {
      const reason = owned(e.row, e.col);
      if (reason) refused.push({ address: cellAddress(e.row, e.col), reason });
      else cells.push({ at: cellAddress(e.row, e.col), rows: [[e.value]] });
    }
    const written = cells.length;
    if (written) {
      const plan: SheetPlan = { sheet: data.name, mode: 'existing', cells };
      const role = snapshot.roles?.get(data.name) ?? null;
      const grown = key(inputSheet(data, role) ?? '') === key(SHEETS.members) ? membersGrown(data, edits.filter((e) => !owned(e.row, e.col))) : null;
      if (grown) {
        cells.push(...grown.fixes);
        // The table filters itself: a sheet AutoFilter would clash with it.
        Object.assign(plan, { tables: [grown.table], styles: grown.styles, autoFilter: '' } satisfies Partial<SheetPlan>);
      }
      session.write(plan);
    }
    return { written, refused };
  });
}

/**
 * Rows typed or pasted right under the members table join it, as in Excel: the table grows over
 * them and they take its rows' look. Rows typed further down, past an empty row, stay outside.
 */
function membersGrown(data: SheetData, edits: CellEdit[]): { table: TableSpec; fixes: CellBlock[]; styles: StyleRun[] } | null {
  const filled = new Set(edits.filter((e) => e.value !== null && e.value !== '').map((e) => e.row));
  if (!filledMayGrow(data, filled)) return null;
  const members = readMembersSheet(data);
  if (!members) return null;
  // A table holds one data row at least, even with no member yet.
  const end = Math.max(members.lastDataRow, members.headerRow + 1);
  let last = end;
  while (filled.has(last + 1) && (members.footerRow === null || last + 1 < members.footerRow)) last++;
  if (last === end) return null;
  const { table, fixes } = membersTable(data.rows[members.headerRow - 1] ?? [], members.headerRow, members.lastHeaderCol, last);
  return { table, fixes, styles: memberRowStyles(end + 1, last, members.lastHeaderCol, members.resultColumns) };
}

/**
 * Whether a row of `filled` may be the one right under the list, without reading all of a long list (a grid
 * edit of one member of 5,000): a member's row at or below every typed row means the list goes on past them
 * all. The list read down to the lowest typed row is the whole list's reading down to there (read top down).
 */
function filledMayGrow(data: SheetData, filled: ReadonlySet<number>): boolean {
  if (filled.size === 0) return false;
  let lowest = 0;
  let highest = Infinity;
  for (const row of filled) {
    lowest = Math.max(lowest, row);
    highest = Math.min(highest, row);
  }
  const header = readMembersHeader(data);
  // No list (nothing grows); or every typed row is past the row under the list's last row at the latest (the
  // sheet's last row, or the header's next: a table holds one data row).
  if (!header || highest > Math.max(data.rows.length, header.headerRow + 1) + 1) return false;
  if (lowest >= data.rows.length) return true;
  const above = readMembersSheet({ ...data, rows: data.rows.slice(0, lowest) });
  return !above || above.lastDataRow < lowest;
}
