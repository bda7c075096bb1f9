/**
 * The document sheets and their kinds. Sheet names are Vietnamese whatever the pane's
 * language: they are what the unit prints and files. The kinds are the CLI's --only ids.
 */
import { SHEETS } from '../sheets/names';

export const DOCUMENT_SHEETS = {
  templates: 'Mẫu văn bản',
  toTrinh: 'Tờ trình',
  baoCao: 'Báo cáo tự đánh giá',
  tongHop: SHEETS.summary,
  bienBan: 'Biên bản tự đánh giá',
  dangKy: 'Đăng ký danh hiệu',
} as const;

export const DOCUMENT_KINDS = ['to-trinh', 'bao-cao', 'tong-hop', 'bien-ban', 'dang-ky'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_SHEET: Record<DocumentKind, string> = {
  'to-trinh': DOCUMENT_SHEETS.toTrinh,
  'bao-cao': DOCUMENT_SHEETS.baoCao,
  'tong-hop': DOCUMENT_SHEETS.tongHop,
  'bien-ban': DOCUMENT_SHEETS.bienBan,
  'dang-ky': DOCUMENT_SHEETS.dangKy,
};
