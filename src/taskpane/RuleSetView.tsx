/**
 * The rule set as it stands in the "Tiêu chí" sheet: every indicator with its requirement,
 * condition, applicability and legal source, and the requirement (and condition,
 * applicability, points) editable and saved back into that sheet in one batch.
 */
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceTag } from '../domain/rules/ruleSet';
import { conditionSyntaxKey, type Lang } from '../i18n';
import {
  checkEdit,
  readRuleSet,
  saveRuleSetEdits,
  type EditIssue,
  type IndicatorEdit,
  type ReadRuleSetResult,
  type RuleSetIndicatorRow,
  type SaveRuleSetResult,
} from '../usecases/ruleSetEditing';
import type { PaneHost } from './host';
import { ErrorBar, taskSaid } from './PaneMessages';
import { ProblemList } from './ProblemList';
import { StatusRegion } from './StepFrame';
import { looksLikeFraction, parsePercentInput, percentInputText } from './format';
import { formatNumber } from '../i18n/format';
import { useTask } from './useTask';
import { useT, type Translate } from './useT';

interface Draft {
  threshold: string;
  condition: string;
  appliesTo: string;
  points: string;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} 0` },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { ...typographyStyles.title3, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  source: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, position: 'sticky', bottom: 0, backgroundColor: tokens.colorNeutralBackground1, padding: `${tokens.spacingVerticalS} 0` },
});

const TAG_COLOR: Record<SourceTag, 'success' | 'warning' | 'informative' | 'subtle'> = { C: 'success', S: 'warning', L: 'informative', '': 'subtle' };

/** A field's own issue, before the edit is checked: not a number, or a fraction typed for a percentage. */
type FieldIssue = 'number' | { kind: 'fraction'; value: number };

function draftOf(row: RuleSetIndicatorRow, lang: Lang): Draft {
  return {
    threshold: row.threshold !== null ? percentInputText(row.threshold, lang) : row.thresholdText,
    condition: row.condition,
    appliesTo: row.appliesTo,
    points: row.points !== null ? formatNumber(row.points, lang, 4) : '',
  };
}

/** The draft's differences from the sheet as an edit, or a message per invalid field. */
function editOf(row: RuleSetIndicatorRow, draft: Draft, lang: Lang, score: boolean): { edit: IndicatorEdit | null; invalid: Partial<Record<keyof Draft, EditIssue | FieldIssue>> } {
  const original = draftOf(row, lang);
  const edit: IndicatorEdit = { row: row.row, code: row.code };
  const invalid: Partial<Record<keyof Draft, EditIssue | FieldIssue>> = {};
  if (row.measure !== 'unit' && draft.threshold !== original.threshold) {
    const f = parsePercentInput(draft.threshold);
    if (f === null) invalid.threshold = 'number';
    else if (looksLikeFraction(f)) invalid.threshold = { kind: 'fraction', value: f };
    else edit.threshold = f;
  }
  if (row.measure === 'members' && draft.condition !== original.condition) edit.condition = draft.condition;
  if (draft.appliesTo !== original.appliesTo) edit.appliesTo = draft.appliesTo;
  if (score && draft.points !== original.points) {
    const text = draft.points.trim().replace(',', '.');
    if (text === '') edit.points = null;
    else if (/^\d+(\.\d+)?$/.test(text)) edit.points = Number(text);
    else invalid.points = 'number';
  }
  for (const issue of checkEdit(edit)) {
    if (issue.kind === 'threshold' || issue.kind === 'condition' || issue.kind === 'appliesTo' || issue.kind === 'points') invalid[issue.kind] = issue;
  }
  const changed = Object.keys(edit).length > 2;
  return { edit: changed ? edit : null, invalid };
}

export function issueText(issue: EditIssue, t: Translate): string {
  const syntaxText = (detail: string) => {
    const key = conditionSyntaxKey(detail);
    return key ? t(key) : detail;
  };
  switch (issue.kind) {
    case 'threshold':
      return t('pane.ruleSet.issue.threshold', { code: issue.code });
    case 'condition':
      return t('pane.ruleSet.issue.condition', { code: issue.code, detail: issue.detail ? syntaxText(issue.detail) : t('pane.ruleSet.issue.empty') });
    case 'appliesTo':
      return t('pane.ruleSet.issue.appliesTo', { code: issue.code, detail: syntaxText(issue.detail ?? '') });
    case 'points':
      return t('pane.ruleSet.issue.points', { code: issue.code });
    case 'rowMoved':
      return t('pane.ruleSet.issue.rowMoved', { code: issue.code });
    case 'missingSheet':
      return t('pane.ruleSet.issue.missingSheet');
  }
}

const NO_DRAFTS: Record<string, Draft> = {};

export function RuleSetView(props: { host: PaneHost; lang: Lang; onClose(): void }) {
  const { host, lang } = props;
  const t = useT(lang);
  const s = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const [loaded, load] = useTask<ReadRuleSetResult>();
  const [saved, save] = useTask<SaveRuleSetResult>();
  const reload = useCallback(() => load(() => readRuleSet(host.workbook, lang)), [load, host.workbook, lang]);

  useEffect(() => {
    heading.current?.focus();
    // Loads when opened; "Thử lại" and saving load again.
    void reload();
  }, [reload]);

  // Read again after a save, the rule set stays shown meanwhile: the list (and the button pressed, with the focus) does not vanish and come back.
  const [lastRead, setLastRead] = useState<ReadRuleSetResult | null>(null);
  if (loaded.status === 'done' && lastRead !== loaded.value) setLastRead(loaded.value);
  const read = loaded.status === 'done' ? loaded.value : loaded.status === 'running' ? lastRead : null;
  const ruleSet = read?.ok ? read.ruleSet : null;
  // Drafts belong to the rule set they were typed over: a freshly loaded one starts from its own values.
  const [typed, setTyped] = useState<{ of: unknown; drafts: Record<string, Draft> }>({ of: null, drafts: {} });
  const drafts = typed.of === ruleSet ? typed.drafts : NO_DRAFTS;
  const setDrafts = (next: Record<string, Draft>) => setTyped({ of: ruleSet, drafts: next });

  const score = ruleSet?.mode === 'score';
  const checked = useMemo(
    () => (ruleSet ? ruleSet.indicators.map((row) => ({ row, ...editOf(row, drafts[row.code] ?? draftOf(row, lang), lang, score) })) : []),
    [ruleSet, drafts, lang, score],
  );
  const edits = checked.filter((c) => c.edit).map((c) => c.edit!);
  const invalid = checked.some((c) => Object.keys(c.invalid).length > 0);
  const busy = loaded.status === 'running' || saved.status === 'running';
  // Said to screen readers (the bars below are no live regions): the last save's outcome, else why the sheet cannot be read.
  const said =
    taskSaid(saved, lang, (r) => (r.ok ? t('pane.ruleSet.saved', { count: r.written }) : `${t('pane.ruleSet.notSavedTitle')}. ${r.issues.map((i) => issueText(i, t)).join(' ')}`)) ??
    taskSaid(loaded, lang, (r) => (r.ok ? undefined : [`${t('pane.ruleSet.unavailableTitle')}.`, t('pane.ruleSet.unavailable'), r.problems[0]?.message].filter(Boolean).join(' ')));

  const onSave = () =>
    save(async () => {
      const result = await saveRuleSetEdits(host.workbook, edits);
      if (result.ok) await reload();
      return result;
    });

  const setDraft = (row: Parameters<typeof draftOf>[0], key: keyof Draft, value: string) =>
    setDrafts({ ...drafts, [row.code]: { ...(drafts[row.code] ?? draftOf(row, lang)), [key]: value } });

  const fieldState = (issue: EditIssue | FieldIssue | undefined, numberMessage: string, code = '') =>
    issue
      ? {
          validationState: 'error' as const,
          validationMessage:
            issue === 'number'
              ? numberMessage
              : issue.kind === 'fraction'
                ? t('pane.ruleSet.issue.fraction', { code, typed: percentInputText(issue.value, lang), meant: percentInputText(issue.value * 100, lang) })
                : issueText(issue, t),
        }
      : {};

  return (
    <section className={s.view} aria-labelledby="ruleset-heading">
      <div className={s.head}>
        <h2 id="ruleset-heading" className={s.heading} ref={heading} tabIndex={-1}>
          {t('pane.ruleSet.title')}
        </h2>
        <Button onClick={props.onClose}>{t('pane.ruleSet.close')}</Button>
      </div>
      <Caption1 as="p">{t('pane.ruleSet.intro')}</Caption1>
      <StatusRegion busy={saved.status === 'running' ? t('pane.ruleSet.saving') : loaded.status === 'running' ? t('pane.ruleSet.loading') : null} said={said} />
      {loaded.status === 'error' && <ErrorBar error={loaded.error} lang={lang} onRetry={() => void reload()} />}
      {loaded.status === 'done' && !loaded.value.ok && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('pane.ruleSet.unavailableTitle')}</MessageBarTitle>
              {t('pane.ruleSet.unavailable')}
            </MessageBarBody>
          </MessageBar>
          <ProblemList problems={loaded.value.problems} host={host} lang={lang} />
        </>
      )}
      {ruleSet && (
        <>
          <div>
            <Body1Strong>{ruleSet.name}</Body1Strong>
            {ruleSet.basis && <Caption1 as="p">{t('pane.ruleSet.basis', { basis: ruleSet.basis })}</Caption1>}
          </div>
          {ruleSet.problems.length > 0 && <ProblemList problems={ruleSet.problems} host={host} lang={lang} />}
          {ruleSet.criteria.map((c) => (
            <section key={c.code} aria-labelledby={`ruleset-criterion-${c.code}`}>
              <Subtitle2 as="h3" id={`ruleset-criterion-${c.code}`}>
                {t('pane.evaluate.criterion', { code: c.code, title: c.title })}
              </Subtitle2>
              <ul className={s.list}>
                {checked
                  .filter((x) => x.row.criterion === c.code)
                  .map(({ row, invalid: bad }) => {
                    const d = drafts[row.code] ?? draftOf(row, lang);
                    return (
                      <li key={row.code} className={s.item} data-indicator={row.code}>
                        <div>
                          <Body1Strong>{row.code}</Body1Strong> {row.text}
                        </div>
                        <div className={s.source}>
                          <Badge appearance="outline" color={TAG_COLOR[row.sourceTag]}>
                            {t(row.sourceTag ? `pane.ruleSet.tag.${row.sourceTag}` : 'pane.ruleSet.tag.none')}
                          </Badge>
                          <Caption1>{t('pane.ruleSet.source', { source: row.source || '—' })}</Caption1>
                          <Caption1>{t(`pane.ruleSet.measure.${row.measure}`)}</Caption1>
                        </div>
                        {row.measure !== 'unit' ? (
                          <Field label={t('pane.ruleSet.threshold', { code: row.code })} {...fieldState(bad.threshold, t('pane.ruleSet.issue.threshold', { code: row.code }), row.code)}>
                            <Input value={d.threshold} inputMode="decimal" contentAfter="%" disabled={busy} onChange={(_, v) => setDraft(row, 'threshold', v.value)} />
                          </Field>
                        ) : (
                          <Caption1>{t('pane.ruleSet.unitRequirement')}</Caption1>
                        )}
                        {row.measure === 'members' && (
                          <Field label={t('pane.ruleSet.condition', { code: row.code })} {...fieldState(bad.condition, '')}>
                            <Input value={d.condition} disabled={busy} onChange={(_, v) => setDraft(row, 'condition', v.value)} />
                          </Field>
                        )}
                        <Field label={t('pane.ruleSet.appliesTo', { code: row.code })} hint={t('pane.ruleSet.appliesToHint')} {...fieldState(bad.appliesTo, '')}>
                          <Input value={d.appliesTo} placeholder={t('pane.ruleSet.everyUnit')} disabled={busy} onChange={(_, v) => setDraft(row, 'appliesTo', v.value)} />
                        </Field>
                        {score && (
                          <Field label={t('pane.ruleSet.points', { code: row.code })} {...fieldState(bad.points, t('pane.ruleSet.issue.points', { code: row.code }))}>
                            <Input value={d.points} inputMode="decimal" disabled={busy} onChange={(_, v) => setDraft(row, 'points', v.value)} />
                          </Field>
                        )}
                      </li>
                    );
                  })}
              </ul>
            </section>
          ))}
          <div className={s.actions}>
            {/* disabledFocusable, never disabled: the focus stays on the button pressed while it saves and once nothing is left to save (a disabled one loses it). */}
            <Button appearance="primary" disabledFocusable={busy || invalid || edits.length === 0} onClick={() => void onSave()}>
              {t('pane.ruleSet.save', { count: edits.length })}
            </Button>
            <Button disabledFocusable={busy || edits.length === 0} onClick={() => setDrafts({})}>
              {t('pane.ruleSet.discard')}
            </Button>
          </div>
        </>
      )}
      {saved.status === 'error' && <ErrorBar error={saved.error} lang={lang} onRetry={() => void onSave()} />}
      {saved.status === 'done' && !saved.value.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.ruleSet.notSavedTitle')}</MessageBarTitle>
            {saved.value.issues.map((i) => issueText(i, t)).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {saved.status === 'done' && saved.value.ok && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('pane.ruleSet.saved', { count: saved.value.written })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
