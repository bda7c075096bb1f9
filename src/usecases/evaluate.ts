/**
 * Evaluate: read the unit's sheets, run the engine, write figures, results, per-member
 * scores and the outcome into the cells the add-in owns, and draw the summary sheet.
 * One batch: one read, one write. Every figure written is a live formula whose cached
 * result is the engine's value, so Excel recomputes the same numbers without the add-in.
 */
import { evaluate, learnerFigures, NOT_APPLICABLE_ANSWER, UNIT_ANSWER_WORDS, type Evaluation, type RequestHold, type Status } from '../domain/evaluation';
import { parseCondition, type Condition } from '../domain/rules/condition';
import { columnKey, foldKey } from '../domain/text';
import type { CellBlock, CellInput, CellValue, FormulaFill, SheetPlan, Workbook } from '../workbook/port';
import { shiftFormula } from '../workbook/shiftFormula';
import { absolute, cellAddress, columnLetter, columnNumber, sheetRef } from '../workbook/a1';
import { SHEETS, RESULT_TEXT, SCHEMA_VERSION, statusText } from '../sheets/names';
import { COL, LAST_COL, SETTINGS } from '../sheets/criteriaSheet';
import { MEMBER_RESULT_HEADERS, SPARE_ROWS, membersTable } from '../sheets/membersSheet';
import { RESULT_FIELDS, RESULT_TITLE, unitField } from '../sheets/unitSheet';
import { dropdownSources, formulaColumns, FormulaLists, LISTS_RANGES, yesNoRanges } from '../sheets/listsSheet';
import { conditionFormula, countMetFormula, decideFormula, isPresent, longStr, ratingFormula, scoreItselfFormula, scoreTextFormula, shareFormula, shownScoreFormula, str, text, type FormulaRefs } from '../sheets/formulas';
import { RULE_DEFAULTS } from '../domain/rules/defaults';
import { STYLE } from '../sheets/styles';
import { drawSummarySheet } from '../sheets/summarySheet';
import { learnerRatiosPlan } from '../sheets/learnersSheet';
import { ownPlan, ownSheetMarks, parseUnitWorkbookOrRenamed, ROLE } from './ownSheets';
import { locateProblem, type LocatedProblem } from '../sheets/locate';
import { heldText, outcomeText, type OutcomeText } from '../i18n/outcome';
import { catalogs, type Lang } from '../i18n';
import { measuredDecimals } from '../i18n/format';
import { evaluationInput, unitFieldChoices, UNIT_WORKBOOK_SHEETS, type UnitWorkbook } from '../sheets/unitWorkbook';
import { fingerprint } from './fingerprint';
import { requestHold, unitChecks, unitRequest, withoutTypeRepeats } from './unitChecks';
import { ruleSetProblems } from './ruleSetDeparture';
import { absentMembersCounted, duplicateMembers, emptyAnswerColumns, headingNames, hiddenMembers, membersWithoutData } from './memberChecks';
import { readText } from '../domain/values';
import { TITLE_COLUMN_KEYS } from '../domain/memberFields';
import { UNIT_FIELD_LABELS } from '../domain/unitTypes';
import { readShareCell } from '../domain/rules/share';
import { uncalculatedOnce, type Problem } from '../domain/problems';

import { APP_VERSION } from '../version'; export { APP_VERSION };

/** The sheet `summary: true` draws (the pane shows it after). */
export const SUMMARY_SHEET = SHEETS.summary;

export interface EvaluateOptions {
  lang?: Lang;
  /** Stamp written as "Thời điểm đánh giá"; tests fix it so two runs compare equal. */
  now?: Date;
  /** Draw the "Tổng hợp" sheet (default true). */
  summary?: boolean;
  /** Only compute; write nothing (consolidation, previews). */
  dryRun?: boolean;
}

export interface EvaluationReport {
  unit: string;
  unitType: string;
  year: string;
  ruleSet: { id: string; name: string; mode: 'pass-fail' | 'score' };
  /** `conditional`: unclear cells read another way would change the status (a warning names them). */
  indicators: { code: string; criterion: string; text: string; required: number | null; value: number | null; numerator: number | null; denominator: number | null; status: Status; points: number | null; conditional?: true }[];
  criteria: { code: string; title: string; status: Status; points: number | null }[];
  outcome: OutcomeText;
  countedMembers: number;
  members: { row: number; name: string; counted: boolean; met: number; applicable: number; score: number | null; reachesTarget: boolean | null }[];
  warnings: { sheet: string | null; cell: string | null; message: string; code: string }[];
  fingerprint: string;
}

/** `found`: the problems as codes, so that a pane can word them again in another language (rewordResult). */
export type EvaluateResult =
  | { ok: true; report: EvaluationReport; evaluation: Evaluation; problems: LocatedProblem[]; found: Problem[] }
  | { ok: false; problems: LocatedProblem[]; found: Problem[] };

/** The same result in words of another language: nothing is read or computed again. */
export function rewordResult(result: EvaluateResult, lang: Lang): EvaluateResult {
  const problems = result.found.map((p) => locateProblem(p, lang));
  if (!result.ok) return { ...result, problems };
  const warnings = problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message, code: p.code }));
  return { ...result, problems, report: { ...result.report, outcome: outcomeText(result.evaluation, lang), warnings } };
}

export async function evaluateWorkbook(workbook: Workbook, options: EvaluateOptions = {}): Promise<EvaluateResult> {
  const lang = options.lang ?? 'vi';
  return workbook.batch(async (session) => {
    // The summary is redrawn only where the add-in's mark says: its candidates' marks are read too.
    // The members' hidden rows too (layout), to say which counted members the clerk cannot see.
    const snapshot = await session.read(UNIT_WORKBOOK_SHEETS, { marks: ownSheetMarks(SHEETS.summary), layout: [SHEETS.members] });
    const parsed = parseUnitWorkbookOrRenamed(snapshot);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => locateProblem(p, lang)), found: parsed.problems };
    const wb = parsed.workbook;
    const now = options.now ?? new Date();
    // The recognition is worded as held when the unit may not ask for it this year (what unitChecks warns of).
    const input = { ...evaluationInput(wb), hold: requestHold(wb.criteria.ruleSet, unitRequest(wb, now), now) };
    const evaluation = evaluate(input);
    const found = withoutTypeRepeats(uncalculatedOnce([...parsed.problems, ...evaluation.problems, ...duplicateMembers(input.members, input.spellings, wb.date1904), ...headingNames(input.members), ...emptyAnswerColumns(wb.members, input.ruleSet, input.spellings, evaluation.indicators), ...membersWithoutData(input.members, input.ruleSet, input.spellings), ...hiddenMembers(evaluation.members, wb.sheets.members?.hiddenRows, input.members), ...absentMembersCounted(input.members, input.spellings), ...unitChecks(wb, now), ...ruleSetProblems(wb, input, evaluation)]));
    const problems = found.map((p) => locateProblem(p, lang));
    const fp = fingerprint(wb);
    const report = buildReport(wb, evaluation, problems, fp, lang);
    if (!options.dryRun) {
      for (const plan of planWrites(wb, evaluation, { fingerprint: fp, now, summary: options.summary ?? true })) {
        session.write(plan);
      }
      const ratios = wb.learners && wb.sheets.learners ? learnerRatiosPlan(wb.sheets.learners, wb.learners) : null;
      if (ratios) session.write(ratios);
    }
    return { ok: true, report, evaluation, problems, found };
  });
}

function buildReport(wb: UnitWorkbook, ev: Evaluation, problems: LocatedProblem[], fp: string, lang: Lang): EvaluationReport {
  const rs = wb.criteria.ruleSet;
  return {
    unit: readText(wb.unit.info.name),
    unitType: readText(wb.unit.info.type),
    year: readText(wb.unit.info.year),
    ruleSet: { id: rs.id, name: rs.name, mode: rs.mode },
    indicators: ev.indicators.map((i) => ({
      code: i.code,
      criterion: i.criterion,
      text: i.text,
      required: i.required,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      status: i.status,
      points: i.points,
      ...(i.conditional ? { conditional: i.conditional } : {}),
    })),
    criteria: ev.criteria.map((c) => ({ code: c.code, title: c.title, status: c.status, points: c.points })),
    outcome: outcomeText(ev, lang),
    countedMembers: ev.countedMembers,
    members: ev.members,
    warnings: problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message, code: p.code })),
    fingerprint: fp,
  };
}

interface PlanContext {
  fingerprint: string;
  now: Date;
  summary: boolean;
}


/** Every write of an evaluation, in order. Pure: tests compare plans directly. */
export function planWrites(wb: UnitWorkbook, ev: Evaluation, ctx: PlanContext): SheetPlan[] {
  const plans: SheetPlan[] = [];
  const lists = new FormulaLists();
  const refs = memberRefs(wb, lists);
  const criteria = criteriaWrites(wb, ev, refs);
  plans.push(criteria.plan);
  plans.push(memberWrites(wb, ev, refs));
  plans.unshift({
    sheet: SHEETS.lists,
    mode: 'ensure',
    cells: [...formulaColumns(wb.spellings, wb.sheets.lists?.rows.length ?? 0), ...lists.cells(), { at: 'F1', rows: [[targetFormula(wb)]] }],
    columns: [6, 7].map((index) => ({ index, hidden: true })).concat(FormulaLists.hiddenColumns()),
  });
  // The sheets are Vietnamese whatever the pane's language: their formulas word the outcome so.
  const sheetOutcome = outcomeText(ev, 'vi').text;
  const unit = unitWrites(wb, ev, ctx, criteria, sheetOutcome);
  plans.push(unit.plan);
  if (ctx.summary) plans.push(ownPlan(drawSummarySheet(wb, ev, { outcomeText: sheetOutcome, criteriaRows: criteria.rowOf, outcomeCell: unit.outcomeCell }), ROLE.summary));
  return plans;
}

/**
 * Stands for a member's row number in a formula built once for every row (split on it, then
 * joined with the row). A control character: no sheet name, list or condition can hold it.
 */
const ROW_MARK = '\u0001';
export type MemberRow = number | typeof ROW_MARK;

/**
 * A member column's formula for any row: built once with the mark, then joined per row (the
 * formulas of thousands of rows differ only by the row number). Should the rule set itself
 * hold the mark, the template would not give the first row's formula: built per row then.
 */
export function perRow(build: (row: MemberRow) => string, first: number): (row: number) => string {
  const pieces = build(ROW_MARK).split(ROW_MARK);
  if (pieces.join(String(first)) !== build(first)) return build;
  return (row) => pieces.join(String(row));
}

/**
 * A member column from `first` to `last`: one formula fill when moving the first row's formula
 * down gives every other row's (as Excel's fill does, checked on the second and the last row:
 * the rows differ only by the row number, so those two decide), else one formula per row.
 */
export function memberColumn(build: (row: MemberRow) => string, at: { first: number; last: number; col: number }, results: CellValue[]): { fill: FormulaFill } | { block: CellBlock } {
  const { first, last, col } = at;
  const formula = perRow(build, first);
  const top = formula(first);
  const fills = last === first || (shiftFormula(top, 1, 0) === formula(first + 1) && shiftFormula(top, last - first, 0) === formula(last));
  if (fills) return { fill: { range: `${columnLetter(col)}${first}:${columnLetter(col)}${last}`, formula: top, results } };
  const rows: CellInput[][] = results.map((result, i) => [{ formula: formula(first + i), result }]);
  return { block: { at: cellAddress(first, col), rows } };
}

interface MemberRefs {
  first: number;
  last: number;
  lists: FormulaLists;
  /** Column letter of a member column by header (columnKey, as the engine finds it), for conditions. */
  letterOf(header: string): string | null;
  present(rangeOrCell: 'range' | MemberRow): string;
  counted(rangeOrCell: 'range' | MemberRow): string;
  /** The hidden yes/no copies the formulas match against, as long as the spellings in force. */
  yesNo: { yes: string; no: string };
}

function memberRefs(wb: UnitWorkbook, lists: FormulaLists = new FormulaLists()): MemberRefs {
  const m = wb.members;
  const first = m.headerRow + 1;
  // Spare rows for members typed later, never down into the total and signatures under the list.
  const last = Math.min(Math.max(m.lastDataRow, first) + SPARE_ROWS, m.footerRow !== null ? Math.max(m.footerRow - 1, first) : Infinity);
  // The first column of a key, as the engine binds it (a later namesake would measure another column).
  const byKey = new Map<string, string>();
  for (const c of m.table.columns) if (!byKey.has(columnKey(c.header))) byKey.set(columnKey(c.header), columnLetter(c.col));
  const nameL = columnLetter(m.table.columns[m.table.nameIndex]!.col);
  const countedL = m.table.countedIndex === null ? null : columnLetter(m.table.columns[m.table.countedIndex]!.col);
  const at = (L: string, where: 'range' | MemberRow) => (where === 'range' ? sheetRef(SHEETS.members, `$${L}$${first}:$${L}$${last}`) : `$${L}${where}`);
  const yesNo = yesNoRanges(wb.spellings);
  return {
    first,
    last,
    lists,
    yesNo,
    letterOf: (h) => byKey.get(columnKey(h)) ?? null,
    present: (w) => isPresent(at(nameL, w)),
    counted: (w) => (countedL ? `(1-ISNUMBER(MATCH(${text(at(countedL, w))},${yesNo.no},0)))` : '1'),
  };
}

function memberConditionRefs(refs: MemberRefs, where: 'range' | MemberRow): FormulaRefs {
  return {
    ref: (column) => {
      const L = refs.letterOf(column)!;
      return where === 'range' ? sheetRef(SHEETS.members, `$${L}$${refs.first}:$${L}$${refs.last}`) : `$${L}${where}`;
    },
    yesList: refs.yesNo.yes,
    noList: refs.yesNo.no,
    listRange: (items) => refs.lists.rangeFor(items),
  };
}

function unitFieldRefs(wb: UnitWorkbook): FormulaRefs {
  const rowOf = new Map(wb.unit.fields.map((f) => [foldKey(f.label), f.at.row]));
  const yesNo = yesNoRanges(wb.spellings);
  return {
    ref: (field) => sheetRef(SHEETS.unit, absolute(rowOf.get(foldKey(field))!, 2)),
    yesList: yesNo.yes,
    noList: yesNo.no,
  };
}

function tryParse(src: string): Condition | null {
  try {
    return parseCondition(src);
  } catch {
    return null;
  }
}

interface CriteriaWrites {
  plan: SheetPlan;
  /** Sheet row of each indicator/criterion code in "Tiêu chí". */
  rowOf: Map<string, number>;
  outcomeRef: string;
}

/** The learners' ranges: 50 spare rows for classes typed later, never down into the total and signatures under them. */
function learnersEnd(l: NonNullable<UnitWorkbook['learners']>): number {
  const first = l.headerRow + 1;
  const spare = Math.max(l.lastDataRow, first) + 50;
  return l.footerRow !== null ? Math.max(first, Math.min(spare, l.footerRow - 1)) : spare;
}

/** A learners' column summed over its ranges around the grades' subtotals, the rows the engine leaves out too. */
function learnerSum(l: NonNullable<UnitWorkbook['learners']>, col: number): string {
  const L = columnLetter(col);
  const sums: string[] = [];
  let from = l.headerRow + 1;
  for (const next of [...l.subtotalRows, learnersEnd(l) + 1]) {
    if (next > from) sums.push(`SUMPRODUCT(IFERROR(--TRIM(${sheetRef(SHEETS.learners, `$${L}$${from}:$${L}$${next - 1}`)}&""),0))`);
    from = next + 1;
  }
  return sums.join('+');
}

function criteriaWrites(wb: UnitWorkbook, ev: Evaluation, refs: MemberRefs): CriteriaWrites {
  const c = wb.criteria;
  const rs = c.ruleSet;
  const first = c.headerRow + 1;
  // K–P are cleared down to the sheet's end (an earlier, longer table's results), greyed on the table's rows only (not beside a note under it).
  const lastRow = Math.max(wb.sheets.criteria!.rows.length, first);
  const tableLast = Math.max(c.rows.at(-1)?.row ?? first, first);
  const K = (r: number) => cellAddress(r, COL.applicable);
  const cellAt = (r: number, col: number) => cellAddress(r, col);
  const out = new Map<number, CellInput[]>();
  const rowOf = new Map<string, number>();
  const unitRefs = unitFieldRefs(wb);
  // The values a unit field may hold (the type's list): another leaves K undecided, as in the engine.
  const choices = Object.entries(unitFieldChoices(wb.sheets.lists));
  const listedChoices = (column: string) => choices.find(([label]) => foldKey(label) === foldKey(column))?.[1];
  const denominator = `SUMPRODUCT(${refs.present('range')}*${refs.counted('range')})`;
  // A requirement the engine refuses is #N/A here, and its result "Chưa đánh giá được", never a pass.
  const thr = (r: number) => shareFormula(cellAt(r, COL.threshold), 'NA()');
  // A share that fails just under its requirement keeps the decimals that show it below (94,95%, not 95,0%).
  const valueFormats: { range: string; style: { numberFormat: string } }[] = [];

  for (const row of c.rows) {
    if (!row.indicator) continue;
    const r = row.row;
    rowOf.set(row.code, r);
    const ind = row.indicator;
    const res = ev.indicators.find((i) => i.code === ind.code)!;
    const applies = res.status !== 'not_applicable';
    const decimals = res.value === null ? 1 : measuredDecimals(res.value, res.required, res.status !== 'not_met');
    if (decimals > 1) valueFormats.push({ range: cellAt(r, COL.value), style: { numberFormat: `0.${'0'.repeat(decimals)}%` } });
    // K: applicability, from the unit's own fields.
    const appliesCond = ind.appliesTo ? tryParse(ind.appliesTo) : null;
    const fieldsKnown = appliesCond !== null && ind.appliesTo !== '' && allFieldsKnown(appliesCond, wb);
    // Decided as the engine decides it, from the unit's cells: a type typed by hand after this evaluation
    // (a blank one chosen, one typed off the list) changes K as the next evaluation would; undecided, blank.
    const kText = res.undecided ? '' : applies ? RESULT_TEXT.applies : RESULT_TEXT.doesNotApply;
    const k: CellInput =
      ind.appliesTo === ''
        ? RESULT_TEXT.applies
        : fieldsKnown
          ? { formula: `=CHOOSE(${decideFormula(appliesCond!, unitRefs, listedChoices)}*2+1,${str(RESULT_TEXT.doesNotApply)},"",${str(RESULT_TEXT.applies)})`, result: kText }
          : null;
    let numerator: CellInput = null;
    let denom: CellInput = null;
    let value: CellInput = null;
    let result: CellInput = statusText(res.status);
    // K blank: whether the indicator applies is undecided (a blank or unclear unit field), so it is not evaluable.
    const naGuard = (inner: string) =>
      ind.appliesTo === '' ? inner : `IF(${K(r)}=${str(RESULT_TEXT.doesNotApply)},${str(RESULT_TEXT.not_applicable)},IF(${K(r)}="",${str(RESULT_TEXT.not_evaluable)},${inner}))`;
    const shareResult = () =>
      naGuard(
        `IF(OR(N(${cellAt(r, COL.denominator)})=0,ISNA(${thr(r)})),${str(RESULT_TEXT.not_evaluable)},IF(${cellAt(r, COL.numerator)}*1E9>=ROUND(${thr(r)}*1E9,0)*${cellAt(r, COL.denominator)},${str(RESULT_TEXT.met)},${str(RESULT_TEXT.not_met)}))`,
      );
    const shareValue = () => `IF(OR(${K(r)}<>${str(RESULT_TEXT.applies)},N(${cellAt(r, COL.denominator)})=0),"",${cellAt(r, COL.numerator)}/${cellAt(r, COL.denominator)})`;
    // The counts of an indicator that does not apply, or may not, stay empty, as the engine leaves them (not 0, not the sums).
    const count = (sum: string, result: number | null): CellInput =>
      ind.appliesTo === '' ? { formula: `=${sum}`, result: result ?? 0 } : { formula: `=IF(${K(r)}<>${str(RESULT_TEXT.applies)},"",${sum})`, result: applies && !res.undecided ? (result ?? 0) : '' };
    const formulaOk = k !== null;
    if (ind.measure.kind === 'members') {
      const cond = tryParse(ind.measure.condition);
      if (formulaOk && cond && conditionColumnsKnown(cond, refs)) {
        numerator = count(`SUMPRODUCT(${refs.present('range')}*${refs.counted('range')}*(${conditionFormula(cond, memberConditionRefs(refs, 'range'))}))`, res.numerator);
        denom = count(denominator, ev.countedMembers);
        value = { formula: `=${shareValue()}`, result: res.value ?? '' };
        result = { formula: `=${shareResult()}`, result: statusText(res.status) };
      }
    } else if (ind.measure.kind === 'learners') {
      // Invalid learner rows make the engine refuse the figure; a sum would hide that. Undecided (no type
      // yet), the sums are still written: a type chosen by hand then measures it, as K follows the type.
      const figures = wb.learners ? learnerFigures(wb.learners.rows) : 'none';
      if (formulaOk && wb.learners && figures === 'ok') {
        numerator = count(learnerSum(wb.learners, wb.learners.cdhtCol), res.numerator);
        denom = count(learnerSum(wb.learners, wb.learners.headcountCol), res.denominator);
        value = { formula: `=${shareValue()}`, result: res.value ?? '' };
        result = { formula: `=${shareResult()}`, result: statusText(res.status) };
      } else if (formulaOk && figures === 'none') {
        // No learners sheet, or no figures on it: not evaluable wherever it applies (the engine's), its K followed as typed.
        result = { formula: `=${naGuard(str(RESULT_TEXT.not_evaluable))}`, result: statusText(res.status) };
      }
    } else if (formulaOk) {
      const a = text(cellAt(r, COL.answer));
      result = {
        // Past naGuard the indicator applies: a “Không áp dụng” answer is not evaluable, as the engine says.
        formula: `=${naGuard(`IF(${a}=${str(NOT_APPLICABLE_ANSWER)},${str(RESULT_TEXT.not_evaluable)},IF(OR(ISNUMBER(MATCH(${a},${refs.yesNo.yes},0)),${a}=${str(UNIT_ANSWER_WORDS.yes)}),${str(RESULT_TEXT.met)},IF(OR(ISNUMBER(MATCH(${a},${refs.yesNo.no},0)),${a}=${str(UNIT_ANSWER_WORDS.no)}),${str(RESULT_TEXT.not_met)},${str(RESULT_TEXT.not_evaluable)})))`)}`,
        result: statusText(res.status),
      };
    }
    let earned: CellInput = null;
    if (rs.mode === 'score') {
      const O = cellAt(r, COL.result);
      const F = cellAt(r, COL.points);
      const partial = rs.partialScoring === 'proportional' && ind.measure.kind !== 'unit' ? `${F}*MIN(1,N(${cellAt(r, COL.value)})/${thr(r)})` : '0';
      earned = typeof result === 'object' && result !== null
        ? { formula: `=IF(${O}=${str(RESULT_TEXT.met)},N(${F}),IF(${O}=${str(RESULT_TEXT.not_met)},${partial},""))`, result: res.points ?? '' }
        : res.points;
    }
    out.set(r, [k, numerator, denom, value, result, earned]);
  }

  // Criterion rows: combine their indicators' result cells.
  for (const row of c.rows) {
    if (row.indicator) continue;
    const r = row.row;
    rowOf.set(row.code, r);
    const res = ev.criteria.find((x) => x.code === row.code);
    const cells = c.rows.filter((x) => x.indicator && x.code.split('.')[0] === row.code).map((x) => cellAddress(x.row, COL.result));
    const any = (word: string) => (cells.length ? `OR(${cells.map((a) => `${a}=${str(word)}`).join(',')})` : 'FALSE');
    const formula = `=IF(${any(RESULT_TEXT.not_met)},${str(RESULT_TEXT.not_met)},IF(${any(RESULT_TEXT.not_evaluable)},${str(RESULT_TEXT.not_evaluable)},IF(${any(RESULT_TEXT.met)},${str(RESULT_TEXT.met)},${str(RESULT_TEXT.not_applicable)})))`;
    const earnedCells = c.rows.filter((x) => x.indicator && x.code.split('.')[0] === row.code).map((x) => cellAddress(x.row, COL.earned));
    const earned: CellInput =
      rs.mode === 'score' && earnedCells.length
        ? // No points while any indicator's are unknown, even when another fails the criterion (the engine's).
          { formula: `=IF(${any(RESULT_TEXT.not_evaluable)},"",SUM(${earnedCells.join(',')}))`, result: res?.points ?? '' }
        : null;
    out.set(r, [null, null, null, null, res ? { formula, result: statusText(res.status) } : null, earned]);
  }

  const blocks = [...out.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => ({ at: cellAddress(r, COL.applicable), rows: [cells] }));
  const criterionResultCells = c.rows.filter((x) => !x.indicator).map((x) => sheetRef(SHEETS.criteria, absolute(x.row, COL.result)));
  return {
    plan: {
      sheet: SHEETS.criteria,
      mode: 'existing',
      clear: [`${columnLetter(COL.applicable)}${first}:${columnLetter(LAST_COL)}${lastRow}`],
      cells: blocks,
      styles: [
        { range: `${columnLetter(COL.applicable)}${first}:${columnLetter(LAST_COL)}${tableLast}`, style: STYLE.owned },
        { range: `${columnLetter(COL.value)}${first}:${columnLetter(COL.value)}${tableLast}`, style: STYLE.percent },
        ...valueFormats,
      ],
    },
    rowOf,
    outcomeRef: criterionResultCells.join(','),
  };
}

function allFieldsKnown(cond: Condition, wb: UnitWorkbook): boolean {
  const keys = new Set(wb.unit.fields.map((f) => foldKey(f.label)));
  const walk = (c: Condition): boolean => (c.kind === 'and' || c.kind === 'or' ? c.items.every(walk) : keys.has(foldKey(c.column)));
  return walk(cond);
}

function conditionColumnsKnown(cond: Condition, refs: MemberRefs): boolean {
  const walk = (c: Condition): boolean => (c.kind === 'and' || c.kind === 'or' ? c.items.every(walk) : refs.letterOf(c.column) !== null);
  return walk(cond);
}

function memberWrites(wb: UnitWorkbook, ev: Evaluation, refs: MemberRefs): SheetPlan {
  const m = wb.members;
  const rs = wb.criteria.ruleSet;
  const headers = Object.values(MEMBER_RESULT_HEADERS);
  // The four result columns stay together: where they are, or after the last header.
  const start = m.resultColumns.met ?? m.lastHeaderCol + 1;
  const L = (i: number) => columnLetter(start + i);
  const applicable = ev.indicators.filter((i) => i.measure === 'members' && i.status !== 'not_applicable' && i.status !== 'not_evaluable');
  const conditions = applicable
    .map((i) => rs.indicators.find((x) => x.code === i.code)!)
    .map((ind) => (ind.measure.kind === 'members' ? tryParse(ind.measure.condition) : null))
    .filter((c): c is Condition => c !== null && conditionColumnsKnown(c, refs));
  const byRow = new Map(ev.members.map((x) => [x.row, x]));
  const targetRef = LISTS_RANGES.personalTarget;
  const columnOf = (header: string) => columnNumber(refs.letterOf(header)!);
  // Down to what stands under the list (its total, the signatures: the unit's), or the sheet's end.
  const extent = m.footerRow !== null ? m.footerRow - 1 : Math.max(m.lastDataRow, wb.sheets.members!.rows.length);
  // Each result column is one formula filled down the members' rows, with the engine's results.
  const builds: ((r: MemberRow) => string)[] = [
    (r) => `=IF(${refs.present(r)},${countMetFormula(conditions, memberConditionRefs(refs, r), columnOf, r)},"")`,
    (r) => `=IF(${L(0)}${r}="","",${conditions.length})`,
    (r) => `=IF(N(${L(1)}${r})=0,"",${L(0)}${r}/${L(1)}${r})`,
    (r) => `=IF(${L(2)}${r}="","",IF(ROUND(${L(2)}${r}*1E9,0)>=ROUND(${targetRef}*1E9,0),${str(RESULT_TEXT.memberReaches)},${str(RESULT_TEXT.memberMisses)}))`,
  ];
  const results: CellValue[][] = [[], [], [], []];
  for (let r = refs.first; r <= m.lastDataRow; r++) {
    const res = byRow.get(r);
    results[0]!.push(res ? res.met : '');
    results[1]!.push(res ? res.applicable : '');
    results[2]!.push(res?.score ?? '');
    results[3]!.push(res?.reachesTarget === null || !res ? '' : res.reachesTarget ? RESULT_TEXT.memberReaches : RESULT_TEXT.memberMisses);
  }
  const hasRows = m.lastDataRow >= refs.first;
  const columns = hasRows ? builds.map((build, i) => memberColumn(build, { first: refs.first, last: m.lastDataRow, col: start + i }, results[i]!)) : [];
  const fills = columns.flatMap((c) => ('fill' in c ? [c.fill] : []));
  const blocks = columns.flatMap((c) => ('block' in c ? [c.block] : []));
  const endCol = columnLetter(start + headers.length - 1);
  // The members table grows or shrinks with the list (and takes in the result columns).
  const headerCells = [...(wb.sheets.members!.rows[m.headerRow - 1] ?? [])];
  headers.forEach((h, i) => (headerCells[start + i - 1] = h));
  const { table, fixes } = membersTable(headerCells, m.headerRow, Math.max(m.lastHeaderCol, start + headers.length - 1), m.lastDataRow, wb.sheets.members!.merges);
  // The titles' dropdown, when the unit's list has grown past the rows drawn: as far as the engine reads it.
  const titles = dropdownSources(wb.sheets.lists).titles;
  const validations = titles === LISTS_RANGES.titles ? [] : m.table.columns.filter((c) => TITLE_COLUMN_KEYS.has(columnKey(c.header))).map((c) => ({ range: `${columnLetter(c.col)}${refs.first}:${columnLetter(c.col)}${refs.last}`, list: { source: titles } }));
  return {
    sheet: SHEETS.members,
    mode: 'existing',
    clear: extent >= refs.first ? [`${L(0)}${refs.first}:${endCol}${extent}`] : [],
    cells: [{ at: `${L(0)}${m.headerRow}`, rows: [headers] }, ...fixes, ...blocks],
    ...(fills.length ? { fills } : {}),
    autoFilter: '',
    tables: [table],
    ...(validations.length ? { validations } : {}),
    styles: [
      { range: `${L(0)}${m.headerRow}:${endCol}${m.headerRow}`, style: STYLE.ownedHeader },
      ...(hasRows
        ? [
            { range: `${L(0)}${refs.first}:${endCol}${m.lastDataRow}`, style: STYLE.owned },
            { range: `${L(2)}${refs.first}:${L(2)}${m.lastDataRow}`, style: STYLE.percent },
          ]
        : []),
    ],
  };
}

function settingRow(wb: UnitWorkbook, label: string): number {
  return wb.sheets.criteria!.rows.findIndex((row) => foldKey(readText(row[1])) === foldKey(label));
}

/** The value cell of a setting in "Tiêu chí" (column C, found by its label in B). */
function settingRef(wb: UnitWorkbook, label: string): string | null {
  const idx = settingRow(wb, label);
  return idx >= 0 ? sheetRef(SHEETS.criteria, absolute(idx + 1, 3)) : null;
}

/** Personal target as a fraction, read like readShareCell does (90 and 90% both mean 0.9). */
function targetFormula(wb: UnitWorkbook): CellInput {
  const c = settingRef(wb, SETTINGS.personalTarget);
  const target = wb.criteria.ruleSet.personalTarget;
  // Without a readable setting the engine uses the rule set's default: so does the sheet.
  const typed = c ? wb.sheets.criteria!.rows[settingRow(wb, SETTINGS.personalTarget)]![2] ?? null : null;
  return c && readShareCell(typed).ok ? { formula: `=${shareFormula(c, String(RULE_DEFAULTS.personalTarget))}`, result: target } : target;
}

function unitWrites(wb: UnitWorkbook, ev: Evaluation, ctx: PlanContext, criteria: CriteriaWrites, sheetOutcome: string): { plan: SheetPlan; outcomeCell: string } {
  const rs = wb.criteria.ruleSet;
  const u = wb.unit;
  const keys = Object.keys(RESULT_FIELDS) as (keyof typeof RESULT_FIELDS)[];
  // Result rows where the user's sheet has them, else a fresh block below everything.
  const missing = keys.some((k) => u.resultRows[k] === undefined);
  const base = u.lastRow + 2;
  const rowOf = (k: keyof typeof RESULT_FIELDS) => (missing ? base + 1 + keys.indexOf(k) : u.resultRows[k]!);
  const critCells = criteria.outcomeRef ? criteria.outcomeRef.split(',') : [];
  const any = (word: string) => (critCells.length ? `OR(${critCells.map((a) => `${a}=${str(word)}`).join(',')})` : 'FALSE');
  const recognitionRef = settingRef(wb, SETTINGS.recognition) ?? str(rs.recognition);
  const o = ev.outcome;
  const crit = sheetRef(SHEETS.criteria, '');
  const firstRow = wb.criteria.headerRow + 1;
  const lastRow = Math.max(wb.sheets.criteria!.rows.length, firstRow);
  const colRange = (col: number) => `${crit}$${columnLetter(col)}$${firstRow}:$${columnLetter(col)}$${lastRow}`;
  // Points of the indicators that apply: 0 means no score at all (the engine's `unscored`), never a division by it.
  const maxPoints = `SUMIFS(${colRange(COL.points)},${colRange(COL.applicable)},${str(RESULT_TEXT.applies)},${colRange(COL.result)},${str(`<>${RESULT_TEXT.not_applicable}`)})`;
  const scoreItself = scoreItselfFormula(`SUMIF(${colRange(COL.applicable)},${str(RESULT_TEXT.applies)},${colRange(COL.earned)})*100/${maxPoints}`);
  const scoreCell = cellAddress(rowOf('score'), 2);
  const values: Record<keyof typeof RESULT_FIELDS, CellInput> = {
    outcome:
      o.kind === 'pass-fail'
        ? {
            formula: `=IF(${any(RESULT_TEXT.not_met)},${str(RESULT_TEXT.notRecognised)},IF(${any(RESULT_TEXT.not_evaluable)},${str(RESULT_TEXT.notEvaluable)},IF(${any(RESULT_TEXT.met)},${recognisedFormula(o.hold, recognitionRef)},${str(RESULT_TEXT.notEvaluable)})))`,
            result: o.status === 'recognised' ? (o.hold ? sheetOutcome : RESULT_TEXT.recognisedPrefix + o.recognition) : o.status === 'not_recognised' ? RESULT_TEXT.notRecognised : RESULT_TEXT.notEvaluable,
          }
        : {
            formula: `=IF(${scoreCell}="",${str(RESULT_TEXT.notEvaluable)},IF(ISNUMBER(${scoreCell}),${templateFormula(catalogs.vi['outcome.score'], { score: scoreTextFormula(scoreCell), rating: cellAddress(rowOf('rating'), 2) })},${str(catalogs.vi['outcome.unscored'])}))`,
            result: sheetOutcome,
          },
    score:
      o.kind === 'score'
        ? {
            formula: `=IF(COUNTIF(${colRange(COL.result)},${str(RESULT_TEXT.not_evaluable)})>0,"",IF(${maxPoints}=0,${str(RESULT_TEXT.unscored)},${shownScoreFormula(scoreItself)}))`,
            result: o.unscored ? RESULT_TEXT.unscored : (o.score ?? ''),
          }
        : null,
    // TT22 rates the score itself, not the shown (rounded) one.
    rating: o.kind === 'score' ? { formula: `=IF(ISNUMBER(${scoreCell}),${ratingFormula(scoreItself, rs.bands, rs.failBand)},"")`, result: o.rating ?? '' } : null,
    counted: { formula: `=SUMPRODUCT(${memberRefs(wb).present('range')}*${memberRefs(wb).counted('range')})`, result: ev.countedMembers },
    evaluatedAt: ctx.now,
    fingerprint: ctx.fingerprint,
    version: `${APP_VERSION} (mẫu ${SCHEMA_VERSION})`,
  };
  const cells = keys.map((k) => ({ at: cellAddress(rowOf(k), missing ? 1 : 2), rows: [missing ? [RESULT_FIELDS[k], values[k]] : [values[k]]] }));
  if (missing) cells.unshift({ at: cellAddress(base, 1), rows: [[RESULT_TITLE]] });
  // The type's dropdown, when the unit's list has grown past the rows drawn: as far as the engine reads it.
  const types = dropdownSources(wb.sheets.lists).unitTypes;
  const typeAt = types === LISTS_RANGES.unitTypes ? undefined : unitField(u, UNIT_FIELD_LABELS.type)?.at;
  const plan: SheetPlan = {
    sheet: SHEETS.unit,
    mode: 'existing',
    cells,
    styles: [
      ...keys.map((k) => ({ range: cellAddress(rowOf(k), 2), style: STYLE.owned })),
      { range: cellAddress(rowOf('evaluatedAt'), 2), style: { numberFormat: 'dd/mm/yyyy hh:mm', horizontal: 'left' as const } },
      ...(missing ? [{ range: cellAddress(base, 1), style: STYLE.section }] : []),
    ],
    ...(typeAt ? { validations: [{ range: cellAddress(typeAt.row, typeAt.col), list: { source: types } }] } : {}),
  };
  return { plan, outcomeCell: sheetRef(SHEETS.unit, absolute(rowOf('outcome'), 2)) };
}

/**
 * The outcome's words when the indicators are met: the recognition, or (hold) why the unit may not
 * ask for it this year. The hold is read from the unit's request when evaluating, as its warnings are;
 * the data's verdict stays live. A request typed anew changes the fingerprint: evaluate again.
 */
function recognisedFormula(hold: RequestHold | undefined, recognitionRef: string): string {
  if (!hold) return `${str(RESULT_TEXT.recognisedPrefix)}&${recognitionRef}`;
  const parts: string[] = [];
  heldText(hold, RECOGNITION_MARK, 'vi')
    .split(RECOGNITION_MARK)
    .forEach((piece, i) => {
      if (i > 0) parts.push(recognitionRef);
      if (piece !== '') parts.push(longStr(piece));
    });
  return parts.join('&');
}

/** Stands for the recognition's cell in a held outcome's words (a control character: no text holds it). */
const RECOGNITION_MARK = '\u0002';

/** A catalogue sentence as a formula: each {name} becomes its cell, the rest literal text ("{score} điểm" → B21&" điểm"). */
function templateFormula(template: string, cells: Record<string, string>): string {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => cells[piece.slice(1, -1)] ?? str(piece))
    .join('&');
}
