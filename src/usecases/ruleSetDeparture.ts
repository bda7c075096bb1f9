/**
 * How a unit's rule set departs from the one it is held to: the consolidating body's reference
 * (of the unit's level), else the preset its workbook names, else the rule set handed out to it.
 * Consolidation flags it (consolidate/aggregate.ts); evaluation tells the unit first, change by
 * change at its cell, so a dossier does not claim “Đủ điều kiện” under a laxer rule of its own.
 */
import type { Evaluation, EvaluationInput, IndicatorResult } from '../domain/evaluation';
import { asksMore, comparable, ruleSetChanges, type ComparableRuleSet, type RuleSetChange } from '../domain/rules/compare';
import { findPreset } from '../domain/rules/presets';
import { ruleSetBasis } from '../domain/rules/request';
import type { RuleSet } from '../domain/rules/ruleSet';
import { problem, type Location, type Problem } from '../domain/problems';
import { COL } from '../sheets/criteriaSheet';
import type { UnitWorkbook } from '../sheets/unitWorkbook';
import { ruleSetChangeParams } from '../i18n/ruleSetChanges';
import { handedOutEdited, handedOutPreset } from './handout';
import { referenceEvaluation } from './consolidate/reference';

export interface RuleSetDeparture {
  against: 'body' | 'preset' | 'handout';
  /** null: a rule set handed out from the body's own edits, its seal broken: what it ruled is not known here. */
  reference: RuleSet | null;
  changes: RuleSetChange[];
  /**
   * Only changes asking more (compare.ts asksMore: a requirement raised, a condition's figure moved
   * the stricter way): the unit is recomputed under the reference and not kept out. A body's own
   * variant handed out, its seal broken, is held to its seal: never so.
   */
  stricterOnly: boolean;
}

/** `shapeOf`: the reference's comparable form (consolidation works each out once). Null: nothing departs, or nothing to compare with. */
export function ruleSetDeparture(
  unit: ComparableRuleSet & { id: string; level: number | null },
  body: RuleSet | null = null,
  shapeOf: (rs: RuleSet) => ComparableRuleSet = comparable,
): RuleSetDeparture | null {
  // The body's reference holds its own level's thresholds: a unit of another level is held to the preset its workbook names.
  const otherLevel = body != null && body.level != null && unit.level != null && body.level !== unit.level;
  const byBody = body != null && !otherLevel;
  const reference = byBody ? body : findPreset(unit.id);
  if (reference) {
    const changes = ruleSetChanges(unit, shapeOf(reference));
    return changes.length ? { against: byBody ? 'body' : 'preset', reference, changes, stricterOnly: changes.every(asksMore) } : null;
  }
  // A rule set handed out carries its own seal (handout.ts); a preset handed out as it is names its edits.
  if (handedOutEdited(unit) !== true) return null;
  const preset = handedOutPreset(unit.id);
  if (!preset) return { against: 'handout', reference: null, changes: [], stricterOnly: false };
  const changes = ruleSetChanges(unit, shapeOf(preset));
  // The seal is broken by any rewording (sĩ for sỹ): what the comparison does not call an edit is none.
  if (!changes.length) return null;
  // A preset handed out as it is, is that preset: asking only more than it is said as against the preset (the law it cites).
  if (changes.every(asksMore)) return { against: 'preset', reference: preset, changes, stricterOnly: true };
  return { against: 'handout', reference: preset, changes, stricterOnly: false };
}

/** The column of "Tiêu chí" each change of an indicator still on the sheet is typed in. */
const CHANGE_COLUMN = { extra: COL.code, measure: COL.measure, threshold: COL.threshold, condition: COL.condition, appliesTo: COL.appliesTo, points: COL.points } as const;

/** Where a change is typed on "Tiêu chí": its indicator's cell, else the cell naming the reference. */
function changeAt(c: RuleSetChange, wb: UnitWorkbook): Location | undefined {
  const criteria = wb.criteria;
  if (c.kind === 'mode') return criteria.modeAt ?? criteria.idAt;
  if (c.kind === 'missing') return criteria.idAt;
  const row = criteria.rows.find((r) => r.indicator && r.code === c.code)?.row;
  return row === undefined ? criteria.idAt : { sheet: 'criteria', row, col: CHANGE_COLUMN[c.kind] };
}

/** An indicator's result under the reference, as the problem's params carry it (numbers and codes only). */
function underReference(i: IndicatorResult): Problem['params'] {
  return { referenceStatus: i.status, referenceMeasure: i.measure, ...(i.value !== null ? { referenceValue: i.value } : {}), ...(i.required !== null ? { referenceRequired: i.required } : {}) };
}

/**
 * Evaluation's warnings for the unit's rule set against the preset its workbook names or the
 * rule set handed out: each change consolidation would flag, at its cell, with the indicator's
 * result under the reference where the change makes it pass; a requirement the unit raised only
 * where the reference's lower one passes an indicator its own fails. `own`: the unit's evaluation.
 */
export function ruleSetProblems(wb: UnitWorkbook, input: EvaluationInput, own: Evaluation): Problem[] {
  const rs = wb.criteria.ruleSet;
  const d = ruleSetDeparture({ ...comparable(rs), id: rs.id, level: rs.level ?? null });
  if (!d) return [];
  const against = d.against === 'handout' ? 'handout' : 'preset';
  const named = { against, name: d.reference?.name ?? rs.name, id: rs.id };
  if (!d.reference || !d.changes.length) return [problem('warning', 'ruleSetHandoutEdited', named, wb.criteria.idAt)];
  // The legal text the reference rests on, by number, date and article (as the tier warnings cite it).
  const basis = ruleSetBasis(d.reference);
  const params = { ...named, basis, ruleSet: rs.name };
  const under = referenceEvaluation(input, null)?.ev;
  const found: Problem[] = [];
  for (const c of d.changes) {
    const code = c.kind === 'mode' ? null : c.code;
    const mine = code === null ? undefined : own.indicators.find((i) => i.code === code);
    const theirs = code === null ? undefined : under?.indicators.find((i) => i.code === code);
    const at = changeAt(c, wb);
    if (d.stricterOnly) {
      // Asking more of itself needs no mending: said only where the reference would pass what the unit fails.
      if (mine?.status === 'not_met' && theirs?.status === 'met') found.push(problem('warning', 'ruleSetStricter', { ...params, ...ruleSetChangeParams(c), ...underReference(theirs) }, at));
      continue;
    }
    const passesOnlyHere = theirs?.status === 'not_met' && mine?.status !== 'not_met';
    found.push(problem('warning', 'ruleSetEdited', { ...params, ...ruleSetChangeParams(c), ...(passesOnlyHere ? underReference(theirs) : {}) }, at));
  }
  return found;
}
