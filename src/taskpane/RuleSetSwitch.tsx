/**
 * "Đổi bộ tiêu chí" in the Setup step, for a workbook that already has its "Tiêu chí": the rule
 * set chosen above (a preset, or the file handed out) replaces it once the clerk has seen what
 * will be dropped; all through the use-case, the same inside Excel and in the preview.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { RuleSet } from '../domain/rules/ruleSet';
import { droppedText, lostEditsText, movedText, switchRuleSet, type SwitchRuleSetResult } from '../usecases/ruleSetSwitch';
import type { Lang } from '../i18n';
import type { PaneHost } from './host';
import { ErrorBar, taskSaid } from './PaneMessages';
import { StatusRegion } from './StepFrame';
import { useTask } from './useTask';
import { useT } from './useT';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface RuleSetSwitchProps {
  host: PaneHost;
  lang: Lang;
  /** The rule set in the workbook's "Tiêu chí". */
  current: { id: string; name: string };
  /** The one chosen above. */
  chosen: RuleSet;
  disabled?: boolean;
  /** After a switch: the workbook changed (read it again). */
  onSwitched(): void;
}

type Checked = Extract<SwitchRuleSetResult, { ok: true }>;

export function RuleSetSwitch({ host, lang, current, chosen, disabled = false, onSwitched }: RuleSetSwitchProps) {
  const t = useT(lang);
  const s = useStyles();
  // What a dry run found for the chosen set: shown for the clerk to confirm.
  const [pending, setPending] = useState<{ ruleSet: RuleSet; check: Checked } | null>(null);
  const [state, run, reset] = useTask<SwitchRuleSetResult | null>();
  const running = state.status === 'running';
  const same = chosen.id === current.id;
  const items = (r: Checked) => r.dropped.map((d) => droppedText(lang, d)).join('; ');
  // The question's buttons go once answered: the focus goes back to the button that asked it.
  const startButton = useRef<HTMLButtonElement>(null);

  const check = () => {
    setPending(null);
    void run(async () => {
      const r = await switchRuleSet(host.workbook, chosen, { lang, dryRun: true });
      if (!r.ok) return r;
      setPending({ ruleSet: chosen, check: r });
      return null;
    });
  };
  const confirm = () => {
    startButton.current?.focus();
    const ruleSet = pending!.ruleSet;
    setPending(null);
    void run(async () => {
      const r = await switchRuleSet(host.workbook, ruleSet, { lang });
      if (r.ok) onSwitched();
      return r;
    });
  };

  const done = state.status === 'done' ? state.value : null;
  const lost = (r: Checked) => lostEditsText(lang, r) ?? [];
  const moved = (r: Checked) => movedText(lang, r.moved) ?? [];
  const confirmLines = pending ? [t('ruleSetSwitch.pane.confirm', { to: pending.ruleSet.name }), ...lost(pending.check), ...moved(pending.check), ...(pending.check.dropped.length > 0 ? [t('ruleSetSwitch.pane.confirmDropped', { count: pending.check.dropped.length, items: items(pending.check) })] : [])] : [];
  const doneTitle = done?.ok ? t('ruleSetSwitch.pane.done', { to: done.to.name, sheet: done.sheet, kept: done.kept.length }) : '';
  const doneLines = done?.ok
    ? [
        ...lost(done),
        ...moved(done),
        ...(done.level ? [t('ruleSetSwitch.level', { level: done.level })] : []),
        ...(done.dropped.length > 0 ? [t('ruleSetSwitch.dropped', { count: done.dropped.length, items: items(done) })] : []),
        t(done.resultsCleared ? 'ruleSetSwitch.resultsCleared' : 'ruleSetSwitch.evaluateNext'),
        ...(done.staleDocuments.length > 0 ? [t('ruleSetSwitch.staleDocuments', { sheets: done.staleDocuments.map((d) => `“${d}”`).join(', ') })] : []),
      ]
    : [];
  // Said to screen readers, the question asked too: the bars below are no live regions.
  const said = pending ? confirmLines.join(' ') : taskSaid(state, lang, (r) => (r === null ? undefined : r.ok ? [doneTitle, ...doneLines].join(' ') : r.problems.map((p) => p.message).join(' ')));
  return (
    <section className={s.section} aria-label={t('ruleSetSwitch.pane.title')}>
      <Subtitle2 as="h3">{t('ruleSetSwitch.pane.title')}</Subtitle2>
      <Caption1 className={s.muted}>{t('ruleSetSwitch.pane.intro', { current: current.name })}</Caption1>
      <div>
        {/* disabledFocusable, never disabled: the focus stays on it while the work runs, and comes back to it once the question is answered (a disabled button loses it). */}
        <Button ref={startButton} disabledFocusable={disabled || running || same || pending !== null} onClick={check}>
          {t('ruleSetSwitch.pane.start')}
        </Button>
      </div>
      {same && <Caption1 className={s.muted}>{t('ruleSetSwitch.pane.same')}</Caption1>}
      <StatusRegion busy={running ? t('ruleSetSwitch.pane.running') : null} said={said} />
      {pending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {confirmLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={confirm}>
              {t('ruleSetSwitch.pane.confirmYes')}
            </Button>
            <Button
              onClick={() => {
                startButton.current?.focus();
                setPending(null);
                reset();
              }}
            >
              {t('ruleSetSwitch.pane.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} />}
      {done && !done.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {done.problems.map((p, i) => (
              <div key={i}>{p.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {done?.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{doneTitle}</MessageBarTitle>
            {doneLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
