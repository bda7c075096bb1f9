import { editDistance, foldKey } from './text';

/** Types of unit (domain reference §5). Rule sets name them in applicability conditions. */
interface UnitType {
  label: string;
  /** Short id for the CLI (`--type thcs`). */
  id: string;
  /** Education institutions report learners (người học) too. */
  education: boolean;
  /** What clerks type for it besides its label and initials (“MG”, “cấp 2”): nearestUnitType's hints. */
  aliases?: readonly string[];
}

const TYPES: UnitType[] = [
  { label: 'Cơ quan nhà nước', id: 'co-quan', education: false },
  { label: 'UBND cấp xã', id: 'ubnd-xa', education: false, aliases: ['UBND xã', 'UBND phường', 'UBND'] },
  { label: 'Đơn vị sự nghiệp công lập', id: 'su-nghiep', education: false },
  { label: 'Trường mầm non', id: 'mn', education: true, aliases: ['MG', 'mẫu giáo', 'nhà trẻ'] },
  { label: 'Trường tiểu học', id: 'th', education: true, aliases: ['cấp 1', 'cấp I'] },
  { label: 'Trường THCS', id: 'thcs', education: true, aliases: ['trung học cơ sở', 'cấp 2', 'cấp II'] },
  { label: 'Trường THPT', id: 'thpt', education: true, aliases: ['trung học phổ thông', 'cấp 3', 'cấp III'] },
  { label: 'Trường phổ thông nhiều cấp học', id: 'nhieu-cap', education: true, aliases: ['liên cấp', 'TH và THCS', 'THCS và THPT', 'PTDTBT', 'PTDTNT'] },
  { label: 'Trung tâm GDNN-GDTX', id: 'gdnn', education: true, aliases: ['GDTX', 'GDNN', 'TTGDTX', 'TT GDNN-GDTX', 'giáo dục thường xuyên'] },
  { label: 'Cơ sở giáo dục nghề nghiệp', id: 'gd-nghe', education: true, aliases: ['trường cao đẳng', 'trường trung cấp', 'trường nghề'] },
  { label: 'Cơ sở giáo dục đại học', id: 'dai-hoc', education: true, aliases: ['trường đại học', 'học viện'] },
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

/**
 * The listed type (`listed`: the workbook's list, else UNIT_TYPES) a type typed outside the list most
 * likely means: one whose label, label without “Trường”/“Trung tâm”, initials (“Trường tiểu học” → TH)
 * or built-in aliases it equals, else one that contains it, else the closest in spelling.
 */
export function nearestUnitType(typed: string, listed: readonly string[]): string | undefined {
  const shown = foldKey(typed);
  if (!listed.length) return undefined;
  const names = listed.map((label) => ({ label, keys: typeNames(label) }));
  const strip = (k: string) => k.replace(/^(truong|trung tam|tt) /, '');
  for (const k of [shown, strip(shown)]) {
    const hit = names.find((n) => n.keys.includes(k));
    if (hit) return hit.label;
  }
  // Its words hold a listed name (“THPT chuyên”, “Trường tiểu học Kim Đồng”): the longest one.
  let words: { label: string; length: number } | undefined;
  for (const n of names) for (const x of n.keys) if (x.length >= 2 && ` ${shown} `.includes(` ${x} `) && x.length > (words?.length ?? 0)) words = { label: n.label, length: x.length };
  if (words) return words.label;
  const within = names.find((n) => n.keys.some((x) => x.includes(shown) || x.includes(strip(shown))));
  if (within && strip(shown).length >= 2) return within.label;
  let best = names[0]!;
  let bestDistance = Infinity;
  for (const n of names) {
    const d = Math.min(...n.keys.map((x) => editDistance(x, shown)));
    if (d < bestDistance) [best, bestDistance] = [n, d];
  }
  return best.label;
}

function typeNames(label: string): string[] {
  const key = foldKey(label);
  const rest = key.replace(/^(truong|trung tam|co so) /, '');
  const words = rest.split(' ');
  // Words written in capitals are abbreviations already (THCS, GDNN, GDTX); the others give initials (tiểu học → TH).
  const capitals = words.filter((w) => w.length >= 2 && label.normalize('NFC').includes(w.toUpperCase()));
  const initials = words.length > 1 && !capitals.length ? words.map((w) => w[0]).join('') : '';
  const aliases = TYPES.find((t) => foldKey(t.label) === key)?.aliases ?? [];
  return [key, rest, initials, ...capitals, ...aliases.map(foldKey)].filter((x, i, all) => x !== '' && all.indexOf(x) === i);
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
