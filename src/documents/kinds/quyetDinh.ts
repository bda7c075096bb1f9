/**
 * Quyết định thành lập Tổ đánh giá (TT24 Điều 10: "Thủ trưởng đơn vị thành lập Tổ đánh
 * giá"; TT22 plans: Hội đồng tự kiểm tra). Its members are typed once, in "Mẫu văn bản"
 * (to_danh_gia.thanh_vien), and the minutes list the same people.
 */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { SIZE } from '../../sheets/documentLayout';
import { closeWithRecipients, leftOverTexts, openDocument } from './common';

export function drawQuyetDinh(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(DOCUMENT_SHEETS.quyetDinh, ctx, 'quyet_dinh');
  // No spacer under the authority, after “QUYẾT ĐỊNH:” nor above the list (their rows have room of
  // their own): a school's charter line still leaves a three-member decision on one page.
  b.row([{ text: text(ctx, 'quyet_dinh.tham_quyen').toLocaleUpperCase('vi'), bold: true, align: 'center', size: SIZE.title }]);
  b.paragraphs(text(ctx, 'quyet_dinh.can_cu'), { indent: true, italic: true });
  b.spacer(6);
  b.row([{ text: text(ctx, 'quyet_dinh.quyet_dinh'), bold: true, align: 'center', size: SIZE.title }]);
  b.paragraphs(text(ctx, 'quyet_dinh.dieu_1'), { indent: true });
  const rows = ctx.evaluators.map((m, i) => [String(i + 1), m.name, m.title, m.role]);
  b.table(['STT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ'], [1, 4, 3, 2], rows, ['center', 'left', 'left', 'left']);
  b.endTable();
  b.spacer(6);
  b.paragraphs(text(ctx, 'quyet_dinh.dieu_2'), { indent: true });
  b.paragraphs(text(ctx, 'quyet_dinh.dieu_3'), { indent: true });
  leftOverTexts(b, kept);
  // The head's own decision (“CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …” above): signed as the head.
  closeWithRecipients(b, ctx, 'quyet_dinh', true);
  return b.plan();
}
