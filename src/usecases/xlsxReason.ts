/**
 * Why an .xlsx was refused, in words: one wording for the CLI, the preview and
 * consolidation. The reader itself only knows codes (src/xlsx/errors.ts).
 */
import { t, type Lang } from '../i18n';
import { DEFAULT_LIMITS, type XlsxError, type XlsxLimits } from '../xlsx';

/** A reader failure as `xlsx.reason.<kind>` (sizes in MB). */
export function xlsxReason(e: XlsxError, size: number, limits: Partial<XlsxLimits> | undefined, lang: Lang): string {
  const mb = (n: number) => (Math.round((n / 1048576) * 10) / 10).toString();
  const limit = limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  return t(lang, `xlsx.reason.${e.kind}`, { detail: e.detail, size: mb(size), limit: mb(limit) });
}
