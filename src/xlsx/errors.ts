/**
 * Why a file could not be read. Codes only: the i18n catalogue words them
 * (`xlsx.reason.<kind>`, src/usecases/xlsxReason.ts), so the reader carries no words.
 */
export type XlsxFailure =
  | 'empty'
  | 'tooLarge'
  | 'notSpreadsheet'
  | 'csv'
  | 'text'
  | 'html'
  | 'legacyXls'
  | 'encrypted'
  | 'truncated'
  | 'corrupt'
  | 'damagedPart'
  | 'damagedSheet'
  | 'brokenPart'
  | 'brokenSheet'
  | 'missingSheet'
  | 'tooManyEntries'
  | 'zipBomb'
  | 'unsupportedCompression'
  | 'notXlsx'
  | 'wordDocument'
  | 'zippedWorkbooks'
  | 'ods'
  | 'xmlSpreadsheet'
  | 'strict'
  | 'signed'
  | 'dtd'
  | 'sheetTooLarge'
  | 'unsafeName'
  | 'backslashName'
  | 'tooDeep'
  | 'badUtf8'
  | 'badUtf8Sheet'
  | 'missingText';

/**
 * A part-bound failure's detail is the part (its zip name); once the part is known to be a
 * worksheet, the `…Sheet` kind carries the sheet's name as on its tab instead. The parser's own
 * words stay in `cause`, for whoever debugs, never in the user's message.
 */
export class XlsxError extends Error {
  constructor(
    readonly kind: XlsxFailure,
    readonly detail: string = '',
    options?: { cause?: unknown },
  ) {
    super(detail ? `${kind}: ${detail}` : kind, options);
    this.name = 'XlsxError';
  }
}

/**
 * Runs `read` on one part; a broken part's failure then says which part it is (the zip name:
 * the one word that finds it again), where the parser knows only the tag. With `sheet`, a
 * worksheet's failure names the sheet, as the user sees it on its tab.
 */
export function namingPart<T>(part: string, read: () => T, sheet?: string): T {
  try {
    return read();
  } catch (e) {
    throw partError(e, part, sheet);
  }
}

/**
 * What namingPart throws for `e`, for a caller that reads in its own try (a closure per file loses its compiled code in a reading worker's full collections).
 * A parser's `corrupt` (a tag cut off, text where markup should be) becomes `brokenPart`: broken XML in this part.
 */
export function partError(e: unknown, part: string, sheet?: string): unknown {
  if (e instanceof XlsxError && e.kind === 'corrupt') return inSheet(new XlsxError('brokenPart', part, { cause: e }), part, sheet);
  if (e instanceof XlsxError && e.kind === 'sheetTooLarge' && !e.detail) return inSheet(new XlsxError('sheetTooLarge', part), part, sheet);
  return inSheet(e, part, sheet);
}

/** The kind a failure of a worksheet part becomes once the sheet's name is known. */
const SHEET_KIND: Partial<Record<XlsxFailure, XlsxFailure>> = {
  damagedPart: 'damagedSheet',
  brokenPart: 'brokenSheet',
  badUtf8: 'badUtf8Sheet',
  sheetTooLarge: 'sheetTooLarge',
};

/** Whether `e`, a failure of worksheet part `part`, reads better with the sheet's name. */
export function wantsSheetName(e: unknown, part: string): e is XlsxError {
  return e instanceof XlsxError && SHEET_KIND[e.kind] !== undefined && e.detail === part;
}

/** Failures whose detail is a cell ("B3"): said with the sheet, once known, as Excel writes a reference ('Thành viên'!B3). */
const CELL_KINDS: ReadonlySet<XlsxFailure> = new Set(['missingText']);

/** A failure of worksheet part `part` said with its sheet's name, when known. */
export function inSheet(e: unknown, part: string, sheet: string | null | undefined): unknown {
  // A bare cell has no "!": one already said with its sheet is left as it is.
  if (sheet && e instanceof XlsxError && CELL_KINDS.has(e.kind) && !e.detail.includes('!')) return new XlsxError(e.kind, `'${sheet.replace(/'/g, "''")}'!${e.detail}`, { cause: e });
  if (!sheet || !wantsSheetName(e, part)) return e;
  return new XlsxError(SHEET_KIND[e.kind]!, sheet, { cause: e.cause ?? e });
}

/** Caps that keep one hostile file from taking the machine (all in bytes unless said). */
export interface XlsxLimits {
  /** The file itself (default 20 MB; `--max-size`). */
  maxFileBytes: number;
  /** Entries in the zip directory (Excel writes ~20). */
  maxEntries: number;
  /** One decompressed part, declared or actual. */
  maxEntryBytes: number;
  /** All parts together, as declared in the directory. */
  maxTotalBytes: number;
  /**
   * Rows of one sheet (a unit has hundreds of members, Excel allows 1,048,576): the preflight
   * counts row elements, the reader bounds the index of rows holding values.
   */
  maxRows: number;
  /** Cells (including gaps before a far cell) of one sheet. */
  maxCells: number;
  /** Declared size over compressed size, for parts of at least `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 5_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRows: 100_000,
  maxCells: 4_000_000,
  // Excel's, LibreOffice's, openpyxl's and dvht's sheets deflate 5–30×; a generator's blank styled cells
  // without `r` reach ~250× at level 9 (refused from ratioFloorBytes on; below it a stream running on is damage).
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};
