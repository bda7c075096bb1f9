/** A change of a unit's rule set from a reference, in words: consolidation's flags and the handout's warnings say it alike. */
import type { RuleSetChange } from '../domain/rules/compare';
import { formatThreshold } from './format';
import { t, type Lang, type MessageKey } from './index';

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
      return t(lang, 'consolidate.flag.ruleSetCondition', { code: c.code });
    case 'appliesTo':
      return t(lang, 'consolidate.flag.ruleSetAppliesTo', { code: c.code });
    case 'points':
      return t(lang, 'consolidate.flag.ruleSetPoints', { code: c.code, unit: c.unit ?? '—', body: c.reference ?? '—' });
  }
}
