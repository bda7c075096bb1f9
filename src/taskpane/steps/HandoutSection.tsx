/**
 * Part of "Tổng hợp đơn vị": hand the chosen rule set out to the units — the preset chosen
 * above, else the "Tiêu chí" of the open workbook as edited — as a starting workbook and a
 * small rule-set file, both downloaded (preview) and never written into the open workbook.
 */
import { Divider, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { handoutFile, handoutRuleSet, writeStarterWorkbook } from '../../usecases/handout';
import { DownloadAction } from '../DownloadAction';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

const useStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

type Outcome = { ok: true; name: string; id: string; files: string[] } | { ok: false; message: string };

export function HandoutSection({ host, lang, presetId, body, tier }: Pick<StepProps, 'host' | 'lang'> & { presetId: string; body: string; tier: string }) {
  const t = useT(lang);
  const s = useStyles();
  const [state, run] = useTask<Outcome>();
  const downloads = host.downloads;
  const start = () =>
    run(async (): Promise<Outcome> => {
      const source = await handoutRuleSet(presetId ? { presetId } : { workbook: host.workbook }, lang);
      if (!source.ok) return source;
      const rs = source.ruleSet;
      const base = rs.id.split('@')[0]!;
      const files = [`so-mau-${base}.xlsx`, `bo-tieu-chi-${base}.json`];
      await downloads!.workbook(files[0]!, 'new', async (wb) => {
        await writeStarterWorkbook(wb, rs, { body, tier });
        return true;
      });
      downloads!.text(files[1]!, handoutFile(rs), 'application/json');
      return { ok: true, name: rs.name, id: rs.id, files };
    });
  const result = state.status === 'done' ? state.value : null;
  return (
    <section className={s.section} aria-label={t('handout.pane.title')}>
      <Divider />
      <Subtitle2>{t('handout.pane.title')}</Subtitle2>
      <span>{t('handout.pane.intro')}</span>
      <DownloadAction available={!!downloads} label={t('handout.pane.start')} unavailable={t('handout.pane.unavailable')} state={state} start={() => void start()} lang={lang} />
      {result && (
        <MessageBar intent={result.ok ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>{result.ok ? t('handout.pane.done', { name: result.name, id: result.id, files: result.files.map((f) => `“${f}”`).join(', ') }) : result.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
