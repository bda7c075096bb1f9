/** "Đánh giá": run the evaluation (writes the results into the sheets) and show them. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { evaluateWorkbook, type EvaluateResult } from '../../usecases/evaluate';
import { ResultList } from '../ResultList';
import { StepFrame } from '../StepFrame';
import { EvaluationAction } from '../EvaluationAction';
import { formatNumber } from '../../i18n/format';
import { useTask } from '../useTask';
import { useT } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';

type Report = Extract<EvaluateResult, { ok: true }>['report'];

export function EvaluateStep({ host, lang, goTo }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<EvaluateResult>();
  // The summary sheet is the "Tổng hợp" step's job.
  const evaluate = () => run(() => evaluateWorkbook(host.workbook, { lang, summary: false }));
  return (
    <StepFrame title={t('pane.evaluate.title')} intro={t('pane.evaluate.intro')}>
      <EvaluationAction state={state} onRun={() => void evaluate()} labels={{ run: 'pane.evaluate.run', rerun: 'pane.evaluate.rerun', running: 'pane.evaluate.running' }} {...{ host, lang, goTo }} />
      {state.status === 'done' && state.value.ok && (
        <>
          <OutcomeBar report={state.value.report} lang={lang} goTo={goTo} />
          <ResultList report={state.value.report} lang={lang} />
        </>
      )}
    </StepFrame>
  );
}

function OutcomeBar({ report, lang, goTo }: { report: Report; lang: StepProps['lang']; goTo: StepProps['goTo'] }) {
  const t = useT(lang);
  const o = report.outcome;
  const good = o.status === 'recognised' || o.status === 'rated';
  // Scores get the pane's decimal comma; the use-case's text is for the sheet.
  const text = o.score !== null && o.rating !== null ? t('pane.evaluate.score', { score: formatNumber(o.score, lang), rating: o.rating }) : o.text;
  const warnings = report.warnings.length;
  return (
    <MessageBar intent={good ? 'success' : o.status === 'not_evaluable' ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.evaluate.outcomeTitle')}</MessageBarTitle>
        <span data-testid="outcome">{text}</span> {t('pane.evaluate.counted', { members: report.countedMembers, ruleSet: report.ruleSet.name })}{' '}
        {warnings > 0 && t('pane.evaluate.warnings', { count: warnings })}
      </MessageBarBody>
      {warnings > 0 && (
        <MessageBarActions>
          <Button onClick={() => goTo(CORE_STEP_IDS.data)}>{t('pane.evaluate.seeWarnings')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
