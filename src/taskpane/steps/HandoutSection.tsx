/**
 * Part of "Tổng hợp đơn vị": hand the chosen rule set out to the units — the preset chosen
 * above, else the "Tiêu chí" of the open workbook as edited — as a starting workbook (downloaded
 * in the preview, opened as a new workbook inside Excel) and, where files can be downloaded, a
 * small rule-set file; never written into the open workbook.
 */
import { Divider, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { handoutFile, handoutRuleSet, writeStarterWorkbook } from '../../usecases/handout';
import { bodyTierProblem } from '../../usecases/consolidate';
import { DownloadAction } from '../DownloadAction';
import { newWorkbookAvailability, newWorkbookFailure } from '../newWorkbookAction';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

const useStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

const COMMAND = 'dvht handout';

/** warnings: what the officer should mend in “Tiêu chí” (handoutRuleSet), said beside what was handed out. */
type Outcome = { ok: true; name: string; id: string; files: string[]; opened: boolean; warnings: string[] } | { ok: false; message: string };

export function HandoutSection({ host, lang, presetId, body, tier }: Pick<StepProps, 'host' | 'lang'> & { presetId: string; body: string; tier: string }) {
  const t = useT(lang);
  const s = useStyles();
  const [state, run] = useTask<Outcome>();
  const { maker, unavailable } = newWorkbookAvailability(host, 'new', t, COMMAND, t('handout.pane.unavailable'));
  const opened = maker?.delivery === 'open';
  const start = () =>
    run(async (): Promise<Outcome> => {
      // As dvht handout --tier: refused before a starting workbook is made.
      const tierProblem = bodyTierProblem(tier, lang, 'handout');
      if (tierProblem) return { ok: false, message: tierProblem };
      const source = await handoutRuleSet(presetId ? { presetId } : { workbook: host.workbook }, lang);
      if (!source.ok) return source;
      const rs = source.ruleSet;
      const base = rs.id.split('@')[0]!;
      const workbookFile = `so-mau-${base}.xlsx`;
      try {
        await maker!.make(workbookFile, 'new', async (wb) => {
          await writeStarterWorkbook(wb, rs, { body, tier });
          return true;
        });
      } catch (e) {
        return { ok: false, message: newWorkbookFailure(e, t, COMMAND) };
      }
      // The small file goes where files can be downloaded; inside Excel the starting workbook carries the rule set.
      const rulesFile = `bo-tieu-chi-${base}.json`;
      if (host.downloads) host.downloads.text(rulesFile, handoutFile(rs, { body, tier }), 'application/json');
      return { ok: true, name: rs.name, id: rs.id, files: host.downloads ? [workbookFile, rulesFile] : [workbookFile], opened, warnings: source.warnings };
    });
  const result = state.status === 'done' ? state.value : null;
  const quoted = (files: string[]) => files.map((f) => `“${f}”`).join(', ');
  const outcomeText = (o: Outcome) => (!o.ok ? o.message : t(o.opened ? 'handout.pane.opened' : 'handout.pane.done', { name: o.name, id: o.id, files: quoted(o.files) }));
  return (
    <section className={s.section} aria-label={t('handout.pane.title')}>
      <Divider />
      <Subtitle2>{t('handout.pane.title')}</Subtitle2>
      <span>{t(opened ? 'handout.pane.introExcel' : 'handout.pane.intro')}</span>
      <DownloadAction
        available={!!maker}
        label={t(opened ? 'handout.pane.startExcel' : 'handout.pane.start')}
        running={t('handout.pane.running')}
        unavailable={unavailable}
        state={state}
        start={() => void start()}
        lang={lang}
        // Said to screen readers with what to mend: the bars below are no live regions.
        {...(result ? { announce: [outcomeText(result), ...(result.ok ? result.warnings : [])].join(' ') } : {})}
      />
      {result && (
        <MessageBar intent={result.ok ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>{outcomeText(result)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && result.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {result.warnings.map((w) => (
              <div key={w}>{w}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
