/**
 * Bản đăng ký for the next year (the Đắk Lắk plan's Phụ lục 02): what is registered and, per
 * indicator, this year's result next to a target column the unit may rewrite.
 */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import { requirementText } from '../../sheets/names';
import type { KeptTexts } from '../narrative';
import { documentSheet } from '../names';
import { closeWithRecipients, indicatorTable, leftOverTexts, openDocument } from './common';

export function drawDangKy(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(documentSheet('dang-ky', ctx.wording), ctx, 'dang_ky');
  b.paragraphs(text(ctx, 'dang_ky.thong_tin'));
  b.spacer(4);
  b.paragraphs(text(ctx, 'dang_ky.noi_dung'), { indent: true });
  b.spacer(4);
  const { nam, nam_sau } = ctx.values;
  indicatorTable(
    b,
    ctx,
    ['Mã', 'Tiêu chí, chỉ tiêu', 'Yêu cầu', `Kết quả năm ${nam}`, `Chỉ tiêu phấn đấu năm ${nam_sau}`],
    (ind) => {
      const key = `dang_ky.muc_tieu#${ind.code}`;
      const written = ind.status === 'not_applicable' ? '' : requirementText(ind, ind.required !== null);
      return { key, written, kept: kept.take(key) };
    },
    () => '',
    [1, 4, 1, 2, 2],
  );
  b.spacer(6);
  b.paragraphs(text(ctx, 'dang_ky.bien_phap'), { bold: true });
  const key = 'dang_ky.bien_phap.goi_y';
  b.userText({ key, written: text(ctx, key), kept: kept.take(key) });
  b.paragraphs(text(ctx, 'dang_ky.cam_ket'), { indent: true });
  leftOverTexts(b, kept);
  closeWithRecipients(b, ctx, 'dang_ky');
  return b.plan();
}
