/**
 * "Tổng hợp" as the unit printed, signed and sent it, against what its data give. Every figure
 * the evaluation draws there is a formula on the data sheets (summarySheet.ts): a figure that is
 * not the recomputation's was typed over (a constant where the formula was) or is a cached value
 * nobody calculated. Read from the file are the table, the conclusion and the totals line only
 * (SheetRows), never the member list between them: consolidation reads thousands of files.
 */
import type { Evaluation, Status } from '../../domain/evaluation';
import { findByCode } from '../../domain/arrays';
import { foldKey } from '../../domain/text';
import { isUncalculated, readFraction, readNumber, readText, type CellValue } from '../../domain/values';
import { RESULT_TEXT, SHEETS } from '../../sheets/names';
import { CONCLUSION_LABEL, CRITERION_LABEL, MEMBER_NUMBER_HEADER, SUMMARY_HEADER_ROW, SUMMARY_HEADERS, totalsText } from '../../sheets/summaryLayout';
import { columnLetter, sheetRef } from '../../workbook/a1';
import type { SheetRows } from '../../xlsx';
import { t, type Lang } from '../../i18n';
import { formatMeasured, formatNumber, formatPercent } from '../../i18n/format';
import type { Flag } from './records';

/**
 * Rows read past the table's last: the conclusion is the second, the member list's header the
 * sixth; two more in case the clerk inserted a line. The heading above the table is not read: its
 * texts cost more to read than the table's figures.
 */
const ROWS_AFTER_TABLE = 8;
/** Cells named in the remark; the others counted in “…”. */
const CELLS_SHOWN = 5;

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
  typed: boolean;
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
/** What a cell of the page shows: a status word, points, a unit fact's result, a share, its ratio, the outcome. */
type Kind = 'status' | 'points' | 'fact' | 'share' | 'ratio' | 'outcome';

/** One page being checked. Functions of the module, not closures made per file (readUnit.ts says why). */
interface Page {
  rows: CellValue[][];
  formulas: Set<string>;
  ctx: SummaryContext;
  found: Differs[];
}

/** The remark on the page's figures that are not the data's; null when it shows what they give (or is no page the add-in drew). */
export function summaryFlag(sheet: SheetRows | null, ctx: SummaryContext): Flag | null {
  if (!sheet) return null;
  const { ev, lang } = ctx;
  const top = sheet.rows(SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW + ev.criteria.length + ev.indicators.length + ROWS_AFTER_TABLE);
  const page: Page = { rows: top.rows, formulas: top.formulas, ctx, found: [] };
  const rows = top.rows;
  let headerRow = -1;
  for (let r = SUMMARY_HEADER_ROW - 1; r < rows.length && headerRow < 0; r++) if (isHeader(rows[r])) headerRow = r;
  if (headerRow < 0) return null;
  const columns = new Map<string, number>();
  rows[headerRow]!.forEach((v, i) => columns.set(readText(v), i));
  const result = columns.get(SUMMARY_HEADERS.result) ?? -1;
  const points = ev.outcome.kind === 'score' ? (columns.get(SUMMARY_HEADERS.points) ?? -1) : -1;
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
    if (!ctx.said.outcome) checkCell(page, conclusion, 1, CONCLUSION_LABEL, 'outcome', null);
    if (!ctx.stale) page.found.push(...totalsDiffer(sheet, rows, conclusion, ev, lang));
  }
  const found = page.found;
  if (!found.length) return null;
  const cells = found.slice(0, CELLS_SHOWN).map(cellText, lang);
  return { code: 'summaryDiffers', message: t(lang, 'consolidate.flag.summaryDiffers', { file: ctx.file, sheet: SHEETS.summary, cells: cells.join('; ') + (found.length > CELLS_SHOWN ? '; …' : '') }) };
}

function cellText(this: Lang, { typed, ...d }: Differs): string {
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
  const address = `${columnLetter(c + 1)}${row + 1}`;
  const typed = !page.formulas.has(address);
  // The page is the evaluation's when the data changed since: only a figure typed over is the clerk's.
  if (page.ctx.stale && !typed) return;
  const d = differs(v, kind, item, page.ctx);
  if (d) page.found.push({ cell: sheetRef(SHEETS.summary, address), what: cellWhat(column, item, page.ctx.lang), ...d, typed });
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
 * The totals line under the member list (“Tổng số: 60 người; được tính: 58; không tính: 2”), found
 * as the evaluation drew it: the list's header row after the conclusion, then one row per member
 * numbered 1 … n, then the line. A page with no such line (drawn by an earlier release) says nothing.
 */
function totalsDiffer(sheet: SheetRows, rows: CellValue[][], conclusion: number, ev: Evaluation, lang: Lang): Differs[] {
  let header = -1;
  for (let r = conclusion + 1; r <= conclusion + 5 && header < 0; r++) if (readText(rows[r]?.[0] ?? null) === MEMBER_NUMBER_HEADER) header = r;
  if (header < 0) return [];
  const listed = ev.members.length;
  // Row indices (row − 1): the line is the row after the last member's, numbered `listed`.
  const line = header + listed + 1;
  const read = sheet.rows(line, line + 1);
  if (listed > 0 && readNumber(read.rows[line - 1]?.[0] ?? null).kind !== 'number') return [];
  const v = read.rows[line]?.[1] ?? null;
  if (v === null || isUncalculated(v)) return [];
  const counted = ev.countedMembers;
  const text = readText(v);
  const m = /^Tổng số:\s*(\d+)\D+(\d+)/.exec(text.normalize('NFC'));
  if (m ? Number(m[1]) === listed && Number(m[2]) === counted : text === totalsText(listed, counted)) return [];
  const address = `B${line + 1}`;
  return [{ cell: sheetRef(SHEETS.summary, address), what: t(lang, 'consolidate.summarySheet.totals'), shown: text, computed: totalsText(listed, counted), typed: !read.formulas.has(address) }];
}
