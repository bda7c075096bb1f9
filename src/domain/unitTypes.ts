/** Types of unit (domain reference §5). Rule sets name them in applicability conditions. */
interface UnitType {
  label: string;
  /** Short id for the CLI (`--type thcs`). */
  id: string;
  /** Education institutions report learners (người học) too. */
  education: boolean;
}

const TYPES: UnitType[] = [
  { label: 'Cơ quan nhà nước', id: 'co-quan', education: false },
  { label: 'UBND cấp xã', id: 'ubnd-xa', education: false },
  { label: 'Đơn vị sự nghiệp công lập', id: 'su-nghiep', education: false },
  { label: 'Trường mầm non', id: 'mn', education: true },
  { label: 'Trường tiểu học', id: 'th', education: true },
  { label: 'Trường THCS', id: 'thcs', education: true },
  { label: 'Trường THPT', id: 'thpt', education: true },
  { label: 'Trường phổ thông nhiều cấp học', id: 'nhieu-cap', education: true },
  { label: 'Trung tâm GDNN-GDTX', id: 'gdnn', education: true },
  { label: 'Cơ sở giáo dục nghề nghiệp', id: 'gd-nghe', education: true },
  { label: 'Cơ sở giáo dục đại học', id: 'dai-hoc', education: true },
  { label: 'Doanh nghiệp', id: 'doanh-nghiep', education: false },
  { label: 'Tổ chức khác', id: 'khac', education: false },
];

export const UNIT_TYPES: readonly string[] = TYPES.map((t) => t.label);

export const EDUCATION_TYPES: readonly string[] = TYPES.filter((t) => t.education).map((t) => t.label);

export function isEducationType(type: string): boolean {
  return EDUCATION_TYPES.includes(type.normalize('NFC').trim());
}

export const UNIT_TYPE_IDS: Record<string, string> = Object.fromEntries(TYPES.map((t) => [t.id, t.label]));

/** The id of a type as typed in the workbook ("Trường tiểu học", however cased) → "th"; undefined for another. */
export function unitTypeId(label: string): string | undefined {
  const key = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');
  return TYPES.find((t) => key(t.label) === key(label))?.id;
}

/** Labels of the unit fields that rule-set applicability conditions may read. */
export const UNIT_FIELD_LABELS = {
  type: 'Loại đơn vị',
  isPublic: 'Công lập',
  /** Multi-level schools: the highest level taught (TT24 Điều 12 counts those whose highest is THPT). */
  highestLevel: 'Cấp học cao nhất',
} as const;

/** What "Cấp học cao nhất" may hold; rule sets compare with these words. */
export const SCHOOL_LEVELS: readonly string[] = ['Mầm non', 'Tiểu học', 'THCS', 'THPT'];
