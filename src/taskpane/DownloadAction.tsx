/**
 * The button of an action whose result is a new workbook (downloaded in the preview, opened
 * inside Excel), with its status region and error; where none can be made, the reason instead.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { ErrorBar, taskSaid } from './PaneMessages';
import { StatusRegion } from './StepFrame';
import type { TaskState } from './useTask';

export function DownloadAction({
  available,
  label,
  running,
  unavailable,
  state,
  start,
  lang,
  primary = false,
  announce,
}: {
  available: boolean;
  label: string;
  /** Said while the work runs. */
  running: string;
  unavailable: string;
  state: TaskState<unknown>;
  start: () => void;
  lang: Lang;
  primary?: boolean;
  /** Said to screen readers when the work is done (the step's bars say it on screen); an error is said whatever this is. */
  announce?: string;
}) {
  if (!available) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{unavailable}</MessageBarBody>
      </MessageBar>
    );
  }
  const busy = state.status === 'running';
  return (
    <>
      <div>
        {/* disabledFocusable: the focus stays on the button while the work runs (a disabled one loses it). */}
        <Button appearance={primary ? 'primary' : 'secondary'} disabledFocusable={busy} onClick={start}>
          {label}
        </Button>
      </div>
      <StatusRegion busy={busy ? running : null} said={taskSaid(state, lang, () => announce)} />
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={start} />}
    </>
  );
}
