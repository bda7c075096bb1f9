/**
 * The document sheets and their kinds. Sheet names are Vietnamese whatever the pane's
 * language: they are what the unit prints and files. The kinds are the CLI's --only ids.
 */
import { SHEETS } from '../sheets/names';
import type { Wording } from './templates';

export const DOCUMENT_SHEETS = {
  templates: 'Mẫu văn bản',
  bia: 'Bìa hồ sơ',
  toTrinh: 'Tờ trình',
  keHoach: 'Kế hoạch',
  quyetDinh: 'Quyết định thành lập',
  baoCao: 'Báo cáo tự đánh giá',
  tongHop: SHEETS.summary,
  bienBan: 'Biên bản tự đánh giá',
  dangKy: 'Đăng ký công nhận',
} as const;

/** TT24 recognises a unit; TT22 awards a danh hiệu: under a scoring rule set the Bản đăng ký's sheet says so. */
export const DANG_KY_DANH_HIEU = 'Đăng ký danh hiệu';

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

/**
 * The sheet a kind is drawn on under a rule set's wording. Only a new sheet takes this name: the
 * add-in finds its sheets by their mark, so one drawn under the other name stays that sheet.
 */
export function documentSheet(kind: DocumentKind, wording: Wording): string {
  return kind === 'dang-ky' && wording === 'score' ? DANG_KY_DANH_HIEU : DOCUMENT_SHEET[kind];
}

/** Every name a kind's sheet is usually called, whatever the wording (to find it before the rule set is read). */
export function documentSheetNames(kind: DocumentKind): string[] {
  return kind === 'dang-ky' ? [DOCUMENT_SHEETS.dangKy, DANG_KY_DANH_HIEU] : [DOCUMENT_SHEET[kind]];
}
