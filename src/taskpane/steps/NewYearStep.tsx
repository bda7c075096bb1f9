/**
 * "Sang năm mới": next year's workbook from the open one, as a new workbook — downloaded in the
 * preview, opened as a new workbook inside Excel; the open workbook is not changed
 * (usecases/newYear.ts says what is kept and cleared).
 */
import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { startNewYear, type NewYearResult } from '../../usecases/newYear';
import { DownloadAction } from '../DownloadAction';
import { newWorkbookAvailability, newWorkbookFailure } from '../newWorkbookAction';
import { ProblemList } from '../ProblemList';
import { refusalText } from '../PaneMessages';
import { StepFrame } from '../StepFrame';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

const COMMAND = 'dvht new-year';

/** "truong-2025.xlsx" → "truong-2025-nam-sau.xlsx"; inside Excel, whose workbook has no file name here, "so-dvht-2026.xlsx". */
function nextName(label: string, year?: number): string {
  if (!/\.xls[xm]$/i.test(label)) return `so-dvht-${year ?? 'nam-sau'}.xlsx`;
  return `${label.replace(/\.xls[xm]$/i, '')}-nam-sau.xlsx`;
}

type Outcome = { file: string; result: NewYearResult } | { file: string; failure: string };

export function NewYearStep({ host, lang }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<Outcome>();
  const { maker, unavailable } = newWorkbookAvailability(host, 'copy', t, COMMAND, t('newYear.pane.unavailable'));
  const start = () =>
    run(async (): Promise<Outcome> => {
      const file = nextName(host.workbook.label);
      let result: NewYearResult = { ok: false, problems: [] };
      try {
        await maker!.make(file, 'copy', async (wb) => {
          result = await startNewYear(wb, { lang });
          return result.ok;
        });
      } catch (e) {
        return { file, failure: newWorkbookFailure(e, t, COMMAND) };
      }
      // Assigned inside the callback: TypeScript still sees the initial value here.
      const made = result as NewYearResult;
      return { file: made.ok ? nextName(host.workbook.label, made.year) : file, result: made };
    });
  const done = state.status === 'done' ? state.value : null;
  const made = done && 'result' in done && done.result.ok ? done.result : null;
  const madeText = made ? t(maker?.delivery === 'open' ? 'newYear.pane.opened' : 'newYear.pane.done', { year: made.year, members: made.members, file: done!.file }) : '';
  const lastYearText = made && made.lastYearDocuments.length > 0 ? t('newYear.lastYearDocuments', { sheets: made.lastYearDocuments.map((d) => `“${d}”`).join(', '), previous: made.year - 1, year: made.year }) : '';
  // Said to screen readers: the bars below are no live regions.
  const announce = !done ? undefined : 'failure' in done ? done.failure : done.result.ok ? [madeText, lastYearText].filter(Boolean).join(' ') : refusalText(done.result.problems, lang, 'newYear.pane.refused');
  return (
    <StepFrame title={t('newYear.pane.title')} intro={t('newYear.pane.intro')}>
      {maker?.delivery === 'open' && <Caption1>{t('newYear.pane.saveFirst')}</Caption1>}
      <DownloadAction available={!!maker} label={t('newYear.pane.start')} running={t('newYear.pane.running')} unavailable={unavailable} state={state} start={() => void start()} lang={lang} primary {...(announce ? { announce } : {})} />
      {made && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{madeText}</MessageBarBody>
        </MessageBar>
      )}
      {lastYearText && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lastYearText}</MessageBarBody>
        </MessageBar>
      )}
      {done && 'failure' in done && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{done.failure}</MessageBarBody>
        </MessageBar>
      )}
      {done && 'result' in done && !done.result.ok && <ProblemList problems={done.result.problems} host={host} lang={lang} />}
    </StepFrame>
  );
}
