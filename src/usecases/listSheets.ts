/**
 * The sheets of a workbook a user may pick as a source (import), as the pane and `dvht import`
 * (cli/sourceSheet.ts) both offer them.
 */
import type { HiddenSheet, Workbook } from '../workbook/port';
import { SHEETS } from '../sheets/names';
import { IMPORT_SETTINGS_SHEET } from './import/savedMapping';

const ADD_IN_SHEETS = new Set<string>([...Object.values(SHEETS), IMPORT_SETTINGS_SHEET]);

export type SheetState = 'visible' | HiddenSheet;

export interface SheetTab {
  name: string;
  state: SheetState;
}

/**
 * The tabs a clerk can see or unhide, visible first: a very hidden one (only a macro or the VBA
 * editor shows it: settings, lookup lists) is never offered. A file whose every sheet is very
 * hidden (a generator's; Excel refuses to save one) still lists them, or nothing could be named.
 */
export function offeredSheets<T extends SheetTab>(sheets: readonly T[]): T[] {
  const seen = sheets.filter((s) => s.state !== 'veryHidden');
  const shown = seen.length ? seen : [...sheets];
  return [...shown.filter((s) => s.state === 'visible'), ...shown.filter((s) => s.state !== 'visible')];
}

/** One read. `usersOnly`: leave out the sheets the add-in draws (the open evaluation workbook). */
export async function listSheets(workbook: Workbook, options: { usersOnly?: boolean } = {}): Promise<SheetTab[]> {
  const { sheetNames, hiddenSheets } = await workbook.batch((session) => session.read([]));
  const names = options.usersOnly ? sheetNames.filter((n) => !ADD_IN_SHEETS.has(n)) : sheetNames;
  return offeredSheets(names.map((name) => ({ name, state: hiddenSheets?.get(name) ?? 'visible' })));
}
