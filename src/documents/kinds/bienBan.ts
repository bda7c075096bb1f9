/** Biên bản tự đánh giá (the Hà Nội plan's dossier): who met, when, the results table, the conclusion. */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import { statusText } from '../../sheets/names';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { indicatorTable, leftOverTexts, minutesSignatures, openDocument, peopleLines } from './common';

export function drawBienBan(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(DOCUMENT_SHEETS.bienBan, ctx, 'bien_ban');
  const own = (key: string) => b.userText({ key, written: text(ctx, key), kept: kept.take(key) });
  own('bien_ban.thoi_gian.goi_y');
  b.paragraphs(text(ctx, 'bien_ban.dia_diem'));
  b.paragraphs(text(ctx, 'bien_ban.thanh_phan'));
  // The members of the Quyết định thành lập, typed once in "Mẫu văn bản".
  b.userText({ key: 'bien_ban.thanh_phan.goi_y', written: peopleLines(ctx.evaluators), kept: kept.take('bien_ban.thanh_phan.goi_y') });
  b.spacer(4);
  b.paragraphs(text(ctx, 'bien_ban.noi_dung'), { indent: true });
  b.spacer(4);
  indicatorTable(b, ctx, ['Mã', 'Tiêu chí, chỉ tiêu', 'Yêu cầu', 'Kết quả thực hiện', 'Tự đánh giá'], (ind) => statusText(ind.status), (s) => s);
  b.spacer(6);
  b.paragraphs(text(ctx, 'bien_ban.ket_luan'), { bold: true });
  // A result short of the request: the body agrees to ask for nothing, and names what to mend.
  if (ctx.filing === 'not-met') b.paragraphs(text(ctx, 'bien_ban.chua_dat'), { indent: true });
  b.paragraphs(text(ctx, 'bien_ban.y_kien'));
  own('bien_ban.y_kien.goi_y');
  b.paragraphs(text(ctx, 'bien_ban.ket_thuc'), { indent: true });
  leftOverTexts(b, kept);
  minutesSignatures(b, ctx.evaluators, ctx.unit.head, text(ctx, 'bien_ban.chu_tich'), text(ctx, 'bien_ban.thu_ky'));
  return b.plan();
}
