/**
 * The rules a unit's results are recomputed under (readUnit.ts): the body's reference when it
 * is of the unit's level and the unit names no other preset, else the preset its workbook names
 * (or was handed out as); none for a rule set of its own. A body's variant of a preset (handed
 * out from it, thresholds edited) rules the units that kept that preset too. A unit's edits of
 * "Tiêu chí" are flagged (aggregate.ts), never what its results are worked out by.
 */
import type { RuleSet } from '../../domain/rules/ruleSet';
import { findPreset } from '../../domain/rules/presets';
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
