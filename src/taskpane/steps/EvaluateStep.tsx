/** "Đánh giá": run the evaluation (writes the results into the sheets) and show them. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { evaluateWorkbook, type EvaluateResult } from '../../usecases/evaluate';
import { currentFingerprint, FINGERPRINT_SHEETS } from '../../usecases/dataFingerprint';
import { editTouches } from '../host';
import { quietCheck } from '../quietCheck';
import { ProblemList } from '../ProblemList';
import { ResultList } from '../ResultList';
import { StepFrame } from '../StepFrame';
import { EvaluationAction, useWorded } from '../EvaluationAction';
import { formatNumber } from '../../i18n/format';
import { groupedUnmet } from '../../i18n/outcome';
import { useTask } from '../useTask';
import { useT, type Translate } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';

type Report = Extract<EvaluateResult, { ok: true }>['report'];

export function EvaluateStep({ host, lang, goTo, active = true }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<EvaluateResult>();
  // The summary sheet is the "Tổng hợp" step's job.
  const evaluate = () => run(() => evaluateWorkbook(host.workbook, { lang, summary: false }));
  const result = useWorded(state, lang);
  const stale = useStale(host, result?.ok ? result.report.fingerprint : null, active);
  // The points to review are listed here, under the results: the "Dữ liệu" step lists none until it checks again.
  const warningsHeading = useRef<HTMLHeadingElement>(null);
  const showWarnings = () => {
    warningsHeading.current?.scrollIntoView?.({ block: 'start' });
    warningsHeading.current?.focus();
  };
  return (
    <StepFrame title={t('pane.evaluate.title')} intro={t('pane.evaluate.intro')}>
      <EvaluationAction
        state={state}
        onRun={() => void evaluate()}
        labels={{ run: 'pane.evaluate.run', rerun: 'pane.evaluate.rerun', running: 'pane.evaluate.running' }}
        {...(result?.ok ? { announce: announcement(result, t, lang) } : {})}
        {...{ host, lang, goTo }}
      />
      {result?.ok && (
        <>
          {stale && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('pane.evaluate.dataChanged')}</MessageBarBody>
            </MessageBar>
          )}
          <OutcomeBar report={result.report} lang={lang} goTo={goTo} onShowWarnings={showWarnings} />
          <ResultList report={result.report} lang={lang} />
          {result.problems.length > 0 && (
            <>
              <h3 ref={warningsHeading} tabIndex={-1}>
                {t('pane.evaluate.warningsTitle', { count: result.problems.length })}
              </h3>
              <ProblemList problems={result.problems} host={host} lang={lang} />
            </>
          )}
        </>
      )}
    </StepFrame>
  );
}

/** How long the edits must stop before the out-of-date hint reads the data again (a clerk typing cell after cell). */
export const STALE_QUIET_MS = 500;

/**
 * Whether the data the evaluation read has changed since (edits the host tells of: the preview's
 * grid, Excel's change events), compared by fingerprint: an edit undone makes the results current
 * again. Worked out once the edits stop (quietCheck): at thousands of members the fingerprint takes
 * a noticeable time, which an edit must not wait on. The pane's own writes (its "Dữ liệu" form) are
 * told by no host, so the step checks again whenever it is shown.
 */
function useStale(host: StepProps['host'], evaluated: string | null, active: boolean): boolean {
  /** The evaluation's fingerprint, when the data no longer has it. */
  const [staleFor, setStaleFor] = useState<string | null>(null);
  /** The evaluation the effect last ran for: the same one again means the step was shown again. */
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (evaluated === null || (!host.edits && !active)) return;
    const checks = quietCheck(
      STALE_QUIET_MS,
      (current) => currentFingerprint(host.workbook, current),
      // Null: no longer a unit's workbook, so changed too (evaluating again says why); undefined: superseded.
      (now) => now !== undefined && setStaleFor(now === evaluated ? null : evaluated),
    );
    // Shown again after the evaluation: what changed meanwhile, whoever wrote it.
    if (active && seen.current === evaluated) checks.ask(0);
    seen.current = evaluated;
    // Only an edit of a sheet the evaluation reads may change its fingerprint.
    const off = host.edits?.subscribe((notice) => editTouches(notice, FINGERPRINT_SHEETS) && checks.ask());
    return () => {
      checks.cancel();
      off?.();
    };
  }, [host, evaluated, active]);
  return evaluated !== null && staleFor === evaluated;
}

function OutcomeBar({ report, lang, goTo, onShowWarnings }: { report: Report; lang: StepProps['lang']; goTo: StepProps['goTo']; onShowWarnings(): void }) {
  const t = useT(lang);
  const o = report.outcome;
  const good = o.status === 'recognised' || o.status === 'rated';
  const warnings = report.warnings.length;
  // Met but held (level 2 asked too soon): no success, and no request letter to draw yet.
  const next = o.hold ? 'pane.evaluate.nextHeld' : good ? 'pane.evaluate.nextGood' : 'pane.evaluate.nextFix';
  return (
    <MessageBar intent={good && !o.hold ? 'success' : good || o.status === 'not_evaluable' ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.evaluate.outcomeTitle')}</MessageBarTitle>
        <span data-testid="outcome">{outcomeLine(report, t, lang)}</span> {t('pane.evaluate.counted', { members: report.countedMembers, ruleSet: report.ruleSet.name })}{' '}
        {warnings > 0 && t('pane.evaluate.warnings', { count: warnings })} <span data-testid="next-step">{t(next)}</span>
      </MessageBarBody>
      <MessageBarActions>
        {good ? (
          <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.summary)}>
            {t('pane.evaluate.goSummary')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.data)}>
            {t('pane.evaluate.goData')}
          </Button>
        )}
        {warnings > 0 && <Button onClick={onShowWarnings}>{t('pane.evaluate.seeWarnings')}</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}

/** How many indicators missed the announcement names; the rest are counted (the list is on screen). */
const ANNOUNCED_UNMET = 3;

/** The outcome said to screen readers, with the first indicators missed and their figures, as the CLI says them. */
function announcement(result: Extract<EvaluateResult, { ok: true }>, t: Translate, lang: StepProps['lang']): string {
  const outcome = outcomeLine(result.report, t, lang);
  const unmet = groupedUnmet(result.evaluation.indicators, lang);
  if (!unmet.length) return t('pane.evaluate.announce', { outcome });
  const first = unmet.slice(0, ANNOUNCED_UNMET).join('; ');
  const list = unmet.length > ANNOUNCED_UNMET ? t('pane.evaluate.unmetMore', { list: first, count: unmet.length - ANNOUNCED_UNMET }) : first;
  return t('pane.evaluate.announceUnmet', { outcome, list });
}

/** The outcome as the pane says it: scores get the pane's decimal comma (the use-case's text is for the sheet). */
function outcomeLine(report: Report, t: Translate, lang: StepProps['lang']): string {
  const o = report.outcome;
  return o.score !== null && o.rating !== null ? t('pane.evaluate.score', { score: formatNumber(o.score, lang), rating: o.rating }) : o.text;
}
