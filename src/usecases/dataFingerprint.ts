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

/** Null when the workbook cannot be read as a unit's (the evaluation would say why). */
export function currentFingerprint(workbook: Workbook): Promise<string | null> {
  return workbook.batch(async (session) => {
    const parsed = parseUnitWorkbookOrRenamed(await session.read(FINGERPRINT_SHEETS));
    return parsed.ok ? fingerprint(parsed.workbook) : null;
  });
}
