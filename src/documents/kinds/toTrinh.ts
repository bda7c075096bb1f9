/** Tờ trình đề nghị công nhận: the request letter naming the level and the receiving body. */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { closeWithRecipients, leftOverTexts, openDocument } from './common';

export function drawToTrinh(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(DOCUMENT_SHEETS.toTrinh, ctx, 'to_trinh');
  b.paragraphs(text(ctx, 'to_trinh.can_cu'), { indent: true, italic: true });
  b.spacer(4);
  b.paragraphs(text(ctx, 'to_trinh.noi_dung'), { indent: true });
  b.paragraphs(text(ctx, 'to_trinh.de_nghi'), { indent: true });
  leftOverTexts(b, kept);
  closeWithRecipients(b, ctx, 'to_trinh');
  return b.plan();
}
