/**
 * The three sheets of a consolidation: "Tổng hợp đơn vị" (one row per unit as in the domain
 * reference §5), "Thống kê kết quả" (counts per outcome, pass rate per indicator, two charts)
 * and "Báo cáo tệp" (one row per received file: status and reason). All are the add-in's own
 * and are redrawn whole. Headings are part of the dossier format: Vietnamese, whatever the pane's language.
 */
import type { Status } from '../../domain/evaluation';
import { RESULT_TEXT } from '../../sheets/names';
import { DATA_FONT_SIZE, STYLE } from '../../sheets/styles';
import { dataPage, widePage } from '../../sheets/page';
import { heightFor, lineCount } from '../../sheets/documentLayout';
import { t, type Lang } from '../../i18n';
import { unmetIndicators } from '../../i18n/outcome';
import type { CellInput, CellStyle, ChartSpec, RowHeight, SheetPlan, StyleRun, Workbook } from '../../workbook/port';
import { cellAddress, columnLetter, sheetRef } from '../../workbook/a1';
import { compareCodes, summaryText, type ConsolidatedUnit, type ConsolidationResult } from './aggregate';
import type { FileReport, UnitRecord } from './records';
import { serialToDate } from './dates';
import { formatDate, measuredDecimals } from '../../i18n/format';
import { ownPlan, ownSheetMarks, ownSheetName, ROLE } from '../ownSheets';
import { shortRemarkCell } from './shortRemark';
import { checkFormula, checkText, flagFormula, type CheckRefs } from './check';
import { fileReportCells, flaggedStatusFormula } from './fileReportCells';

export const CONSOLIDATION_SHEETS = { units: 'Tổng hợp đơn vị', stats: 'Thống kê kết quả', files: 'Báo cáo tệp' } as const;

export const UNITS_HEADER_ROW = 5;
export const FILES_HEADER_ROW = 4;
/** STT and the unit's name: kept in view while the table scrolls, and at the left of every printed page. */
const UNIT_NAME_COLUMNS = 2;

const BAR = '█';
/**
 * In-cell bars: blocks at 8 pt, unwrapped, as many as their column holds (a block is ≈ 8.3 px wide
 * at 8 pt in the preview, a column of width w ≈ 7w + 5 px less the cell's padding), so no renderer
 * wraps or cuts them. Columns D (width 11) and E (width 12) hold 8.
 */
const BAR_STYLE = { fontColor: '#2F75B5', fontSize: 8, wrap: false, horizontal: 'left' } as const;
const BAR_BLOCKS = 8;

/** The in-cell bar of the share in cell `ref` (blank when it is), with the engine's share as its cached text. */
function bar(ref: string, share: number | null): CellInput {
  return { formula: `=IF(${ref}="","",REPT("${BAR}",ROUND(${ref}*${BAR_BLOCKS},0)))`, result: share === null ? '' : BAR.repeat(Math.round(share * BAR_BLOCKS)) };
}
/** Excel refuses longer cell text. */
const MAX_CELL = 32_000;

const FIXED_HEADERS = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Năm', 'Mức độ đề nghị', 'Bộ tiêu chí', 'Số thành viên được tính', 'Số thành viên trong danh sách'];
/**
 * The columns after the codes' (TAIL_SLOTS). The printed table ends with the remarks cut short, or the
 * bases when the units cite different ones; the file and the remarks whole (what the officer's documents
 * read, and the officer edits) follow, unprinted.
 */
const TAIL_HEADERS = ['Kết quả (tính lại)', 'Chỉ tiêu chưa đạt', 'Điểm', 'Điểm tự đánh giá', 'Xếp loại', 'Xếp loại tự đánh giá', 'Tự đánh giá của đơn vị', 'Ngày công nhận lần trước', 'Thẩm định', 'Ghi chú (tóm tắt)', 'Căn cứ', 'Tệp', 'Ghi chú'];
/** Widths (Excel units) of the columns under FIXED_HEADERS and TAIL_HEADERS: no wider than their texts, so a printed band holds more of them. */
const FIXED_WIDTHS = [6, 30, 16, 7, 11, 20, 10, 10];
const TAIL_WIDTHS = [16, 34, 7, 9, 9, 10, 18, 11, 12, 38, 50, 28, 60];
const INDICATOR_WIDTH = 9;
const CRITERION_WIDTH = 10;
/** The rows' fitted height for `lines` lines (none for one: most rows keep the sheet's default). */
const fitted = (index: number, lines: number): RowHeight[] => (lines > 1 ? [{ index, height: heightFor(lines, DATA_FONT_SIZE), fit: true }] : []);
/**
 * Lines a cell's text wraps to in a column `width` wide: a row is as tall as its longest, since
 * neither Excel nor LibreOffice grows a row of a file it opens (a remark or a reason would show one line).
 */
const textLines = (value: CellInput, width: number, bold: boolean): number => (typeof value !== 'string' || value === '' ? 1 : lineCount(value, width - 1, DATA_FONT_SIZE, bold));
const STATUS_TEXT = (s: Status) => RESULT_TEXT[s];

export interface UnitsLayout {
  /** 1-based columns of the unit table, by role. */
  columns: { indicator: Map<string, number>; criterion: Map<string, number>; outcome: number; check: number; file: number; remarks: number; last: number };
  firstRow: number;
  lastRow: number;
}

/**
 * A host that draws table rows while the files are still being read (the CLI's file writer:
 * workbook/xlsx/write/drawnRows.ts): cells by row key and slot, placed when the sheet is written.
 */
export interface RowDrawer {
  draw(key: number, slot: number, value: CellInput, style: CellStyle | undefined): void;
  place(table: { sheet: string; firstRow: number; keys: readonly number[]; columns: readonly number[]; blank: readonly (CellStyle | undefined)[]; heights?: readonly (number | undefined)[] }): void;
}

// The unit table's slots: a slot is a column whose place is known only once every unit is in
// (the indicator and criterion codes are the union of the units'). Codes take slots as they come.
// A scored unit's (TT22) recorded score and rating each follow the recomputed one: “Thẩm định” compares them (check.ts).
const SLOT = {
  stt: 0, name: 1, type: 2, year: 3, level: 4, ruleSet: 5, counted: 6, listed: 7, outcome: 8, unmet: 9, score: 10, rating: 11, recorded: 12, previous: 13, check: 14, summary: 15, basis: 16, file: 17, remarks: 18,
  recordedScore: 19, recordedRating: 20,
} as const;
const FIRST_CODE_SLOT = 21;
const RECORDED_SCORE_SLOTS: readonly number[] = [SLOT.recordedScore, SLOT.recordedRating];
/** The tail's slots in column order (TAIL_HEADERS, TAIL_WIDTHS). */
const TAIL_SLOTS = [SLOT.outcome, SLOT.unmet, SLOT.score, SLOT.recordedScore, SLOT.rating, SLOT.recordedRating, SLOT.recorded, SLOT.previous, SLOT.check, SLOT.summary, SLOT.basis, SLOT.file, SLOT.remarks];

const INDICATOR_STYLE: CellStyle = { ...STYLE.percent, horizontal: 'center' };
const DATE_STYLE: CellStyle = { numberFormat: 'dd/mm/yyyy' };
const SCORE_STYLE: CellStyle = { numberFormat: '0.00' };
const NOT_MET_STYLE: CellStyle = { fontColor: '#C00000', bold: true };
/** A share failing just under its requirement, by the decimals that show it below (i18n/format measuredDecimals): made once each. */
const NOT_MET_STYLES = new Map<number, CellStyle>([[1, NOT_MET_STYLE]]);
function notMetStyle(decimals: number): CellStyle {
  let style = NOT_MET_STYLES.get(decimals);
  if (!style) NOT_MET_STYLES.set(decimals, (style = { ...NOT_MET_STYLE, numberFormat: `0.${'0'.repeat(decimals)}%` }));
  return style;
}
/**
 * A row still to review: its “Thẩm định” cell coloured by a rule on what the cell says (a conditional
 * format), so the colour goes when the officer's edits settle the row, as the formula's text does. No
 * static fill beside it: it would stay. A host without conditional formats (ExcelApi before 1.6, said
 * so; the preview, which does not draw them) shows the text alone, never a colour the row contradicts.
 */
const FLAGGED_STYLE = { fill: '#FCE4D6', bold: true } as const;
/** The remarks whole, unprinted, on one line: they would make the row as tall as they are (the file report prints them wrapped). */
const WHOLE_REMARKS_STYLE: CellStyle = { wrap: false };

type Emit = (slot: number, value: CellInput, extra?: CellStyle) => void;
/** A text the row holds in a cell the plan writes (the check's cached result): measured for the row's height. */
type Measure = (slot: number, text: string) => void;

/** The table's choice per code (ConsolidationResult.indicatorIds and criterionIds). */
type TableIds = { indicators: ReadonlyMap<string, string>; criteria: ReadonlyMap<string, string> };

class UnitSlots {
  /** By indicator (criterion) identity: one code may have several (rule sets differ); only the table's take a column. */
  readonly indicator = new Map<string, number>();
  readonly criterion = new Map<string, number>();
  private next = FIRST_CODE_SLOT;
  private readonly indicatorSlots = new Set<number>();

  indicatorSlot(identity: string): number {
    const slot = this.slotOf(this.indicator, identity);
    this.indicatorSlots.add(slot);
    return slot;
  }

  criterionSlot(identity: string): number {
    return this.slotOf(this.criterion, identity);
  }

  private slotOf(slots: Map<string, number>, identity: string): number {
    let slot = slots.get(identity);
    if (slot === undefined) slots.set(identity, (slot = this.next++));
    return slot;
  }

  /**
   * What the plan's runs give a cell of this slot (the body style under all, then its
   * column's), with `extra` over them; one object per slot and extra, made once.
   */
  cellStyle(slot: number, extra?: CellStyle): CellStyle {
    const byExtra = (this.styles[slot] ??= new Map());
    let style = byExtra.get(extra);
    if (!style) {
      const column = this.indicatorSlots.has(slot) ? INDICATOR_STYLE : slot === SLOT.previous ? DATE_STYLE : slot === SLOT.score || slot === SLOT.recordedScore ? SCORE_STYLE : slot === SLOT.remarks ? WHOLE_REMARKS_STYLE : undefined;
      byExtra.set(extra, (style = { ...STYLE.body, ...column, ...extra }));
    }
    return style;
  }

  private readonly styles: Map<CellStyle | undefined, CellStyle>[] = [];
  /** Lines of the texts measured, by width, boldness and text (statuses, types and rule sets repeat down the table). */
  private readonly measured = new Map<string, number>();

  /** The column width of a slot. */
  width(slot: number): number {
    if (slot >= FIRST_CODE_SLOT) return this.indicatorSlots.has(slot) ? INDICATOR_WIDTH : CRITERION_WIDTH;
    return slot < FIXED_WIDTHS.length ? FIXED_WIDTHS[slot]! : TAIL_WIDTHS[TAIL_SLOTS.indexOf(slot as (typeof TAIL_SLOTS)[number])]!;
  }

  /** Lines a cell's text wraps to in its column (textLines). */
  lines(slot: number, input: CellInput, extra?: CellStyle): number {
    // A formula's text is its cached result (the short remark).
    const value = input !== null && typeof input === 'object' && 'formula' in input ? input.result : input;
    if (typeof value !== 'string' || value === '' || slot === SLOT.remarks) return 1;
    const width = this.width(slot);
    const bold = extra?.bold === true;
    const key = `${width}${bold ? 'b' : ''}\t${value}`;
    let n = this.measured.get(key);
    if (n === undefined) this.measured.set(key, (n = textLines(value, width, bold)));
    return n;
  }

  /** The table's indicator codes, in code order: each with the slot of the indicator `ids` names for it. */
  indicatorColumns(ids: ReadonlyMap<string, string>): [string, number][] {
    return [...ids.keys()].sort(compareCodes).map((code) => [code, this.indicatorSlot(ids.get(code)!)]);
  }

  /** The table's criterion codes, likewise. */
  criterionColumns(ids: ReadonlyMap<string, string>): [string, number][] {
    return [...ids.keys()].sort(compareCodes).map((code) => [code, this.criterionSlot(ids.get(code)!)]);
  }

  /** The slot of each column, from A, codes in code order; another indicator or criterion of a code has none. */
  columns(ids: TableIds): number[] {
    const fixed = [SLOT.stt, SLOT.name, SLOT.type, SLOT.year, SLOT.level, SLOT.ruleSet, SLOT.counted, SLOT.listed];
    const slots = (columns: [string, number][]) => columns.map(([, slot]) => slot);
    return [...fixed, ...slots(this.indicatorColumns(ids.indicators)), ...slots(this.criterionColumns(ids.criteria)), ...TAIL_SLOTS];
  }
}

/** The cells a unit's own record decides (all but its number and the cross-file checks). */
function recordCells(u: UnitRecord, file: string, slots: UnitSlots, emit: Emit): void {
  emit(SLOT.name, u.name);
  emit(SLOT.type, u.type);
  emit(SLOT.year, u.year);
  emit(SLOT.level, u.levelRequested);
  emit(SLOT.ruleSet, u.ruleSet.name);
  emit(SLOT.counted, u.countedMembers);
  // Only where some are left out: the officer's eye goes to the rows that differ.
  emit(SLOT.listed, u.listedMembers !== u.countedMembers ? u.listedMembers : null);
  for (const ind of u.indicators) {
    const share = ind.measure !== 'unit' && ind.value !== null && (ind.status === 'met' || ind.status === 'not_met');
    const notMet = ind.status !== 'not_met' ? undefined : share ? notMetStyle(measuredDecimals(ind.value!, ind.required, false)) : NOT_MET_STYLE;
    emit(slots.indicatorSlot(ind.identity), share ? ind.value : STATUS_TEXT(ind.status), notMet);
  }
  for (const cr of u.criteria) emit(slots.criterionSlot(cr.identity), STATUS_TEXT(cr.status), cr.status === 'not_met' ? NOT_MET_STYLE : undefined);
  emit(SLOT.outcome, u.outcome.label);
  emit(SLOT.score, u.outcome.score);
  emit(SLOT.recordedScore, u.recorded.score);
  emit(SLOT.rating, u.outcome.rating);
  emit(SLOT.recordedRating, u.recorded.rating);
  emit(SLOT.recorded, u.recorded.outcome || null);
  emit(SLOT.previous, u.previousDate !== null ? serialToDate(u.previousDate) : null);
  emit(SLOT.file, file);
  // The officer's documents cite each proposed unit's own bases (officerTable.ts reads them back).
  emit(SLOT.basis, u.bases.join(';\n') || null);
}

/**
 * A remark bullet naming its file: a remark is read apart from its row (a page cut, the cell
 * copied, a cell it cites), so one that does not name it already says it first.
 */
function remarkBullet(message: string, file: string, lang: Lang): string {
  return `• ${message.includes(`“${file}”`) ? message : t(lang, 'consolidate.remark.file', { file, message })}`;
}

/** A unit's “Ghi chú” as drawn: its remarks, one bullet a line, each naming the file (null for none). */
function unitRemarks(u: UnitRecord, file: string, lang: Lang): string | null {
  return u.flags.length ? clip(u.flags.map((f) => remarkBullet(f.message, file, lang)).join('\n')) : null;
}

/**
 * The indicators a unit does not meet or that cannot be evaluated, each with its figure ("2.4: 46,3% < 50%"):
 * what to ask the unit to mend, and what the minutes say of a unit kept out by its own data.
 */
function unmetText(u: UnitRecord, lang: Lang): string | null {
  const parts = unmetIndicators(u.indicators, lang);
  return parts.length ? parts.join('; ') : null;
}

/** Where a row's cells that its formulas read are (“Ghi chú”, “Kết quả (tính lại)”, “Tự đánh giá của đơn vị”, the scores and ratings). */
type RowRefs = CheckRefs;

/** A row's RowRefs from the 1-based column of each slot. */
const rowRefs = (row: number, columnOf: (slot: number) => number): RowRefs => ({
  remarks: cellAddress(row, columnOf(SLOT.remarks)),
  result: cellAddress(row, columnOf(SLOT.outcome)),
  recorded: cellAddress(row, columnOf(SLOT.recorded)),
  score: cellAddress(row, columnOf(SLOT.score)),
  recordedScore: cellAddress(row, columnOf(SLOT.recordedScore)),
  rating: cellAddress(row, columnOf(SLOT.rating)),
  recordedRating: cellAddress(row, columnOf(SLOT.recordedRating)),
});

/**
 * The cells known once every file is in: the row's number, what it does not meet and the checks across files.
 * `fileNo`: the file's STT in the file report; `refs`: the row's cells that the officer edits and that the
 * short remark (shortRemark.ts) and “Thẩm định” (check.ts) are formulas on. Returns the row's “Thẩm định”
 * text, the cached result of the formula the plan fills down its column (drawUnits).
 */
function finalCells(u: UnitRecord, file: string, n: number, fileNo: number, refs: RowRefs, filesSheet: string, lang: Lang, emit: Emit, measure: Measure): string {
  emit(SLOT.stt, n);
  emit(SLOT.unmet, unmetText(u, lang));
  const remarks = unitRemarks(u, file, lang);
  const score = { score: u.outcome.score, recordedScore: u.recorded.score, rating: u.outcome.rating, recordedRating: u.recorded.rating };
  const check = checkText({ result: u.outcome.label, recorded: u.recorded.outcome, remarks: remarks ?? '', score }, lang);
  measure(SLOT.check, check);
  emit(SLOT.summary, shortRemarkCell(refs.remarks, remarks ?? '', { fileNo, filesSheet, lang }));
  emit(SLOT.remarks, remarks);
  return check;
}

/**
 * The unit rows drawn as each file's record arrives, while the other files are still read:
 * at the end only their numbers, the cross-file checks and where the columns go are left.
 */
export class DrawnUnits {
  private readonly slots = new UnitSlots();
  private readonly keys = new Map<UnitRecord, number>();
  private readonly drawer: RowDrawer;
  /** The file report's rows: what a file's checks cannot change drawn as it arrives, the rest once they are done. */
  readonly files: RowDrawer;
  /** Files drawn by addFile: when it is every file of the result, their keys are its indices. */
  filesAhead = 0;

  constructor(newDrawer: () => RowDrawer) {
    this.drawer = newDrawer();
    this.files = newDrawer();
  }

  add(u: UnitRecord, file: string, key: number): void {
    this.keys.set(u, key);
    recordCells(u, file, this.slots, this.emitter(key));
  }

  /** Lines of each row's longest text, by row key. */
  private readonly lines = new Map<number, number>();

  /** A file's report cells that no check across files changes, at its index (every received file, read or refused). */
  addFile(report: FileReport, index: number, lang: Lang): void {
    this.filesAhead++;
    const row = fileRow(report, index, lang);
    for (const slot of FILE_SLOTS_AHEAD) this.files.draw(index, slot, row[slot]!, STYLE.body);
  }

  /**
   * The kept units, in order: the last cells drawn and the rows placed from `firstRow`; their “Thẩm
   * định” texts, in order, for the plan's fill of its column (no row draws it).
   */
  place(units: readonly ConsolidatedUnit[], ids: TableIds, firstRow: number, filesSheet: string, lang: Lang): { slots: UnitSlots; checks: string[] } {
    const columns = this.slots.columns(ids);
    const columnOf = (slot: number) => columns.indexOf(slot) + 1;
    const checks: string[] = [];
    const keys = units.map(({ record, file }, i) => {
      // The key is the file's index: its row of the file report.
      const key = this.keys.get(record)!;
      checks.push(finalCells(record, file, i + 1, key + 1, rowRefs(firstRow + i, columnOf), filesSheet, lang, this.emitter(key), (slot, text) => this.measure(key, slot, text)));
      return key;
    });
    // Only the placed columns' texts count: another indicator of a table code has none.
    const heights = keys.map((key) => fitted(0, this.lines.get(key) ?? 1)[0]?.height);
    this.drawer.place({ sheet: CONSOLIDATION_SHEETS.units, firstRow, keys, columns, blank: columns.map((slot) => this.slots.cellStyle(slot)), heights });
    return { slots: this.slots, checks };
  }

  private emitter(key: number): Emit {
    return (slot, value, extra) => {
      this.drawer.draw(key, slot, value, this.slots.cellStyle(slot, extra));
      this.measure(key, slot, value, extra);
    };
  }

  private measure(key: number, slot: number, value: CellInput, extra?: CellStyle): void {
    const n = this.slots.lines(slot, value, extra);
    if (n > (this.lines.get(key) ?? 1)) this.lines.set(key, n);
  }
}

/**
 * The units table, its statistics and the file report, in that order. `unitsSheet`: where the
 * workbook keeps the units table (the statistics' formulas name it).
 */
export function planConsolidation(
  result: ConsolidationResult,
  lang: Lang = 'vi',
  drawn?: DrawnUnits,
  unitsSheet: string = CONSOLIDATION_SHEETS.units,
  filesSheet: string = CONSOLIDATION_SHEETS.files,
): { plans: [SheetPlan, SheetPlan, SheetPlan]; layout: UnitsLayout & StatsLayout } {
  const units = drawUnits(result, lang, drawn, filesSheet);
  const stats = drawStats(result, units.layout, unitsSheet, filesSheet);
  const files = drawFiles(result, lang, drawn?.files, drawn !== undefined && drawn.filesAhead === result.files.length, unitsSheet, units.layout);
  return { plans: [units.plan, stats.plan, files], layout: { ...units.layout, ...stats.layout } };
}

/** One batch, one write of the three sheets; the unit sheet is shown at the end. `drawn`: its rows drawn already. */
export async function writeConsolidation(workbook: Workbook, result: ConsolidationResult, lang: Lang = 'vi', drawn?: DrawnUnits): Promise<UnitsLayout & StatsLayout> {
  return workbook.batch(async (session) => {
    // A user's sheet called "Tổng hợp đơn vị" is never overwritten: ours goes where its mark says.
    const snapshot = await session.read([], { marks: ownSheetMarks(CONSOLIDATION_SHEETS.units, CONSOLIDATION_SHEETS.stats, CONSOLIDATION_SHEETS.files) });
    const unitsSheet = ownSheetName(snapshot, CONSOLIDATION_SHEETS.units, ROLE.consolidation);
    // The texts citing a sheet name it where it is drawn (beside an officer's sheet of that name: “… (ĐVHT)”).
    const filesSheet = ownSheetName(snapshot, CONSOLIDATION_SHEETS.files, ROLE.fileReport);
    const { plans, layout } = planConsolidation(result, lang, drawn, unitsSheet, filesSheet);
    const [units, stats, files] = plans;
    session.write(ownPlan(units, ROLE.consolidation));
    session.write(ownPlan({ ...stats, after: unitsSheet }, ROLE.consolidationStats));
    session.write(ownPlan({ ...files, after: ownSheetName(snapshot, CONSOLIDATION_SHEETS.stats, ROLE.consolidationStats) }, ROLE.fileReport));
    session.select(unitsSheet, 'A1');
    return layout;
  });
}

function drawUnits(result: ConsolidationResult, lang: Lang, drawn: DrawnUnits | undefined, filesSheet: string): { plan: SheetPlan; layout: UnitsLayout } {
  const first = UNITS_HEADER_ROW + 1;
  const rows: CellInput[][] = [];
  const styles: StyleRun[] = [];
  const unitHeights: RowHeight[] = [];
  let slots: UnitSlots;
  // “Thẩm định” of each row, in order: one formula filled down the column, these its cached results.
  let checks: string[] = [];
  const ids: TableIds = { indicators: result.indicatorIds, criteria: result.criterionIds };
  if (drawn) ({ slots, checks } = drawn.place(result.units, ids, first, filesSheet, lang));
  else {
    // Every row in the plan: slots first (the columns need every unit's codes), then the cells.
    slots = new UnitSlots();
    for (const { record } of result.units) {
      for (const i of record.indicators) slots.indicatorSlot(i.identity);
      for (const c of record.criteria) slots.criterionSlot(c.identity);
    }
  }
  const slotColumns = slots.columns(ids);
  const columnOf: number[] = [];
  slotColumns.forEach((slot, i) => (columnOf[slot] = i + 1));
  if (!drawn) {
    const fileIndex = new Map(result.files.map((f, i) => [f.file, i]));
    result.units.forEach(({ record: u, file }, i) => {
      const r = first + i;
      const row: CellInput[] = new Array(slotColumns.length).fill(null);
      let lines = 1;
      const emit: Emit = (slot, value, extra) => {
        const c = columnOf[slot];
        // Another indicator or criterion of a table code: no column (as the drawn rows leave it unplaced).
        if (c === undefined) return;
        row[c - 1] = value;
        if (extra) styles.push({ range: cellAddress(r, c), style: extra });
        lines = Math.max(lines, slots.lines(slot, value, extra));
      };
      recordCells(u, file, slots, emit);
      const measure: Measure = (slot, text) => (lines = Math.max(lines, slots.lines(slot, text)));
      checks.push(finalCells(u, file, i + 1, fileIndex.get(file)! + 1, rowRefs(r, (slot) => columnOf[slot]!), filesSheet, lang, emit, measure));
      rows.push(row);
      unitHeights.push(...fitted(r, lines));
    });
  }
  const count = result.units.length;
  const indicatorColumns = slots.indicatorColumns(result.indicatorIds);
  const codes = indicatorColumns.map(([code]) => code);
  const criterionColumns = slots.criterionColumns(result.criterionIds);
  const criteria = criterionColumns.map(([code]) => code);
  const indicatorCol = new Map(indicatorColumns.map(([code, slot]) => [code, columnOf[slot]!]));
  const criterionCol = new Map(criterionColumns.map(([code, slot]) => [code, columnOf[slot]!]));
  const col = {
    outcome: columnOf[SLOT.outcome]!, score: columnOf[SLOT.score]!, recordedScore: columnOf[SLOT.recordedScore]!, previous: columnOf[SLOT.previous]!, check: columnOf[SLOT.check]!, summary: columnOf[SLOT.summary]!, basis: columnOf[SLOT.basis]!, file: columnOf[SLOT.file]!, remarks: columnOf[SLOT.remarks]!,
  };
  const last = col.remarks;
  const L = columnLetter;
  const header = [...FIXED_HEADERS, ...codes.map((c) => `Chỉ tiêu ${c}`), ...criteria.map((c) => `TC${c}`), ...TAIL_HEADERS];
  const lastRow = Math.max(first, first + count - 1);
  const criteriaNote = leftOutNote(result.criteria);
  // No unit scored (a TT24 batch): the unit's score columns, blank, hidden, so the table prints on the pages it did.
  const scored = result.units.some(({ record: u }) => u.outcome.score !== null || u.outcome.rating !== null || u.recorded.score !== null || u.recorded.rating !== null);
  const checkColumn = `${L(col.check)}${first}:${L(col.check)}${lastRow}`;

  const plan: SheetPlan = {
    sheet: CONSOLIDATION_SHEETS.units,
    mode: 'replace',
    cells: [
      // In the first column that scrolls, where they run on: Excel stops a frozen column's text at the frozen edge.
      { at: `${L(UNIT_NAME_COLUMNS + 1)}1`, rows: [[UNITS_TITLE], [bodyLine(result)], [ruleSetLine(result, filesSheet)], ...(criteriaNote ? [[criteriaNote]] : [])] },
      { at: `A${UNITS_HEADER_ROW}`, rows: [header] },
      // Beside “Thẩm định”, which the fill writes.
      ...(rows.length ? [{ at: `A${first}`, rows: rows.map((r) => r.slice(0, col.check - 1)) }, { at: `${L(col.check + 1)}${first}`, rows: rows.map((r) => r.slice(col.check)) }] : []),
    ],
    ...(count
      ? {
          fills: [{ range: checkColumn, formula: checkFormula(rowRefs(first, (slot) => columnOf[slot]!), lang), results: checks }],
          conditionalFormats: [{ range: checkColumn, formula: flagFormula(`${L(col.check)}${first}`, lang), style: FLAGGED_STYLE }],
        }
      : {}),
    styles: [
      { range: `${L(UNIT_NAME_COLUMNS + 1)}1`, style: STYLE.title },
      { range: `${L(UNIT_NAME_COLUMNS + 1)}2:${L(UNIT_NAME_COLUMNS + 1)}${criteriaNote ? 4 : 3}`, style: STYLE.hint },
      { range: `A${UNITS_HEADER_ROW}:${L(last)}${UNITS_HEADER_ROW}`, style: STYLE.header },
      ...(rows.length
        ? [
            { range: `A${first}:${L(last)}${lastRow}`, style: STYLE.body },
            ...(codes.length ? [{ range: `${L(FIXED_HEADERS.length + 1)}${first}:${L(FIXED_HEADERS.length + codes.length)}${lastRow}`, style: INDICATOR_STYLE }] : []),
            { range: `${L(col.previous)}${first}:${L(col.previous)}${lastRow}`, style: DATE_STYLE },
            { range: `${L(col.score)}${first}:${L(col.score)}${lastRow}`, style: SCORE_STYLE },
            { range: `${L(col.recordedScore)}${first}:${L(col.recordedScore)}${lastRow}`, style: SCORE_STYLE },
            { range: `${L(col.remarks)}${first}:${L(col.remarks)}${lastRow}`, style: WHOLE_REMARKS_STYLE },
          ]
        : []),
      ...styles,
    ],
    columns: slotColumns.map((slot, i) => ({ index: i + 1, width: slots.width(slot), ...(!scored && RECORDED_SCORE_SLOTS.includes(slot) ? { hidden: true } : {}) })),
    rowHeights: [{ index: UNITS_HEADER_ROW, height: 45 }, ...unitHeights],
    freeze: { rows: UNITS_HEADER_ROW, columns: UNIT_NAME_COLUMNS },
    ...(count ? { autoFilter: `A${UNITS_HEADER_ROW}:${L(last)}${lastRow}` } : {}),
    // Fitted to one A4 width its 30-odd columns printed at 3–5 pt: readable pages instead, each naming its units.
    // It ends at the remarks cut short, or at the bases when the units cite different ones (the statistics print those they
    // share): the file and the remarks whole (the file report prints them) took pages of their own, the remarks a row a page high.
    // Always a print area: a host cannot remove one a previous consolidation set. It starts at the
    // heading row: the title and the body print whole in the page header of every page, the rule set line in its footer.
    page: { ...widePage(UNITS_HEADER_ROW, UNIT_NAME_COLUMNS, [UNITS_TITLE, bodyLine(result)], lang, ruleSetLines(result, filesSheet)), printArea: `A${UNITS_HEADER_ROW}:${L(sharedBases(result) !== null ? col.summary : col.basis)}${lastRow}` },
    activate: true,
  };
  return {
    plan,
    layout: {
      columns: { indicator: indicatorCol, criterion: criterionCol, outcome: col.outcome, check: col.check, file: col.file, remarks: col.remarks, last },
      firstRow: first,
      lastRow: first + count - 1,
    },
  };
}

const UNITS_TITLE = 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”';
const STATS_TITLE = 'THỐNG KÊ KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”';

/** Who consolidated and for which years: the second title line of both the table and its statistics. */
function bodyLine(result: ConsolidationResult): string {
  const years = [...new Set(result.units.map((u) => u.record.year).filter((y) => y !== null))].sort((a, b) => a - b).join(', ');
  return `Đơn vị tổng hợp: ${result.body}${result.tier ? ` (${result.tier})` : ''}${years ? ` — năm đánh giá ${years}` : ''}`;
}

/** The rule set judged by, the date and what came of the files, with the sheet that says more. */
function ruleSetLine(result: ConsolidationResult, more: string): string {
  const [rules, made] = ruleSetLines(result, more);
  return `${rules} — ${made.charAt(0).toLowerCase()}${made.slice(1)}`;
}

/** The same in two lines, for the printed footer of every page. */
function ruleSetLines(result: ConsolidationResult, more: string): [string, string] {
  return [
    `Bộ tiêu chí đối chiếu: ${result.ruleSet ? result.ruleSet.name : 'bộ tiêu chí của từng đơn vị'}`,
    `Tổng hợp ngày ${formatDate(result.asOf)} từ ${summaryText(result.summary, 'vi')} (xem trang “${more}”).`,
  ];
}

/** The "Căn cứ" of every unit when they all cite the same (non-empty), else null. */
function sharedBases(result: ConsolidationResult): string | null {
  const bases = new Set(result.units.map((u) => u.record.bases.join(';\n')));
  const [only] = bases;
  return bases.size === 1 && only ? only : null;
}

/** Where the statistics' rows are. */
export interface StatsLayout {
  countsHeaderRow: number;
  ratesHeaderRow: number;
}

const STATS_HEADER_ROW = 6;
/** Under the title lines: the units' shared bases, when they share them. */
const BASES_ROW = 4;
const HINT_FONT_SIZE = STYLE.hint.fontSize;
/**
 * The statistics' columns (Excel units): the counts' Kết quả, Số đơn vị, Tỷ lệ, Biểu đồ over
 * A–D, the rates' Chỉ tiêu … Nội dung, Số đơn vị không tính over A–G; D (11) and E (12) hold
 * BAR_BLOCKS blocks. 150 characters: one A4 landscape width at ≈ 9 pt.
 */
const STATS_WIDTHS = [24, 11, 12, 11, 12, 60, 20];
const RATE_TEXT_COLUMN = 5;

/**
 * "Thống kê kết quả": the counts per outcome and the pass rate per indicator, as live formulas
 * over the units table on `unitsSheet` (its name where the workbook put it), and two charts.
 * A sheet of its own: printed under the units it repeated their heading row on every page.
 */
function drawStats(result: ConsolidationResult, units: UnitsLayout, unitsSheet: string, filesSheet: string): { plan: SheetPlan; layout: StatsLayout } {
  const L = columnLetter;
  const lastRow = Math.max(units.firstRow, units.lastRow);
  const outcomeRange = sheetRef(unitsSheet, `$${L(units.columns.outcome)}$${units.firstRow}:$${L(units.columns.outcome)}$${lastRow}`);
  // Counts per outcome: live COUNTIFs over the outcome column, so the officer can audit them.
  const countsTitle = STATS_HEADER_ROW;
  const countsHeader = countsTitle + 1;
  const countRows: CellInput[][] = [];
  const total = result.units.length;
  const totalRow = countsHeader + result.counts.length + 1;
  result.counts.forEach((c, i) => {
    const r = countsHeader + 1 + i;
    countRows.push([
      c.label,
      { formula: `=COUNTIF(${outcomeRange},A${r})`, result: c.count },
      { formula: `=IF($B$${totalRow}=0,"",B${r}/$B$${totalRow})`, result: total ? c.count / total : '' },
      bar(`C${r}`, total ? c.count / total : null),
    ]);
  });
  countRows.push(['Tổng cộng', { formula: `=SUM(B${countsHeader + 1}:B${totalRow - 1})`, result: total }, null, null]);

  const ratesTitle = totalRow + 3;
  const ratesHeader = ratesTitle + 1;
  const rateRows: CellInput[][] = result.passRates.map((p, i) => {
    const r = ratesHeader + 1 + i;
    const rate = p.evaluated ? p.met / p.evaluated : null;
    return [p.code, { formula: `=IF(D${r}=0,"",C${r}/D${r})`, result: rate ?? '' }, p.met, p.evaluated, bar(`B${r}`, rate), p.text, p.leftOut];
  });
  const ratesLast = ratesHeader + Math.max(rateRows.length, 1);
  const rateHeaders = ['Chỉ tiêu', 'Tỷ lệ đạt', 'Số đơn vị đạt', 'Số đơn vị được đánh giá', 'Biểu đồ', 'Nội dung', 'Số đơn vị không tính (chỉ tiêu khác nội dung)'];
  const rateHeights = [
    ...fitted(ratesHeader, Math.max(...rateHeaders.map((h, c) => lineCount(h, STATS_WIDTHS[c]! - 1, DATA_FONT_SIZE, true)))),
    ...result.passRates.flatMap((p, i) => fitted(ratesHeader + 1 + i, textLines(p.text, STATS_WIDTHS[RATE_TEXT_COLUMN]!, false))),
  ];

  // Both charts below the tables, side by side, over rows of the default height: a chart is
  // anchored to the rows it covers, and would stretch with a fitted one.
  const chartsTop = ratesLast + 3;
  const chartRows = 15;
  const charts: ChartSpec[] = [];
  let chartLeft = 1;
  if (result.counts.length) {
    charts.push({
      type: 'pie',
      source: `A${countsHeader}:B${totalRow - 1}`,
      title: 'Số đơn vị theo kết quả',
      position: { from: cellAddress(chartsTop, chartLeft), to: cellAddress(chartsTop + chartRows, chartLeft + 3) },
    });
    chartLeft += 4;
  }
  if (rateRows.length) {
    charts.push({
      type: 'columnClustered',
      source: `A${ratesHeader}:B${ratesLast}`,
      title: 'Tỷ lệ đơn vị đạt theo chỉ tiêu',
      position: { from: cellAddress(chartsTop, chartLeft), to: cellAddress(chartsTop + chartRows, STATS_WIDTHS.length + 1) },
      percentAxis: true,
    });
  }
  const lastColumn = L(STATS_WIDTHS.length);
  // The bases all units share, said once here (the printed table leaves their column out), wrapped over the width.
  const bases = sharedBases(result);
  const basesText = bases === null ? null : `Căn cứ: ${bases.replace(/;\n/g, '; ')}.`.replace(/\.\.$/, '.');
  const basesLines = basesText ? lineCount(basesText, STATS_WIDTHS.reduce((a, b) => a + b, 0) - 1, HINT_FONT_SIZE, false) : 1;
  const basesHeight: RowHeight[] = basesLines > 1 ? [{ index: BASES_ROW, height: heightFor(basesLines, HINT_FONT_SIZE), fit: true }] : [];
  const plan: SheetPlan = {
    sheet: CONSOLIDATION_SHEETS.stats,
    mode: 'replace',
    cells: [
      { at: 'A1', rows: [[STATS_TITLE], [bodyLine(result)], [ruleSetLine(result, filesSheet)], ...(basesText ? [[basesText]] : [])] },
      { at: `A${countsTitle}`, rows: [['SỐ ĐƠN VỊ THEO KẾT QUẢ'], ['Kết quả', 'Số đơn vị', 'Tỷ lệ', 'Biểu đồ'], ...countRows] },
      { at: `A${ratesTitle}`, rows: [['TỶ LỆ ĐƠN VỊ ĐẠT THEO CHỈ TIÊU (trên số đơn vị được đánh giá chỉ tiêu đó)'], rateHeaders, ...rateRows] },
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2:A3', style: STYLE.hint },
      ...(basesText ? [{ range: `A${BASES_ROW}`, style: { ...STYLE.hint, wrap: true, vertical: 'top' } satisfies CellStyle }] : []),
      { range: `A${countsTitle}`, style: STYLE.section },
      { range: `A${countsHeader}:D${countsHeader}`, style: STYLE.header },
      { range: `A${countsHeader + 1}:D${totalRow}`, style: STYLE.body },
      { range: `C${countsHeader + 1}:C${totalRow}`, style: STYLE.percent },
      { range: `D${countsHeader + 1}:D${totalRow}`, style: BAR_STYLE },
      { range: `A${totalRow}:B${totalRow}`, style: { bold: true } },
      { range: `A${ratesTitle}`, style: STYLE.section },
      { range: `A${ratesHeader}:${lastColumn}${ratesHeader}`, style: STYLE.header },
      ...(rateRows.length
        ? [
            { range: `A${ratesHeader + 1}:${lastColumn}${ratesLast}`, style: STYLE.body },
            { range: `A${ratesHeader + 1}:A${ratesLast}`, style: STYLE.text },
            { range: `B${ratesHeader + 1}:B${ratesLast}`, style: STYLE.percent },
            { range: `E${ratesHeader + 1}:E${ratesLast}`, style: BAR_STYLE },
          ]
        : []),
    ],
    columns: STATS_WIDTHS.map((width, i) => ({ index: i + 1, width })),
    ...(basesText ? { merges: [`A${BASES_ROW}:${lastColumn}${BASES_ROW}`] } : {}),
    rowHeights: [...basesHeight, ...rateHeights],
    page: dataPage('landscape'),
    charts,
  };
  return { plan, layout: { countsHeaderRow: countsHeader, ratesHeaderRow: ratesHeader } };
}

/**
 * Under the title lines, only when a criterion column left units out (they hold another
 * criterion of its code): which columns and how many units, so the printed table says it.
 */
function leftOutNote(criteria: ConsolidationResult['criteria']): string | null {
  const left = criteria.filter((c) => c.leftOut > 0);
  if (!left.length) return null;
  const counts = left.map((c) => `TC${c.code}: ${c.leftOut} đơn vị`).join('; ');
  return `Cột tiêu chí chỉ ghi kết quả của cùng một tiêu chí; đơn vị có tiêu chí cùng mã mà khác nội dung (bộ tiêu chí khác) để trống ở cột đó — ${counts} (xem “Ghi chú”).`;
}

const REJECTED_STYLE: CellStyle = { ...STYLE.body, fontColor: '#C00000', bold: true };
const NOT_CONSOLIDATED_STYLE: CellStyle = { ...STYLE.body, fill: '#FCE4D6' };

/** A file report row: STT, file, status, unit, reasons, application, size (KB). */
function fileRow(f: FileReport, i: number, lang: Lang): CellInput[] {
  return [i + 1, f.file, t(lang, `consolidate.status.${f.status}`), f.unit || null, f.reasons.length ? clip(f.reasons.join('\n')) : null, programName(f.application), Math.round((f.size / 1024) * 10) / 10];
}

/** The program and its version, out of a build string ("LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/…" → "LibreOffice 7.4.7.2"). */
function programName(application: string | null): string | null {
  const build = application && /^([^/\s]+)\/([^\s$]+)/.exec(application);
  return build ? `${build[1]} ${build[2]}` : application;
}

const FILE_SLOTS = [0, 1, 2, 3, 4, 5, 6] as const;
/** Widths (Excel units) of the file report's columns, by slot: 186 characters, one A4 landscape width at ~8.5 pt (with a reason of 80 it took a second page for two columns). */
const FILE_WIDTHS = [6, 36, 22, 30, 60, 20, 12];
const FILE_HEADERS = ['STT', 'Tệp', 'Trạng thái', 'Đơn vị', 'Lý do / cần xem lại', 'Lưu bằng', 'Kích thước (KB)'];
const FILE_NAME_SLOT = 1;
const FILE_STATUS_SLOT = 2;
const FILE_REASONS_SLOT = 4;
/** What the checks across files change (duplicates, flags): status and reasons, drawn last; the rest as each file arrives. */
const FILE_SLOTS_LAST = [2, 4] as const;
const FILE_SLOTS_AHEAD = [0, 1, 3, 5, 6] as const;

/**
 * `ahead`: the drawer has each file's FILE_SLOTS_AHEAD already (DrawnUnits.addFile). A kept unit's
 * status and reasons follow its “Ghi chú” in the units table (`units`, on `unitsSheet`): fileReportCells.ts.
 */
function drawFiles(result: ConsolidationResult, lang: Lang, drawer: RowDrawer | undefined, ahead: boolean, unitsSheet: string, units: UnitsLayout): SheetPlan {
  const first = FILES_HEADER_ROW + 1;
  const rows: CellInput[][] = [];
  const styles: StyleRun[] = [];
  // Fitted from the whole row, both ways: the row's every text is known here, drawn ahead or not.
  const heights: RowHeight[] = [];
  const drawnHeights: (number | undefined)[] = [];
  const kept = new Map(result.units.map(({ record, file }) => [file, record]));
  const table = { sheet: unitsSheet, file: units.columns.file, remarks: units.columns.remarks, firstRow: units.firstRow, lastRow: units.lastRow };
  const following = fileReportCells(table, result.units.map((u) => u.file), { file: columnLetter(FILE_NAME_SLOT + 1) }, lang);
  let follows = false;
  result.files.forEach((f, i) => {
    const row = fileRow(f, i, lang);
    const record = f.status === 'consolidated' || f.status === 'flagged' ? kept.get(f.file) : undefined;
    const remarks = record ? (unitRemarks(record, f.file, lang) ?? '') : '';
    const cells = record ? following.row(first + i, f.file, remarks) : null;
    // What the row shows: the formulas' cached texts measured for its height.
    const texts = cells ? row.map((v, slot) => (slot === FILE_STATUS_SLOT ? cells.status.result : slot === FILE_REASONS_SLOT ? remarks : v) as CellInput) : row;
    if (cells) {
      row[FILE_STATUS_SLOT] = cells.status;
      row[FILE_REASONS_SLOT] = cells.reasons;
      follows = true;
    }
    // A following status is coloured by the conditional format below, which goes when the remarks do.
    const status = f.status === 'rejected' ? REJECTED_STYLE : f.status !== 'consolidated' && !cells ? NOT_CONSOLIDATED_STYLE : undefined;
    const height = fitted(first + i, Math.max(...texts.map((v, slot) => textLines(v, FILE_WIDTHS[slot]!, slot === FILE_STATUS_SLOT && status?.bold === true))));
    if (drawer) {
      for (const slot of ahead ? FILE_SLOTS_LAST : FILE_SLOTS) drawer.draw(i, slot, row[slot]!, slot === FILE_STATUS_SLOT && status ? status : STYLE.body);
      drawnHeights.push(height[0]?.height);
    } else {
      rows.push(row);
      heights.push(...height);
      if (status) styles.push({ range: `C${first + i}`, style: status });
    }
  });
  const count = result.files.length;
  if (drawer) drawer.place({ sheet: CONSOLIDATION_SHEETS.files, firstRow: first, keys: result.files.map((_, i) => i), columns: FILE_SLOTS, blank: [], heights: drawnHeights });
  const last = Math.max(first, first + count - 1);
  const s = result.summary;
  return {
    sheet: CONSOLIDATION_SHEETS.files,
    mode: 'replace',
    after: CONSOLIDATION_SHEETS.units,
    cells: [
      {
        at: 'A1',
        rows: [
          ['BÁO CÁO TỆP ĐÃ NHẬN'],
          [`${summaryText(s, 'vi')}. Xem ${sheetRef(unitsSheet, 'A1')}.`],
        ],
      },
      { at: `A${FILES_HEADER_ROW}`, rows: [FILE_HEADERS] },
      ...(rows.length ? [{ at: `A${first}`, rows }] : []),
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2', style: STYLE.hint },
      { range: `A${FILES_HEADER_ROW}:G${FILES_HEADER_ROW}`, style: STYLE.header },
      ...(rows.length ? [{ range: `A${first}:G${last}`, style: STYLE.body }] : []),
      ...styles,
    ],
    columns: FILE_WIDTHS.map((width, i) => ({ index: i + 1, width })),
    rowHeights: [...fitted(FILES_HEADER_ROW, Math.max(...FILE_HEADERS.map((h, slot) => textLines(h, FILE_WIDTHS[slot]!, true)))), ...heights],
    ...(follows ? { conditionalFormats: [{ range: `C${first}:C${last}`, formula: flaggedStatusFormula(`C${first}`, lang), style: { fill: NOT_CONSOLIDATED_STYLE.fill! } }] } : {}),
    freeze: { rows: FILES_HEADER_ROW, columns: 0 },
    ...(count ? { autoFilter: `A${FILES_HEADER_ROW}:G${last}` } : {}),
    // Printed as the file list of the dossier: one A4 landscape width, the heading on every page.
    page: dataPage('landscape', FILES_HEADER_ROW),
  };
}

function clip(s: string): string {
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}
