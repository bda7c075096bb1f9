/**
 * Print geometry of the documents (NĐ 30/2020/NĐ-CP: A4, margins 2/2/3/2 cm, Times New
 * Roman 13–14 pt) and a small builder that lays text out row by row on a fixed grid of
 * columns. Excel and LibreOffice do not grow merged wrapped cells to fit their text, so
 * each row's height is computed here from the text length and the width it spans.
 */
import type { CellBlock, CellInput, CellStyle, PageSetup, SheetPlan, StyleRun } from '../workbook/port';
import { cellAddress, columnLetter, rangeAddress } from '../workbook/a1';
import { FONT } from './styles';

/** Columns of the printed grid; the text spans columns 1…GRID_COLUMNS. */
export const GRID_COLUMNS = 10;
/**
 * Width of each grid column (Excel character units). Excel draws a column 7·w + 5 px wide
 * (Calibri 11 default font): 10 × 7.9 = 600 px ≈ 15.9 cm, inside A4's 16 cm at 100%.
 */
export const GRID_WIDTH = 7.9;
/** Hidden columns after the grid: which cells are the unit's own text (see narrative.ts). */
export const MARKER_COL = GRID_COLUMNS + 1;
export const WRITTEN_COL = GRID_COLUMNS + 2;

export const SIZE = { body: 13, title: 14, heading: 13, national: 12, table: 13, recipients: 11, recipientsTitle: 12 } as const;

export const MARGINS_CM = { top: 2, bottom: 2, left: 3, right: 2 };
const A4_CM = { portrait: { width: 21, height: 29.7 }, landscape: { width: 29.7, height: 21 } };
export type Orientation = keyof typeof A4_CM;
const PT_PER_CM = 72 / 2.54;
/** Room left unused at each page's foot: printer drivers and hosts round row heights a little differently. */
const PAGE_SAFETY_PT = 10;

/**
 * A4 height minus the margins and the safety room, in points, as Excel fills a page with the
 * row heights we set (LibreOffice draws rows ~2.5% shorter, so a page there holds at least as much).
 */
export function pageHeightPt(orientation: Orientation): number {
  return ((A4_CM[orientation].height - MARGINS_CM.top - MARGINS_CM.bottom) / 2.54) * 72 - PAGE_SAFETY_PT;
}

/** A4 width minus the margins, in points. */
export function pageWidthPt(orientation: Orientation): number {
  return (A4_CM[orientation].width - MARGINS_CM.left - MARGINS_CM.right) * PT_PER_CM;
}

const PAGE_HEIGHT_PT = pageHeightPt('portrait');

/**
 * The grid fits the page at 100%, so no fit-to scaling: Excel and LibreOffice both ignore
 * manual page breaks in fit-to mode, and the breaks keep signature blocks whole.
 */
export function portraitPage(lastRow: number, extra: Partial<PageSetup> = {}): PageSetup {
  return {
    paperSize: 'A4',
    orientation: 'portrait',
    margins: { ...MARGINS_CM },
    fitToWidth: false,
    printArea: `A1:${columnLetter(GRID_COLUMNS)}${lastRow}`,
    ...extra,
  };
}

// ---------------------------------------------------------------- text measurement

/*
 * Advance widths (1/1000 em) of Times New Roman, as its metric twin Liberation Serif has them
 * (LibreOffice prints with it): the wider of upright and italic, and of bold and bold italic.
 * Vietnamese letters are as wide as their letter without the tone mark (ấ as â, ừ as ư).
 */
const MEASURED = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~đĐưƯơƠăĂâÂêÊôÔ“”‘’…–—≥≤×•';
const widthTable = (list: string): Map<string, number> => {
  const w = list.split(',').map(Number);
  return new Map([...MEASURED].map((ch, i) => [ch, w[i]!]));
};
const REGULAR = widthTable(
  '250,334,420,500,500,834,778,214,334,334,500,675,250,334,250,278,500,500,500,500,500,500,500,500,500,500,334,334,675,675,675,500,921,723,667,667,723,611,611,723,723,334,444,723,611,890,723,723,611,723,667,557,611,723,723,944,723,723,611,390,278,390,470,500,334,500,500,444,500,444,334,500,500,278,278,500,278,778,500,500,500,500,390,390,278,500,500,723,500,500,444,480,275,480,542,500,723,546,776,534,723,500,723,500,723,444,611,500,723,557,557,334,334,1000,500,1000,549,549,675,351',
);
const BOLD = widthTable(
  '250,390,556,500,500,1000,834,278,334,334,500,570,250,334,250,278,500,500,500,500,500,500,500,500,500,500,334,334,570,570,570,500,931,723,667,723,723,667,667,778,778,390,500,778,667,944,723,778,611,778,723,557,667,723,723,1000,723,723,667,334,278,334,582,500,334,500,557,444,557,444,334,500,557,278,334,557,278,834,557,500,557,557,444,390,334,557,500,723,500,500,444,395,221,395,570,557,723,601,796,554,778,500,723,500,723,444,667,500,778,500,500,334,334,1000,500,1000,549,549,570,351',
);
/** A character not in the table (a symbol, another script) counts as a full em: never too short. */
const UNKNOWN = 1000;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** LibreOffice's width of an Excel column width unit, in points (Carlito, as Excel's Calibri 11). */
export const LIBREOFFICE_PT_PER_UNIT = 5.547;

/**
 * Printed width (pt) of a column span: LibreOffice draws an Excel width unit 5.55 pt wide
 * (Carlito, as Excel's Calibri) and keeps ~1 pt of padding each side. 3% is taken off: Excel,
 * WPS and printer drivers round glyphs and columns a little differently, and a line counted too
 * many prints as a little space where one too few would cut the text off.
 */
export function textWidthPt(units: number): number {
  return (units * LIBREOFFICE_PT_PER_UNIT - 2) * 0.97;
}

/**
 * Printed width (pt) of a column `units` wide: the wider of Excel's (7·w + 5 px with Calibri 11,
 * as the Office host sets it) and LibreOffice's, so columns fitted to a page fit in both.
 */
export function columnWidthPt(units: number): number {
  return Math.max((units * 7 + 5) * 0.75, units * LIBREOFFICE_PT_PER_UNIT);
}

/** Where a line may also break inside a word: after a hyphen between letters ("TT-|BGDĐT", Unicode UAX #14). */
const AFTER_HYPHEN = /(?<=\p{L}-)(?=\p{L})/u;

/**
 * Lines `text` wraps to at `size` pt in a span `units` wide, as LibreOffice breaks lines (at
 * spaces and after hyphens; a word longer than the line is cut), each "\n" a new line.
 */
export function lineCount(text: string, units: number, size: number, bold = false): number {
  const perLine = (textWidthPt(units) * 1000) / size;
  // A column narrower than a tenth of an em shows no text: a character a line, rather than no end of lines.
  if (perLine < UNKNOWN / 10) return Math.max(1, [...text].length);
  return fitsLine(text, perLine, bold) ? 1 : measuredLines(text, perLine, bold);
}

/** Words a line must not end with: they belong with the next ("cấp | huyện", "mức độ | 2"). */
const BOUND_TO_NEXT = /^(cấp|mức|độ)$/iu;

/**
 * A title that wraps to two lines, with its break moved before a word that belongs to the next
 * ("… “Đơn vị học tập”" / "cấp huyện năm 2025", not "… cấp" / "huyện …"): a line break there
 * when the second line then fits on one. Left as it is otherwise (one line, three or more, or a
 * break of its own).
 */
export function keepPhrasesTogether(text: string, units: number, size: number, bold = false): string {
  if (text.includes('\n') || lineCount(text, units, size, bold) !== 2) return text;
  const words = text.split(' ');
  const fits = (from: number, to: number) => lineCount(words.slice(from, to).join(' '), units, size, bold) === 1;
  // Where the line breaks: after the most words that fit on the first line.
  let first = words.length - 1;
  while (first > 1 && !fits(0, first)) first--;
  // LibreOffice and Excel fit a little more on a line than this measure: a bound word just after
  // the break may end their first line, so it counts as at the break too.
  let cut = first < words.length && BOUND_TO_NEXT.test(words[first]!) ? first + 1 : first;
  while (cut > 1 && BOUND_TO_NEXT.test(words[cut - 1]!)) cut--;
  if (cut === first && !BOUND_TO_NEXT.test(words[first] ?? '')) return text;
  if (!fits(cut, words.length)) return text;
  return `${words.slice(0, cut).join(' ')}\n${words.slice(cut).join(' ')}`;
}

/** The kind of a school that heads its name ("TRƯỜNG MẦM NON", "TRƯỜNG THCS"): the proper name follows it. */
const SCHOOL_KIND =
  /^TRƯỜNG (?:MẦM NON|MẪU GIÁO|TIỂU HỌC(?: VÀ (?:TRUNG HỌC CƠ SỞ|THCS))?|TH (?:VÀ|&|-) THCS|TRUNG HỌC CƠ SỞ(?: VÀ (?:TRUNG HỌC PHỔ THÔNG|THPT))?|THCS(?: (?:VÀ|-) THPT)?|TRUNG HỌC PHỔ THÔNG|THPT|PHỔ THÔNG DÂN TỘC (?:NỘI|BÁN) TRÚ(?: (?:TIỂU HỌC|TRUNG HỌC CƠ SỞ|THCS|THPT))?|PTDT(?:NT|BT)(?: (?:TH|THCS|THPT))?)(?= )/iu;
/** Where a place's name starts inside an organisation's ("SỞ TƯ PHÁP" / "TỈNH ĐỒNG THÁP"). */
const PLACE_LEVEL = / (?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN) )/giu;

/**
 * An organisation's name that wraps to two lines in a heading, broken after the kind of school or
 * before its place ("TRƯỜNG MẦM NON" / "HÙNG TIẾN"), not inside a proper name as the cell's own wrap
 * would ("TRƯỜNG MẦM NON HÙNG" / "TIẾN"); left as it is when no such break leaves both lines whole.
 */
export function keepNameTogether(text: string, units: number, size: number, bold = false): string {
  if (text.includes('\n') || lineCount(text, units, size, bold) !== 2) return text;
  const cuts: number[] = [];
  const kind = SCHOOL_KIND.exec(text);
  if (kind) cuts.push(kind[0].length);
  cuts.push(...[...text.matchAll(PLACE_LEVEL)].map((m) => m.index).reverse());
  for (const cut of cuts) {
    const first = text.slice(0, cut);
    const second = text.slice(cut + 1);
    if (lineCount(first, units, size, bold) === 1 && lineCount(second, units, size, bold) === 1) return `${first}\n${second}`;
  }
  return text;
}

/** Whether `text` prints on one line `units` wide at `size` pt (lineCount would say 1); false when unsure. */
export function oneLine(text: string, units: number, size: number, bold = false): boolean {
  const perLine = (textWidthPt(units) * 1000) / size;
  return perLine >= UNKNOWN / 10 && fitsLine(text, perLine, bold);
}

/** Each character's width (1/1000 em) measured alone, plus 1, by char code (0: not yet measured). */
let aloneRegular: Uint16Array | null = null;
let aloneBold: Uint16Array | null = null;

/**
 * A text without a line break whose characters, each measured alone, add up to at most a line
 * (1/1000 em): measuredLines makes it one line, as it counts less (tone marks take no room,
 * runs of spaces are one gap, a mark composed with its letter is that letter's width, and no
 * character is wider than an em). Thousands of member names are told apart without measuring.
 */
function fitsLine(text: string, perLine: number, bold: boolean): boolean {
  // No character is wider than an em: a short line needs no sum.
  if (text.length * UNKNOWN <= perLine) return !text.includes('\n');
  const alone = bold ? (aloneBold ??= new Uint16Array(65536)) : (aloneRegular ??= new Uint16Array(65536));
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return false;
    let w = alone[code]!;
    if (w === 0) w = alone[code] = emOf(String.fromCharCode(code), bold) + 1;
    used += w - 1;
    if (used > perLine) return false;
  }
  return true;
}

/** Width (1/1000 em) of `s` as measuredLines would measure it in one piece (tone marks dropped). */
function emOf(s: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let n = 0;
  for (const ch of s.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC')) n += table.get(ch) ?? UNKNOWN;
  return n;
}

/** lineCount measured word by word (no shortcut), for a line of `perLine` (1/1000 em). */
export function measuredLines(text: string, perLine: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const em = (s: string) => {
    let n = 0;
    for (const ch of s) n += table.get(ch) ?? UNKNOWN;
    return n;
  };
  const space = em(' ');
  let lines = 0;
  for (const para of text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').split('\n')) {
    // Leading spaces (the first-line indent, non-breaking) take room; the others only separate words.
    const indent = space * /^[ \u00a0]*/.exec(para)![0].length;
    let used = -1;
    let n = 1;
    for (const word of para.trim().split(/ +/)) {
      word.split(AFTER_HYPHEN).forEach((piece, i) => {
        const w = em(piece);
        const gap = i === 0 ? space : 0;
        if (used < 0) used = indent + w;
        else if (used + gap + w <= perLine) used += gap + w;
        else {
          n++;
          used = w;
        }
        while (used > perLine) {
          n++;
          used -= perLine;
        }
      });
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Row height (pt) that prints `text` whole in a cell `units` wide. */
export function fitHeight(text: string, units: number, size: number, bold = false): number {
  return heightFor(lineCount(text, units, size, bold), size);
}

/**
 * Row height (pt) that shows each text whole in its column (width in Excel units), one unit
 * kept back as the summary's columns: neither Excel nor LibreOffice grows a row of a file it opens.
 */
export function rowFitHeight(texts: readonly (readonly [units: number, text: string, bold?: boolean])[], size: number): number {
  return heightFor(Math.max(1, ...texts.map(([units, text, bold]) => lineCount(text, units - 1, size, bold))), size);
}

/** Row height (pt) for `lines` lines at `size` pt. */
export function heightFor(lines: number, size: number): number {
  return Math.min(409, Math.ceil(lines * size * 1.2 + 4));
}

// ---------------------------------------------------------------- the builder

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First grid column and last (inclusive), default the full width. */
  from?: number;
  to?: number;
  /** First-line indent of body paragraphs. */
  indent?: boolean;
  /** A title's line: a break is moved before a word that belongs to the next (keepPhrasesTogether). */
  title?: boolean;
  /** An organisation's name heading a document: broken after its kind or before its place (keepNameTogether). */
  name?: boolean;
  border?: boolean;
  fill?: string;
  vertical?: 'top' | 'middle' | 'bottom';
}

export interface Part extends TextStyle {
  text: string;
}

export interface UserCell {
  /** Stable key, e.g. "bao_cao.muc_1.goi_y" or "dang_ky.muc_tieu#2.1". */
  key: string;
  /** The prompt (or default) the add-in writes when the unit has not written anything. */
  written: string;
  /** The unit's text kept from the previous generation, if any. */
  kept: string | undefined;
}

/**
 * A paragraph's first-line indent: non-breaking spaces, which justified text does not stretch
 * (LibreOffice stretched plain ones with the line's other spaces: indents printed unequal).
 */
const INDENT = '\u00a0'.repeat(6);

function spansOf(widths: number[]): [number, number][] {
  const spans: [number, number][] = [];
  let c = 1;
  for (const w of widths) {
    spans.push([c, c + w - 1]);
    c += w;
  }
  return spans;
}

export class DocumentBuilder {
  private rowNo = 0;
  private readonly blocks: CellBlock[] = [];
  private readonly styles: StyleRun[] = [];
  private readonly merges: string[] = [];
  private readonly heights: { index: number; height: number }[] = [];
  /** Each row drawn here: its height and printed text lines (0: a spacer; null: a table row, never moved). */
  private readonly drawnRows = new Map<number, { height: number; lines: number | null }>();
  private readonly breaks: number[] = [];
  /** Breaks keepTogether put before a block (an outer block may move them). */
  private readonly keptBreaks = new Set<number>();
  private usedOnPage = 0;
  private pageNo = 1;
  /** The open table's header, drawn again at the top of each page the table runs onto. */
  private tableHeader: Part[] | null = null;

  /** `widths`: the sheet's column widths when it is not the document grid (the summary sheet). */
  constructor(
    readonly sheet: string,
    private readonly widths: readonly number[] = Array.from({ length: GRID_COLUMNS }, () => GRID_WIDTH),
  ) {}

  get lastRow(): number {
    return this.rowNo;
  }

  /** An empty row of the given height. */
  spacer(height = 8): number {
    return this.addRow([], height);
  }

  /** One row made of parts side by side (heading block, signature block); in a table, `withNext` points of the next row kept on its page. */
  row(given: Part[], minHeight = 0, withNext = 0): number {
    const parts = given.map((p) =>
      p.title ? { ...p, text: keepPhrasesTogether(p.text, this.unitsOf(p), p.size ?? SIZE.body, p.bold) } : p.name ? { ...p, text: keepNameTogether(p.text, this.unitsOf(p), p.size ?? SIZE.body, p.bold) } : p,
    );
    const h = this.heightOf(parts, minHeight);
    if (this.tableHeader && this.usedOnPage + h + withNext > PAGE_HEIGHT_PT) {
      // The table runs onto a new page: break here and draw its header again. (Print titles
      // would repeat it on every later page, above the signatures too.)
      this.breaks.push(this.rowNo + 1);
      this.usedOnPage = 0;
      this.pageNo++;
      this.addRow(this.tableHeader, this.heightOf(this.tableHeader, 0));
    }
    return this.addRow(parts, h);
  }

  /** Paragraphs, one row each (so page breaks fall between them). */
  paragraphs(text: string, style: TextStyle = {}): number[] {
    return text
      .split('\n')
      .filter((p, _i, all) => p.trim() !== '' || all.length === 1)
      .map((p) => this.row([{ align: 'justify', ...style, text: style.indent ? INDENT + p.trim() : p }]));
  }

  /**
   * A cell the unit writes in: its earlier text is kept; otherwise the prompt, in italics.
   * The hidden columns record the key and what the add-in wrote, to tell them apart later.
   */
  userText(cell: UserCell, style: TextStyle = {}, extra: Part[] = []): number {
    const own = cell.kept !== undefined;
    const text = own ? cell.kept! : cell.written;
    const from = style.from ?? 1;
    const part: Part = { align: 'justify', ...style, italic: own ? style.italic : true, text };
    const r = this.row([...extra, part]);
    this.mark(r, from, cell);
    return r;
  }

  /** A bordered table; `widths` are grid spans summing to GRID_COLUMNS. Returns the header row. */
  table(headers: string[], widths: number[], rows: (string | UserCell)[][], align: TextStyle['align'][] = []): { header: number; last: number } {
    const spans = spansOf(widths);
    const parts: Part[] = headers.map((text, i) => ({ text, from: spans[i]![0], to: spans[i]![1], bold: true, align: 'center', vertical: 'middle', border: true, size: SIZE.table }));
    // Header and first rows stay together: no header alone at the foot of a page, nor the short
    // text just above it (the table's heading, "2. Đơn vị chưa đủ điều kiện …").
    const h = this.heightOf(parts, 0);
    if (this.usedOnPage + h + 3 * SIZE.table * 2.5 > PAGE_HEIGHT_PT) {
      const lead = this.leadRows(1);
      const carried = lead && lead.lines <= 3 && lead.height < this.usedOnPage ? lead : undefined;
      this.breaks.push(carried?.row ?? this.rowNo + 1);
      this.usedOnPage = carried?.height ?? 0;
      this.pageNo++;
    }
    const header = this.addRow(parts, h);
    this.tableHeader = parts;
    this.tableRows(widths, rows, align);
    return { header, last: this.rowNo };
  }

  /** Ends the open table (rows after it no longer repeat its header). */
  endTable(): void {
    this.tableHeader = null;
  }

  /**
   * A table row heading a group of body rows (a criterion over its indicators): kept on one page
   * with the group's first row `first`, never alone at the foot of a page.
   */
  groupRow(parts: Part[], widths: number[], first?: (string | UserCell)[], align: TextStyle['align'][] = []): number {
    return this.row(parts, 0, first ? this.heightOf(this.bodyParts(widths, first, align).parts, 0) : 0);
  }

  /** Body rows of a table (cells are text, or cells the unit writes in). */
  tableRows(widths: number[], rows: (string | UserCell)[][], align: TextStyle['align'][] = []): void {
    for (const cells of rows) {
      const { parts, users } = this.bodyParts(widths, cells, align);
      const r = this.row(parts);
      for (const u of users) this.mark(r, u.from, u.cell);
    }
  }

  /** A body row's parts, and the cells the unit writes in. */
  private bodyParts(widths: number[], cells: (string | UserCell)[], align: TextStyle['align'][]): { parts: Part[]; users: { cell: UserCell; from: number }[] } {
    const spans = spansOf(widths);
    const parts: Part[] = [];
    const users: { cell: UserCell; from: number }[] = [];
    cells.forEach((v, i) => {
      const [from, to] = spans[i]!;
      const base: Part = { text: '', from, to, border: true, size: SIZE.table, align: align[i] ?? 'left', vertical: 'top' };
      if (typeof v === 'string') parts.push({ ...base, text: v });
      else {
        users.push({ cell: v, from });
        parts.push({ ...base, text: v.kept ?? v.written });
      }
    });
    return { parts, users };
  }

  /**
   * Keeps the rows `draw` adds on one page: a page break goes before them if needed, and before
   * the text rows above them holding `withLines` printed lines (the body's last lines go over with
   * the signatures), when those are on this page and all fit the next. Nested, the outer block
   * wins: a break an inner block put before itself (a signature block) moves before the whole
   * block when the whole fits a page, so the signatures never stand alone on a page.
   */
  keepTogether(draw: () => void, withLines = 0): void {
    const lead = this.leadRows(withLines);
    let start = this.rowNo + 1;
    const usedBefore = this.usedOnPage;
    const heightsBefore = this.heights.length;
    const breaksBefore = this.breaks.length;
    draw();
    const added = this.heights.slice(heightsBefore).reduce((a, h) => a + h.height, 0);
    const inner = this.breaks.slice(breaksBefore);
    if (inner.some((r) => !this.keptBreaks.has(r))) return; // a table or a manual break inside: leave them
    if (inner.some((r) => r < start)) return; // an inner block took lines from above: all on the next page already
    if (usedBefore + added > PAGE_HEIGHT_PT && added < PAGE_HEIGHT_PT) {
      let onNewPage = added;
      if (lead && lead.height + added <= PAGE_HEIGHT_PT) {
        start = lead.row;
        onNewPage += lead.height;
      }
      this.breaks.splice(breaksBefore, inner.length, start);
      this.keptBreaks.add(start);
      this.usedOnPage = onNewPage;
    }
  }

  /**
   * The last rows drawn, up to this page's top, a table or a break, that hold `lines` printed
   * lines (spacers between come along); undefined if there are not that many text lines.
   */
  private leadRows(lines: number): { row: number; height: number; lines: number } | undefined {
    if (lines <= 0) return undefined;
    let found = 0;
    let height = 0;
    for (let r = this.rowNo; r >= 1 && found < lines; r--) {
      const drawn = this.drawnRows.get(r);
      if (!drawn || drawn.lines === null || this.breaks.includes(r + 1)) return undefined;
      height += drawn.height;
      if (height > this.usedOnPage) return undefined;
      found += drawn.lines;
      if (found >= lines) return { row: r, height, lines: found };
    }
    return undefined;
  }

  /** The next row starts a new page (an annex after its decision). */
  pageBreak(): void {
    if (this.rowNo === 0) return;
    this.breaks.push(this.rowNo + 1);
    this.usedOnPage = 0;
    this.pageNo++;
  }

  /** Continue drawing at this row (below rows drawn by someone else). */
  moveTo(row: number): void {
    this.rowNo = row - 1;
  }

  /** What was drawn, for a sheet drawn mostly elsewhere (the summary's heading). */
  drawn(): Required<Pick<SheetPlan, 'cells' | 'styles' | 'merges' | 'rowHeights'>> {
    return { cells: this.blocks, styles: this.styles, merges: this.merges, rowHeights: this.heights };
  }

  plan(extra: Partial<SheetPlan> = {}): SheetPlan {
    const last = this.rowNo;
    return {
      sheet: this.sheet,
      mode: 'replace',
      cells: this.blocks,
      styles: [{ range: rangeAddress(1, 1, Math.max(last, 1), GRID_COLUMNS), style: { fontName: FONT, fontSize: SIZE.body, vertical: 'top' } }, ...this.styles],
      merges: this.merges,
      rowHeights: this.heights,
      columns: [
        ...Array.from({ length: GRID_COLUMNS }, (_, i) => ({ index: i + 1, width: GRID_WIDTH })),
        { index: MARKER_COL, hidden: true, width: 30 },
        { index: WRITTEN_COL, hidden: true, width: 30 },
      ],
      page: portraitPage(last, {
        ...(this.breaks.length ? { rowBreaks: [...this.breaks] } : {}),
      }),
      ...extra,
    };
  }

  // ------------------------------------------------------------ internals

  private mark(row: number, col: number, cell: UserCell): void {
    this.blocks.push({ at: cellAddress(row, MARKER_COL), rows: [[`${cell.key}@${columnLetter(col)}`, cell.written]] });
  }

  private heightOf(parts: Part[], minHeight: number): number {
    let h = minHeight;
    for (const p of parts) h = Math.max(h, this.partHeight(p, p.text));
    return h;
  }

  private partHeight(p: TextStyle, text: string): number {
    return text ? heightFor(this.partLines({ ...p, text }), p.size ?? SIZE.body) : 0;
  }

  private partLines(p: Part): number {
    return lineCount(p.text, this.unitsOf(p), p.size ?? SIZE.body, p.bold);
  }

  /** The width a part's text has (Excel units), its border's room taken off. */
  private unitsOf(p: TextStyle): number {
    return this.widths.slice((p.from ?? 1) - 1, p.to ?? GRID_COLUMNS).reduce((a, w) => a + w, 0) - (p.border ? 1 : 0);
  }

  private addRow(parts: Part[], height: number): number {
    const r = ++this.rowNo;
    const h = Math.max(height, 6);
    this.heights.push({ index: r, height: h });
    this.drawnRows.set(r, { height: h, lines: parts.some((p) => p.border) ? null : Math.max(0, ...parts.map((p) => (p.text ? this.partLines(p) : 0))) });
    if (this.usedOnPage + h > PAGE_HEIGHT_PT) {
      this.usedOnPage = h;
      this.pageNo++;
    } else this.usedOnPage += h;
    for (const p of parts) {
      const from = p.from ?? 1;
      const to = p.to ?? GRID_COLUMNS;
      const range = rangeAddress(r, from, r, to);
      this.blocks.push({ at: cellAddress(r, from), rows: [[p.text as CellInput]] });
      if (to > from) this.merges.push(range);
      const style: CellStyle = {
        fontName: FONT,
        fontSize: p.size ?? SIZE.body,
        wrap: true,
        horizontal: p.align ?? 'left',
        vertical: p.vertical ?? 'top',
        ...(p.bold ? { bold: true } : {}),
        ...(p.italic ? { italic: true } : {}),
        ...(p.underline ? { underline: true } : {}),
        ...(p.border ? { border: 'thin' as const } : {}),
        ...(p.fill ? { fill: p.fill } : {}),
        numberFormat: '@',
      };
      this.styles.push({ range, style });
    }
    return r;
  }
}
