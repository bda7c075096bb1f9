/**
 * A member listed twice on "Thành viên" is counted twice, in the denominator and in every
 * figure. Names are compared as import compares them (nameKey); namesakes are told apart, as
 * import tells them, by an ID column, and here also by a date of birth, a position or a team
 * that differ. Only members counted twice are said: a row with Không in "Tính vào tổng số" is
 * the clerk's own answer.
 */
import type { IndicatorResult, MemberResult, MemberTable, TableRow } from '../domain/evaluation';
import { memberField, type FieldKind } from '../domain/memberFields';
import { problem, type Problem, type ProblemCode } from '../domain/problems';
import { columnKey, lowerVi } from '../domain/text';
import { isCellError, readText, readYesNo, type CellValue, type Spellings } from '../domain/values';
import { isBirthSerial, nameKey } from './import/normalise';
import { readDate } from './consolidate/dates';
import { serialToDate } from '../workbook/plan';
import { columnsOf, parseCondition } from '../domain/rules/condition';
import type { RuleSet } from '../domain/rules/ruleSet';
import { footerLine, isGroupHeading } from '../domain/listLines';
import { noteSaysAbsent } from '../domain/absenceNotes';
import { firstOnes } from '../i18n/format';
import { BIRTH_TARGET, fieldOf, findTarget, ID_TARGET } from './import/targets';
import type { ParsedMembers } from '../sheets/membersSheet';

/** The date of birth is no member field: import carries the list's column over, or the clerk adds one. */
const TELLING_FIELDS = new Set([ID_TARGET, BIRTH_TARGET, memberField('position').key, memberField('team').key]);

/** The columns whose values tell two namesakes apart; a date of birth is read as a date. */
function tellingColumns(table: MemberTable): { index: number; birth: boolean }[] {
  const out: { index: number; birth: boolean }[] = [];
  table.columns.forEach((c, i) => {
    if (i === table.nameIndex) return;
    const target = findTarget(c.header)?.key;
    if (target && TELLING_FIELDS.has(target)) out.push({ index: i, birth: target === BIRTH_TARGET });
  });
  return out;
}

// Marks a birth read as a year ("\u0001yyyy") or a day ("\u0001yyyy:serial"), apart from any text.
const BORN = '\u0001';

/**
 * A date of birth as one comparable mark: a serial (in the workbook's date system), a typed
 * dd/mm/yyyy and a year, as lists hold them; any other text as itself.
 */
function birthMark(v: CellValue, date1904: boolean): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100) return BORN + String(v);
  const text = readText(v).trim();
  if (/^\d{4}$/.test(text)) return BORN + text;
  const read = typeof v === 'number' && isBirthSerial(v) ? readDate(v, date1904) : typeof v === 'string' ? readDate(text, false) : null;
  return read?.kind === 'date' ? `${BORN}${serialToDate(read.serial).getFullYear()}:${read.serial}` : lowerVi(text);
}

/** Two filled marks that differ tell people apart; a year alone agrees with every day of that year. */
function differ(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return false;
  const yearOnly = a.startsWith(BORN) && b.startsWith(BORN) && (a.length === 5 || b.length === 5);
  return !(yearOnly && a.slice(0, 5) === b.slice(0, 5));
}

export function duplicateMembers(table: MemberTable | null, spellings: Spellings, date1904 = false): Problem[] {
  if (!table) return [];
  const byName = new Map<string, TableRow[]>();
  for (const r of table.rows) {
    const name = r.cells[table.nameIndex] ?? null;
    if (isCellError(name) || readText(name) === '') continue;
    const counted = table.countedIndex === null || readYesNo(r.cells[table.countedIndex] ?? null, spellings) !== 'no';
    if (!counted) continue;
    const key = nameKey(readText(name));
    const same = byName.get(key);
    if (same) same.push(r);
    else byName.set(key, [r]);
  }
  // The columns that tell namesakes apart, found only when there are namesakes (matching headers is slow, and most lists have none).
  let telling: { index: number; birth: boolean }[] | null = null;
  // What tells a row apart, read once per row.
  const marks = (r: TableRow) => (telling ??= tellingColumns(table)).map(({ index, birth }) => (birth ? birthMark(r.cells[index] ?? null, date1904) : lowerVi(readText(r.cells[index] ?? null))));
  // Two rows are one person unless a column tells them apart: both filled in, and different.
  const apart = (a: string[], b: string[]) => a.some((x, k) => differ(x, b[k]!));
  const out: Problem[] = [];
  const nameCol = table.columns[table.nameIndex]!.col;
  for (const rows of byName.values()) {
    if (rows.length < 2) continue;
    const seen = rows.map(marks);
    rows.forEach((r, i) => {
      // Every row it may be, whatever order they come in: a row blank where two namesakes differ may be either.
      const same = rows.filter((_, j) => !apart(seen[i]!, seen[j]!));
      if (same.length < 2) return;
      out.push(problem('warning', 'duplicateMember', { name: readText(r.cells[table.nameIndex] ?? null), rows: same.map((x) => x.row).join(', ') }, { sheet: 'members', row: r.row, col: nameCol }));
    });
  }
  return out.sort((a, b) => a.at!.row - b.at!.row);
}

/**
 * A group's heading or a total typed in the name column among the members ("Tổ Toán - Tin",
 * "Cộng"): the sheet's formulas count every named row, so the engine counts it too, and says so.
 */
export function headingNames(table: MemberTable | null): Problem[] {
  if (!table) return [];
  const nameCol = table.columns[table.nameIndex]?.col;
  if (nameCol === undefined) return [];
  const out: Problem[] = [];
  for (const r of table.rows) {
    const v = r.cells[table.nameIndex] ?? null;
    if (typeof v !== 'string') continue;
    if (isGroupHeading(v) || footerLine(v) === 'total') out.push(problem('warning', 'memberNameIsHeading', { name: readText(v) }, { sheet: 'members', row: r.row, col: nameCol }));
  }
  return out;
}

/** The member columns the members indicators' conditions read (by columnKey, as the engine finds them), each with the indicators reading it. */
export function columnsRead(ruleSet: RuleSet): Map<string, string[]> {
  const read = new Map<string, string[]>();
  for (const ind of ruleSet.indicators) {
    if (ind.measure.kind !== 'members') continue;
    try {
      for (const c of columnsOf(parseCondition(ind.measure.condition))) {
        const codes = read.get(columnKey(c)) ?? [];
        if (!codes.includes(ind.code)) codes.push(ind.code);
        read.set(columnKey(c), codes);
      }
    } catch {
      // A condition that does not parse is the evaluation's to report.
    }
  }
  return read;
}

/** The member field a header names (the sheet's own header or an alias), if any. */
function kindOf(header: string): FieldKind | undefined {
  const target = findTarget(header);
  return target ? fieldOf(target.key)?.kind : undefined;
}

/** What a blank column asks for, by its field: Có / Không, a score, a title. */
const EMPTY_COLUMN_CODE: Partial<Record<FieldKind, ProblemCode>> = { number: 'memberScoreColumnEmpty', title: 'memberTitleColumnEmpty' };

/** Fields whose blank cell is itself an answer: no emulation title, no disciplinary measure, no note. */
const BLANK_IS_ANSWER = new Set<FieldKind>(['text', 'title']);

const answered = (v: CellValue | undefined) => readText(v ?? null) !== '' || isCellError(v ?? null);

/** The named rows counted in the total (not Không in "Tính vào tổng số"). */
function countedRows(table: MemberTable, spellings: Spellings): TableRow[] {
  return table.rows.filter(
    (r) => readText(r.cells[table.nameIndex] ?? null) !== '' && (table.countedIndex === null || readYesNo(r.cells[table.countedIndex] ?? null, spellings) !== 'no'),
  );
}

/**
 * A column an indicator reads, blank for every counted member while that indicator has nobody
 * meeting it: a list just brought in from the school's own sheet, which had no such column.
 * Said once, at the column's header, instead of at every member (membersWithoutData leaves
 * such columns out). A column whose blank meets the indicator (no disciplinary measure) is
 * not said: its indicator is met.
 */
export function emptyAnswerColumns(members: ParsedMembers | null, ruleSet: RuleSet, spellings: Spellings, results: readonly IndicatorResult[]): Problem[] {
  const table = members?.table;
  if (!table) return [];
  const read = columnsRead(ruleSet);
  const counted = countedRows(table, spellings);
  if (!counted.length) return [];
  const nobodyMeets = new Set(results.filter((i) => i.measure === 'members' && i.numerator === 0 && (i.denominator ?? 0) > 0).map((i) => i.code));
  const out: Problem[] = [];
  table.columns.forEach((c, i) => {
    const codes = (read.get(columnKey(c.header)) ?? []).filter((code) => nobodyMeets.has(code));
    if (!codes.length || counted.some((r) => answered(r.cells[i]))) return;
    const code = EMPTY_COLUMN_CODE[kindOf(c.header) ?? 'yesno'] ?? 'memberColumnEmpty';
    out.push(problem('warning', code, { header: c.header, counted: counted.length, indicators: codes.join(', ') }, { sheet: 'members', row: members.headerRow, col: c.col }));
  });
  return out;
}

/**
 * A counted member with a name and not one answer in the columns the conditions read that the
 * other members have answered (a name typed in, the row not filled yet): every indicator reading
 * them counts the row as not met. A column nobody answered is emptyAnswerColumns' to say, and a
 * blank title is no title: neither tells a row not filled in.
 */
export function membersWithoutData(table: MemberTable | null, ruleSet: RuleSet, spellings: Spellings): Problem[] {
  if (!table) return [];
  const read = columnsRead(ruleSet);
  const counted = countedRows(table, spellings);
  const columns = table.columns.flatMap((c, i) => {
    if (!read.has(columnKey(c.header))) return [];
    const kind = kindOf(c.header);
    if (kind && BLANK_IS_ANSWER.has(kind)) return [];
    return counted.some((r) => answered(r.cells[i])) ? [i] : [];
  });
  if (!columns.length) return [];
  const nameCol = table.columns[table.nameIndex]!.col;
  return counted
    .filter((r) => !columns.some((i) => answered(r.cells[i])))
    .map((r) => problem('warning', 'memberWithoutData', { name: readText(r.cells[table.nameIndex] ?? null) }, { sheet: 'members', row: r.row, col: nameCol }));
}

/** Rows named in a warning: the first ones, then "…" (a filter may hide hundreds). */
const LISTED_ROWS = 10;

/**
 * Counted members on rows hidden in "Thành viên" (hidden by hand, or by a filter showing one
 * group): the engine and the sheet's formulas count them (COUNTIFS ignores hiding), the clerk
 * counting what she sees does not. Said once for the sheet, at the first one's name; rows not
 * counted, blank or under the list are no members here (`members` is the engine's list).
 */
export function hiddenMembers(members: readonly MemberResult[], hiddenRows: readonly number[] | undefined, table: MemberTable | null): Problem[] {
  if (!table || !hiddenRows?.length) return [];
  const hidden = new Set(hiddenRows);
  const rows = members.filter((m) => m.counted && hidden.has(m.row)).map((m) => m.row);
  if (!rows.length) return [];
  return [problem('warning', 'memberRowsHidden', { count: rows.length, rows: firstOnes(rows, LISTED_ROWS) }, { sheet: 'members', row: rows[0]!, col: table.columns[table.nameIndex]!.col })];
}

/**
 * Members whose note says long leave or a move during the year (noteSaysAbsent) while “Tính vào
 * tổng số” is blank: counted by default, which is the unit's call (domain reference §3). Said
 * once for the sheet, at the first one's note, as import says it of the list it brings; Có or
 * Không in that column is the answer.
 */
export function absentMembersCounted(table: MemberTable | null, spellings: Spellings): Problem[] {
  if (!table) return [];
  const noteKey = memberField('note').key;
  const noteIndex = table.columns.findIndex((c, i) => i !== table.nameIndex && findTarget(c.header)?.key === noteKey);
  if (noteIndex < 0) return [];
  const rows: number[] = [];
  for (const r of table.rows) {
    const note = r.cells[noteIndex] ?? null;
    if (typeof note !== 'string' || readText(r.cells[table.nameIndex] ?? null) === '') continue;
    const counted = table.countedIndex === null ? 'blank' : readYesNo(r.cells[table.countedIndex] ?? null, spellings);
    if (counted === 'blank' && noteSaysAbsent(note)) rows.push(r.row);
  }
  if (!rows.length) return [];
  return [problem('warning', 'absentMembersCounted', { count: rows.length, rows: firstOnes(rows, LISTED_ROWS) }, { sheet: 'members', row: rows[0]!, col: table.columns[noteIndex]!.col })];
}
