/**
 * The unit's own data typed in the pane, for every host: answers to unit-level indicators,
 * learner counts per class, members of the evaluating body. Read when shown, written in one
 * batch through the use-case (only changed cells). Problems are kept as codes and worded in
 * the language shown now.
 */
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Lang, MessageKey } from '../i18n';
import type { Problem } from '../domain/problems';
import { readUnitFacts, saveUnitFacts, wordProblems, type FactAnswer, type FactLine, type LearnerIssue, type UnitFacts } from '../usecases/unitFacts';
import type { PaneHost } from './host';
import { ErrorBar } from './PaneMessages';
import { ProblemList } from './ProblemList';
import { StatusRegion } from './StepFrame';
import { useT, type Translate } from './useT';

const ANSWERS: FactAnswer[] = ['', 'met', 'not_met', 'not_applicable'];
/** “Không áp dụng” only where the rule set leaves the unit out, or where the sheet holds it already (evaluate then says why not). */
const answersFor = (f: FactLine): FactAnswer[] => (f.applies === true && f.answer !== 'not_applicable' ? ANSWERS.filter((a) => a !== 'not_applicable') : ANSWERS);
const ANSWER_KEY: Record<FactAnswer, MessageKey> = {
  '': 'pane.facts.answer.blank',
  met: 'pane.facts.answer.met',
  not_met: 'pane.facts.answer.not_met',
  not_applicable: 'pane.facts.answer.not_applicable',
};

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  // Fields shrink to their column (an input's own width would push the line past a narrow pane).
  line: { display: 'grid', gridTemplateColumns: 'minmax(4em, 1fr) minmax(4em, 1fr) minmax(4em, 1fr) auto', gap: tokens.spacingHorizontalXS, alignItems: 'end', '& > *': { minWidth: 0 }, '& .fui-Input': { minWidth: 0, width: '100%' } },
  member: { display: 'grid', gridTemplateColumns: 'minmax(6em, 2fr) minmax(5em, 1.5fr) minmax(5em, 1.2fr) auto', gap: tokens.spacingHorizontalXS, alignItems: 'end', '& > *': { minWidth: 0 }, '& .fui-Input': { minWidth: 0, width: '100%' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  intro: { margin: 0 },
});

type Draft = Pick<UnitFacts, 'facts' | 'learners' | 'evaluators'>;
const draftOf = (facts: UnitFacts): Draft => ({ facts: facts.facts, learners: facts.learners, evaluators: facts.evaluators });

const sameLines = <L extends object>(a: readonly L[], b: readonly L[]) =>
  a.length === b.length && a.every((line, i) => (Object.keys(line) as (keyof L)[]).every((k) => line[k] === b[i]![k]));

/**
 * What the clerk changed in the form since it was read: only that is written, so a cell typed in
 * the sheets meanwhile (in the grid, in Excel) is not put back to what the form read.
 */
function changedSince(read: UnitFacts, draft: Draft): Partial<Draft> {
  const changed: Partial<Draft> = {};
  const facts = draft.facts.filter((f) => {
    const was = read.facts.find((x) => x.code === f.code);
    return !was || was.answer !== f.answer || was.evidence !== f.evidence;
  });
  if (facts.length) changed.facts = facts;
  if (draft.learners && !sameLines(draft.learners, read.learners ?? [])) changed.learners = draft.learners;
  if (!sameLines(draft.evaluators, read.evaluators)) changed.evaluators = draft.evaluators;
  return changed;
}

type Outcome = { kind: 'saved'; written: number } | { kind: 'issues'; issues: LearnerIssue[] } | { kind: 'problems'; problems: Problem[] } | { kind: 'error'; error: unknown };

export function FactsForm(props: { host: PaneHost; lang: Lang; active: boolean; onNext(): void }) {
  const { host, lang, active } = props;
  const t = useT(lang);
  const s = useStyles();
  const [loaded, setLoaded] = useState<UnitFacts | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [blocked, setBlocked] = useState<Problem[] | null>(null);
  const [busy, setBusy] = useState<'saving' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  // No state is set before the read answers: the spinner shows while nothing is loaded.
  const load = useCallback(
    () =>
      readUnitFacts(host.workbook).then(
        (read) => {
          if (!mounted.current) return;
          // A read that answers ends an earlier one's error ("Đọc lại" after a failed read).
          setOutcome((o) => (o?.kind === 'error' ? null : o));
          if (read.ok) {
            setLoaded(read.facts);
            setDraft(draftOf(read.facts));
            setBlocked(null);
          } else setBlocked(read.problems);
        },
        (error: unknown) => {
          if (mounted.current) setOutcome({ kind: 'error', error });
        },
      ),
    [host.workbook],
  );

  // Read again each time the form is shown, unless the clerk has typed in it: the sheets may have been
  // created or typed in since (the grid, Excel itself).
  const pristine = useRef(true);
  useEffect(() => {
    pristine.current = !loaded || !draft || Object.keys(changedSince(loaded, draft)).length === 0;
  });
  useEffect(() => {
    if (active && pristine.current) void load();
  }, [active, load]);

  const save = async () => {
    if (!draft || !loaded || busy) return;
    setBusy('saving');
    setOutcome(null);
    try {
      const saved = await saveUnitFacts(host.workbook, changedSince(loaded, draft));
      if (!mounted.current) return;
      if (saved.ok) {
        // The workbook as it is now: what the form wrote, and what was typed in the sheets meanwhile.
        setLoaded(saved.facts);
        setDraft(draftOf(saved.facts));
        setOutcome({ kind: 'saved', written: saved.written });
      } else setOutcome(saved.learnerIssues.length ? { kind: 'issues', issues: saved.learnerIssues } : { kind: 'problems', problems: saved.problems });
    } catch (error) {
      if (mounted.current) setOutcome({ kind: 'error', error });
    } finally {
      if (mounted.current) setBusy(null);
    }
  };

  const issues = outcome?.kind === 'issues' ? outcome.issues : [];
  const body = loaded?.evaluatingBody ?? '';
  const update = (change: (d: Draft) => Draft) => setDraft((d) => (d ? change(d) : d));

  return (
    <section className={s.form} aria-labelledby="facts-title">
      <Subtitle2 as="h3" id="facts-title">
        {t('pane.facts.title')}
      </Subtitle2>
      {loaded && (
        <Body1 as="p" className={s.intro}>
          {t('pane.facts.intro', { body })}
        </Body1>
      )}
      {/* Only in the step shown, where the read runs: placed as the step is shown, it says the read once it is on the page (a hidden panel is heard by no one). */}
      {active && <StatusRegion busy={!draft && !blocked && outcome?.kind !== 'error' ? t('pane.facts.loading') : null} />}
      {blocked && <ProblemList problems={wordProblems(blocked, lang)} host={host} lang={lang} />}
      {draft && (
        <form
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {draft.facts.length > 0 && (
            <fieldset className={s.group}>
              <legend className={s.legend}>
                <Subtitle2>{t('pane.facts.answers')}</Subtitle2>
              </legend>
              <Caption1>{t('pane.facts.answersHint')}</Caption1>
              {draft.facts.map((f, i) => (
                <div key={f.code} className={s.fact} data-fact={f.code}>
                  <Field label={t('pane.facts.answerLabel', { code: f.code, text: f.text })} {...(f.unread ? { validationState: 'warning' as const, validationMessage: t('pane.facts.unread', { value: f.unread }) } : {})}>
                    <Select value={f.answer} onChange={(_, d) => update((x) => ({ ...x, facts: x.facts.map((g, j) => (j === i ? { ...g, answer: d.value as FactAnswer, unread: '' } : g)) }))}>
                      {answersFor(f).map((a) => (
                        <option key={a} value={a}>
                          {t(ANSWER_KEY[a])}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {f.applies === false && <Caption1>{t('pane.facts.notForUnit')}</Caption1>}
                  <Field label={t('pane.facts.evidence')}>
                    <Input
                      aria-label={t('pane.facts.evidenceFor', { code: f.code })}
                      value={f.evidence}
                      onChange={(_, d) => update((x) => ({ ...x, facts: x.facts.map((g, j) => (j === i ? { ...g, evidence: d.value } : g)) }))}
                    />
                  </Field>
                </div>
              ))}
            </fieldset>
          )}
          {draft.learners && <LearnerLines lines={draft.learners} issues={issues} t={t} onChange={(learners) => update((x) => ({ ...x, learners }))} />}
          <EvaluatorLines lines={draft.evaluators} body={body} t={t} onChange={(evaluators) => update((x) => ({ ...x, evaluators }))} />
          <div className={s.actions}>
            {/* disabledFocusable: the button keeps the focus while the batch runs. */}
            <Button appearance="primary" type="submit" disabledFocusable={busy !== null}>
              {t('pane.facts.save')}
            </Button>
            <Button type="button" disabledFocusable={busy !== null} onClick={() => void load()}>
              {t('pane.facts.reload')}
            </Button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {busy === 'saving' && <Caption1>{t('pane.facts.saving')}</Caption1>}
        {outcome?.kind === 'saved' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{outcome.written > 0 ? t('pane.facts.saved', { count: outcome.written }) : t('pane.facts.unchanged')}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={props.onNext}>{t('pane.facts.goEvaluate')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {outcome?.kind === 'issues' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t('pane.facts.fix', { count: outcome.issues.length })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {outcome?.kind === 'problems' && <ProblemList problems={wordProblems(outcome.problems, lang)} host={host} lang={lang} />}
      {outcome?.kind === 'error' && (
        <ErrorBar
          error={outcome.error}
          lang={lang}
          onRetry={() => {
            // The error goes while the retry runs: the reading status says what is happening instead.
            setOutcome(null);
            void (draft ? save() : load());
          }}
        />
      )}
    </section>
  );
}

const FIELD_KEY: Record<LearnerIssue['field'], MessageKey> = { headcount: 'pane.facts.headcount', cdht: 'pane.facts.cdht' };

/** A fieldset of editable lines, each removable, with a button adding a blank one. */
function LineGroup<L>(props: { legend: string; hint: string; lines: L[]; blank: L; add: string; lineClass: string; t: Translate; onChange(lines: L[]): void; line(l: L, i: number): ReactNode }) {
  const { lines, t } = props;
  const s = useStyles();
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>
        <Subtitle2>{props.legend}</Subtitle2>
      </legend>
      <Caption1>{props.hint}</Caption1>
      {lines.map((l, i) => (
        <div key={i} className={props.lineClass} data-line={i + 1}>
          {props.line(l, i)}
          <Button type="button" appearance="subtle" aria-label={t('pane.facts.removeLine', { line: i + 1 })} onClick={() => props.onChange(lines.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" onClick={() => props.onChange([...lines, props.blank])}>
          {props.add}
        </Button>
      </div>
    </fieldset>
  );
}

function LearnerLines(props: { lines: NonNullable<UnitFacts['learners']>; issues: LearnerIssue[]; t: Translate; onChange(lines: NonNullable<UnitFacts['learners']>): void }) {
  const { lines, issues, t } = props;
  const s = useStyles();
  const set = (i: number, field: 'label' | 'headcount' | 'cdht', value: string) => props.onChange(lines.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  const issueText = (i: number, field: LearnerIssue['field']) => {
    const found = issues.find((x) => x.line === i && x.field === field);
    return found ? t(`pane.facts.issue.${found.code}`, { place: t('pane.facts.fieldOnLine', { field: t(FIELD_KEY[field]), line: i + 1 }) }) : undefined;
  };
  const number = (i: number, field: 'headcount' | 'cdht', value: string) => {
    const message = issueText(i, field);
    return (
      <Field label={t(FIELD_KEY[field])} {...(message ? { validationState: 'error' as const, validationMessage: message } : {})}>
        <Input inputMode="numeric" aria-label={t('pane.facts.fieldOnLine', { field: t(FIELD_KEY[field]), line: i + 1 })} value={value} onChange={(_, d) => set(i, field, d.value)} />
      </Field>
    );
  };
  return (
    <LineGroup
      legend={t('pane.facts.learners')}
      hint={t('pane.facts.learnersHint')}
      lines={lines}
      blank={{ label: '', headcount: '', cdht: '' }}
      add={t('pane.facts.addClass')}
      lineClass={s.line}
      t={t}
      onChange={props.onChange}
      line={(l, i) => (
        <>
          <Field label={t('pane.facts.class')}>
            <Input aria-label={t('pane.facts.fieldOnLine', { field: t('pane.facts.class'), line: i + 1 })} value={l.label} onChange={(_, d) => set(i, 'label', d.value)} />
          </Field>
          {number(i, 'headcount', l.headcount)}
          {number(i, 'cdht', l.cdht)}
        </>
      )}
    />
  );
}

const EVALUATOR_FIELDS: [keyof UnitFacts['evaluators'][number], MessageKey][] = [
  ['name', 'pane.facts.name'],
  ['title', 'pane.facts.position'],
  ['role', 'pane.facts.role'],
];

function EvaluatorLines(props: { lines: UnitFacts['evaluators']; body: string; t: Translate; onChange(lines: UnitFacts['evaluators']): void }) {
  const { lines, t } = props;
  const s = useStyles();
  const set = (i: number, field: 'name' | 'title' | 'role', value: string) => props.onChange(lines.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  return (
    <LineGroup
      legend={t('pane.facts.evaluators', { body: props.body })}
      hint={t('pane.facts.evaluatorsHint')}
      lines={lines}
      blank={{ name: '', title: '', role: '' }}
      add={t('pane.facts.addMember')}
      lineClass={s.member}
      t={t}
      onChange={props.onChange}
      line={(l, i) =>
        EVALUATOR_FIELDS.map(([field, key]) => (
          <Field key={field} label={t(key)}>
            <Input aria-label={t('pane.facts.fieldOnLine', { field: t(key), line: i + 1 })} value={l[field]} onChange={(_, d) => set(i, field, d.value)} />
          </Field>
        ))
      }
    />
  );
}
