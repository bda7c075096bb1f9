/** The sheets of a workbook a user may pick as a source (import): in tab order. */
import type { Workbook } from '../workbook/port';
import { SHEETS } from '../sheets/names';
import { IMPORT_SETTINGS_SHEET } from './import/savedMapping';

const ADD_IN_SHEETS = new Set<string>([...Object.values(SHEETS), IMPORT_SETTINGS_SHEET]);

/** One read. `usersOnly`: leave out the sheets the add-in draws (the open evaluation workbook). */
export async function listSheets(workbook: Workbook, options: { usersOnly?: boolean } = {}): Promise<string[]> {
  const names = await workbook.batch(async (session) => (await session.read([])).sheetNames);
  return options.usersOnly ? names.filter((n) => !ADD_IN_SHEETS.has(n)) : names;
}
