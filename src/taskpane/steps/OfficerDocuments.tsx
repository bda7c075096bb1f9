/**
 * Part of "Tổng hợp đơn vị": the receiving body's minutes, request and draft decision from
 * the consolidated table of the open workbook (this session's consolidation or an earlier one).
 */
import { Button, Divider, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { generateOfficerDocuments, OFFICER_SHEET, OFFICER_TEMPLATES_SHEET, type OfficerResult } from '../../usecases/officerDocuments';
import { bodyTierProblem } from '../../usecases/consolidate';
import { ErrorBar, taskSaid } from '../PaneMessages';
import { StatusRegion } from '../StepFrame';
import { useShowCell } from '../useShowCell';
import { useTask } from '../useTask';
import { useT } from '../useT';
import type { StepProps } from './registry';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  links: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  keptOut: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Kept-out units named in the pane; the minutes list them all. */
const KEPT_OUT_SHOWN = 10;

export function OfficerDocuments({ host, lang, body, tier }: Pick<StepProps, 'host' | 'lang'> & { body: string; tier: string }) {
  const t = useT(lang);
  const s = useStyles();
  const [signer, setSigner] = useState('');
  const [office, setOffice] = useState('');
  const [state, run] = useTask<OfficerResult>();
  const [showCell, openError] = useShowCell(host);
  const running = state.status === 'running';
  const generate = () =>
    run(async (): Promise<OfficerResult> => {
      // As dvht officer-documents --tier: refused before the workbook is read.
      const tierProblem = bodyTierProblem(tier, lang, 'officerDocuments');
      return tierProblem ? { ok: false, message: tierProblem } : generateOfficerDocuments(host.workbook, { body, tier, signer, office, lang });
    });
  const result = state.status === 'done' ? state.value : null;
  const keptOut = result?.ok ? result.units.filter((u) => u.why) : [];
  const minutesSheet = result?.ok ? (result.documents.find((d) => d.kind === 'bien-ban-tham-dinh')?.sheet ?? OFFICER_SHEET['bien-ban-tham-dinh']) : '';
  const keptOutId = useId();
  const doneText = result?.ok ? t('officer.pane.done', { count: result.documents.length, proposed: result.proposed, notProposed: result.notProposed }) : '';
  // Said to screen readers with the warnings: the bars below are no live regions.
  const said = taskSaid(state, lang, (r) => (r.ok ? [doneText, ...r.warnings].join(' ') : r.message));
  return (
    <section className={s.section} aria-label={t('officer.pane.title')}>
      <Divider />
      <Subtitle2>{t('officer.pane.title')}</Subtitle2>
      <span>{t('officer.pane.intro', { sheet: OFFICER_TEMPLATES_SHEET })}</span>
      <Field label={t('officer.pane.signer')}>
        <Input value={signer} disabled={running} onChange={(_, d) => setSigner(d.value)} />
      </Field>
      <Field label={t('officer.pane.office')} hint={t('officer.pane.officeHint')}>
        <Input value={office} disabled={running} onChange={(_, d) => setOffice(d.value)} />
      </Field>
      <div>
        {/* disabledFocusable: the focus stays on the button while the work runs (a disabled one loses it). */}
        <Button appearance="primary" disabledFocusable={running} onClick={() => void generate()}>
          {t('officer.pane.generate')}
        </Button>
      </div>
      <StatusRegion busy={running ? t('officer.pane.generating') : null} said={said} />
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={() => void generate()} />}
      {result && !result.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <MessageBar intent={result.notProposed ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{doneText}</MessageBarTitle>
              {result.warnings.map((w) => (
                <div key={w}>{w}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
          {keptOut.length > 0 && (
            <>
              <span id={keptOutId}>{t('officer.notProposed', { count: keptOut.length })}</span>
              <ul className={s.keptOut} aria-labelledby={keptOutId}>
                {keptOut.slice(0, KEPT_OUT_SHOWN).map((u, i) => (
                  <li key={i}>
                    <strong>{u.name}</strong>: {u.why}
                  </li>
                ))}
                {keptOut.length > KEPT_OUT_SHOWN && <li>{t('officer.pane.moreKeptOut', { count: keptOut.length - KEPT_OUT_SHOWN, sheet: minutesSheet })}</li>}
              </ul>
            </>
          )}
          <ul className={s.links}>
            {[...result.documents.map((d) => d.sheet), result.templates.sheet].map((sheet) => (
              <li key={sheet}>
                <Link onClick={() => void showCell(sheet, 'A1')}>{t('documents.pane.open', { sheet })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {openError !== null && <ErrorBar error={openError} lang={lang} />}
    </section>
  );
}
