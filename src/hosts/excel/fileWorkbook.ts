/**
 * Loaded on demand, as its own webpack chunk: the .xlsx file implementation, which inside Excel
 * only the officers' handout and "Sang năm mới" need. Everyone else's pane does not carry it.
 */
import { XlsxWorkbook, type XlsxWorkbookOptions } from '../../workbook/xlsx/xlsxWorkbook';
import { webInflate } from '../../xlsx/inflateWeb';
import { webDeflate } from '../../xlsx/deflateWeb';
import { preflightXlsx, XlsxError } from '../../xlsx';
import { xlsxReason } from '../../usecases/xlsxReason';
import type { Lang } from '../../i18n';

const OPTIONS: XlsxWorkbookOptions = { inflate: webInflate, deflate: webDeflate };

export const openFile = (bytes: Uint8Array, label: string) => XlsxWorkbook.open(bytes, label, OPTIONS);
export const createFile = (label: string) => XlsxWorkbook.create(label, OPTIONS);

/** A file the user picked, checked before anything reads it (bombs, foreign files): refused with the reason in words. */
export async function openPicked(bytes: Uint8Array, label: string, lang: Lang): Promise<XlsxWorkbook> {
  try {
    await preflightXlsx(bytes, { inflate: webInflate });
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    throw new Error(xlsxReason(e, bytes.length, undefined, lang, 'received', label), { cause: e });
  }
  return openFile(bytes, label);
}

/** The file as Base64, what Excel.createWorkbook takes (btoa over bounded runs: no argument-count limit). */
export async function fileBase64(workbook: XlsxWorkbook): Promise<string> {
  const bytes = await workbook.toBytes();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
