/** "Người học" (education institutions): per class or grade, head count and CDHT holders. */
import { footerLine, hasTotalWords, headedGrades, isGradeHeading, isOrdinalOnly, subtotalLines } from '../domain/listLines';
import { foldKey } from '../domain/text';
import { mapped } from '../domain/arrays';
import { readNumber, readText } from '../domain/values';
import { problem, type Problem } from '../domain/problems';
import type { LearnerRow } from '../domain/evaluation';
import type { CellValue } from '../domain/values';
import type { CellInput, SheetData, SheetPlan } from '../workbook/port';
import { SHEETS } from './names';
import { DATA_FONT_SIZE, STYLE } from './styles';
import { dataPage } from './page';
import { rowFitHeight } from './documentLayout';

export const LEARNER_HEADER_ROW = 4;
const HEADERS = ['STT', 'Lớp / khối', 'Số người học', 'Số người học đạt CDHT', 'Tỷ lệ', 'Ghi chú'];
const WIDTHS = [6, 20, 14, 16, 10, 24];
/** Rows laid out for typing even when fewer classes are known. */
const MIN_ROWS = 12;
const HEADCOUNT_COL = 3;
const CDHT_COL = 4;
const RATIO_COL = 5;

/**
 * The ratio cell's formula, with the value Excel computes as its cached result when the
 * counts say it (numbers or blanks); otherwise no result, and Excel or LibreOffice computes it.
 */
function ratioCell(r: number, headcount: CellInput | CellValue | undefined, cdht: CellInput | CellValue | undefined): CellInput {
  const formula = `=IF(N(C${r})=0,"",D${r}/C${r})`;
  // N() of anything but a number is 0.
  if (typeof headcount !== 'number' || headcount === 0) return { formula, result: '' };
  if (cdht === null || cdht === undefined || cdht === '') return { formula, result: 0 };
  return typeof cdht === 'number' ? { formula, result: cdht / headcount } : { formula };
}

export function drawLearnersSheet(rows: CellInput[][] = []): SheetPlan {
  const first = LEARNER_HEADER_ROW + 1;
  const last = first + Math.max(rows.length, MIN_ROWS) - 1;
  const ratio: CellInput[][] = [];
  for (let r = first; r <= last; r++) ratio.push([ratioCell(r, rows[r - first]?.[HEADCOUNT_COL - 1], rows[r - first]?.[CDHT_COL - 1])]);
  return {
    sheet: SHEETS.learners,
    mode: 'ensure',
    cells: [
      { at: 'A1', rows: [['NGƯỜI HỌC ĐẠT DANH HIỆU “CÔNG DÂN HỌC TẬP”'], ['Mỗi dòng một lớp hoặc một khối: tổng số người học và số người học đạt danh hiệu CDHT (QĐ 324/QĐ-KHVN ngày 25/10/2023 của Ban Chấp hành Trung ương Hội Khuyến học Việt Nam).']] },
      { at: `A${LEARNER_HEADER_ROW}`, rows: [HEADERS] },
      ...(rows.length ? [{ at: `A${first}`, rows }] : []),
      { at: `E${first}`, rows: ratio },
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2', style: STYLE.hint },
      { range: `A${LEARNER_HEADER_ROW}:D${LEARNER_HEADER_ROW}`, style: STYLE.header },
      { range: `E${LEARNER_HEADER_ROW}`, style: STYLE.ownedHeader },
      { range: `F${LEARNER_HEADER_ROW}`, style: STYLE.header },
      { range: `A${first}:F${last}`, style: STYLE.body },
      { range: `E${first}:E${last}`, style: { ...STYLE.owned, ...STYLE.percent } },
    ],
    columns: WIDTHS.map((width, i) => ({ index: i + 1, width })),
    // LibreOffice and the preview draw a row at its stored height: the wrapped headers need theirs.
    rowHeights: [{ index: LEARNER_HEADER_ROW, height: rowFitHeight(HEADERS.map((h, i) => [WIDTHS[i]!, h, true] as const), DATA_FONT_SIZE), fit: true }],
    freeze: { rows: LEARNER_HEADER_ROW, columns: 0 },
    page: dataPage('portrait', LEARNER_HEADER_ROW),
  };
}

export interface ParsedLearners {
  /** The classes and grades, each once: no subtotal, no total. */
  rows: LearnerRow[];
  /** Rows of the grades' subtotals (under or heading their classes: domain `subtotalLines`), left out of the figures and of the formulas' ranges. */
  subtotalRows: number[];
  /** Rows of the totals under the last class (“Tổng cộng”), left out of the figures. */
  totalRows: number[];
  /** Rows worded as a total whose figures are not a sum of the rows above: counted, as the formulas count them (a stale subtotal?). */
  countedTotals: { row: number; col: number; text: string }[];
  /** Grades' headings with figures that are not the sum of their classes under them: counted, as the formulas count them. */
  countedHeadings: { row: number; col: number; text: string }[];
  headerRow: number;
  headcountCol: number;
  cdhtCol: number;
  lastDataRow: number;
  /** First row of what stands under the classes (their total, the signatures), if anything. */
  footerRow: number | null;
}

/** A figure as the engine sums it: blank is none, anything but a number unreadable. */
function figure(v: CellValue): number | null {
  const n = readNumber(v);
  return n.kind === 'number' ? n.value : n.kind === 'blank' ? null : NaN;
}

/** A row worded as a total, or a grade's heading, yet counted (its figures are no sum of its classes): warned at its words. */
export function countedTotalProblems(l: ParsedLearners): Problem[] {
  return [
    ...l.countedTotals.map((t) => problem('warning', 'learnerSubtotalCounted', { text: t.text }, { sheet: 'learners', row: t.row, col: t.col })),
    ...l.countedHeadings.map((t) => problem('warning', 'learnerGradeHeadingCounted', { text: t.text }, { sheet: 'learners', row: t.row, col: t.col })),
  ];
}

// Read once per workbook: the callbacks below are made once, so their optimised code outlives a
// full garbage collection (a closure made per call loses it: evaluation.ts says more).
const keyOf = (v: CellValue) => foldKey(readText(v));
const isLabelKey = (k: string) => k.startsWith('lop') || k.startsWith('khoi');
const isText = (v: CellValue) => typeof v === 'string' && v.trim() !== '';
const isTotalWords = (v: CellValue) => typeof v === 'string' && hasTotalWords(v);
const isLabel = (v: CellValue): v is string => typeof v === 'string' && v.trim() !== '' && !isOrdinalOnly(v.trim());
const isGradeText = (v: CellValue) => typeof v === 'string' && isGradeHeading(v);
const rowNumberOf = (l: { row: LearnerRow }) => l.row.row;

type Line = { row: LearnerRow; footer: boolean; total: boolean; heading: { col: number; text: string } | null; grade: boolean; words: { col: number; text: string } | null };

const figureLine = (l: Line) => ({ total: l.total, heading: l.heading !== null, grade: l.grade, figures: [figure(l.row.headcount.value), figure(l.row.cdht.value)] });

export function readLearnersSheet(data: SheetData): ParsedLearners | null {
  for (let r = 0; r < Math.min(data.rows.length, 15); r++) {
    const keys = mapped(data.rows[r] ?? [], keyOf);
    const headcount = keys.indexOf(foldKey('Số người học'));
    const cdht = keys.indexOf(foldKey('Số người học đạt CDHT'));
    if (headcount < 0 || cdht < 0) continue;
    const label = keys.findIndex(isLabelKey);
    const lines: Line[] = [];
    let signatureRow: number | null = null;
    for (let i = r + 1; i < data.rows.length; i++) {
      const cells = data.rows[i] ?? [];
      // The total under the classes is no class (counted again it doubled both figures); the signatures end the list.
      const first = cells.find(isText);
      const line = typeof first === 'string' ? footerLine(first) : null;
      if (line === 'signature') {
        signatureRow = i + 1;
        break;
      }
      const h = cells[headcount] ?? null;
      const c = cells[cdht] ?? null;
      if (readText(h) === '' && readText(c) === '') continue;
      const row: LearnerRow = { row: i + 1, label: label >= 0 ? readText(cells[label]) : '', headcount: { value: h, col: headcount + 1 }, cdht: { value: c, col: cdht + 1 } };
      // The label may stand in the STT column (merged with the class's): any text left of the figures.
      const left = cells.slice(0, Math.min(headcount, cdht));
      const wordsAt = left.findIndex(isTotalWords);
      const words = wordsAt >= 0 ? { col: wordsAt + 1, text: readText(cells[wordsAt]!) } : null;
      // A grade's heading is the row's only label (“Khối 6” merged down beside “6A” heads no figures of its own).
      const labels = left.filter(isLabel);
      const gradeAt = left.findIndex(isGradeText);
      const grade = gradeAt >= 0;
      const heading = grade && labels.length === 1 ? { col: gradeAt + 1, text: readText(cells[gradeAt]!) } : null;
      lines.push({ row, footer: line === 'total', total: line === 'total' || words !== null, heading, grade, words });
    }
    // The totals under the last class; one with classes after it is a subtotal only when its figures say so.
    let end = lines.length;
    while (end > 0 && lines[end - 1]!.footer) end--;
    const body = lines.slice(0, end);
    const figureLines = mapped(body, figureLine);
    const subtotals = subtotalLines(figureLines);
    const headings = headedGrades(figureLines);
    const rows: LearnerRow[] = [];
    const subtotalRows: number[] = [];
    const countedTotals: ParsedLearners['countedTotals'] = [];
    const countedHeadings: ParsedLearners['countedHeadings'] = [];
    for (let j = 0; j < body.length; j++) {
      const l = body[j]!;
      if (subtotals.has(j)) subtotalRows.push(l.row.row);
      else {
        rows.push(l.row);
        if (l.total) countedTotals.push({ row: l.row.row, col: l.words?.col ?? l.row.headcount.col, text: l.words?.text ?? l.row.label });
      }
      if (headings.get(j) === false && l.heading) countedHeadings.push({ row: l.row.row, ...l.heading });
    }
    const lastDataRow = body.at(-1)?.row.row ?? r + 1;
    const footerRow = lines[end]?.row.row ?? signatureRow;
    const totalRows = mapped(lines.slice(end), rowNumberOf);
    return { rows, subtotalRows, totalRows, countedTotals, countedHeadings, headerRow: r + 1, headcountCol: headcount + 1, cdhtCol: cdht + 1, lastDataRow, footerRow };
  }
  return null;
}

/**
 * The ratio column drawn again with its values (evaluate reads the counts anyway), so a file
 * shows them before Excel recalculates; only on the layout this sheet draws (a school's own
 * layout keeps its cells).
 */
export function learnerRatiosPlan(data: SheetData, parsed: ParsedLearners): SheetPlan | null {
  const header = data.rows[LEARNER_HEADER_ROW - 1] ?? [];
  if (parsed.headerRow !== LEARNER_HEADER_ROW || parsed.headcountCol !== HEADCOUNT_COL || parsed.cdhtCol !== CDHT_COL || readText(header[RATIO_COL - 1]) !== HEADERS[RATIO_COL - 1]) return null;
  const first = LEARNER_HEADER_ROW + 1;
  const last = Math.max(parsed.lastDataRow, first + MIN_ROWS - 1);
  const ratio: CellInput[][] = [];
  for (let r = first; r <= last; r++) {
    const cells = data.rows[r - 1] ?? [];
    ratio.push([ratioCell(r, cells[HEADCOUNT_COL - 1], cells[CDHT_COL - 1])]);
  }
  return { sheet: SHEETS.learners, mode: 'existing', cells: [{ at: `E${first}`, rows: ratio }] };
}
