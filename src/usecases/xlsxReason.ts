/**
 * Why an .xlsx was refused, in words: one wording for the CLI, the preview and
 * consolidation. The reader itself only knows codes (src/xlsx/errors.ts).
 */
import { t, type Lang, type MessageKey } from '../i18n';
import { formatMegabytes } from '../i18n/format';
import { DEFAULT_LIMITS, type XlsxError, type XlsxLimits } from '../xlsx';

/**
 * Whose file it is decides what to do: a file received from a unit (consolidation) is sent
 * again by the unit; the clerk's own workbook or list is mended by the clerk.
 */
export type FileOwner = 'received' | 'own';

/** Reasons worded differently for the clerk's own file (`xlsx.reasonOwn.<kind>`). */
const OWN_WORDING: Partial<Record<XlsxError['kind'], MessageKey>> = {
  encrypted: 'xlsx.reasonOwn.encrypted',
  truncated: 'xlsx.reasonOwn.truncated',
  corrupt: 'xlsx.reasonOwn.corrupt',
};

/** A reader failure as `xlsx.reason.<kind>` (sizes in MB). */
export function xlsxReason(e: XlsxError, size: number, limits: Partial<XlsxLimits> | undefined, lang: Lang, owner: FileOwner = 'received'): string {
  const limit = limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const key = (owner === 'own' && OWN_WORDING[e.kind]) || (`xlsx.reason.${e.kind}` as MessageKey);
  return t(lang, key, { detail: e.detail, size: formatMegabytes(size, lang), limit: formatMegabytes(limit, lang) });
}
