/**
 * New workbooks inside Excel (PaneHost.newWorkbooks): the copy is the open workbook's own file
 * (Document.getFileAsync, CompressedFile), changed by the same use-case and file implementation as
 * in the preview and the CLI, then opened by Excel.createWorkbook (ExcelApi 1.8) as a new, unsaved
 * workbook; the open one is never written. The file implementation is loaded only when asked for.
 */
import { NewWorkbookError, type NewWorkbooks } from '../../taskpane/host';
import { readOpenWorkbook, type OfficeDocumentLike } from './officeFile';

export interface ExcelLike {
  createWorkbook(base64?: string): Promise<void>;
}

type FileWorkbooks = typeof import('./fileWorkbook');

export const NEW_WORKBOOK_API = 'ExcelApi 1.8';
export const COPY_API = 'CompressedFile 1.1';

// A literal path for webpack (its own chunk); `as string` keeps TypeScript's node16 rules, which want
// a file extension webpack would not resolve, out of it. The type comes from the type query above.
export const loadFiles = (): Promise<FileWorkbooks> => import(/* webpackChunkName: "excel-files" */ './fileWorkbook' as string);

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function excelNewWorkbooks(document: OfficeDocumentLike, excel: ExcelLike, supports: (requirement: string) => boolean, load: () => Promise<FileWorkbooks> = loadFiles): NewWorkbooks {
  return {
    delivery: 'open',
    missing(from) {
      if (!supports(NEW_WORKBOOK_API)) return NEW_WORKBOOK_API;
      if (from === 'copy' && !supports(COPY_API)) return COPY_API;
      // The file implementation zips with the browser's streams (Excel's older webviews lack them).
      if (typeof CompressionStream === 'undefined' || typeof DecompressionStream === 'undefined') return 'CompressionStream';
      return null;
    },
    async make(name, from, work) {
      const files = await load();
      let bytes: Uint8Array | null = null;
      if (from === 'copy') {
        try {
          bytes = await readOpenWorkbook(document);
        } catch (e) {
          throw new NewWorkbookError('read', reason(e));
        }
      }
      const wb = bytes ? await files.openFile(bytes, name) : await files.createFile(name);
      if (!(await work(wb))) return false;
      const base64 = await files.fileBase64(wb);
      try {
        await excel.createWorkbook(base64);
      } catch (e) {
        throw new NewWorkbookError('open', reason(e));
      }
      return true;
    },
  };
}
