/**
 * The pane's short forms: the unit's own answers to unit-level indicators ("Tiêu chí" I–J),
 * the learner counts per class ("Người học") and the members of the evaluating body ("Mẫu
 * văn bản", to_danh_gia.thanh_vien). Each is read where the unit would type it and written
 * back to the same cells, in one batch, and only the cells whose value changed: the
 * add-in's grey cells and everything else stay as they are.
 */
import { applicability, isNotApplicableAnswer, NOT_APPLICABLE_ANSWER, readUnitAnswer } from '../domain/evaluation';
import { problem, type Problem } from '../domain/problems';
import { readNumber, readText, type CellValue } from '../domain/values';
import { foldKey } from '../domain/text';
import type { CellBlock, CellInput, SheetData, SheetPlan, Workbook, WorkbookSession } from '../workbook/port';
import { cellAddress } from '../workbook/a1';
import { SHEETS, RESULT_TEXT } from '../sheets/names';
import { COL, readCriteriaSheet } from '../sheets/criteriaSheet';
import { drawLearnersSheet, readLearnersSheet } from '../sheets/learnersSheet';
import { readUnitSheet } from '../sheets/unitSheet';
import { unitFieldChoices } from '../sheets/unitWorkbook';
import { readSpellings } from '../sheets/listsSheet';
import { locateProblem, type LocatedProblem } from '../sheets/locate';
import { parseEvaluators, type Evaluator } from '../documents/context';
import { fillTemplate, TEMPLATE_DEFAULTS } from '../documents/templates';
import { planTemplatesSheet, readTemplatesSheet, TEMPLATE_HEADER_ROW } from '../documents/templatesSheet';
import type { Lang } from '../i18n';
import { editedOwnPlan, readOwnSheets, UNIT_TEMPLATES_SHEET, unitTemplatesSheet, type EditedOwnSheet } from './ownSheets';

export type FactAnswer = 'met' | 'not_met' | 'not_applicable' | '';

export interface FactLine {
  code: string;
  criterion: string;
  text: string;
  answer: FactAnswer;
  /** Whether the rule set applies it to the unit (its “Áp dụng cho”); null: not told yet. Only where false is “Không áp dụng” an answer. */
  applies: boolean | null;
  /** What the cell holds when it is none of the three answers (e.g. "ok"): the form asks again. */
  unread: string;
  evidence: string;
}

export interface LearnerLine {
  label: string;
  /** As typed in the form: a whole number, or blank. */
  headcount: string;
  cdht: string;
}

export type EvaluatorLine = Evaluator;

export interface UnitFacts {
  facts: FactLine[];
  /** null: the rule set measures no learners and the workbook has no "Người học" sheet. */
  learners: LearnerLine[] | null;
  evaluators: EvaluatorLine[];
  /** "Tổ đánh giá", "Hội đồng tự kiểm tra" …: the rule set's name for it. */
  evaluatingBody: string;
}

/** A learner line the form must correct before anything is written (0-based line, field). */
export interface LearnerIssue {
  line: number;
  field: 'headcount' | 'cdht';
  code: 'notAWholeNumber' | 'moreThanHeadcount' | 'missing';
}

export type ReadFactsResult = { ok: true; facts: UnitFacts } | { ok: false; problems: Problem[] };
export type SaveFactsResult =
  | { ok: true; written: number; facts: UnitFacts }
  | { ok: false; problems: Problem[]; learnerIssues: LearnerIssue[] };

export const FACT_ANSWER_TEXT: Record<Exclude<FactAnswer, ''>, string> = {
  met: RESULT_TEXT.met,
  not_met: RESULT_TEXT.not_met,
  not_applicable: NOT_APPLICABLE_ANSWER,
};

const EVALUATORS_KEY = 'to_danh_gia.thanh_vien';
/** A name or title left for handwriting (the default's dotted lines) reads as blank. */
const DOTS = /^[.…\s]*$/;
const FOR_HANDWRITING = '………………………';
const FACT_SHEETS = [SHEETS.unit, SHEETS.criteria, SHEETS.learners, SHEETS.lists];

/** The problems in words, in the language shown now (the pane keeps codes, not sentences). */
export function wordProblems(problems: readonly Problem[], lang: Lang): LocatedProblem[] {
  return problems.map((p) => locateProblem(p, lang));
}

export async function readUnitFacts(workbook: Workbook): Promise<ReadFactsResult> {
  return workbook.batch(async (session) => {
    const found = await readState(session);
    return found.ok ? { ok: true, facts: found.state.facts } : found;
  });
}

/**
 * Writes what the form holds. Parts left out are not touched; within a part, only changed
 * cells are written. Learner lines are checked first: nothing is written while one is wrong.
 */
export async function saveUnitFacts(workbook: Workbook, next: Partial<Pick<UnitFacts, 'facts' | 'learners' | 'evaluators'>>): Promise<SaveFactsResult> {
  return workbook.batch(async (session) => {
    const found = await readState(session);
    if (!found.ok) return { ...found, learnerIssues: [] };
    const { state } = found;
    const learnerIssues = next.learners ? checkLearners(next.learners) : [];
    if (learnerIssues.length) return { ok: false, problems: [], learnerIssues };
    const writes: Writes[] = [];
    if (next.facts) writes.push(factWrites(state, next.facts));
    if (next.learners) writes.push(learnerWrites(state, next.learners));
    if (next.evaluators) writes.push(evaluatorWrites(state, next.evaluators));
    let written = 0;
    for (const w of writes) {
      written += w.changed;
      for (const plan of w.plans) session.write(plan);
    }
    const facts: UnitFacts = {
      ...state.facts,
      ...(next.facts ? { facts: state.facts.facts.map((f) => ({ ...f, ...pickFact(next.facts!, f.code) })) } : {}),
      ...(next.learners ? { learners: next.learners.filter((l) => !blankLine(l)) } : {}),
      ...(next.evaluators ? { evaluators: next.evaluators.filter((e) => !blankEvaluator(e)) } : {}),
    };
    return { ok: true, written, facts };
  });
}

// ---------------------------------------------------------------- reading

interface LearnerSheetState {
  headerRow: number;
  labelCol: number | null;
  headcountCol: number;
  cdhtCol: number;
  /** Sheet rows of the lines shown, in order. */
  rows: number[];
}

interface State {
  facts: UnitFacts;
  /** Sheet row of each unit-level indicator in "Tiêu chí". */
  factRows: Map<string, number>;
  criteriaData: SheetData;
  learners: LearnerSheetState | null;
  learnerData: SheetData | undefined;
  templates: { target: EditedOwnSheet; keyRow: number | null; lastRow: number; plan: () => SheetPlan | null };
}

async function readState(session: WorkbookSession): Promise<{ ok: true; state: State } | { ok: false; problems: Problem[] }> {
  const snap = await readOwnSheets(session, FACT_SHEETS, [UNIT_TEMPLATES_SHEET]);
  const criteriaData = snap.sheets.get(SHEETS.criteria);
  if (!criteriaData) return { ok: false, problems: [problem('error', 'missingSheet', { sheet: SHEETS.criteria })] };
  const criteria = readCriteriaSheet(criteriaData);
  if (criteria.headerRow === 0) return { ok: false, problems: criteria.problems };
  const spellings = readSpellings(snap.sheets.get(SHEETS.lists));
  const cell = (data: SheetData | undefined, row: number, col: number): CellValue => data?.rows[row - 1]?.[col - 1] ?? null;
  const rs = criteria.ruleSet;

  const unitData = snap.sheets.get(SHEETS.unit);
  const unit = unitData ? readUnitSheet(unitData) : null;
  const applies = applicability(rs, unit?.fields ?? [], spellings, unitFieldChoices(snap.sheets.get(SHEETS.lists)));
  const factRows = new Map<string, number>();
  const facts: FactLine[] = [];
  for (const row of criteria.rows) {
    if (row.indicator?.measure.kind !== 'unit') continue;
    factRows.set(row.code, row.row);
    const value = cell(criteriaData, row.row, COL.answer);
    const yn = readUnitAnswer(value, spellings);
    const answer: FactAnswer = isNotApplicableAnswer(value) ? 'not_applicable' : yn === 'yes' ? 'met' : yn === 'no' ? 'not_met' : '';
    facts.push({
      code: row.code,
      criterion: row.code.split('.')[0]!,
      text: row.indicator.text,
      answer,
      applies: applies.get(row.code) ?? null,
      unread: answer === '' && yn !== 'blank' ? readText(value) : '',
      evidence: readText(cell(criteriaData, row.row, COL.evidence)),
    });
  }

  const learnerData = snap.sheets.get(SHEETS.learners);
  const parsed = learnerData ? readLearnersSheet(learnerData) : null;
  let learners: LearnerSheetState | null = null;
  let learnerLines: LearnerLine[] | null = null;
  if (parsed && learnerData) {
    const header = (learnerData.rows[parsed.headerRow - 1] ?? []).map((v) => foldKey(readText(v)));
    const label = header.findIndex((k) => k.startsWith('lop') || k.startsWith('khoi'));
    learners = { headerRow: parsed.headerRow, labelCol: label >= 0 ? label + 1 : null, headcountCol: parsed.headcountCol, cdhtCol: parsed.cdhtCol, rows: [] };
    learnerLines = [];
    for (let r = parsed.headerRow + 1; r <= learnerData.rows.length; r++) {
      const line = {
        label: learners.labelCol ? readText(cell(learnerData, r, learners.labelCol)) : '',
        headcount: numberText(cell(learnerData, r, parsed.headcountCol)),
        cdht: numberText(cell(learnerData, r, parsed.cdhtCol)),
      };
      if (blankLine(line)) continue;
      learners.rows.push(r);
      learnerLines.push(line);
    }
  } else if (!learnerData && rs.indicators.some((i) => i.measure.kind === 'learners')) {
    learnerLines = [];
  }

  const info = unit?.info ?? null;
  const unitName = info ? readText(info.name) : '';
  const target = unitTemplatesSheet(snap);
  const templatesData = target.data;
  const read = readTemplatesSheet(templatesData, unitName, rs.mode);
  const text = read.texts.get(EVALUATORS_KEY) ?? '';
  const filled = fillTemplate(text, { nguoi_dung_dau: info ? readText(info.head) : '', chuc_vu: info ? readText(info.headTitle) : '' });
  const keyRow = templatesData?.rows.findIndex((r) => readText(r[0]).trim() === EVALUATORS_KEY) ?? -1;
  const evaluators = parseEvaluators(filled).map((e) => ({ name: DOTS.test(e.name) ? '' : e.name, title: DOTS.test(e.title) ? '' : e.title, role: e.role }));

  return {
    ok: true,
    state: {
      facts: { facts, learners: learnerLines, evaluators, evaluatingBody: rs.evaluatingBody || (rs.mode === 'score' ? 'Hội đồng tự kiểm tra' : 'Tổ đánh giá') },
      factRows,
      criteriaData,
      learners,
      learnerData,
      templates: {
        target,
        keyRow: keyRow >= 0 ? keyRow + 1 : null,
        lastRow: templatesData?.rows.length ?? 0,
        plan: () => planTemplatesSheet(templatesData !== undefined, read, unitName, rs.mode),
      },
    },
  };
}

function numberText(v: CellValue): string {
  const n = readNumber(v);
  return n.kind === 'number' ? String(n.value) : readText(v);
}

const blankLine = (l: LearnerLine) => !l.label.trim() && !l.headcount.trim() && !l.cdht.trim();
const blankEvaluator = (e: EvaluatorLine) => !e.name.trim() && !e.title.trim() && !e.role.trim();

function pickFact(lines: readonly Pick<FactLine, 'code' | 'answer' | 'evidence'>[], code: string) {
  const f = lines.find((x) => x.code === code);
  return f ? { answer: f.answer, evidence: f.evidence, unread: '' } : {};
}

// ---------------------------------------------------------------- checking and writing

function wholeNumber(s: string): number | null {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

export function checkLearners(lines: readonly LearnerLine[]): LearnerIssue[] {
  const issues: LearnerIssue[] = [];
  lines.forEach((l, line) => {
    if (blankLine(l)) return;
    const h = wholeNumber(l.headcount);
    const c = wholeNumber(l.cdht);
    for (const [field, text, n] of [['headcount', l.headcount, h], ['cdht', l.cdht, c]] as const) {
      if (!text.trim()) issues.push({ line, field, code: 'missing' });
      else if (n === null) issues.push({ line, field, code: 'notAWholeNumber' });
    }
    if (h !== null && c !== null && c > h) issues.push({ line, field: 'cdht', code: 'moreThanHeadcount' });
  });
  return issues;
}

/** Same value for the sheet: text compared trimmed, numbers as numbers. */
function same(current: CellValue, next: CellInput): boolean {
  if (next === null) return readText(current).trim() === '';
  if (typeof next === 'number') {
    const n = readNumber(current);
    return n.kind === 'number' && n.value === next;
  }
  return readText(current).trim() === String(next).trim();
}

/**
 * A part's plans and how many of the form's cells they change: a sheet drawn to hold them
 * (its title, headings, defaults) is written too but is not what the clerk typed.
 */
interface Writes {
  plans: SheetPlan[];
  changed: number;
}
const NO_WRITES: Writes = { plans: [], changed: 0 };
const blockWrites = (sheet: string, blocks: CellBlock[]): Writes => (blocks.length ? { plans: [{ sheet, mode: 'existing', cells: blocks }], changed: blocks.length } : NO_WRITES);

function changedCells(data: SheetData | undefined, cells: { row: number; col: number; value: CellInput }[]) {
  return cells
    .filter((c) => !same(data?.rows[c.row - 1]?.[c.col - 1] ?? null, c.value))
    .map((c) => ({ at: cellAddress(c.row, c.col), rows: [[c.value]] }));
}

function factWrites(state: State, next: readonly Pick<FactLine, 'code' | 'answer' | 'evidence'>[]): Writes {
  const cells: { row: number; col: number; value: CellInput }[] = [];
  for (const f of next) {
    const row = state.factRows.get(f.code);
    const before = state.facts.facts.find((x) => x.code === f.code);
    if (!row || !before) continue;
    // An answer the unit wrote its own way ("x", "ok") stays unless the form chose another.
    if (f.answer !== before.answer || before.unread) {
      if (!(f.answer === '' && before.unread)) cells.push({ row, col: COL.answer, value: f.answer ? FACT_ANSWER_TEXT[f.answer] : null });
    }
    cells.push({ row, col: COL.evidence, value: f.evidence.trim() || null });
  }
  return blockWrites(SHEETS.criteria, changedCells(state.criteriaData, cells));
}

function learnerWrites(state: State, next: readonly LearnerLine[]): Writes {
  const lines = next.filter((l) => !blankLine(l));
  const value = (l: LearnerLine | undefined, field: 'headcount' | 'cdht') => (l ? wholeNumber(l[field]) : null);
  if (!state.learners) {
    // No sheet yet: drawn as creating the workbook draws it, with these lines.
    if (!state.learnerData && lines.length) {
      const typed = lines.map((l): CellInput[] => [l.label.trim() || null, value(l, 'headcount'), value(l, 'cdht')]);
      return { plans: [drawLearnersSheet(typed.map((row, i) => [i + 1, ...row]))], changed: typed.flat().filter((v) => v !== null).length };
    }
    return NO_WRITES;
  }
  const s = state.learners;
  // The lines fill the rows they were read from, then the rows after the last one; rows no
  // longer used are emptied (the unit's other columns, e.g. "Ghi chú", are left alone).
  const rows = [...s.rows];
  let after = Math.max(s.headerRow, ...s.rows);
  while (rows.length < lines.length) rows.push(++after);
  const cells: { row: number; col: number; value: CellInput }[] = [];
  rows.forEach((row, i) => {
    const l = lines[i];
    if (s.labelCol) cells.push({ row, col: s.labelCol, value: l?.label.trim() || null });
    cells.push({ row, col: s.headcountCol, value: value(l, 'headcount') });
    cells.push({ row, col: s.cdhtCol, value: value(l, 'cdht') });
  });
  return blockWrites(SHEETS.learners, changedCells(state.learnerData, cells));
}

export function evaluatorsText(lines: readonly EvaluatorLine[]): string {
  return lines
    .filter((e) => !blankEvaluator(e))
    .map((e) => [e.name.trim() || FOR_HANDWRITING, e.title.trim() || FOR_HANDWRITING, e.role.trim()].join(' | '))
    .join('\n');
}

function evaluatorWrites(state: State, next: readonly EvaluatorLine[]): Writes {
  // One cell holds the members, whatever else is drawn around it.
  const plans = evaluatorPlans(state, next);
  return plans.length ? { plans, changed: 1 } : NO_WRITES;
}

function evaluatorPlans(state: State, next: readonly EvaluatorLine[]): SheetPlan[] {
  const text = evaluatorsText(next);
  // Unchanged: the text (and its {placeholders}) stays as the unit left it.
  if (text === evaluatorsText(state.facts.evaluators)) return [];
  const t = state.templates;
  // Written only where the add-in's texts are (a user's sheet of that name is never touched).
  const own = (at: string, row: CellInput[]) => editedOwnPlan({ sheet: t.target.sheet, mode: 'own', cells: [{ at, rows: [row] }] }, UNIT_TEMPLATES_SHEET, t.target);
  if (!t.target.data) {
    // The sheet is drawn with every default, as generating the documents would, then the members set.
    const row = TEMPLATE_HEADER_ROW + 1 + TEMPLATE_DEFAULTS.findIndex((d) => d.key === EVALUATORS_KEY);
    return [editedOwnPlan(t.plan()!, UNIT_TEMPLATES_SHEET, t.target), own(`B${row}`, [text])];
  }
  if (t.keyRow === null) {
    const label = TEMPLATE_DEFAULTS.find((d) => d.key === EVALUATORS_KEY)!.label;
    return [own(`A${t.lastRow + 1}`, [EVALUATORS_KEY, text, label])];
  }
  return [own(`B${t.keyRow}`, [text])];
}
