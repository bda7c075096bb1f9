/**
 * How a unit's rule set differs from a reference (the consolidating body's, or the preset
 * the unit's workbook names): indicators deleted, added or edited. Works on a small shape
 * that crosses worker boundaries, so a consolidation keeps no workbook.
 */
import { cleanText, lowerVi } from '../text';
import { hash64 } from '../hash';
import { criterionOf, type Indicator, type Mode, type RuleSet } from './ruleSet';

export interface ComparableIndicator {
  code: string;
  measure: Indicator['measure']['kind'];
  threshold: number | null;
  points: number | null;
  /** The members condition ('' for other measures). */
  condition: string;
  appliesTo: string;
}

export interface ComparableRuleSet {
  name: string;
  mode: Mode;
  indicators: ComparableIndicator[];
}

export type RuleSetChange =
  | { kind: 'mode' }
  | { kind: 'missing'; code: string }
  | { kind: 'extra'; code: string }
  | { kind: 'measure'; code: string }
  | { kind: 'threshold'; code: string; unit: number; reference: number }
  | { kind: 'condition'; code: string }
  | { kind: 'appliesTo'; code: string }
  | { kind: 'points'; code: string; unit: number | null; reference: number | null };

// A function of the module, not a closure per call: consolidation compares each file's rule set,
// and a closure's compiled code is dropped by a full collection (src/domain/arrays.ts).
const comparableIndicator = (i: Indicator): ComparableRuleSet['indicators'][number] => ({
  code: i.code,
  measure: i.measure.kind,
  threshold: i.threshold,
  points: i.points,
  condition: i.measure.kind === 'members' ? i.measure.condition : '',
  appliesTo: i.appliesTo,
});

export function comparable(rs: RuleSet): ComparableRuleSet {
  return { name: rs.name, mode: rs.mode, indicators: rs.indicators.map(comparableIndicator) };
}

/** Spacing, case and Unicode form are not edits. */
const textKey = (s: string) => lowerVi(cleanText(s)).replace(/\s+/g, '');
export const sameText = (a: string, b: string) => textKey(a) === textKey(b);
export const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);

/**
 * In the reference's order, then the unit's extra indicators. Another mode is the one change: its
 * indicators are other indicators under the same codes (indicatorIdentity), not edits of these.
 */
export function ruleSetChanges(unit: ComparableRuleSet, reference: ComparableRuleSet): RuleSetChange[] {
  if (unit.mode !== reference.mode) return [{ kind: 'mode' }];
  const changes: RuleSetChange[] = [];
  const own = new Map(unit.indicators.map((i) => [i.code, i]));
  for (const ref of reference.indicators) {
    const mine = own.get(ref.code);
    const code = ref.code;
    if (!mine) {
      changes.push({ kind: 'missing', code });
      continue;
    }
    if (mine.measure !== ref.measure) {
      changes.push({ kind: 'measure', code });
      continue;
    }
    if (ref.threshold !== null && mine.threshold !== null && !sameNumber(ref.threshold, mine.threshold)) changes.push({ kind: 'threshold', code, unit: mine.threshold, reference: ref.threshold });
    if (!sameText(mine.condition, ref.condition)) changes.push({ kind: 'condition', code });
    if (!sameText(mine.appliesTo, ref.appliesTo)) changes.push({ kind: 'appliesTo', code });
    if (unit.mode === 'score' && reference.mode === 'score' && !sameNumber(mine.points, ref.points)) changes.push({ kind: 'points', code, unit: mine.points, reference: ref.points });
  }
  const referenceCodes = new Set(reference.indicators.map((i) => i.code));
  for (const i of unit.indicators) if (!referenceCodes.has(i.code)) changes.push({ kind: 'extra', code: i.code });
  return changes;
}

/**
 * What an indicator is, beyond its code: two rule sets' indicators are the same indicator only
 * when this agrees (TT22's 2.1 is a self-study plan, TT24's labour discipline). What is measured
 * decides — the mode, the members' condition, a unit fact's wording — never the requirement, so
 * level 2's higher share of the same members is the same indicator.
 */
export function indicatorIdentity(mode: Mode, i: Pick<Indicator, 'code' | 'text' | 'measure'>): string {
  const what = i.measure.kind === 'members' ? i.measure.condition : i.measure.kind === 'unit' ? i.text : '';
  return `${mode}|${i.code}|${i.measure.kind}|${textKey(what)}`;
}

/**
 * What a criterion is, beyond its code: the same criterion only when it gathers the same
 * indicators (indicatorIdentity), so TT22's criterion 1 is not TT24's, nor cấp tỉnh's TC3 cấp
 * huyện's; a threshold raised is the same criterion asking more, as for its indicators.
 */
export function criterionIdentity(
  mode: Mode,
  code: string,
  indicators: readonly Pick<Indicator, 'code' | 'text' | 'measure'>[],
  /** Its indicators' identities, where the caller has them already (a reading thread, per file). */
  identityOf: (i: Pick<Indicator, 'code' | 'text' | 'measure'>) => string = (i) => indicatorIdentity(mode, i),
): string {
  const own = indicators.filter((i) => criterionOf(i.code) === code).map(identityOf);
  // Hashed: the indicators' texts are long, and this crosses threads once per criterion and unit.
  return `${mode}|${code}|${hash64(own.sort().join('\n'))}`;
}
