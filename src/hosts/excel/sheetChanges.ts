/**
 * The clerk's own edits inside Excel, told to the pane (PaneHost.edits) as the preview's grid
 * tells its own: the evaluation then compares the data's fingerprint with the one it evaluated
 * (src/usecases/dataFingerprint.ts) and says when its results are out of date.
 *
 * Sources: Excel's change events where the host has them (every sheet's from ExcelApi 1.9, each
 * existing sheet's from 1.7), and the pane getting the focus back on every host (what no event
 * tells: a sheet deleted or renamed, a host without events). A burst is told once.
 */
import type { PaneHost } from '../../taskpane/host';
import type { ExcelRun } from '../../workbook/office/officeWorkbook';

/** The requirement sets of the change events used here. */
export const CHANGE_EVENTS_API = { everySheet: '1.9', eachSheet: '1.7' } as const;

export interface SheetChangeOptions {
  run: ExcelRun;
  supports(requirement: string): boolean;
  /** The pane's window: its 'focus' means the clerk is back from the sheets. */
  focus?: Pick<EventTarget, 'addEventListener'> | undefined;
  /** Calls `tell` once the burst is over; returns its cancel (a timer in the pane, by hand in tests). */
  later?: (tell: () => void) => () => void;
}

/** Long enough for a paste or a fill to arrive as one burst, short enough to feel immediate. */
const QUIET_MS = 400;

const afterQuiet = (tell: () => void) => {
  const timer = setTimeout(tell, QUIET_MS);
  return () => clearTimeout(timer);
};

type Edits = NonNullable<PaneHost['edits']>;

/**
 * Listens from the start (the pane opening): the focus, and every sheet's changes in one sync.
 * Kept for the pane's life: a change with nobody listening costs nothing, and adding the handler
 * again each time an evaluation is shown would cost a sync each time.
 */
export function excelEdits(o: SheetChangeOptions): Edits {
  const listeners = new Set<() => void>();
  const later = o.later ?? afterQuiet;
  let cancel: (() => void) | null = null;

  const changed = () => {
    // Nobody listens (no evaluation shown): nothing is read.
    if (listeners.size === 0) return;
    cancel?.();
    cancel = later(() => {
      cancel = null;
      for (const listener of [...listeners]) listener();
    });
  };

  const handler = async (args: Excel.WorksheetChangedEventArgs) => {
    // The pane's own writes (ExcelApi 1.14 says so; older hosts do not, and the fingerprint then finds nothing changed).
    if (args.triggerSource !== 'ThisLocalAddin') changed();
  };
  // No events here (or refused): the focus still tells.
  const quietly = (listen: () => Promise<void>) => void listen().catch(() => undefined);

  o.focus?.addEventListener('focus', changed);
  if (o.supports(CHANGE_EVENTS_API.everySheet)) {
    quietly(() =>
      o.run(async (context) => {
        context.workbook.worksheets.onChanged.add(handler);
        await context.sync();
      }),
    );
  }
  // Before 1.9 a handler goes on each sheet, once the pane first listens: the unit's sheets exist by then (an evaluation read them).
  let eachSheet = !o.supports(CHANGE_EVENTS_API.everySheet) && o.supports(CHANGE_EVENTS_API.eachSheet);

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (eachSheet) {
        eachSheet = false;
        quietly(() =>
          o.run(async (context) => {
            const sheets = context.workbook.worksheets;
            sheets.load('items/name');
            await context.sync();
            for (const sheet of sheets.items) sheet.onChanged.add(handler);
            await context.sync();
          }),
        );
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          cancel?.();
          cancel = null;
        }
      };
    },
  };
}
