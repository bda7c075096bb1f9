/** "Tổng hợp": evaluate again and draw the summary sheet, then show it. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { evaluateWorkbook, SUMMARY_SHEET, type EvaluateResult } from '../../usecases/evaluate';
import { ErrorBar } from '../PaneMessages';
import { StepFrame } from '../StepFrame';
import { EvaluationAction, useWorded } from '../EvaluationAction';
import { useShowCell } from '../useShowCell';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

const SUMMARY_TOP = 'A1';

export function SummaryStep({ host, lang, goTo }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<EvaluateResult>();
  const generate = () =>
    run(async () => {
      const result = await evaluateWorkbook(host.workbook, { lang, summary: true });
      if (result.ok) await host.showCell(SUMMARY_SHEET, SUMMARY_TOP);
      return result;
    });
  const [showCell, openError] = useShowCell(host);
  const open = () => showCell(SUMMARY_SHEET, SUMMARY_TOP);
  const result = useWorded(state, lang);
  return (
    <StepFrame title={t('pane.summary.title')} intro={t('pane.summary.intro')}>
      <EvaluationAction
        state={state}
        onRun={() => void generate()}
        labels={{ run: 'pane.summary.generate', rerun: 'pane.summary.regenerate', running: 'pane.summary.running' }}
        {...(result?.ok ? { announce: t('pane.summary.done', { outcome: result.report.outcome.text }) } : {})}
        {...{ host, lang, goTo }}
      />
      {result?.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.summary.doneTitle', { sheet: SUMMARY_SHEET })}</MessageBarTitle>
            {t('pane.summary.done', { outcome: result.report.outcome.text })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void open()}>{t('pane.summary.open', { sheet: SUMMARY_SHEET })}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {openError !== null && <ErrorBar error={openError} lang={lang} />}
    </StepFrame>
  );
}
