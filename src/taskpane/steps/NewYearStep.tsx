/**
 * "Sang năm mới": next year's workbook from the open one, offered as a new file; the open
 * workbook is not changed (usecases/newYear.ts says what is kept and cleared).
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { startNewYear, type NewYearResult } from '../../usecases/newYear';
import { DownloadAction } from '../DownloadAction';
import { ProblemList } from '../ProblemList';
import { StepFrame } from '../StepFrame';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

/** "truong-2025.xlsx" → "truong-2025-nam-sau.xlsx". */
function nextName(label: string): string {
  const base = label.replace(/\.xls[xm]$/i, '');
  return `${base}-nam-sau.xlsx`;
}

export function NewYearStep({ host, lang }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<{ file: string; result: NewYearResult }>();
  const downloads = host.downloads;
  const start = () =>
    run(async () => {
      const file = nextName(host.workbook.label);
      let result: NewYearResult = { ok: false, problems: [] };
      await downloads!.workbook(file, 'copy', async (wb) => {
        result = await startNewYear(wb, { lang });
        return result.ok;
      });
      return { file, result };
    });
  const done = state.status === 'done' ? state.value : null;
  return (
    <StepFrame title={t('newYear.pane.title')} intro={t('newYear.pane.intro')}>
      <DownloadAction available={!!downloads} label={t('newYear.pane.start')} unavailable={t('newYear.pane.unavailable')} state={state} start={() => void start()} lang={lang} primary />
      {done?.result.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('newYear.pane.done', { year: done.result.year, members: done.result.members, file: done.file })}</MessageBarBody>
        </MessageBar>
      )}
      {done && !done.result.ok && <ProblemList problems={done.result.problems} host={host} lang={lang} />}
    </StepFrame>
  );
}
