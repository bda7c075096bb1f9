/**
 * "Tổng hợp đơn vị" (for officers who receive dossiers): pick or drop many unit workbooks,
 * read them in a Web Worker with a progress bar and a Stop button, then write the sheets
 * "Tổng hợp đơn vị" and "Báo cáo tệp" in one write, only once every file has been read.
 * Inside Excel they go into the open workbook; in the preview, by default, into a new
 * workbook that is then shown (a school's own workbook is not the place for them), or into
 * the open one if the officer chooses. A unit's own workbook never takes them (the use-case
 * refuses it): said as soon as the step is shown. The sheets are dossier documents, so their
 * words are Vietnamese.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { PRESETS, findPreset } from '../../domain/rules/presets';
import { bodyTierProblem, consolidateFiles, CONSOLIDATION_SHEETS, isUnitWorkbook, isUnitWorkbookTargetError, shownFileName, summaryText, type ConsolidationResult } from '../../usecases/consolidate';
import { readInWorkers, workerCount, type WorkerLike } from '../../usecases/consolidate/workerProtocol';
import type { Workbook } from '../../workbook/port';
import { ErrorBar, errorAnnouncement, openBookText } from '../PaneMessages';
import { StatusRegion, StepFrame } from '../StepFrame';
import { useShowCell } from '../useShowCell';
import { latestEvery } from '../latestEvery';
import { useT } from '../useT';
import type { StepProps } from './registry';
import { OfficerDocuments } from './OfficerDocuments';
import { HandoutSection } from './HandoutSection';

const ACCEPT = '.xlsx,.xlsm,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How often the progress is redrawn while files are read. */
const PROGRESS_MS = 100;
/** The dossier's language, whatever the pane's. */
const SHEET_LANG = 'vi';

/** The worker webpack emits next to the pane's page. */
function defaultWorker(): WorkerLike {
  return new Worker('consolidate.worker.js') as unknown as WorkerLike;
}

const useStyles = makeStyles({
  // A list is as wide as its longest choice (a rule set's long name): it fits the pane instead.
  fit: { width: '100%', minWidth: 0 },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Fluent animates the bar's width: redrawn ten times a second, it kept the pane painting for the whole read.
  progressBar: { transitionProperty: 'none' },
  names: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** How many chosen files are named; the rest are counted (an officer may pick thousands). */
const NAMED_FILES = 8;

/** Where the preview writes the consolidation: a workbook of its own, or the one open. */
type Target = 'new' | 'open';

/** The new workbook's file name, from the body's name without the characters file systems refuse. */
function newWorkbookName(template: string): string {
  return template.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'writing' }
  /** `into`: the new workbook it was written into and that is now shown, if not the open one. */
  | { kind: 'done'; result: ConsolidationResult; into: string | null }
  | { kind: 'cancelled' }
  /** The target was a unit's own workbook: nothing read, nothing written. */
  | { kind: 'refused' }
  | { kind: 'error'; error: unknown };

export function ConsolidateStep({ host, lang, active = true, createWorker = defaultWorker }: StepProps & { createWorker?: () => WorkerLike }) {
  const t = useT(lang);
  const s = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [body, setBody] = useState('');
  const [tier, setTier] = useState('');
  const [ruleSetId, setRuleSetId] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const replaceable = host.replaceable;
  const [target, setTarget] = useState<Target>('new');
  /** The open workbook has changes not downloaded: asked about before a new one replaces it. */
  const [askUnsaved, setAskUnsaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  /** The open workbook is a unit's own: read whenever the step is shown, before the officer picks a file. */
  const [unitOpen, setUnitOpen] = useState(false);
  useEffect(() => {
    if (!active) return;
    let live = true;
    isUnitWorkbook(host.workbook).then(
      (unit) => {
        if (live) setUnitOpen(unit);
      },
      () => undefined, // unreadable now: pressing the button says why
    );
    return () => {
      live = false;
    };
  }, [host.workbook, active]);
  const busy = phase.kind === 'reading' || phase.kind === 'writing';
  const intoNew = replaceable !== undefined && target === 'new';
  // What this host offers instead: the preview a new workbook, Excel a blank one the officer makes.
  const unitRefusal =
    unitOpen && !intoNew
      ? `${t('consolidate.unitWorkbook', { book: openBookText(host, t) })} ${replaceable ? t('consolidate.pane.unitWorkbookPreview', { option: t('consolidate.target.new'), field: t('consolidate.target.label') }) : t('consolidate.pane.unitWorkbookExcel')}`
      : null;
  const doneText = phase.kind === 'done' ? t('consolidate.pane.done', { units: phase.result.summary.units, sheet: CONSOLIDATION_SHEETS.units, summary: summaryText(phase.result.summary, lang) }) : '';
  const intoText = phase.kind === 'done' && phase.into !== null ? t('consolidate.target.shown', { file: phase.into }) : '';
  // Said to screen readers: a batch takes minutes, and the bars below are no live regions.
  const said =
    phase.kind === 'done'
      ? [doneText, intoText].filter(Boolean).join(' ')
      : phase.kind === 'cancelled'
        ? t('consolidate.pane.cancelled')
        : phase.kind === 'error'
          ? errorAnnouncement(phase.error, lang)
          : phase.kind === 'refused'
            ? (unitRefusal ?? undefined)
            : undefined;
  const [showCell, showError] = useShowCell(host);

  const addFiles = (list: FileList | File[] | null) => {
    if (!list) return;
    // Copied now: a FileList is live, and the input is cleared right after this call.
    const picked = Array.from(list);
    setFiles((old) => [...old, ...picked.filter((f) => !old.some((o) => shownFileName(o.name) === shownFileName(f.name) && o.size === f.size))]);
    setHint(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) addFiles(e.dataTransfer.files);
  };

  const start = async (unsavedAnswered = false) => {
    if (!body.trim() || !tier.trim()) return setHint(t('consolidate.pane.needBody'));
    const tierProblem = bodyTierProblem(tier, lang, 'consolidate');
    if (tierProblem) return setHint(tierProblem);
    if (files.length === 0) return setHint(t('consolidate.pane.needFiles'));
    setHint(null);
    if (intoNew && !unsavedAnswered && replaceable.unsaved()) return setAskUnsaved(true);
    setAskUnsaved(false);
    const makeWorker = () => {
      try {
        return createWorker();
      } catch {
        throw new Error(t('consolidate.pane.noWorker'));
      }
    };
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'reading', done: 0, total: files.length });
    const progress = latestEvery<{ done: number; total: number }>(PROGRESS_MS, (p) => setPhase({ kind: 'reading', ...p }));
    try {
      const picked = files;
      const ruleSet = findPreset(ruleSetId) ?? null;
      const consolidate = (workbook: Workbook) =>
        consolidateFiles(
          workbook,
          picked.map((f) => ({ label: f.name, size: f.size })),
          (indices, onOutcome) =>
            readInWorkers(
              makeWorker,
              workerCount(),
              indices.map((i) => ({ name: picked[i]!.name, file: picked[i]! })),
              { lang: SHEET_LANG, ruleSet, signal: controller.signal, onOutcome: (outcome, k) => onOutcome(outcome, indices[k]!) },
            ),
          {
            body: body.trim(),
            tier: tier.trim(),
            ruleSet,
            lang: SHEET_LANG,
            onProgress: (p) => progress.push(p),
            onWriting: () => {
              progress.cancel();
              setPhase({ kind: 'writing' });
            },
          },
        );
      const name = newWorkbookName(t('consolidate.target.fileName', { body: body.trim() }));
      const result = intoNew ? await replaceable.fillNew(name, consolidate) : await consolidate(host.workbook);
      setPhase(result ? { kind: 'done', result, into: intoNew ? name : null } : { kind: 'cancelled' });
    } catch (error) {
      // Refused before any file was read (the workbook became a unit's after the step read it, or before that read answered).
      if (isUnitWorkbookTargetError(error)) {
        setUnitOpen(true);
        setPhase({ kind: 'refused' });
      } else setPhase({ kind: 'error', error });
    } finally {
      progress.cancel();
      abort.current = null;
    }
  };

  const downloadThenStart = async () => {
    try {
      await replaceable?.download();
    } catch (error) {
      setAskUnsaved(false);
      return setPhase({ kind: 'error', error });
    }
    await start(true);
  };

  const unitBar = unitRefusal && (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{unitRefusal}</MessageBarBody>
    </MessageBar>
  );

  return (
    <StepFrame title={t('consolidate.pane.title')} intro={t('consolidate.pane.intro')}>
      {/* Inside Excel the open workbook is the only target: said before any file is picked. */}
      {!replaceable && unitBar}
      <div
        className={dragging ? `${s.drop} ${s.dropActive}` : s.drop}
        data-testid="consolidate-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className={s.row}>
          <Button disabledFocusable={busy} onClick={() => input.current?.click()}>
            {t('consolidate.pane.pick')}
          </Button>
          <span>{t('consolidate.pane.drop')}</span>
        </div>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="consolidate-files"
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        {files.length > 0 && (
          <div className={s.row}>
            <span role="status">{t('consolidate.pane.selected', { count: files.length })}</span>
            <Button appearance="subtle" disabledFocusable={busy} onClick={() => setFiles([])}>
              {t('consolidate.pane.clear')}
            </Button>
          </div>
        )}
        {files.length > 0 && (
          <ul className={s.names} aria-label={t('consolidate.pane.selected', { count: files.length })}>
            {files.slice(0, NAMED_FILES).map((f) => (
              <li key={`${f.name}|${f.size}`}>{shownFileName(f.name)}</li>
            ))}
            {files.length > NAMED_FILES && <li>{t('consolidate.pane.moreFiles', { count: files.length - NAMED_FILES })}</li>}
          </ul>
        )}
      </div>
      <Field label={t('consolidate.pane.body')} hint={t('consolidate.pane.bodyHint')} required>
        <Input value={body} disabled={busy} onChange={(_, d) => setBody(d.value)} />
      </Field>
      <Field label={t('consolidate.pane.tier')} hint={t('consolidate.pane.tierHint')} required>
        <Input value={tier} disabled={busy} onChange={(_, d) => setTier(d.value)} />
      </Field>
      <Field label={t('consolidate.pane.ruleSet')}>
        <Select className={s.fit} select={{ className: s.fit }} value={ruleSetId} disabled={busy} onChange={(_, d) => setRuleSetId(d.value)}>
          <option value="">{t('consolidate.pane.ruleSetOwn')}</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      {replaceable ? (
        <Field label={t('consolidate.target.label')} hint={t(target === 'new' ? 'consolidate.target.newHint' : 'consolidate.target.openHint')}>
          <RadioGroup value={target} disabled={busy} onChange={(_, d) => setTarget(d.value as Target)}>
            <Radio value="new" label={t('consolidate.target.new')} />
            <Radio value="open" label={t('consolidate.target.open', { file: host.workbook.label })} />
          </RadioGroup>
        </Field>
      ) : (
        <Caption1>{t('consolidate.target.excel', { file: host.workbook.label })}</Caption1>
      )}
      {replaceable && unitBar}
      {hint && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{hint}</MessageBarBody>
        </MessageBar>
      )}
      {askUnsaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('consolidate.target.unsaved', { file: host.workbook.label })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void downloadThenStart()}>
              {t('consolidate.target.downloadFirst')}
            </Button>
            <Button onClick={() => void start(true)}>{t('consolidate.target.discard')}</Button>
            <Button appearance="subtle" onClick={() => setAskUnsaved(false)}>
              {t('consolidate.target.keep')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={s.row}>
        {/* disabledFocusable while it reads and writes: the focus stays on the button (a disabled one loses it). */}
        <Button appearance="primary" disabled={askUnsaved} disabledFocusable={busy} onClick={() => void start()}>
          {t('consolidate.pane.start')}
        </Button>
        {phase.kind === 'reading' && <Button onClick={() => abort.current?.abort()}>{t('consolidate.pane.cancel')}</Button>}
      </div>
      {phase.kind === 'reading' && (
        <Field validationMessage={t('consolidate.pane.progress', { done: phase.done, total: phase.total })} validationState="none">
          <ProgressBar value={phase.total ? phase.done / phase.total : 0} bar={{ className: s.progressBar }} />
        </Field>
      )}
      <StatusRegion busy={phase.kind === 'writing' ? t('consolidate.pane.writing') : null} said={said} />
      {phase.kind === 'cancelled' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('consolidate.pane.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'error' && <ErrorBar error={phase.error} lang={lang} onRetry={() => void start()} />}
      {phase.kind === 'done' && (
        <MessageBar intent={phase.result.summary.rejected || phase.result.summary.flagged ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            {doneText}
            {intoText && <div>{intoText}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void showCell(CONSOLIDATION_SHEETS.units, 'A1')}>{t('consolidate.pane.show')}</Button>
            <Button onClick={() => void showCell(CONSOLIDATION_SHEETS.stats, 'A1')}>{t('consolidate.pane.showStats')}</Button>
            <Button onClick={() => void showCell(CONSOLIDATION_SHEETS.files, 'A1')}>{t('consolidate.pane.showFiles')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {showError !== null && <ErrorBar error={showError} lang={lang} />}
      <OfficerDocuments host={host} lang={lang} body={body.trim()} tier={tier.trim()} />
      <HandoutSection host={host} lang={lang} presetId={ruleSetId} body={body.trim()} tier={tier.trim()} />
    </StepFrame>
  );
}
