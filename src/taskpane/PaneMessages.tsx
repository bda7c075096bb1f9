/**
 * The two ways work can fail, each said with what to do next: an unexpected error thrown by
 * Excel or a use-case, and a use-case refusing because the workbook is not ready (missing
 * sheets send the clerk back to "Thiết lập").
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t as translate, type Lang } from '../i18n';
import type { WorkbookWarning } from '../workbook/port';
import { isWorkbookProtectedError, protectedText } from '../workbook/protection';
import { excelRefusedText, isExcelRefusedError } from '../workbook/excelRefusal';
import { workbookWarningText } from '../usecases/workbookWarnings';
import type { PaneHost } from './host';
import { ProblemList, type PaneProblem } from './ProblemList';
import { useT, type Translate } from './useT';
import { CORE_STEP_IDS } from './steps/registry';
import type { TaskState } from './useTask';

/** The open workbook as a sentence names it ("Sổ “truong.xlsx”"), or "Sổ đang mở" inside Excel, whose Office.js gives no name. */
export function openBookText(host: PaneHost, t: Translate): string {
  return host.kind === 'excel' ? t('workbook.protected.openBook') : t('workbook.protected.book', { file: host.workbook.label });
}

/** What went wrong, as the error bar says it (and a screen reader is told it). */
export function errorText(error: unknown, lang: Lang): string {
  // The user's protection and Excel's refusals (a cell being edited …) are no fault: said as they are, with what to do.
  if (isWorkbookProtectedError(error)) return protectedText(lang, error);
  if (isExcelRefusedError(error)) return excelRefusedText(lang, error);
  return translate(lang, 'pane.error.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

/** The error bar's title and text, said to screen readers. */
export function errorAnnouncement(error: unknown, lang: Lang): string {
  return `${translate(lang, 'pane.error.title')}. ${errorText(error, lang)}`;
}

/**
 * What a task's status region says once the task ends: its error as the error bar says it, or, done,
 * what `done` words of its value (nothing while it runs or before).
 */
export function taskSaid<T>(state: TaskState<T>, lang: Lang, done: (value: T) => string | undefined): string | undefined {
  return state.status === 'error' ? errorAnnouncement(state.error, lang) : state.status === 'done' ? done(state.value) : undefined;
}

export function ErrorBar(props: { error: unknown; lang: Lang; onRetry?: () => void }) {
  const t = useT(props.lang);
  const text = errorText(props.error, props.lang);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.error.title')}</MessageBarTitle>
        {text}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t('pane.error.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

type BlockingProblem = PaneProblem & { code: string };

/** A use-case said "not evaluable": missing sheets, or errors in the data to fix first. */
export function BlockedBar(props: { problems: BlockingProblem[]; host: PaneHost; lang: Lang; goTo(stepId: string): void }) {
  const t = useT(props.lang);
  const missing = props.problems.filter((p) => p.code === 'missingSheet');
  if (missing.length) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.blocked.missingSheetsTitle')}</MessageBarTitle>
          {missing.map((p) => p.message).join(' ')} {t('pane.blocked.missingSheetsHint')}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={() => props.goTo(CORE_STEP_IDS.setup)}>
            {t('pane.blocked.goToSetup')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.blocked.dataTitle')}</MessageBarTitle>
          {t('pane.blocked.dataHint')}
        </MessageBarBody>
      </MessageBar>
      <ProblemList problems={props.problems} host={props.host} lang={props.lang} />
    </>
  );
}

/** What the blocked bar says, in one announcement (it is no live region); the first error names its cell. */
export function blockedText(problems: BlockingProblem[], lang: Lang): string {
  const missing = problems.filter((p) => p.code === 'missingSheet');
  if (missing.length) return `${translate(lang, 'pane.blocked.missingSheetsTitle')}. ${missing.map((p) => p.message).join(' ')} ${translate(lang, 'pane.blocked.missingSheetsHint')}`;
  return refusalText(problems, lang, 'pane.blocked.announce');
}

/** A refusal's problems in one announcement: `key` says what could not be done, with how many errors and the first (it names its cell). */
export function refusalText(problems: PaneProblem[], lang: Lang, key: 'pane.blocked.announce' | 'newYear.pane.refused'): string {
  const errors = problems.filter((p) => p.severity === 'error');
  return translate(lang, key, { count: errors.length, first: (errors[0] ?? problems[0])?.message ?? '' });
}

/** What the last writes could not do as planned (old Excel, a user's sheet kept, no charts in a file). */
export function WorkbookWarningsBar(props: { warnings: WorkbookWarning[]; lang: Lang; onDismiss(): void }) {
  const t = useT(props.lang);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('workbook.warnings', { count: props.warnings.length })}</MessageBarTitle>
        <ul>
          {props.warnings.map((w, i) => (
            <li key={i}>{workbookWarningText(props.lang, w)}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDismiss}>{t('pane.warnings.dismiss')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
