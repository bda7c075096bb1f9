/**
 * The documents of the body that receives and checks the dossiers (TT24 Điều 10): the
 * Biên bản thẩm định of the batch, its Tờ trình to the Chủ tịch UBND, and the draft
 * Quyết định công nhận with its list by level. Same NĐ 30/2020 layout and template system
 * as the unit's dossier; the officer's own words on the sheets survive re-generation.
 */
import type { SheetPlan } from '../../workbook/port';
import { DocumentBuilder, SIZE, type UserCell } from '../../sheets/documentLayout';
import { addresseeLine, headingBlock, lastWordsTogether, placeDateLine, signatureBlock, titleBlock } from '../../sheets/documentBlocks';
import type { KeptTexts } from '../narrative';
import { leftOverTexts, minutesSignatures, peopleLines, SIGN_NOTE } from '../kinds/common';
import { officerText, type OfficerContext } from './context';
import { proposalGroups, proposed, unmetUnnamed, withoutLevel, type BatchUnit } from './batch';
import { OFFICER_TEMPLATES } from './templates';
import { foldKey, sentences } from '../../domain/text';
import { catalogs } from '../../i18n';

export const OFFICER_SHEETS = {
  templates: OFFICER_TEMPLATES.sheet,
  bienBan: 'Biên bản thẩm định',
  toTrinh: 'Tờ trình công nhận',
  quyetDinh: 'Quyết định công nhận',
} as const;

/** In the order they are signed: the minutes, the request, the draft decision. */
export const OFFICER_KINDS = ['bien-ban-tham-dinh', 'to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const;
export type OfficerKind = (typeof OFFICER_KINDS)[number];

export const OFFICER_SHEET: Record<OfficerKind, string> = {
  'bien-ban-tham-dinh': OFFICER_SHEETS.bienBan,
  'to-trinh-cong-nhan': OFFICER_SHEETS.toTrinh,
  'quyet-dinh-cong-nhan': OFFICER_SHEETS.quyetDinh,
};

export function isOfficerKind(s: string): s is OfficerKind {
  return s in OFFICER_SHEET;
}

export { BLANK, buildOfficerContext, officerParties, type OfficerContext, type OfficerFields, type OfficerParties } from './context';
export { isCommittee, sameCommittee } from '../places';
export { OFFICER_TEMPLATES } from './templates';
export type { Batch, BatchUnit, BatchRuleSet } from './batch';
export { proposalGroups, proposed, unitBases, unmetUnnamed } from './batch';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
/** A rating group's title when its rule set names none (TT22 rates “Đơn vị học tập”, at no tier or level). */
const UNTITLED = '“Đơn vị học tập”';

/**
 * NĐ 30/2020 Phụ lục I: the body issuing a document, and the authority signing it, are named in full ("UBND" may
 * shorten only a parent body's name): "UBND xã Hòa Bình" → "Ủy ban nhân dân xã Hòa Bình".
 */
const committeeInFull = (name: string) => name.replace(/^UBND(?=\s)/u, 'Ủy ban nhân dân');

/**
 * Heading and title; `byCommittee`: the decision is the UBND's (a draft, marked so above
 * the heading while "quyet_dinh.du_thao" says so), the others the examining office's.
 */
function openOfficerDocument(sheet: string, ctx: OfficerContext, prefix: string, byCommittee = false): DocumentBuilder {
  const b = new DocumentBuilder(sheet);
  const v = ctx.values;
  const draft = byCommittee ? officerText(ctx, `${prefix}.du_thao`) : '';
  if (draft) b.row([{ text: draft, bold: true, align: 'right', size: SIZE.national, border: true, from: 9, to: 10 }]);
  const issuer = byCommittee ? committeeInFull(v.uy_ban) : v.co_quan_tham_dinh;
  headingBlock(b, {
    parent: byCommittee || issuer === v.uy_ban ? '' : v.uy_ban,
    unitName: issuer,
    number: officerText(ctx, `${prefix}.so`),
    placeDate: placeDateLine(v.dia_danh, v.ngay_ky),
  });
  titleBlock(b, officerText(ctx, `${prefix}.tieu_de`), officerText(ctx, `${prefix}.trich_yeu`));
  if (ctx.texts.has(`${prefix}.kinh_gui`)) addresseeLine(b, officerText(ctx, `${prefix}.kinh_gui`));
  return b;
}

/** What a unit is proposed for: "Mức độ 1", or its rating "Loại Khá" (TT22); else the recomputed result. */
const proposalText = (u: BatchUnit) => (u.level ? `Mức độ ${u.level}` : u.rating ? `Loại ${u.rating}` : u.outcome);
const proposalPhrase = (u: BatchUnit) => (u.level ? `mức độ ${u.level}` : u.rating ? `xếp loại ${u.rating}` : '');
/** The unit as the consolidation knows it (its name folded, its year): a type set right later keeps the officer's remark. */
const unitKey = (u: BatchUnit) => `${foldKey(u.name)}|${u.year ?? ''}`;
/** The key of minutes drawn before units were known by name and year. */
const drawnBeforeKey = (u: BatchUnit) => `${u.name}|${u.type}`;

function unitValues(u: BatchUnit) {
  const chua_dat = u.unmet ? ` (chưa đạt chỉ tiêu ${u.unmet})` : '';
  return { ten_don_vi: u.name, ket_qua: u.outcome, chua_dat, tu_danh_gia: u.recorded || '—', ly_do: sentences(u.reasons), ly_do_chua_dat: keptOutReason(u), muc_do: proposalPhrase(u) };
}

/**
 * Why a unit is kept out, as the minutes' “Lý do” states it beside the recomputed result: the
 * indicators it misses that no finding names, the findings, then its own verdict unless a
 * finding quotes it.
 */
function keptOutReason(u: BatchUnit): string {
  const missed = unmetUnnamed(u);
  // "1.1: Chưa đánh giá được" of the table's list: an indicator not evaluated is not one "chưa đạt".
  const unknown = missed.filter((item) => NOT_EVALUABLE.has(item.slice(item.indexOf(':') + 1).trim()));
  const failed = missed.filter((item) => !unknown.includes(item));
  const own = u.recorded && !u.reasons.some((r) => r.includes(u.recorded)) ? [`Đơn vị tự đánh giá: ${u.recorded}`] : [];
  return sentences([
    ...(failed.length ? [`Chưa đạt chỉ tiêu ${failed.join('; ')}`] : []),
    ...(unknown.length ? [`Chưa đánh giá được chỉ tiêu ${unknown.map((item) => item.slice(0, item.indexOf(':'))).join(', ')}`] : []),
    ...u.reasons,
    ...own,
  ]);
}

/** The table's word for an indicator it could not evaluate, in either language it is written in. */
const NOT_EVALUABLE = new Set(Object.values(catalogs).map((c) => c['status.not_evaluable']));

/** The unit rows of one list; the last column is the officer's remark (kept when rewritten). */
function unitTable(b: DocumentBuilder, ctx: OfficerContext, kept: KeptTexts, units: BatchUnit[], headers: [string, string, string, string], widths: [number, number, number, number], remark: string, third: (u: BatchUnit) => string): void {
  if (units.length === 0) {
    b.paragraphs(officerText(ctx, 'tham_dinh.khong_co'), { indent: true, italic: true });
    return;
  }
  const rows = units.map((u, i): (string | UserCell)[] => {
    const written = [officerText(ctx, remark, unitValues(u)), ...u.notes].join('\n').trim();
    const key = `tham_dinh.y_kien#${unitKey(u)}`;
    return [String(i + 1), u.name, third(u), { key, written, kept: kept.take(key) ?? kept.take(`tham_dinh.y_kien#${drawnBeforeKey(u)}`) }];
  });
  b.table(headers, widths, rows, ['center', 'left', 'center', 'left']);
  b.endTable();
}

export function drawBienBanThamDinh(ctx: OfficerContext, kept: KeptTexts): SheetPlan {
  const b = openOfficerDocument(OFFICER_SHEETS.bienBan, ctx, 'tham_dinh');
  const own = (key: string) => b.userText({ key, written: officerText(ctx, key), kept: kept.take(key) });
  own('tham_dinh.thoi_gian.goi_y');
  b.paragraphs(officerText(ctx, 'tham_dinh.dia_diem'));
  b.paragraphs(officerText(ctx, 'tham_dinh.thanh_phan'));
  b.userText({ key: 'tham_dinh.thanh_phan.goi_y', written: peopleLines(ctx.checkers), kept: kept.take('tham_dinh.thanh_phan.goi_y') });
  b.spacer(4);
  b.paragraphs(officerText(ctx, 'tham_dinh.noi_dung'), { indent: true });
  b.spacer(4);
  const units = ctx.batch.units;
  b.paragraphs(officerText(ctx, 'tham_dinh.muc_dat'), { bold: true });
  // Each list's widest column is its longest text, so that its rows stay as short as their texts allow: the
  // proposed units' names (a school's name on one line), the kept-out units' reasons.
  unitTable(b, ctx, kept, units.filter(proposed), ['STT', 'Tên đơn vị', 'Đề nghị', 'Ý kiến thẩm định'], [1, 4, 2, 3], 'tham_dinh.y_kien_dat', proposalText);
  b.spacer(6);
  b.paragraphs(officerText(ctx, 'tham_dinh.muc_chua_dat'), { bold: true });
  unitTable(b, ctx, kept, units.filter((u) => !proposed(u)), ['STT', 'Tên đơn vị', 'Tính lại', 'Lý do'], [1, 3, 2, 4], 'tham_dinh.y_kien_chua_dat', (u) => u.outcome);
  b.spacer(6);
  // Dossiers received whose files could not be read: no unit of the table, still recorded as not examined.
  if (ctx.batch.unread?.length) {
    b.paragraphs(officerText(ctx, 'tham_dinh.muc_khong_doc_duoc'), { bold: true });
    b.spacer(6);
  }
  // The conclusion goes with the signatures: they never stand alone on the last page.
  b.keepTogether(() => {
    b.paragraphs(officerText(ctx, 'tham_dinh.ket_luan'), { bold: true, indent: true });
    b.paragraphs(officerText(ctx, 'tham_dinh.ket_thuc'), { indent: true });
    leftOverTexts(b, kept);
    minutesSignatures(b, ctx.checkers, ctx.values.nguoi_ky, officerText(ctx, 'tham_dinh.to_truong'), officerText(ctx, 'tham_dinh.thu_ky'));
  });
  return b.plan();
}

export function drawToTrinhCongNhan(ctx: OfficerContext, kept: KeptTexts): SheetPlan {
  const b = openOfficerDocument(OFFICER_SHEETS.toTrinh, ctx, 'to_trinh');
  b.paragraphs(officerText(ctx, 'to_trinh.can_cu'), { indent: true, italic: true });
  b.spacer(4);
  b.paragraphs(officerText(ctx, 'to_trinh.noi_dung'), { indent: true });
  b.paragraphs(officerText(ctx, 'to_trinh.de_nghi'), { indent: true });
  leftOverTexts(b, kept);
  signatureBlock(b, { title: ctx.values.chuc_vu_nguoi_ky, name: ctx.values.nguoi_ky, note: SIGN_NOTE }, { recipients: officerText(ctx, 'to_trinh.noi_nhan') });
  return b.plan();
}

export function drawQuyetDinhCongNhan(ctx: OfficerContext, kept: KeptTexts): SheetPlan {
  const b = openOfficerDocument(OFFICER_SHEETS.quyetDinh, ctx, 'quyet_dinh', true);
  b.row([{ text: officerText(ctx, 'quyet_dinh.tham_quyen', { uy_ban: committeeInFull(ctx.values.uy_ban) }).toLocaleUpperCase('vi'), bold: true, align: 'center', size: SIZE.title }]);
  b.spacer(8);
  b.paragraphs(officerText(ctx, 'quyet_dinh.can_cu'), { indent: true, italic: true });
  b.spacer(6);
  b.row([{ text: officerText(ctx, 'quyet_dinh.quyet_dinh'), bold: true, align: 'center', size: SIZE.title }]);
  b.spacer(6);
  for (const k of ['dieu_1', 'dieu_2', 'dieu_3']) b.paragraphs(officerText(ctx, `quyet_dinh.${k}`), { indent: true });
  leftOverTexts(b, kept);
  signatureBlock(b, { title: officerText(ctx, 'quyet_dinh.nguoi_ky'), name: ctx.values.chu_tich, note: SIGN_NOTE }, { recipients: officerText(ctx, 'quyet_dinh.noi_nhan') });

  // The list "kèm theo" starts on its own page.
  b.pageBreak();
  b.row([{ text: lastWordsTogether(officerText(ctx, 'quyet_dinh.phu_luc').toLocaleUpperCase('vi')), bold: true, align: 'center', size: SIZE.title, title: true }]);
  b.row([{ text: officerText(ctx, 'quyet_dinh.phu_luc_kem_theo'), italic: true, align: 'center', from: 2, to: 9 }]);
  b.spacer(10);
  const groups = proposalGroups(ctx.batch.units, ctx.batch.ruleSets);
  if (groups.length === 0) b.paragraphs(officerText(ctx, 'tham_dinh.khong_co'), { indent: true, italic: true });
  groups.forEach((g, i) => {
    const titles = [...new Set(g.units.map((u) => ctx.batch.ruleSets.find((r) => r.name === u.ruleSet)?.recognition ?? ''))].map(withoutLevel).filter(Boolean);
    const more = { muc_do_la_ma: ROMAN[i] ?? String(i + 1), muc_do: proposalPhrase(g.units[0]!), so_trong_nhom: String(g.units.length), ...(titles.length ? { danh_hieu: titles.join(', ') } : g.rating !== null ? { danh_hieu: UNTITLED } : {}) };
    b.paragraphs(officerText(ctx, 'quyet_dinh.nhom', more), { bold: true });
    const rows = g.units.map((u, k) => [String(k + 1), u.name, u.type, proposalText(u)]);
    b.table(['STT', 'Tên đơn vị', 'Loại đơn vị', g.rating === null ? 'Mức độ' : 'Xếp loại'], [1, 4, 3, 2], rows, ['center', 'left', 'left', 'center']);
    b.endTable();
    b.spacer(8);
  });
  return b.plan();
}

export type DrawOfficerDocument = (ctx: OfficerContext, kept: KeptTexts) => SheetPlan;

export const DRAW_OFFICER: Record<OfficerKind, DrawOfficerDocument> = {
  'bien-ban-tham-dinh': drawBienBanThamDinh,
  'to-trinh-cong-nhan': drawToTrinhCongNhan,
  'quyet-dinh-cong-nhan': drawQuyetDinhCongNhan,
};
