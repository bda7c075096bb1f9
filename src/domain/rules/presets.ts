/**
 * The four starting rule sets of the domain reference (§2). They only seed the criteria
 * sheet: from there on the workbook's copy is the rule set, and the user may edit it.
 */
import { col, LDTT_OR_HIGHER } from '../memberFields';
import { EDUCATION_TYPES, UNIT_FIELD_LABELS } from '../unitTypes';
import type { Criterion, Indicator, RuleSet } from './ruleSet';

const list = (items: readonly string[]) => `{${items.join('; ')}}`;
const typeIn = (types: readonly string[]) => `[${UNIT_FIELD_LABELS.type}] thuộc ${list(types)}`;
const EDUCATION = typeIn(EDUCATION_TYPES);
const STATE_OR_PUBLIC = `${typeIn(['Cơ quan nhà nước', 'UBND cấp xã', 'Đơn vị sự nghiệp công lập'])} hoặc [${UNIT_FIELD_LABELS.isPublic}] = có`;
const UPPER_SECONDARY_ETC = typeIn(['Trường THPT', 'Trường phổ thông nhiều cấp học', 'Trung tâm GDNN-GDTX', 'Cơ sở giáo dục đại học']);
const VOCATIONAL = typeIn(['Cơ sở giáo dục nghề nghiệp']);

const CDHT = `${col('cdhtTitle')} = có hoặc ${col('cdhtScore')} >= 80`;
const LDTT = `${col('emulationTitle')} thuộc ${list(LDTT_OR_HIGHER)}`;

const unit = (code: string, text: string, source: string, appliesTo = '', points: number | null = null): Indicator => ({
  code,
  text,
  measure: { kind: 'unit' },
  threshold: null,
  points,
  appliesTo,
  source,
});
const members = (code: string, text: string, condition: string, threshold: number, source: string, points: number | null = null): Indicator => ({
  code,
  text,
  measure: { kind: 'members', condition },
  threshold,
  points,
  appliesTo: '',
  source,
});
const learners = (code: string, text: string, threshold: number, source: string): Indicator => ({
  code,
  text,
  measure: { kind: 'learners' },
  threshold,
  points: null,
  appliesTo: EDUCATION,
  source,
});

const TT24_CRITERIA: Criterion[] = [
  { code: '1', title: 'Điều kiện xây dựng Đơn vị học tập' },
  { code: '2', title: 'Kết quả học tập của thành viên' },
  { code: '3', title: 'Tác dụng của việc xây dựng Đơn vị học tập' },
];

const TT24_TC1: Indicator[] = [
  unit('1.1', 'Ban hành và thực hiện kế hoạch học tập hằng năm cho thành viên', '[C] TT24'),
  unit('1.2', 'Bảo đảm quyền lợi học tập, bồi dưỡng; có quy định khuyến khích thành viên học tập', '[C] TT24'),
  unit('1.3', 'Bố trí kinh phí ngân sách nhà nước cho việc học tập, bồi dưỡng của thành viên hằng năm', '[C] TT24 — chỉ áp dụng cho cơ quan nhà nước, đơn vị sự nghiệp công lập', STATE_OR_PUBLIC),
  unit('1.4', 'Triển khai chuyển đổi số; thành viên được trang bị để làm việc, học tập trên môi trường số', '[C] TT24'),
  unit('1.5', 'Tham gia các hoạt động phục vụ học tập suốt đời của người dân', '[C] TT24'),
];

const tt24Tc2 = (note: string): Indicator[] => [
  members('2.1', 'Thành viên chấp hành kỷ luật lao động, nội quy làm việc; hợp tác, chia sẻ', `${col('discipline')} = có`, 0.9, `[S] TT24${note}`),
  members('2.2', 'Thành viên hoàn thành chương trình học tập, bồi dưỡng bắt buộc', `${col('mandatoryTraining')} = có`, 0.9, `[S] TT24${note}`),
  members('2.3', 'Thành viên được bồi dưỡng và tham gia chuyển đổi số', `${col('digital')} = có`, 0.9, `[S] seed 002${note}`),
  members('2.4', 'Thành viên có chứng chỉ ngoại ngữ', `${col('language')} = có`, 0.5, `[S] seed 002${note}`),
];

/** TT24 rule sets: pass/fail, no score bands, the three TT24 criteria. */
const tt24 = (id: string, name: string, basis: string, recognition: string, indicators: Indicator[]): RuleSet => ({
  id,
  name,
  basis,
  mode: 'pass-fail',
  recognition,
  partialScoring: 'all-or-nothing',
  bands: [],
  failBand: '',
  personalTarget: 0.9,
  criteria: TT24_CRITERIA,
  indicators,
});

const tt24CoSoMd1 = tt24(
  'tt24-co-so-md1',
  'TT24 · cơ sở · mức độ 1',
  'Thông tư 24/2023/TT-BGDĐT — đơn vị cấp cơ sở (cấp huyện cũ), mức độ 1',
  '“Đơn vị học tập” cấp cơ sở (cấp huyện cũ) mức độ 1',
  [
    ...TT24_TC1,
    ...tt24Tc2(''),
    members('3.1', 'Thành viên đạt danh hiệu “Lao động tiên tiến” trở lên', LDTT, 0.9, '[S] seeds 000, 002'),
    members('3.2a', 'Thành viên đạt danh hiệu “Công dân học tập”', CDHT, 0.9, '[S] seeds 000, 002'),
    learners('3.2b', 'Người học đạt danh hiệu “Công dân học tập” (cơ sở giáo dục)', 0.95, '[S] seeds 000, 002'),
    unit('3.3', 'Góp phần tạo lập môi trường chia sẻ tri thức với các đơn vị khác', '[L] seed 000'),
    unit('3.4', 'Đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” trở lên', '[L] seed 000'),
  ],
);

const provincial = (level: 1 | 2): RuleSet => {
  const md2 = level === 2;
  const note = md2 ? ' — cần đối chiếu văn bản địa phương' : '';
  return tt24(
    `tt24-tinh-md${level}`,
    `TT24 · tỉnh · mức độ ${level}`,
    `Thông tư 24/2023/TT-BGDĐT — đơn vị cấp tỉnh, mức độ ${level}`,
    `“Đơn vị học tập” cấp tỉnh mức độ ${level}`,
    [
      ...TT24_TC1,
      ...tt24Tc2(note),
      members('3.1', 'Thành viên đạt danh hiệu “Công dân học tập”', CDHT, md2 ? 0.95 : 0.9, '[S] TT24'),
      learners('3.1b', 'Người học đạt danh hiệu “Công dân học tập” (cơ sở giáo dục)', md2 ? 0.97 : 0.95, '[S] TT24'),
      unit('3.2', 'Tổ chức hoạt động chia sẻ tri thức', '[S] TT24'),
      unit('3.3', md2 ? 'Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc”' : 'Đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” trở lên', '[S] TT24'),
      unit(
        '3.4',
        md2 ? 'Mức độ chuyển đổi số “đáp ứng khá”' : 'Mức độ chuyển đổi số “đáp ứng cơ bản”',
        '[S] TT24 — trường THPT, TT GDNN-GDTX, cơ sở giáo dục đại học',
        UPPER_SECONDARY_ETC,
      ),
      unit('3.5', 'Cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng', '[S] TT24 — cơ sở giáo dục nghề nghiệp', VOCATIONAL),
    ],
  );
};

const tt22: RuleSet = {
  id: 'tt22-100',
  name: 'TT22/2020 · 100 điểm',
  basis: 'Thông tư 22/2020/TT-BGDĐT (đã hết hiệu lực 26/01/2024; nhiều địa phương vẫn dùng mẫu này)',
  mode: 'score',
  recognition: '',
  partialScoring: 'all-or-nothing',
  bands: [
    { label: 'Tốt', min: 85 },
    { label: 'Khá', min: 70 },
    { label: 'Trung bình', min: 50 },
  ],
  failBand: 'Chưa đạt',
  personalTarget: 0.9,
  criteria: [
    { code: '1', title: 'Điều kiện xây dựng Đơn vị học tập (30 điểm)' },
    { code: '2', title: 'Kết quả học tập của thành viên (30 điểm)' },
    { code: '3', title: 'Hiệu quả, tác động của xây dựng Đơn vị học tập (40 điểm)' },
  ],
  indicators: [
    unit('1.1', 'Có kế hoạch cho thành viên học tập thường xuyên', '[C] TT22', '', 10),
    unit('1.2', 'Có quy định khuyến khích thành viên học tập', '[C] TT22', '', 10),
    unit('1.3', 'Đầu tư nguồn lực cho việc học tập của thành viên', '[C] TT22', '', 10),
    members('2.1', '100% thành viên có kế hoạch tự học được duyệt', `${col('studyPlan')} = có`, 1, '[C] TT22', 10),
    members('2.2', '100% thành viên chấp hành kỷ luật lao động', `${col('discipline')} = có`, 1, '[C] TT22', 5),
    members('2.3', '100% thành viên hoàn thành bồi dưỡng bắt buộc', `${col('mandatoryTraining')} = có`, 1, '[C] TT22', 10),
    members('2.4', '100% thành viên đạt “Lao động tiên tiến” trở lên', LDTT, 1, '[C] TT22 (Hà Nội: 70%)', 5),
    members('3.1', '100% thành viên đáp ứng 8 năng lực của Công dân học tập', `${col('cdhtCompetences')} = có`, 1, '[C] TT22', 25),
    unit('3.2', 'Đơn vị đạt “Tập thể lao động tiên tiến” trở lên', '[C] TT22', '', 10),
    unit('3.3', 'Chia sẻ tri thức với đơn vị khác', '[C] TT22', '', 5),
  ],
};

export const PRESETS: RuleSet[] = [tt24CoSoMd1, provincial(1), provincial(2), tt22];

export function findPreset(id: string): RuleSet | undefined {
  return PRESETS.find((p) => p.id === id);
}
