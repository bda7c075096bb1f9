/**
 * Bìa hồ sơ: the cover the Hà Nội plan files first — the unit, what the dossier asks for
 * (the rule set's official title), the year, the documents inside in filing order. A dossier that
 * asks for nothing (a level-2 request held, a result that does not qualify) has no tờ trình: its
 * cover files the self-evaluation.
 */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { DocumentBuilder, SIZE } from '../../sheets/documentLayout';
import { leftOverTexts } from './common';
import { foldKey } from '../../domain/text';

const upper = (s: string) => s.toLocaleUpperCase('vi');
const TO_TRINH = foldKey(DOCUMENT_SHEETS.toTrinh);
const NUMBERED = /^(\s*)\d+([.)])\s*/;

/** The dossier's items, one a line; a self-evaluation alone, without the tờ trình (never drawn then) and numbered again. */
function coverItems(list: string, request: boolean): string[] {
  const lines = list.split('\n').filter((l) => l.trim());
  if (request) return lines;
  const kept = lines.filter((l) => !foldKey(l).includes(TO_TRINH));
  if (kept.length === lines.length) return lines;
  let n = 0;
  return kept.map((l) => l.replace(NUMBERED, (_m, lead: string, mark: string) => `${lead}${++n}${mark} `));
}

export function drawBia(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = new DocumentBuilder(DOCUMENT_SHEETS.bia);
  if (ctx.unit.parent) b.row([{ text: upper(ctx.unit.parent), align: 'center', size: SIZE.title }]);
  b.row([{ text: upper(ctx.unit.name), bold: true, align: 'center', size: SIZE.title }]);
  b.spacer(150);
  // Asking for nothing (level 2 asked too soon, a result short of it): the self-evaluation's title, no level named.
  const request = ctx.filing === 'request';
  const own = request ? '' : '.tu_danh_gia';
  b.row([{ text: text(ctx, `bia.tieu_de${own}`), bold: true, align: 'center', size: 16 }]);
  b.row([{ text: upper(text(ctx, `bia.danh_hieu${own}`)), bold: true, align: 'center', size: 20 }]);
  b.row([{ text: text(ctx, 'bia.nam'), bold: true, align: 'center', size: 16 }]);
  b.spacer(60);
  b.row([{ text: text(ctx, 'bia.gom'), bold: true, italic: true, from: 3, to: 10 }]);
  for (const line of coverItems(text(ctx, 'bia.danh_muc'), request)) b.row([{ text: line, from: 3, to: 10 }]);
  b.spacer(30);
  b.row([{ text: text(ctx, 'bia.noi_nop'), italic: true, align: 'center' }]);
  leftOverTexts(b, kept);
  b.spacer(90);
  b.row([{ text: text(ctx, 'bia.thoi_gian'), bold: true, align: 'center' }]);
  return b.plan();
}
