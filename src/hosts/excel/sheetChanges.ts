/**
 * The clerk's own edits inside Excel, told to the pane (PaneHost.edits) as the preview's grid
 * tells its own: the evaluation then compares the data's fingerprint with the one it evaluated
 * (src/usecases/dataFingerprint.ts) and says when its results are out of date.
 *
 * Sources: Excel's change events where the host has them (every sheet's from ExcelApi 1.9, with
 * the collection's onDeleted, and onNameChanged from 1.17; before, each sheet's from 1.7, with the
 * collection's onAdded and onDeleted giving a sheet added its handler and telling a sheet added or
 * deleted), and the pane getting the focus back on every host (what no event tells: a sheet renamed
 * before 1.17, a host without events). A burst is told once, with the sheets its cells changed in:
 * Excel names them by id, so their names are looked up (one sync) after each change, while the burst
 * goes on; a burst with a sheet added, deleted or renamed, the focus, or a name not yet looked up
 * after its last change, is told as not known (anything may have changed).
 *
 * Excel holds the handlers only while somebody listens (an evaluation is shown): added with the
 * first listener, removed (EventHandlerResult.remove, then a sync of its context) after the last.
 */
import type { EditNotice, PaneHost } from '../../taskpane/host';
import type { ExcelRunner } from '../../workbook/office/officeWorkbook';

/** The requirement sets of the change events used here. */
export const CHANGE_EVENTS_API = { everySheet: '1.9', eachSheet: '1.7', renamed: '1.17' } as const;

export interface SheetChangeOptions {
  run: ExcelRunner;
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

/**
 * Removes handlers: Excel.run again on each context they were added in (Office.js wants that one),
 * one sync each. A context that fails does not keep the others' handlers in Excel; the first
 * failure is thrown after every context has been tried.
 */
async function removeAll(run: ExcelRunner, handlers: Iterable<Added>): Promise<void> {
  const byContext = new Map<Added['context'], Added[]>();
  for (const h of handlers) byContext.set(h.context, [...(byContext.get(h.context) ?? []), h]);
  const results = await Promise.allSettled(
    [...byContext].map(([context, group]) =>
      run(context, async (again) => {
        for (const h of group) h.remove();
        await again.sync();
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export function excelEdits(o: SheetChangeOptions): Edits {
  const listeners = new Set<(notice: EditNotice) => void>();
  const later = o.later ?? afterQuiet;
  let cancel: (() => void) | null = null;
  /** Adding and removing handlers, looking names up: one after the other, each as things are when its turn comes. */
  let queue = Promise.resolve();
  // No events here (or refused, or the sheet gone): the focus still tells. A lookup refused: told as not known.
  const next = (step: () => Promise<void>) => void (queue = queue.then(step).catch(() => undefined));
  /** The burst's sheets by id; null once something no id tells changed (the focus, a sheet added, deleted, renamed). */
  let burst: Set<string> | null = new Set();
  /** Changes Excel told so far; the sheets' names as they were after the `at`th. */
  let changes = 0;
  let names: { at: number; byId: Map<string, string> } | null = null;

  const changed = (sheetId: string | null) => {
    // Nobody listens (no evaluation shown): nothing is read.
    if (listeners.size === 0) return;
    if (sheetId === null) burst = null;
    else {
      burst?.add(sheetId);
      lookUpNames();
    }
    cancel?.();
    cancel = later(() => {
      cancel = null;
      const notice = { sheets: sheetsOf(burst) };
      burst = new Set();
      for (const listener of [...listeners]) listener(notice);
    });
  };

  /** The burst's sheets by name, when every one was looked up after the burst's last change. */
  const sheetsOf = (ids: Set<string> | null): string[] | null => {
    if (ids === null || names === null || names.at !== changes) return null;
    const byId = names.byId;
    return [...ids].every((id) => byId.has(id)) ? [...ids].map((id) => byId.get(id)!) : null;
  };

  /** Looks the sheets' names up after the changes told so far: once queued, a change before its turn needs no other. */
  let lookupQueued = false;
  const lookUpNames = () => {
    changes++;
    if (lookupQueued) return;
    lookupQueued = true;
    next(async () => {
      lookupQueued = false;
      const at = changes;
      const byId = await o.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/id,items/name');
        await context.sync();
        return new Map(sheets.items.map((sheet) => [sheet.id, sheet.name] as const));
      });
      names = { at, byId };
    });
  };

  const handler = async (args: Excel.WorksheetChangedEventArgs) => {
    // The pane's own writes (ExcelApi 1.14 says so; older hosts do not, and the fingerprint then finds nothing changed).
    if (args.triggerSource !== 'ThisLocalAddin') changed(args.worksheetId);
  };

  o.focus?.addEventListener('focus', () => changed(null));
  const structureChanged = async () => changed(null);

  /** What Excel holds for the pane now (before 1.9: each sheet's by its id); null when nothing. */
  let held: { handlers: Added[]; bySheet: Map<string, Added> } | null = null;

  // Before 1.9: a sheet added gets its handler, a sheet deleted loses it; both may change what the evaluation reads.
  const sheetAdded = async (args: Excel.WorksheetAddedEventArgs) => {
    next(async () => {
      const now = held;
      if (now === null || now.bySheet.has(args.worksheetId)) return;
      const added = await o.run(async (context) => {
        const h = context.workbook.worksheets.getItem(args.worksheetId).onChanged.add(handler);
        await context.sync();
        return h;
      });
      // Removed meanwhile (nobody listens any more): not kept.
      if (held === now) now.bySheet.set(args.worksheetId, added);
      else await removeAll(o.run, [added]);
    });
    changed(null);
  };
  const sheetDeleted = async (args: Excel.WorksheetDeletedEventArgs) => {
    next(async () => {
      const gone = held?.bySheet.get(args.worksheetId);
      if (!gone) return;
      held!.bySheet.delete(args.worksheetId);
      await removeAll(o.run, [gone]);
    });
    changed(null);
  };

  /** Adds this host's handlers; resolves what Excel then holds. */
  const add: (() => Promise<NonNullable<typeof held>>) | null = o.supports(CHANGE_EVENTS_API.everySheet)
    ? () =>
        o.run(async (context) => {
          const sheets = context.workbook.worksheets;
          // A sheet deleted or renamed may be one the evaluation reads; a sheet added changes nothing read.
          const handlers = [sheets.onChanged.add(handler), sheets.onDeleted.add(structureChanged)];
          if (o.supports(CHANGE_EVENTS_API.renamed)) handlers.push(sheets.onNameChanged.add(structureChanged));
          await context.sync();
          return { handlers, bySheet: new Map() };
        })
    : o.supports(CHANGE_EVENTS_API.eachSheet)
      ? () =>
          o.run(async (context) => {
            const sheets = context.workbook.worksheets;
            sheets.load('items/id');
            await context.sync();
            const bySheet = new Map(sheets.items.map((sheet) => [sheet.id, sheet.onChanged.add(handler)] as const));
            const handlers = [sheets.onAdded.add(sheetAdded), sheets.onDeleted.add(sheetDeleted)];
            await context.sync();
            return { handlers, bySheet };
          })
      : null;

  const settle = () => {
    if (!add) return;
    next(async () => {
      if (listeners.size > 0 && held === null) held = await add();
      else if (listeners.size === 0 && held !== null) {
        const gone = held;
        held = null;
        await removeAll(o.run, [...gone.handlers, ...gone.bySheet.values()]);
      }
    });
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
