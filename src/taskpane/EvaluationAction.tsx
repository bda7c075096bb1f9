/**
 * The action of the steps that evaluate ("Dữ liệu", "Đánh giá", "Tổng hợp"): the button (run,
 * then run again), the spinner, an error with a retry, and what blocks the evaluation. Each
 * step shows its own result under it.
 */
import { Button } from '@fluentui/react-components';
import type { Lang, MessageKey } from '../i18n';
import type { EvaluateResult } from '../usecases/evaluate';
import type { PaneHost } from './host';
import { BlockedBar, ErrorBar } from './PaneMessages';
import { Working } from './StepFrame';
import type { TaskState } from './useTask';
import { useT } from './useT';

export function EvaluationAction(props: {
  state: TaskState<EvaluateResult>;
  onRun(): void;
  labels: { run: MessageKey; rerun: MessageKey; running: MessageKey };
  host: PaneHost;
  lang: Lang;
  goTo(stepId: string): void;
}) {
  const { state, onRun, labels, host, lang, goTo } = props;
  const t = useT(lang);
  const running = state.status === 'running';
  return (
    <>
      <div>
        <Button appearance="primary" disabled={running} onClick={onRun}>
          {t(state.status === 'done' ? labels.rerun : labels.run)}
        </Button>
      </div>
      {running && <Working label={t(labels.running)} />}
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={onRun} />}
      {state.status === 'done' && !state.value.ok && <BlockedBar problems={state.value.problems} host={host} lang={lang} goTo={goTo} />}
    </>
  );
}
