/**
 * The preview: the task pane beside the workbook it works on, for people without an Excel
 * that runs add-ins. The workbook lives in this tab only: files are read and written in
 * the browser, nothing is sent anywhere.
 */
import { isWorkbookProtectedError, protectedText } from '../../workbook/protection';
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
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { langFromLocale, t, type Lang, type MessageKey } from '../../i18n';
import { App } from '../../taskpane/App';
import { rememberLang } from '../../taskpane/langChoice';
import { createSheets } from '../../usecases/createSheets';
import { sampleUnit } from '../../usecases/sampleData';
import { cellAddress, parseCell } from '../../workbook/a1';
import { findSheetName } from '../../workbook/plan';
import { editCells, ownedCells, type CellEdit } from '../../usecases/editCells';
import { PreviewWorkbook, type PartsChange, type Selection } from './previewWorkbook';
import { createPreviewHost, downloadName, gridEdits, observeWorkbook, offerDownload, openUpload, pickFiles, type BatchDone } from './previewHost';
import { FileRefusedError } from '../../usecases/xlsxReason';
import { pageLines, readOnly, SheetGrid, type GridMessages, type GridSelection, type TypedCell } from './SheetGrid';
import { sheetView, sheetViews, type CellView } from './sheetView';
import { PrintSheet } from './PrintSheet';
import { keepChange } from './editHistory';
import { typedInput } from './typedInput';
import type { BookModel, SheetModel } from './packageModel';

/**
 * The pane, drawn again only when its props change (its workbook, its language): the page renders after
 * each of the grid's edits, and the pane's steps are its own state (an edit reaches them through `edits`).
 */
const Pane = memo(App);

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Under this height the page's header and message leave the grid and the pane too little of the screen. */
const SHORT = 560;
/** The pane's width on a wide screen, and its narrowest: Excel's task pane is about this wide. */
const PANE_WIDTH = 400;
const PANE_MIN_WIDTH = 320;
/** The grid's narrowest beside the pane (about five of the sample's columns). */
const GRID_MIN_WIDTH = 480;
/** Narrower than both side by side (and a page scrollbar), the pane goes under the workbook: a laptop zoomed to 200 %. */
const STACK_BELOW = PANE_MIN_WIDTH + GRID_MIN_WIDTH + 20;
// Griffel sorts media queries by their text, not by their order here: these two never overlap (.02: a zoomed width is fractional).
const NARROW_SCREEN = `@media (max-width: ${STACK_BELOW - 0.02}px)`;
const SHORT_WIDE_SCREEN = `@media (max-height: ${SHORT}px) and (min-width: ${STACK_BELOW}px)`;
/** A short or narrow screen (a laptop zoomed to 150–200 %): the page scrolls, the grid and the pane each get the screen's height. */
const scrollingPage = { height: 'auto', minHeight: '100vh' };

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    // A short screen: the header and the message would keep half of it. A narrow one: the pane goes under the grid.
    [`@media (max-height: ${SHORT}px)`]: scrollingPage,
    [NARROW_SCREEN]: scrollingPage,
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
  main: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    gap: 0,
    [SHORT_WIDE_SCREEN]: { height: '100vh', flexShrink: 0 },
    // The workbook, then the pane: top to bottom in the keyboard's order.
    [NARROW_SCREEN]: { flexDirection: 'column' },
  },
  book: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW_SCREEN]: { height: '100vh', boxSizing: 'border-box', flexShrink: 0, borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  messages: { maxHeight: '30vh', overflowY: 'auto', flexShrink: 0 },
  tabs: {
    display: 'flex',
    alignItems: 'center',
    flexShrink: 0,
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // The tab list scrolls on its own (13+ sheets): the selected cell's caption stays visible.
  tabScroller: { flexGrow: 1, minWidth: 0, overflowX: 'auto' },
  selection: { flexShrink: 0, whiteSpace: 'nowrap', paddingRight: tokens.spacingHorizontalS },
  structureLocked: { flexShrink: 0, whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  sheetStatus: {
    flexShrink: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  allSheets: { flexShrink: 0, maxWidth: '12em', fontSize: tokens.fontSizeBase200 },
  empty: { padding: tokens.spacingHorizontalXXL, maxWidth: '40em' },
  pane: {
    // Narrower down to Excel's width before the grid gets less than its narrowest (and its 1 px border).
    width: `clamp(${PANE_MIN_WIDTH}px, calc(100% - ${GRID_MIN_WIDTH + 1}px), ${PANE_WIDTH}px)`,
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW_SCREEN]: { width: 'auto', height: '100vh' },
  },
});

interface Doc {
  workbook: PreviewWorkbook;
  /** A new file or sample gets a new pane (its state belonged to the previous workbook). */
  generation: number;
}

/** Kept as a message key and its data, so that it is worded again in the language switched to. */
interface Notice {
  intent: 'success' | 'error' | 'info';
  key: MessageKey;
  params?: Record<string, string | number>;
  /** A message key worded into the `reason` parameter. */
  reasonKey?: MessageKey;
}

/** Why a cell is read-only: the add-in's own cells first (lifting a protection would not free them). */
/** What a write of several cells says when some were kept: by how they came and why they were kept. */
const REFUSED_KEYS: Record<'pasted' | 'filled' | 'cleared', Record<'owned' | 'locked', MessageKey>> = {
  pasted: { owned: 'preview.grid.pasteRefused', locked: 'preview.grid.pasteLocked' },
  filled: { owned: 'preview.grid.fillRefused', locked: 'preview.grid.fillLocked' },
  cleared: { owned: 'preview.grid.clearRefused', locked: 'preview.grid.clearLocked' },
};

function readOnlyKey(cell: CellView): MessageKey {
  if (cell.owned) return cell.owned === 'sheet' ? 'preview.grid.owned.sheet' : 'preview.grid.owned.results';
  return 'preview.grid.locked';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the grid shows: the workbook's sheets and the one on screen, read from the package. */
interface Shown {
  workbook: PreviewWorkbook;
  book: BookModel;
  sheet: SheetModel | null;
}

/** One typed change, undone and redone as a whole. */
interface Change {
  sheet: string;
  before: CellEdit[];
  after: CellEdit[];
  /** Its sheet's parts before and after, when it changed more than cells (grew the members table over pasted rows, drew them as its rows). */
  parts?: PartsChange;
}

/** Whether a change of a sheet's parts reaches past its worksheet (a table, a relationship): then cells written back alone would not undo it. */
function beyondCells(change: PartsChange): boolean {
  return [...change.after].some(([path, text]) => path !== change.worksheet && change.before.get(path) !== text);
}

/** The texts a change holds to be undone and redone. */
function partsHeld(change: Change): (string | null)[] {
  return change.parts ? [...change.parts.before.values(), ...change.parts.after.values()] : [];
}

/** Once the browser has drawn the next frame; soon in a tab not shown, which draws none. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/** The locale of a language the user switched to (numbers and dates in the grid follow it). */
const LOCALE_OF: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function PreviewApp(props: { lang: Lang; locale: string; theme: 'light' | 'dark' }) {
  const { theme } = props;
  // One language for the whole page: the pane's switch sets it, the address keeps it (?lang=), and this browser the next visit.
  const [lang, setLang] = useState<Lang>(props.lang);
  // Numbers and dates as the browser writes them in its own language, else as the chosen language writes them.
  const locale = langFromLocale(props.locale) === lang ? props.locale : LOCALE_OF[lang];
  const switchLanguage = useCallback((next: Lang) => {
    setLang(next);
    rememberLang(next);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const s = useStyles();
  const [doc, setDoc] = useState<Doc>(() => ({ workbook: PreviewWorkbook.create(t(lang, 'preview.newFileName')), generation: 0 }));
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  /** The selected cell of each sheet (as Excel keeps one per sheet); the caption names the shown sheet's. */
  const [selections, setSelections] = useState<ReadonlyMap<string, string>>(() => new Map());
  const setSelection = useCallback((sel: Selection) => setSelections((m) => new Map(m).set(sel.sheet, sel.address)), []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  /** Changes since the file was opened or downloaded: replacing it then asks first. */
  const dirty = useRef(false);
  const lastSelection = useRef<Selection | null>(null);

  const [shown, setShown] = useState<Shown | null>(null);
  /** What was just typed, shown until the sheet is read back (a 5,000-row sheet takes a moment to rewrite). */
  const [pending, setPending] = useState<{ sheet: string; cells: Map<string, string> } | null>(null);
  /** Changes to undo, the newest last: bounded as Excel bounds its history (editHistory). */
  const undo = useRef<Change[]>([]);
  const redo = useRef<Change[]>([]);
  /** The pane wrote the workbook since it was opened: typing before that cannot be undone over it. */
  const paneWrote = useRef(false);
  /** The grid's edits told to the pane's listeners (its evaluation says when its results are out of date). */
  const [edits] = useState(gridEdits);

  /** Each time the grid is to take the keys (a cell gone to from the pane): the grid focuses itself when it changes. */
  const [gridFocus, setGridFocus] = useState(0);
  const show = useCallback(async (workbook: PreviewWorkbook, sel: Selection, focus = false) => {
    const reader = await workbook.read();
    // The sheet's name as the workbook spells it (matched by the one sheet-name key: case and NFD/NFC).
    const name = findSheetName(reader.book().sheets.map((w) => w.name), sel.sheet);
    if (!name) return;
    setActive(name);
    setSelection({ sheet: name, address: sel.address });
    if (focus) setGridFocus((n) => n + 1);
  }, [setSelection]);
  // After each batch of the pane: redraw and remember a change when it wrote, show what the use-case selected.
  // A batch that only read (the evaluation's out-of-date check, the setup step's) leaves the grid as drawn.
  const afterBatch = useCallback(
    (workbook: PreviewWorkbook, wrote: boolean) => {
      if (wrote) {
        dirty.current = true;
        setVersion((v) => v + 1);
      }
      const sel = workbook.lastSelection;
      if (sel && sel !== lastSelection.current) {
        lastSelection.current = sel;
        void show(workbook, sel);
      }
    },
    [show],
  );

  /** `filled`: the pane filled this new workbook (it keeps its state), and it is not downloaded yet. */
  const replaceWorkbook = useCallback(
    (workbook: PreviewWorkbook, done: Notice, filled = false) => {
      dirty.current = filled;
      lastSelection.current = workbook.lastSelection;
      setDoc((d) => ({ workbook, generation: filled ? d.generation : d.generation + 1 }));
      undo.current = [];
      redo.current = [];
      paneWrote.current = false;
      setActive(null);
      setSelections(new Map());
      if (workbook.lastSelection) void show(workbook, workbook.lastSelection);
      setNotice(done);
    },
    [show],
  );

  /** Offers the workbook's file for download; throws (after saying why) when it cannot be made. */
  const saveOpen = useCallback(async (workbook: PreviewWorkbook): Promise<void> => {
    try {
      const bytes = await workbook.toBuffer();
      const name = downloadName(workbook.label);
      offerDownload(name, new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      dirty.current = false;
      setNotice({ intent: 'success', key: 'preview.downloaded', params: { file: name } });
    } catch (e) {
      setNotice({ intent: 'error', key: 'preview.downloadFailed', params: { reason: errorText(e) } });
      throw e;
    }
  }, []);

  const host = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- the host calls these after its batches, never during render
      createPreviewHost({
        workbook: doc.workbook,
        locale,
        theme,
        onBatch: ({ wrote }) => {
          // The grid's undo history replays old values blindly: after the pane wrote (import,
          // evaluate …) it would undo over the pane's work, so it ends here.
          if (wrote) {
            undo.current = [];
            redo.current = [];
            paneWrote.current = true;
            // "Create the sheets in the pane" is done once the pane has written them: not left telling it.
            setNotice((n) => (n?.key === 'preview.newCreated' ? null : n));
          }
          afterBatch(doc.workbook, wrote);
        },
        onShowCell: (sheet, address, focus) => void show(doc.workbook, { sheet, address }, focus),
        unsaved: () => dirty.current,
        download: () => saveOpen(doc.workbook),
        edits: edits.edits,
        onReplace: (workbook) => replaceWorkbook(workbook, { intent: 'success', key: 'preview.consolidationShown', params: { file: workbook.label } }, true),
      }),
    [doc, locale, theme, afterBatch, show, saveOpen, replaceWorkbook, edits],
  );

  /** After each of the grid's own edits: redrawn like the pane's, but they keep the grid's undo history. */
  const gridBatchDone = useCallback(
    (done: BatchDone) => {
      afterBatch(doc.workbook, done.wrote);
      edits.told(done);
    },
    [doc, afterBatch, edits],
  );

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
        const workbook = await openUpload(file, lang, 'write');
        replaceWorkbook(workbook, { intent: 'success', key: 'preview.opened', params: { file: file.name } });
      } catch (e) {
        // The reader's reason is whole (what the file is, what to do); anything else gets the generic advice.
        setNotice({ intent: 'error', key: e instanceof FileRefusedError ? 'preview.openRefused' : 'preview.openFailed', params: { file: file.name, reason: errorText(e) } });
      }
    });

  const newWorkbook = () =>
    run(async () => {
      if (!mayReplace()) return;
      const name = tr('preview.newFileName');
      replaceWorkbook(PreviewWorkbook.create(name), { intent: 'success', key: 'preview.newCreated', params: { file: name } });
    });

  const loadSample = () =>
    run(async () => {
      if (!mayReplace()) return;
      const unit = sampleUnit();
      const workbook = PreviewWorkbook.create(tr('preview.sampleFileName'));
      await createSheets(workbook, unit);
      replaceWorkbook(workbook, { intent: 'success', key: 'preview.sampleLoaded', params: { unit: unit.unit.name, members: unit.members?.length ?? 0 } });
    });

  const download = () => run(() => saveOpen(doc.workbook).catch(() => undefined));

  // Reads what the grid shows after each batch, a new workbook or another tab.
  useEffect(() => {
    let live = true;
    void (async () => {
      const reader = await doc.workbook.read();
      const book = reader.book();
      const visible = book.sheets.filter((w) => w.state === 'visible' || w.name === active);
      const name = (active && visible.find((w) => w.name === active)?.name) || visible[0]?.name;
      const sheet = name ? await reader.sheet(name) : null;
      if (!live) return;
      setShown({ workbook: doc.workbook, book, sheet });
      setPending(null);
    })().catch((e: unknown) => {
      if (live) setNotice({ intent: 'error', key: 'preview.openFailed', params: { file: doc.workbook.label, reason: errorText(e) } });
    });
    return () => {
      live = false;
    };
  }, [doc, version, active]); // version stands for changes inside the package

  const current = shown && shown.workbook === doc.workbook ? shown : null;
  const sheets = current ? current.book.sheets.filter((w) => w.state === 'visible' || w.name === active) : [];
  const model = current?.sheet ?? null;
  const shownBook = current?.workbook ?? null;
  /** Each view of a sheet fits again only the rows changed since the last (an edit read back). */
  const [viewOf] = useState(sheetViews);
  const view = useMemo(
    () => (model && shownBook ? viewOf(model, locale, ownedCells({ name: model.name, rows: model.values }, model.role), true, (r, c, f) => shownBook.freshness.stale(model.name, r, c, f), pageLines) : null),
    [model, locale, shownBook, viewOf],
  );
  const selected = model ? selections.get(model.name) : undefined;
  const selection: Selection | null = model && selected ? { sheet: model.name, address: selected } : null;
  const at = selection ? parseCell(selection.address.split(':')[0]!) : null;

  /**
   * Writes a change through the use-case (as the pane's steps do), so evaluating sees it: in the workbook's
   * turn at once, its work once the browser has drawn what was typed (a write of 5,000 members holds the
   * page about half a second; the text shows at once, as in Excel).
   */
  const write = async (sheet: string, edits: CellEdit[]) => {
    let parts: PartsChange | undefined;
    try {
      const done = await editCells(observeWorkbook(doc.workbook.recording(sheet, (c) => (parts = c), afterPaint), gridBatchDone), sheet, edits);
      return { done, parts };
    } catch (e) {
      failed(e);
      return null;
    }
  };
  const failed = (e: unknown) => {
    setPending(null);
    setNotice({ intent: 'error', key: 'preview.grid.editFailed', params: { reason: isWorkbookProtectedError(e) ? protectedText(lang, e) : errorText(e) } });
  };

  /**
   * Puts a change's side back: its sheet's parts whole when it changed more than cells (the table it grew and
   * the look of its rows go with its values, in one step as in Excel), else its cells. Parts changed since by
   * something else are not overwritten: the cells are written back instead.
   */
  const putBack = async (change: Change, side: 'before' | 'after'): Promise<boolean> => {
    if (change.parts) {
      try {
        const cells = change[side].map((e) => ({ at: cellAddress(e.row, e.col), rows: [[e.value]] }));
        if (await doc.workbook.restore(change.parts, side, cells)) {
          gridBatchDone({ wrote: true, sheets: [change.sheet] });
          return true;
        }
      } catch (e) {
        failed(e);
        return false;
      }
    }
    return (await write(change.sheet, change[side])) !== null;
  };

  const onEdit = (typed: TypedCell[], how: 'pasted' | 'filled' | 'cleared' = 'pasted') => {
    if (!view) return;
    const sheet = view.name;
    const before: CellEdit[] = [];
    const after: CellEdit[] = [];
    // Cells the add-in owns, and cells the sheet's protection locks (a write of these would refuse the whole paste).
    const owned: string[] = [];
    const locked: string[] = [];
    const pendingCells = new Map<string, string>();
    for (const t of typed) {
      const cell = view.cell(t.row, t.col);
      if (readOnly(cell)) {
        (cell.owned ? owned : locked).push(cellAddress(t.row, t.col));
        continue;
      }
      before.push({ row: t.row, col: t.col, value: view.stored(t.row, t.col) });
      after.push({ row: t.row, col: t.col, value: typedInput(t.text, locale, cell.dated ? 'date' : cell.percent ? 'percent' : null) });
      pendingCells.set(`${t.row}:${t.col}`, t.text);
    }
    const refused = locked.length ? locked : owned;
    if (refused.length) {
      const shownCells = refused.slice(0, 5).join(', ') + (refused.length > 5 ? ' …' : '');
      const key = REFUSED_KEYS[how][locked.length ? 'locked' : 'owned'];
      setNotice({ intent: 'info', key, params: { written: after.length, count: refused.length, cells: shownCells, sheet } });
    }
    if (!after.length) return;
    setPending({ sheet, cells: pendingCells });
    void write(sheet, after).then((written) => {
      if (!written) return;
      const { parts } = written;
      keepChange(undo.current, { sheet, before, after, ...(parts && beyondCells(parts) ? { parts } : {}) }, partsHeld);
      redo.current = [];
    });
  };

  const replay = (from: Change[], to: Change[], side: 'before' | 'after', doneKey: MessageKey, emptyKey: MessageKey) => {
    const change = from.pop();
    if (!change) {
      setNotice({ intent: 'info', key: side === 'before' && paneWrote.current ? 'preview.grid.undoAfterPane' : emptyKey });
      return;
    }
    // Select what is undone at once, as a spreadsheet does: moving it when the write ends
    // would take the selection from a cell the user has chosen meanwhile.
    setActive(change.sheet);
    const firstEdit = change[side][0];
    if (firstEdit) setSelection({ sheet: change.sheet, address: cellAddress(firstEdit.row, firstEdit.col) });
    void putBack(change, side).then((done) => {
      if (!done) return;
      to.push(change);
      setNotice({ intent: 'info', key: doneKey, params: { sheet: change.sheet } });
    });
  };

  const viewName = view?.name ?? '';
  const gridMessages: GridMessages = useMemo(
    () => ({
      readOnly: (cell) => t(lang, readOnlyKey(cell), { sheet: viewName }),
      dropdown: (cell) => t(lang, 'preview.grid.dropdown', { cell }),
      editor: (cell) => t(lang, 'preview.grid.editor', { cell }),
      uncalculated: { mark: t(lang, 'preview.grid.uncalculated'), tooltip: t(lang, 'preview.grid.uncalculatedHint') },
    }),
    [lang, viewName],
  );

  // The grid's callbacks as the same functions from render to render, each calling this render's (the grid,
  // memoised, is then drawn again only when what it shows changes: not when a batch ends before the read back).
  const gridHandlers = {
    onActivate: (cell: GridSelection) => view && setSelection({ sheet: view.name, address: cellAddress(cell.row, cell.column) }),
    onEdit,
    onUndo: () => replay(undo.current, redo.current, 'before', 'preview.grid.undone', 'preview.grid.nothingToUndo'),
    onRedo: () => replay(redo.current, undo.current, 'after', 'preview.grid.redone', 'preview.grid.nothingToRedo'),
    onPasteClipped: (count: number) => setNotice({ intent: 'info', key: 'preview.grid.pasteClipped', params: { count } }),
    onRefused: (cell: CellView, address: string) => setNotice({ intent: 'info', key: 'preview.grid.refused', params: { cell: address, reason: gridMessages.readOnly(cell) } }),
  };
  const latestHandlers = useRef(gridHandlers);
  useLayoutEffect(() => {
    latestHandlers.current = gridHandlers;
  });
  const [stableHandlers] = useState(() => ({
    onActivate: (cell: GridSelection) => void latestHandlers.current.onActivate(cell),
    onEdit: (typed: TypedCell[], how?: 'pasted' | 'filled' | 'cleared') => latestHandlers.current.onEdit(typed, how),
    onUndo: () => latestHandlers.current.onUndo(),
    onRedo: () => latestHandlers.current.onRedo(),
    onPasteClipped: (count: number) => latestHandlers.current.onPasteClipped(count),
    onRefused: (cell: CellView, address: string) => latestHandlers.current.onRefused(cell, address),
  }));
  const activeRow = at?.row;
  const activeColumn = at?.col;
  const gridActive: GridSelection | null = useMemo(() => (activeRow !== undefined && activeColumn !== undefined ? { row: activeRow, column: activeColumn } : null), [activeRow, activeColumn]);

  // Printing: the sheet is laid out for paper, then the browser's dialog prints it or saves a PDF.
  const [printing, setPrinting] = useState(false);
  const printView = useMemo(() => (printing && model ? sheetView(model, locale, undefined, false, undefined, pageLines) : null), [printing, model, locale]);
  useEffect(() => {
    if (!printView) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printView]);

  // Leaving the page with changes not downloaded asks first (the browser words the question).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  // The selected tab stays in view when the tab bar scrolls.
  const tabBar = useRef<HTMLDivElement>(null);
  // More tabs than fit: a list of every sheet is shown beside them (a scrolled tab bar hides that there are more).
  const [tabsOverflow, setTabsOverflow] = useState(false);
  useEffect(() => {
    const el = tabBar.current;
    if (!el) return;
    const measure = () => setTabsOverflow(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [sheets.length]);
  // The shown sheet's tab in sight, also when tabs come in before it (the documents' go before the summary and
  // lists) and when the list of every sheet comes beside the bar and narrows it.
  const tabNames = sheets.map((w) => w.name).join('\n');
  useEffect(() => {
    const bar = tabBar.current;
    const tab = bar?.querySelector('[aria-selected="true"]');
    if (!bar || !tab) return;
    // The bar alone scrolls, sideways: scrollIntoView also scrolled the page down to the tabs (on a short screen,
    // away from the message of what was just done).
    const b = bar.getBoundingClientRect();
    const r = tab.getBoundingClientRect();
    if (r.left < b.left) bar.scrollLeft -= b.left - r.left;
    else if (r.right > b.right) bar.scrollLeft += Math.min(r.right - b.right, r.left - b.left);
  }, [model?.name, tabNames, tabsOverflow]);

  const title = tr('preview.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <>
      <div className={mergeClasses(s.page, 'dvht-screen')} lang={lang}>
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
            <Button onClick={newWorkbook} disabled={busy}>
              {tr('preview.new')}
            </Button>
            <Button onClick={() => setPrinting(true)} disabled={busy || !model}>
              {tr('preview.print')}
            </Button>
            <Button onClick={download} disabled={busy || sheets.length === 0}>
              {tr('preview.download')}
            </Button>
            <Button onClick={loadSample} disabled={busy}>
              {tr('preview.sample')}
            </Button>
            <a href="help.html" target="_blank" rel="noopener">
              {tr('preview.help')}
            </a>
            {busy && <Spinner size="tiny" label={tr('preview.working')} />}
          </div>
          <div className={s.file}>
            <Body1 data-testid="preview-file">{doc.workbook.label}</Body1>
            <Caption1>{tr('preview.privacy')}</Caption1>
          </div>
        </header>
        <div aria-live="polite" className={s.messages}>
          {notice && (
            <MessageBar className={s.message} intent={notice.intent} layout="multiline">
              <MessageBarBody>{tr(notice.key, { ...notice.params, ...(notice.reasonKey ? { reason: tr(notice.reasonKey) } : {}) })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={s.main}>
          <section className={s.book} aria-label={tr('preview.workbook')}>
            {model?.locked && (
              <Caption1 as="p" id="preview-sheet-status" className={s.sheetStatus} data-testid="preview-sheet-status">
                {tr('preview.grid.sheetProtected', { sheet: model.name })}
              </Caption1>
            )}
            {view ? (
              <SheetGrid
                key={doc.generation} // another file: no sheet of it has a place yet
                view={view}
                active={gridActive}
                label={tr('preview.sheet', { sheet: view.name })}
                messages={gridMessages}
                {...stableHandlers}
                pending={pending?.sheet === view.name ? pending.cells : undefined}
                describedBy={model?.locked ? 'preview-sheet-status' : undefined}
                focusRequest={gridFocus}
              />
            ) : (
              <Body1 as="p" className={s.empty}>
                {tr('preview.noSheets')}
              </Body1>
            )}
            <div className={s.tabs}>
              <div className={s.tabScroller} ref={tabBar}>
                {sheets.length > 0 && (
                  <TabList size="small" selectedValue={model?.name} onTabSelect={(_, d) => setActive(String(d.value))} aria-label={tr('preview.sheets')}>
                    {sheets.map((w) => (
                      <Tab key={w.name} value={w.name}>
                        {w.name}
                      </Tab>
                    ))}
                  </TabList>
                )}
              </div>
              {tabsOverflow && (
                <select className={s.allSheets} aria-label={tr('preview.allSheets', { count: sheets.length })} value={model?.name ?? ''} onChange={(e) => setActive(e.currentTarget.value)}>
                  {sheets.map((w) => (
                    <option key={w.name} value={w.name}>
                      {w.name}
                    </option>
                  ))}
                </select>
              )}
              {current?.book.structureLocked && (
                // Where Excel has its “+” for a new sheet: none can be added.
                <Caption1 className={s.structureLocked} title={tr('preview.structureLockedHint')} data-testid="preview-structure-locked">
                  {tr('preview.structureLocked')}
                </Caption1>
              )}
              <Caption1 className={s.selection} aria-live="polite" data-testid="preview-selection">
                {selection ? tr('preview.selection', { cell: `'${selection.sheet}'!${selection.address}` }) : ''}
              </Caption1>
            </div>
          </section>
          {/* A region, not an <aside>: the pane brings its own <header> and <main>. */}
          <section className={s.pane} aria-label={tr('preview.pane')}>
            <Pane host={host} workbookKey={doc.generation} lang={lang} onLangChange={switchLanguage} />
          </section>
        </div>
      </div>
      {printView && model && <PrintSheet view={printView} print={model.print} />}
    </>
  );
}
