/**
 * What the preview grid draws, read from the workbook's own package (the file that is
 * downloaded), so the grid shows exactly what is saved and no second model is kept: cell
 * values (cached results), styles, widths, row heights, merges, list validations, print setup
 * (with the page header and footer).
 * Read-only: reading never changes a part.
 */
import { errorText, type CellValue } from '../../domain/values';
import type { XlsxPackage } from '../../xlsx/package';
import { DEFAULT_LIMITS, namingPart } from '../../xlsx/errors';
import { attr, decodeEntities, decodeOoxmlEscapes, parseSharedStrings, parseSheetXml, readTag, type Tag } from '../../xlsx/xml';
import { columnNumber, parseCell, parseRange } from '../../workbook/a1';
import { shiftFormula } from '../../workbook/shiftFormula';
import { compileRule, type RuleTest } from './conditionalFormats';
import { headerFooterSections } from '../../workbook/headerFooter';
import type { HeaderFooterSections } from '../../workbook/port';
import { formatIndexOf, sheetProtected, structureLocked } from '../../workbook/xlsx/protection';
import { StylesEditor } from '../../workbook/xlsx/write/styles';
import { changedRows, rowsPart, TextSheetRows } from '../../workbook/xlsx/changedRows';

export { changedRows };

/** The sheet's bounds (Excel's): nothing is drawn or pasted past them. */
export const MAX_SHEET_ROW = 1_048_576;
export const MAX_SHEET_COLUMN = 16_384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellFormat {
  numFmt: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  fontSizePt?: number;
  /** The font's family as the file names it ("Times New Roman"); absent: the file names none. */
  fontName?: string;
  underline?: boolean;
  horizontal?: 'left' | 'center' | 'right' | 'justify';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Some side has a border line (drawn thin on every side: the add-in writes only "thin" boxes). */
  border?: boolean;
}

export interface ListValidation {
  boxes: Box[];
  /** Allowed values, the source range already resolved. */
  values: string[];
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Centimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** The file says the orientation (else it is the default, portrait, and a wide sheet may go landscape). */
  orientationSet: boolean;
  /**
   * Page Layout → Scale to Fit (sheetPr/pageSetUpPr@fitToPage): at most this many pages wide and
   * tall, 0 for as many as it takes (ECMA-376 pageSetup@fitToWidth, @fitToHeight, each 1 when
   * absent); null when the sheet prints at its scale.
   */
  fit: { width: number; height: number } | null;
  /** Page Layout → Scale, in percent (pageSetup@scale, 10–400), when the sheet is not fitted. */
  scale: number;
  printArea: Box | null;
  /** Page breaks before these 1-based rows. */
  rowBreaks: number[];
  /** Page breaks before these 1-based columns (Page Layout → Breaks, on a column). */
  columnBreaks: number[];
  /** Print titles (Page Layout → Print Titles): rows repeated at the top of each page, columns at the left. */
  titleRows: { first: number; last: number } | null;
  titleColumns: { first: number; last: number } | null;
  /** Page Layout → Page Order "Over, then down" (pageSetup@pageOrder); Excel's default is down, then over. */
  overThenDown: boolean;
  /** Page Layout → Header/Footer: printed at the top and the bottom of every page (the odd pages', where others differ); empty for none. */
  header: HeaderFooterSections;
  footer: HeaderFooterSections;
  /** "Different first page" (headerFooter@differentFirst): the first page's own (firstHeader, firstFooter); null when it prints the others. */
  firstPage: PageHeaderFooter | null;
  /** "Different odd and even pages" (headerFooter@differentOddEven): the even pages' own (evenHeader, evenFooter); null when they print the odd pages'. */
  evenPages: PageHeaderFooter | null;
}

export interface PageHeaderFooter {
  header: HeaderFooterSections;
  footer: HeaderFooterSections;
}

export interface Frozen {
  rows: number;
  columns: number;
}

export interface SheetModel {
  name: string;
  /** The add-in's mark (summary, a document …), or null for a sheet the user owns. */
  role: string | null;
  values: CellValue[][];
  /** Cell → cellXfs index, by "row:col". */
  styleIds: Map<string, number>;
  /** Cell → its formula without "=" (a shared formula's copies spelled out at their cells), by "row:col". */
  formulas: Map<string, string>;
  /** Formula cells with no cached value (written without one: never calculated), by "row:col". */
  uncached: Set<string>;
  /** Column → width in characters (absent: the default) and hidden flag. */
  columns: Map<number, { width?: number; hidden: boolean }>;
  defaultColumnWidth: number;
  /** Row → height in points when set, and hidden flag. */
  rows: Map<number, { heightPt?: number; hidden: boolean }>;
  defaultRowHeightPt: number;
  merges: Box[];
  validations: ListValidation[];
  print: PrintSetup;
  formats: CellFormat[];
  date1904: boolean;
  /** View → Freeze Panes: the last frozen row and column (0: none), counted from the sheet's first. */
  frozen: Frozen;
  /** Review → Protect Sheet is on: whether a cell is locked (its format does not unlock it); null when the sheet is not protected. */
  locked: ((row: number, col: number) => boolean) | null;
  /** Formula rules the preview can work out (conditionalFormats.ts), first rule first; `dxfId` into `dxfs`. */
  conditionalFormats?: { boxes: Box[]; test: RuleTest; dxfId: number }[];
  /** styles.xml's differential formats (what a rule sets). */
  dxfs?: DxfStyle[];
}

/** What a conditional format's differential format (styles.xml `<dxf>`) sets. */
export interface DxfStyle {
  fill?: string;
  bold?: boolean;
  color?: string;
}

/** The `<dxf>` formats of styles.xml, in order. */
export function parseDxfs(xml: string | null): DxfStyle[] {
  const out: DxfStyle[] = [];
  if (!xml) return out;
  let inDxfs = false;
  let dxf: DxfStyle | null = null;
  let where = '';
  for (const tag of tags(xml)) {
    const n = tag.name;
    if (n === 'dxfs') inDxfs = !tag.closing && !tag.selfClosing;
    else if (!inDxfs) continue;
    else if (n === 'dxf') {
      if (!tag.closing) dxf = {};
      if (tag.closing || tag.selfClosing) {
        out.push(dxf ?? {});
        dxf = null;
      }
    } else if (dxf && (n === 'font' || n === 'fill')) where = tag.closing || tag.selfClosing ? '' : n;
    else if (dxf && !tag.closing) {
      if (where === 'font' && n === 'b') dxf.bold = onUnlessOff(attr(tag.attrs, 'val'));
      else if (where === 'font' && n === 'color') dxf.color = rgbColor(tag.attrs);
      // A differential solid fill's colour is its bgColor (Excel writes it so).
      else if (where === 'fill' && n === 'bgColor') dxf.fill = rgbColor(tag.attrs);
    }
  }
  return out;
}

export interface BookModel {
  sheets: { name: string; state: 'visible' | 'hidden' | 'veryHidden'; role: string | null }[];
  /** Review → Protect Workbook (structure): sheets cannot be added, deleted or renamed. */
  structureLocked: boolean;
}

/** Built-in number formats a workbook may use without declaring them. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'dd/mm/yyyy h:mm',
  49: '@',
};

function* tags(xml: string, from = 0): Generator<Tag & { at: number }> {
  const pos = { end: 0 };
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    const tag = readTag(xml, lt, pos);
    i = pos.end;
    if (tag) yield { ...tag, at: lt };
  }
}

/** Text between a start tag ending at `end` and the next tag. */
function textAfter(xml: string, end: number): string {
  const lt = xml.indexOf('<', end);
  return decodeEntities(xml.slice(end, lt < 0 ? xml.length : lt));
}

/** "FF1F4E79" → "#1F4E79" (theme and indexed colours are left to the default). */
function rgbColor(attrs: string): string | undefined {
  const rgb = attr(attrs, 'rgb');
  return rgb && /^[0-9a-f]{8}$/i.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : rgb && /^[0-9a-f]{6}$/i.test(rgb) ? `#${rgb.toUpperCase()}` : undefined;
}

const truthy = (v: string | null) => v === '1' || v === 'true';
const onUnlessOff = (v: string | null) => v === null || v === '1' || v === 'true';

/** cellXfs of styles.xml as the grid draws them. */
export function parseFormats(xml: string | null): CellFormat[] {
  if (!xml) return [{ numFmt: 'General' }];
  const numFmts = new Map<number, string>();
  const fonts: Omit<CellFormat, 'numFmt'>[] = [];
  const fills: (string | undefined)[] = [];
  const borders: boolean[] = [];
  let border: boolean | null = null;
  const formats: CellFormat[] = [];
  let section = '';
  let font: Omit<CellFormat, 'numFmt'> | null = null;
  let fill: { solid: boolean; color?: string } | null = null;
  let xf: CellFormat | null = null;
  for (const tag of tags(xml)) {
    const n = tag.name;
    if (n === 'fonts' || n === 'fills' || n === 'cellXfs' || n === 'cellStyleXfs' || n === 'dxfs' || n === 'numFmts' || n === 'borders') {
      section = tag.closing || tag.selfClosing ? '' : n;
      continue;
    }
    if (n === 'numFmt' && section === 'numFmts' && !tag.closing) {
      numFmts.set(Number(attr(tag.attrs, 'numFmtId')), attr(tag.attrs, 'formatCode') ?? 'General');
    } else if (section === 'fonts') {
      if (n === 'font') {
        if (tag.closing || tag.selfClosing) {
          fonts.push(font ?? {});
          font = null;
        } else font = {};
      } else if (font && !tag.closing) {
        if (n === 'b') font.bold = onUnlessOff(attr(tag.attrs, 'val'));
        else if (n === 'i') font.italic = onUnlessOff(attr(tag.attrs, 'val'));
        else if (n === 'color') font.color = rgbColor(tag.attrs);
        else if (n === 'sz') font.fontSizePt = Number(attr(tag.attrs, 'val')) || undefined;
        else if (n === 'name') font.fontName = decodeEntities(attr(tag.attrs, 'val') ?? '') || undefined;
        else if (n === 'u') font.underline = attr(tag.attrs, 'val') !== 'none';
      }
    } else if (section === 'fills') {
      if (n === 'fill') {
        if (tag.closing || tag.selfClosing) {
          fills.push(fill?.solid ? fill.color : undefined);
          fill = null;
        } else fill = { solid: false };
      } else if (fill && !tag.closing) {
        if (n === 'patternFill') fill.solid = attr(tag.attrs, 'patternType') === 'solid';
        else if (n === 'fgColor') fill.color = rgbColor(tag.attrs);
      }
    } else if (section === 'borders') {
      if (n === 'border') {
        if (tag.closing || tag.selfClosing) {
          borders.push(border ?? false);
          border = null;
        } else border = false;
      } else if (border !== null && !tag.closing && (n === 'left' || n === 'right' || n === 'top' || n === 'bottom')) {
        const style = attr(tag.attrs, 'style');
        if (style && style !== 'none') border = true;
      }
    } else if (section === 'cellXfs') {
      if (n === 'xf' && !tag.closing) {
        const id = Number(attr(tag.attrs, 'numFmtId') ?? 0);
        xf = { numFmt: numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? 'General', ...fonts[Number(attr(tag.attrs, 'fontId') ?? 0)] };
        const fillColor = fills[Number(attr(tag.attrs, 'fillId') ?? 0)];
        if (fillColor) xf.fill = fillColor;
        if (borders[Number(attr(tag.attrs, 'borderId') ?? 0)]) xf.border = true;
        formats.push(xf);
        if (tag.selfClosing) xf = null;
      } else if (n === 'xf' && tag.closing) xf = null;
      else if (n === 'alignment' && xf) {
        const h = attr(tag.attrs, 'horizontal');
        if (h === 'center' || h === 'centerContinuous') xf.horizontal = 'center';
        else if (h === 'left' || h === 'right' || h === 'justify') xf.horizontal = h;
        const v = attr(tag.attrs, 'vertical');
        xf.vertical = v === 'top' ? 'top' : v === 'center' ? 'middle' : 'bottom';
        if (truthy(attr(tag.attrs, 'wrapText'))) xf.wrap = true;
      }
    }
  }
  return formats.length ? formats : [{ numFmt: 'General' }];
}

/** The rules the preview can work out; the others draw nothing. */
function compiledRules(rules: RawSheet['rules']): NonNullable<SheetModel['conditionalFormats']> {
  const out: NonNullable<SheetModel['conditionalFormats']> = [];
  for (const r of rules) {
    const test = compileRule(r.formula, { row: r.boxes[0]!.top, col: r.boxes[0]!.left });
    if (test) out.push({ boxes: r.boxes, test, dxfId: r.dxfId });
  }
  return out;
}

/** An sqref's ranges ("A1:B2 D4"), those the grid draws. */
function boxesOf(sqref: string | null): Box[] {
  return (sqref ?? '')
    .split(/\s+/)
    .map(boxOf)
    .filter((b): b is Box => b !== null);
}

export function boxOf(ref: string): Box | null {
  const clean = ref.replace(/\$/g, '');
  try {
    return parseRange(clean);
  } catch {
    return null; // a whole-column or whole-row reference the grid does not draw
  }
}

/** The rows and columns of a Print_Titles name ("'Sheet'!$1:$2,'Sheet'!$A:$A"; openpyxl leaves out the $). */
export function printTitles(value: string): Pick<PrintSetup, 'titleRows' | 'titleColumns'> {
  const out: Pick<PrintSetup, 'titleRows' | 'titleColumns'> = { titleRows: null, titleColumns: null };
  for (const m of value.matchAll(/!\$?(\d+):\$?(\d+)|!\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})/g)) {
    if (m[1]) out.titleRows = { first: Number(m[1]), last: Number(m[2]) };
    else out.titleColumns = { first: columnNumber(m[3]!.toUpperCase()), last: columnNumber(m[4]!.toUpperCase()) };
  }
  return out;
}

export const inBox = (b: Box, row: number, col: number) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

interface RawSheet {
  styleIds: Map<string, number>;
  formulas: Map<string, string>;
  uncached: Set<string>;
  columns: SheetModel['columns'];
  defaultColumnWidth: number;
  rows: SheetModel['rows'];
  defaultRowHeightPt: number;
  merges: Box[];
  validations: { boxes: Box[]; formula: string }[];
  /** `<cfRule type="expression">` rules: where, their formula, their dxf. */
  rules: { boxes: Box[]; formula: string; dxfId: number }[];
  print: Omit<PrintSetup, 'printArea' | 'titleRows' | 'titleColumns'>;
  frozen: Frozen;
}

const CM_PER_INCH = 2.54;

/** pageSetup@fitToWidth / @fitToHeight: pages, 0 for as many as it takes; 1 when absent or not a count. */
function pages(value: string | null): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}

/** pageSetup@scale: a percentage Excel keeps within 10–400; 100 when absent or not a number. */
function percent(value: string | null): number {
  const n = Number(value ?? 100);
  return Number.isFinite(n) && n > 0 ? Math.min(400, Math.max(10, Math.round(n))) : 100;
}

/** Everything of a worksheet part but the values (parseSheetXml reads those). */
export function parseSheetParts(xml: string): RawSheet {
  const out: RawSheet = {
    styleIds: new Map(),
    formulas: new Map(),
    uncached: new Set(),
    columns: new Map(),
    defaultColumnWidth: 8.43,
    rows: new Map(),
    defaultRowHeightPt: 15,
    merges: [],
    validations: [],
    rules: [],
    print: { orientation: 'portrait', margins: { top: 1.9, bottom: 1.9, left: 1.8, right: 1.8 }, orientationSet: false, fit: null, scale: 100, rowBreaks: [], columnBreaks: [], overThenDown: false, header: {}, footer: {}, firstPage: null, evenPages: null },
    frozen: { rows: 0, columns: 0 },
  };
  let row = 0;
  let col = 0;
  let validation: { boxes: Box[]; formula: string } | null = null;
  let ruleBoxes: Box[] | null = null;
  let rule: RawSheet['rules'][number] | null = null;
  /** Shared formulas' first cells by si (ECMA-376: the first cell comes before its copies). */
  const shared = new Map<string, { text: string; row: number; col: number }>();
  let breaks: number[] | null = null;
  let fitToPage = false;
  let fit = { width: 1, height: 1 };
  /** The first sheetView's top-left cell (the workbook's first window; others may freeze elsewhere). */
  let view: { row: number; col: number } | null = null;
  let views = 0;
  for (const tag of tags(xml)) {
    if (tag.closing) {
      if (tag.name === 'dataValidation') validation = null;
      else if (tag.name === 'conditionalFormatting') ruleBoxes = null;
      else if (tag.name === 'cfRule') rule = null;
      else if (tag.name === 'rowBreaks' || tag.name === 'colBreaks') breaks = null;
      continue;
    }
    switch (tag.name) {
      case 'sheetView': {
        const at = boxOf(attr(tag.attrs, 'topLeftCell') ?? '');
        view = views++ === 0 ? { row: at?.top ?? 1, col: at?.left ?? 1 } : null;
        break;
      }
      case 'pane': {
        // Frozen: xSplit/ySplit count the columns/rows left of and above the split, from the view's top-left
        // cell (as Excel, LibreOffice and openpyxl write them). A plain split holds twips, and freezes nothing.
        const state = attr(tag.attrs, 'state');
        if (!view || (state !== 'frozen' && state !== 'frozenSplit')) break;
        const x = Math.floor(Number(attr(tag.attrs, 'xSplit') ?? 0));
        const y = Math.floor(Number(attr(tag.attrs, 'ySplit') ?? 0));
        out.frozen = {
          rows: y > 0 ? Math.min(view.row - 1 + y, MAX_SHEET_ROW) : 0,
          columns: x > 0 ? Math.min(view.col - 1 + x, MAX_SHEET_COLUMN) : 0,
        };
        break;
      }
      case 'sheetFormatPr': {
        const h = Number(attr(tag.attrs, 'defaultRowHeight'));
        if (h > 0) out.defaultRowHeightPt = h;
        const w = Number(attr(tag.attrs, 'defaultColWidth'));
        if (w > 0) out.defaultColumnWidth = w;
        break;
      }
      case 'pageSetUpPr':
        fitToPage = truthy(attr(tag.attrs, 'fitToPage'));
        break;
      case 'col': {
        const min = Number(attr(tag.attrs, 'min'));
        const max = Math.min(Number(attr(tag.attrs, 'max')) || min, MAX_SHEET_COLUMN);
        const width = Number(attr(tag.attrs, 'width'));
        const hidden = truthy(attr(tag.attrs, 'hidden'));
        for (let c = min; c >= 1 && c <= max; c++) out.columns.set(c, { ...(width > 0 ? { width } : {}), hidden });
        break;
      }
      case 'row': {
        const r = Number(attr(tag.attrs, 'r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        const ht = Number(attr(tag.attrs, 'ht'));
        const hidden = truthy(attr(tag.attrs, 'hidden'));
        if (ht > 0 || hidden) out.rows.set(row, { ...(ht > 0 ? { heightPt: ht } : {}), hidden });
        break;
      }
      case 'c': {
        const r = attr(tag.attrs, 'r');
        const at = r ? parseCell(r) : null;
        col = at ? at.col : col + 1;
        if (at) row = at.row;
        const s = Number(attr(tag.attrs, 's'));
        if (s > 0) out.styleIds.set(`${row}:${col}`, s);
        break;
      }
      case 'f': {
        let text = tag.selfClosing ? '' : textAfter(xml, tag.end);
        const si = attr(tag.attrs, 't') === 'shared' ? attr(tag.attrs, 'si') : null;
        if (si !== null) {
          // A shared formula: the first cell holds the text, each copy reads it moved to its own cell.
          const master = shared.get(si);
          if (text) shared.set(si, { text, row, col });
          else if (master) text = shiftFormula(master.text, row - master.row, col - master.col);
        }
        if (text) {
          out.formulas.set(`${row}:${col}`, text);
          out.uncached.add(`${row}:${col}`);
        }
        break;
      }
      case 'v':
        out.uncached.delete(`${row}:${col}`);
        break;
      case 'mergeCell': {
        const box = boxOf(attr(tag.attrs, 'ref') ?? '');
        if (box) out.merges.push(box);
        break;
      }
      case 'dataValidation':
        if (attr(tag.attrs, 'type') === 'list' && !tag.selfClosing) {
          validation = { boxes: boxesOf(attr(tag.attrs, 'sqref')), formula: '' };
          out.validations.push(validation);
        }
        break;
      case 'conditionalFormatting':
        ruleBoxes = tag.selfClosing ? null : boxesOf(attr(tag.attrs, 'sqref'));
        break;
      case 'cfRule':
        if (ruleBoxes?.length && !tag.selfClosing && attr(tag.attrs, 'type') === 'expression' && attr(tag.attrs, 'dxfId') !== null) {
          rule = { boxes: ruleBoxes, formula: '', dxfId: Number(attr(tag.attrs, 'dxfId')) };
          out.rules.push(rule);
        }
        break;
      case 'formula':
        if (rule && !tag.selfClosing && rule.formula === '') rule.formula = textAfter(xml, tag.end);
        break;
      case 'formula1':
        if (validation && !tag.selfClosing) validation.formula = textAfter(xml, tag.end);
        break;
      case 'pageMargins': {
        const inch = (name: string, fallback: number) => {
          const v = Number(attr(tag.attrs, name));
          return Number.isFinite(v) && attr(tag.attrs, name) !== null ? Math.round(v * CM_PER_INCH * 100) / 100 : fallback;
        };
        const m = out.print.margins;
        out.print.margins = { top: inch('top', m.top), bottom: inch('bottom', m.bottom), left: inch('left', m.left), right: inch('right', m.right) };
        break;
      }
      case 'pageSetup':
        if (attr(tag.attrs, 'orientation') === 'landscape') out.print.orientation = 'landscape';
        out.print.orientationSet = attr(tag.attrs, 'orientation') !== null;
        fit = { width: pages(attr(tag.attrs, 'fitToWidth')), height: pages(attr(tag.attrs, 'fitToHeight')) };
        out.print.scale = percent(attr(tag.attrs, 'scale'));
        out.print.overThenDown = attr(tag.attrs, 'pageOrder') === 'overThenDown';
        break;
      case 'headerFooter':
        // Its children come after it: the first and even pages' texts are kept only where they print.
        out.print.firstPage = truthy(attr(tag.attrs, 'differentFirst')) ? { header: {}, footer: {} } : null;
        out.print.evenPages = truthy(attr(tag.attrs, 'differentOddEven')) ? { header: {}, footer: {} } : null;
        break;
      case 'oddHeader':
      case 'oddFooter':
      case 'firstHeader':
      case 'firstFooter':
      case 'evenHeader':
      case 'evenFooter': {
        const texts = tag.name.startsWith('odd') ? out.print : tag.name.startsWith('first') ? out.print.firstPage : out.print.evenPages;
        // The text is an ST_Xstring: characters XML cannot hold come as _xHHHH_.
        if (texts) texts[tag.name.endsWith('Header') ? 'header' : 'footer'] = tag.selfClosing ? {} : headerFooterSections(decodeOoxmlEscapes(textAfter(xml, tag.end)));
        break;
      }
      case 'rowBreaks':
      case 'colBreaks':
        breaks = tag.selfClosing ? null : tag.name === 'rowBreaks' ? out.print.rowBreaks : out.print.columnBreaks;
        break;
      case 'brk': {
        // A break after row (column) id: the next page starts at id + 1.
        const id = Number(attr(tag.attrs, 'id'));
        if (breaks && Number.isInteger(id) && id > 0) breaks.push(id + 1);
        break;
      }
    }
  }
  if (fitToPage) out.print.fit = fit;
  return out;
}

/** Where a list validation's values come from: a literal "a,b,c" list, or a range of a sheet. */
function listSource(formula: string, sheetName: string): { values: string[] } | { sheet: string; box: Box } | null {
  const f = formula.trim().replace(/^=/, '');
  const literal = /^"(.*)"$/s.exec(f);
  if (literal) return { values: literal[1]!.replace(/""/g, '"').split(',').map((v) => v.trim()).filter(Boolean) };
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(f);
  const box = boxOf(m ? m[3]! : f);
  if (!box) return null;
  return { sheet: m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : sheetName, box };
}

/** Text of a value as a dropdown lists it. */
function listText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return errorText(v);
  return String(v);
}

/** A sheet as read from its part: what the model is made of. */
interface ReadSheet {
  xml: string;
  shared: string[];
  raw: RawSheet;
  values: CellValue[][];
}

/**
 * `prev` read again after a batch rewrote some of its rows: those rows read anew, the others kept as
 * they were read (the same as reading the whole part, at the cost of the rows written). Null when the
 * change is not only of whole rows (see changedRows).
 */
function rereadRows(prev: ReadSheet, xml: string, shared: string[], values: () => CellValue[][]): ReadSheet | null {
  const change = changedRows(prev.xml, xml);
  if (!change) return null;
  const was = parseSheetParts(rowsPart(change.wasRows));
  const now = parseSheetParts(rowsPart(change.nowRows));
  const uncached = sameKeys(prev.raw.uncached, was.uncached, now.uncached) ? prev.raw.uncached : new Set(prev.raw.uncached);
  if (uncached !== prev.raw.uncached) {
    for (const k of was.uncached) uncached.delete(k);
    for (const k of now.uncached) uncached.add(k);
  }
  const raw: RawSheet = {
    ...prev.raw,
    styleIds: spliced(prev.raw.styleIds, was.styleIds, now.styleIds),
    formulas: spliced(prev.raw.formulas, was.formulas, now.formulas),
    uncached,
    rows: spliced(prev.raw.rows, was.rows, now.rows, (a, b) => a.heightPt === b.heightPt && a.hidden === b.hidden),
  };
  return { xml, shared, raw, values: values() };
}

type Keyed<K> = ReadonlySet<K> | ReadonlyMap<K, unknown>;

/** Whether `prev` less the keys of `gone`, plus those of `added`, is `prev` again (`same`: a key's value is kept too). */
function sameKeys<K>(prev: Keyed<K>, gone: Keyed<K>, added: Keyed<K>, same: (k: K) => boolean = () => true): boolean {
  for (const k of gone.keys()) if (!added.has(k)) return false;
  for (const k of added.keys()) if (!prev.has(k) || !same(k)) return false;
  return true;
}

/**
 * `prev` without the keys of `gone`, with `added`'s: `prev` itself when that changes nothing (a value typed over
 * another keeps its cell's style), else a copy (a 5,000-member sheet's styles are tens of thousands of keys).
 */
function spliced<K, V>(prev: Map<K, V>, gone: ReadonlyMap<K, V>, added: ReadonlyMap<K, V>, equal: (a: V, b: V) => boolean = Object.is): Map<K, V> {
  if (sameKeys<K>(prev, gone, added, (k) => equal(prev.get(k)!, added.get(k)!))) return prev;
  const out = new Map(prev);
  for (const k of gone.keys()) out.delete(k);
  for (const [k, v] of added) out.set(k, v);
  return out;
}

/**
 * Reads the package for the grid. Sheet parts are parsed again only when their text changed
 * (a batch replaces the text of the parts it writes): switching tabs costs nothing.
 */
export class PackageReader {
  private readonly cache = new Map<string, { read: ReadSheet; model: SheetModel; xfOf: ((row: number, col: number) => number) | null }>();
  private formats: { xml: string | null; formats: CellFormat[]; dxfs: DxfStyle[]; unlocked: (xf: number) => boolean } | null = null;

  /** `rows`: where sheets' values are kept (the file workbook's, so that its reads and the grid's read a sheet once). */
  constructor(
    private readonly pkg: XlsxPackage,
    private readonly rows = new TextSheetRows(),
  ) {}

  book(): BookModel {
    return { sheets: this.pkg.sheets.map((s) => ({ name: s.name, state: s.state, role: this.pkg.roleOf(s) })), structureLocked: structureLocked(this.pkg.workbookXml) };
  }

  private async shared(): Promise<string[]> {
    const rel = (await this.pkg.relsOf(this.pkg.workbookPart)).find((r) => r.type.endsWith('/sharedStrings'));
    const xml = rel ? await this.pkg.text(rel.path) : null;
    return rel && xml !== null ? namingPart(rel.path, () => parseSharedStrings(xml)) : [];
  }

  private async cellFormats(): Promise<NonNullable<PackageReader['formats']>> {
    const xml = await this.pkg.stylesXml();
    if (!this.formats || this.formats.xml !== xml) {
      // Whether a format unlocks its cells, read as a batch's protection check reads it.
      const styles = new StylesEditor(xml);
      const known = new Map<number, boolean>();
      const unlocked = (xf: number) => known.get(xf) ?? known.set(xf, styles.unlocked(xf)).get(xf)!;
      this.formats = { xml, formats: parseFormats(xml), dxfs: parseDxfs(xml), unlocked };
    }
    return this.formats;
  }

  /** The sheet's `locked` over the current styles. */
  private static locked(xfOf: ((row: number, col: number) => number) | null, unlocked: (xf: number) => boolean): SheetModel['locked'] {
    return xfOf && ((row, col) => !unlocked(xfOf(row, col)));
  }

  private async values(name: string): Promise<CellValue[][]> {
    const part = this.pkg.findSheet(name)?.path;
    const xml = part ? await this.pkg.text(part) : null;
    if (!part || !xml) return [];
    const shared = await this.shared();
    return namingPart(part, () => parseSheetXml(xml, shared, DEFAULT_LIMITS));
  }

  async sheet(name: string): Promise<SheetModel | null> {
    const sheet = this.pkg.findSheet(name);
    if (!sheet) return null;
    const xml = (sheet.path ? await this.pkg.text(sheet.path) : null) ?? '<worksheet/>';
    const shared = await this.shared();
    const { formats, dxfs, unlocked } = await this.cellFormats();
    const hit = this.cache.get(sheet.name);
    if (hit && hit.read.xml === xml && hit.read.shared.length === shared.length) return { ...hit.model, formats, dxfs, role: this.pkg.roleOf(sheet), locked: PackageReader.locked(hit.xfOf, unlocked) };
    // After a batch wrote cells, only the rows it wrote are read again (a protected sheet's locks are read whole).
    const sameStrings = hit && hit.read.shared.length === shared.length && hit.read.shared.every((t, i) => t === shared[i]);
    const part = sheet.path;
    const valuesOf = () => namingPart(part ?? sheet.name, () => (part ? this.rows.rows(part, xml, shared, false, DEFAULT_LIMITS) : parseSheetXml(xml, shared, DEFAULT_LIMITS)));
    let read: ReadSheet | null = null;
    if (hit && sameStrings && !hit.xfOf) {
      try {
        read = rereadRows(hit.read, xml, shared, valuesOf);
      } catch {
        read = null; // read whole below, which says what is wrong with the part
      }
    }
    read ??= { xml, shared, raw: parseSheetParts(xml), values: valuesOf() };
    const { raw, values } = read;
    const validations: ListValidation[] = [];
    for (const v of raw.validations) {
      const source = listSource(v.formula, sheet.name);
      if (!source) continue;
      if ('values' in source) {
        validations.push({ boxes: v.boxes, values: source.values });
        continue;
      }
      const rows = this.pkg.findSheet(source.sheet) === sheet ? values : await this.values(source.sheet);
      const list: string[] = [];
      for (let r = source.box.top; r <= source.box.bottom; r++) for (let c = source.box.left; c <= source.box.right; c++) list.push(listText(rows[r - 1]?.[c - 1] ?? null));
      validations.push({ boxes: v.boxes, values: [...new Set(list.filter(Boolean))] });
    }
    const index = this.pkg.sheets.indexOf(sheet);
    const area = this.pkg.definedNames.find((d) => d.name === '_xlnm.Print_Area' && d.localSheetId === index);
    const printArea = area ? boxOf(area.value.split('!').pop() ?? '') : null;
    const titles = printTitles(this.pkg.definedNames.find((d) => d.name === '_xlnm.Print_Titles' && d.localSheetId === index)?.value ?? '');
    const xfOf = sheetProtected(xml) ? formatIndexOf(xml) : null;
    const model: SheetModel = {
      name: sheet.name,
      role: this.pkg.roleOf(sheet),
      values,
      styleIds: raw.styleIds,
      formulas: raw.formulas,
      uncached: raw.uncached,
      columns: raw.columns,
      defaultColumnWidth: raw.defaultColumnWidth,
      rows: raw.rows,
      defaultRowHeightPt: raw.defaultRowHeightPt,
      merges: raw.merges,
      validations,
      print: { ...raw.print, printArea, ...titles },
      frozen: raw.frozen,
      formats,
      dxfs,
      conditionalFormats: compiledRules(raw.rules),
      date1904: this.pkg.date1904,
      locked: PackageReader.locked(xfOf, unlocked),
    };
    this.cache.set(sheet.name, { read, model, xfOf });
    return model;
  }
}
