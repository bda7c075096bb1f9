/**
 * The action of the steps that evaluate ("Dữ liệu", "Đánh giá", "Tổng hợp"): the button (run,
 * then run again), the spinner, an error with a retry, and what blocks the evaluation. Each
 * step shows its own result under it.
 */
import { Button } from '@fluentui/react-components';
import type { Lang, MessageKey } from '../i18n';
import { useMemo } from 'react';
import { rewordResult, type EvaluateResult } from '../usecases/evaluate';
import type { PaneHost } from './host';
import { BlockedBar, blockedText, ErrorBar, taskSaid } from './PaneMessages';
import { StatusRegion } from './StepFrame';
import type { TaskState } from './useTask';
import { useT } from './useT';

export function EvaluationAction(props: {
  state: TaskState<EvaluateResult>;
  onRun(): void;
  labels: { run: MessageKey; rerun: MessageKey; running: MessageKey };
  host: PaneHost;
  lang: Lang;
  goTo(stepId: string): void;
  /** Said to screen readers when the work is done (the result in one sentence); what stopped it is said whatever this is. */
  announce?: string;
}) {
  const { state, onRun, labels, host, lang, goTo } = props;
  const t = useT(lang);
  const running = state.status === 'running';
  const said = taskSaid(state, lang, (value) => (value.ok ? props.announce : blockedText(rewordResult(value, lang).problems, lang)));
  return (
    <>
      <div>
        {/* disabledFocusable: the focus stays on the button while the work runs (a disabled one loses it). */}
        <Button appearance="primary" disabledFocusable={running} onClick={onRun}>
          {t(state.status === 'done' ? labels.rerun : labels.run)}
        </Button>
      </div>
      <StatusRegion busy={running ? t(labels.running) : null} said={said} />
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={onRun} />}
      {state.status === 'done' && !state.value.ok && <BlockedBar problems={rewordResult(state.value, lang).problems} host={host} lang={lang} goTo={goTo} />}
    </>
  );
}

/** The finished result in the language shown now: switching language re-words it, nothing runs again. */
export function useWorded(state: TaskState<EvaluateResult>, lang: Lang): EvaluateResult | null {
  return useMemo(() => (state.status === 'done' ? rewordResult(state.value, lang) : null), [state, lang]);
}

