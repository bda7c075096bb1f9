/**
 * A realistic sample unit for the preview's "Dữ liệu mẫu", the CLI's --sample, tests and the
 * benchmark: a lower-secondary school unless another type of unit is asked for, whose members,
 * classes (if it has learners) and head follow its type. Deterministic: the same seed gives the
 * same data.
 */
import { MEMBER_FIELDS } from '../domain/memberFields';
import type { CellInput } from '../workbook/port';
import type { CreateSheetsOptions, UnitDetails } from './createSheets';
import { findPreset } from '../domain/rules/presets';
import { isEducationType, UNIT_TYPE_IDS, unitTypeId } from '../domain/unitTypes';
import { tierOf } from '../domain/rules/request';
import type { RuleSet } from '../domain/rules/ruleSet';
import { isCommittee, placeOf } from '../documents/places';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Thanh', 'Minh', 'Ngọc', 'Thu', 'Đức', 'Quang', 'Hồng', 'Kim', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến'];

/** Who a unit of one type is made of. The first two members are its head and deputy. */
interface SampleProfile {
  name: string;
  head: string;
  deputy: string;
  /** The team of the head and the deputy. */
  leadership: string;
  positions: readonly string[];
  teams: readonly string[];
  /** Classes or groups, with their size (smallest, spread); none: a unit without learners. */
  classes: readonly string[];
  classSize: readonly [number, number];
  unit?: Partial<UnitDetails>;
}

const SCHOOL_POSITIONS = ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Tổ trưởng chuyên môn', 'Nhân viên văn thư', 'Nhân viên kế toán', 'Nhân viên thư viện'];
const LECTURER_POSITIONS = ['Giảng viên', 'Giảng viên', 'Giảng viên', 'Giảng viên', 'Trưởng khoa', 'Chuyên viên', 'Nhân viên kế toán', 'Nhân viên thư viện'];
const AGENCY_POSITIONS = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Trưởng phòng', 'Phó Trưởng phòng', 'Nhân viên văn thư', 'Nhân viên kế toán'];
const AGENCY_TEAMS = ['Văn phòng', 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức - Pháp chế', 'Phòng Nghiệp vụ'];
/** "6A" … "9C": each grade from `first` to `last`, one class per suffix. */
const grades = (first: number, last: number, suffixes: readonly string[]) => Array.from({ length: last - first + 1 }, (_, i) => suffixes.map((s) => `${first + i}${s}`)).flat();

const PROVINCE = { parent: 'UBND TỈNH PHÚ THỌ', receiver: 'UBND tỉnh Phú Thọ', receiverTier: 'cấp tỉnh' };
/** A body of the province signs its documents at the province's name. */
const PROVINCIAL = { ...PROVINCE, place: 'Phú Thọ' };
const EDUCATION_DEPARTMENT = { parent: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH PHÚ THỌ' };
/** A school's dossier of the province's tier goes to the Sở GD&ĐT, which examines it for the UBND tỉnh. */
const PROVINCE_EDUCATION = { receiver: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ', receiverTier: 'cấp tỉnh' };
const school = (name: string, teams: readonly string[], classes: readonly string[], classSize: readonly [number, number], unit?: Partial<UnitDetails>): SampleProfile => ({
  name,
  head: 'Hiệu trưởng',
  deputy: 'Phó Hiệu trưởng',
  leadership: 'Ban giám hiệu',
  positions: SCHOOL_POSITIONS,
  teams,
  classes,
  classSize,
  unit,
});
const agency = (name: string, unit?: Partial<UnitDetails>): SampleProfile => ({
  name,
  head: 'Giám đốc',
  deputy: 'Phó Giám đốc',
  leadership: 'Ban Giám đốc',
  positions: AGENCY_POSITIONS,
  teams: AGENCY_TEAMS,
  classes: [],
  classSize: [0, 0],
  unit,
});

const LOWER_SECONDARY = school('Trường THCS Nguyễn Du', ['Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Ngoại ngữ - Tin học', 'Tổ Văn phòng'], grades(6, 9, ['A', 'B', 'C']), [35, 8]);

/** By unit type id (domain/unitTypes.ts); a type not listed takes the lower-secondary school. */
const PROFILES: Record<string, SampleProfile> = {
  thcs: LOWER_SECONDARY,
  mn: {
    ...school('Trường Mầm non Hoa Sen', ['Tổ Nhà trẻ', 'Tổ Mẫu giáo', 'Tổ Nuôi dưỡng', 'Tổ Văn phòng'], ['Nhà trẻ 24-36 tháng', 'Mẫu giáo 3-4 tuổi A', 'Mẫu giáo 3-4 tuổi B', 'Mẫu giáo 4-5 tuổi A', 'Mẫu giáo 4-5 tuổi B', 'Mẫu giáo 5-6 tuổi A', 'Mẫu giáo 5-6 tuổi B'], [22, 8]),
    positions: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Tổ trưởng chuyên môn', 'Nhân viên nấu ăn', 'Nhân viên kế toán', 'Nhân viên y tế'],
  },
  th: school('Trường Tiểu học Bình An', ['Tổ khối 1', 'Tổ khối 2', 'Tổ khối 3', 'Tổ khối 4', 'Tổ khối 5', 'Tổ Văn phòng'], grades(1, 5, ['A', 'B']), [30, 6]),
  thpt: school('Trường THPT Lê Quý Đôn', ['Tổ Toán - Tin học', 'Tổ Ngữ văn - Lịch sử', 'Tổ Vật lí - Hóa học - Sinh học', 'Tổ Ngoại ngữ', 'Tổ Văn phòng'], grades(10, 12, ['A1', 'A2', 'A3', 'A4']), [38, 8], EDUCATION_DEPARTMENT),
  'nhieu-cap': school('Trường TH và THCS Hòa Bình', ['Tổ Tiểu học', 'Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Văn phòng'], grades(1, 9, ['A']), [30, 8], { highestLevel: 'THCS' }),
  gdnn: {
    ...school('Trung tâm GDNN-GDTX Hòa Bình', ['Tổ Văn hóa', 'Tổ Dạy nghề', 'Tổ Hành chính - Tổng hợp'], [...grades(10, 12, ['A', 'B']), 'Sơ cấp Điện dân dụng', 'Sơ cấp May công nghiệp'], [28, 10], EDUCATION_DEPARTMENT),
    head: 'Giám đốc',
    deputy: 'Phó Giám đốc',
    leadership: 'Ban Giám đốc',
  },
  'gd-nghe': {
    ...school('Trường Cao đẳng Phú Thọ', ['Khoa Cơ khí', 'Khoa Điện - Điện tử', 'Khoa Kinh tế', 'Phòng Đào tạo', 'Phòng Hành chính - Tổng hợp'], ['Cơ khí K20A', 'Cơ khí K20B', 'Điện công nghiệp K20A', 'Điện công nghiệp K20B', 'Kế toán K20A'], [30, 10], PROVINCIAL),
    positions: LECTURER_POSITIONS,
  },
  'dai-hoc': {
    ...school('Trường Đại học Hùng Vương', ['Khoa Sư phạm', 'Khoa Kinh tế', 'Khoa Kỹ thuật - Công nghệ', 'Phòng Đào tạo', 'Phòng Hành chính - Tổng hợp'], ['K20 Sư phạm Toán', 'K20 Sư phạm Ngữ văn', 'K20 Kế toán', 'K20 Công nghệ thông tin', 'K20 Kỹ thuật điện'], [40, 15], PROVINCIAL),
    positions: LECTURER_POSITIONS,
  },
  'co-quan': agency('Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Thọ', PROVINCIAL),
  'su-nghiep': agency('Trung tâm Văn hóa - Thể thao tỉnh Phú Thọ', PROVINCIAL),
  'doanh-nghiep': { ...agency('Công ty TNHH Hòa Bình', { isPublic: false, parent: undefined }), positions: ['Nhân viên', 'Nhân viên', 'Nhân viên', 'Trưởng phòng', 'Kỹ sư', 'Nhân viên kế toán', 'Tổ trưởng sản xuất'], teams: ['Phòng Hành chính - Nhân sự', 'Phòng Kế toán', 'Phòng Kinh doanh', 'Phân xưởng sản xuất'] },
  khac: agency('Trung tâm Tư vấn Hòa Bình', { isPublic: false, parent: undefined }),
  // A commune's dossier goes to the province (the district tier ended on 01/7/2025); it has no body above it in its heading.
  'ubnd-xa': {
    name: 'UBND xã Hòa Bình',
    head: 'Chủ tịch',
    deputy: 'Phó Chủ tịch',
    leadership: 'Lãnh đạo UBND',
    positions: ['Công chức', 'Công chức', 'Công chức', 'Chuyên viên', 'Chỉ huy trưởng Ban Chỉ huy quân sự', 'Người hoạt động không chuyên trách'],
    teams: ['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Địa chính - Xây dựng', 'Tài chính - Kế toán', 'Văn hóa - Xã hội'],
    classes: [],
    classSize: [0, 0],
    unit: { ...PROVINCE, parent: undefined },
  },
};

/** The profile of a type as the workbook writes it; a type the product does not list keeps its words. */
function profileOf(type: string | undefined): { type: string; profile: SampleProfile } {
  const id = type === undefined ? 'thcs' : unitTypeId(type);
  return id ? { type: UNIT_TYPE_IDS[id]!, profile: PROFILES[id] ?? LOWER_SECONDARY } : { type: type!, profile: LOWER_SECONDARY };
}

/** Small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  members?: number;
  seed?: number;
  /** Share of members meeting each yes/no indicator (default ~0.95). */
  rate?: number;
  /** The type of unit as the workbook writes it ("UBND cấp xã"); none: a lower-secondary school. */
  type?: string;
  /** The evaluation year (default 2025): a level-2 sample's level-1 recognition is dated by it. */
  year?: number;
  /** The unit's own name instead of the made-up one; a committee's (“UBND xã Hùng Tiến”) also gives its place. */
  name?: string;
}

/**
 * Every sample member a name of their own (evaluate warns of a name listed twice): a name drawn
 * again takes a second middle name, by row, not from the generator (the other data stay the same).
 */
function uniqueName(first: string, given: string, row: number, used: Set<string>): string {
  let name = `${first} ${given}`;
  const m = MIDDLE.length;
  for (let k = 0; used.has(name); k++) {
    if (k < m) name = `${first} ${MIDDLE[(row + k) % m]} ${given}`;
    else if (k < m + m * m) name = `${first} ${MIDDLE[Math.floor((k - m) / m)]} ${MIDDLE[(k - m) % m]} ${given}`;
    else name = `${first} ${given} ${k}`;
  }
  used.add(name);
  return name;
}

/** Member rows in the members sheet's column order. */
export function sampleMembers(options: SampleOptions = {}): CellInput[][] {
  const n = options.members ?? 42;
  const rand = rng(options.seed ?? 2025);
  const rate = options.rate ?? 0.95;
  const { profile } = profileOf(options.type);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const yes = () => (rand() < rate ? 'Có' : 'Không');
  const rows: CellInput[][] = [];
  const names = new Set<string>();
  for (let i = 0; i < n; i++) {
    const values: Record<string, CellInput> = {
      ordinal: i + 1,
      name: uniqueName(`${pick(FAMILY)} ${pick(MIDDLE)}`, pick(GIVEN), i, names),
      position: i === 0 ? profile.head : i === 1 ? profile.deputy : pick(profile.positions),
      team: i < 2 ? profile.leadership : pick(profile.teams),
      counted: i === n - 1 && n > 10 ? 'Không' : null,
      studyPlan: yes(),
      commitment: yes(),
      discipline: yes(),
      mandatoryTraining: yes(),
      digital: yes(),
      language: rand() < 0.6 ? 'Có' : 'Không',
      emulationTitle: rand() < 0.12 ? 'Chiến sĩ thi đua cơ sở' : rand() < rate ? 'Lao động tiên tiến' : 'Hoàn thành nhiệm vụ',
      disciplinary: null,
      cdhtScore: rand() < rate ? 80 + Math.floor(rand() * 20) : 65 + Math.floor(rand() * 15),
      cdhtTitle: null,
      cdhtCompetences: yes(),
      learningFamily: yes(),
      note: i === n - 1 && n > 10 ? 'Nghỉ thai sản từ tháng 3' : null,
    };
    const score = values.cdhtScore as number;
    values.cdhtTitle = score >= 80 ? 'Đạt' : 'Chưa đạt';
    rows.push(MEMBER_FIELDS.map((f) => values[f.key] ?? null));
  }
  return rows;
}

/** One row per class of the unit's type (none for a unit without learners). */
export function sampleLearners(seed = 7, type?: string): CellInput[][] {
  const rand = rng(seed);
  const { classes, classSize } = profileOf(type).profile;
  return classes.map((name, i) => {
    const size = classSize[0] + Math.floor(rand() * classSize[1]);
    return [i + 1, name, size, size - Math.floor(rand() * 2)];
  });
}

/**
 * What the sample asks of its rule set, so that evaluate warns of nothing it made up: a tier
 * that receives the rule set's dossiers (else the province's body), and for level 2 the
 * level-1 recognition it rests on, decided (before 15/02) the year before.
 */
function madeUpRequest(ruleSet: RuleSet, tier: string, type: string, year: number): Partial<UnitDetails> {
  const tiers = (ruleSet.receiverTiers ?? []).map(tierOf).filter((x) => x !== null);
  const received = tiers.length === 0 || tiers.includes(tierOf(tier) ?? '');
  return {
    ...(received ? {} : isEducationType(type) ? PROVINCE_EDUCATION : { receiver: PROVINCE.receiver, receiverTier: PROVINCE.receiverTier }),
    ...(ruleSet.level === 2 ? { previousDate: new Date(year - 1, 1, 10), previousLevel: 'Mức độ 1' } : {}),
  };
}

/** The name typed for the sample; a committee's name says where it is, which its documents are dated at. */
function namedUnit(name: string | undefined): Partial<UnitDetails> {
  if (!name) return {};
  const place = isCommittee(name) ? placeOf(name) : '';
  return place ? { name, place } : { name };
}

export function sampleUnit(options: SampleOptions & { presetId?: string } = {}): CreateSheetsOptions {
  const ruleSet = findPreset(options.presetId ?? 'tt24-co-so-md1')!;
  const answers: Record<string, string> = {};
  for (const ind of ruleSet.indicators) if (ind.measure.kind === 'unit') answers[ind.code] = 'Đạt';
  const { type, profile } = profileOf(options.type);
  const year = options.year ?? 2025;
  const unit: UnitDetails = {
    name: profile.name,
    type,
    isPublic: true,
    year,
    receiver: 'UBND xã Hòa Bình',
    receiverTier: 'cấp xã',
    parent: 'UBND XÃ HÒA BÌNH',
    place: 'Hòa Bình',
    head: 'Nguyễn Thị Lan',
    headTitle: profile.head,
    previousDate: null,
    previousLevel: '',
    ...profile.unit,
    ...madeUpRequest(ruleSet, profile.unit?.receiverTier ?? 'cấp xã', type, year),
    ...namedUnit(options.name),
  };
  return {
    ruleSet,
    unit,
    members: sampleMembers(options),
    learners: sampleLearners(7, options.type),
    answers,
  };
}
