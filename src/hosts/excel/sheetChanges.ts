/**
 * The clerk's own edits inside Excel, told to the pane (PaneHost.edits) as the preview's grid
 * tells its own: the evaluation then compares the data's fingerprint with the one it evaluated
 * (src/usecases/dataFingerprint.ts) and says when its results are out of date.
 *
 * Sources: Excel's change events where the host has them (every sheet's from ExcelApi 1.9, each
 * existing sheet's from 1.7), and the pane getting the focus back on every host (what no event
 * tells: a sheet deleted or renamed, a host without events). A burst is told once.
 *
 * Excel holds the handlers only while somebody listens (an evaluation is shown): added with the
 * first listener, removed (EventHandlerResult.remove, then a sync of its context) after the last.
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

/** What `add` returns in Office.js, as far as it is used here. */
type Added = Pick<OfficeExtension.EventHandlerResult<unknown>, 'remove' | 'context'>;

/** Removes handlers, one sync per request context they were added in. */
async function removeAll(handlers: Iterable<Added>): Promise<void> {
  const contexts = new Set<Added['context']>();
  for (const h of handlers) {
    h.remove();
    contexts.add(h.context);
  }
  for (const context of contexts) await context.sync();
}

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

  o.focus?.addEventListener('focus', changed);

  /** Adds this host's handlers; resolves what Excel then holds. */
  const add: (() => Promise<Added[]>) | null = o.supports(CHANGE_EVENTS_API.everySheet)
    ? () =>
        o.run(async (context) => {
          const added = context.workbook.worksheets.onChanged.add(handler);
          await context.sync();
          return [added];
        })
    : o.supports(CHANGE_EVENTS_API.eachSheet)
      ? () =>
          o.run(async (context) => {
            const sheets = context.workbook.worksheets;
            sheets.load('items/name');
            await context.sync();
            const added = sheets.items.map((sheet) => sheet.onChanged.add(handler));
            await context.sync();
            return added;
          })
      : null;

  /** What Excel holds for the pane now; null when nothing. */
  let held: Added[] | null = null;
  /** Adding and removing, one after the other, each as the listeners are when its turn comes. */
  let queue = Promise.resolve();
  const settle = () => {
    if (!add) return;
    queue = queue
      .then(async () => {
        if (listeners.size > 0 && held === null) held = await add();
        else if (listeners.size === 0 && held !== null) {
          const gone = held;
          held = null;
          await removeAll(gone);
        }
      })
      // No events here (or refused): the focus still tells.
      .catch(() => undefined);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      settle();
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) {
          cancel?.();
          cancel = null;
        }
        settle();
      };
    },
  };
}
