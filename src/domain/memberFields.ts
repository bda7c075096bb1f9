/**
 * The member fields the product knows (domain reference §3). The members sheet is drawn
 * from this list, presets name these headers in their conditions, and import maps a
 * school's own columns onto it (headers and aliases are compared by columnKey: kỉ/kỷ alike).
 */
import { RULE_DEFAULTS } from './rules/defaults';
import { columnKey, foldKey } from './text';

export type FieldKind = 'ordinal' | 'name' | 'text' | 'yesno' | 'number' | 'title';

export interface MemberField {
  key: string;
  header: string;
  kind: FieldKind;
  width: number;
  aliases: string[];
}

const f = (key: string, header: string, kind: FieldKind, width: number, aliases: string[] = []): MemberField => ({
  key,
  header,
  kind,
  width,
  aliases,
});

export const MEMBER_FIELDS: MemberField[] = [
  f('ordinal', RULE_DEFAULTS.ordinalHeaders[0], 'ordinal', 6, RULE_DEFAULTS.ordinalHeaders.slice(1)),
  f('name', 'Họ và tên', 'name', 28, ['Họ tên', 'Tên', 'Họ và tên CB-GV-NV', 'Họ và tên thành viên']),
  f('position', 'Chức vụ / vị trí việc làm', 'text', 22, ['Chức vụ', 'Vị trí việc làm', 'Chức danh', 'Nhiệm vụ']),
  // Wide enough for the usual team names on one line (“Tổ Ngoại ngữ - Tin học”, “Tổ Khoa học tự nhiên”).
  f('team', 'Tổ / bộ phận', 'text', 22, ['Tổ', 'Bộ phận', 'Tổ chuyên môn', 'Phòng ban', 'Đơn vị công tác']),
  f('counted', 'Tính vào tổng số', 'yesno', 12, ['Được tính', 'Tính', 'Tính vào tổng']),
  f('studyPlan', 'Kế hoạch tự học được duyệt', 'yesno', 14, ['Kế hoạch tự học', 'KH tự học', 'Kế hoạch tự bồi dưỡng', 'KH tự bồi dưỡng']),
  f('commitment', 'Cam kết học tập suốt đời', 'yesno', 14, ['Cam kết học tập', 'Cam kết HTSĐ', 'Cam kết']),
  f('discipline', 'Chấp hành kỷ luật lao động', 'yesno', 14, ['Chấp hành kỷ luật', 'Kỷ luật lao động', 'Tuân thủ kỷ luật', 'Chấp hành KLLĐ']),
  f('mandatoryTraining', 'Hoàn thành bồi dưỡng bắt buộc', 'yesno', 14, ['Hoàn thành BDTX', 'BDTX', 'Bồi dưỡng thường xuyên', 'Bồi dưỡng bắt buộc', 'Hoàn thành bồi dưỡng']),
  f('digital', 'Tham gia chuyển đổi số', 'yesno', 14, ['Chuyển đổi số', 'CĐS', 'Tham gia CĐS', 'Kỹ năng số']),
  f('language', 'Chứng chỉ ngoại ngữ', 'yesno', 14, ['Ngoại ngữ', 'CC ngoại ngữ', 'Chứng chỉ NN']),
  f('emulationTitle', 'Danh hiệu thi đua', 'title', 18, ['Danh hiệu', 'Thi đua', 'Xếp loại thi đua', 'LĐTT', 'Danh hiệu TĐ']),
  f('disciplinary', 'Hình thức kỷ luật', 'text', 14, ['Kỷ luật', 'Bị kỷ luật']),
  f('cdhtScore', 'Điểm CDHT', 'number', 10, ['Điểm công dân học tập', 'Điểm tự đánh giá CDHT', 'Tổng điểm CDHT']),
  f('cdhtTitle', 'Danh hiệu CDHT', 'yesno', 12, ['CDHT', 'Công dân học tập', 'Đạt CDHT', 'Kết quả CDHT', 'Danh hiệu công dân học tập']),
  f('cdhtCompetences', 'Đủ 8 năng lực CDHT', 'yesno', 12, ['8 năng lực', 'Năng lực CDHT', 'Đáp ứng năng lực CDHT']),
  f('learningFamily', 'Gia đình học tập', 'yesno', 12, ['GĐHT', 'Gia đình HT']),
  f('note', 'Ghi chú', 'text', 20, ['Ghi chu', 'Ghi chú khác']),
];

/** The headers (with their aliases, by columnKey) of the title columns: the titles' dropdown, the engine's title checks. */
export const TITLE_COLUMN_KEYS: ReadonlySet<string> = new Set(MEMBER_FIELDS.filter((f) => f.kind === 'title').flatMap((f) => [f.header, ...f.aliases]).map(columnKey));

export function memberField(key: string): MemberField {
  const found = MEMBER_FIELDS.find((m) => m.key === key);
  if (!found) throw new Error(`unknown member field ${key}`);
  return found;
}

/** "[Header]" for use in a condition. */
export function col(key: string): string {
  return `[${memberField(key).header}]`;
}

/**
 * Emulation titles that count as "Lao động tiên tiến or higher" (Luật Thi đua, khen thưởng
 * 06/2022/QH15 Điều 23–26), in the spellings sheets use: every Chiến sĩ thi đua level implies
 * LĐTT, and "Chiến sĩ tiên tiến" is the armed forces' LĐTT. Presets copy this list into their
 * conditions, where the user sees and edits it; cells are compared without case.
 */
export const LDTT_OR_HIGHER = [
  'Lao động tiên tiến',
  'LĐTT',
  'LDTT',
  'Chiến sĩ tiên tiến',
  'CSTT',
  'Chiến sĩ thi đua cơ sở',
  'CSTĐCS',
  'CSTĐ cơ sở',
  'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
  'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
  'Chiến sĩ thi đua cấp Bộ',
  'Chiến sĩ thi đua cấp tỉnh',
  'CSTĐ cấp Bộ',
  'CSTĐ cấp tỉnh',
  'Chiến sĩ thi đua toàn quốc',
  'CSTĐ toàn quốc',
  'Chiến sĩ thi đua',
  'CSTĐ',
];

/** Entries of the title column that are known to be below LĐTT: read as "no" without a warning. */
export const BELOW_LDTT = ['Hoàn thành nhiệm vụ', 'HTNV', 'Không hoàn thành nhiệm vụ', 'KHTNV', 'Không HTNV', 'Không có', 'Không đạt'];

/**
 * The year's quality ratings above “Hoàn thành nhiệm vụ” (Nghị định 90/2020/NĐ-CP), which staff lists
 * often keep in the column of titles: a rating, not a title (LĐTT is awarded on it, not by it), so a
 * cell holding one is said as such rather than as an unknown title. A rule set that counts a rating
 * lists it in its condition, and it is then a title like any other there.
 */
export const QUALITY_RATINGS = ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 'Hoàn thành tốt nhiệm vụ', 'HTTNV'];
const RATING_KEYS = new Set(QUALITY_RATINGS.map(foldKey));

/** Whether a cell's text is one of QUALITY_RATINGS, however cased or marked. */
export const isQualityRating = (text: string): boolean => RATING_KEYS.has(foldKey(text));

/** What the members sheet offers in the emulation-title dropdown ("Danh mục", column D). */
export const EMULATION_TITLES = [
  'Chiến sĩ thi đua toàn quốc',
  'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
  'Chiến sĩ thi đua cơ sở',
  'Chiến sĩ tiên tiến',
  'Lao động tiên tiến',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];
