/**
 * How a unit's rule set differs from a reference (the consolidating body's, or the preset
 * the unit's workbook names): indicators deleted, added or edited. Works on a small shape
 * that crosses worker boundaries, so a consolidation keeps no workbook.
 */
import { columnKey, spellingKey, wordKey } from '../text';
import { hash64 } from '../hash';
import { criterionOf, type Indicator, type Mode, type RuleSet } from './ruleSet';
import { parseCondition, type Condition } from './condition';

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
  /** `stricter`: the same condition, only its figures moved the way that asks more (conditionAsksMore). */
  | { kind: 'condition'; code: string; stricter?: true }
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

/** Spacing, case, Unicode form and the orthography's free choices (sĩ/sỹ, hoà/hòa) are not edits. */
const textKey = (s: string) => spellingKey(wordKey(s)).replace(/\s+/g, '');
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
    const condition = sameText(mine.condition, ref.condition) ? 'same' : conditionChange(mine.condition, ref.condition);
    if (condition !== 'same') changes.push(condition === 'stricter' ? { kind: 'condition', code, stricter: true } : { kind: 'condition', code });
    if (!sameText(mine.appliesTo, ref.appliesTo)) changes.push({ kind: 'appliesTo', code });
    if (unit.mode === 'score' && reference.mode === 'score' && !sameNumber(mine.points, ref.points)) changes.push({ kind: 'points', code, unit: mine.points, reference: ref.points });
  }
  const referenceCodes = new Set(reference.indicators.map((i) => i.code));
  for (const i of unit.indicators) if (!referenceCodes.has(i.code)) changes.push({ kind: 'extra', code: i.code });
  return changes;
}

/**
 * A change that only asks more of the unit: a share's requirement raised (every threshold is a
 * “≥”), or a condition whose figures alone moved the stricter way. A unit asking more of itself
 * than its reference is a lawful local variant, said as such, not an edit to mend.
 */
export function asksMore(c: RuleSetChange): boolean {
  return (c.kind === 'threshold' && c.unit > c.reference) || (c.kind === 'condition' && c.stricter === true);
}

function parsed(text: string): Condition | null {
  try {
    return parseCondition(text);
  } catch {
    return null;
  }
}

/**
 * A members' condition against the reference's, its texts not alike: the same condition read
 * another way (keywords unaccented, parts spaced otherwise), the same asking more, or another.
 * Conditions join their atoms by “và”/“hoặc” only, never a negation: an atom narrowed narrows the whole.
 */
function conditionChange(unit: string, reference: string): 'same' | 'stricter' | 'other' {
  const a = parsed(unit);
  const b = parsed(reference);
  if (!a || !b) return 'other';
  let moved = false;
  const alike = (x: Condition, y: Condition): boolean => {
    if (x.kind === 'and' || x.kind === 'or') return x.kind === y.kind && x.items.length === (y as typeof x).items.length && x.items.every((item, i) => alike(item, (y as typeof x).items[i]!));
    if (x.kind !== y.kind || !sameColumn(x.column, (y as typeof x).column)) return false;
    if (x.kind === 'in') {
      const items = (y as typeof x).items;
      return x.items.length === items.length && x.items.every((item, i) => sameText(item, items[i]!));
    }
    if (x.kind !== 'compare') return true;
    const r = y as typeof x;
    if (x.op === r.op && sameNumber(x.value, r.value)) return true;
    const stricter = boundAsksMore(x, r);
    moved ||= stricter;
    return stricter;
  };
  return !alike(a, b) ? 'other' : moved ? 'stricter' : 'same';
}

/** A column as the engine finds it: one key for both. */
const sameColumn = (a: string, b: string) => columnKey(a) === columnKey(b);

type Comparison = Extract<Condition, { kind: 'compare' }>;

/**
 * A bound moved the stricter way: “≥ 80” to “≥ 85” or “> 80”; “≤ 5” to “≤ 3” or “< 5”. An “=”, or a
 * bound turned round (≥ to ≤), is another condition.
 */
function boundAsksMore(unit: Comparison, reference: Comparison): boolean {
  const lower = (op: Comparison['op']) => op === '>=' || op === '>';
  const upper = (op: Comparison['op']) => op === '<=' || op === '<';
  const strict = (op: Comparison['op']) => op === '>' || op === '<';
  if (lower(unit.op) && lower(reference.op)) return unit.value > reference.value || (sameNumber(unit.value, reference.value) && strict(unit.op) && !strict(reference.op));
  if (upper(unit.op) && upper(reference.op)) return unit.value < reference.value || (sameNumber(unit.value, reference.value) && strict(unit.op) && !strict(reference.op));
  return false;
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
