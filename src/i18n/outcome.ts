/** An evaluation's outcome in words: the pane, the CLI, the sheets, the documents and consolidation word it alike. */
import type { Evaluation, RequestHold, Status } from '../domain/evaluation';
import { formatDate, formatMeasured, formatNumber, formatThreshold } from './format';
import { t, type Lang } from './index';
import { sayWords, type Words } from './words';

export interface OutcomeText {
  status: string;
  /** Only on a recognition met by the indicators that the unit may not ask for this year ('recognised' stays its status). */
  hold?: HoldCode;
  text: string;
  score: number | null;
  rating: string | null;
}

/** The warning codes (domain/problems.ts) that say the same hold at the unit's cell. */
export type HoldCode = 'level2TooSoon' | 'level2NoPrevious';

export function holdCode(hold: RequestHold): HoldCode {
  return hold.kind === 'tooSoon' ? 'level2TooSoon' : 'level2NoPrevious';
}

/**
 * A held recognition in words: the indicators met, why it cannot be asked for this year, from when it
 * can and what to do. `recognition` as given (the sheet's formula passes a marker for its cell).
 */
export function heldText(hold: RequestHold, recognition: string, lang: Lang): string {
  return sayWords(lang, heldWords(hold, recognition));
}

/** heldText as words, for a message worded again in another language (documents' refusal). */
export function heldWords(hold: RequestHold, recognition: string): Words {
  return hold.kind === 'tooSoon'
    ? { key: 'outcome.level2TooSoon', params: { recognition, date: formatDate(hold.previous), due: formatDate(hold.due), deadline: formatDate(hold.deadline), until: formatDate(hold.until) } }
    : { key: 'outcome.level2NoPrevious', params: { recognition, field: hold.field, where: hold.where } };
}

export function outcomeText(ev: Evaluation, lang: Lang): OutcomeText {
  const o = ev.outcome;
  if (o.kind === 'pass-fail') {
    if (o.status === 'recognised' && o.hold) return { status: o.status, hold: holdCode(o.hold), text: heldText(o.hold, o.recognition, lang), score: null, rating: null };
    const text = o.status === 'recognised' ? t(lang, 'outcome.recognised', { recognition: o.recognition }) : t(lang, `outcome.${o.status}`);
    return { status: o.status, text, score: null, rating: null };
  }
  if (o.status === 'not_evaluable') return { status: o.status, text: t(lang, o.unscored ? 'outcome.unscored' : 'outcome.not_evaluable'), score: null, rating: null };
  return { status: o.status, text: t(lang, 'outcome.score', { score: o.score === null ? '' : formatNumber(o.score, lang, 2), rating: o.rating ?? '' }), score: o.score, rating: o.rating };
}

/** What an indicator's miss is worded from (an engine's result, a consolidated unit's figure). */
export interface IndicatorFigures {
  code: string;
  status: Status;
  measure: 'members' | 'learners' | 'unit';
  value: number | null;
  required: number | null;
}

/**
 * The indicators not met or that cannot be evaluated, each with its figure ("2.4: 46,3% < 50%"):
 * what the unit has to mend, in the officer's table and the unit's own evaluation alike.
 */
export function unmetIndicators(indicators: readonly IndicatorFigures[], lang: Lang): string[] {
  return indicators
    .filter((i) => i.status === 'not_met' || i.status === 'not_evaluable')
    .map((i) =>
      i.status === 'not_met' && i.measure !== 'unit' && i.value !== null && i.required !== null
        ? t(lang, 'consolidate.unmet.share', { code: i.code, value: formatMeasured({ value: i.value, required: i.required, status: i.status }, lang), required: formatThreshold(i.required, lang) })
        : t(lang, 'consolidate.unmet.status', { code: i.code, status: t(lang, `status.${i.status}`) }),
    );
}

/**
 * The same, as the clerk reads it after evaluating (CLI, pane, the documents' message): those not
 * met with their figures, then the ones not evaluable named together, once.
 */
export function groupedUnmet(indicators: readonly IndicatorFigures[], lang: Lang): string[] {
  return [...unmetIndicators(indicators.filter((i) => i.status === 'not_met'), lang), ...notEvaluableCodes(indicators, lang)];
}

/** The indicators not evaluable, named together (“chưa đánh giá được: 1.1, 3.3”); none, an empty list. */
export function notEvaluableCodes(indicators: readonly IndicatorFigures[], lang: Lang): string[] {
  const codes = indicators.filter((i) => i.status === 'not_evaluable').map((i) => i.code);
  return codes.length ? [t(lang, 'outcome.notEvaluableCodes', { codes: codes.join(', ') })] : [];
}
