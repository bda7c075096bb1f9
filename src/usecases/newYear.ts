/**
 * "Sang năm mới": the unit's workbook for the next year, written on a copy (the caller
 * opens the old file's bytes and saves the result elsewhere: the old file is never
 * written). Kept: the unit's details, the members (their "counted" flag back to counted, but for
 * those an import marked as gone: they left),
 * the rule set, the import mapping, the templates and the documents' narrative, and the
 * recognition history (date and level of the last decision, for the 12/36-month rules).
 * Cleared: this year's answers, evidence, member results and notes, the learners' typed figures
 * (their formulas kept), and every figure the add-in wrote.
 */
import { columnKey, foldKey } from '../domain/text';
import { readNumber, readText, readYesNo } from '../domain/values';
import { MEMBER_FIELDS } from '../domain/memberFields';
import type { CellBlock, SheetPlan, Workbook, WorkbookSnapshot } from '../workbook/port';
import { cellAddress, MAX_COLUMN, rangeAddress } from '../workbook/a1';
import { SHEETS } from '../sheets/names';
import { COL } from '../sheets/criteriaSheet';
import { UNIT_FIELDS, type ParsedUnit } from '../sheets/unitSheet';
import type { ParsedMembers } from '../sheets/membersSheet';
import { importMarks } from './import/importMembers';
import { columnsRead } from './memberChecks';
import { locateProblem, type LocatedProblem } from '../sheets/locate';
import { UNIT_WORKBOOK_SHEETS, type UnitWorkbook } from '../sheets/unitWorkbook';
import { DOCUMENT_KINDS, DOCUMENT_SHEET, documentSheetNames } from '../documents/names';
import { DOCUMENT_ROLE } from './documents';
import { t, type Lang } from '../i18n';
import { editedOwnPlan, ownPlan, ownSheetMarks, ownSheetName, parseUnitWorkbookOrRenamed, readOwnSheets, ROLE, UNIT_TEMPLATES_SHEET, unitTemplatesSheet } from './ownSheets';

/**
 * Member columns that say who the member is, not what they did this year: kept. Not the notes:
 * a note tells of the member's year ("Nghỉ thai sản từ tháng 3", why they were not counted).
 */
const IDENTITY = new Set(['ordinal', 'name', 'position', 'team']);

export type NewYearResult =
  | {
      ok: true;
      unit: string;
      year: number;
      members: number;
      clearedMemberColumns: string[];
      /** Document sheets drawn last year, kept (the unit's edits in them are kept when drawn again): they still print last year's figures. */
      lastYearDocuments: string[];
    }
  | { ok: false; problems: LocatedProblem[] };

/** The member field a heading names, spelt as the engine reads it (kỉ/kỷ, case, spaces). */
function fieldKeyOf(header: string): string | undefined {
  const k = columnKey(header);
  return MEMBER_FIELDS.find((f) => columnKey(f.header) === k || f.aliases.some((a) => columnKey(a) === k))?.key;
}

/** A column no member field names but a members indicator's condition reads (a local rule set's): this year's answers too. */
const RULE_COLUMN = 'ruleColumn';

/** A column's cells from `first` to `last` set blank (one block). */
function blankColumn(col: number, first: number, last: number): CellBlock {
  return { at: cellAddress(first, col), rows: Array.from({ length: last - first + 1 }, () => [null]) };
}

/** The result block of "Thông tin đơn vị" emptied (what an evaluation wrote no longer holds). */
export function unitResultsCleared(unit: ParsedUnit): CellBlock[] {
  return Object.values(unit.resultRows).map((r) => ({ at: `B${r}`, rows: [[null]] }));
}

/** The value cell of a field of "Thông tin đơn vị", found by its label. */
export function unitFieldRow(unit: ParsedUnit, label: string): number | undefined {
  return unit.fields.find((f) => foldKey(f.label) === foldKey(label))?.at.row;
}

function unitPlan(wb: UnitWorkbook, year: number): SheetPlan {
  const yearRow = unitFieldRow(wb.unit, UNIT_FIELDS.year);
  return {
    sheet: SHEETS.unit,
    mode: 'existing',
    cells: [...(yearRow ? [{ at: `B${yearRow}`, rows: [[year]] }] : []), ...unitResultsCleared(wb.unit)],
  };
}

function criteriaPlan(wb: UnitWorkbook): SheetPlan {
  const cells: CellBlock[] = [];
  for (const r of wb.criteria.rows) {
    // The unit's answer and evidence (indicators only), then the add-in's figures K–P.
    const from = r.indicator ? COL.answer : COL.applicable;
    cells.push({ at: cellAddress(r.row, from), rows: [Array.from({ length: COL.earned - from + 1 }, () => null)] });
  }
  return { sheet: SHEETS.criteria, mode: 'existing', cells };
}

function membersPlan(wb: UnitWorkbook): { plan: SheetPlan; cleared: string[] } {
  const m = wb.members;
  const first = m.headerRow + 1;
  const last = m.lastDataRow;
  const cleared: string[] = [];
  const cells: CellBlock[] = [];
  if (last >= first) {
    const gone = stillGone(m);
    const read = columnsRead(wb.criteria.ruleSet);
    for (const c of m.table.columns) {
      const key = fieldKeyOf(c.header) ?? (read.has(columnKey(c.header)) ? RULE_COLUMN : undefined);
      // A column the product does not know is the school's own: not ours to judge.
      if (!key || IDENTITY.has(key)) continue;
      const kept = key === 'counted' || key === 'note' ? gone : null;
      cells.push(kept?.size ? { at: cellAddress(first, c.col), rows: Array.from({ length: last - first + 1 }, (_, i) => [kept.get(first + i)?.[key as 'counted' | 'note'] ?? null]) } : blankColumn(c.col, first, last));
      // Blank "counted" is counted: the message says it is back to its default, not cleared.
      if (key !== 'counted') cleared.push(c.header);
    }
    cells.push(...memberResultsCleared(m));
  }
  return { plan: { sheet: SHEETS.members, mode: 'existing', cells }, cleared };
}

/**
 * Members an import marked as gone (missing from the list, or hidden in it: staff who left), by
 * sheet row: they stay not counted, their note the import's mark alone (counted again, they would
 * lower every share).
 */
function stillGone(m: ParsedMembers): Map<number, { counted: string; note: string }> {
  const { table } = m;
  const indexOf = (key: string) => table.columns.findIndex((c) => fieldKeyOf(c.header) === key);
  const [counted, note] = [indexOf('counted'), indexOf('note')];
  const gone = new Map<number, { counted: string; note: string }>();
  if (counted < 0 || note < 0) return gone;
  for (const r of table.rows) {
    const marks = importMarks(readText(r.cells[note] ?? null));
    if (marks.length && readYesNo(r.cells[counted] ?? null) === 'no') gone.set(r.row, { counted: 'Không', note: marks.join('; ') });
  }
  return gone;
}

/** The add-in's per-member result columns emptied over the members' rows. */
export function memberResultsCleared(m: ParsedMembers): CellBlock[] {
  const first = m.headerRow + 1;
  if (m.lastDataRow < first) return [];
  return Object.values(m.resultColumns).map((col) => blankColumn(col, first, m.lastDataRow));
}

/** The marks a use-case reads to find the summary and the document sheets (staleResults). */
export const RESULT_SHEET_MARKS = ownSheetMarks(SHEETS.summary, ...DOCUMENT_KINDS.flatMap(documentSheetNames));

/**
 * What still shows results that no longer hold: the summary's plan (the sheet stays, saying
 * `note` until the next evaluation; only where the add-in's mark is), and the document sheets
 * drawn from them (kept: the unit's edits in them are kept when drawn again).
 */
export function staleResults(snapshot: WorkbookSnapshot, note: string): { summary: SheetPlan | null; documents: string[] } {
  const marked = new Set(snapshot.roles?.values() ?? []);
  const summary = marked.has(ROLE.summary) ? ownPlan({ sheet: SHEETS.summary, mode: 'replace', cells: [{ at: 'A1', rows: [[note]] }] }, ROLE.summary) : null;
  const documents = Object.entries(DOCUMENT_ROLE)
    .filter(([, role]) => marked.has(role))
    .map(([kind, role]) => ownSheetName(snapshot, DOCUMENT_SHEET[kind as keyof typeof DOCUMENT_ROLE], role))
    .filter((sheet) => snapshot.sheetNames.includes(sheet));
  return { summary, documents };
}

/**
 * Last year's figures of “Người học” cleared, the classes' and those typed in a subtotal, a
 * grade's heading or the total; a figure a formula computes is kept (it adds up the new classes),
 * its cached result dropped with every other formula of the list (a file would show last year's).
 */
function learnersPlan(wb: UnitWorkbook, formulas: ReadonlySet<string>): SheetPlan | null {
  const l = wb.learners;
  if (!l) return null;
  const rows = [...l.rows.map((r) => r.row), ...l.subtotalRows, ...l.totalRows];
  if (rows.length === 0) return null;
  const figures = rows.flatMap((r) => [cellAddress(r, l.headcountCol), cellAddress(r, l.cdhtCol)]);
  return {
    sheet: SHEETS.learners,
    mode: 'existing',
    cells: figures.filter((at) => !formulas.has(at)).map((at) => ({ at, rows: [[null]] })),
    recalculate: [rangeAddress(l.headerRow + 1, 1, Math.max(...rows), MAX_COLUMN)],
  };
}

export async function startNewYear(workbook: Workbook, options: { lang?: Lang } = {}): Promise<NewYearResult> {
  const lang = options.lang ?? 'vi';
  return workbook.batch(async (session) => {
    const snapshot = await readOwnSheets(session, UNIT_WORKBOOK_SHEETS, [UNIT_TEMPLATES_SHEET], { marks: RESULT_SHEET_MARKS, formulas: [SHEETS.learners] });
    const parsed = parseUnitWorkbookOrRenamed(snapshot);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => locateProblem(p, lang)) };
    const wb = parsed.workbook;
    const current = readNumber(wb.unit.info.year);
    const year = (current.kind === 'number' ? Math.trunc(current.value) : new Date().getFullYear() - 1) + 1;
    session.write(unitPlan(wb, year));
    session.write(criteriaPlan(wb));
    const members = membersPlan(wb);
    session.write(members.plan);
    const learners = learnersPlan(wb, wb.sheets.learners?.formulas ?? new Set());
    if (learners) session.write(learners);
    // The documents' sign date was this year's.
    const templates = unitTemplatesSheet(snapshot);
    const signRow = templates.data?.rows.findIndex((r) => readText(r[0] ?? null).trim() === 'chung.ngay_ky') ?? -1;
    if (signRow >= 0) session.write(editedOwnPlan({ sheet: templates.sheet, mode: 'own', cells: [{ at: `B${signRow + 1}`, rows: [[null]] }] }, UNIT_TEMPLATES_SHEET, templates));
    // Last year's summary is last year's result: the sheet stays, empty until the next evaluation.
    const stale = staleResults(snapshot, t('vi', 'newYear.summaryCleared', { year }));
    if (stale.summary) session.write(stale.summary);
    const lastYearDocuments = stale.documents;
    return { ok: true, unit: readText(wb.unit.info.name), year, members: wb.members.table.rows.length, clearedMemberColumns: members.cleared, lastYearDocuments };
  });
}
