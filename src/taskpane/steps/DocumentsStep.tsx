/**
 * "Hồ sơ": pick the dossier's documents, generate them from the last evaluation, then open
 * each sheet. The texts the unit wrote on earlier versions are kept by the use-case.
 */
import { Button, Checkbox, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { DOCUMENT_KINDS, generateDocuments, rewordDocuments, type DocumentKind, type GenerateResult } from '../../usecases/documents';
import { BlockedBar, blockedText, ErrorBar, taskSaid } from '../PaneMessages';
import { ProblemList } from '../ProblemList';
import { StatusRegion, StepFrame } from '../StepFrame';
import { useShowCell } from '../useShowCell';
import { useRevealed } from '../useRevealed';
import { useTask } from '../useTask';
import { useT } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';

const TOP = 'A1';

const useStyles = makeStyles({
  kinds: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  links: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function DocumentsStep({ host, lang, goTo }: StepProps) {
  const t = useT(lang);
  const s = useStyles();
  const [chosen, setChosen] = useState<ReadonlySet<DocumentKind>>(new Set(DOCUMENT_KINDS));
  const [state, run] = useTask<GenerateResult>();
  const [showCell, openError] = useShowCell(host);
  const kinds = DOCUMENT_KINDS.filter((k) => chosen.has(k));
  const running = state.status === 'running';

  const toggle = (kind: DocumentKind, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  const generate = () => run(() => generateDocuments(host.workbook, { kinds, lang }));
  const open = (sheet: string) => showCell(sheet, TOP);

  // Worded in the language shown now: switching language re-words the messages, nothing runs again.
  const result = useMemo(() => (state.status === 'done' ? rewordDocuments(state.value, lang) : null), [state, lang]);
  const made = useRevealed<HTMLDivElement>(state.status === 'done' ? state.value : null);
  const refused = result && !result.ok ? result.problems : null;
  const needsEvaluation = refused?.find((p) => p.code === 'notEvaluated' || p.code === 'stale');
  const doneText = result?.ok ? t(host.kind === 'preview' ? 'preview.documentsDone' : 'documents.pane.done', { count: result.documents.length }) : '';
  // The tờ trình refused while the others were drawn (a request the unit may not make this year, or one its
  // result does not support): its own bar, said with them.
  const refusedLetter = result?.ok ? result.warnings.find((w) => w.code === 'requestHeld' || w.code === 'requestNotSupported') : undefined;
  const said = taskSaid(state, lang, () => (needsEvaluation ? needsEvaluation.message : refused ? blockedText(refused, lang) : refusedLetter ? `${doneText} ${refusedLetter.message}` : doneText));
  return (
    <StepFrame title={t('documents.stepTitle')} intro={t('documents.pane.intro')}>
      <fieldset className={s.kinds} aria-label={t('documents.stepTitle')}>
        {DOCUMENT_KINDS.map((kind) => (
          <Checkbox key={kind} label={t(`documents.kind.${kind}`)} checked={chosen.has(kind)} disabled={running} onChange={(_e, d) => toggle(kind, d.checked === true)} />
        ))}
      </fieldset>
      <div>
        {/* disabledFocusable while it runs: the focus stays on the button (a disabled one loses it). */}
        <Button appearance="primary" disabled={kinds.length === 0} disabledFocusable={running} onClick={() => void generate()}>
          {t('documents.pane.generate')}
        </Button>
      </div>
      {kinds.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('documents.pane.none')}</MessageBarBody>
        </MessageBar>
      )}
      <StatusRegion busy={running ? t('documents.pane.generating') : null} said={said} />
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={() => void generate()} />}
      {needsEvaluation && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{needsEvaluation.message}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.evaluate)}>
              {t('documents.pane.goEvaluate')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {refused && !needsEvaluation && <BlockedBar problems={refused} host={host} lang={lang} goTo={goTo} />}
      {result?.ok && (
        <div ref={made}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{doneText}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          {refusedLetter && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{refusedLetter.message}</MessageBarBody>
              {/* To the cell the clerk fixes (the level-1 date, else the level asked; the result, for a result short of it), as the problem list goes to its cells. */}
              {refusedLetter.sheet && refusedLetter.cell && (
                <MessageBarActions>
                  <Button onClick={() => void showCell(refusedLetter.sheet!, refusedLetter.cell!, { focus: true })}>{t('pane.problems.goToCell', { sheet: refusedLetter.sheet, cell: refusedLetter.cell })}</Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          <ul className={s.links}>
            {result.documents.map((d) => (
              <li key={d.kind}>
                <Link onClick={() => void open(d.sheet)}>{t('documents.pane.open', { sheet: d.sheet })}</Link>
              </li>
            ))}
            <li>
              <Link onClick={() => void open(result.templates.sheet)}>{t('documents.pane.templates', { sheet: result.templates.sheet })}</Link>
            </li>
          </ul>
          {result.warnings.length > (refusedLetter ? 1 : 0) && <ProblemList problems={result.warnings.filter((w) => w !== refusedLetter)} host={host} lang={lang} />}
        </div>
      )}
      {openError !== null && <ErrorBar error={openError} lang={lang} />}
    </StepFrame>
  );
}
