/**
 * The evaluation engine: pure arithmetic over parsed tables. No Office, no files, no words
 * (problems are codes; the catalogue phrases them).
 */
import { criterionOf, type Indicator, type RuleSet } from './rules/ruleSet';
import { RULE_DEFAULTS } from './rules/defaults';
import { columnsOf, parseCondition, ConditionSyntaxError, type Condition } from './rules/condition';
import { compileCondition, evaluateCondition, type ReadIssue, type RowTest } from './rules/conditionEval';
import { mapped } from './arrays';
import { columnKey, excelTrim, foldKey, lowerVi, spellingKey } from './text';
import { cellAsText, hasText, isCellError, isUncalculated, memoCell, readNumber, readYesNo, readText, yesNoReader, type CellValue, type Spellings, type YesNo } from './values';
import { problem, valueProblem, type Location, type Problem, type SheetRole } from './problems';
import { UNIT_FIELD_LABELS } from './unitTypes';
import { BELOW_LDTT, EMULATION_TITLES, isQualityRating, TITLE_COLUMN_KEYS } from './memberFields';

export type Status = 'met' | 'not_met' | 'not_applicable' | 'not_evaluable';

/** The unit's answer to a fact that does not concern it; the answer column's dropdown offers it. */
export const NOT_APPLICABLE_ANSWER = 'Không áp dụng';

/** As the sheet's formula reads it: TRIM, any case. */
export function isNotApplicableAnswer(v: CellValue): boolean {
  return typeof v === 'string' && lowerVi(excelTrim(v)) === lowerVi(NOT_APPLICABLE_ANSWER);
}

/**
 * A unit fact's answer in the words earlier releases printed as its result ("Đã thực hiện"), which
 * a clerk may copy back: read as Đạt / Không đạt. The sheet's formula reads them too (evaluate.ts).
 */
export const UNIT_ANSWER_WORDS = { yes: 'Đã thực hiện', no: 'Chưa thực hiện' } as const;

/** The unit's answer to a unit fact: the rule set's spellings, or UNIT_ANSWER_WORDS (TRIM, any case). */
export function readUnitAnswer(v: CellValue, spellings: Spellings): YesNo {
  const read = readYesNo(v, spellings);
  if (read !== 'ambiguous') return read;
  const t = lowerVi(cellAsText(v));
  return t === lowerVi(UNIT_ANSWER_WORDS.yes) ? 'yes' : t === lowerVi(UNIT_ANSWER_WORDS.no) ? 'no' : read;
}

export interface TableColumn {
  header: string;
  col: number; // sheet column, 1-based
}

export interface TableRow {
  row: number; // sheet row, 1-based
  cells: CellValue[]; // aligned with the table's columns
}

export interface MemberTable {
  columns: TableColumn[];
  rows: TableRow[];
  nameIndex: number; // index into columns
  countedIndex: number | null;
}

export interface LearnerRow {
  row: number;
  label: string;
  headcount: { value: CellValue; col: number };
  cdht: { value: CellValue; col: number };
}

export interface UnitField {
  label: string;
  value: CellValue;
  at: Location;
}

export interface UnitAnswer {
  value: CellValue;
  at: Location;
}

export interface EvaluationInput {
  ruleSet: RuleSet;
  spellings: Spellings;
  /** The unit's own fields (Loại đơn vị, Công lập, …) for applicability conditions. */
  unitFields: UnitField[];
  /** The unit's answers to unit-level indicators, by indicator code. */
  answers: Record<string, UnitAnswer | undefined>;
  members: MemberTable | null;
  /** null when the unit keeps no learners sheet. */
  learners: LearnerRow[] | null;
  /**
   * The values a unit field may hold, by its label (the workbook's list of unit types): another
   * value leaves what depends on it undecided, as a blank does, never “Không áp dụng”.
   */
  fieldChoices?: Readonly<Record<string, readonly string[]>>;
  /** The emulation titles the workbook lists ("Danh mục"); default EMULATION_TITLES. */
  knownTitles?: readonly string[];
  /** Where an indicator's condition or applicability is typed, so a problem with it is said at its cell. */
  ruleCell?: (code: string, part: 'condition' | 'appliesTo') => Location | undefined;
  /** The rule set's “Cách đánh giá” cell: where a score that cannot be computed is said. */
  modeCell?: Location;
  /** What keeps the unit from asking for the recognition this year (the caller reads it from its request): held on a recognition only. */
  hold?: RequestHold | null;
}

export interface IndicatorResult {
  code: string;
  criterion: string;
  text: string;
  measure: Indicator['measure']['kind'];
  required: number | null;
  value: number | null; // fraction measured, or null
  numerator: number | null;
  denominator: number | null;
  status: Status;
  points: number | null; // earned (score rule sets)
  maxPoints: number | null;
  /** Whether it applies could not be decided (a blank or unclear unit field): not evaluable. */
  undecided?: true;
  /** Unclear cells read the other way would change the status (an 'outcomeDepends' warning names them). */
  conditional?: true;
}

export interface CriterionResult {
  code: string;
  title: string;
  status: Status;
  points: number | null;
  maxPoints: number | null;
}

/**
 * Why a recognition whose indicators are met cannot be asked for this year (TT24: level 2 only 12
 * months after the level-1 decision, reckoned to the dossier deadline). Procedural: the status stays
 * 'recognised' (the indicators are met), the outcome is worded as held. `field`, `where`: the
 * level-1 date's label and cell as the sheets name them; `until`: the last day of the level-1 recognition (36 months after its year).
 */
export type RequestHold =
  | { kind: 'noPrevious'; field: string; where: string }
  | { kind: 'tooSoon'; previous: Date; due: Date; deadline: Date; until: Date };

export type Outcome =
  | { kind: 'pass-fail'; status: 'recognised' | 'not_recognised' | 'not_evaluable'; recognition: string; hold?: RequestHold }
  /** `score` as shown (shownScore: hundredths, rounded down); `rating` from the score itself. */
  /** `unscored`: no indicator with points applies, so there is no score to rate (never 0, the fail band). */
  | { kind: 'score'; status: 'rated' | 'not_evaluable'; score: number | null; rating: string | null; unscored?: true };

export interface MemberResult {
  row: number;
  name: string;
  counted: boolean;
  met: number;
  applicable: number;
  score: number | null;
  reachesTarget: boolean | null;
}

export interface Evaluation {
  indicators: IndicatorResult[];
  criteria: CriterionResult[];
  outcome: Outcome;
  members: MemberResult[];
  countedMembers: number;
  problems: Problem[];
}

/** a/b >= t compared exactly: thresholds are decimals, so scale them to integers. */
export function reaches(numerator: number, denominator: number, threshold: number): boolean {
  const scale = 1e9;
  const t = Math.round(threshold * scale);
  return numerator * scale >= t * denominator;
}

interface Compiled {
  indicator: Indicator;
  condition: Condition | null; // members measure
  columnIndex: Map<string, number>;
  applicable: boolean | null; // null: applicability could not be decided
  broken: boolean; // syntax or unknown column: not evaluable
  fallbacks: Fallback[];
}

/** A member indicator ready for the rows: its condition and checks bound to the table's columns. */
interface RowCheck {
  c: Compiled;
  test: RowTest;
  /** The title columns whose entries are checked against the known titles (titleChecks). */
  titles: { column: string; index: number }[];
  fallbacks: BoundFallback[];
  /** The rows whose cells it could not read, and those cells' columns (sparse: usually none). */
  unclear: { i: number; columns: string[] }[];
}

interface BoundFallback extends Fallback {
  index: number;
  otherIndexes: number[]; // the columns `rest` reads
  test: RowTest;
}

/**
 * `[A] = có hoặc ([A] trống và rest)`: A decides when given, `rest` only when A is blank (the
 * CDHT title and its score). When both are given and disagree, the row is worth a look.
 */
interface Fallback {
  column: string;
  rest: Condition;
}

function fallbacksOf(c: Condition): Fallback[] {
  if (c.kind !== 'or') return [];
  const out: Fallback[] = [];
  for (const given of c.items) {
    if (given.kind !== 'yes') continue;
    for (const other of c.items) {
      if (other.kind !== 'and') continue;
      // The items but `[given] trống`, if it is among them.
      let blank = false;
      const rest: Condition[] = [];
      for (const x of other.items) {
        if (x.kind === 'blank' && x.column === given.column) blank = true;
        else rest.push(x);
      }
      if (blank && rest.length) out.push({ column: given.column, rest: rest.length === 1 ? rest[0]! : { kind: 'and', items: rest } });
    }
  }
  return out;
}

/*
 * evaluate runs once per workbook (per file of a consolidation): its callbacks are functions of
 * this module, not closures made on each call, so that their optimised code outlives a full
 * garbage collection (a reading Web Worker runs one every few dozen files, and V8 drops the code
 * of a function no live closure holds, then compiles it again).
 */

/** An indicator's condition parsed and bound to the members table's columns (`headerIndex`: by columnKey). */
function compileIndicator(indicator: Indicator, input: EvaluationInput, fieldsByKey: Map<string, UnitField>, headerIndex: Map<string, number>, problems: Problem[]): Compiled {
  const { members, spellings } = input;
  const applicable = decideApplicability(indicator, { byKey: fieldsByKey, choices: choicesByKey(input.fieldChoices) }, spellings, problems, input.ruleCell?.(indicator.code, 'appliesTo'));
  const c: Compiled = { indicator, condition: null, columnIndex: new Map(), applicable, broken: false, fallbacks: [] };
  if (indicator.measure.kind !== 'members') return c;
  const at = input.ruleCell?.(indicator.code, 'condition');
  try {
    c.condition = parseConditionOnce(indicator.measure.condition);
  } catch (e) {
    c.broken = true;
    problems.push(syntaxProblem(indicator.code, indicator.measure.condition, e, at));
    return c;
  }
  c.fallbacks = fallbacksOf(c.condition);
  for (const column of columnsOf(c.condition)) {
    const idx = headerIndex.get(columnKey(column));
    if (idx === undefined) {
      c.broken = true;
      if (members && applicable !== false) problems.push(problem('error', 'unknownColumn', { indicator: indicator.code, column }, at));
    } else c.columnIndex.set(column, idx);
  }
  return c;
}

const isRowCheck = (c: Compiled) => c.indicator.measure.kind === 'members' && c.applicable === true && !c.broken;

export function evaluate(input: EvaluationInput): Evaluation {
  const problems: Problem[] = [];
  const { ruleSet, spellings, members } = input;
  const headerIndex = new Map<string, number>();
  const fieldsByKey = new Map<string, UnitField>();
  for (const [i, c] of (members?.columns ?? []).entries()) {
    const key = columnKey(c.header);
    if (key && !headerIndex.has(key)) headerIndex.set(key, i);
  }
  for (const f of input.unitFields) fieldsByKey.set(foldKey(f.label), f);
  const compiled: Compiled[] = [];
  for (const indicator of ruleSet.indicators) compiled.push(compileIndicator(indicator, input, fieldsByKey, headerIndex, problems));

  // Which rows are members, and which are counted.
  const memberRows: TableRow[] = [];
  if (members) for (const r of members.rows) if (hasText(r.cells[members.nameIndex])) memberRows.push(r);
  if (members) reportNamelessRows(members, problems);
  const yesNo = yesNoReader(spellings);
  const unclearCounted = new Set<number>(); // rows whose "counted" cell is unclear (read as counted)
  const countedFlags: boolean[] = [];
  for (let i = 0; i < memberRows.length; i++) countedFlags.push(isCounted(memberRows[i]!, i, members!, yesNo, problems, unclearCounted));
  const countedMembers = countedFlags.filter(Boolean).length;

  const memberIndicators = compiled.filter(isRowCheck);
  // One cell read by several indicators is reported once (a set: tables have thousands of odd cells).
  const reported = new Set(problems.filter((p) => p.at).map((p) => problemKey(p.at!, p.code)));
  const titles = titleChecks(memberIndicators, ruleSet, input.knownTitles ?? EMULATION_TITLES, spellings);
  const unknownTitle = memoCell((v) => !isCellError(v) && cellAsText(v) !== '' && !titles.known.has(spellingKey(cellAsText(v))));
  const checks = mapped(memberIndicators, (c) => rowCheck(c, titles.get(c) ?? [], spellings));
  // Per-member per-indicator results, computed once and shared by unit and member figures.
  const width = checks.length;
  const metMatrix = readRows(memberRows, checks, { members: members!, yesNo, unknownTitle, likelyTitle: (t) => titles.folded.get(foldKey(t)), problems, reported });

  // Zero counted members leaves every member indicator unevaluated: one problem names them all.
  const scope: IndicatorScope = { input, memberIndicators, memberRows, countedFlags, countedMembers, metMatrix, width, problems, noCountedCodes: [], noCountedAt: -1 };
  const indicators: IndicatorResult[] = [];
  for (const c of compiled) indicators.push(indicatorResult(c, scope));

  if (scope.noCountedAt >= 0) problems[scope.noCountedAt]!.params = { indicators: scope.noCountedCodes.join(', '), count: scope.noCountedCodes.length };

  if (checks.some(hasUnclear) || unclearCounted.size) {
    const depends: Problem[] = [];
    checks.forEach(({ c, unclear }, j) => {
      const res = indicators[compiled.indexOf(c)]!;
      const cells = dependsOnUnclear(c, j, res, { rows: memberRows, members: members!, matrix: metMatrix, width, counted: countedFlags, unclearCounted, unclear, spellings });
      if (!cells.length) return;
      res.conditional = true;
      depends.push({ ...problem('warning', 'outcomeDepends', { indicator: res.code, count: cells.length }, cells[0]), cells: cells.slice(0, MAX_CELLS_LISTED) });
    });
    // First, so a report that shows a few warnings shows these.
    problems.unshift(...depends);
  }

  if (ruleSet.mode === 'score') assignPoints(ruleSet, indicators);
  const criteria: CriterionResult[] = [];
  for (const cr of ruleSet.criteria) criteria.push(criterionResult(cr, indicators, ruleSet.mode === 'score'));

  const outcome = heldOutcome(decideOutcome(ruleSet, indicators, criteria), input.hold);
  if (outcome.kind === 'score' && outcome.unscored) problems.push(problem('warning', 'noScoredIndicator', {}, input.modeCell));

  const personal = memberResults(memberRows, members?.nameIndex ?? 0, countedFlags, metMatrix, width, ruleSet.personalTarget);

  return { indicators, criteria, outcome, members: personal, countedMembers, problems };
}

/** Each member's own figures: the indicators met (`met` holds member i's at i * width …) over those that apply. */
function memberResults(rows: TableRow[], nameIndex: number, counted: boolean[], met: Uint8Array, width: number, target: number): MemberResult[] {
  // Per count met: the same few answers for thousands of members.
  const reachesFor: (boolean | null)[] = [];
  for (let n = 0; n <= width; n++) reachesFor.push(width === 0 ? null : reaches(n, width, target));
  const out: MemberResult[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let n = 0;
    for (let j = 0; j < width; j++) n += met[i * width + j]!;
    out.push({
      row: r.row,
      name: readText(r.cells[nameIndex]),
      counted: counted[i]!,
      met: n,
      applicable: width,
      score: width === 0 ? null : n / width,
      reachesTarget: reachesFor[n]!,
    });
  }
  return out;
}

/** What an indicator's result is worked out from (evaluate's), and the one "no counted members" problem it adds to. */
interface IndicatorScope {
  input: EvaluationInput;
  memberIndicators: Compiled[];
  memberRows: TableRow[];
  countedFlags: boolean[];
  countedMembers: number;
  metMatrix: Uint8Array;
  width: number;
  problems: Problem[];
  noCountedCodes: string[];
  noCountedAt: number;
}

function indicatorResult(c: Compiled, scope: IndicatorScope): IndicatorResult {
  const { input, problems } = scope;
  const ind = c.indicator;
  const base: IndicatorResult = {
    code: ind.code,
    criterion: criterionOf(ind.code),
    text: ind.text,
    measure: ind.measure.kind,
    required: ind.threshold,
    value: null,
    numerator: null,
    denominator: null,
    status: 'not_evaluable',
    points: null,
    maxPoints: input.ruleSet.mode === 'score' ? (ind.points ?? 0) : null,
  };
  if (c.applicable === false) return { ...base, status: 'not_applicable', maxPoints: null };
  if (c.applicable === null) return { ...base, undecided: true };
  if (c.broken) return base;
  switch (ind.measure.kind) {
    case 'members': {
      const { memberRows, countedFlags, metMatrix, width } = scope;
      const j = scope.memberIndicators.indexOf(c);
      let numerator = 0;
      for (let i = 0; i < memberRows.length; i++) if (countedFlags[i] && metMatrix[i * width + j]) numerator++;
      if (scope.countedMembers === 0) {
        // Said where the first is, its indicators filled in once all are known.
        if (scope.noCountedAt < 0) scope.noCountedAt = problems.push(problem('warning', 'noCountedMembers')) - 1;
        scope.noCountedCodes.push(ind.code);
      }
      return share(base, ind, numerator, scope.countedMembers);
    }
    case 'learners': {
      const totals = sumLearners(input.learners, problems);
      if (totals.kind === 'invalid') {
        // The figures are there but some cells are not: point to them (each is said at its cell), never "missing".
        problems.push({ ...problem('warning', 'learnerFiguresInvalid', { indicator: ind.code }, totals.cells[0]), cells: totals.cells.slice(0, MAX_CELLS_LISTED) });
        return base;
      }
      if (totals.kind === 'none') {
        // Said where the figures go: the first class's head count, when the sheet has classes.
        const first = input.learners?.[0];
        problems.push(problem('warning', 'noLearnerData', { indicator: ind.code }, first ? { sheet: 'learners', row: first.row, col: first.headcount.col } : undefined));
        return base;
      }
      if (totals.headcount === 0) problems.push(problem('warning', 'noLearnerData', { indicator: ind.code }));
      return share(base, ind, totals.cdht, totals.headcount);
    }
    case 'unit': {
      const answer = input.answers[ind.code];
      if (answer && isNotApplicableAnswer(answer.value)) {
        // Here the rule set applies it to the unit: “Không áp dụng” comes from what the unit is (its
        // “Áp dụng cho”, which the receiving body sees when edited), never from its own answer (TT24 Điều 8).
        problems.push(problem('warning', 'notApplicableAnswerApplies', { indicator: ind.code }, answer.at));
        return base;
      }
      const r = answer ? readUnitAnswer(answer.value, input.spellings) : 'blank';
      if (r === 'yes' || r === 'no') {
        const met = r === 'yes';
        return { ...base, status: met ? 'met' : 'not_met', value: met ? 1 : 0 };
      }
      if (r === 'blank') problems.push(problem('warning', 'unitAnswerMissing', { indicator: ind.code }, answer?.at));
      else problems.push(valueProblem(answer!.value, 'warning', 'unitAnswerAmbiguous', { indicator: ind.code, value: cellAsText(answer!.value) }, answer?.at));
      return base;
    }
  }
}

/** A share indicator's result (not evaluable over a zero denominator, whose problem the caller says). */
function share(base: IndicatorResult, ind: Indicator, numerator: number, denominator: number): IndicatorResult {
  if (denominator === 0) return { ...base, numerator, denominator };
  const value = numerator / denominator;
  const met = reaches(numerator, denominator, ind.threshold ?? RULE_DEFAULTS.threshold);
  return { ...base, numerator, denominator, value, status: met ? 'met' : 'not_met' };
}

const hasUnclear = (k: RowCheck) => k.unclear.length > 0;
const statusOf = (x: { status: Status }) => x.status;
const isApplicable = (x: { status: Status }) => x.status !== 'not_applicable';
const isNotEvaluable = (x: { status: Status }) => x.status === 'not_evaluable';
const hasPoints = (i: IndicatorResult) => i.points !== null;
const pointsOf = (i: IndicatorResult) => i.points ?? 0;
const maxPointsOf = (i: IndicatorResult) => i.maxPoints ?? 0;

function criterionResult(cr: RuleSet['criteria'][number], indicators: IndicatorResult[], scored: boolean): CriterionResult {
  const own: IndicatorResult[] = [];
  for (const i of indicators) if (i.criterion === cr.code) own.push(i);
  const applicable = own.filter(isApplicable);
  return {
    code: cr.code,
    title: cr.title,
    status: combine(mapped(own, statusOf)),
    points: scored && applicable.every(hasPoints) ? sum(mapped(applicable, pointsOf)) : null,
    maxPoints: scored ? sum(mapped(applicable, maxPointsOf)) : null,
  };
}

function combine(statuses: Status[]): Status {
  let applicable = false;
  let evaluable = true;
  for (const s of statuses) {
    if (s === 'not_met') return 'not_met';
    if (s !== 'not_applicable') applicable = true;
    if (s === 'not_evaluable') evaluable = false;
  }
  return !applicable ? 'not_applicable' : evaluable ? 'met' : 'not_evaluable';
}

function sum(xs: number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/**
 * Points per indicator: met earns all; not met earns nothing, or (proportional option) a
 * share indicator earns points × min(1, value / threshold); not evaluable earns null.
 */
function assignPoints(ruleSet: RuleSet, indicators: IndicatorResult[]): void {
  for (const i of indicators) {
    if (i.maxPoints === null) continue;
    if (i.status === 'met') i.points = i.maxPoints;
    else if (i.status === 'not_met')
      i.points =
        ruleSet.partialScoring === 'proportional' && i.measure !== 'unit' && i.value !== null
          ? proportionalPoints(i.maxPoints, i.value, i.required ?? RULE_DEFAULTS.threshold)
          : 0;
  }
}

/** Proportional credit for a share indicator: points × min(1, value / threshold). */
export function proportionalPoints(points: number, value: number, threshold: number): number {
  if (threshold <= 0) return points;
  return points * Math.min(1, value / threshold);
}

/** The outcome with `hold` on it when it recognises: one that does not has nothing to hold. */
export function heldOutcome(outcome: Outcome, hold: RequestHold | null | undefined): Outcome {
  return outcome.kind === 'pass-fail' && outcome.status === 'recognised' && hold ? { ...outcome, hold } : outcome;
}

function decideOutcome(ruleSet: RuleSet, indicators: IndicatorResult[], criteria: CriterionResult[]): Outcome {
  if (ruleSet.mode === 'pass-fail') {
    const status = combine(mapped(criteria, statusOf));
    return {
      kind: 'pass-fail',
      status: status === 'met' ? 'recognised' : status === 'not_met' ? 'not_recognised' : 'not_evaluable',
      recognition: ruleSet.recognition,
    };
  }
  const applicable = indicators.filter(isApplicable);
  if (applicable.some(isNotEvaluable)) return { kind: 'score', status: 'not_evaluable', score: null, rating: null };
  const earned = sum(mapped(applicable, pointsOf));
  const max = sum(mapped(applicable, maxPointsOf));
  // Nothing with points applies: out of 100 over nothing is no score (the sheet's cell says so too).
  if (max === 0) return { kind: 'score', status: 'not_evaluable', score: null, rating: null, unscored: true };
  // N/A indicators leave the scale: the score is out of 100 over what applies.
  const score = scoreItself((earned * 100) / max);
  // TT22 rates the score itself: 84.996 is below 85 even though it shows as 85.00 rounded.
  return { kind: 'score', status: 'rated', score: shownScore(score), rating: ratingFor(ruleSet, score) };
}

/** The score without float noise (sums of decimal points), as the sheet's ROUND(…,9) gives it. */
function scoreItself(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The score as every surface shows it: hundredths, rounded down (the sheet: INT(ROUND(x*100,6))/100),
 * so a shown score never reaches a band the score itself does not (84.996 shows 84.99, Khá).
 */
export function shownScore(score: number): number {
  return Math.floor(Math.round(score * 1e8) / 1e6) / 100;
}

export function ratingFor(ruleSet: RuleSet, score: number): string {
  const bands = [...ruleSet.bands].sort((a, b) => b.min - a.min);
  for (const b of bands) if (score >= b.min) return b.label;
  return ruleSet.failBand;
}

const OPTIONAL_UNIT_FIELDS = new Set([foldKey(UNIT_FIELD_LABELS.highestLevel)]);

/** Conditions by their text: the units of a batch share their rule set's few conditions, and parsed trees are only read. */
const parsedConditions = new Map<string, Condition | ConditionSyntaxError>();

function parseConditionOnce(src: string): Condition {
  let parsed = parsedConditions.get(src);
  if (parsed === undefined) {
    try {
      parsed = parseCondition(src);
    } catch (e) {
      if (!(e instanceof ConditionSyntaxError)) throw e;
      parsed = e;
    }
    if (parsedConditions.size >= 512) parsedConditions.clear();
    parsedConditions.set(src, parsed);
  }
  if (parsed instanceof ConditionSyntaxError) throw parsed;
  return parsed;
}

function syntaxProblem(indicator: string, condition: string, e: unknown, at: Location | undefined): Problem {
  return problem('error', 'conditionSyntax', { indicator, condition, detail: e instanceof ConditionSyntaxError ? e.code : String(e) }, at);
}

/**
 * Whether each indicator applies to the unit, by code, as evaluate decides it from its “Áp dụng
 * cho” (null: it cannot be told yet, e.g. a field left blank); what evaluate says of it is not said here.
 */
export function applicability(ruleSet: RuleSet, unitFields: readonly UnitField[], spellings: Spellings, fieldChoices?: EvaluationInput['fieldChoices']): Map<string, boolean | null> {
  const byKey = new Map<string, UnitField>();
  for (const f of unitFields) byKey.set(foldKey(f.label), f);
  const ignored: Problem[] = [];
  const fields: UnitFields = { byKey, choices: choicesByKey(fieldChoices) };
  return new Map(ruleSet.indicators.map((ind) => [ind.code, decideApplicability(ind, fields, spellings, ignored, undefined)]));
}

/** The unit's fields by folded label, and the values those with a list may hold (lowerVi keys, as `thuộc` compares). */
interface UnitFields {
  byKey: Map<string, UnitField>;
  choices: Map<string, Set<string>>;
}

const choiceCache = new WeakMap<object, Map<string, Set<string>>>();

function choicesByKey(choices: EvaluationInput['fieldChoices']): Map<string, Set<string>> {
  if (!choices) return new Map();
  let out = choiceCache.get(choices);
  if (!out) {
    out = new Map();
    // An empty list offers nothing to check against.
    for (const [label, values] of Object.entries(choices)) if (values.length) out.set(foldKey(label), new Set(values.map((v) => lowerVi(excelTrim(v.normalize('NFC'))))));
    choiceCache.set(choices, out);
  }
  return out;
}

/** A field's value outside its list (a type typed “Trường TH”): what it would decide is not known. */
function isUnlisted(f: UnitField | undefined, choices: Map<string, Set<string>>): boolean {
  const listed = f && choices.get(foldKey(f.label));
  if (!listed || isCellError(f.value)) return false;
  const t = lowerVi(cellAsText(f.value));
  return t !== '' && !listed.has(t);
}

/** `fields`: the unit's fields and their lists; `at`: the cell of the indicator's "Áp dụng cho". */
function decideApplicability(ind: Indicator, fields: UnitFields, spellings: Spellings, problems: Problem[], at: Location | undefined): boolean | null {
  const { byKey, choices } = fields;
  if (ind.appliesTo.trim() === '') return true;
  let cond: Condition;
  try {
    cond = parseConditionOnce(ind.appliesTo);
  } catch (e) {
    problems.push(syntaxProblem(ind.code, ind.appliesTo, e, at));
    return null;
  }
  for (const column of columnsOf(cond)) {
    if (byKey.has(foldKey(column))) continue;
    // A field this release added (an older "Thông tin đơn vị" lacks it) reads as blank, said once.
    const optional = OPTIONAL_UNIT_FIELDS.has(foldKey(column));
    problems.push(problem(optional ? 'warning' : 'error', 'unknownUnitField', { indicator: ind.code, field: column }, at));
    if (!optional) return null;
  }
  const unclear = new Set<string>();
  const lookup = fieldValueIn.bind(byKey);
  // `[Loại đơn vị] trống` reads a value off the list as well as any: only the other atoms cannot.
  const unknown = choices.size ? (atom: Atom) => isUnclearField(atom, lookup(atom.column), spellings) || (atom.kind !== 'blank' && isUnlisted(byKey.get(foldKey(atom.column)), choices)) : undefined;
  const decided = decide(cond, lookup, spellings, unclear, unknown);
  for (const column of unclear) {
    const f = byKey.get(foldKey(column));
    if (!f) continue; // a missing field was said above
    const blank = readText(f.value) === '';
    const unlisted = isUnlisted(f, choices);
    // Only a field that would change the answer makes the indicator undecided; another odd value is still
    // said (a value off the list by the unit checks, which name the nearest listed one).
    const code = decided === null ? (blank ? 'applicabilityBlank' : unlisted ? 'applicabilityUnlisted' : 'applicabilityUnclear') : blank || unlisted ? null : 'unitFieldUnclear';
    if (code) problems.push(problem('warning', code, { value: cellAsText(f.value), column: f.label, indicator: ind.code }, f.at));
  }
  return decided;
}

/** A unit field's value by its label (bound to the fields by folded label: made once, unlike an arrow per call). */
function fieldValueIn(this: Map<string, UnitField>, column: string): CellValue {
  return this.get(foldKey(column))?.value ?? null;
}

/**
 * A unit field's condition in three values: an atom over a blank, unclear or error cell is
 * unknown (null), and unknown spreads unless the other branches decide (Kleene's logic).
 * `unclear` collects the columns read as unknown; `unknown` says which atoms are (a unit's
 * fields by default). N/A comes only from what the unit is (§2).
 */
function decide(c: Condition, lookup: (column: string) => CellValue, spellings: Spellings, unclear: Set<string>, unknown?: (atom: Atom) => boolean): boolean | null {
  if (c.kind === 'and' || c.kind === 'or') {
    const values: (boolean | null)[] = [];
    for (const x of c.items) values.push(decide(x, lookup, spellings, unclear, unknown));
    const decisive = c.kind === 'and' ? false : true;
    if (values.includes(decisive)) return decisive;
    return values.includes(null) ? null : !decisive;
  }
  if (unknown ? unknown(c) : isUnclearField(c, lookup(c.column), spellings)) {
    unclear.add(c.column);
    return null;
  }
  return evaluateCondition(c, lookup, spellings).met;
}

type Atom = Exclude<Condition, { kind: 'and' | 'or' }>;

/** A unit field an atom cannot read: an error, blank (unless the atom asks for blank), unclear. */
function isUnclearField(c: Atom, v: CellValue, spellings: Spellings): boolean {
  if (isCellError(v)) return true;
  if (c.kind !== 'blank' && readText(v) === '') return true;
  if (c.kind === 'yes' || c.kind === 'no') return readYesNo(v, spellings) === 'ambiguous';
  return c.kind === 'compare' && readNumber(v).kind !== 'number';
}

/** A warning lists this many cells at most; the count says how many there are. */
const MAX_CELLS_LISTED = 10;

interface MemberReads {
  rows: TableRow[];
  members: MemberTable;
  matrix: Uint8Array; // member i, indicator j at i * width + j
  width: number;
  counted: boolean[];
  unclearCounted: Set<number>;
  unclear: { i: number; columns: string[] }[];
  spellings: Spellings;
}

/**
 * The unclear cells an indicator's status depends on, or none. Each counted row may go another
 * way: a row whose unclear cells leave its condition undecided (decide) may be met or not, a row
 * whose "counted" cell is unclear may leave the denominator. The lowest and the highest share
 * those choices allow decide whether the status could change (reference §3: never guessed).
 */
function dependsOnUnclear(c: Compiled, j: number, res: IndicatorResult, m: MemberReads): Location[] {
  if ((res.status !== 'met' && res.status !== 'not_met') || res.numerator === null || res.denominator === null) return [];
  const open = new Map<number, string[]>();
  for (const u of m.unclear) {
    const row = m.rows[u.i]!;
    const lookup = (column: string) => row.cells[c.columnIndex.get(column)!] ?? null;
    if (m.counted[u.i] && decide(c.condition!, lookup, m.spellings, new Set(), (x) => u.columns.includes(x.column)) === null) open.set(u.i, u.columns);
  }
  let [lowN, lowD, highN, highD] = [res.numerator, res.denominator, res.numerator, res.denominator];
  for (const i of open.keys()) {
    if (m.matrix[i * m.width + j]) lowN -= 1;
    else highN += 1;
  }
  for (const i of m.unclearCounted) {
    if (open.has(i)) continue; // met or not already spans its extremes: (0 of 1) and (1 of 1)
    if (m.matrix[i * m.width + j]) {
      lowN -= 1;
      lowD -= 1;
    } else highD -= 1;
  }
  const threshold = c.indicator.threshold ?? RULE_DEFAULTS.threshold;
  const met = res.status === 'met';
  const couldChange = (n: number, d: number) => d === 0 || reaches(n, d, threshold) !== met;
  if (!couldChange(lowN, lowD) && !couldChange(highN, highD)) return [];
  const cells: Location[] = [];
  for (const [i, columns] of open) for (const column of columns) cells.push({ sheet: 'members', row: m.rows[i]!.row, col: m.members.columns[c.columnIndex.get(column)!]!.col });
  const countedCol = m.members.countedIndex === null ? null : m.members.columns[m.members.countedIndex]!.col;
  if (countedCol !== null) for (const i of m.unclearCounted) cells.push({ sheet: 'members', row: m.rows[i]!.row, col: countedCol });
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

const titleKey = (s: string) => spellingKey(excelTrim(s.normalize('NFC')));

/**
 * The title columns each indicator lists titles of (`[Danh hiệu thi đua] thuộc {…}`), and every
 * entry known there: the rule set's lists, the workbook's dropdown, the entries below LĐTT and
 * the "no" spellings. Anything else in such a cell is not guessed (reference §3): reported.
 */
function titleChecks(indicators: Compiled[], ruleSet: RuleSet, listed: readonly string[], spellings: Spellings): Map<Compiled, string[]> & { known: Set<string>; folded: Map<string, string> } {
  const known = new Set([...listed, ...BELOW_LDTT, ...spellings.no].map(titleKey));
  const out = new Map<Compiled, string[]>() as Map<Compiled, string[]> & { known: Set<string>; folded: Map<string, string> };
  out.known = known;
  // A known title by its letters alone ("lao dong tien tien"), the dropdown's spelling first: what to write instead.
  const folded = (out.folded = new Map<string, string>());
  const fold = (title: string) => {
    if (!folded.has(foldKey(title))) folded.set(foldKey(title), title);
  };
  [...listed, ...BELOW_LDTT].forEach(fold);
  for (const ind of ruleSet.indicators) {
    if (ind.measure.kind !== 'members') continue;
    try {
      for (const x of titleLists(parseConditionOnce(ind.measure.condition))) for (const item of x.items) {
        known.add(titleKey(item));
        fold(item);
      }
    } catch {
      // reported where the indicator is compiled
    }
  }
  for (const c of indicators) {
    const columns: string[] = [];
    for (const x of titleLists(c.condition!)) if (!columns.includes(x.column)) columns.push(x.column);
    if (columns.length) out.set(c, columns);
  }
  return out;
}

/** The condition's lists over a title column (`[Danh hiệu] thuộc (…)`), however deep. */
function titleLists(c: Condition, out: Extract<Condition, { kind: 'in' }>[] = []): Extract<Condition, { kind: 'in' }>[] {
  if (c.kind === 'and' || c.kind === 'or') for (const x of c.items) titleLists(x, out);
  else if (c.kind === 'in' && TITLE_COLUMN_KEYS.has(columnKey(c.column))) out.push(c);
  return out;
}

/** What reading the rows reports to, and with. */
interface RowReading {
  members: MemberTable;
  yesNo: (v: CellValue) => YesNo;
  unknownTitle: (v: CellValue) => boolean;
  likelyTitle: (text: string) => string | undefined;
  problems: Problem[];
  reported: Set<string>;
}

/**
 * Whether member i meets indicator j, at i * checks.length + j; odd cells are reported as read:
 * by row, then indicator. Plain reads per row, allocations only for odd cells.
 */
function readRows(rows: TableRow[], checks: RowCheck[], x: RowReading): Uint8Array {
  const width = checks.length;
  const met = new Uint8Array(rows.length * width);
  const issues: ReadIssue[] = [];
  const discarded: ReadIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < width; j++) {
      const k = checks[j]!;
      if (k.test(r.cells, issues)) met[i * width + j] = 1;
      let columns: string[] | null = null;
      if (issues.length) {
        for (let n = 0; n < issues.length; n++) {
          reportReadIssue(issues[n]!, r, k.c, x.members, x.problems, x.reported);
          (columns ??= []).push(issues[n]!.column);
        }
        issues.length = 0;
      }
      for (let n = 0; n < k.titles.length; n++) {
        const { column, index } = k.titles[n]!;
        const v = r.cells[index] ?? null;
        if (!x.unknownTitle(v)) continue;
        const value = cellAsText(v);
        const title = x.likelyTitle(value);
        const kind = isQualityRating(value) ? 'ratingNotTitle' : 'unknownTitle';
        reportReadIssue(title ? { column, kind: 'titleSpelling', value, title } : { column, kind, value }, r, k.c, x.members, x.problems, x.reported);
        (columns ??= []).push(column);
      }
      if (columns) k.unclear.push({ i, columns });
      for (let n = 0; n < k.fallbacks.length; n++) checkFallback(k.fallbacks[n]!, r, k.c, x.members, x.yesNo, discarded, x.problems, x.reported);
    }
  }
  return met;
}

/** A member indicator's condition, title checks and fallbacks bound to the table's columns, once per table. */
function rowCheck(c: Compiled, titleColumns: string[], spellings: Spellings): RowCheck {
  const indexOf = (column: string) => c.columnIndex.get(column)!;
  return {
    c,
    test: compileCondition(c.condition!, indexOf, spellings),
    titles: mapped(titleColumns, (column) => ({ column, index: indexOf(column) })),
    fallbacks: mapped(c.fallbacks, (f) => {
      return { ...f, index: indexOf(f.column), otherIndexes: mapped(columnsOf(f.rest), indexOf), test: compileCondition(f.rest, indexOf, spellings) };
    }),
    unclear: [],
  };
}

/**
 * A given A that says the opposite of its filled-in `rest` is reported at A's cell (the row counts by A).
 * `discarded` takes what `rest` could not read: the condition itself reports it.
 */
function checkFallback(f: BoundFallback, r: TableRow, c: Compiled, members: MemberTable, yesNo: (v: CellValue) => YesNo, discarded: ReadIssue[], problems: Problem[], reported: Set<string>): void {
  const given = yesNo(r.cells[f.index] ?? null);
  if (given !== 'yes' && given !== 'no') return;
  for (let n = 0; n < f.otherIndexes.length; n++) if (!hasText(r.cells[f.otherIndexes[n]!])) return;
  const met = f.test(r.cells, discarded);
  // A value it could not read is no disagreement: where it is read, it is said as such.
  const unread = discarded.length > 0;
  discarded.length = 0;
  if (unread || met === (given === 'yes')) return;
  const col = members.columns[f.index]!;
  const at: Location = { sheet: 'members', row: r.row, col: col.col };
  const key = problemKey(at, 'titleScoreDisagree');
  if (reported.has(key)) return;
  reported.add(key);
  const params = {
    value: cellAsText(r.cells[f.index] ?? null),
    column: col.header,
    other: f.otherIndexes.map((i) => members.columns[i]!.header).join(', '),
    // One number (a score) stays a number: the message writes it with the language's decimal mark.
    otherValue: f.otherIndexes.length === 1 && typeof r.cells[f.otherIndexes[0]!] === 'number' ? (r.cells[f.otherIndexes[0]!] as number) : f.otherIndexes.map((i) => cellAsText(r.cells[i] ?? null)).join(', '),
    indicator: c.indicator.code,
  };
  problems.push(problem('warning', 'titleScoreDisagree', params, at));
}

/** Whether member `i` (row `r`) is counted; an unclear cell is said and its member joins `unclear`. */
function isCounted(r: TableRow, i: number, members: MemberTable, yesNo: (v: CellValue) => YesNo, problems: Problem[], unclear: Set<number>): boolean {
  if (members.countedIndex === null) return true;
  const v = r.cells[members.countedIndex] ?? null;
  const read = yesNo(v);
  if (read === 'no') return false;
  if (read === 'ambiguous' || read === 'error') {
    unclear.add(i);
    // Default is "counted": only a clear "no" takes a member out of the denominator.
    problems.push(
      valueProblem(
        v,
        'warning',
        'ambiguousCounted',
        { value: cellAsText(v), column: members.columns[members.countedIndex]!.header },
        { sheet: 'members', row: r.row, col: members.columns[members.countedIndex]!.col },
      ),
    );
  }
  return true;
}

function reportNamelessRows(members: MemberTable, problems: Problem[]): void {
  for (const r of members.rows) {
    const name = r.cells[members.nameIndex];
    if (isUncalculated(name)) {
      // A name typed as a formula its file holds no result for: unknown, so not counted, and said.
      problems.push(problem('warning', 'formulaNotCalculated', {}, { sheet: 'members', row: r.row, col: members.columns[members.nameIndex]!.col }));
      continue;
    }
    if (hasText(name)) continue;
    const filled = r.cells.findIndex((v, i) => i !== members.nameIndex && v !== null && readText(v) !== '' && !isOrdinal(v, i, members));
    if (filled >= 0) {
      problems.push(
        problem('warning', 'nameMissing', {}, { sheet: 'members', row: r.row, col: members.columns[members.nameIndex]!.col }),
      );
    }
  }
}

const ORDINAL_KEYS = new Set(RULE_DEFAULTS.ordinalHeaders.map(columnKey));

/** An STT (ordinal) column alone does not make a row a member. */
export function isOrdinal(v: CellValue, i: number, members: MemberTable): boolean {
  return isOrdinalHeader(members.columns[i]!.header) && readNumber(v).kind === 'number';
}

export function isOrdinalHeader(header: string): boolean {
  return ORDINAL_KEYS.has(columnKey(header));
}

const problemKey = (at: Location, code: string) => `${at.sheet}:${at.row}:${at.col}:${code}`;

/** A cell a condition could not read, or a title no list knows (titleChecks). */
type CellIssue = ReadIssue | { column: string; kind: 'unknownTitle' | 'ratingNotTitle'; value: string } | { column: string; kind: 'titleSpelling'; value: string; title: string };

function reportReadIssue(issue: CellIssue, r: TableRow, c: Compiled, members: MemberTable, problems: Problem[], reported: Set<string>): void {
  const idx = c.columnIndex.get(issue.column)!;
  const col = members.columns[idx]!;
  const at: Location = { sheet: 'members' as SheetRole, row: r.row, col: col.col };
  const key = problemKey(at, issue.kind);
  if (reported.has(key)) return;
  reported.add(key);
  problems.push(problem('warning', issue.kind, { value: issue.value, column: col.header, indicator: c.indicator.code, ...('title' in issue ? { title: issue.title } : {}) }, at));
}

/** A figure as found: a number stays a number, which each language writes its own way (0,97 / 0.97). */
const figure = (v: CellValue): string | number => (typeof v === 'number' ? v : cellAsText(v));

/** The learners' totals; `none` when no class has figures, `invalid` (with the cells) when a row's cannot be read. */
type LearnerTotals = { kind: 'ok'; headcount: number; cdht: number } | { kind: 'none' } | { kind: 'invalid'; cells: Location[] };

/** The learners' figures as the engine would find them, whatever the unit's type (the sheet's formulas sum them only when `ok`). */
export function learnerFigures(rows: LearnerRow[] | null): LearnerTotals['kind'] {
  return sumLearners(rows, []).kind;
}

function sumLearners(rows: LearnerRow[] | null, problems: Problem[]): LearnerTotals {
  if (!rows || rows.length === 0) return { kind: 'none' };
  let headcount = 0;
  let cdht = 0;
  const bad: Location[] = [];
  for (const r of rows) {
    const h = readNumber(r.headcount.value);
    const c = readNumber(r.cdht.value);
    if (h.kind === 'blank' && c.kind === 'blank') continue;
    const hv = h.kind === 'number' ? h.value : NaN;
    const cv = c.kind === 'number' ? c.value : c.kind === 'blank' ? 0 : NaN;
    const headcountAt: Location = { sheet: 'learners', row: r.row, col: r.headcount.col };
    const cdhtAt: Location = { sheet: 'learners', row: r.row, col: r.cdht.col };
    if (h.kind === 'blank') {
      // Holders typed, the class size not: said as missing, not as an invalid empty value.
      problems.push(problem('warning', 'learnerCountMissing', {}, headcountAt));
      bad.push(headcountAt);
      continue;
    }
    if (!Number.isInteger(hv) || hv < 0) {
      problems.push(valueProblem(r.headcount.value, 'warning', 'learnerCountInvalid', { value: figure(r.headcount.value), label: r.label }, headcountAt));
      bad.push(headcountAt);
      continue;
    }
    if (!Number.isInteger(cv) || cv < 0 || cv > hv) {
      problems.push(valueProblem(r.cdht.value, 'warning', 'learnerCountInvalid', { value: figure(r.cdht.value), label: r.label }, cdhtAt));
      bad.push(cdhtAt);
      continue;
    }
    headcount += hv;
    cdht += cv;
  }
  if (bad.length) return { kind: 'invalid', cells: bad };
  if (headcount === 0) return { kind: 'none' };
  return { kind: 'ok', headcount, cdht };
}
