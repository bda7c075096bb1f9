/**
 * What a source column can be mapped to: a member field, the member's ID (used only to
 * recognise the same person next year), or the date of birth (carried over as the list has it,
 * to tell namesakes apart). Headers are compared as columnWords reads them and after expanding the
 * abbreviations schools write (LĐTT, BDTX, CĐS …).
 */
import { MEMBER_FIELDS, memberField, type MemberField } from '../../domain/memberFields';
import { cleanText, columnWords, foldKey } from '../../domain/text';

export const ID_TARGET = 'memberId';
export const BIRTH_TARGET = 'birthDate';
/** The family and middle names of a list that splits the name ("Họ và tên đệm" | "Tên"): joined before the given name. */
export const FAMILY_TARGET = 'familyName';
export type TargetKey = string; // a MemberField key, ID_TARGET, BIRTH_TARGET or FAMILY_TARGET

/** Header of the ID column the import adds to the members sheet when one is mapped. */
export const ID_HEADER = 'Mã định danh';
const ID_ALIASES = [
  'Mã CB',
  'Mã cán bộ',
  'Mã GV',
  'Mã NV',
  'Mã nhân viên',
  'Mã số',
  'Mã số CB',
  'Mã số viên chức',
  'Mã viên chức',
  'Mã định danh cá nhân',
  'Số định danh',
  'Số định danh cá nhân',
  'Số CCCD',
  'CCCD',
  'Mã thành viên',
];

/**
 * Headers of a date of birth in staff lists. No member field holds one: the members sheet keeps
 * the list's own column, under the list's own header, and memberChecks reads it to tell namesakes apart.
 */
export const BIRTH_HEADERS = ['Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày'];

/** Headers of the family-and-middle-name column beside a "Tên" column (sector database exports, many school lists). */
const FAMILY_HEADERS = ['Họ và tên đệm', 'Họ đệm', 'Họ và đệm', 'Họ và chữ đệm', 'Họ, tên đệm', 'Họ tên đệm', 'Họ và tên lót', 'Họ lót', 'Họ'];

export interface Target {
  key: TargetKey;
  header: string;
  aliases: string[];
}

export const TARGETS: Target[] = [
  ...MEMBER_FIELDS.map((f) => ({ key: f.key, header: f.header, aliases: f.aliases })),
  { key: ID_TARGET, header: ID_HEADER, aliases: ID_ALIASES },
  { key: BIRTH_TARGET, header: BIRTH_HEADERS[0]!, aliases: BIRTH_HEADERS.slice(1) },
  { key: FAMILY_TARGET, header: FAMILY_HEADERS[0]!, aliases: FAMILY_HEADERS.slice(1) },
];

export function targetHeader(key: TargetKey): string {
  return TARGETS.find((t) => t.key === key)?.header ?? memberField(key).header;
}

/**
 * The members sheet's header for a birth column: the list's own word where a part of its header is
 * one ("Năm sinh" over "Nam | Nữ"), so a column of years is not headed "Ngày sinh".
 */
export function birthHeader(parts: readonly string[]): string {
  const own = parts.find((p) => findTarget(p)?.key === BIRTH_TARGET);
  return own ? cleanText(own) : targetHeader(BIRTH_TARGET);
}

export function isTarget(key: string): boolean {
  return TARGETS.some((t) => t.key === key);
}

/** A target named by its key, its header or one of its aliases (mapping files, saved mappings). */
export function findTarget(name: string): Target | undefined {
  const k = expand(name);
  return TARGETS.find((t) => t.key === name) ?? TARGETS.find((t) => [t.header, ...t.aliases].some((a) => expand(a) === k));
}

/** The member field a target fills; null for the ID, the date of birth and the family name, which are no member fields. */
export function fieldOf(key: TargetKey): MemberField | null {
  return key === ID_TARGET || key === BIRTH_TARGET || key === FAMILY_TARGET ? null : memberField(key);
}

/** Abbreviations seen in real staff lists, folded (Đ is already d). */
const ABBREVIATIONS: Record<string, string> = {
  ldtt: 'lao dong tien tien',
  cstd: 'chien si thi dua',
  cstdcs: 'chien si thi dua co so',
  bdtx: 'boi duong thuong xuyen',
  cds: 'chuyen doi so',
  cdht: 'cong dan hoc tap',
  gdht: 'gia dinh hoc tap',
  kh: 'ke hoach',
  htsd: 'hoc tap suot doi',
  klld: 'ky luat lao dong',
  kl: 'ky luat',
  cc: 'chung chi',
  nn: 'ngoai ngu',
  cb: 'can bo',
  gv: 'giao vien',
  nv: 'nhan vien',
  cbgvnv: 'can bo giao vien nhan vien',
  td: 'thi dua',
  dh: 'danh hieu',
  vtvl: 'vi tri viec lam',
  stt: 'so thu tu',
  cccd: 'can cuoc cong dan',
  cm: 'chuyen mon',
};

/** foldKey, then every known abbreviation written out, read as columnWords reads it (the free i/y merged). */
export function expand(text: string): string {
  return columnWords(
    foldKey(text)
      .split(' ')
      .map((w) => ABBREVIATIONS[w] ?? w)
      .join(' '),
  );
}

const tokens = (s: string) => [...new Set(s.split(' ').filter(Boolean))].sort().join(' ');

/**
 * How well a header text names a target (0 = not at all): 100 exact, 90 same words in
 * another order, 40 + length when the header contains the alias as whole words (the longer
 * the alias, the more specific). Aliases shorter than five letters only match exactly.
 */
export function headerScore(header: string, target: Target): number {
  const h = expand(header);
  if (!h) return 0;
  let hTokens: string | null = null;
  let best = 0;
  for (const a of expandedNames(target)) {
    let s = 0;
    if (h === a.text) s = 100;
    else if ((hTokens ??= tokens(h)) === a.tokens) s = 90;
    else if (` ${h} `.includes(` ${a.text} `)) s = 40 + Math.min(50, a.text.length);
    if (s > best) best = s;
  }
  return best;
}

/** A target's header and aliases, expanded once (every header cell is scored against all). */
const EXPANDED = new WeakMap<Target, { text: string; tokens: string }[]>();
function expandedNames(target: Target): { text: string; tokens: string }[] {
  let names = EXPANDED.get(target);
  if (!names) {
    names = [target.header, ...target.aliases].map(expand).filter(Boolean).map((text) => ({ text, tokens: tokens(text) }));
    EXPANDED.set(target, names);
  }
  return names;
}

/** Below this a header is not taken to name a target. */
export const MIN_SCORE = 45;
