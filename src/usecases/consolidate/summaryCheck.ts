/**
 * "Tổng hợp" as the unit printed, signed and sent it, against what its data give. Every figure
 * the evaluation draws there is a formula on the data sheets (summarySheet.ts): a figure that is
 * not the recomputation's was typed over (a constant where the formula was) or is a cached value
 * nobody calculated. Read from the file are the table, the conclusion and the totals line only
 * (SheetRows), never the member list between them: consolidation reads thousands of files.
 */
import type { Evaluation, Status } from '../../domain/evaluation';
import { foldKey } from '../../domain/text';
import { isUncalculated, readFraction, readNumber, readText, type CellValue } from '../../domain/values';
import { RESULT_TEXT, SHEETS } from '../../sheets/names';
import { CONCLUSION_LABEL, CRITERION_LABEL, MEMBER_NUMBER_HEADER, SUMMARY_HEADERS, totalsText } from '../../sheets/summaryLayout';
import { columnLetter, sheetRef } from '../../workbook/a1';
import type { SheetRows } from '../../xlsx';
import { t, type Lang } from '../../i18n';
import { formatMeasured, formatNumber, formatPercent } from '../../i18n/format';
import type { Flag } from './records';

/** The table's header row is row 9 (heading block, title, unit line): rows read before the table's, with room to spare. */
const ROWS_BEFORE_TABLE = 15;
/** The conclusion is the second row after the table; the member list's header a few after it. */
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

/** The remark on the page's figures that are not the data's; null when it shows what they give (or is no page the add-in drew). */
export function summaryFlag(sheet: SheetRows | null, ctx: SummaryContext): Flag | null {
  if (!sheet) return null;
  const { ev } = ctx;
  const head = ROWS_BEFORE_TABLE + ev.criteria.length + ev.indicators.length + ROWS_AFTER_TABLE;
  const top = sheet.rows(1, head);
  const found: Differs[] = [];
  const rows = top.rows;
  const headerRow = rows.findIndex((r) => readText(r?.[0] ?? null) === SUMMARY_HEADERS.code && r!.some((v) => readText(v) === SUMMARY_HEADERS.result));
  if (headerRow < 0) return null;
  const columns = new Map<string, number>();
  rows[headerRow]!.forEach((v, i) => columns.set(readText(v), i));
  const col = (h: string) => columns.get(h) ?? -1;
  const at = (row: number, c: number) => sheetRef(SHEETS.summary, `${columnLetter(c + 1)}${row + 1}`);
  const check = (row: number, c: number, what: string, differs: (v: CellValue) => { shown: string; computed: string } | null) => {
    if (c < 0) return;
    const v = rows[row]?.[c] ?? null;
    if (v === null || isUncalculated(v)) return;
    const typed = !top.formulas.has(`${columnLetter(c + 1)}${row + 1}`);
    // The page is the evaluation's when the data changed since: only a figure typed over is the clerk's.
    if (ctx.stale && !typed) return;
    const d = differs(v);
    if (d) found.push({ cell: at(row, c), what, ...d, typed });
  };
  let conclusion = -1;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const label = readText(rows[r]?.[0] ?? null);
    if (label === CONCLUSION_LABEL) {
      conclusion = r;
      break;
    }
    const criterion = label.startsWith(CRITERION_LABEL) ? ev.criteria.find((c) => c.code === label.slice(CRITERION_LABEL.length)) : undefined;
    const indicator = criterion ? undefined : ev.indicators.find((i) => i.code === label);
    const item = criterion ?? indicator;
    if (!item || ctx.said.codes.has(item.code)) continue;
    const what = (h: string) => t(ctx.lang, criterion ? 'consolidate.summarySheet.criterion' : 'consolidate.summarySheet.indicator', { code: item.code, column: h });
    check(r, col(SUMMARY_HEADERS.result), what(SUMMARY_HEADERS.result), (v) => statusDiffers(v, item.status));
    if (ev.outcome.kind === 'score') check(r, col(SUMMARY_HEADERS.points), what(SUMMARY_HEADERS.points), (v) => pointsDiffer(v, item.points, ctx.lang));
    if (!indicator) continue;
    if (indicator.measure === 'unit') {
      // An earlier release showed the unit's answer as typed (“x”, “Đã thực hiện”): only a status word is compared.
      check(r, col(SUMMARY_HEADERS.value), what(SUMMARY_HEADERS.value), (v) => {
        const s = recordedStatus(v);
        return s === null || s === 'other' || indicator.status === 'not_applicable' ? null : statusDiffers(v, indicator.status);
      });
      continue;
    }
    // Not applicable or not evaluable: no figure (an earlier release showed 0).
    if (indicator.value === null) continue;
    check(r, col(SUMMARY_HEADERS.value), what(SUMMARY_HEADERS.value), (v) => shareDiffers(v, indicator, ctx.lang));
    if (indicator.denominator !== null) {
      const ratio = `${indicator.numerator}/${indicator.denominator}`;
      check(r, col(SUMMARY_HEADERS.ratio), what(SUMMARY_HEADERS.ratio), (v) => (readText(v).replace(/\s+/g, '') === ratio ? null : { shown: readText(v), computed: ratio }));
    }
  }
  if (conclusion >= 0) {
    if (!ctx.said.outcome) check(conclusion, 1, t(ctx.lang, 'consolidate.summarySheet.conclusion', { label: CONCLUSION_LABEL.replace(/:$/, '') }), (v) => (outcomeDiffers(readText(v), ev, ctx.outcome) ? { shown: readText(v), computed: ctx.outcome } : null));
    if (!ctx.stale) found.push(...totalsDiffer(sheet, rows, conclusion, ev, ctx.lang));
  }
  if (!found.length) return null;
  const cells = found.slice(0, CELLS_SHOWN).map(({ typed, ...d }) => t(ctx.lang, typed ? 'consolidate.flag.summaryCellTyped' : 'consolidate.flag.summaryCell', { ...d }));
  return { code: 'summaryDiffers', message: t(ctx.lang, 'consolidate.flag.summaryDiffers', { file: ctx.file, sheet: SHEETS.summary, cells: cells.join('; ') + (found.length > CELLS_SHOWN ? '; …' : '') }) };
}

function statusDiffers(v: CellValue, status: Status): { shown: string; computed: string } | null {
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

function shareDiffers(v: CellValue, i: Evaluation['indicators'][number], lang: Lang): { shown: string; computed: string } | null {
  const text = readText(v);
  if (text === '') return null;
  const f = readFraction(v);
  if (f !== null && Math.abs(f - i.value!) < 1e-9) return null;
  return { shown: typeof v === 'number' ? formatPercent(v, lang) : text, computed: formatMeasured({ value: i.value!, required: i.required, status: i.status }, lang) };
}

/** Whether the conclusion says another outcome than the data's (`computed`, as the page words it). */
function outcomeDiffers(text: string, ev: Evaluation, computed: string): boolean {
  if (text === '' || foldKey(text) === foldKey(computed)) return false;
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
