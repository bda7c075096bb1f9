/**
 * The rules a unit's results are recomputed under (readUnit.ts): the body's reference when it
 * is of the unit's level and the unit names no other preset, else the preset its workbook names
 * (or was handed out as); none for a rule set of its own. A body's variant of a preset (handed
 * out from it, thresholds edited) rules the units that kept that preset too. A unit's edits of
 * "Tiêu chí" are flagged (aggregate.ts), never what its results are worked out by.
 */
import type { RuleSet } from '../../domain/rules/ruleSet';
import { findPreset } from '../../domain/rules/presets';
import { evaluate, type Evaluation, type EvaluationInput } from '../../domain/evaluation';
import { handedOutPreset, unsealedId } from '../handout';

export function recomputeReference(unit: RuleSet, body: RuleSet | null | undefined): RuleSet | null {
  const named = findPreset(unit.id) ?? handedOutPreset(unit.id);
  const sameLevel = body != null && (body.level == null || unit.level == null || body.level === unit.level);
  // A unit on another preset (TT22, cấp tỉnh) is told so by its remark; its figures stay its preset's.
  if (sameLevel && body.mode === unit.mode && (!named || named.id === unsealedId(body.id))) return body;
  return named;
}

// Made once, not per file: a reading worker keeps their compiled code through a full collection (src/domain/arrays.ts).
const codeOf = (c: RuleSet['criteria'][number]) => c.code;
const ruledBy = (i: RuleSet['indicators'][number]) => [i.code, i.measure, i.threshold, i.points, i.appliesTo];

/** What evaluate reads of a rule set, as text: the same text rules the same (names, sources, wording aside). */
function rulesKey(rs: RuleSet): string {
  return JSON.stringify([rs.mode, rs.partialScoring, rs.bands, rs.failBand, rs.personalTarget, rs.criteria.map(codeOf), rs.indicators.map(ruledBy)]);
}

const referenceKeys = new WeakMap<RuleSet, string>();

/** Whether the unit's rule set rules what `reference` rules: then its own evaluation is the reference's. */
export function sameRules(unit: RuleSet, reference: RuleSet): boolean {
  if (unit === reference) return true;
  let key = referenceKeys.get(reference);
  if (key === undefined) referenceKeys.set(reference, (key = rulesKey(reference)));
  return rulesKey(unit) === key;
}

const conditionOf = (i: RuleSet['indicators'][number]) => (i.measure.kind === 'members' ? i.measure.condition : '');

/**
 * The unit's data (`input`, as evaluate reads its workbook) evaluated under the rules that apply
 * (recomputeReference), and those rules; null when they rule what the unit's own rule set rules
 * (most units), which its own evaluation then is. Consolidation recomputes by it (readUnit.ts);
 * evaluation tells the unit what its edits change (ruleSetDeparture.ts).
 */
export function referenceEvaluation(input: EvaluationInput, body: RuleSet | null | undefined): { ev: Evaluation; rules: RuleSet } | null {
  const own = input.ruleSet;
  const reference = recomputeReference(own, body);
  if (!reference || sameRules(own, reference)) return null;
  // A condition's problem is said at the unit's cell only where that cell holds the reference's text.
  const mine = new Map(own.indicators.map((i) => [i.code, i]));
  const theirs = new Map(reference.indicators.map((i) => [i.code, i]));
  const ruleCell: EvaluationInput['ruleCell'] = (code, part) => {
    const a = mine.get(code);
    const b = theirs.get(code);
    const same = a && b && (part === 'condition' ? conditionOf(a) === conditionOf(b) : a.appliesTo === b.appliesTo);
    return same ? input.ruleCell?.(code, part) : undefined;
  };
  return { ev: evaluate({ ...input, ruleSet: reference, ruleCell }), rules: reference };
}
