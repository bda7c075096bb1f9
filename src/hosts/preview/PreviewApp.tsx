/**
 * The preview: the task pane beside the workbook it works on, for people without an Excel
 * that runs add-ins. The workbook lives in this tab only: files are read and written in
 * the browser, nothing is sent anywhere.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { t, type Lang, type MessageKey } from '../../i18n';
import { App } from '../../taskpane/App';
import { createSheets } from '../../usecases/createSheets';
import { sampleUnit } from '../../usecases/sampleData';
import { parseCell } from '../../workbook/a1';
import { findSheetName } from '../../workbook/plan';
import type { Selection } from '../../workbook/exceljs/excelJsWorkbook';
import { PreviewWorkbook } from './previewWorkbook';
import { createPreviewHost, offerDownload, openUpload, pickFiles } from './previewHost';
import { SheetGrid, type GridSelection } from './SheetGrid';
import { sheetView } from './sheetView';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginRight: tokens.spacingHorizontalL },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  file: { display: 'flex', flexDirection: 'column', marginLeft: 'auto', textAlign: 'right' },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  main: { display: 'flex', flexGrow: 1, minHeight: 0, gap: 0 },
  book: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  tabs: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  selection: { marginLeft: 'auto', whiteSpace: 'nowrap', paddingRight: tokens.spacingHorizontalS },
  empty: { padding: tokens.spacingHorizontalXXL, maxWidth: '40em' },
  pane: { width: '400px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

interface Doc {
  workbook: PreviewWorkbook;
  /** A new file or sample gets a new pane (its state belonged to the previous workbook). */
  generation: number;
}

interface Notice {
  intent: 'success' | 'error' | 'info';
  text: string;
}

function downloadName(label: string): string {
  return /\.xlsx$/i.test(label) ? label : `${label}.xlsx`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The sheet's name as the workbook spells it (matched by the one sheet-name key: case and NFD/NFC). */
function actualName(workbook: PreviewWorkbook, name: string): string | null {
  return findSheetName(workbook.workbook.worksheets.map((w) => w.name), name) ?? null;
}

export function PreviewApp(props: { lang: Lang; locale: string; theme: 'light' | 'dark' }) {
  const { lang, locale, theme } = props;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const s = useStyles();
  const [doc, setDoc] = useState<Doc>(() => ({ workbook: PreviewWorkbook.create(t(lang, 'preview.newFileName')), generation: 0 }));
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  /** Changes since the file was opened or downloaded: replacing it then asks first. */
  const dirty = useRef(false);
  const lastSelection = useRef<Selection | null>(null);

  const show = useCallback((workbook: PreviewWorkbook, sel: Selection) => {
    const name = actualName(workbook, sel.sheet);
    if (!name) return;
    setActive(name);
    setSelection({ sheet: name, address: sel.address });
  }, []);
  // After each batch of the pane: redraw, remember a change, show what the use-case selected.
  const afterBatch = useCallback(
    (workbook: PreviewWorkbook, wrote: boolean) => {
      if (wrote) dirty.current = true;
      setVersion((v) => v + 1);
      const sel = workbook.lastSelection;
      if (sel && sel !== lastSelection.current) {
        lastSelection.current = sel;
        show(workbook, sel);
      }
    },
    [show],
  );

  const host = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- the host calls these after its batches, never during render
      createPreviewHost({
        workbook: doc.workbook,
        locale,
        theme,
        onBatch: ({ wrote }) => afterBatch(doc.workbook, wrote),
        onShowCell: (sheet, address) => show(doc.workbook, { sheet, address }),
      }),
    [doc, locale, theme, afterBatch, show],
  );

  const replaceWorkbook = (workbook: PreviewWorkbook, text: string) => {
    dirty.current = false;
    lastSelection.current = workbook.lastSelection;
    setDoc((d) => ({ workbook, generation: d.generation + 1 }));
    setActive(null);
    setSelection(null);
    if (workbook.lastSelection) show(workbook, workbook.lastSelection);
    setNotice({ intent: 'success', text });
  };

  const mayReplace = () => !dirty.current || window.confirm(tr('preview.discardChanges', { file: doc.workbook.label }));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const openFile = () =>
    run(async () => {
      if (!mayReplace()) return;
      const [file] = await pickFiles(`.xlsx,${XLSX_MIME}`, false);
      if (!file) return;
      try {
        const workbook = await openUpload(file, lang);
        replaceWorkbook(workbook, tr('preview.opened', { file: file.name }));
      } catch (e) {
        setNotice({ intent: 'error', text: tr('preview.openFailed', { file: file.name, reason: errorText(e) }) });
      }
    });

  const loadSample = () =>
    run(async () => {
      if (!mayReplace()) return;
      const unit = sampleUnit();
      const workbook = PreviewWorkbook.create(tr('preview.sampleFileName'));
      await createSheets(workbook, unit);
      replaceWorkbook(workbook, tr('preview.sampleLoaded', { unit: unit.unit.name, members: unit.members?.length ?? 0 }));
    });

  const download = () =>
    run(async () => {
      try {
        const bytes = await doc.workbook.toBuffer();
        const name = downloadName(doc.workbook.label);
        offerDownload(name, new Blob([bytes as BlobPart], { type: XLSX_MIME }));
        dirty.current = false;
        setNotice({ intent: 'success', text: tr('preview.downloaded', { file: name }) });
      } catch (e) {
        setNotice({ intent: 'error', text: tr('preview.downloadFailed', { reason: errorText(e) }) });
      }
    });

  const sheets = doc.workbook.workbook.worksheets.filter((w) => w.state === 'visible' || w.name === active);
  const current = (active && sheets.find((w) => w.name === active)) || sheets[0] || null;
  // The worksheet changes in place: `version` counts the batches that may have changed it.
  const view = useMemo(() => (current ? sheetView(current, locale) : null), [current, version, locale]); // eslint-disable-line react-hooks/exhaustive-deps -- version stands for in-place changes
  const at = selection && current && selection.sheet === current.name ? parseCell(selection.address.split(':')[0]!) : null;
  const gridSelection: GridSelection | null = at ? { row: at.row, column: at.col } : null;

  const title = tr('preview.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className={s.page} lang={lang}>
      <header className={s.header}>
        <div className={s.brand}>
          <img src="assets/icon-32.png" width={32} height={32} alt="" />
          <Title3 as="h1" className={s.title}>
            {tr('preview.title')}
          </Title3>
        </div>
        <div className={s.actions} role="toolbar" aria-label={tr('preview.toolbar')}>
          <Button appearance="primary" onClick={openFile} disabled={busy}>
            {tr('preview.open')}
          </Button>
          <Button onClick={download} disabled={busy || sheets.length === 0}>
            {tr('preview.download')}
          </Button>
          <Button onClick={loadSample} disabled={busy}>
            {tr('preview.sample')}
          </Button>
          {busy && <Spinner size="tiny" label={tr('preview.working')} />}
        </div>
        <div className={s.file}>
          <Body1 data-testid="preview-file">{doc.workbook.label}</Body1>
          <Caption1>{tr('preview.privacy')}</Caption1>
        </div>
      </header>
      <div aria-live="polite">
        {notice && (
          <MessageBar className={s.message} intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={s.main}>
        <section className={s.book} aria-label={tr('preview.workbook')}>
          {view ? (
            <SheetGrid view={view} selection={gridSelection} label={tr('preview.sheet', { sheet: view.name })} />
          ) : (
            <Body1 as="p" className={s.empty}>
              {tr('preview.noSheets')}
            </Body1>
          )}
          <div className={s.tabs}>
            {sheets.length > 0 && (
              <TabList size="small" selectedValue={current?.name} onTabSelect={(_, d) => setActive(String(d.value))} aria-label={tr('preview.sheets')}>
                {sheets.map((w) => (
                  <Tab key={w.id} value={w.name}>
                    {w.name}
                  </Tab>
                ))}
              </TabList>
            )}
            <Caption1 className={s.selection} aria-live="polite" data-testid="preview-selection">
              {selection ? tr('preview.selection', { cell: `'${selection.sheet}'!${selection.address}` }) : ''}
            </Caption1>
          </div>
        </section>
        {/* A region, not an <aside>: the pane brings its own <header> and <main>. */}
        <section className={s.pane} aria-label={tr('preview.pane')}>
          <App host={host} workbookKey={doc.generation} />
        </section>
      </div>
    </div>
  );
}
