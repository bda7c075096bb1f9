/**
 * What Vietnamese staff lists carry besides their members: group headings among the rows
 * ("I. Ban giám hiệu", "Tổ Toán - Tin"), totals, and under the list the place-and-date line
 * and the signatures ("Người lập biểu", "HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên)") with the
 * signers' names. None of it is a member: a signer's name under “Hiệu trưởng” is not one
 * more person on the list.
 */
import { cleanText, lowerVi } from './text';

const END = '(?=$|[\\s:.,;(])';
/** A total: a row to skip wherever it stands (lists total each team too). */
const TOTAL = new RegExp(`^(?:tổng cộng|tổng số|toàn trường|toàn đơn vị|tổng(?! hợp| kết)|cộng(?! đồng))${END}`, 'u');
/** Where the signatures begin: nothing below is a member. */
const SIGNATURE = new RegExp(
  `^(?:người lập|người tổng hợp|người kiểm tra|người duyệt|thủ trưởng|phó thủ trưởng|hiệu trưởng|phó hiệu trưởng|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|trưởng phòng|trưởng ban|kế toán|xác nhận|t/m|tm\\.|kt\\.|ký tên|\\(ký|ngày\\s+\\S{1,4}\\s+tháng)${END}|^[^\\d,]{1,40}, ngày${END}`,
  'u',
);

export type FooterLine = 'total' | 'signature' | null;

/**
 * Whether `text` may be a heading, a total or a signature line: what their words begin with, or
 * text to clean first (decomposed marks, odd spaces). Names are told apart here, cheaply: a
 * members list has thousands.
 */
const MAYBE = /^\s*(?:(?:[IVXLC]+|[A-Za-z]|\d+)\s*[.)\-–:]|\(|(?:tổ|khối|ban|phòng|bộ|nhóm|đơn|khoa|tổng|cộng|toàn|người|thủ|hiệu|phó|giám|chủ|trưởng|kế|xác|t\/m|tm|kt|ký|ngày)(?:$|[\s:.,;(])|[^\d,]{1,40}, ngày)/iu;
const UNCLEAN = /[\u0300-\u036f\u00a0\u2007\u202f]/;
const mayBeListLine = (text: string) => MAYBE.test(text) || UNCLEAN.test(text);

/** What a row whose first text is `text` is, under a list. */
export function footerLine(text: string): FooterLine {
  if (!mayBeListLine(text)) return null;
  const s = lowerVi(cleanText(text));
  if (!s) return null;
  if (TOTAL.test(s)) return 'total';
  if (SIGNATURE.test(s)) return 'signature';
  return null;
}

/** A total's words anywhere in a label (“Cộng khối 6”, “Khối 6 cộng”, “Toàn khối 6”): a grade's subtotal may be one. */
const TOTAL_WORDS = new RegExp(`(?:^|[\\s\\-–:(])(?:tổng cộng|tổng số|toàn khối|toàn cấp|toàn trường|tổng|cộng)(?! đồng| hợp| kết)${END}`, 'u');

/** Whether `text` says it totals rows, wherever its words stand. Alone it proves nothing: a class may be named so. */
export function hasTotalWords(text: string): boolean {
  return TOTAL_WORDS.test(lowerVi(cleanText(text)));
}

/** A grade's heading (“Khối 6”, “II. Khối nhà trẻ”), not its total (“Khối 6 cộng”). */
const GRADE_HEADING = /^(?:(?:[ivxlc]+|[a-z]|\d+)\s*[.)\-–:]\s*)?khối\s/u;

/** Whether `text` heads a grade: its figures, if any, may be its classes' sum (subtotalLines). */
export function isGradeHeading(text: string): boolean {
  const s = lowerVi(cleanText(text));
  return GRADE_HEADING.test(s) && !TOTAL_WORDS.test(s);
}

/** A row of figures in a list: whether its label has a total's words, and its figures (null: blank, NaN: unreadable). */
export interface FigureLine {
  total: boolean;
  /** The label heads a grade (isGradeHeading): its figures may total the rows under it. */
  heading?: boolean;
  /** The line names a grade beside a class's figures (“Khối 8 | 8A | 30 | 30”): a new grade starts, as at a heading. */
  grade?: boolean;
  figures: readonly (number | null)[];
}

const blankAsZero = (f: number | null | undefined) => f ?? 0;

/** Whether every figure of `line` is the sum of `lines`' (a blank is 0, as in the sheet's SUM). */
function sumOf(line: FigureLine, lines: readonly FigureLine[]): boolean {
  return lines.length > 0 && line.figures.every((f, k) => blankAsZero(f) === lines.reduce((n, l) => n + blankAsZero(l.figures[k]), 0));
}

/**
 * The lines that are a group's subtotal, left out of the counts:
 * - a line with a total's words (“Cộng khối 6” under 6A, 6B) whose every figure is the sum of the
 *   rows counted since the list's start or since an earlier line with a total's words;
 * - a grade's heading with figures (“Khối 6 | 78 | 76” above 6A, 6B) whose every figure is the
 *   sum of the rows under it, up to the next line naming a grade or with a total's words.
 * A blank figure is 0, as in the sum. Words alone may name a class, figures alone a grade of one
 * class.
 */
export function subtotalLines(lines: readonly FigureLine[]): Set<number> {
  const out = new Set<number>();
  for (const [i, summed] of headedGrades(lines)) if (summed) out.add(i);
  const starts = [0];
  // Loops, not callbacks made per call: a reading worker keeps the compiled code of functions of the module only.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.total) continue;
    for (const start of starts) {
      const above: FigureLine[] = [];
      for (let j = start; j < i; j++) if (!out.has(j)) above.push(lines[j]!);
      if (sumOf(line, above)) {
        out.add(i);
        break;
      }
    }
    // The next group starts under it either way: a stale subtotal (counted) must not hide the next one.
    starts.push(i + 1);
  }
  return out;
}

/**
 * The grades' headings with rows under them (up to the next line naming a grade or with a total's
 * words), by line: whether the heading's figures are those rows' sum. A heading with nothing
 * under it is a grade of a list of grades, not here.
 */
export function headedGrades(lines: readonly FigureLine[]): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.heading) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.heading && !lines[end]!.grade && !lines[end]!.total) end++;
    if (end > i + 1) out.set(i, sumOf(line, lines.slice(i + 1, end)));
  }
  return out;
}

const NUMBERED_HEADING = /^([IVXLC]+|[A-Za-z]|\d+)\s*[.)\-–:]\s*\S/;
const GROUP_WORDS = /^(tổ|khối|ban|phòng|bộ phận|nhóm|đơn vị|khoa)\s/;

/** A group's heading: numbered ("I. Ban giám hiệu", "B - Tổ Văn phòng") or naming a group ("Tổ Toán - Tin"). */
export function isGroupHeading(text: string): boolean {
  if (!mayBeListLine(text)) return false;
  const s = cleanText(text);
  return NUMBERED_HEADING.test(s) || GROUP_WORDS.test(lowerVi(s));
}

/** Numbering alone beside a heading ("II", "B."), not a label. */
export function isOrdinalOnly(text: string): boolean {
  return /^([IVXLC]+|[A-Za-z])[.)]?$/.test(text);
}
