/**
 * Kế hoạch xây dựng “Đơn vị học tập” for the year, the kind of plan every school files:
 * purpose, the rule set's indicators and thresholds as "chỉ tiêu phấn đấu", who does what
 * (the head, the tổ chuyên môn, the union, members) and the timeline to the 15/01 deadline.
 * Narrative parts are left to the unit and kept across regenerations.
 */
import type { SheetPlan } from '../../workbook/port';
import { text, type DocumentContext } from '../context';
import { formatThreshold } from '../../i18n/format';
import type { KeptTexts } from '../narrative';
import { DOCUMENT_SHEETS } from '../names';
import { closeWithRecipients, leftOverTexts, openDocument, underHeading } from './common';
import { isLocal } from '../bases';

type Indicator = DocumentContext['report']['indicators'][number];

/** What the plan aims at for one indicator: "Tối thiểu 90% thành viên", "100% thành viên (10 điểm)", "Đạt". */
export function targetText(ctx: DocumentContext, ind: Indicator): string {
  if (ind.status === 'not_applicable') return 'Không áp dụng';
  const pts = ctx.report.mode === 'score' && ind.maxPoints !== null ? ` (${ind.maxPoints} điểm)` : '';
  if (ind.required === null) return `Đạt${pts}`;
  const who = ctx.isLearners.has(ind.code) ? 'người học' : 'thành viên';
  // Every member asked (TT22's 100%): “100% thành viên”, as the plans write it; “Tối thiểu” only below that.
  return `${ind.required >= 1 ? '' : 'Tối thiểu '}${formatThreshold(ind.required)} ${who}${pts}`;
}

export function drawKeHoach(ctx: DocumentContext, kept: KeptTexts): SheetPlan {
  const b = openDocument(DOCUMENT_SHEETS.keHoach, ctx, 'ke_hoach');
  // A section's heading, kept on its page with the paragraph under it.
  const section = (key: string, next: string | (() => void)) => {
    b.spacer(6);
    underHeading(b, () => b.paragraphs(text(ctx, key), { bold: true, align: 'left' }), next, { indent: true });
  };
  const own = (key: string) => () => b.userText({ key, written: text(ctx, key), kept: kept.take(key) }, { indent: false });

  b.paragraphs(text(ctx, 'ke_hoach.can_cu'), { indent: true, italic: true });
  // The local document is asked for only while the rule set cites none; what the unit wrote there stays.
  if (kept.take('ke_hoach.can_cu.goi_y') !== undefined || !ctx.bases.some(isLocal)) own('ke_hoach.can_cu.goi_y')();
  b.paragraphs(text(ctx, 'ke_hoach.mo_dau'), { indent: true });
  section('ke_hoach.muc_1', text(ctx, 'ke_hoach.muc_dich'));
  section('ke_hoach.muc_2', text(ctx, 'ke_hoach.chi_tieu'));
  b.spacer(4);
  b.table(['Mã', 'Tiêu chí, chỉ tiêu', 'Chỉ tiêu phấn đấu'], [1, 6, 3], [], ['center', 'left', 'center']);
  for (const cr of ctx.report.criteria) {
    const rows = ctx.report.indicators.filter((i) => i.criterion === cr.code).map((ind) => [ind.code, ind.text, targetText(ctx, ind)]);
    // Kept with its first indicator: never alone at the foot of a page.
    b.groupRow([{ text: `Tiêu chí ${cr.code}: ${cr.title}`, from: 1, to: 10, bold: true, border: true }], [1, 6, 3], rows[0], ['center', 'left', 'center']);
    b.tableRows([1, 6, 3], rows, ['center', 'left', 'center']);
  }
  b.endTable();
  b.spacer(4);
  b.paragraphs(text(ctx, 'ke_hoach.ca_nhan'), { indent: true });
  section('ke_hoach.muc_3', own('ke_hoach.giai_phap.goi_y'));
  section('ke_hoach.muc_4', text(ctx, 'ke_hoach.nhiem_vu'));
  section('ke_hoach.muc_5', text(ctx, 'ke_hoach.thoi_gian'));
  leftOverTexts(b, kept);
  closeWithRecipients(b, ctx, 'ke_hoach');
  return b.plan();
}
