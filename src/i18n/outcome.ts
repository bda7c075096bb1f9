/** An evaluation's outcome in words: the pane, the CLI, the sheets, the documents and consolidation word it alike. */
import type { Evaluation } from '../domain/evaluation';
import { t, type Lang } from './index';

export interface OutcomeText {
  status: string;
  text: string;
  score: number | null;
  rating: string | null;
}

export function outcomeText(ev: Evaluation, lang: Lang): OutcomeText {
  const o = ev.outcome;
  if (o.kind === 'pass-fail') {
    const text = o.status === 'recognised' ? t(lang, 'outcome.recognised', { recognition: o.recognition }) : t(lang, `outcome.${o.status}`);
    return { status: o.status, text, score: null, rating: null };
  }
  if (o.status === 'not_evaluable') return { status: o.status, text: t(lang, o.unscored ? 'outcome.unscored' : 'outcome.not_evaluable'), score: null, rating: null };
  return { status: o.status, text: t(lang, 'outcome.score', { score: o.score ?? '', rating: o.rating ?? '' }), score: o.score, rating: o.rating };
}
