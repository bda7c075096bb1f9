/**
 * The starting rule sets of the domain reference (§2). They only seed the criteria sheet:
 * from there on the workbook's copy is the rule set, and the user may edit it.
 *
 * Every "Nguồn" cites a legal text or a provincial document by number and date, as an
 * officer reads it; what could not be checked against the circular's text says so.
 */
import { col, LDTT_OR_HIGHER } from '../memberFields';
import { EDUCATION_TYPES, UNIT_FIELD_LABELS } from '../unitTypes';
import type { Criterion, Indicator, RuleSet } from './ruleSet';

const list = (items: readonly string[]) => `{${items.join('; ')}}`;
const typeIn = (types: readonly string[]) => `[${UNIT_FIELD_LABELS.type}] thuộc ${list(types)}`;
const EDUCATION = typeIn(EDUCATION_TYPES);
const STATE_OR_PUBLIC = `${typeIn(['Cơ quan nhà nước', 'UBND cấp xã', 'Đơn vị sự nghiệp công lập'])} hoặc [${UNIT_FIELD_LABELS.isPublic}] = có`;
/** TT24 Điều 12: THPT, multi-level schools whose highest level is THPT, GDTX centres, universities. */
const UPPER_SECONDARY_ETC = `${typeIn(['Trường THPT', 'Trung tâm GDNN-GDTX', 'Cơ sở giáo dục đại học'])} hoặc (${typeIn(['Trường phổ thông nhiều cấp học'])} và [${UNIT_FIELD_LABELS.highestLevel}] thuộc {THPT; Trung học phổ thông})`;
const VOCATIONAL = typeIn(['Cơ sở giáo dục nghề nghiệp']);

/** The title decides when the row gives it; the score (80, QĐ 324) only when the title is blank. */
const CDHT = `${col('cdhtTitle')} = có hoặc (${col('cdhtTitle')} trống và ${col('cdhtScore')} >= 80)`;
/** Said in the source of each CDHT indicator: the 80 is the user's to change, not a code branch. */
const CDHT_AREAS = 'vùng khó khăn, vùng đồng bào dân tộc thiểu số: danh hiệu cần 70 điểm — sửa 80 thành 70 trong điều kiện';
const LDTT = `${col('emulationTitle')} thuộc ${list(LDTT_OR_HIGHER)}`;

// How the documents are cited (domain reference, "How the product cites a source").
const TT24 = 'Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023';
const HA_NOI = 'KH 248/KH-UBND ngày 20/8/2024 của UBND TP Hà Nội';
const DONG_THAP = 'Mẫu số 4, CV 681/SGDĐT-GDTrH&TX ngày 07/5/2024 của Sở GDĐT Đồng Tháp';
const DONG_THAP_KH = 'KH 130/KH-UBND ngày 14/4/2024 của UBND tỉnh Đồng Tháp';
/** Công dân học tập: as the Hà Nội plan cites it. */
const QD_324 = 'QĐ 324/QĐ-KHVN ngày 25/10/2023 của Ban Chấp hành Trung ương Hội Khuyến học Việt Nam';
const TT22 = 'Thông tư 22/2020/TT-BGDĐT ngày 06/8/2020';
/** Điều 7 (cấp huyện mức độ 2) could not be read: said wherever a value stands in for it. */
const NOT_READ_7 = 'Điều 7 chưa đối chiếu được toàn văn — cần đối chiếu văn bản gốc';

const TT24_BASIS = 'Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh';
const TT22_BASIS = 'Thông tư số 22/2020/TT-BGDĐT ngày 06/8/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, xếp loại “Đơn vị học tập”';

/**
 * The articles of TT24 that set each recognition (reference, "What is known of TT24's own text"):
 * the tier warnings cite them for a rule set resting on TT24 (domain/rules/request.ts).
 */
export const TT24_RECOGNITION_ARTICLES = {
  circular: 'Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023',
  /** "cấp huyện" / "cấp tỉnh" (folded), by level. */
  articles: { huyen: { 1: 'Điều 6', 2: 'Điều 7' }, tinh: { 1: 'Điều 12', 2: 'Điều 13' } },
  /** The conditions of recognition (level 2 after level 1): Điều 8 for cấp huyện; the province's article is not known. */
  conditions: { huyen: 'Điều 8' } as Partial<Record<'huyen' | 'tinh', string>>,
  /** The process and the dossier due before 15/01 of the next year: Điều 10 for cấp huyện; the province's article is not known. */
  dossier: { huyen: 'Điều 10' } as Partial<Record<'huyen' | 'tinh', string>>,
} as const;

/** Since 01/7/2025 district-tier dossiers go to the commune or to the province (reference §1). */
const DISTRICT_RECEIVERS = ['cấp xã', 'cấp huyện', 'cấp tỉnh'];
const PROVINCE_RECEIVERS = ['cấp tỉnh'];

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
  { code: '1', title: 'Điều kiện xây dựng “Đơn vị học tập”' },
  { code: '2', title: 'Kết quả học tập của thành viên' },
  { code: '3', title: 'Tác dụng của việc xây dựng “Đơn vị học tập”' },
];

/** Tiêu chí 1 (Điều 6 khoản 1), which every TT24 level takes; `source` names the article that does. */
const tt24Tc1 = (source: string): Indicator[] => [
  unit('1.1', 'Ban hành và thực hiện kế hoạch học tập hằng năm cho thành viên', source),
  unit(
    '1.2',
    'Thực hiện đầy đủ các chế độ về đào tạo, bồi dưỡng theo quy định hiện hành, có quy định của đơn vị nhằm khuyến khích thành viên học tập; đơn vị là nhà trẻ, trường mẫu giáo, trường mầm non công lập tham gia thực hiện tập huấn, hỗ trợ giáo viên mầm non ngoài công lập trên địa bàn',
    source,
  ),
  unit(
    '1.3',
    'Bố trí đủ kinh phí từ ngân sách nhà nước cho việc học tập, bồi dưỡng của thành viên hằng năm (đối với đơn vị là cơ quan, đơn vị sự nghiệp công lập của nhà nước)',
    `${source} — chỉ áp dụng cho cơ quan, đơn vị sự nghiệp công lập của nhà nước`,
    STATE_OR_PUBLIC,
  ),
  unit('1.4', 'Triển khai chuyển đổi số; thành viên được trang bị dụng cụ, thiết bị học tập đáp ứng nhu cầu làm việc, học tập trong bối cảnh chuyển đổi số', source),
  unit('1.5', 'Tham gia các hoạt động phục vụ việc học tập suốt đời cho người dân', source),
];

/** Tiêu chí 2 at the given shares; `cite` names the text behind the confirmed and the locally quoted ones. */
const tt24Tc2 = (t: { discipline: number; training: number; digital: number; language: number }, cite: { confirmed: string; local: string }): Indicator[] => [
  members('2.1', 'Thành viên tuân thủ kỷ luật lao động, nội quy làm việc trong đơn vị, có tinh thần đoàn kết, hợp tác, chia sẻ và trao đổi trong lao động, học tập', `${col('discipline')} = có`, t.discipline, cite.confirmed),
  members(
    '2.2',
    'Thành viên hoàn thành đầy đủ các chương trình học tập, bồi dưỡng theo quy định của nhà nước hoặc của đơn vị và đoàn thể được lãnh đạo đơn vị phê duyệt',
    `${col('mandatoryTraining')} = có`,
    t.training,
    cite.confirmed,
  ),
  members('2.3', 'Thành viên được đào tạo, bồi dưỡng và tham gia thực hiện chuyển đổi số trong đơn vị', `${col('digital')} = có`, t.digital, cite.local),
  members('2.4', 'Thành viên có chứng nhận hoặc chứng chỉ ngoại ngữ', `${col('language')} = có`, t.language, cite.local),
];

const LEVEL1_TC2 = { discipline: 0.9, training: 0.9, digital: 0.9, language: 0.5 };

/** TT24 rule sets: pass/fail, no score bands, the three TT24 criteria. */
const tt24 = (id: string, name: string, recognition: string, level: 1 | 2, receiverTiers: string[], indicators: Indicator[]): RuleSet => ({
  id,
  name,
  basis: TT24_BASIS,
  mode: 'pass-fail',
  recognition,
  partialScoring: 'all-or-nothing',
  bands: [],
  failBand: '',
  personalTarget: 0.9,
  criteria: TT24_CRITERIA,
  indicators,
  evaluatingBody: 'Tổ đánh giá',
  level,
  receiverTiers,
});

/** Cấp huyện mức độ 1: TT24 Điều 6, as the Hà Nội and Đồng Tháp plans quote it. */
const huyenMd1 = tt24('tt24-co-so-md1', 'TT24 · cấp huyện · mức độ 1', '“Đơn vị học tập” cấp huyện mức độ 1', 1, DISTRICT_RECEIVERS, [
  ...tt24Tc1(`[C] ${TT24}, Điều 6 khoản 1`),
  ...tt24Tc2(LEVEL1_TC2, { confirmed: `[C] ${TT24}, Điều 6 khoản 2`, local: `[S] ${TT24}, Điều 6 khoản 2 (theo ${DONG_THAP})` }),
  members('3.1', 'Thành viên đạt danh hiệu “Lao động tiên tiến” trở lên', LDTT, 0.9, `[S] ${TT24}, Điều 6 (theo ${DONG_THAP_KH})`),
  members('3.2a', `Thành viên đạt danh hiệu “Công dân học tập” (${QD_324})`, CDHT, 0.9, `[S] ${TT24}, Điều 6 (theo ${HA_NOI}; ${DONG_THAP_KH}); ${CDHT_AREAS}`),
  learners('3.2b', 'Người học đạt danh hiệu “Công dân học tập” (cơ sở giáo dục)', 0.95, `[S] ${TT24}, Điều 6 (theo ${HA_NOI})`),
  unit('3.3', 'Góp phần tạo lập môi trường chia sẻ tri thức với các đơn vị khác', `[L] ${HA_NOI}; cùng nội dung ${TT24}, Điều 12`),
  unit('3.4', 'Đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” trở lên', `[L] ${HA_NOI}; cùng nội dung ${TT24}, Điều 12`),
]);

/**
 * Cấp huyện mức độ 2 (Điều 7), whose text could not be read. Tiêu chí 1 as Điều 6 khoản 1
 * (as Điều 13 does for the province); tiêu chí 2 at level 1's shares, the floor a level-2
 * unit surely meets; tiêu chí 3 raised as Điều 13 raises Điều 12 (CDHT 95% / 97%, TTLĐXS).
 * No document read sets these shares: each says so, tagged [L], and what it is taken from.
 */
const standIn = (clause: string, from: string) =>
  `[L] ${TT24}, ${clause}: mức tạm chọn sẵn — lấy bằng mức ${from}, vì Điều 7 chưa đối chiếu được toàn văn; kiểm tra với văn bản hướng dẫn của địa phương và sửa nếu khác`;
const HUYEN_MD2_TC2 = tt24Tc2(LEVEL1_TC2, {
  confirmed: standIn('Điều 7 khoản 2', 'của Điều 6 khoản 2 (mức độ 1)'),
  local: standIn('Điều 7 khoản 2', `của Điều 6 khoản 2 (mức độ 1, theo ${DONG_THAP})`),
});
const huyenMd2 = tt24('tt24-co-so-md2', 'TT24 · cấp huyện · mức độ 2', '“Đơn vị học tập” cấp huyện mức độ 2', 2, DISTRICT_RECEIVERS, [
  ...tt24Tc1(`[S] ${TT24}, Điều 7 khoản 1: như Điều 6 khoản 1 (Điều 13 dẫn như vậy cho cấp tỉnh); ${NOT_READ_7}`),
  ...HUYEN_MD2_TC2,
  members('3.1', 'Thành viên đạt danh hiệu “Lao động tiên tiến” trở lên', LDTT, 0.9, standIn('Điều 7 khoản 3', `của Điều 6 (mức độ 1, theo ${DONG_THAP_KH})`)),
  members('3.2a', `Thành viên đạt danh hiệu “Công dân học tập” (${QD_324})`, CDHT, 0.95, `${standIn('Điều 7 khoản 3', 'của Điều 13 (cấp tỉnh mức độ 2)')}; ${CDHT_AREAS}`),
  learners('3.2b', 'Người học đạt danh hiệu “Công dân học tập” (cơ sở giáo dục)', 0.97, standIn('Điều 7 khoản 3', 'của Điều 13 (cấp tỉnh mức độ 2)')),
  unit('3.3', 'Góp phần tạo lập môi trường chia sẻ tri thức với các đơn vị khác', `[S] ${TT24}, Điều 7 khoản 3: như Điều 13; ${NOT_READ_7}`),
  unit('3.4', 'Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc” trở lên', `[S] ${TT24}, Điều 7 khoản 3: như Điều 13; ${NOT_READ_7}`),
]);

/** Cấp tỉnh: Điều 12 (mức độ 1) and Điều 13 (mức độ 2), whose TC2 is Điều 7 khoản 2. */
const provincial = (level: 1 | 2): RuleSet => {
  const md2 = level === 2;
  const article = md2 ? `${TT24}, Điều 13` : `${TT24}, Điều 12`;
  const tc2 = md2
    ? // Điều 7 khoản 2 is cấp huyện mức độ 2's tiêu chí 2: the same stand-in figures, said the same way.
      tt24Tc2(LEVEL1_TC2, {
        confirmed: standIn('Điều 13 dẫn Điều 7 khoản 2', 'của Điều 6 khoản 2 (mức độ 1)'),
        local: standIn('Điều 13 dẫn Điều 7 khoản 2', `của Điều 6 khoản 2 (mức độ 1, theo ${DONG_THAP})`),
      })
    : tt24Tc2(LEVEL1_TC2, { confirmed: `[C] ${article} (Điều 6 khoản 2)`, local: `[S] ${article} (Điều 6 khoản 2, theo ${DONG_THAP})` });
  return tt24(`tt24-tinh-md${level}`, `TT24 · cấp tỉnh · mức độ ${level}`, `“Đơn vị học tập” cấp tỉnh mức độ ${level}`, level, PROVINCE_RECEIVERS, [
    ...tt24Tc1(`[C] ${article} (Điều 6 khoản 1)`),
    ...tc2,
    members('3.1', `Thành viên đạt danh hiệu “Công dân học tập” (${QD_324})`, CDHT, md2 ? 0.95 : 0.9, `[C] ${article}; ${CDHT_AREAS}`),
    learners('3.1b', 'Người học đạt danh hiệu “Công dân học tập” (cơ sở giáo dục)', md2 ? 0.97 : 0.95, `[C] ${article}`),
    unit('3.2', 'Tổ chức hoạt động chia sẻ tri thức', `[C] ${article}`),
    unit('3.3', md2 ? 'Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc” trở lên' : 'Đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” trở lên', `[C] ${article}`),
    unit(
      '3.4',
      md2 ? 'Mức độ chuyển đổi số “đáp ứng khá”' : 'Mức độ chuyển đổi số “đáp ứng cơ bản”',
      `[C] ${article} — trường THPT, trường phổ thông nhiều cấp học có cấp học cao nhất là THPT, trung tâm GDNN-GDTX, cơ sở giáo dục đại học`,
      UPPER_SECONDARY_ETC,
    ),
    unit('3.5', 'Cơ sở giáo dục nghề nghiệp đạt kiểm định chất lượng', `[C] ${article} — cơ sở giáo dục nghề nghiệp`, VOCATIONAL),
  ]);
};

const tt22: RuleSet = {
  id: 'tt22-100',
  name: 'TT22/2020 · 100 điểm',
  basis: TT22_BASIS,
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
    { code: '1', title: 'Điều kiện xây dựng “Đơn vị học tập” (30 điểm)' },
    { code: '2', title: 'Kết quả học tập của thành viên (30 điểm)' },
    { code: '3', title: 'Hiệu quả, tác động của xây dựng “Đơn vị học tập” (40 điểm)' },
  ],
  indicators: [
    unit('1.1', 'Có kế hoạch cho thành viên học tập thường xuyên', `[C] ${TT22}, tiêu chí 1`, '', 10),
    unit('1.2', 'Có quy định khuyến khích thành viên học tập', `[C] ${TT22}, tiêu chí 1`, '', 10),
    unit('1.3', 'Đầu tư nguồn lực cho việc học tập của thành viên', `[C] ${TT22}, tiêu chí 1`, '', 10),
    members('2.1', '100% thành viên có kế hoạch tự học được duyệt', `${col('studyPlan')} = có`, 1, `[C] ${TT22}, tiêu chí 2`, 10),
    members('2.2', '100% thành viên chấp hành kỷ luật lao động', `${col('discipline')} = có`, 1, `[C] ${TT22}, tiêu chí 2`, 5),
    members('2.3', '100% thành viên hoàn thành bồi dưỡng bắt buộc', `${col('mandatoryTraining')} = có`, 1, `[C] ${TT22}, tiêu chí 2`, 10),
    members('2.4', '100% thành viên đạt “Lao động tiên tiến” trở lên', LDTT, 1, `[C] ${TT22}, tiêu chí 2`, 5),
    members('3.1', '100% thành viên đáp ứng 8 năng lực của Công dân học tập', `${col('cdhtCompetences')} = có`, 1, `[C] ${TT22}, tiêu chí 3`, 25),
    unit('3.2', 'Đơn vị đạt “Tập thể lao động tiên tiến” trở lên', `[C] ${TT22}, tiêu chí 3`, '', 10),
    unit('3.3', 'Chia sẻ tri thức với đơn vị khác', `[C] ${TT22}, tiêu chí 3`, '', 5),
  ],
  evaluatingBody: 'Hội đồng tự kiểm tra',
  level: null,
  receiverTiers: [],
};

export const PRESETS: RuleSet[] = [huyenMd1, huyenMd2, provincial(1), provincial(2), tt22];

export function findPreset(id: string): RuleSet | undefined {
  return PRESETS.find((p) => p.id === id);
}
