/**
 * The parts every administrative document shares (NĐ 30/2020/NĐ-CP, Phụ lục I): the
 * heading block (issuing body top left, national heading top right, number and place-date
 * line), the document's name and summary line, "Nơi nhận" and the signature block.
 */
import { SIZE, type DocumentBuilder, type Part } from './documentLayout';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Where the two halves go: on the document grid, columns 1–4 and 5–10 (about 2 : 3). */
export interface Halves {
  left: { from: number; to: number };
  right: { from: number; to: number };
}

const GRID_HALVES: Halves = { left: { from: 1, to: 4 }, right: { from: 5, to: 10 } };

/** Rows the heading block always takes (the summary sheet's layout counts on it). */
export const HEADING_ROWS = 5;

export interface Heading {
  /** Cơ quan chủ quản (may be empty). */
  parent: string;
  unitName: string;
  /** "Số: …/TTr-…"; empty for documents without a number. */
  number: string;
  /** "<Địa danh>, ngày … tháng … năm …" */
  placeDate: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * A committee's name in its two lines, as its headings are written ("ỦY BAN NHÂN DÂN" / "XÃ HÒA BÌNH"),
 * not cut where the cell ends; null for any other name.
 */
const committeeLines = (name: string): [string, string] | null => {
  const m = /^(ỦY BAN NHÂN DÂN) +(\S.*)$/su.exec(name);
  return m ? [m[1]!, m[2]!] : null;
};

/** A title's last two words joined by a no-break space: its last line is never a year alone ("… NĂM" / "2026"). */
export const lastWordsTogether = (text: string) => text.replace(/ +(?=\S+$)/u, '\u00a0');

export function headingBlock(b: DocumentBuilder, h: Heading, halves: Halves = GRID_HALVES): void {
  const { left: LEFT, right: RIGHT } = halves;
  const unit = upper(h.unitName.trim());
  // A committee heads its own documents in two lines: the first stands as a parent body would.
  // Under a parent body it keeps both lines in its own cell.
  const lines = committeeLines(unit);
  const committee = h.parent.trim() ? null : lines;
  const parent = committee?.[0] ?? h.parent.trim();
  const own = committee?.[1] ?? lines?.join('\n') ?? unit;
  const national: Part = { ...RIGHT, text: NATIONAL_NAME, bold: true, align: 'center', size: SIZE.national };
  const motto: Part = { ...RIGHT, text: NATIONAL_MOTTO, bold: true, underline: true, align: 'center', size: SIZE.heading };
  if (parent) {
    b.row([{ ...LEFT, text: upper(parent), bold: Boolean(committee), align: 'center', size: SIZE.national, name: true }, national]);
    b.row([{ ...LEFT, text: own, bold: true, underline: true, align: 'center', size: SIZE.national, name: true }, motto]);
  } else {
    b.row([{ ...LEFT, text: own, bold: true, underline: true, align: 'center', size: SIZE.national, name: true }, national]);
    b.row([motto]);
  }
  b.spacer(6);
  b.row([
    { ...LEFT, text: h.number, align: 'center', size: SIZE.heading },
    { ...RIGHT, text: h.placeDate, italic: true, align: 'center', size: SIZE.heading },
  ]);
  b.spacer(14);
}

/** The document's name (TỜ TRÌNH, BÁO CÁO …) and its summary line, centred and bold. */
export function titleBlock(b: DocumentBuilder, name: string, summary: string): void {
  b.row([{ text: name, bold: true, align: 'center', size: SIZE.title }]);
  if (summary) b.row([{ text: lastWordsTogether(summary), bold: true, align: 'center', size: SIZE.title, from: 2, to: 9, title: true }]);
  b.spacer(12);
}

/** "Kính gửi: …" centred under the title. */
export function addresseeLine(b: DocumentBuilder, text: string): void {
  if (!text) return;
  b.row([{ text, align: 'center', from: 2, to: 9 }]);
  b.spacer(8);
}

export interface Signer {
  /** Printed upper-case, bold: "HIỆU TRƯỞNG", "CHỦ TỊCH HỘI ĐỒNG". */
  title: string;
  name: string;
  /** e.g. "(Ký, ghi rõ họ tên, đóng dấu)". */
  note?: string;
}

/**
 * "Nơi nhận" on the left (or a second signer), the signer on the right, kept on one page with
 * at least the body's last two lines (NĐ 30/2020: the signature page carries text of the body).
 * `recipients` is the template text, one recipient a line.
 */
export function signatureBlock(b: DocumentBuilder, right: Signer, left: { recipients: string } | { signer: Signer }, halves: Halves = GRID_HALVES): void {
  const { left: LEFT, right: RIGHT } = halves;
  b.keepTogether(() => {
    b.spacer(10);
    const leftLines: Part[] =
      'recipients' in left
        ? [
            { ...LEFT, text: 'Nơi nhận:', bold: true, italic: true, size: SIZE.recipientsTitle },
            ...left.recipients
              .split('\n')
              .filter((l) => l.trim() !== '')
              .map((l): Part => ({ ...LEFT, text: l, size: SIZE.recipients })),
          ]
        : signerLines(left.signer, LEFT);
    const rightLines = signerLines(right, RIGHT);
    const n = Math.max(leftLines.length, rightLines.length);
    for (let i = 0; i < n; i++) {
      const parts = [leftLines[i], rightLines[i]].filter((p): p is Part => p !== undefined && p.text !== '');
      b.row(parts, 17);
    }
  }, 2);
}

function signerLines(s: Signer, at: { from: number; to: number }): Part[] {
  // "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH": one line each, as signed on behalf of the head.
  const lines: Part[] = s.title.split('\n').map((line): Part => ({ ...at, text: upper(line.trim()), bold: true, align: 'center', size: SIZE.body }));
  lines.push({ ...at, text: s.note ?? '', italic: true, align: 'center', size: SIZE.body });
  // Room for the signature and the seal (about 2.5 cm).
  for (let i = 0; i < 4; i++) lines.push({ ...at, text: '', size: SIZE.body });
  lines.push({ ...at, text: s.name, bold: true, align: 'center', size: SIZE.body });
  return lines;
}

/** NĐ 30: days 1–9 and months 1–2 are written with a leading zero. */
export function placeDateLine(place: string, signDate: string): string {
  const where = place.trim() || '……………';
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(signDate);
  if (!m) return `${where}, ngày …… tháng …… năm ……`;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${where}, ngày ${dd} tháng ${mm} năm ${m[3]}`;
}
