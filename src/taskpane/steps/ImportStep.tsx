/**
 * "Nhập danh sách có sẵn": pick the school's own staff sheet (or, in the preview, a sheet of
 * an uploaded file), check the proposed column mapping, see the first rows as they will be
 * written, the unreadable cells and the added / updated / unchanged / removed counts, then "Nhập".
 */
import { Body1, Button, Caption1, Checkbox, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SheetData, Workbook } from '../../workbook/port';
import { columnLetter } from '../../workbook/a1';
import { applyImport, cellChanges, previewImport, readSourceSheet, rewordImport, type ImportPreview, type ImportResult, type ImportSource } from '../../usecases/import/importMembers';
import { changeLine, keptSummary, shownValue, targetLabel } from '../../usecases/import/wording';
import { targetsFor, type ImportMode, type MappingChoice } from '../../usecases/import/mapping';
import { listSheets, type SheetTab } from '../../usecases/listSheets';
import { BIRTH_TARGET, ID_TARGET } from '../../usecases/import/targets';
import { ErrorBar, errorAnnouncement } from '../PaneMessages';
import { ProblemList } from '../ProblemList';
import { StatusRegion, StepFrame } from '../StepFrame';
import { useRevealed } from '../useRevealed';
import { useTask } from '../useTask';
import { useT, type Translate } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';
import { FileRefusedError } from '../../usecases/xlsxReason';

const PREVIEW_ROWS = 5;
/** Changed and kept cells named in the pane; the rest are counted. */
const CELLS_SHOWN = 10;

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalXS, textAlign: 'left', verticalAlign: 'top' },
  scroll: { overflowX: 'auto' },
  // A list is as wide as its longest choice: laid out fixed, each fits its column and the pane.
  mapping: { tableLayout: 'fixed' },
  sourceColumn: { width: '40%' },
  choice: { width: '100%', minWidth: 0 },
});

/** An uploaded file (preview only): its sheets are read from the file, not the open workbook. */
interface UploadedFile {
  name: string;
  workbook: Workbook;
  sheets: SheetTab[];
}

export function ImportStep({ host, lang, goTo, active = true }: StepProps) {
  const t = useT(lang);
  const s = useStyles();
  const [ownSheets, setOwnSheets] = useState<SheetTab[] | null>(null);
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [sheet, setSheet] = useState('');
  const [mode, setMode] = useState<ImportMode>('members');
  /** A blank in the list empties the member's cell: the user's explicit choice, off by default. */
  const [clearBlanks, setClearBlanks] = useState(false);
  /** The list only adds members (a second sheet of the unit): nobody missing from it is marked as gone. */
  const [addOnly, setAddOnly] = useState(false);
  const [choice, setChoice] = useState<MappingChoice>({});
  const [preview, runPreview] = useTask<ImportPreview>();
  const [applied, runApply, resetApplied] = useTask<ImportResult>();
  /** The file that could not be opened and why (the reason is the file reader's, worded when it failed). */
  const [uploadError, setUploadError] = useState<{ file: string | null; reason: string; whole: boolean } | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [listing, setListing] = useState(0);

  // The open workbook's sheets, except the add-in's own; visible first, as `dvht import` lists them.
  // Listed each time the step is shown (sheets come and go), not when the pane opens:
  // inside Excel that would be one more round trip for every user.
  useEffect(() => {
    if (!active) return;
    let live = true;
    listSheets(host.workbook, { usersOnly: true }).then(
      (own) => {
        if (!live) return;
        setListError(null);
        setOwnSheets(own);
        setSheet((current) => current || own[0]?.name || '');
      },
      (error: unknown) => {
        if (live) setListError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [host, active, listing]);

  const source = useCallback(async (): Promise<ImportSource> => {
    if (!file) return { sheet };
    const read = await readSourceSheet(file.workbook, sheet);
    return { sheet, data: read.data ?? ({ name: sheet, rows: [] } as SheetData), label: file.name };
  }, [file, sheet]);

  const show = (nextChoice: MappingChoice, nextMode = mode, nextClear = clearBlanks, nextAddOnly = addOnly) => {
    // A new preview: the result of the import before is no longer what is on screen.
    resetApplied();
    void runPreview(async () => previewImport(host.workbook, await source(), { lang, mode: nextMode, choice: nextChoice, clearBlanks: nextClear, markRemoved: !nextAddOnly }));
  };

  const pickFile = async () => {
    let picked: File | undefined;
    try {
      [picked] = (await host.files?.pick('.xlsx', false)) ?? [];
      if (!picked) return;
      setUploadError(null);
      const workbook = await host.files!.open(picked);
      const sheets = await listSheets(workbook);
      setFile({ name: picked.name, workbook, sheets });
      setSheet(sheets[0]?.name ?? '');
      setChoice({});
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      setUploadError({ file: picked?.name ?? null, reason, whole: e instanceof FileRefusedError });
    }
  };

  const choices = file ? file.sheets : (ownSheets ?? []);
  const busy = preview.status === 'running' || applied.status === 'running';
  // Worded in the language shown now: switching language re-words the issues, nothing is read again.
  const p = useMemo(() => (preview.status === 'done' ? rewordImport(preview.value, lang) : null), [preview, lang]);
  const done = useMemo(() => (applied.status === 'done' ? rewordImport(applied.value, lang) : null), [applied, lang]);
  const doneText = done ? (done.applied ? diffText(done, mode, t) + (done.diff.kept.length > 0 ? ` ${keptSummary(lang, done.diff.kept, CELLS_SHOWN)}` : '') : done.blocking.map((b) => b.message).join(' ')) : '';
  // Said to screen readers: the bars, lists and counts that show these are no live regions.
  const previewSaid = preview.status === 'error' ? errorAnnouncement(preview.error, lang) : p ? (p.ok ? diffText(p, mode, t) : p.blocking.map((b) => b.message).join(' ')) : undefined;
  const appliedSaid = applied.status === 'error' ? errorAnnouncement(applied.error, lang) : done ? `${t(done.applied ? 'import.pane.doneTitle' : 'import.pane.notDone')}. ${doneText}` : undefined;
  const doneBar = useRevealed<HTMLDivElement>(applied.status === 'done' ? applied.value : null);

  return (
    <StepFrame title={t('import.pane.title')} intro={t('import.pane.intro')}>
      <div className={s.row}>
        <Field label={file ? t('import.pane.sheetOfFile', { file: file.name }) : t('import.pane.sheet')}>
          <Select
            value={sheet}
            disabled={busy || !choices.length}
            onChange={(_, d) => {
              setSheet(d.value);
              setChoice({});
            }}
          >
            {choices.map(({ name, state }) => (
              <option key={name} value={name}>
                {state === 'visible' ? name : `${name} ${t('import.cli.hiddenMark')}`}
              </option>
            ))}
          </Select>
        </Field>
        {host.files && (
          <Button disabledFocusable={busy} onClick={() => void pickFile()}>
            {t('import.pane.pickFile')}
          </Button>
        )}
        {file && (
          <Button appearance="subtle" disabledFocusable={busy} onClick={() => setFile(null)}>
            {t('import.pane.useOpenWorkbook')}
          </Button>
        )}
      </div>
      {listError !== null && !file && <ErrorBar error={listError} lang={lang} onRetry={() => setListing((n) => n + 1)} />}
      {uploadError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{uploadError.file !== null ? t(uploadError.whole ? 'preview.openRefused' : 'preview.openFailed', { file: uploadError.file, reason: uploadError.reason }) : uploadError.reason}</MessageBarBody>
        </MessageBar>
      )}
      {ownSheets !== null && !choices.length && <Body1>{t('import.pane.noSheets')}</Body1>}
      <Checkbox
        checked={mode === 'cdht'}
        label={t('import.pane.cdhtMode')}
        onChange={(_, d) => {
          const next = d.checked ? 'cdht' : 'members';
          setMode(next);
          setChoice({});
          if (p) show({}, next);
        }}
      />
      <Checkbox
        checked={clearBlanks}
        label={t('import.pane.clearBlanks')}
        onChange={(_, d) => {
          setClearBlanks(d.checked === true);
          if (p) show(choice, mode, d.checked === true);
        }}
      />
      {mode === 'members' && (
        <Checkbox
          checked={addOnly}
          label={t('import.pane.addOnly')}
          onChange={(_, d) => {
            setAddOnly(d.checked === true);
            if (p) show(choice, mode, clearBlanks, d.checked === true);
          }}
        />
      )}
      <div>
        <Button appearance="primary" disabled={!sheet} disabledFocusable={busy} onClick={() => show(choice)}>
          {t(p ? 'import.pane.refresh' : 'import.pane.preview')}
        </Button>
      </div>
      <StatusRegion busy={preview.status === 'running' ? t('import.pane.reading') : null} said={previewSaid} />
      {preview.status === 'error' && <ErrorBar error={preview.error} lang={lang} onRetry={() => show(choice)} />}
      {p && !p.ok && <ProblemList problems={p.blocking.map((b) => ({ ...b, severity: 'error' as const }))} host={host} lang={lang} />}
      {p && p.ok && (
        <PreviewView
          preview={p}
          mode={mode}
          t={t}
          clickable={!file}
          busy={busy}
          host={host}
          lang={lang}
          onMap={(col, target) => {
            const next = { ...choice, [col]: target };
            setChoice(next);
            show(next);
          }}
        />
      )}
      {p && p.ok && (
        <div>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void runApply(async () => applyImport(host.workbook, await source(), { lang, mode, choice, clearBlanks, markRemoved: !addOnly }))}>
            {t('import.pane.apply')}
          </Button>
        </div>
      )}
      <StatusRegion busy={applied.status === 'running' ? t('import.pane.applying') : null} said={appliedSaid} />
      {applied.status === 'error' && <ErrorBar error={applied.error} lang={lang} />}
      {done && (
        <MessageBar ref={doneBar} intent={done.applied ? 'success' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(done.applied ? 'import.pane.doneTitle' : 'import.pane.notDone')}</MessageBarTitle>
            {doneText}
            {done.applied && <span data-testid="next-step"> {t('pane.import.next')}</span>}
          </MessageBarBody>
          {done.applied && (
            <MessageBarActions>
              <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.data)}>
                {t('pane.import.goData')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </StepFrame>
  );
}

function diffText(p: ImportPreview, mode: ImportMode, t: Translate): string {
  const d = p.diff;
  if (mode === 'cdht') return t('import.pane.cdhtDiff', { updated: d.updated.length, unchanged: d.unchanged.length, unmatched: d.unmatched.length });
  return t('import.pane.diff', { added: d.added.length, updated: d.updated.length, unchanged: d.unchanged.length, removed: d.removed.length });
}

/** Before → after for each cell the import changes, and the values it keeps where the list is blank. */
function ChangedCells({ preview: p, t, lang }: { preview: ImportPreview; t: Translate; lang: StepProps['lang'] }) {
  const changes = cellChanges(p.diff);
  const title = t('import.pane.changesTitle', { count: changes.length });
  return (
    <>
      {changes.length > 0 && (
        <>
          <h3>{title}</h3>
          <ul aria-label={title}>
            {changes.slice(0, CELLS_SHOWN).map((c) => (
              <li key={c.cell}>{changeLine(lang, c)}</li>
            ))}
            {changes.length > CELLS_SHOWN && <li>{t('import.diff.more', { count: changes.length - CELLS_SHOWN })}</li>}
          </ul>
        </>
      )}
      {p.diff.kept.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{`${keptSummary(lang, p.diff.kept, CELLS_SHOWN)} ${t('import.pane.keptHow')}`}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

interface PreviewViewProps {
  preview: ImportPreview;
  mode: ImportMode;
  t: Translate;
  clickable: boolean;
  busy: boolean;
  host: StepProps['host'];
  lang: StepProps['lang'];
  onMap(col: number, target: string | null): void;
}

function PreviewView({ preview: p, mode, t, clickable, busy, host, lang, onMap }: PreviewViewProps) {
  const s = useStyles();
  const targets = targetsFor(mode);
  const mapped = p.columns.filter((c) => c.target && c.target !== 'ordinal');
  const label = (key: string) => targetLabel(lang, key);
  const problems = [
    ...p.issues.map((i) => ({ severity: 'warning' as const, sheet: clickable ? i.sheet : null, cell: clickable ? i.cell : null, message: i.message })),
    ...p.notices.map((n) => ({ severity: 'warning' as const, sheet: clickable ? n.sheet : null, cell: clickable ? n.cell : null, message: n.message })),
  ];
  return (
    <>
      {p.mappingSource === 'saved' && <Caption1>{t('import.pane.savedUsed')}</Caption1>}
      <h3>{t('import.pane.mappingTitle', { rows: p.header!.top === p.header!.bottom ? p.header!.top : `${p.header!.top}–${p.header!.bottom}` })}</h3>
      <div className={s.scroll}>
        <table className={`${s.table} ${s.mapping}`}>
          <thead>
            <tr>
              <th className={`${s.cell} ${s.sourceColumn}`}>{t('import.pane.sourceColumn')}</th>
              <th className={s.cell}>{t('import.pane.targetColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {p.columns.map((c) => (
              <tr key={c.col}>
                <td className={s.cell}>
                  {columnLetter(c.col)} · {c.header}
                  {c.hidden ? ` (${t('import.pane.hidden')})` : ''}
                </td>
                <td className={s.cell}>
                  <Select className={s.choice} select={{ className: s.choice }} aria-label={t('import.pane.mapAria', { column: c.header })} size="small" disabled={busy} value={c.target ?? ''} onChange={(_, d) => onMap(c.col, d.value || null)}>
                    <option value="">{t('import.field.none')}</option>
                    {targets.map((x) => (
                      <option key={x.key} value={x.key}>
                        {label(x.key)}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('import.pane.rowsTitle', { count: p.rows.length })}</h3>
      <div className={s.scroll}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.cell}>{t('import.pane.sourceRow')}</th>
              {mapped.map((c) => (
                <th key={c.col} className={s.cell}>
                  {/* The date of birth keeps the list's own header in “Thành viên”. */}
                  {c.target === BIRTH_TARGET ? c.header : label(c.target!)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.row}>
                <td className={s.cell}>{r.row}</td>
                {mapped.map((c) => (
                  <td key={c.col} className={s.cell}>
                    {c.target === 'name' ? r.name : c.target === ID_TARGET ? (r.id ?? '') : String(shownValue(r.values[c.target!]) ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.skipped.length > 0 && <Caption1>{t('import.pane.skipped', { rows: p.skipped.map((x) => `${x.row} (${t(`import.skipped.${x.reason}`)})`).join(', ') })}</Caption1>}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('import.pane.diffTitle')}</MessageBarTitle>
          {diffText(p, mode, t)}
          {mode === 'members' && p.diff.removed.length > 0 && ` ${t('import.cli.removedNote')} ${t('import.pane.addHow')}`}
        </MessageBarBody>
      </MessageBar>
      <ChangedCells preview={p} t={t} lang={lang} />
      {problems.length > 0 ? (
        <>
          <h3>{t('import.pane.issuesTitle', { count: problems.length })}</h3>
          <ProblemList problems={problems} host={host} lang={lang} />
        </>
      ) : (
        <Body1>{t('import.pane.noIssues')}</Body1>
      )}
    </>
  );
}
