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
  empty: 'xlsx.reasonOwn.empty',
  encrypted: 'xlsx.reasonOwn.encrypted',
  truncated: 'xlsx.reasonOwn.truncated',
  corrupt: 'xlsx.reasonOwn.corrupt',
  damagedSheet: 'xlsx.reasonOwn.damagedSheet',
  missingSheet: 'xlsx.reasonOwn.missingSheet',
  damagedPart: 'xlsx.reasonOwn.damagedPart',
  brokenPart: 'xlsx.reasonOwn.brokenPart',
  brokenSheet: 'xlsx.reasonOwn.brokenSheet',
};

/** Kinds worded without “renamed” when the file's own extension says what it is (`xlsx.reasonNamed.<kind>`). */
const OWN_EXTENSION: Partial<Record<XlsxError['kind'], RegExp>> = {
  csv: /\.(csv|tsv|txt)$/i,
  html: /\.html?$/i,
  xmlSpreadsheet: /\.xml$/i,
  ods: /\.ods$/i,
};

/** What Excel's lock file (~$name.xlsx: a few bytes, no zip) is taken for. */
const LOCK_FILE_KINDS = new Set<XlsxError['kind']>(['empty', 'notSpreadsheet', 'csv', 'text']);

/**
 * A reader failure as `xlsx.reason.<kind>` (sizes in MB). `file`, the name as given, tells a
 * renamed file from an honest one and Excel's lock file from a workbook.
 */
export function xlsxReason(e: XlsxError, size: number, limits: Partial<XlsxLimits> | undefined, lang: Lang, owner: FileOwner = 'received', file = ''): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  if (name.startsWith('~$') && LOCK_FILE_KINDS.has(e.kind)) return t(lang, 'xlsx.reason.lockFile', { workbook: name.slice(2) });
  const limit = limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const named = OWN_EXTENSION[e.kind]?.test(name) ? (`xlsx.reasonNamed.${e.kind}` as MessageKey) : null;
  const key = named ?? ((owner === 'own' && OWN_WORDING[e.kind]) || (`xlsx.reason.${e.kind}` as MessageKey));
  return t(lang, key, { detail: e.detail, size: formatMegabytes(size, lang), limit: formatMegabytes(limit, lang) });
}

/** A file the reader refused: its message is xlsxReason's, whole (what the file is, what to do), said as it is. */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
  constructor(reason: string, cause: XlsxError) {
    super(reason, { cause });
  }
}
