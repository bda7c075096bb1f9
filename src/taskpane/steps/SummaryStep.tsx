/** "Tổng hợp": evaluate again and draw the summary sheet, then show it. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { evaluateWorkbook, type EvaluateResult } from '../../usecases/evaluate';
import { SHEETS } from '../../sheets/names';
import { BlockedBar, ErrorBar } from '../PaneMessages';
import { StepFrame, Working } from '../StepFrame';
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
      if (result.ok) await host.showCell(SHEETS.summary, SUMMARY_TOP);
      return result;
    });
  const [openError, setOpenError] = useState<unknown>(null);
  const open = async () => {
    setOpenError(null);
    try {
      await host.showCell(SHEETS.summary, SUMMARY_TOP);
    } catch (e) {
      setOpenError(e);
    }
  };
  const running = state.status === 'running';
  return (
    <StepFrame title={t('pane.summary.title')} intro={t('pane.summary.intro')}>
      <div>
        <Button appearance="primary" disabled={running} onClick={() => void generate()}>
          {t(state.status === 'done' ? 'pane.summary.regenerate' : 'pane.summary.generate')}
        </Button>
      </div>
      {running && <Working label={t('pane.summary.running')} />}
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={() => void generate()} />}
      {state.status === 'done' && !state.value.ok && <BlockedBar problems={state.value.problems} host={host} lang={lang} goTo={goTo} />}
      {state.status === 'done' && state.value.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.summary.doneTitle', { sheet: SHEETS.summary })}</MessageBarTitle>
            {t('pane.summary.done', { outcome: state.value.report.outcome.text })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void open()}>{t('pane.summary.open', { sheet: SHEETS.summary })}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {openError !== null && <ErrorBar error={openError} lang={lang} />}
    </StepFrame>
  );
}
