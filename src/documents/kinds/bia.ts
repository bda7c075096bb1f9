/**
 * Bìa hồ sơ: the cover the Hà Nội plan files first — the unit, what the dossier asks for
 * (the rule set's official title), the year, the documents inside in filing order.
 */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { DocumentBuilder, SIZE } from '../../sheets/documentLayout';
import { leftOverTexts } from './common';

const upper = (s: string) => s.toLocaleUpperCase('vi');

export function drawBia(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = new DocumentBuilder(DOCUMENT_SHEETS.bia);
  if (ctx.unit.parent) b.row([{ text: upper(ctx.unit.parent), align: 'center', size: SIZE.title }]);
  b.row([{ text: upper(ctx.unit.name), bold: true, align: 'center', size: SIZE.title }]);
  b.spacer(150);
  b.row([{ text: text(ctx, 'bia.tieu_de'), bold: true, align: 'center', size: 16 }]);
  b.row([{ text: upper(text(ctx, 'bia.danh_hieu')), bold: true, align: 'center', size: 20 }]);
  b.row([{ text: text(ctx, 'bia.nam'), bold: true, align: 'center', size: 16 }]);
  b.spacer(60);
  b.row([{ text: text(ctx, 'bia.gom'), bold: true, italic: true, from: 3, to: 10 }]);
  for (const line of text(ctx, 'bia.danh_muc').split('\n').filter((l) => l.trim())) b.row([{ text: line, from: 3, to: 10 }]);
  b.spacer(30);
  b.row([{ text: text(ctx, 'bia.noi_nop'), italic: true, align: 'center' }]);
  leftOverTexts(b, kept);
  b.spacer(90);
  b.row([{ text: text(ctx, 'bia.thoi_gian'), bold: true, align: 'center' }]);
  return b.plan();
}
