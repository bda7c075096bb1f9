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
