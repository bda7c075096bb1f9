/** A change of a unit's rule set from a reference, in words: consolidation's flags, the handout's warnings and evaluation's warnings say it alike. */
import type { RuleSetChange } from '../domain/rules/compare';
import type { Problem } from '../domain/problems';
import type { RuleSet } from '../domain/rules/ruleSet';
import { ruleSetBasis } from '../domain/rules/request';
import { formatThreshold } from './format';
import { t, type Lang, type MessageKey } from './index';
import { unmetIndicators } from './outcome';

/** Whose threshold the unit's is set against, as a change's details word it. */
export const THRESHOLD_WORDS = { body: 'consolidate.flag.ruleSetThreshold', preset: 'consolidate.flag.presetThreshold', handout: 'handout.flagThreshold' } as const;

/** `thresholdKey`: whose threshold the unit's is set against (the body's, the preset's, the one handed out). */
export function ruleSetChangeText(c: RuleSetChange, thresholdKey: MessageKey, unitRuleSet: string, lang: Lang): string {
  switch (c.kind) {
    case 'mode':
      return t(lang, 'consolidate.flag.ruleSetMode', { unit: unitRuleSet });
    case 'missing':
      return t(lang, 'consolidate.flag.ruleSetMissing', { code: c.code });
    case 'extra':
      return t(lang, 'consolidate.flag.ruleSetExtra', { code: c.code });
    case 'measure':
      return t(lang, 'consolidate.flag.ruleSetMeasure', { code: c.code });
    case 'threshold':
      return t(lang, thresholdKey, { code: c.code, unit: formatThreshold(c.unit, lang), body: formatThreshold(c.reference, lang) });
    case 'condition':
      return t(lang, c.stricter ? 'consolidate.flag.ruleSetConditionStricter' : 'consolidate.flag.ruleSetCondition', { code: c.code });
    case 'appliesTo':
      return t(lang, 'consolidate.flag.ruleSetAppliesTo', { code: c.code });
    case 'points':
      return t(lang, 'consolidate.flag.ruleSetPoints', { code: c.code, unit: c.unit ?? '—', body: c.reference ?? '—' });
  }
}

/**
 * A change as a problem's params: codes and numbers only, so that the pane words the problem again
 * in another language (evaluate's rewordResult); ruleSetProblemWords turns them back into words.
 */
export function ruleSetChangeParams(c: RuleSetChange): Problem['params'] {
  const params: Problem['params'] = { change: c.kind, indicator: c.kind === 'mode' ? '' : c.code };
  if (c.kind === 'threshold' || c.kind === 'points') Object.assign(params, { unitFigure: c.unit ?? '', referenceFigure: c.reference ?? '' });
  if (c.kind === 'condition' && c.stricter) params.stricter = 1;
  return params;
}

const figure = (v: string | number | undefined): number | null => (typeof v === 'number' ? v : null);

function changeOfParams(p: Problem['params']): RuleSetChange {
  const code = String(p.indicator ?? '');
  const kind = p.change as RuleSetChange['kind'];
  if (kind === 'mode') return { kind };
  if (kind === 'threshold') return { kind, code, unit: figure(p.unitFigure) ?? 0, reference: figure(p.referenceFigure) ?? 0 };
  if (kind === 'points') return { kind, code, unit: figure(p.unitFigure), reference: figure(p.referenceFigure) };
  if (kind === 'condition' && p.stricter === 1) return { kind, code, stricter: true };
  return { kind, code } as RuleSetChange;
}

/** A preset as consolidation's remarks name it: its name and the legal text it rests on, as evaluation's warnings do. */
export function presetReference(rs: RuleSet, lang: Lang): string {
  return t(lang, 'ruleSet.reference.preset', { name: rs.name, basis: ruleSetBasis(rs) });
}

/** What evaluation's rule-set warnings (problem.ruleSet…) fill in: the change, the reference it departs from, the result under it. */
export function ruleSetProblemWords(p: Problem, lang: Lang): Record<string, string> {
  const params = p.params;
  const against = params.against === 'handout' ? 'handout' : 'preset';
  // Every preset rests on a legal text (ruleSetProblems cites it): the templates bracket it.
  const reference = t(lang, `ruleSet.reference.${against}`, { name: String(params.name ?? ''), id: String(params.id ?? ''), basis: String(params.basis ?? '') });
  const short = t(lang, `ruleSet.short.${against}`);
  if (p.code === 'ruleSetHandoutEdited') return { flag: t(lang, 'handout.flagEdited', { name: String(params.name ?? ''), id: String(params.id ?? '') }) };
  const c = changeOfParams(params);
  const edit = c.kind === 'missing' ? 'missing' : c.kind === 'extra' ? 'extra' : c.kind === 'threshold' ? (c.unit < c.reference ? 'lower' : 'higher') : c.kind === 'condition' && c.stricter ? 'stricter' : 'other';
  const status = params.referenceStatus === 'met' || params.referenceStatus === 'not_met' ? params.referenceStatus : null;
  const measure = params.referenceMeasure === 'unit' || params.referenceMeasure === 'learners' ? params.referenceMeasure : 'members';
  const shown = status === 'not_met' ? unmetIndicators([{ code: c.kind === 'mode' ? '' : c.code, status, measure, value: figure(params.referenceValue), required: figure(params.referenceRequired) }], lang)[0] : undefined;
  // A share is said with its figure; a unit's own answer ("1.3: Không đạt") says no more than the status.
  const figures = shown && measure !== 'unit' ? ` (${shown})` : '';
  return {
    change: ruleSetChangeText(c, THRESHOLD_WORDS[against], String(params.ruleSet ?? ''), lang),
    edit: t(lang, `ruleSet.edit.${edit}`, { reference }),
    short,
    underReference: status ? t(lang, 'ruleSet.underReference', { status: t(lang, `status.${status}`), figure: figures }) : '',
  };
}
