/**
 * Báo cáo tự đánh giá: purpose, data period, results per criterion with the figures of the
 * evaluation, and the places where the unit writes its own account (kept across runs).
 */
import type { SheetPlan } from '../../workbook/port';
import { indicatorPercent, text, type DocumentContext, type Filing } from '../context';
import { requirementText, statusText } from '../../sheets/names';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import type { DocumentBuilder, TextStyle } from '../../sheets/documentLayout';
import { closeWithRecipients, leftOverTexts, openDocument, underHeading } from './common';

type Indicator = DocumentContext['report']['indicators'][number];

/** What the self-evaluation is for, by what the dossier files. */
const PURPOSE: Record<Filing, string> = { request: 'bao_cao.muc_dich', held: 'bao_cao.muc_dich.tu_danh_gia', 'not-met': 'bao_cao.muc_dich.chua_dat' };

export function drawBaoCao(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(DOCUMENT_SHEETS.baoCao, ctx, 'bao_cao');
  // A heading, kept on its page with the paragraph under it.
  const heading = (key: string, vars = {}, style: TextStyle = {}) => () => b.paragraphs(text(ctx, key, vars), { bold: true, align: 'left', ...style });
  const section = (key: string, next: string | (() => void)) => {
    b.spacer(6);
    underHeading(b, heading(key), next, { indent: true });
  };
  const own = (key: string, vars = {}) => () => b.userText({ key, written: text(ctx, key, vars), kept: kept.take(key) }, { indent: false });

  b.paragraphs(text(ctx, 'bao_cao.mo_dau'), { indent: true });
  section('bao_cao.muc_1', own('bao_cao.muc_1.goi_y'));
  // Asking for nothing (no tờ trình drawn): the report is no request, as the cover and the outcome say.
  section('bao_cao.muc_2', text(ctx, PURPOSE[ctx.filing]));
  section('bao_cao.muc_3', text(ctx, 'bao_cao.pham_vi'));
  b.spacer(6);
  for (const [i, cr] of ctx.report.criteria.entries()) {
    const [first, ...rest] = ctx.report.indicators.filter((ind) => ind.criterion === cr.code);
    const criterion = heading('bao_cao.tieu_chi', { ma: cr.code, noi_dung: cr.title });
    // The section's heading, the criterion's and its first indicator on one page.
    underHeading(b, i === 0 ? () => (heading('bao_cao.muc_4')(), criterion()) : criterion, () => first && indicatorLine(b, ctx, first));
    for (const ind of rest) indicatorLine(b, ctx, ind);
    b.paragraphs(text(ctx, 'bao_cao.ket_luan_tieu_chi', { ma: cr.code, danh_gia: statusText(cr.status) }), { indent: true, italic: true });
    const key = `bao_cao.tieu_chi.goi_y#${cr.code}`;
    b.userText({ key, written: text(ctx, 'bao_cao.tieu_chi.goi_y', { ma: cr.code }), kept: kept.take(key) });
  }
  b.spacer(6);
  underHeading(b, () => (heading('bao_cao.muc_5')(), heading('bao_cao.uu_diem', {}, { italic: true })()), own('bao_cao.uu_diem.goi_y'));
  underHeading(b, heading('bao_cao.han_che', {}, { italic: true }), own('bao_cao.han_che.goi_y'));
  section('bao_cao.muc_6', text(ctx, 'bao_cao.ket_luan'));
  // Held (level 2 asked too soon), the conclusion says why: nothing is asked, nothing to mend.
  if (ctx.filing !== 'held') b.paragraphs(text(ctx, ctx.filing === 'request' ? 'bao_cao.de_nghi' : 'bao_cao.chua_dat'), { indent: true });
  own('bao_cao.phuong_huong.goi_y')();
  leftOverTexts(b, kept);
  closeWithRecipients(b, ctx, 'bao_cao');
  return b.plan();
}

function indicatorLine(b: DocumentBuilder, ctx: DocumentContext, ind: Indicator): void {
  const share = ind.required !== null && ind.denominator !== null && ind.status !== 'not_applicable';
  const vars = {
    ma: ind.code,
    noi_dung: ind.text.replace(/[.;]\s*$/, ''),
    danh_gia: statusText(ind.status),
    yeu_cau: requirementText(ind, ind.required !== null),
    tu_so: String(ind.numerator ?? ''),
    mau_so: String(ind.denominator ?? ''),
    doi_tuong: ctx.isLearners.has(ind.code) ? 'người học' : 'thành viên',
    ty_le: indicatorPercent(ind),
    minh_chung: ctx.evidence.get(ind.code) || '……',
    diem: ind.points === null ? '' : String(Math.round(ind.points * 100) / 100).replace('.', ','),
    diem_toi_da: '',
  };
  const key = ind.status === 'not_applicable' ? 'bao_cao.chi_tieu_khong_ap_dung' : share ? 'bao_cao.chi_tieu_ty_le' : 'bao_cao.chi_tieu_don_vi';
  let line = text(ctx, key, vars);
  const max = ind.maxPoints;
  if (ctx.report.mode === 'score' && ind.status !== 'not_applicable' && max !== null) {
    line += text(ctx, 'bao_cao.chi_tieu_diem', { ...vars, diem: vars.diem || '0', diem_toi_da: String(max) });
  }
  b.paragraphs(line, { indent: true });
}
