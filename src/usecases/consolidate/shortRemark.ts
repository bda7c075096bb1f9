/**
 * The printed table's “Ghi chú (tóm tắt)”: a formula on the unit's “Ghi chú” (the remarks whole, which
 * the officer edits), so what prints follows the officer's edits; its cached text is the same rule
 * worked here. The first remark line, its bullet and the file named first taken off (“Tệp “…”: ” as the
 * table names it, “Tệp “…”, ” as a remark does: the row names its file already), cut at
 * a word to about SHORT_CHARS characters, then how many lines more and where the file report prints them.
 * One expression for Excel 2010 and LibreOffice alike (no LET): what it repeats is spelt out.
 */
import { t, type Lang } from '../../i18n';
import type { FormulaInput } from '../../workbook/port';
import { str } from '../../sheets/formulas';

/** Characters of the first remark kept (about two lines of its column). */
const SHORT_CHARS = 50;
/** A cut goes back to a space no further than this many characters (a long file path is cut where it is). */
const WORD_FROM = SHORT_CHARS / 2;
const BULLET = '• ';
const LF = '\n';

/**
 * "Tệp “" and "”: " around a file the table names before a remark (consolidate.remark.file), and
 * "”, " where a remark names its file itself ("Tệp “{file}”, {where}: …"): as long, so one MID reads both.
 */
function filePrefix(lang: Lang): [string, string, string] {
  const [before, after] = t(lang, 'consolidate.remark.file').split('{file}') as [string, string];
  const tableAfter = after.split('{message}')[0]!;
  return [before, tableAfter, `${tableAfter[0]!},${tableAfter.slice(2)}`];
}

interface Where {
  /** The file report's STT of the unit's file. */
  fileNo: number;
  /** The file report's sheet as the workbook names it. */
  filesSheet: string;
  lang: Lang;
}

/** The cached text: what the formula computes from `remarks` (the cell's text). */
export function shortRemarkText(remarks: string, where: Where): string {
  const R = remarks;
  if (R === '') return '';
  const [before, after, ownAfter] = filePrefix(where.lang);
  const end = (R + LF).indexOf(LF) + 1;
  const bullet = R.slice(0, BULLET.length) === BULLET;
  const close = (R + after[0]!).indexOf(after[0]!) + 1;
  const named = bullet && R.substr(BULLET.length, before.length) === before && [after, ownAfter].includes(R.substr(close - 1, after.length));
  const start = named ? close + after.length : bullet ? BULLET.length + 1 : 1;
  const length = end - start;
  // MID of a negative length is an error, which the formula shows as nothing.
  if (length < 0) return '';
  const more = R.split(LF).length - 1;
  const moreText = more > 0 ? ` ${t(where.lang, 'consolidate.remark.more', { count: more, sheet: where.filesSheet, row: where.fileNo })}` : '';
  if (length <= SHORT_CHARS) return R.substr(start - 1, length) + moreText;
  // The last space of the characters WORD_FROM + 2 … SHORT_CHARS + 1, behind a sentinel standing for none.
  const tail = ' ' + R.substr(start - 1 + WORD_FROM + 1, SHORT_CHARS - WORD_FROM);
  const space = tail.lastIndexOf(' ') + 1;
  const cut = mod(space - 2, SHORT_CHARS - WORD_FROM) + WORD_FROM + 1;
  return `${R.substr(start - 1, cut)}…${moreText || ` ${t(where.lang, 'consolidate.remark.whole', { sheet: where.filesSheet, row: where.fileNo })}`}`;
}

/** Excel's MOD: the sign of the divisor. */
const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The formula on the remarks cell `ref` (same row), with its cached text. */
export function shortRemarkCell(ref: string, remarks: string, where: Where): FormulaInput {
  const [before, after, ownAfter] = filePrefix(where.lang);
  const R = ref;
  const end = `FIND(CHAR(10),${R}&CHAR(10))`;
  const bullet = `LEFT(${R},${BULLET.length})=${str(BULLET)}`;
  const close = `FIND(${str(after[0]!)},${R}&${str(after[0]!)})`;
  const named = `AND(${bullet},EXACT(MID(${R},${BULLET.length + 1},${before.length}),${str(before)}),OR(MID(${R},${close},${after.length})=${str(after)},MID(${R},${close},${after.length})=${str(ownAfter)}))`;
  // 1, after the bullet, or after the file named: booleans count 1 (named holds only with the bullet).
  const past = after.length - 1 - BULLET.length;
  const start = `(1+${BULLET.length}*(${bullet})+${named}*${past ? `(${close}+${past})` : close})`;
  const length = `(${end}-${start})`;
  const more = `(LEN(${R})-LEN(SUBSTITUTE(${R},CHAR(10),"")))`;
  const moreText = countText(` ${t(where.lang, 'consolidate.remark.more', { sheet: where.filesSheet, row: where.fileNo })}`, more);
  const wholeText = str(` ${t(where.lang, 'consolidate.remark.whole', { sheet: where.filesSheet, row: where.fileNo })}`);
  // The tail is whole in a long first line: its last space is its length less its last word's (each space widened, the last word is what the right end holds).
  const tailLength = SHORT_CHARS - WORD_FROM + 1;
  const lastWord = `TRIM(RIGHT(SUBSTITUTE(" "&MID(${R},${start}+${WORD_FROM + 1},${SHORT_CHARS - WORD_FROM})," ",REPT(" ",${tailLength})),${tailLength}))`;
  const cut = `MOD(${tailLength - 2}-LEN(${lastWord}),${SHORT_CHARS - WORD_FROM})+${WORD_FROM + 1}`;
  const short = `MID(${R},${start},${length})&IF(${more}>0,${moreText},"")`;
  const long = `MID(${R},${start},${cut})&"…"&IF(${more}>0,${moreText},${wholeText})`;
  return { formula: `=IF(${R}="","",IFERROR(IF(${length}<=${SHORT_CHARS},${short},${long}),""))`, result: shortRemarkText(remarks, where) };
}

/** A message whose {count} (or {count|one|other}) is the formula `count`, as a formula of strings joined. */
function countText(message: string, count: string): string {
  const m = /\{count(?:\|([^|{}]*)\|([^|{}]*))?\}/.exec(message);
  if (!m) return str(message);
  const noun = m[1] === undefined ? '' : `&IF(${count}=1,${str(` ${m[1]}`)},${str(` ${m[2]!}`)})`;
  return `${str(message.slice(0, m.index))}&${count}${noun}&${str(message.slice(m.index + m[0].length))}`;
}
