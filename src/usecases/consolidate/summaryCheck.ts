/**
 * "Tổng hợp" as the unit printed, signed and sent it, against what its data give. Every figure
 * the evaluation draws there is a formula on the data sheets (summarySheet.ts): a figure that is
 * not the recomputation's was typed over (a constant where the formula was) or is a cached value
 * nobody calculated. The requirement beside each indicator (“Yêu cầu”) is written as text: it is
 * read for what it means against the unit's own rule set. Read from the file (SheetRows) are only
 * the columns checked, without their formulas: the table's codes, requirements and figures (not its
 * long texts), the conclusion, the member list's numbers and results, the totals line; a row with a
 * cell that differs is read again for its formulas (and a member's, its name). Consolidation reads
 * thousands of files.
 */
import type { Evaluation, Status } from '../../domain/evaluation';
import { findByCode } from '../../domain/arrays';
import { foldKey } from '../../domain/text';
import { isUncalculated, readFraction, readNumber, readText, type CellValue } from '../../domain/values';
import { RESULT_TEXT, SHEETS } from '../../sheets/names';
import { MEMBER_RESULT_HEADERS } from '../../sheets/membersSheet';
import { CONCLUSION_LABEL, CRITERION_LABEL, MEMBER_COLUMNS, MEMBER_NUMBER_HEADER, NOT_COUNTED, SUMMARY_HEADER_ROW, SUMMARY_HEADERS, totalsText } from '../../sheets/summaryLayout';
import { columnLetter, sheetRef } from '../../workbook/a1';
import type { SheetRows } from '../../xlsx';
import { t, type Lang } from '../../i18n';
import { formatMeasured, formatNumber, formatPercent, formatThreshold, percentTenths } from '../../i18n/format';
import type { Flag } from './records';

/**
 * Rows read past the table's last: the conclusion is the second, the member list's header the
 * sixth; two more in case the clerk inserted a line. The heading above the table is not read: its
 * texts cost more to read than the table's figures.
 */
const ROWS_AFTER_TABLE = 8;
/** Cells named in the remark; the others counted in “…”. */
const CELLS_SHOWN = 5;
/** The table's headers read (the indicator's text and its evidence, long texts, are not). */
const FIGURE_HEADERS = [SUMMARY_HEADERS.code, SUMMARY_HEADERS.requirement, SUMMARY_HEADERS.value, SUMMARY_HEADERS.ratio, SUMMARY_HEADERS.result, SUMMARY_HEADERS.points];
/** Where the evaluation draws them (A, C, D, E, G, H): read first; a table laid out otherwise is read whole. */
const FIGURE_COLUMNS = [0, 2, 3, 4, 6, 7];
const RESULT_HEADERS = Object.values(MEMBER_RESULT_HEADERS);
/** The member list's columns compared (the number, the results), and read again for a row that differs (the name too). */
const MEMBER_FIGURES = [MEMBER_COLUMNS.number, ...RESULT_HEADERS.map((_, i) => MEMBER_COLUMNS.results + i)];
const MEMBER_READ = [MEMBER_COLUMNS.name, ...MEMBER_FIGURES];

export interface SummaryContext {
  /** The unit's data evaluated under its own rule set (what its evaluation drew the page from). */
  ev: Evaluation;
  /** The outcome as the page words it (Vietnamese, held as the unit's evaluation holds it). */
  outcome: string;
  /** Data changed since the evaluation: the page is the evaluation's; only what was typed over is said. */
  stale: boolean;
  /** Codes whose “Tiêu chí” result already disagrees, and whether the recorded outcome does: the page shows those cells, said once there. */
  said: { codes: ReadonlySet<string>; outcome: boolean };
  file: string;
  lang: Lang;
}

interface Differs {
  cell: string;
  what: string;
  shown: string;
  computed: string;
  /** A constant where the evaluation draws a formula; 'rule': a requirement, against the unit's “Tiêu chí”. */
  typed: boolean | 'rule';
}

const STATUS_BY_KEY = new Map<string, Status>((['met', 'not_met', 'not_applicable', 'not_evaluable'] as const).map((s) => [foldKey(RESULT_TEXT[s]), s]));

/** A result as a cell records it: null for blank, 'other' for a word that is none of the statuses. */
export function recordedStatus(v: CellValue): Status | null | 'other' {
  const text = readText(v);
  if (text === '') return null;
  return STATUS_BY_KEY.get(foldKey(text)) ?? 'other';
}

/** The kind of outcome a recorded text says (a held recognition is a recognition); null for blank. */
export function outcomeCategory(text: string): 'recognised' | 'not_recognised' | 'not_evaluable' | 'other' | null {
  const key = foldKey(text);
  if (key === '') return null;
  if (key.startsWith(foldKey(RESULT_TEXT.recognisedPrefix)) || key.startsWith(foldKey(RESULT_TEXT.heldPrefix))) return 'recognised';
  return key === foldKey(RESULT_TEXT.notRecognised) ? 'not_recognised' : key === foldKey(RESULT_TEXT.notEvaluable) ? 'not_evaluable' : 'other';
}

type Item = Evaluation['indicators'][number] | Evaluation['criteria'][number];
type Indicator = Evaluation['indicators'][number];
type Member = Evaluation['members'][number];
/** What a cell of the page shows: a status word, points, a unit fact's result, a share, its ratio, the outcome. */
type Kind = 'status' | 'points' | 'fact' | 'share' | 'ratio' | 'outcome';

/** One page being checked. Functions of the module, not closures made per file (readUnit.ts says why). */
interface Page {
  sheet: SheetRows;
  /** The rows read to compare, without their formulas: most cells agree, and only one that differs is asked whether it was typed. */
  rows: CellValue[][];
  /** The formula cells of the rows read again for a cell that differs, by row index. */
  formulas: Map<number, Set<string>>;
  ctx: SummaryContext;
  found: Differs[];
}

/** The remark on the page's figures that are not the data's; null when it shows what they give (or is no page the add-in drew). */
export function summaryFlag(sheet: SheetRows | null, ctx: SummaryContext): Flag | null {
  if (!sheet) return null;
  const { ev, lang } = ctx;
  const last = SUMMARY_HEADER_ROW + ev.criteria.length + ev.indicators.length + ROWS_AFTER_TABLE;
  let rows = sheet.rows(SUMMARY_HEADER_ROW, last, { only: FIGURE_COLUMNS, formulas: false }).rows;
  let headerRow = findHeader(rows);
  let columns = headerRow < 0 ? null : columnsOf(rows[headerRow]!);
  if (!columns || FIGURE_HEADERS.some((h) => !columns!.has(h) && (h !== SUMMARY_HEADERS.points || ev.outcome.kind === 'score'))) {
    // Not where the evaluation draws them (a column inserted, an earlier layout): the rows read whole.
    rows = sheet.rows(SUMMARY_HEADER_ROW, last, { formulas: false }).rows;
    headerRow = findHeader(rows);
    if (headerRow < 0) return null;
    columns = columnsOf(rows[headerRow]!);
  }
  const page: Page = { sheet, rows, formulas: new Map(), ctx, found: [] };
  const result = columns.get(SUMMARY_HEADERS.result) ?? -1;
  const points = ev.outcome.kind === 'score' ? (columns.get(SUMMARY_HEADERS.points) ?? -1) : -1;
  const requirement = columns.get(SUMMARY_HEADERS.requirement) ?? -1;
  const value = columns.get(SUMMARY_HEADERS.value) ?? -1;
  const ratio = columns.get(SUMMARY_HEADERS.ratio) ?? -1;
  let conclusion = -1;
  for (let r = headerRow + 1; r < rows.length && conclusion < 0; r++) {
    const label = readText(rows[r]?.[0] ?? null);
    if (label === CONCLUSION_LABEL) {
      conclusion = r;
      continue;
    }
    const criterion = label.startsWith(CRITERION_LABEL) ? findByCode(ev.criteria, label.slice(CRITERION_LABEL.length)) : undefined;
    const indicator = criterion ? undefined : findByCode(ev.indicators, label);
    // The requirement is the page's own text, said nowhere else: checked whatever “Tiêu chí” says of the result.
    if (indicator) checkRequirement(page, r, requirement, indicator);
    const item = criterion ?? indicator;
    if (!item || ctx.said.codes.has(item.code)) continue;
    checkCell(page, r, result, SUMMARY_HEADERS.result, 'status', item);
    if (points >= 0) checkCell(page, r, points, SUMMARY_HEADERS.points, 'points', item);
    if (!indicator) continue;
    const share = indicator.measure !== 'unit';
    // Not applicable or not evaluable: no figure (an earlier release showed 0).
    if (share && indicator.value === null) continue;
    checkCell(page, r, value, SUMMARY_HEADERS.value, share ? 'share' : 'fact', indicator);
    if (share && indicator.denominator !== null) checkCell(page, r, ratio, SUMMARY_HEADERS.ratio, 'ratio', indicator);
  }
  if (conclusion >= 0) {
    // The outcome is in B, a column the table's rows are not read for.
    if (!ctx.said.outcome) {
      rows[conclusion] = sheet.rows(conclusion + 1, conclusion + 1, { formulas: false }).rows[conclusion] ?? [];
      checkCell(page, conclusion, 1, CONCLUSION_LABEL, 'outcome', null);
    }
    membersDiffer(page, conclusion);
  }
  const found = page.found;
  if (!found.length) return null;
  const cells = found.slice(0, CELLS_SHOWN).map(cellText, lang);
  return { code: 'summaryDiffers', message: t(lang, 'consolidate.flag.summaryDiffers', { file: ctx.file, sheet: SHEETS.summary, cells: cells.join('; ') + (found.length > CELLS_SHOWN ? '; …' : '') }) };
}

/** The index of the table's header row among `rows`, or −1. */
function findHeader(rows: CellValue[][]): number {
  for (let r = SUMMARY_HEADER_ROW - 1; r < rows.length; r++) if (isHeader(rows[r])) return r;
  return -1;
}

function columnsOf(header: CellValue[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((v, i) => columns.set(readText(v), i));
  return columns;
}

function cellText(this: Lang, { typed, ...d }: Differs): string {
  if (typed === 'rule') return t(this, 'consolidate.flag.summaryCellRule', { ...d, sheet: SHEETS.criteria });
  return t(this, typed ? 'consolidate.flag.summaryCellTyped' : 'consolidate.flag.summaryCell', { ...d });
}

/** The table's header row: “Mã” in A, “Tự đánh giá” further on. */
function isHeader(row: CellValue[] | undefined): boolean {
  return row !== undefined && readText(row[0] ?? null) === SUMMARY_HEADERS.code && row.some((v) => readText(v) === SUMMARY_HEADERS.result);
}

/** Row index `row`, column index `c` (headed `column`) of the page against what the data give; a differing figure is noted. */
function checkCell(page: Page, row: number, c: number, column: string, kind: Kind, item: Item | null): void {
  if (c < 0) return;
  const v = page.rows[row]?.[c] ?? null;
  if (v === null || isUncalculated(v)) return;
  const d = differs(v, kind, item, page.ctx);
  if (!d) return;
  const address = `${columnLetter(c + 1)}${row + 1}`;
  const typed = !formulasOf(page, row).has(address);
  // The page is the evaluation's when the data changed since: only a figure typed over is the clerk's.
  if (page.ctx.stale && !typed) return;
  page.found.push({ cell: sheetRef(SHEETS.summary, address), what: cellWhat(column, item, page.ctx.lang), ...d, typed });
}

/** The formula cells of row index `r`, its row read again (once) for a cell that differs. */
function formulasOf(page: Page, r: number): Set<string> {
  let set = page.formulas.get(r);
  if (!set) page.formulas.set(r, (set = page.sheet.rows(r + 1, r + 1).formulas));
  return set;
}

/** What a differing cell is, worded only for the cells named: “chỉ tiêu 2.3, “Tự đánh giá””, “Kết luận”. */
function cellWhat(column: string, item: Item | null, lang: Lang): string {
  if (!item) return t(lang, 'consolidate.summarySheet.conclusion', { label: column.replace(/:$/, '') });
  return t(lang, 'measure' in item ? 'consolidate.summarySheet.indicator' : 'consolidate.summarySheet.criterion', { code: item.code, column });
}

function differs(v: CellValue, kind: Kind, item: Item | null, ctx: SummaryContext): { shown: string; computed: string } | null {
  switch (kind) {
    case 'status':
      return statusDiffers(v, item!.status);
    case 'points':
      return pointsDiffer(v, item!.points, ctx.lang);
    case 'fact': {
      if (v === RESULT_TEXT[item!.status]) return null;
      // An earlier release showed the unit's answer as typed (“x”, “Đã thực hiện”): only a status word is compared.
      const s = recordedStatus(v);
      return s === null || s === 'other' || item!.status === 'not_applicable' ? null : statusDiffers(v, item!.status);
    }
    case 'share':
      return shareDiffers(v, item as Indicator, ctx.lang);
    case 'ratio': {
      const i = item as Indicator;
      const ratio = `${i.numerator}/${i.denominator}`;
      return readText(v).replace(/\s+/g, '') === ratio ? null : { shown: readText(v), computed: ratio };
    }
    case 'outcome':
      return outcomeDiffers(readText(v), ctx.ev, ctx.outcome) ? { shown: readText(v), computed: ctx.outcome } : null;
  }
}

function statusDiffers(v: CellValue, status: Status): { shown: string; computed: string } | null {
  // As the page's formula writes it (nearly every cell): no folding.
  if (v === RESULT_TEXT[status]) return null;
  const s = recordedStatus(v);
  return s === null || s === status ? null : { shown: readText(v), computed: RESULT_TEXT[status] };
}

function pointsDiffer(v: CellValue, points: number | null, lang: Lang): { shown: string; computed: string } | null {
  // No points (an indicator not applicable): an earlier release showed 0.
  if (points === null) return null;
  const n = readNumber(v);
  if (n.kind === 'blank' || (n.kind === 'number' && Math.abs(n.value - points) < 0.005)) return null;
  return { shown: n.kind === 'number' ? formatNumber(n.value, lang, 2) : readText(v), computed: formatNumber(points, lang, 2) };
}

function shareDiffers(v: CellValue, i: Indicator, lang: Lang): { shown: string; computed: string } | null {
  if (typeof v === 'number' && Math.abs(v - i.value!) < 1e-9) return null;
  const text = readText(v);
  if (text === '') return null;
  const f = readFraction(v);
  if (f !== null && Math.abs(f - i.value!) < 1e-9) return null;
  return { shown: typeof v === 'number' ? formatPercent(v, lang) : text, computed: formatMeasured({ value: i.value!, required: i.required, status: i.status }, lang) };
}

/** Whether the conclusion says another outcome than the data's (`computed`, as the page words it). */
function outcomeDiffers(text: string, ev: Evaluation, computed: string): boolean {
  if (text === '' || text === computed || foldKey(text) === foldKey(computed)) return false;
  const o = ev.outcome;
  if (o.kind !== 'score') return outcomeCategory(text) !== o.status;
  // “65 điểm — xếp loại Trung bình”, however its decimals are written.
  const m = /^([\d.,]+)\s*điểm\s*[—–-]\s*xếp loại\s+(.+)$/i.exec(text.normalize('NFC').trim());
  if (!m || o.score === null) return true;
  return Math.abs(Number(m[1]!.replace(',', '.')) - o.score) >= 0.005 || foldKey(m[2]!) !== foldKey(o.rating ?? '');
}

/**
 * The member list under the conclusion and its totals line (“Tổng số: 60 người; được tính: 58;
 * không tính: 2”), found as the evaluation drew them: the list's header row after the conclusion,
 * then one row per member numbered 1 … n, then the line. Each member's results against the
 * recomputation's; a page with no totals line (drawn by an earlier release) has it unchecked.
 */
function membersDiffer(page: Page, conclusion: number): void {
  const { sheet, ctx } = page;
  const { ev, lang, stale } = ctx;
  let header = -1;
  for (let r = conclusion + 1; r <= conclusion + 5 && header < 0; r++) if (readText(page.rows[r]?.[0] ?? null) === MEMBER_NUMBER_HEADER) header = r;
  if (header < 0) return;
  const listed = ev.members.length;
  // Row indices (row − 1): the header's row, one per member; the names are read only for a row that differs.
  checkMembers({ ...page, rows: sheet.rows(header + 1, header + listed + 1, { only: MEMBER_FIGURES, formulas: false }).rows }, header);
  if (stale) return;
  const line = header + listed + 1;
  const read = sheet.rows(line, line + 1);
  if (listed > 0 && readNumber(read.rows[line - 1]?.[0] ?? null).kind !== 'number') return;
  const v = read.rows[line]?.[1] ?? null;
  if (v === null || isUncalculated(v)) return;
  const counted = ev.countedMembers;
  const text = readText(v);
  const m = /^Tổng số:\s*(\d+)\D+(\d+)/.exec(text.normalize('NFC'));
  if (m ? Number(m[1]) === listed && Number(m[2]) === counted : text === totalsText(listed, counted)) return;
  const address = `B${line + 1}`;
  page.found.push({ cell: sheetRef(SHEETS.summary, address), what: t(lang, 'consolidate.summarySheet.totals'), shown: text, computed: totalsText(listed, counted), typed: !read.formulas.has(address) });
}

/**
 * Each member row of the list against the recomputed member's figures. The list is drawn in the
 * evaluation's order, so row i is compared with member i; a row that differs is read again with
 * its name and formulas: it is member i when its name (the page's cached one) is member i's, else
 * the member of that name when only one has it (the list changed since, or was sorted on the
 * page), else it is not checked (a name is no result). A row whose name cannot be read is member i,
 * unless the data changed since the evaluation.
 */
function checkMembers(page: Page, header: number): void {
  const { ev, stale } = page.ctx;
  const members = ev.members;
  const rows = page.rows;
  const heads = rows[header];
  // A list headed otherwise (not the add-in's) is not read for results.
  if (!heads || RESULT_HEADERS.some((h, i) => readText(heads[MEMBER_COLUMNS.results + i] ?? null) !== h)) return;
  // The page's formulas count only the indicators evaluated: none is when no member is counted, and then its figures are not the engine's.
  const evaluated = ev.indicators.filter(evaluatedMemberIndicator).length;
  if (members.length && members[0]!.applicable !== evaluated) return;
  let byName: Map<string, Member | null> | null = null;
  for (let i = 0; i < members.length; i++) {
    const r = header + 1 + i;
    const row = rows[r];
    if (!row || readNumber(row[MEMBER_COLUMNS.number] ?? null).kind !== 'number') return;
    if (!memberDiffers(row, members[i]!, null, page.ctx.lang)) continue;
    const again = page.sheet.rows(r + 1, r + 1, { only: MEMBER_READ });
    const cell = again.rows[r]?.[MEMBER_COLUMNS.name] ?? null;
    const name = isUncalculated(cell) ? '' : readText(cell);
    let x: Member | null | undefined = members[i]!;
    if (name === '' ? stale : name !== x.name && foldKey(name) !== foldKey(x.name)) {
      byName ??= namesOf(members);
      x = name === '' ? null : byName.get(foldKey(name));
    }
    if (!x) continue;
    for (const d of memberDiffers(row, x, { r, formulas: again.formulas, stale }, page.ctx.lang) ?? []) page.found.push(d);
  }
}

/** Members by folded name; null for a name two members share. */
function namesOf(members: readonly Member[]): Map<string, Member | null> {
  const out = new Map<string, Member | null>();
  for (const x of members) {
    const key = foldKey(x.name);
    out.set(key, out.has(key) ? null : x);
  }
  return out;
}

const evaluatedMemberIndicator = (i: Indicator) => i.measure === 'members' && i.status !== 'not_applicable' && i.status !== 'not_evaluable';

/**
 * Member x's four results on `row` (met, applicable, share, target — or the mark of a member not
 * counted) that differ from the recomputation's. Without `at` (the row's index and formula cells),
 * whether any may differ: a constant where a formula was is told only when asked again with them.
 */
function memberDiffers(row: CellValue[], x: Member, at: { r: number; formulas: Set<string>; stale: boolean } | null, lang: Lang): Differs[] | null {
  let out: Differs[] | null = null;
  const target = x.reachesTarget === null ? null : x.reachesTarget ? RESULT_TEXT.memberReaches : RESULT_TEXT.memberMisses;
  for (let k = 0; k < RESULT_HEADERS.length; k++) {
    const c = MEMBER_COLUMNS.results + k;
    const v = row[c] ?? null;
    if (v === null || isUncalculated(v)) continue;
    const address = at ? `${columnLetter(c + 1)}${at.r + 1}` : '';
    const text = k === 3 ? readText(v) : '';
    // Unknown yet (first look): a figure is taken as its formula's.
    const formula = at ? at.formulas.has(address) : true;
    let d: { shown: string; computed: string } | null;
    if (k < 2) d = countDiffers(v, k === 0 ? x.met : x.applicable, lang);
    else if (k === 2) d = x.score === null ? null : memberShareDiffers(v, x.score, lang);
    // Not counted: the mark; an earlier release drew the target's formula for every member (a constant but the mark is typed).
    else if (!x.counted) d = text === NOT_COUNTED || (formula && at && (text === (target ?? '') || text === '')) ? null : { shown: text, computed: NOT_COUNTED };
    else d = target === null || text === target ? null : { shown: text, computed: target };
    if (!d) continue;
    if (!at) return [];
    // The evaluation writes the mark, not a formula, for a member it did not count: a stale page's is its own.
    if (at.stale && (formula || text === NOT_COUNTED)) continue;
    (out ??= []).push({ cell: sheetRef(SHEETS.summary, address), what: t(lang, 'consolidate.summarySheet.member', { name: x.name, column: RESULT_HEADERS[k]! }), ...d, typed: !formula });
  }
  return out;
}

function countDiffers(v: CellValue, n: number, lang: Lang): { shown: string; computed: string } | null {
  const read = readNumber(v);
  if (read.kind === 'blank' || (read.kind === 'number' && Math.abs(read.value - n) < 1e-9)) return null;
  return { shown: read.kind === 'number' ? formatNumber(read.value, lang, 2) : readText(v), computed: formatNumber(n, lang, 0) };
}

function memberShareDiffers(v: CellValue, score: number, lang: Lang): { shown: string; computed: string } | null {
  if (typeof v === 'number' ? Math.abs(v - score) < 1e-9 : readText(v) === '') return null;
  const f = typeof v === 'number' ? v : readFraction(v);
  if (f !== null && Math.abs(f - score) < 1e-9) return null;
  return { shown: typeof v === 'number' ? formatPercent(v, lang) : readText(v), computed: formatPercent(score, lang) };
}

/**
 * An indicator's “Yêu cầu” against its requirement on the unit's own “Tiêu chí” (the rule set its
 * data are evaluated under): the same operator and share, however written (“≥ 90%”, “>= 90 %”,
 * “90%”, “≥ 0,9”, 0.9). Not checked: a unit fact's (“Đạt”, nothing to lower) or a share without
 * a requirement (an earlier release wrote “≥ ”), and a stale page's — the text the evaluation wrote
 * then cannot be told from one typed since, and an edited requirement is the rule-set remark's.
 */
function checkRequirement(page: Page, row: number, c: number, i: Indicator): void {
  if (c < 0 || i.measure === 'unit' || i.required === null || page.ctx.stale) return;
  const v = page.rows[row]?.[c] ?? null;
  if (v === null || isUncalculated(v) || readText(v) === '') return;
  const read = readRequirement(v);
  // The same number (as drawn) needs no rounding: rounding costs ≈ 0.5 µs a requirement, every page.
  if (read && read.op === '≥' && (read.share === i.required || percentTenths(read.share) === percentTenths(i.required))) return;
  const { lang } = page.ctx;
  page.found.push({
    cell: sheetRef(SHEETS.summary, `${columnLetter(c + 1)}${row + 1}`),
    what: cellWhat(SUMMARY_HEADERS.requirement, i, lang),
    shown: typeof v === 'number' ? formatThreshold(read!.share, lang) : readText(v),
    computed: `≥ ${formatThreshold(i.required, lang)}`,
    typed: 'rule',
  });
}

/** “≥ 90%”, “>= 90 %”, “Tối thiểu 90%”, “0,9”: an operator (≥ when none), a number, a percent sign. */
const REQUIREMENT = /^\s*(≥|>=|=>|>|≤|<=|=<|<|=|từ|tối thiểu|ít nhất|không dưới)?\s*(\d+(?:[.,]\d+)?)\s*(%)?/i;
const OPERATORS = new Map([['>=', '≥'], ['=>', '≥'], ['từ', '≥'], ['tối thiểu', '≥'], ['ít nhất', '≥'], ['không dưới', '≥'], ['<=', '≤'], ['=<', '≤']]);

/** A requirement's operator and share; a number without % above 1 is a percentage (90), at most 1 a fraction (0,9). */
function readRequirement(v: CellValue): { op: string; share: number } | null {
  if (typeof v === 'number') return { op: '≥', share: v > 1 ? v / 100 : v };
  // readText gives NFC already (excelTrim).
  const m = REQUIREMENT.exec(readText(v));
  if (!m) return null;
  const n = Number(m[2]!.replace(',', '.'));
  const op = (m[1] ?? '≥').toLowerCase();
  return { op: OPERATORS.get(op) ?? op, share: m[3] || n > 1 ? n / 100 : n };
}
