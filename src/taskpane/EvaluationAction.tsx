/**
 * The action of the steps that evaluate ("Dữ liệu", "Đánh giá", "Tổng hợp"): the button (run,
 * then run again), the spinner, an error with a retry, and what blocks the evaluation. Each
 * step shows its own result under it.
 */
import { Button, makeStyles, Spinner } from '@fluentui/react-components';
import type { Lang, MessageKey } from '../i18n';
import { useMemo } from 'react';
import { rewordResult, type EvaluateResult } from '../usecases/evaluate';
import type { PaneHost } from './host';
import { BlockedBar, ErrorBar, errorText } from './PaneMessages';
import type { TaskState } from './useTask';
import { useT, type Translate } from './useT';
import type { PaneProblem } from './ProblemList';

const useStyles = makeStyles({
  // Read by screen readers, not shown: the result is on screen below.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

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
  const s = useStyles();
  const { state, onRun, labels, host, lang, goTo } = props;
  const t = useT(lang);
  const running = state.status === 'running';
  const said = state.status === 'error' ? `${t('pane.error.title')}. ${errorText(state.error, lang)}` : state.status === 'done' && !state.value.ok ? blockedText(rewordResult(state.value, lang).problems, t) : state.status === 'done' ? props.announce : undefined;
  return (
    <>
      <div>
        {/* disabledFocusable: the focus stays on the button while the work runs (a disabled one loses it). */}
        <Button appearance="primary" disabledFocusable={running} onClick={onRun}>
          {t(state.status === 'done' ? labels.rerun : labels.run)}
        </Button>
      </div>
      {/* Present before the result, so screen readers announce what arrives in it. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {running && <Spinner size="small" label={t(labels.running)} labelPosition="after" />}
        {said && (
          <span className={s.hidden} data-testid="announce">
            {said}
          </span>
        )}
      </div>
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={onRun} />}
      {state.status === 'done' && !state.value.ok && <BlockedBar problems={rewordResult(state.value, lang).problems} host={host} lang={lang} goTo={goTo} />}
    </>
  );
}

/** The finished result in the language shown now: switching language re-words it, nothing runs again. */
export function useWorded(state: TaskState<EvaluateResult>, lang: Lang): EvaluateResult | null {
  return useMemo(() => (state.status === 'done' ? rewordResult(state.value, lang) : null), [state, lang]);
}

/** What stopped the evaluation, in one announcement: the bars that show it are not live regions; the first error names its cell. */
function blockedText(problems: (PaneProblem & { code: string })[], t: Translate): string {
  const missing = problems.filter((p) => p.code === 'missingSheet');
  if (missing.length) return `${t('pane.blocked.missingSheetsTitle')}. ${missing.map((p) => p.message).join(' ')} ${t('pane.blocked.missingSheetsHint')}`;
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? problems[0];
  return t('pane.blocked.announce', { count: errors.length, first: first?.message ?? '' });
}
