/**
 * "Tổng hợp": the "Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu" (one row per
 * indicator, a result row per criterion, the conclusion) and the per-member summary.
 * The sheet is the add-in's own and is redrawn at each evaluation; every figure is a
 * reference to the cell that computes it, so it never disagrees with the other sheets.
 */
import type { Evaluation } from '../domain/evaluation';
import { readText, type CellValue } from '../domain/values';
import { cleanText } from '../domain/text';
import type { CellBlock, CellInput, FormulaFill, SheetPlan, StyleRun } from '../workbook/port';
import { absolute, columnLetter, sheetRef } from '../workbook/a1';
import type { UnitWorkbook } from './unitWorkbook';
import { COL } from './criteriaSheet';
import { SHEETS, RESULT_TEXT, requirementText } from './names';
import { str } from './formulas';
import { FONT, STYLE } from './styles';
import { measuredDecimals } from '../i18n/format';
import { MEMBER_RESULT_HEADERS } from './membersSheet';
import { memberField } from '../domain/memberFields';
import { columnKey } from '../domain/text';
import { CONCLUSION_LABEL, CRITERION_LABEL, MEMBER_NUMBER_HEADER, NOT_COUNTED, SUMMARY_HEADER_ROW, SUMMARY_HEADERS, SUMMARY_TITLE_ROW, totalsText } from './summaryLayout';
import { DocumentBuilder, fitHeight, heightFor, lineCount, MARGINS_CM, oneLine, rowFitHeight } from './documentLayout';
import { pagedSetup } from './printPages';
import { headingBlock, placeDateLine, signatureBlock, type Halves } from './documentBlocks';

/** A unit's field as the documents print it: pasted spaces (non-breaking ones too) and NFD tidied; the cell keeps what was typed. */
const printedField = (v: CellValue | undefined): string => cleanText(readText(v ?? null));

export const SUMMARY_TITLE = 'BẢN TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU';
export const MEMBER_SUMMARY_TITLE = 'TỔNG HỢP KẾT QUẢ HỌC TẬP, BỒI DƯỠNG CỦA CÁC CÁ NHÂN';
/** Printed size of the summary's text (NĐ 30: 13–14 pt). */
const SUMMARY_FONT_SIZE = 13;
/**
 * A line of 13 pt Times New Roman as Excel sizes a row to it: 22 px at 96 dpi (as Arial 13,
 * whose ascent and descent Times New Roman nearly shares). LibreOffice draws the line ~14.4 pt.
 */
const MEMBER_LINE_PT = 16.5;

export interface SummaryContext {
  outcomeText: string;
  criteriaRows: Map<string, number>;
  /** 'Thông tin đơn vị'!$B$n holding the outcome. */
  outcomeCell: string;
}

const ref = (sheet: string, row: number, col: number) => sheetRef(sheet, absolute(row, col));

/** A figure as its cell holds it, an empty one empty: a bare reference to an empty cell shows 0 (0% under a percent format). */
const figure = (cell: string) => `=IF(${cell}="","",${cell})`;

/** Where a new summary sheet goes: after the data sheets it sums up. */
export const SUMMARY_AFTER = SHEETS.learners;

export function drawSummarySheet(wb: UnitWorkbook, ev: Evaluation, ctx: SummaryContext): SheetPlan {
  const rs = wb.criteria.ruleSet;
  const scored = rs.mode === 'score';
  const width = scored ? 8 : 7;
  // Landscape A4 inside the margins holds ~126 width units as LibreOffice draws them (~128 in
  // Excel): the table prints at a scale a little under 100% (printPages.ts). The member list is
  // most of the pages: C holds a common position ("Tổ trưởng chuyên môn") on one line, B any name;
  // the criteria table keeps B nearly as wide (D, E hold short figures; a long evidence grows its row).
  const widths = [11, 39, 24, 12, 12, 15, 15, ...(scored ? [8] : [])];
  const lastL = String.fromCharCode(64 + width);
  const H = SUMMARY_HEADERS;
  const header = [H.code, H.text, H.requirement, H.value, H.ratio, H.evidence, H.result, ...(scored ? [H.points] : [])];
  const rows: CellInput[][] = [];
  const styles: StyleRun[] = [];
  const heights: { index: number; height: number }[] = [];
  const criterionRows = new Set<number>();
  // Neither host grows a row: a criteria row is as tall as its longest wrapped text (the evidence may outrun the indicator).
  const tallest = (texts: [col: number, text: string][], bold = false) =>
    rowFitHeight(texts.map(([col, text]) => [widths[col]!, text, bold] as const), SUMMARY_FONT_SIZE);
  let r = SUMMARY_HEADER_ROW + 1;
  const C = (row: number, col: number) => ref(SHEETS.criteria, row, col);
  for (const cr of ev.criteria) {
    const cRow = ctx.criteriaRows.get(cr.code);
    rows.push([
      `${CRITERION_LABEL}${cr.code}`,
      cr.title,
      null,
      null,
      null,
      null,
      cRow ? { formula: `=${C(cRow, COL.result)}&""`, result: RESULT_TEXT[cr.status] } : RESULT_TEXT[cr.status],
      ...(scored ? [cRow ? { formula: figure(C(cRow, COL.earned)), result: cr.points ?? '' } : cr.points] : []),
    ]);
    styles.push({ range: `A${r}:${lastL}${r}`, style: STYLE.criterionRow });
    criterionRows.add(r);
    heights.push({ index: r, height: tallest([[1, cr.title], [6, RESULT_TEXT[cr.status]]], true) });
    r++;
    for (const ind of ev.indicators.filter((i) => i.criterion === cr.code)) {
      const iRow = ctx.criteriaRows.get(ind.code);
      const evidence = iRow ? wb.sheets.criteria!.rows[iRow - 1]?.[COL.evidence - 1] ?? null : null;
      const share = ind.measure !== 'unit';
      // A unit fact's result in TT24's words (Đạt / Không đạt), as "Tiêu chí" computes it, never the mark typed ("x").
      const fact = ind.status === 'not_applicable' ? '' : RESULT_TEXT[ind.status];
      rows.push([
        ind.code,
        ind.text,
        requirementText(ind, share),
        !iRow
          ? null
          : share
            ? { formula: figure(C(iRow, COL.value)), result: ind.value ?? '' }
            : { formula: `=IF(${C(iRow, COL.result)}=${str(RESULT_TEXT.not_applicable)},"",${C(iRow, COL.result)}&"")`, result: fact },
        !iRow || !share ? null : { formula: `=IF(${C(iRow, COL.denominator)}="","",${C(iRow, COL.numerator)}&"/"&${C(iRow, COL.denominator)})`, result: ind.denominator === null ? '' : `${ind.numerator}/${ind.denominator}` },
        iRow ? { formula: `=${C(iRow, COL.evidence)}&""`, result: readText(evidence as CellValue) } : null,
        iRow ? { formula: `=${C(iRow, COL.result)}&""`, result: RESULT_TEXT[ind.status] } : RESULT_TEXT[ind.status],
        ...(scored ? [iRow ? { formula: figure(C(iRow, COL.earned)), result: ind.points ?? '' } : ind.points] : []),
      ]);
      const decimals = share && ind.value !== null ? measuredDecimals(ind.value, ind.required, ind.status !== 'not_met') : 1;
      // A share failing just under its requirement keeps the decimals that show it below (i18n/format).
      styles.push({ range: `D${r}`, style: decimals > 1 ? { ...STYLE.percent, numberFormat: `0.${'0'.repeat(decimals)}%` } : STYLE.percent });
      heights.push({ index: r, height: tallest([[1, ind.text], [3, share ? '' : fact], [5, readText(evidence as CellValue)], [6, RESULT_TEXT[ind.status]]]) });
      r++;
    }
  }
  const tableLast = r - 1;
  const conclusionRow = r + 1;
  const membersTitleRow = conclusionRow + 3;
  const membersHeaderRow = membersTitleRow + 1;
  // Neither host grows a row of a file it opens (LibreOffice cut a long position to its first
  // line): each member row is set to its longest wrapped text. Positions and marks repeat down
  // the list: each text is measured once per column.
  const measured = new Map<string, number>();
  const fit = (col: string, text: string) => {
    // Most names fit on a line: told without measuring nor a key of their own.
    if (oneLine(text, widths[col.charCodeAt(0) - 65]! - 1, SUMMARY_FONT_SIZE)) return 1;
    const key = `${col}\t${text}`;
    let lines = measured.get(key);
    if (lines === undefined) measured.set(key, (lines = lineCount(text, widths[col.charCodeAt(0) - 65]! - 1, SUMMARY_FONT_SIZE)));
    return lines;
  };
  const members = memberSummary(wb, ev, membersHeaderRow + 1, (texts) => Math.min(409, MEMBER_LINE_PT * Math.max(...texts.map(([col, text]) => fit(col, text)))));
  const membersLast = membersHeaderRow + ev.members.length;
  // The annex's totals: the counted figure is the one every document prints.
  const totalsRow = membersLast + 1;
  const counted = ev.members.filter((x) => x.counted).length;
  const markRange = `G${membersHeaderRow + 1}:G${Math.max(membersLast, membersHeaderRow + 1)}`;
  const stt = `A${membersHeaderRow + 1}:A${Math.max(membersLast, membersHeaderRow + 1)}`;
  const totals: CellInput = {
    formula: `="Tổng số: "&COUNT(${stt})&" người; được tính: "&(COUNT(${stt})-COUNTIF(${markRange},${str(NOT_COUNTED)}))&"; không tính: "&COUNTIF(${markRange},${str(NOT_COUNTED)})`,
    result: totalsText(ev.members.length, counted),
  };
  const info = wb.unit.info;
  // Heading (rows 1–5) and signatures (after the members) drawn as in the other documents.
  const halves: Halves = { left: { from: 1, to: 2 }, right: { from: 4, to: width } };
  const doc = new DocumentBuilder(SHEETS.summary, widths);
  headingBlock(doc, { parent: printedField(info.parent), unitName: printedField(info.name), number: '', placeDate: placeDateLine(printedField(info.place), '') }, halves);
  doc.moveTo(totalsRow + 1);
  signatureBlock(doc, { title: printedField(info.headTitle) || 'THỦ TRƯỞNG ĐƠN VỊ', name: printedField(info.head), note: '(Ký, ghi rõ họ tên, đóng dấu)' }, { signer: { title: 'NGƯỜI LẬP BIỂU', name: '' } }, halves);
  const drawn = doc.drawn();
  const lastRow = doc.lastRow;
  // What an officer reads: the official title evaluated, never the preset's short name.
  const unitLine = `Đơn vị: ${printedField(wb.unit.info.name)} · Năm: ${printedField(wb.unit.info.year)} · ${rs.recognition ? `Tiêu chí, chỉ tiêu công nhận ${rs.recognition}` : 'Tiêu chí đánh giá, xếp loại “Đơn vị học tập” (thang 100 điểm)'}`;
  // The unit line is merged across the table: no host grows a merged row, so its height is set.
  const unitLineHeight = { index: SUMMARY_TITLE_ROW + 1, height: fitHeight(unitLine, widths.reduce((a, w) => a + w, 0) - 1, SUMMARY_FONT_SIZE) };
  const rowHeights = [
    ...drawn.rowHeights,
    unitLineHeight,
    { index: SUMMARY_HEADER_ROW, height: 36 },
    ...heights,
    { index: membersHeaderRow, height: 36 },
    ...members.heights.map((height, i) => ({ index: membersHeaderRow + 1 + i, height })),
  ];
  // The pages count the heights set; a row without one is a line (the titles grow to their font).
  const printed = new Map(rowHeights.map((h) => [h.index, h.height]));
  const title = heightFor(1, STYLE.title.fontSize);
  printed.set(SUMMARY_TITLE_ROW, title).set(membersTitleRow, title);
  // The signature goes over with the totals and the last two members, never alone on a page.
  const keptWithSignature = Math.max(membersHeaderRow + 1, membersLast - 1);
  return {
    sheet: SHEETS.summary,
    mode: 'replace',
    after: SUMMARY_AFTER,
    cells: [
      ...drawn.cells,
      {
        at: `A${SUMMARY_TITLE_ROW}`,
        rows: [[SUMMARY_TITLE], [unitLine]],
      },
      { at: `A${SUMMARY_HEADER_ROW}`, rows: [header, ...rows] },
      { at: `A${conclusionRow}`, rows: [[CONCLUSION_LABEL, { formula: `=${ctx.outcomeCell}&""`, result: ctx.outcomeText }]] },
      { at: `A${membersTitleRow}`, rows: [[MEMBER_SUMMARY_TITLE], [MEMBER_NUMBER_HEADER, 'Họ và tên', 'Chức vụ / vị trí việc làm', ...Object.values(MEMBER_RESULT_HEADERS)]] },
      ...members.cells,
      { at: `A${totalsRow}`, rows: [[null, totals]] },
    ],
    ...(members.fills.length ? { fills: members.fills } : {}),
    styles: [
      { range: `A1:${lastL}${lastRow}`, style: { fontSize: SUMMARY_FONT_SIZE } },
      ...drawn.styles,
      { range: `A${SUMMARY_TITLE_ROW}:${lastL}${SUMMARY_TITLE_ROW}`, style: { ...STYLE.title, horizontal: 'center' } },
      { range: `A${SUMMARY_TITLE_ROW + 1}:${lastL}${SUMMARY_TITLE_ROW + 1}`, style: { italic: true, horizontal: 'center', wrap: true, fontName: FONT } },
      { range: `A${SUMMARY_HEADER_ROW}:${lastL}${SUMMARY_HEADER_ROW}`, style: STYLE.header },
      { range: `A${SUMMARY_HEADER_ROW + 1}:${lastL}${tableLast}`, style: STYLE.body },
      ...styles,
      { range: `A${conclusionRow}:${lastL}${conclusionRow}`, style: { bold: true, fontName: FONT } },
      { range: `A${membersTitleRow}`, style: STYLE.title },
      { range: `A${membersHeaderRow}:G${membersHeaderRow}`, style: STYLE.header },
      ...(ev.members.length ? [{ range: `A${membersHeaderRow + 1}:G${membersLast}`, style: STYLE.body }, { range: `F${membersHeaderRow + 1}:F${membersLast}`, style: STYLE.percent }] : []),
      { range: `A${totalsRow}:G${totalsRow}`, style: { bold: true, fontName: FONT } },
    ],
    columns: widths.map((w, i) => ({ index: i + 1, width: w })),
    rowHeights,
    merges: [...drawn.merges, `A${SUMMARY_TITLE_ROW}:${lastL}${SUMMARY_TITLE_ROW}`, `A${SUMMARY_TITLE_ROW + 1}:${lastL}${SUMMARY_TITLE_ROW + 1}`, `B${conclusionRow}:${lastL}${conclusionRow}`, `B${totalsRow}:G${totalsRow}`],
    freeze: { rows: SUMMARY_HEADER_ROW, columns: 0 },
    // The member list is the long table: its header repeats. Printed at a scale with a break
    // before each page (fit-to printing ignores manual breaks), so no heading ends a page.
    page: pagedSetup(
      { paperSize: 'A4', orientation: 'landscape', margins: { ...MARGINS_CM }, printArea: `A1:${lastL}${lastRow}`, printTitleRows: `${membersHeaderRow}:${membersHeaderRow}` },
      widths,
      {
        first: 1,
        last: lastRow,
        height: (r) => printed.get(r) ?? heightFor(1, SUMMARY_FONT_SIZE),
        keepWithNext: (r) => r <= SUMMARY_HEADER_ROW || criterionRows.has(r) || r === membersTitleRow || r === membersHeaderRow || r >= keptWithSignature,
        titleRow: membersHeaderRow,
      },
    ),
  };
}

export { NOT_COUNTED, SUMMARY_HEADER_ROW, SUMMARY_TITLE_ROW, totalsText };

/** Runs of members shorter than this are written cell by cell: a fill costs more than a few formulas. */
const MIN_FILL_ROWS = 3;

/** Index runs [from, to] of `items` where each item continues the previous one. */
function runs<T>(items: readonly T[], continues: (prev: T, next: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && continues(items[i - 1]!, item)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/**
 * The member rows of the summary from sheet row `top`: STT, then each member's figures as
 * references to its row of "Thành viên". Members on consecutive rows there make each column
 * one formula fill (thousands of rows go to Excel in one request); the others are written cell
 * by cell. A member outside the denominator is marked, so the annex's count is the documents'.
 */
function memberSummary(wb: UnitWorkbook, ev: Evaluation, top: number, printedHeight: (texts: [col: string, text: string][]) => number): { cells: CellBlock[]; fills: FormulaFill[]; heights: number[] } {
  const m = wb.members;
  const cols = m.table.columns;
  const nameCol = cols[m.table.nameIndex]!.col;
  const positionKeys = [memberField('position').header, ...memberField('position').aliases].map(columnKey);
  const position = cols.find((c) => positionKeys.includes(columnKey(c.header)));
  const start = m.resultColumns.met ?? m.lastHeaderCol + 1;
  // Relative references; the sheet's quoted name and each column's letter are made once, not per cell.
  const prefix = sheetRef(SHEETS.members, '');
  const letters = new Map<number, string>();
  const M = (row: number, col: number) => {
    let L = letters.get(col);
    if (L === undefined) letters.set(col, (L = prefix + columnLetter(col)));
    return L + row;
  };
  const src = wb.sheets.members!.rows;
  type Member = Evaluation['members'][number];
  const figures: { col: string; formula: (x: Member) => string; result: (x: Member) => CellValue }[] = [
    { col: 'B', formula: (x) => `=${M(x.row, nameCol)}&""`, result: (x) => x.name },
    ...(position ? [{ col: 'C', formula: (x: Member) => `=${M(x.row, position.col)}&""`, result: (x: Member) => readText(src[x.row - 1]?.[position.col - 1] ?? null) }] : []),
    { col: 'D', formula: (x) => `=${M(x.row, start)}`, result: (x) => x.met },
    { col: 'E', formula: (x) => `=${M(x.row, start + 1)}`, result: (x) => x.applicable },
    { col: 'F', formula: (x) => `=${M(x.row, start + 2)}`, result: (x) => x.score ?? '' },
  ];
  const reach = {
    col: 'G',
    formula: (x: Member) => `=${M(x.row, start + 3)}&""`,
    result: (x: Member): CellValue => (x.reachesTarget === null ? '' : x.reachesTarget ? RESULT_TEXT.memberReaches : RESULT_TEXT.memberMisses),
  };
  const list = ev.members;
  const cells: CellBlock[] = list.length ? [{ at: `A${top}`, rows: list.map((_, i) => [i + 1]) }] : [];
  const fills: FormulaFill[] = [];
  const fill = (f: typeof reach, from: number, to: number) =>
    fills.push({ range: `${f.col}${top + from}:${f.col}${top + to}`, formula: f.formula(list[from]!), results: list.slice(from, to + 1).map(f.result) });
  const cell = (i: number): CellInput => (list[i]!.counted ? { formula: reach.formula(list[i]!), result: reach.result(list[i]!) } : NOT_COUNTED);
  for (const [from, to] of runs(list, (a, b) => b.row === a.row + 1)) {
    if (to - from + 1 < MIN_FILL_ROWS) {
      for (let i = from; i <= to; i++) {
        const x = list[i]!;
        const row: CellInput[] = figures.map((f) => ({ formula: f.formula(x), result: f.result(x) }));
        if (!position) row.splice(1, 0, null);
        cells.push({ at: `B${top + i}`, rows: [[...row, cell(i)]] });
      }
      continue;
    }
    for (const f of figures) fill(f, from, to);
    for (const [a, b] of runs(list.slice(from, to + 1), (p, q) => p.counted === q.counted)) {
      if (list[from + a]!.counted && b - a + 1 >= MIN_FILL_ROWS) fill(reach, from + a, from + b);
      else for (let i = from + a; i <= from + b; i++) cells.push({ at: `G${top + i}`, rows: [[cell(i)]] });
    }
  }
  // The texts that may wrap: the name, the position and the mark.
  const heights = list.map((x) => printedHeight([['B', x.name], ...(position ? [['C', readText(src[x.row - 1]?.[position.col - 1] ?? null)] as [string, string]] : []), ['G', x.counted ? readText(reach.result(x)) : NOT_COUNTED]]));
  return { cells, fills, heights };
}
