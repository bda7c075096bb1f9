/**
 * Import a school's own staff list into "Thành viên": preview (header, mapping, rows as
 * they will be written, unreadable cells, added / updated / unchanged / removed) and apply.
 * Each is one batch: one read, and for apply one write. The source sheet is only read;
 * the members sheet is written only in the columns the import feeds.
 */
import { columnKey, foldKey } from '../../domain/text';
import { readText, readYesNo, type CellValue, type Spellings } from '../../domain/values';
import { MEMBER_FIELDS, type FieldKind } from '../../domain/memberFields';
import { HIDDEN_NOTE, noteSaysAbsent, REMOVED_NOTE } from '../../domain/absenceNotes';
import type { MemberTable } from '../../domain/evaluation';
import type { CellInput, CellBlock, RowHeight, SheetData, SheetPlan, StyleRun, Workbook, WorkbookSnapshot } from '../../workbook/port';
import { cellAddress, columnLetter, parseCell, sheetRef } from '../../workbook/a1';
import { dateToSerial } from '../../workbook/plan';
import { SHEETS } from '../../sheets/names';
import { DATA_FONT_SIZE, STYLE } from '../../sheets/styles';
import { heightFor, rowFitHeight } from '../../sheets/documentLayout';
import { memberRowStyles, membersTable, readMembersSheet, type ParsedMembers } from '../../sheets/membersSheet';
import { readSpellings } from '../../sheets/listsSheet';
import type { Lang, MessageKey } from '../../i18n';
import { sayWords, type Words } from '../../i18n/words';
import { formatDate } from '../../i18n/format';
import { cellKey, SourceSheet } from './sourceSheet';
import { detectHeader, type HeaderInfo } from './header';
import { CDHT_MATCH_KEYS, mappingConflicts, mappingToJson, proposeMapping, type ImportMode, type MappedColumn, type MappingChoice } from './mapping';
import { extractRows, type ImportedRow, type ImportIssue, type SkippedRow } from './rows';
import { birthText, nameKey } from './normalise';
import { drawImportSettings, IMPORT_SETTINGS_SHEET, readImportSettings } from './savedMapping';
import { ownPlan, ownSheetData, readOwnSheets, ROLE } from '../ownSheets';
import { BIRTH_TARGET, birthHeader, FAMILY_TARGET, fieldOf, ID_TARGET, targetHeader, TARGETS, type TargetKey } from './targets';

/** A source sheet read from another file, with that file's date system (readSourceSheet). */
export type SourceData = SheetData & { date1904?: boolean };

export interface ImportSource {
  /** Sheet name (in the target workbook unless `data` is given). */
  sheet: string;
  /** The sheet already read from another file (CLI, preview upload), with `layout: true`. */
  data?: SourceData;
  /** Only this range of the sheet, e.g. "A3:P60". */
  range?: string;
  /** For messages: the source file when it is not the target workbook. */
  label?: string;
}

export interface ImportOptions {
  lang?: Lang;
  /** 'cdht': a names + CDHT list merged into the CDHT columns of known members. */
  mode?: ImportMode;
  /** Corrections by source column; other columns keep the proposal. */
  choice?: MappingChoice | null;
  /** Use the mapping saved by the last import (default true). */
  useSaved?: boolean;
  includeHiddenRows?: boolean;
  /**
   * Members missing from the list: marked as not counted, with a note (default true). false: the
   * list only adds to the members (a second sheet, the contract workers'): nobody is missing from it.
   */
  markRemoved?: boolean;
  /** A blank in the list empties the member's cell (default false: what the sheet holds is kept, see `diff.kept`). */
  clearBlanks?: boolean;
  now?: Date;
}

export interface Change {
  target: TargetKey;
  header: string;
  /** Its address in the members sheet, e.g. "J5". */
  cell: string;
  before: string;
  after: string;
}

export interface DiffEntry {
  name: string;
  sourceRow: number | null;
  memberRow: number | null;
  changes: Change[];
  /** Removed members already marked by an earlier import. */
  alreadyMarked?: boolean;
}

/** A value in the members sheet that the list leaves blank, kept (not written). */
export interface KeptCell {
  name: string;
  sourceRow: number;
  target: TargetKey;
  header: string;
  /** Its address in the members sheet, e.g. "R5". */
  cell: string;
  value: string;
}

export interface ImportDiff {
  added: DiffEntry[];
  updated: DiffEntry[];
  unchanged: DiffEntry[];
  removed: DiffEntry[];
  /** CDHT merge: names in the list not found among the members (or found twice). */
  unmatched: DiffEntry[];
  /** Values of the members sheet kept where the list is blank (none when `clearBlanks`). */
  kept: KeptCell[];
}

export interface Located {
  code: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  /** What the message says, to word it again in another language (rewordImport). */
  words: Words;
}

export interface ImportIssueReport extends ImportIssue {
  /** The source column's header. */
  header: string;
  sheet: string;
  message: string;
  words: Words;
}

/** The same preview or result worded in another language: nothing is read again. */
export function rewordImport<P extends ImportPreview>(preview: P, lang: Lang): P {
  const reword = <M extends { message: string; words: Words }>(m: M): M => ({ ...m, message: sayWords(lang, m.words) });
  return { ...preview, blocking: preview.blocking.map(reword), notices: preview.notices.map(reword), issues: preview.issues.map(reword) };
}

export interface ImportPreview {
  ok: boolean;
  /** Problems that stop the import (no header, no name column, no members sheet …). */
  blocking: Located[];
  sourceSheet: string;
  sheetNames: string[];
  header: Pick<HeaderInfo, 'top' | 'bottom' | 'dataStart'> | null;
  columns: MappedColumn[];
  mappingSource: 'saved' | 'auto';
  rows: ImportedRow[];
  issues: ImportIssueReport[];
  skipped: SkippedRow[];
  /** Things to check that do not stop the import (hidden rows imported, duplicate names). */
  notices: Located[];
  diff: ImportDiff;
  mapping: Record<string, TargetKey | null>;
}

export interface ImportResult extends ImportPreview {
  applied: boolean;
  /** Cells written in the members sheet. */
  written: number;
}

/** One cell an import changes in a member already in the sheet. */
export interface CellChange extends Change {
  name: string;
}

/** Every cell the import changes in members already there, in member order. */
export function cellChanges(diff: ImportDiff): CellChange[] {
  return diff.updated.flatMap((e) => e.changes.map((c) => ({ ...c, name: e.name })));
}

const emptyDiff = (): ImportDiff => ({ added: [], updated: [], unchanged: [], removed: [], unmatched: [], kept: [] });

// The notes the import leaves live with the other notes that explain a member left out (consolidation reads them).
export { HIDDEN_NOTE, REMOVED_NOTE };

export async function readSourceSheet(workbook: Workbook, sheet: string): Promise<{ data: SourceData | null; sheetNames: string[] }> {
  return workbook.batch(async (session) => {
    const snap = await session.read([sheet], { layout: true });
    const data = snap.sheets.get(sheet);
    // Its dates are read in its own file's system, whatever the target workbook's.
    return { data: data ? { ...data, date1904: snap.date1904 ?? false } : null, sheetNames: snap.sheetNames };
  });
}

/**
 * What each of the sheets `names` holds: nothing (the Sheet2 and Sheet3 a new workbook came
 * with), a list whose header import finds, or something else (a summary, a title page).
 */
export async function sheetContents(workbook: Workbook, names: string[]): Promise<Map<string, 'empty' | 'list' | 'other'>> {
  const snap = await workbook.batch((session) => session.read(names));
  const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  const out = new Map<string, 'empty' | 'list' | 'other'>();
  for (const name of names) {
    const data = snap.sheets.get(name);
    if (!data || data.rows.every((r) => !r || r.every(blank))) out.set(name, 'empty');
    else out.set(name, detectHeader(new SourceSheet(data)) ? 'list' : 'other');
  }
  return out;
}

export function previewImport(target: Workbook, source: ImportSource, options: ImportOptions = {}): Promise<ImportPreview> {
  return target.batch(async (session) => {
    const snap = await readOwnSheets(session, sheetsToRead(source), [SETTINGS], { layout: [source.sheet, SHEETS.members] });
    return plan(snap, source, options).preview;
  });
}

export function applyImport(target: Workbook, source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  return target.batch(async (session) => {
    const snap = await readOwnSheets(session, sheetsToRead(source), [SETTINGS], { layout: [source.sheet, SHEETS.members] });
    const p = plan(snap, source, options);
    if (!p.preview.ok || !p.writes) return { ...p.preview, applied: false, written: 0 };
    for (const w of p.writes.plans) session.write(w);
    if (p.writes.select) session.select(SHEETS.members, p.writes.select);
    return { ...p.preview, applied: true, written: p.writes.cellCount };
  });
}

/** The saved mapping's sheet, found by its mark (a user may rename it). */
const SETTINGS = { name: IMPORT_SETTINGS_SHEET, role: ROLE.importSettings };

function sheetsToRead(source: ImportSource): string[] {
  const names: string[] = [SHEETS.members, SHEETS.lists];
  if (!source.data) names.push(source.sheet);
  return names;
}

interface Planned {
  preview: ImportPreview;
  writes: { plans: SheetPlan[]; cellCount: number; select: string | null } | null;
}

function plan(snapshot: WorkbookSnapshot, source: ImportSource, options: ImportOptions): Planned {
  const { sheets, sheetNames } = snapshot;
  const lang = options.lang ?? 'vi';
  const mode = options.mode ?? 'members';
  const blocking: Located[] = [];
  const block = (key: MessageKey, params: Record<string, string | number> = {}, sheet: string | null = null, cell: string | null = null) =>
    blocking.push({ code: key, sheet, cell, message: sayWords(lang, { key, params }), words: { key, params } });
  const preview: ImportPreview = {
    ok: false,
    blocking,
    sourceSheet: source.sheet,
    sheetNames,
    header: null,
    columns: [],
    mappingSource: 'auto',
    rows: [],
    issues: [],
    skipped: [],
    notices: [],
    diff: emptyDiff(),
    mapping: {},
  };
  const data = source.data ?? sheets.get(source.sheet);
  const membersData = sheets.get(SHEETS.members);
  const members = membersData ? readMembersSheet(membersData) : null;
  if (!data) block('import.block.noSourceSheet', { sheet: source.sheet, sheets: sheetNames.join(', ') });
  if (!source.data && foldKey(source.sheet) === foldKey(SHEETS.members)) block('import.block.sourceIsMembers', { sheet: source.sheet });
  if (!members) block('import.block.noMembersSheet', { sheet: SHEETS.members });
  if (!data || blocking.length) return { preview, writes: null };

  const sheet = new SourceSheet(data, source.range, (source.data ? source.data.date1904 : snapshot.date1904) ?? false);
  const header = detectHeader(sheet);
  if (!header) {
    block('import.block.noHeader', { sheet: source.sheet, rows: 10 });
    return { preview, writes: null };
  }
  preview.header = { top: header.top, bottom: header.bottom, dataStart: header.dataStart };
  const saved = options.useSaved === false ? null : readImportSettings(ownSheetData(snapshot, SETTINGS.name, SETTINGS.role));
  const columns = proposeMapping(header.columns, mode, saved?.mapping, options.choice);
  preview.columns = columns;
  preview.mappingSource = columns.some((c) => c.origin === 'saved') ? 'saved' : 'auto';
  preview.mapping = mappingToJson(columns);
  const where = (col: number) => sheetRef(source.sheet, cellAddress(header.top, col));
  for (const c of mappingConflicts(columns)) {
    block('import.block.conflict', { field: targetHeader(c.target), columns: c.columns.map((n) => columnLetter(n)).join(', ') }, source.sheet, cellAddress(header.top, c.columns[1]!));
  }
  const nameColumn = columns.find((c) => c.target === 'name');
  if (!nameColumn) block('import.block.noNameColumn', { sheet: source.sheet, row: header.top });
  if (mode === 'cdht' && !columns.some((c) => c.target && ['cdhtScore', 'cdhtTitle', 'cdhtCompetences'].includes(c.target))) block('import.block.noCdhtColumn', { sheet: source.sheet });
  if (blocking.length) return { preview, writes: null };

  const spellings: Spellings = readSpellings(sheets.get(SHEETS.lists));
  const extracted = extractRows(sheet, header, columns, spellings, options.includeHiddenRows ?? true);
  preview.rows = extracted.rows;
  preview.skipped = extracted.skipped;
  preview.issues = extracted.issues.map((i) => describeIssue(i, columns, source.sheet, lang));
  const notice = (key: MessageKey, params: Record<string, string | number>, cell: string | null) =>
    preview.notices.push({ code: key, sheet: cell ? source.sheet : null, cell, message: sayWords(lang, { key, params }), words: { key, params } });
  const hiddenRows = extracted.rows.filter((r) => r.hidden);
  // Rows hidden by hand are staff who left, kept in the list: the list the unit counts is the visible one. Most rows
  // hidden is a filter showing one group: those rows are counted, as before.
  const markHidden = mode === 'members' && hiddenRows.length > 0 && hiddenRows.length * 2 < extracted.rows.length;
  if (hiddenRows.length && !markHidden) notice('import.notice.hiddenRows', { sheet: source.sheet, rows: hiddenRows.map((r) => r.row).join(', ') }, cellAddress(hiddenRows[0]!.row, nameColumn!.col));
  const hiddenMapped = columns.filter((c) => c.hidden && c.target);
  for (const c of hiddenMapped) notice('import.notice.hiddenColumn', { where: where(c.col), column: c.header, field: targetHeader(c.target!) }, cellAddress(header.top, c.col));
  const idMapped = columns.some((c) => c.target === ID_TARGET);
  const byName = new Map<string, ImportedRow[]>();
  const rowKeys = new Map<ImportedRow, string>();
  for (const r of extracted.rows) {
    const key = nameKey(r.name);
    rowKeys.set(r, key);
    const same = byName.get(key);
    if (same) same.push(r);
    else byName.set(key, [r]);
  }
  // Namesakes each with their own date of birth are told apart by it, here, on re-import and in evaluate's check.
  const apartByBirth = (same: ImportedRow[]) => {
    const births = same.map((r) => heldText(r.values[BIRTH_TARGET] ?? null, snapshot.date1904 ?? false));
    return births.every((b) => b !== '') && new Set(births).size === births.length;
  };
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const code = idMapped ? 'import.notice.sameNameWithId' : apartByBirth(same) ? 'import.notice.sameNameWithBirth' : 'import.notice.duplicateName';
    notice(code, { name: same[0]!.name, rows: same.map((r) => r.row).join(', '), sheet: source.sheet }, cellAddress(same[1]!.row, nameColumn!.col));
  }
  if (!extracted.rows.length) {
    block('import.block.noRows', { sheet: source.sheet, row: header.dataStart });
    return { preview, writes: null };
  }

  const now = options.now ?? new Date();
  const merged = mergeIntoMembers(members!, membersData!.rows[members!.headerRow - 1] ?? [], extracted.rows, rowKeys, columns, mode, {
    markRemoved: options.markRemoved ?? true,
    clearBlanks: options.clearBlanks ?? false,
    removedNote: noteFor(source, now),
    hiddenNote: markHidden ? (r) => (r.hidden ? `${HIDDEN_NOTE} “${source.sheet}” (dòng ${r.row})` : null) : () => null,
    date1904: snapshot.date1904 ?? false,
    merges: membersData!.merges ?? [],
  });
  preview.diff = merged.diff;
  if (markHidden) {
    const at = new Map([...merged.diff.added, ...merged.diff.updated, ...merged.diff.unchanged].map((e) => [e.sourceRow, e.memberRow]));
    const members = hiddenRows.map((r) => at.get(r.row)).filter((n) => n != null);
    notice('import.notice.hiddenNotCounted', { sheet: source.sheet, rows: hiddenRows.map((r) => r.row).join(', '), members: members.join(', '), members_sheet: SHEETS.members }, cellAddress(hiddenRows[0]!.row, nameColumn!.col));
  }
  if (mode === 'members') {
    const noteCol = columns.find((c) => c.target === 'note')?.col;
    for (const a of absentButUndecided(extracted.rows, merged.diff, members!.table, spellings, markHidden)) {
      notice('import.notice.absenceCounted', { sheet: source.sheet, row: a.row, note: a.note, name: a.name, members_sheet: SHEETS.members, member: a.member }, cellAddress(a.row, noteCol!));
    }
  }
  // New members go under the list: never over what stands below it (its total, the signatures).
  const lastAppended = merged.diff.added.at(-1)?.memberRow ?? null;
  const footer = members!.footerRow;
  if (footer !== null && lastAppended !== null && lastAppended >= footer) {
    const nameCol = members!.table.columns[members!.table.nameIndex]?.col ?? 1;
    block('import.block.footerInTheWay', { sheet: SHEETS.members, row: footer, count: merged.diff.added.length, rows: lastAppended - footer + 1 }, SHEETS.members, cellAddress(footer, nameCol));
    return { preview, writes: null };
  }
  if (mode === 'cdht') {
    for (const u of merged.diff.unmatched) notice('import.notice.unmatched', { name: u.name, sheet: source.sheet, row: u.sourceRow ?? '' }, u.sourceRow ? cellAddress(u.sourceRow, nameColumn!.col) : null);
  }
  preview.ok = true;
  const plans: SheetPlan[] = [];
  if (merged.plan) plans.push(merged.plan);
  if (mode === 'members') {
    const headerRows = header.top === header.bottom ? String(header.top) : `${header.top}–${header.bottom}`;
    plans.push(ownPlan(drawImportSettings(source.sheet, headerRows, formatDate(now), columns, (k) => merged.headers.get(k) ?? targetHeader(k), options.markRemoved === false ? saved : null), ROLE.importSettings));
  }
  return { preview, writes: { plans, cellCount: merged.cellCount, select: merged.firstChanged } };
}

/**
 * Rows whose note says the person is away or moved (noteSaysAbsent) while the import leaves them
 * counted by default: the list's own “Tính vào tổng số”, else the members sheet's, is blank (Có
 * or Không there is the unit's decision).
 */
function absentButUndecided(rows: ImportedRow[], diff: ImportDiff, table: MemberTable, spellings: Spellings, hiddenMarked: boolean): { row: number; note: string; name: string; member: number }[] {
  const memberRowOf = new Map([...diff.added, ...diff.updated, ...diff.unchanged].map((e) => [e.sourceRow, e.memberRow]));
  const sheetCounted = new Map(table.countedIndex === null ? [] : table.rows.map((r) => [r.row, r.cells[table.countedIndex!] ?? null]));
  const out: { row: number; note: string; name: string; member: number }[] = [];
  for (const r of rows) {
    const note = readText(plainValue(r.values.note));
    const member = memberRowOf.get(r.row);
    if (!note || member == null || (hiddenMarked && r.hidden) || !noteSaysAbsent(note)) continue;
    const listed = plainValue(r.values.counted);
    const counted = readText(listed) !== '' ? listed : (sheetCounted.get(member) ?? null);
    if (readYesNo(counted, spellings) === 'blank') out.push({ row: r.row, note, name: r.name, member });
  }
  return out;
}

/** A text, number or boolean as read; a date or a formula is no note and no yes/no. */
function plainValue(v: CellInput | undefined): CellValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

function noteFor(source: ImportSource, now: Date): string {
  return `${REMOVED_NOTE} “${source.sheet}” ngày ${formatDate(now)}`;
}

/** What a column expects, said after “Cần:”: a target's own words, else its field kind's (every kind has some). */
const EXPECTED_BY_TARGET: Partial<Record<TargetKey, MessageKey>> = {
  cdhtTitle: 'import.expect.passFail',
  [BIRTH_TARGET]: 'import.expect.birth',
  [ID_TARGET]: 'import.expect.memberId',
  [FAMILY_TARGET]: 'import.expect.familyName',
  position: 'import.expect.position',
  team: 'import.expect.team',
  disciplinary: 'import.expect.disciplinary',
  note: 'import.expect.note',
};
const EXPECTED_BY_KIND: Record<FieldKind, MessageKey> = {
  ordinal: 'import.expect.ordinal',
  name: 'import.expect.name',
  text: 'import.expect.text',
  yesno: 'import.expect.yesno',
  number: 'import.expect.score',
  title: 'import.expect.title',
};

/** A column headed by a title itself (LĐTT with x marks) expects a mark: see describeIssue. */
function expectedOf(target: TargetKey): MessageKey {
  return EXPECTED_BY_TARGET[target] ?? EXPECTED_BY_KIND[fieldOf(target)?.kind ?? 'text'];
}

function describeIssue(i: ImportIssue, columns: MappedColumn[], sheet: string, lang: Lang): ImportIssueReport {
  const column = columns.find((c) => c.col === i.col);
  const header = column?.header ?? targetHeader(i.target);
  const params = { where: sheetRef(sheet, i.cell), found: i.found, column: header, field: targetHeader(i.target), expected: { key: column?.impliedTitle ? 'import.expect.yesno' : expectedOf(i.target) } };
  const key = (
    i.reason === 'nameMissing'
      ? 'import.issue.nameMissing'
      : i.target === 'name' && i.reason === 'cellError'
        ? 'import.issue.nameError'
        : i.target === 'name' && i.reason === 'formulaNotCalculated'
          ? 'import.issue.nameNotCalculated'
          : `import.issue.${i.reason}`
  ) as MessageKey;
  return { ...i, header, sheet, message: sayWords(lang, { key, params }), words: { key, params } };
}

// ---------------------------------------------------------------------------------------
// Merging into "Thành viên"

interface Existing {
  row: number;
  name: string;
  key: string;
  id: string | null;
  /** Its date of birth as the sheet holds it (heldText), when the import carries one. */
  birth: string | null;
  /** The row's cells in the members table's column order (see `cellAt`). */
  cells: CellValue[];
}

/**
 * Match: by ID where both sides have one, else by name and date of birth where both have one,
 * else by name (the k-th namesake to the k-th); a CDHT list naming once a name two members share
 * matches neither. Indexed by ID and by name key, each key computed once: linear in members + rows.
 */
function matchRows(existing: Existing[], rows: ImportedRow[], rowKeys: Map<ImportedRow, string>, idMapped: boolean, mode: ImportMode, birthOf: Map<ImportedRow, string>): Map<ImportedRow, Existing | null> {
  const used = new Set<Existing>();
  const matchOf = new Map<ImportedRow, Existing | null>();
  const byId = new Queues<string>();
  const byName = new Queues<string>();
  // Rows with an ID matched nobody by it, so they may only take a namesake without an ID.
  const byNameNoId = new Queues<string>();
  const byBirth = new Queues<string>();
  const byBirthNoId = new Queues<string>();
  const born = (key: string, birth: string) => `${key}\u0000${birth}`;
  for (const e of existing) {
    if (e.id) byId.add(e.id, e);
    byName.add(e.key, e);
    if (!e.id) byNameNoId.add(e.key, e);
    if (e.birth) {
      byBirth.add(born(e.key, e.birth), e);
      if (!e.id) byBirthNoId.add(born(e.key, e.birth), e);
    }
  }
  const rowsPerKey = new Map<string, number>();
  for (const key of rowKeys.values()) rowsPerKey.set(key, (rowsPerKey.get(key) ?? 0) + 1);
  const take = (m: Existing | null, r: ImportedRow) => {
    if (m) used.add(m);
    matchOf.set(r, m);
  };
  for (const r of rows) {
    if (!(idMapped && r.id)) continue;
    const m = byId.first(r.id, used);
    if (m) take(m, r);
  }
  // Namesakes listed in another order than last year's: each finds the member born that day.
  for (const r of rows) {
    const birth = birthOf.get(r);
    if (matchOf.has(r) || !birth) continue;
    const m = (idMapped && r.id ? byBirthNoId : byBirth).first(born(rowKeys.get(r)!, birth), used);
    if (m) take(m, r);
  }
  for (const r of rows) {
    if (matchOf.has(r)) continue;
    const key = rowKeys.get(r)!;
    if (mode === 'cdht' && byName.size(key) > 1 && rowsPerKey.get(key)! < 2) {
      matchOf.set(r, null); // two members share this name and the list cannot say which
      continue;
    }
    take((idMapped && r.id ? byNameNoId : byName).first(key, used), r);
  }
  return matchOf;
}

/** Members by key in sheet order; `first` skips those already taken, once each. */
class Queues<K> {
  private readonly lists = new Map<K, { items: Existing[]; next: number }>();
  add(key: K, e: Existing): void {
    const q = this.lists.get(key);
    if (q) q.items.push(e);
    else this.lists.set(key, { items: [e], next: 0 });
  }
  size(key: K): number {
    return this.lists.get(key)?.items.length ?? 0;
  }
  first(key: K, used: Set<Existing>): Existing | null {
    const q = this.lists.get(key);
    if (!q) return null;
    while (q.next < q.items.length && used.has(q.items[q.next]!)) q.next++;
    return q.items[q.next] ?? null;
  }
}

interface Merged {
  diff: ImportDiff;
  plan: SheetPlan | null;
  cellCount: number;
  firstChanged: string | null;
  /** The members sheet's header of each target's column (the saved mapping names it). */
  headers: Map<TargetKey, string>;
}

const cellText = (v: CellValue | CellInput | undefined): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && !('error' in v)) return '';
  return foldKeySafe(readText(v as CellValue));
};
/** Values compare as the user reads them (NFC, spacing), not by Unicode form. */
const foldKeySafe = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** A value to write as the sheet will hold it (a date: its serial in the workbook's system), compared as cellText. */
const heldText = (v: CellValue | CellInput, date1904: boolean): string => cellText(v instanceof Date ? dateToSerial(v, date1904) : v);

interface MergeOptions {
  markRemoved: boolean;
  clearBlanks: boolean;
  removedNote: string;
  /** The note of a row imported not counted (hidden in the list), null for a row counted as usual. */
  hiddenNote: (r: ImportedRow) => string | null;
  /** The members sheet's workbook counts dates from 1904. */
  date1904: boolean;
  /** The members sheet's merged ranges: the members table stops above them (membersTable). */
  merges: readonly string[];
}

/** A date of birth that is no date (a year, a number) shows as typed, not as a day of 1905 in a cell a date was written to before. */
const PLAIN_NUMBER = { numberFormat: 'General' };

function mergeIntoMembers(members: ParsedMembers, headerCells: readonly CellValue[], rows: ImportedRow[], rowKeys: Map<ImportedRow, string>, columns: MappedColumn[], mode: ImportMode, { markRemoved, clearBlanks, removedNote, hiddenNote, date1904, merges }: MergeOptions): Merged {
  const diff = emptyDiff();
  const table = members.table;
  // Where each target lives in the members sheet; missing ones are added after the last header.
  let nextCol = members.lastHeaderCol + 1;
  const added: { col: number; header: string }[] = [];
  const colOf = new Map<TargetKey, number>();
  const headers = new Map<TargetKey, string>();
  // A birth column keeps the list's own header ("Năm sinh"); any birth header of the sheet's is found.
  const birthColumn = columns.find((c) => c.target === BIRTH_TARGET);
  const locate = (key: TargetKey, create: boolean): number | null => {
    if (colOf.has(key)) return colOf.get(key)!;
    const tgt = TARGETS.find((x) => x.key === key)!;
    // By columnKey, as the engine finds a column: a header respelt (kỉ/kỷ) is this column, not one to add.
    const exact = table.columns.find((c) => columnKey(c.header) === columnKey(tgt.header));
    const alias = exact ?? table.columns.find((c) => tgt.aliases.some((a) => columnKey(a) === columnKey(c.header)));
    let col = alias?.col ?? null;
    let header = alias?.header ?? tgt.header;
    if (col === null && create) {
      col = nextCol++;
      header = key === BIRTH_TARGET && birthColumn ? birthHeader(birthColumn.parts) : tgt.header;
      added.push({ col, header });
    }
    if (col !== null) {
      colOf.set(key, col);
      headers.set(key, header);
    }
    return col;
  };
  // How a written value reads to the clerk.
  const shown = (key: TargetKey, v: CellValue | CellInput): string => (key === BIRTH_TARGET ? birthText(v, date1904) : readText(v as CellValue));
  const headerOf = (key: TargetKey) => headers.get(key) ?? targetHeader(key);
  const plainNumbers: { row: number; col: number; value: CellInput }[] = [];
  const notedPlain = (key: TargetKey, row: number, col: number, value: CellInput) => {
    if (key === BIRTH_TARGET && typeof value === 'number') plainNumbers.push({ row, col, value });
  };
  const mapped = [...new Set(columns.filter((c) => c.target).map((c) => c.target!))];
  // The STT is renumbered, the family name is part of "Họ và tên": neither has a column of its own.
  const writable = mapped.filter((k) => k !== 'ordinal' && k !== FAMILY_TARGET && (mode === 'members' || !CDHT_MATCH_KEYS.includes(k)));
  for (const k of writable) locate(k, true);
  const nameCol = locate('name', mode === 'members')!;
  const idCol = mapped.includes(ID_TARGET) ? locate(ID_TARGET, mode === 'members') : locate(ID_TARGET, false);
  const birthCol = mapped.includes(BIRTH_TARGET) ? locate(BIRTH_TARGET, false) : null;

  const index = new Map(table.columns.map((c, i) => [c.col, i]));
  // A column the sheet does not have yet (added by this import) reads as empty.
  const cellAt = (cells: CellValue[], col: number): CellValue => {
    const i = index.get(col);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const existing: Existing[] = [];
  for (const r of table.rows) {
    const cells = r.cells;
    const name = readText(cellAt(cells, nameCol));
    if (!name) continue;
    existing.push({ row: r.row, name, key: nameKey(name), id: idCol ? readText(cellAt(cells, idCol)) || null : null, birth: birthCol ? heldText(cellAt(cells, birthCol), date1904) || null : null, cells });
  }
  const birthOf = new Map<ImportedRow, string>();
  if (birthCol) for (const r of rows) if (heldText(r.values[BIRTH_TARGET] ?? null, date1904)) birthOf.set(r, heldText(r.values[BIRTH_TARGET] ?? null, date1904));

  const matchOf = matchRows(existing, rows, rowKeys, mapped.includes(ID_TARGET), mode, birthOf);
  const used = new Set<Existing>();
  for (const m of matchOf.values()) if (m) used.add(m);
  const writes = new Map<number, { row: number; col: number; value: CellInput }>();
  const put = (row: number, col: number, value: CellInput) => writes.set(cellKey(row, col), { row, col, value });
  let nextRow = Math.max(members.lastDataRow, members.headerRow) + 1;
  // New members go below every existing row: kept per column, written as whole columns.
  const firstNew = nextRow;
  const newRows = new Map<number, CellInput[]>();
  let newCells = 0;
  const append = (row: number, col: number, value: CellInput) => {
    let values = newRows.get(col);
    if (!values) newRows.set(col, (values = []));
    if (!(row - firstNew in values)) newCells++;
    values[row - firstNew] = value;
  };
  let ordinal = existing.length;
  const ordinalCol = mode === 'members' ? locate('ordinal', false) : null;
  const fieldColumns = writable.filter((k) => k !== 'name' && k !== ID_TARGET).map((key) => ({ key, col: colOf.get(key)! }));
  // Where an import marks a member not counted (gone from the list, hidden in it) and counts them again when listed:
  // the columns are added only for a mark; a list that only adds still counts again those an import marked.
  const marking = markRemoved || rows.some((r) => hiddenNote(r) !== null);
  const countedAt = mode === 'members' ? locate('counted', marking) : null;
  const noteAt = mode === 'members' ? locate('note', marking) : null;
  const marks = countedAt !== null && noteAt !== null ? { counted: countedAt, note: noteAt } : null;

  for (const r of rows) {
    const m = matchOf.get(r) ?? null;
    if (!m) {
      if (mode === 'cdht') {
        diff.unmatched.push({ name: r.name, sourceRow: r.row, memberRow: null, changes: [] });
        continue;
      }
      const row = nextRow++;
      append(row, nameCol, r.name);
      if (idCol && r.id) append(row, idCol, r.id);
      if (ordinalCol) append(row, ordinalCol, ++ordinal);
      for (const { key, col } of fieldColumns) {
        append(row, col, r.values[key] ?? null);
        notedPlain(key, row, col, r.values[key] ?? null);
      }
      const hidden = hiddenNote(r);
      if (marks && hidden) {
        append(row, marks.counted, 'Không');
        append(row, marks.note, withNote(readText((r.values['note'] ?? null) as CellValue), hidden));
      }
      diff.added.push({ name: r.name, sourceRow: r.row, memberRow: row, changes: [] });
      continue;
    }
    const changes: Change[] = [];
    const change = (k: TargetKey, col: number, after: CellInput) => {
      const before = cellAt(m.cells, col);
      if (before === after || cellText(before) === heldText(after, date1904)) return;
      // The same name typed otherwise (case, spaces, Unicode form): the sheet's spelling stays.
      if (k === 'name' && typeof after === 'string' && nameKey(readText(before)) === nameKey(after)) return;
      // The same value read alike ("12/03/1980" as text, the list's date): a real date or number is written, no change to list.
      if (after !== null && shown(k, before) === shown(k, after)) {
        if (typeof before === 'string' && typeof after !== 'string') {
          put(m.row, col, after);
          notedPlain(k, m.row, col, after);
        }
        return;
      }
      changes.push({ target: k, header: headerOf(k), cell: cellAddress(m.row, col), before: shown(k, before), after: after === null ? '' : shown(k, after) });
      put(m.row, col, after);
      notedPlain(k, m.row, col, after);
    };
    if (mode === 'members') {
      change('name', nameCol, r.name);
      if (idCol && r.id) change(ID_TARGET, idCol, r.id);
    }
    // An unreadable source cell never wipes what the members sheet already holds; a blank one
    // only when the user chose so (what the clerk typed in the members sheet is kept otherwise).
    for (const { key, col } of fieldColumns) {
      if (r.unreadable.includes(key)) continue;
      const after = r.values[key] ?? null;
      const before = cellText(cellAt(m.cells, col));
      if (!clearBlanks && heldText(after, date1904) === '' && before !== '') {
        diff.kept.push({ name: r.name, sourceRow: r.row, target: key, header: headerOf(key), cell: cellAddress(m.row, col), value: shown(key, cellAt(m.cells, col)) });
        continue;
      }
      change(key, col, after);
    }
    if (marks) {
      // What the row holds once this import's writes are in: a member on a hidden row is not counted; one an
      // import marked (hidden, or gone from the list) and listed on a shown row is counted again.
      const held = (col: number): CellInput => (writes.has(cellKey(m.row, col)) ? writes.get(cellKey(m.row, col))!.value : (cellAt(m.cells, col) as CellInput));
      const note = readText(held(marks.note) as CellValue);
      const notCounted = readYesNo(held(marks.counted) as CellValue) === 'no';
      const hidden = hiddenNote(r);
      const settle = (k: TargetKey, col: number, after: CellInput) => {
        const at = changes.findIndex((c) => c.target === k);
        if (at >= 0) changes.splice(at, 1);
        writes.delete(cellKey(m.row, col));
        change(k, col, after);
      };
      if (hidden) {
        if (!notCounted) settle('counted', marks.counted, 'Không');
        if (!note.includes(HIDDEN_NOTE)) settle('note', marks.note, withNote(note, hidden));
      } else if (notCounted && importMarks(readText(cellAt(m.cells, marks.note))).length) {
        settle('counted', marks.counted, null);
        settle('note', marks.note, withoutMarks(note) || null);
      }
    }
    (changes.length ? diff.updated : diff.unchanged).push({ name: r.name, sourceRow: r.row, memberRow: m.row, changes });
  }

  if (marks && markRemoved) {
    const { counted: countedCol, note: noteCol } = marks;
    for (const e of existing) {
      if (used.has(e)) continue;
      const entry: DiffEntry = { name: e.name, sourceRow: null, memberRow: e.row, changes: [] };
      const note = readText(cellAt(e.cells, noteCol));
      const notCounted = readYesNo(cellAt(e.cells, countedCol)) === 'no';
      if (notCounted && note.includes(REMOVED_NOTE)) entry.alreadyMarked = true;
      else {
        if (!notCounted) put(e.row, countedCol, 'Không');
        if (!note.includes(REMOVED_NOTE)) put(e.row, noteCol, note ? `${note}; ${removedNote}` : removedNote);
      }
      diff.removed.push(entry);
    }
  }

  if (!writes.size && !newCells && !added.length) return { diff, plan: null, cellCount: 0, firstChanged: null, headers };
  const cells: CellBlock[] = [];
  for (const a of added) cells.push({ at: cellAddress(members.headerRow, a.col), rows: [[a.header]] });
  for (const block of columnRuns(writes.values())) cells.push(block);
  for (const [col, values] of [...newRows].sort((a, b) => a[0] - b[0])) for (const block of valueRuns(values, firstNew, col)) cells.push(block);
  const styles: StyleRun[] = added.map((a) => ({ range: cellAddress(members.headerRow, a.col), style: STYLE.header }));
  for (const block of columnRuns(plainNumbers)) {
    const at = parseCell(block.at);
    styles.push({ range: `${block.at}:${cellAddress(at.row + block.rows.length - 1, at.col)}`, style: PLAIN_NUMBER });
  }
  const appended = diff.added.map((a) => a.memberRow!);
  if (appended.length) {
    const lastUserCol = Math.max(nextCol - 1, ...table.columns.map((c) => c.col));
    // Appended rows are consecutive, in order.
    styles.push(...memberRowStyles(appended[0]!, appended[appended.length - 1]!, Math.max(lastUserCol, members.lastHeaderCol), members.resultColumns));
  }
  let first: { row: number; col: number } | undefined;
  for (const w of writes.values()) if (!first || w.row < first.row || (w.row === first.row && w.col < first.col)) first = w;
  if (!first && newCells) first = { row: firstNew, col: Math.min(...[...newRows].filter(([, v]) => 0 in v).map(([c]) => c)) };
  const rowHeights = wrappedRows(table, added, writes.values(), newRows, firstNew);
  const plan: SheetPlan = {
    sheet: SHEETS.members,
    mode: 'existing',
    cells,
    styles,
    ...(added.length ? { columns: added.map((a) => ({ index: a.col, width: widthOf(a.header) })) } : {}),
    ...(rowHeights.length ? { rowHeights } : {}),
  };
  if (appended.length || added.length) {
    // The members table takes in the appended rows and added columns now, not at the next evaluate.
    const headers = [...headerCells];
    for (const a of added) headers[a.col - 1] = a.header;
    const { table: spec, fixes } = membersTable(headers, members.headerRow, Math.max(members.lastHeaderCol, nextCol - 1), Math.max(members.lastDataRow, nextRow - 1), merges);
    cells.push(...fixes);
    plan.tables = [spec];
    // The table filters itself: a sheet AutoFilter (drawn by earlier versions) would clash with it.
    plan.autoFilter = '';
  }
  return {
    diff,
    plan,
    cellCount: writes.size + newCells + added.length,
    firstChanged: first ? cellAddress(first.row, first.col) : null,
    headers,
  };
}

const withNote = (note: string, mark: string): string => (note ? `${note}; ${mark}` : mark);
/** A part of a member's note an import wrote (gone from the list, hidden in it), after the clerk's own. */
const isImportMark = (part: string): boolean => part.startsWith(REMOVED_NOTE) || part.startsWith(HIDDEN_NOTE);
/** The parts of a member's note an import wrote: the member left (a new year keeps them not counted, newYear.ts). */
export const importMarks = (note: string): string[] => note.split('; ').filter(isImportMark);
const withoutMarks = (note: string): string => note.split('; ').filter((p) => !isImportMark(p)).join('; ');

function widthOf(header: string): number {
  return MEMBER_FIELDS.find((f) => f.header === header)?.width ?? 16;
}

/**
 * Heights for the rows written whose texts wrap to more than one line in their columns ("Phó
 * Hiệu trưởng phụ trách chuyên môn …", a note): LibreOffice and the preview draw a row at its
 * stored height, so its lines would print over the next member's. Fitted, not fixed: Excel still
 * autofits the row, and a height the clerk set is kept (RowHeight.fit).
 */
function wrappedRows(table: MemberTable, added: readonly { col: number; header: string }[], writes: Iterable<{ row: number; col: number; value: CellInput }>, newRows: ReadonlyMap<number, CellInput[]>, firstNew: number): RowHeight[] {
  const width = new Map<number, number>([...table.columns.map((c) => [c.col, widthOf(c.header)] as const), ...added.map((a) => [a.col, widthOf(a.header)] as const)]);
  const texts = new Map<number, Map<number, string>>();
  const textsOf = (row: number) => texts.get(row) ?? texts.set(row, new Map()).get(row)!;
  const byRow = new Map(table.rows.map((r) => [r.row, r.cells]));
  for (const w of writes) {
    const row = textsOf(w.row);
    // The row as it will read: its cells, with what this import writes.
    if (row.size === 0) table.columns.forEach((c, i) => row.set(c.col, cellText(byRow.get(w.row)?.[i])));
    row.set(w.col, cellText(w.value));
  }
  for (const [col, values] of newRows) values.forEach((v, i) => textsOf(firstNew + i).set(col, cellText(v)));
  const one = heightFor(1, DATA_FONT_SIZE);
  const out: RowHeight[] = [];
  for (const [index, cells] of texts) {
    const height = rowFitHeight([...cells].filter(([col, text]) => text && width.has(col)).map(([col, text]) => [width.get(col)!, text] as const), DATA_FONT_SIZE);
    if (height > one) out.push({ index, height, fit: true });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Blocks of a column's values from row `top` on; holes are cells left untouched. */
function valueRuns(values: CellInput[], top: number, col: number): CellBlock[] {
  const out: CellBlock[] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const written = i < values.length && i in values;
    if (written && start < 0) start = i;
    if (!written && start >= 0) {
      out.push({ at: cellAddress(top + start, col), rows: values.slice(start, i).map((v) => [v]) });
      start = -1;
    }
  }
  return out;
}

/** One block per run of consecutive rows in a column: untouched cells stay untouched. */
function columnRuns(cells: Iterable<{ row: number; col: number; value: CellInput }>): CellBlock[] {
  // By column, then by row: writes arrive in row order almost always, so sorting is rare.
  const byCol = new Map<number, { row: number; value: CellInput }[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  const out: CellBlock[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const list = byCol.get(col)!;
    if (list.some((c, i) => i > 0 && c.row < list[i - 1]!.row)) list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i]!.row === list[i - 1]!.row + 1) continue;
      out.push({ at: cellAddress(list[start]!.row, col), rows: list.slice(start, i).map((c) => [c.value]) });
      start = i;
    }
  }
  return out;
}
