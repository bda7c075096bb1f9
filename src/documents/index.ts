/**
 * The documents of a unit's dossier, in filing order. Each is a pure function of the
 * context (unit, figures, template texts) and the unit's kept texts to a SheetPlan; the
 * summary ("Tổng hợp") is the evaluation's own sheet (sheets/summarySheet.ts).
 */
import type { SheetPlan } from '../workbook/port';
import type { DocumentContext } from './context';
import type { KeptTexts } from './narrative';
import { DOCUMENT_SHEET, type DocumentKind } from './names';
import { drawToTrinh } from './kinds/toTrinh';
import { drawBaoCao } from './kinds/baoCao';
import { drawBienBan } from './kinds/bienBan';
import { drawDangKy } from './kinds/dangKy';
import { drawBia } from './kinds/bia';
import { drawKeHoach } from './kinds/keHoach';
import { drawQuyetDinh } from './kinds/quyetDinh';

export type DrawDocument = (ctx: DocumentContext, kept: KeptTexts) => SheetPlan;

export const DRAW: Record<Exclude<DocumentKind, 'tong-hop'>, DrawDocument> = {
  bia: drawBia,
  'to-trinh': drawToTrinh,
  'ke-hoach': drawKeHoach,
  'quyet-dinh': drawQuyetDinh,
  'bao-cao': drawBaoCao,
  'bien-ban': drawBienBan,
  'dang-ky': drawDangKy,
};

export { DANG_KY_DANH_HIEU, DOCUMENT_KINDS, DOCUMENT_SHEET, DOCUMENT_SHEETS, documentSheet, documentSheetNames, type DocumentKind } from './names';

export function isDocumentKind(s: string): s is DocumentKind {
  return s in DOCUMENT_SHEET;
}
