/**
 * The task pane: a header with the language switch, then the registered steps as tabs.
 * Steps stay mounted when another tab is shown, so a half-filled form or a result is still
 * there when the clerk comes back.
 */
import { Caption1, Link, makeStyles, Select, Tab, TabList, Title2, tokens, Tooltip } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Lang } from '../i18n';
import { rememberLang, startLang } from './langChoice';
import type { WorkbookWarning } from '../workbook/port';
import { reportingWarnings, type PaneHost } from './host';
import { WorkbookWarningsBar } from './PaneMessages';
import { STEPS } from './steps';
import { useT } from './useT';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', minHeight: '100vh', padding: `0 ${tokens.spacingHorizontalM}`, boxSizing: 'border-box' },
  header: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`,
  },
  title: { margin: 0 },
  heading: { display: 'flex', flexDirection: 'column' },
  lang: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tabs: { flexWrap: 'wrap' },
});

/**
 * `workbookKey` changes when the host's workbook is replaced (the preview opens another
 * file): the steps start afresh, their state belonged to the previous workbook; the pane
 * itself (language, current step) stays.
 */
export function App(props: {
  host: PaneHost;
  initialLang?: Lang;
  workbookKey?: string | number;
  /** The page around the pane owns the language (the preview): the switch then tells it. */
  lang?: Lang;
  onLangChange?(lang: Lang): void;
}) {
  // Every step's writes go through this workbook, so what a write could not do reaches the bar.
  const [warnings, setWarnings] = useState<WorkbookWarning[]>([]);
  const host = useMemo(() => ({ ...props.host, workbook: reportingWarnings(props.host.workbook, setWarnings) }), [props.host]);
  // A step that puts a workbook of its own on screen (the preview's consolidation) keeps its
  // state, which belongs to that workbook; the other steps start afresh.
  const [resets, setResets] = useState<Record<string, number>>({});
  const stepHosts = useMemo(() => {
    const replaceable = host.replaceable;
    if (!replaceable) return new Map(STEPS.map((step) => [step.id, host]));
    return new Map(
      STEPS.map((step): [string, PaneHost] => [
        step.id,
        {
          ...host,
          replaceable: {
            ...replaceable,
            async fillNew(name, work) {
              const done = await replaceable.fillNew(name, (wb) => work(reportingWarnings(wb, setWarnings)));
              if (done !== null) setResets((r) => Object.fromEntries(STEPS.map((x) => [x.id, (r[x.id] ?? 0) + (x.id === step.id ? 0 : 1)])));
              return done;
            },
          },
        },
      ]),
    );
  }, [host]);
  const [ownLang, setOwnLang] = useState<Lang>(props.initialLang ?? startLang(null));
  const lang = props.lang ?? ownLang;
  const setLang =
    props.onLangChange ??
    ((next: Lang) => {
      rememberLang(next);
      setOwnLang(next);
    });
  const t = useT(lang);
  const s = useStyles();
  const [current, setCurrent] = useState(STEPS[0]?.id ?? '');
  const available = (requires?: string) => !requires || host.supports(requires);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const select = (id: string) => {
    const step = STEPS.find((x) => x.id === id);
    if (!step || !available(step.requires)) return false;
    setCurrent(id);
    return true;
  };
  // A step's button that sends the clerk elsewhere is hidden with its step: the keys go to the new step's tab, not to the page.
  const goTo = (id: string) => {
    if (select(id)) tabs.current.get(id)?.focus();
  };

  return (
    <div className={s.pane} lang={lang}>
      <header className={s.header}>
        <div className={s.heading}>
          <Title2 as="h1" className={s.title}>
            {t('pane.app.title')}
          </Title2>
          <Caption1>{t('pane.app.subtitle', { workbook: host.workbook.label })}</Caption1>
          <Caption1>
            <Link href={`help.html?lang=${lang}`} target="_blank" rel="noopener">
              {t('pane.help.link')}
            </Link>{' '}
            {t('pane.help.linkHint')}
          </Caption1>
        </div>
        <div className={s.lang}>
          <label htmlFor="pane-language">
            <Caption1>{t('pane.app.language')}</Caption1>
          </label>
          <Select id="pane-language" size="small" value={lang} onChange={(_, d) => setLang(d.value as Lang)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </Select>
        </div>
      </header>
      <nav aria-label={t('pane.app.steps')}>
        <TabList className={s.tabs} selectedValue={current} onTabSelect={(_, d) => void select(String(d.value))}>
          {STEPS.map((step, i) => {
            const label = t('pane.app.stepLabel', { number: i + 1, title: t(step.title) });
            const tab = (
              <Tab
                key={step.id}
                ref={(el) => {
                  if (el) tabs.current.set(step.id, el);
                  else tabs.current.delete(step.id);
                }}
                value={step.id}
                id={`tab-${step.id}`}
                aria-controls={`panel-${step.id}`}
                disabled={!available(step.requires)}
              >
                {label}
              </Tab>
            );
            return available(step.requires) ? (
              tab
            ) : (
              <Tooltip key={step.id} relationship="description" content={t('pane.app.stepUnavailable', { requirement: step.requires! })}>
                {tab}
              </Tooltip>
            );
          })}
        </TabList>
      </nav>
      {warnings.length > 0 && <WorkbookWarningsBar warnings={warnings} lang={lang} onDismiss={() => setWarnings([])} />}
      <main key={props.workbookKey}>
        {STEPS.filter((step) => available(step.requires)).map((step) => {
          const Step = step.component;
          return (
            <div key={`${step.id}:${resets[step.id] ?? 0}`} role="tabpanel" id={`panel-${step.id}`} aria-labelledby={`tab-${step.id}`} hidden={step.id !== current}>
              <Step host={stepHosts.get(step.id) ?? host} lang={lang} goTo={goTo} active={step.id === current} />
            </div>
          );
        })}
        {STEPS.length === 0 && <p>{t('pane.app.noSteps')}</p>}
      </main>
    </div>
  );
}
