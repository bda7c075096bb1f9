/**
 * The fingerprint of what the evaluation reads, as the workbook holds it now: the pane compares
 * it with the one of its last evaluation to say the results are out of date (one read, no write).
 */
import type { Workbook } from '../workbook/port';
import { UNIT_WORKBOOK_SHEETS } from '../sheets/unitWorkbook';
import { parseUnitWorkbookOrRenamed } from './ownSheets';
import { fingerprint } from './fingerprint';

/** The sheets the fingerprint reads: an edit elsewhere leaves it as it was. */
export const FINGERPRINT_SHEETS = UNIT_WORKBOOK_SHEETS;

/**
 * Null when the workbook cannot be read as a unit's (the evaluation would say why). The batch only
 * reads: the fingerprint (most of the time at thousands of members) is worked out after it, so the
 * workbook's next batch (an edit in the preview) does not wait for it. `wanted`, asked after the
 * read: false skips that work (a newer edit made the answer useless) and resolves undefined.
 */
export async function currentFingerprint(workbook: Workbook, wanted: () => boolean = () => true): Promise<string | null | undefined> {
  const snapshot = await workbook.batch((session) => session.read(FINGERPRINT_SHEETS));
  if (!wanted()) return undefined;
  const parsed = parseUnitWorkbookOrRenamed(snapshot);
  return parsed.ok ? fingerprint(parsed.workbook) : null;
}
