/**
 * The rule set as the pane's rule-set view shows it, and the user's edits written back.
 * The "Tiêu chí" sheet is the rule set (presets only seed it), so reading and saving both go
 * through that sheet; saving writes only the user columns the user changed (condition,
 * requirement, points, applicability), one batch, never the add-in's result columns.
 */
import { parseCondition, ConditionSyntaxError } from '../domain/rules/condition';
import type { Criterion, Measure, Mode, SourceTag } from '../domain/rules/ruleSet';
import { foldKey } from '../domain/text';
import { readText, type CellValue } from '../domain/values';
import type { CellBlock, StyleRun, Workbook } from '../workbook/port';
import { cellAddress } from '../workbook/a1';
import { SHEETS } from '../sheets/names';
import { COL, readCriteriaSheet } from '../sheets/criteriaSheet';
import { locateProblem, type LocatedProblem } from '../sheets/locate';
import type { Lang } from '../i18n';

/** What the sheet writes when an indicator applies to every unit. */
const EVERY_UNIT = 'Tất cả';

export interface RuleSetIndicatorRow {
  /** Sheet row in "Tiêu chí" (1-based): where edits go. */
  row: number;
  code: string;
  criterion: string;
  text: string;
  measure: Measure['kind'];
  /** Members' condition ('' for other measures). */
  condition: string;
  /** Required share 0..1; null for unit facts or when the cell does not hold a percentage. */
  threshold: number | null;
  /** The requirement cell as typed (shown when it is not a valid percentage). */
  thresholdText: string;
  points: number | null;
  /** '' = every unit. */
  appliesTo: string;
  source: string;
  sourceTag: SourceTag;
}

export interface RuleSetSheetView {
  id: string;
  name: string;
  basis: string;
  mode: Mode;
  criteria: Criterion[];
  indicators: RuleSetIndicatorRow[];
  /** Problems the sheet has (bad thresholds, duplicate codes…), located. */
  problems: LocatedProblem[];
}

export type ReadRuleSetResult = { ok: true; ruleSet: RuleSetSheetView } | { ok: false; problems: LocatedProblem[] };

/** "[S] Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6 …" → "S". */
export function sourceTagOf(source: string): SourceTag {
  const m = /^\s*\[([CSL])\]/i.exec(source);
  return m ? (m[1]!.toUpperCase() as SourceTag) : '';
}

export async function readRuleSet(workbook: Workbook, lang: Lang = 'vi'): Promise<ReadRuleSetResult> {
  return workbook.batch(async (session) => {
    const snapshot = await session.read([SHEETS.criteria]);
    const data = snapshot.sheets.get(SHEETS.criteria);
    if (!data) return { ok: false, problems: [locateProblem({ severity: 'error', code: 'missingSheet', params: { sheet: SHEETS.criteria } }, lang)] };
    const parsed = readCriteriaSheet(data);
    const problems = parsed.problems.map((p) => locateProblem(p, lang));
    if (parsed.headerRow === 0) return { ok: false, problems };
    const cell = (r: number, c: number): CellValue => data.rows[r - 1]?.[c - 1] ?? null;
    const indicators: RuleSetIndicatorRow[] = [];
    for (const row of parsed.rows) {
      const ind = row.indicator;
      if (!ind) continue;
      indicators.push({
        row: row.row,
        code: ind.code,
        criterion: ind.code.split('.')[0]!,
        text: ind.text,
        measure: ind.measure.kind,
        condition: ind.measure.kind === 'members' ? ind.measure.condition : '',
        threshold: ind.threshold,
        thresholdText: readText(cell(row.row, COL.threshold)),
        points: ind.points,
        appliesTo: ind.appliesTo,
        source: ind.source,
        sourceTag: sourceTagOf(ind.source),
      });
    }
    const rs = parsed.ruleSet;
    return { ok: true, ruleSet: { id: rs.id, name: rs.name, basis: rs.basis, mode: rs.mode, criteria: rs.criteria, indicators, problems } };
  });
}

/** One indicator's changes; fields left undefined are not written. */
export interface IndicatorEdit {
  row: number;
  /** The code the row held when read: a row that changed meanwhile is not written. */
  code: string;
  threshold?: number;
  condition?: string;
  /** '' = every unit. */
  appliesTo?: string;
  points?: number | null;
}

export type EditIssueKind = 'threshold' | 'condition' | 'appliesTo' | 'points' | 'rowMoved' | 'missingSheet';

export interface EditIssue {
  code: string;
  kind: EditIssueKind;
  /** Parser message for conditions. */
  detail?: string;
}

export type SaveRuleSetResult = { ok: true; written: number } | { ok: false; issues: EditIssue[] };

function conditionIssue(code: string, kind: 'condition' | 'appliesTo', src: string): EditIssue | null {
  try {
    parseCondition(src);
    return null;
  } catch (e) {
    return { code, kind, detail: e instanceof ConditionSyntaxError ? e.code : String(e) };
  }
}

/** What is wrong with an edit before anything is written (the pane shows it inline too). */
export function checkEdit(edit: IndicatorEdit): EditIssue[] {
  const issues: EditIssue[] = [];
  if (edit.threshold !== undefined && !(Number.isFinite(edit.threshold) && edit.threshold >= 0 && edit.threshold <= 1)) {
    issues.push({ code: edit.code, kind: 'threshold' });
  }
  if (edit.condition !== undefined) {
    const issue = edit.condition.trim() === '' ? { code: edit.code, kind: 'condition' as const } : conditionIssue(edit.code, 'condition', edit.condition);
    if (issue) issues.push(issue);
  }
  if (edit.appliesTo !== undefined && edit.appliesTo.trim() !== '' && foldKey(edit.appliesTo) !== foldKey(EVERY_UNIT)) {
    const issue = conditionIssue(edit.code, 'appliesTo', edit.appliesTo);
    if (issue) issues.push(issue);
  }
  if (edit.points !== undefined && edit.points !== null && !(Number.isFinite(edit.points) && edit.points >= 0)) {
    issues.push({ code: edit.code, kind: 'points' });
  }
  return issues;
}

export async function saveRuleSetEdits(workbook: Workbook, edits: IndicatorEdit[]): Promise<SaveRuleSetResult> {
  const issues = edits.flatMap(checkEdit);
  if (issues.length) return { ok: false, issues };
  if (edits.length === 0) return { ok: true, written: 0 };
  return workbook.batch(async (session) => {
    const snapshot = await session.read([SHEETS.criteria]);
    const data = snapshot.sheets.get(SHEETS.criteria);
    if (!data) return { ok: false, issues: [{ code: '', kind: 'missingSheet' }] };
    const moved = edits.filter((e) => readText(data.rows[e.row - 1]?.[COL.code - 1] ?? null) !== e.code);
    if (moved.length) return { ok: false, issues: moved.map((e) => ({ code: e.code, kind: 'rowMoved' as const })) };
    const cells: CellBlock[] = [];
    const styles: StyleRun[] = [];
    let written = 0;
    const put = (row: number, col: number, value: string | number | null) => {
      cells.push({ at: cellAddress(row, col), rows: [[value]] });
      written++;
    };
    for (const e of edits) {
      if (e.condition !== undefined) put(e.row, COL.condition, e.condition.trim());
      if (e.threshold !== undefined) {
        put(e.row, COL.threshold, e.threshold);
        // 87.5% must not show as 88% in the sheet.
        const whole = Math.abs(e.threshold * 100 - Math.round(e.threshold * 100)) < 1e-9;
        styles.push({ range: cellAddress(e.row, COL.threshold), style: { numberFormat: whole ? '0%' : '0.0%' } });
      }
      if (e.points !== undefined) put(e.row, COL.points, e.points);
      if (e.appliesTo !== undefined) put(e.row, COL.appliesTo, e.appliesTo.trim() === '' ? EVERY_UNIT : e.appliesTo.trim());
    }
    session.write({ sheet: SHEETS.criteria, mode: 'existing', cells, styles });
    return { ok: true, written };
  });
}
