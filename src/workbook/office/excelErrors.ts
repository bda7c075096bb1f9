/**
 * Office.js fails a batch with an OfficeExtension.Error: a code (not localised) and a message in
 * Office's language that Microsoft says is not meant for end users ("use the error code … to
 * determine the error message that your add-in shows"). The code decides what the user is told
 * (workbook/excelRefusal.ts).
 */
import { ExcelRefusedError, isExcelRefusedError, type ExcelActivity, type ExcelRefusalKind } from '../excelRefusal';

/** Codes of Excel.ErrorCodes and OfficeExtension.ErrorCodes; any other code is 'internal', said with its code. */
const KIND_OF_CODE: Readonly<Record<string, ExcelRefusalKind>> = {
  InvalidOperationInCellEditMode: 'cellEdit',
  AccessDenied: 'denied',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
  ServiceNotAvailable: 'busy',
  RequestPayloadSizeLimitExceeded: 'tooBig',
  ResponsePayloadSizeLimitExceeded: 'tooBig',
  RangeExceedsLimit: 'tooBig',
  OperationCellsExceedLimit: 'tooBig',
  MergedRangeConflict: 'merged',
  FilteredRangeConflict: 'filtered',
  PivotTableRangeConflict: 'pivot',
  InsertDeleteConflict: 'noRoom',
  NonBlankCellOffSheet: 'noRoom',
  ItemNotFound: 'changed',
  ItemAlreadyExists: 'changed',
  InactiveWorkbook: 'inactive',
  // office-js#6365: a sheet's names, asked while the user looks at another workbook (Excel for Mac).
  InvalidSelection: 'inactive',
};

/** Office's code of an error thrown by Excel.run / context.sync; null for any other error. */
export function officeErrorCode(e: unknown): string | null {
  if (!(e instanceof Error) || isExcelRefusedError(e)) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Za-z]+$/.test(code) ? code : null;
}

/** Excel's error as the user is told it; any other error (the add-in's own) unchanged. */
export function asExcelRefusal(e: unknown, activity: ExcelActivity): unknown {
  const code = officeErrorCode(e);
  return code === null ? e : new ExcelRefusedError(KIND_OF_CODE[code] ?? 'internal', code, activity, e);
}

