/**
 * The document sheets and their kinds. Sheet names are Vietnamese whatever the pane's
 * language: they are what the unit prints and files. The kinds are the CLI's --only ids.
 */
import { SHEETS } from '../sheets/names';

export const DOCUMENT_SHEETS = {
  templates: 'Mẫu văn bản',
  bia: 'Bìa hồ sơ',
  toTrinh: 'Tờ trình',
  keHoach: 'Kế hoạch',
  quyetDinh: 'Quyết định thành lập',
  baoCao: 'Báo cáo tự đánh giá',
  tongHop: SHEETS.summary,
  bienBan: 'Biên bản tự đánh giá',
  dangKy: 'Đăng ký danh hiệu',
} as const;

/** In the filing order of the Hà Nội plan (KH 248/KH-UBND): cover, request, plan, decision, report, minutes, summary; then the registration. */
export const DOCUMENT_KINDS = ['bia', 'to-trinh', 'ke-hoach', 'quyet-dinh', 'bao-cao', 'bien-ban', 'tong-hop', 'dang-ky'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_SHEET: Record<DocumentKind, string> = {
  bia: DOCUMENT_SHEETS.bia,
  'to-trinh': DOCUMENT_SHEETS.toTrinh,
  'ke-hoach': DOCUMENT_SHEETS.keHoach,
  'quyet-dinh': DOCUMENT_SHEETS.quyetDinh,
  'bao-cao': DOCUMENT_SHEETS.baoCao,
  'tong-hop': DOCUMENT_SHEETS.tongHop,
  'bien-ban': DOCUMENT_SHEETS.bienBan,
  'dang-ky': DOCUMENT_SHEETS.dangKy,
};
