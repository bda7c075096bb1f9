/**
 * A source cell as the members sheet should hold it (domain reference §3): yes/no as
 * "Có"/"Không" ("Đạt"/"Chưa đạt" for the CDHT title), numbers as numbers, titles in their
 * full name, text cleaned. Whatever cannot be read with certainty comes back as a problem
 * and no value: the caller imports it as empty and lists it.
 */
import { EMULATION_TITLES, isQualityRating, LDTT_OR_HIGHER, type MemberField } from '../../domain/memberFields';
import { cleanText, lowerVi, wordKey } from '../../domain/text';
import { isCellError, isUncalculated, readNumber, readText, readYesNo, type CellValue, type Spellings } from '../../domain/values';
import type { CellInput } from '../../workbook/port';
import { serialToDate } from '../../workbook/plan';
import { formatDate } from '../../i18n/format';
import { expand } from './targets';

export type Unreadable = 'cellError' | 'formulaNotCalculated' | 'ambiguousYesNo' | 'invalidNumber' | 'outOfRange' | 'unknownTitle' | 'ratingNotTitle';

export type Normalised = { ok: true; value: CellInput } | { ok: false; reason: Unreadable; found: string };

export const YES_NO = { yes: 'Có', no: 'Không' } as const;
export const PASS_FAIL = { yes: 'Đạt', no: 'Chưa đạt' } as const;

/** The words a yes/no field receives; the CDHT title reads Đạt / Chưa đạt. */
export function yesNoWords(field: MemberField): { yes: string; no: string } {
  return field.key === 'cdhtTitle' ? PASS_FAIL : YES_NO;
}

/** Emulation titles by rank, highest first, with the spellings and abbreviations seen. */
const TITLE_RANK: { title: string; spellings: string[] }[] = [
  { title: 'Chiến sĩ thi đua toàn quốc', spellings: ['CSTĐ toàn quốc', 'CSTĐTQ'] },
  { title: 'Chiến sĩ thi đua cấp tỉnh', spellings: ['CSTĐ cấp tỉnh', 'CSTĐ tỉnh', 'CSTĐCT'] },
  // A school awards only the grassroots level itself, so a bare "CSTĐ" is that one.
  { title: 'Chiến sĩ thi đua cơ sở', spellings: ['CSTĐCS', 'CSTĐ cơ sở', 'CSTĐ', 'Chiến sĩ thi đua'] },
  { title: 'Lao động tiên tiến', spellings: ['LĐTT'] },
  { title: 'Hoàn thành nhiệm vụ', spellings: ['HTNV'] },
  { title: 'Không hoàn thành nhiệm vụ', spellings: ['KHTNV', 'Không HTNV'] },
];

const TITLE_BY_KEY = new Map<string, string>();
for (const { title, spellings } of TITLE_RANK) for (const s of [title, ...spellings]) TITLE_BY_KEY.set(expand(s), title);
for (const title of [...EMULATION_TITLES, ...LDTT_OR_HIGHER]) if (!TITLE_BY_KEY.has(expand(title))) TITLE_BY_KEY.set(expand(title), title);

/** The full title a spelling stands for ("LĐTT" → "Lao động tiên tiến"), or null. */
export function titleOf(text: string): string | null {
  return TITLE_BY_KEY.get(expand(text)) ?? null;
}

/** Higher title first; unknown titles last. */
export function titleRank(title: string): number {
  const i = TITLE_RANK.findIndex((t) => t.title === title);
  return i < 0 ? TITLE_RANK.length : i;
}

const shown = (v: CellValue) => (isCellError(v) ? v.error : cleanText(readText(v)));

/** Text cells may be NFD, carry non-breaking spaces: clean before the shared readers. */
function cleaned(v: CellValue): CellValue {
  return typeof v === 'string' ? cleanText(v) : v;
}

/**
 * @param impliedTitle for a title column headed by the title itself ("LĐTT" with x marks):
 *   yes means that title, no means none.
 */
export function normaliseCell(field: MemberField, raw: CellValue, spellings: Spellings, impliedTitle: string | null = null): Normalised {
  const v = cleaned(raw);
  // Before errors: a formula the source file holds no result for is unknown, not an error.
  if (isUncalculated(v)) return { ok: false, reason: 'formulaNotCalculated', found: '' };
  if (isCellError(v)) return { ok: false, reason: 'cellError', found: v.error };
  if (v === null || readText(v) === '') return { ok: true, value: null };
  switch (field.kind) {
    case 'ordinal':
    case 'name':
    case 'text':
      return { ok: true, value: cleanText(readText(v)) };
    case 'number': {
      const n = readNumber(v);
      const value = n.kind === 'number' ? n.value : decimalCommaScore(v);
      if (value === null) return { ok: false, reason: 'invalidNumber', found: shown(raw) };
      // CDHT self-assessment is scored out of 100.
      if (value < 0 || value > 100) return { ok: false, reason: 'outOfRange', found: shown(raw) };
      return { ok: true, value };
    }
    case 'yesno': {
      const words = yesNoWords(field);
      const yn = readYesNo(v, spellings);
      if (yn === 'yes') return { ok: true, value: words.yes };
      if (yn === 'no') return { ok: true, value: words.no };
      // "Công dân học tập" / "CDHT" written in the title column means the title is held.
      if (field.key === 'cdhtTitle' && expand(readText(v)) === 'cong dan hoc tap') return { ok: true, value: words.yes };
      // The certificate column names the certificate held ("B1", "TOEIC 550"): held.
      if (field.key === 'language' && namesCertificate(readText(v))) return { ok: true, value: words.yes };
      return { ok: false, reason: 'ambiguousYesNo', found: shown(raw) };
    }
    case 'title': {
      if (impliedTitle) {
        const yn = readYesNo(v, spellings);
        if (yn === 'yes') return { ok: true, value: impliedTitle };
        if (yn === 'no') return { ok: true, value: null };
        const named = titleOf(readText(v));
        if (named === impliedTitle) return { ok: true, value: named };
        return { ok: false, reason: 'ambiguousYesNo', found: shown(raw) };
      }
      const named = titleOf(readText(v));
      if (named) return { ok: true, value: named };
      // "Không" / "-" in a title column: no title this year.
      if (readYesNo(v, spellings) === 'no') return { ok: true, value: null };
      return { ok: false, reason: isQualityRating(readText(v)) ? 'ratingNotTitle' : 'unknownTitle', found: shown(raw) };
    }
  }
}

/**
 * "85,5" typed as text on a machine whose Excel reads a dot: a decimal comma. With one or two
 * digits after it, the comma cannot group thousands; "1,000" stays unread (it could be 1000).
 */
function decimalCommaScore(v: CellValue): number | null {
  const m = typeof v === 'string' ? /^(\d{1,3}),(\d{1,2})$/.exec(v.trim()) : null;
  return m ? Number(`${m[1]}.${m[2]}`) : null;
}

/** Words a certificate's name may start with: the kind of paper, the language, "trình độ". */
const CERTIFICATE_WORDS = '(?:chứng chỉ|chứng nhận|cc|ngoại ngữ|nn|trình độ|anh văn|anh ngữ|pháp văn|tiếng (?:anh|pháp|nga|trung|nhật|hàn|đức))';
/** A level: A, B, C (the old national certificates), A1–C2, "bậc 3", "bậc 3/6", "3/6". */
const CERTIFICATE_LEVEL = '(?:[abc][12]?|bậc [1-6](?:/6)?|[1-6]/6)';
/** An exam, with its score or level after it ("TOEIC 550", "HSK 3", "JLPT N3"). */
const CERTIFICATE_EXAM = '(?:toeic|ielts|toefl|vstep|aptis|cambridge|pet|ket|fce|cae|delf|dalf|hsk|jlpt|topik|tocfl)(?:\\s+\\S+)+';
const CERTIFICATE = new RegExp(`^(?:${CERTIFICATE_WORDS}\\s+)*(?:${CERTIFICATE_LEVEL}|${CERTIFICATE_EXAM})$`, 'u');

/** Whether a text names a foreign-language certificate: its level or exam, not only its language ("Tiếng Anh"). */
export function namesCertificate(text: string): boolean {
  return CERTIFICATE.test(lowerVi(cleanText(text)));
}

/** Excel's last day (31/12/9999): a larger number is no date. */
const MAX_SERIAL = 2_958_465;

/**
 * A number in a birth column that is a date: hosts hand cells without their format, and a year
 * typed as a number (1975) would read as a day of 1905, when nobody on a staff list was born.
 */
export function isBirthSerial(n: number): boolean {
  return Number.isFinite(n) && n > 0 && n <= MAX_SERIAL && !(Number.isInteger(n) && n >= 1900 && n <= 2100);
}

/** A date of birth as the sheet shows it: a date as dd/mm/yyyy, anything else as its text. */
export function birthText(v: CellValue | CellInput, date1904: boolean): string {
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'number' && isBirthSerial(v)) return formatDate(serialToDate(v, date1904));
  return readText(v as CellValue);
}

/**
 * A date of birth as the list has it: a date stays a date (read in the source's date system,
 * written in the members sheet's), a year or any other number stays a number, a text stays text.
 * Only an error or a formula without a result is unreadable; nothing else is guessed.
 */
export function normaliseBirth(raw: CellValue, date1904: boolean): Normalised {
  const v = cleaned(raw);
  if (isUncalculated(v)) return { ok: false, reason: 'formulaNotCalculated', found: '' };
  if (isCellError(v)) return { ok: false, reason: 'cellError', found: v.error };
  if (typeof v === 'number' && isBirthSerial(v)) return { ok: true, value: serialToDate(v, date1904) };
  return { ok: true, value: v === '' ? null : v };
}

/** A header naming a title itself ("LĐTT", "CSTĐCS"): its column holds marks, not titles. */
export function titleNamedBy(parts: string[]): string | null {
  const last = parts[parts.length - 1];
  return last ? titleOf(last) : null;
}

/**
 * Key comparing two names: same person whatever the Unicode form, case, spacing or tone-mark
 * placement ("Hoà" / "Hòa"). Diacritics stay: Hoa, Hòa and Hóa are different people.
 */
export const nameKey = wordKey;
