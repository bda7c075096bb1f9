/**
 * What Vietnamese staff lists carry under their rows: a total line, then the place-and-date
 * line and the signatures ("Người lập biểu", "HIỆU TRƯỞNG", "(Ký, ghi rõ
 * họ tên)") with the signers' names. None of it is a member: a signer's name under “Hiệu
 * trưởng” is not one more person on the list.
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

/** What a row whose first text is `text` is, under a list. */
export function footerLine(text: string): FooterLine {
  const s = lowerVi(cleanText(text));
  if (!s) return null;
  if (TOTAL.test(s)) return 'total';
  if (SIGNATURE.test(s)) return 'signature';
  return null;
}
