/**
 * The button of an action whose result is a new file to download (preview only), with its
 * spinner and error; where files cannot be offered (inside Excel) the reason instead.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { ErrorBar } from './PaneMessages';
import { Working } from './StepFrame';
import type { TaskState } from './useTask';

export function DownloadAction({ available, label, unavailable, state, start, lang, primary = false }: { available: boolean; label: string; unavailable: string; state: TaskState<unknown>; start: () => void; lang: Lang; primary?: boolean }) {
  if (!available) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{unavailable}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <div>
        <Button appearance={primary ? 'primary' : 'secondary'} disabled={state.status === 'running'} onClick={start}>
          {label}
        </Button>
      </div>
      {state.status === 'running' && <Working label={label} />}
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={start} />}
    </>
  );
}
