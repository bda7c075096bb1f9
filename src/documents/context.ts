/**
 * What a document is drawn from: the unit's fields, the evaluation's figures and the
 * template texts, already turned into the words and numbers the documents print.
 */
import { readNumber, readText, type CellValue } from '../domain/values';
import { readYear } from '../domain/years';
import { cleanText } from '../domain/text';
import type { CriterionResult, Evaluation, IndicatorResult, Outcome } from '../domain/evaluation';
import type { RuleSet } from '../domain/rules/ruleSet';
import { levelNumber, requestedLevel, type UnitRequest } from '../domain/rules/request';
import { outcomeText, type OutcomeText } from '../i18n/outcome';
import { formatDate, formatMeasured, formatPercent, formatThreshold } from '../i18n/format';
import type { UnitWorkbook } from '../sheets/unitWorkbook';
import { COL } from '../sheets/criteriaSheet';
import { CHARTERS, COMPETENCE_DEFAULT, fillTemplate, fillTidy, withoutEmptyLines, type Placeholder, type Wording } from './templates';
import { unitTypeId } from '../domain/unitTypes';
import { basisLines, citedBases, listedBases } from './bases';
import { serialToDate } from '../workbook/plan';

/** A word not typed yet, to write in by hand. */
const BLANK = '……………';
/** A person's name or title not typed yet, as the template's other rows of the Tổ đánh giá leave it. */
const BLANK_NAME = '………………………';

/** The evaluation as the documents print it (outcome worded in Vietnamese: documents are). */
export interface Figures {
  mode: 'pass-fail' | 'score';
  indicators: IndicatorResult[];
  criteria: CriterionResult[];
  outcome: Pick<OutcomeText, 'status' | 'text' | 'hold'>;
  countedMembers: number;
}

/**
 * What the dossier files: a request for recognition (with its tờ trình), or the self-evaluation
 * alone, no tờ trình drawn: a level-2 request `held` (asked before it may be), or a result that
 * does not qualify (`not-met`: not recognised, not evaluable, rated in the fail band).
 */
export type Filing = 'request' | 'held' | 'not-met';

/** The filing an outcome makes: a recognition not held, or a rating among the rule set's bands (not its fail band), is a request. */
export function filingOf(outcome: Outcome, rs: Pick<RuleSet, 'bands'>): Filing {
  if (outcome.kind === 'pass-fail') return outcome.status !== 'recognised' ? 'not-met' : outcome.hold ? 'held' : 'request';
  return outcome.status === 'rated' && rs.bands.some((b) => b.label === outcome.rating) ? 'request' : 'not-met';
}

export interface DocumentContext {
  report: Figures;
  filing: Filing;
  /** Template texts by key (the sheet's, else the defaults). */
  texts: ReadonlyMap<string, string>;
  values: Record<Placeholder, string>;
  unit: { name: string; parent: string; head: string; headTitle: string; place: string };
  /** Evidence ("minh chứng") the unit wrote per indicator code. */
  evidence: ReadonlyMap<string, string>;
  /** Counted members or learners behind a share, per indicator code. */
  isLearners: ReadonlySet<string>;
  /** TT24's words (công nhận) or TT22's (xếp loại): the rule set's mode decides. */
  wording: Wording;
  /** The unit's evaluating body (Tổ đánh giá …), as typed once in "Mẫu văn bản". */
  evaluators: Evaluator[];
  /** What "Căn cứ {can_cu}" cites, one line each (bases.ts). */
  bases: string[];
}

export interface Evaluator {
  name: string;
  title: string;
  role: string;
}

/** "Nguyễn Thị Lan | Hiệu trưởng | Tổ trưởng" per line → members, each part as printed (cleanText); missing parts stay empty. */
export function parseEvaluators(text: string): Evaluator[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map(cleanText))
    .filter((parts) => parts.some((p) => p !== ''))
    .map(([name = '', title = '', role = '']) => ({ name, title, role }));
}

/** The measured share as printed: the one percentage rule (i18n/format), beside its requirement when given; blank when not measured. */
export function indicatorPercent(i: { value: number | null; required?: number | null; status?: string }): string {
  if (i.value === null) return '';
  return i.status === undefined ? formatPercent(i.value) : formatMeasured({ value: i.value, required: i.required ?? null, status: i.status });
}

/** The charter of the unit's type (CHARTERS), else the head's functions, duties and powers. */
function competence(type: string, values: Readonly<Record<string, string>>): string {
  const id = unitTypeId(type);
  return (id !== undefined ? CHARTERS[id] : undefined) ?? fillTidy(COMPETENCE_DEFAULT, values);
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s;
}

/** A date cell (a serial of the workbook's date system: `date1904`, WorkbookSnapshot.date1904) or text as d/m/yyyy text. */
export function dateText(v: CellValue, date1904: boolean): string {
  const n = readNumber(v);
  if (n.kind === 'number' && n.value > 20000) {
    const d = serialToDate(n.value, date1904);
    return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
  }
  return readText(v);
}

/**
 * The level-1 recognition a level-2 request rests on, as the documents cite it: its date and title;
 * none for another request, a level-1 date not typed or a recognition at level 2 already.
 */
function previousRecognition(rs: RuleSet, request: UnitRequest | undefined): { date: string; title: string } | null {
  const date = request?.previousDate.value;
  // The level the letter asks for (muc_do): the rule set's, else (an older sheet's) the one typed.
  if (!request || !(date instanceof Date) || (rs.level ?? requestedLevel(rs, request.level.value)) !== 2) return null;
  if ((levelNumber(request.previousLevel.value) ?? 1) !== 1) return null;
  // The rule set's title at level 1 (“… cấp huyện mức độ 1”); a title naming no level, the plain one.
  const title = /mức độ\s*2/iu.test(rs.recognition) ? rs.recognition.replace(/mức độ\s*2/iu, 'mức độ 1') : '“Đơn vị học tập” mức độ 1';
  return { date: formatDate(date), title };
}

/** `request`: the unit's request as read from its sheet (unitRequest), for what the documents cite of an earlier recognition. */
export function buildContext(wb: UnitWorkbook, ev: Evaluation, texts: ReadonlyMap<string, string>, request?: UnitRequest): DocumentContext {
  const info = wb.unit.info;
  const report: Figures = {
    mode: wb.criteria.ruleSet.mode,
    indicators: ev.indicators,
    criteria: ev.criteria,
    outcome: outcomeText(ev, 'vi'),
    countedMembers: ev.countedMembers,
  };
  // Names print as written, whatever was pasted: trimmed, one space between words (non-breaking ones too), NFC.
  const txt = (v: CellValue) => cleanText(readText(v));
  // The one year rule; unreadable, the documents are refused first (usecases/documents.ts).
  const read = readYear(info.year, new Date());
  const year = read.kind === 'year' ? read.year : null;
  const rs = wb.criteria.ruleSet;
  const bases = citedBases(rs, year);
  // What keeps the unit from its recognition: the indicators not met, or not evaluable for want of data.
  const missed = report.indicators.filter((i) => i.status === 'not_met' || i.status === 'not_evaluable').map((i) => i.code);
  const previous = previousRecognition(rs, request);
  const base: Record<Placeholder, string> = {
    ten_don_vi: txt(info.name),
    loai_don_vi: txt(info.type),
    co_quan_chu_quan: txt(info.parent),
    don_vi_tong_hop: txt(info.receiver) || BLANK,
    cap_tong_hop: txt(info.receiverTier),
    // Not typed yet: a blank to write in (“……………, tháng 01 năm …”), never a line that starts with a comma.
    dia_danh: txt(info.place) || BLANK,
    nguoi_dung_dau: txt(info.head),
    // The head as NĐ 30 names one whose title is not given (“THỦ TRƯỞNG …”, “1. Thủ trưởng: …”), never “1.: …”.
    chuc_vu: txt(info.headTitle) || 'Thủ trưởng',
    nam: year === null ? '……' : String(year),
    nam_sau: year === null ? '……' : String(year + 1),
    // The level the rule set evaluates: a request letter never asks for another one.
    muc_do: rs.level ? `mức độ ${rs.level}` : lowerFirst(txt(info.level)),
    muc_do_dang_ky: '',
    danh_hieu: rs.recognition || '“Đơn vị học tập”',
    bo_tieu_chi: rs.name,
    can_cu_tham_quyen: '',
    can_cu: listedBases(bases),
    to_danh_gia: rs.evaluatingBody || (rs.mode === 'score' ? 'Hội đồng tự kiểm tra' : 'Tổ đánh giá'),
    muc_tieu_ca_nhan: formatThreshold(rs.personalTarget),
    so_thanh_vien: String(report.countedMembers),
    ket_qua: report.outcome.text,
    chi_tieu_chua_dat: missed.length ? missed.join(', ') : 'không có',
    ngay_cong_nhan_truoc: previous?.date ?? '',
    danh_hieu_truoc: previous?.title ?? '',
    ky_hieu: (texts.get('chung.ky_hieu') ?? '').trim(),
    ngay_ky: dateText(texts.get('chung.ngay_ky') ?? '', wb.date1904),
    ma: '',
    noi_dung: '',
    yeu_cau: '',
    tu_so: '',
    mau_so: '',
    doi_tuong: '',
    ty_le: '',
    danh_gia: '',
    minh_chung: '',
    diem: '',
    diem_toi_da: '',
  };
  base.can_cu_tham_quyen = competence(base.loai_don_vi, base);
  base.muc_do_dang_ky = lowerFirst(fillTemplate(texts.get('dang_ky.muc_do') ?? '{muc_do}', base).trim());
  const evidence = new Map<string, string>();
  for (const row of wb.criteria.rows) {
    if (!row.indicator) continue;
    evidence.set(row.code, readText(wb.sheets.criteria?.rows[row.row - 1]?.[COL.evidence - 1] ?? null).trim());
  }
  const isLearners = new Set(rs.indicators.filter((i) => i.measure.kind === 'learners').map((i) => i.code));
  return {
    report,
    filing: filingOf(ev.outcome, rs),
    texts,
    values: base,
    // As typed: a signature without a title typed reads “THỦ TRƯỞNG ĐƠN VỊ” (headSigner), the place a blank (placeDateLine).
    unit: { name: base.ten_don_vi, parent: base.co_quan_chu_quan, head: base.nguoi_dung_dau, headTitle: txt(info.headTitle), place: txt(info.place) },
    evidence,
    isLearners,
    wording: rs.mode,
    // The head's name and title not typed yet: blanks to write in, as the other members' rows.
    evaluators: parseEvaluators(fillTemplate(texts.get('to_danh_gia.thanh_vien') ?? '', { ...base, nguoi_dung_dau: base.nguoi_dung_dau || BLANK_NAME, chuc_vu: txt(info.headTitle) || BLANK_NAME })),
    bases,
  };
}

/** A template text with the values filled in (and any per-item values on top); "Căn cứ {can_cu}" one line per basis. */
export function text(ctx: DocumentContext, key: string, more: Partial<Record<Placeholder, string>> = {}): string {
  const values = { ...ctx.values, ...more };
  return fillTidy(basisLines(withoutEmptyLines(ctx.texts.get(key) ?? '', values), ctx.bases), values);
}
