/**
 * "Mẫu văn bản": the documents' texts, kept in the workbook so the unit adjusts them once.
 * Created with the defaults on the first generation and never overwritten afterwards: a
 * later release only appends the keys it does not find, below everything else. The sheet is
 * the add-in's by its mark, not its name: a user's own "Mẫu văn bản" is never written.
 */
import { readText } from '../domain/values';
import { foldKey } from '../domain/text';
import type { CellInput, RowHeight, SheetData, SheetPlan } from '../workbook/port';
import { STYLE } from '../sheets/styles';
import { DOCUMENT_SHEETS } from './names';
import { defaultText, FORMER_DEFAULTS, PLACEHOLDERS, TEMPLATE_DEFAULTS, unknownPlaceholders, type TemplateDefault, type Wording } from './templates';
import { dataPage } from '../sheets/page';
import { rowFitHeight } from '../sheets/documentLayout';
import { asStored } from './narrative';

export const TEMPLATE_HEADER_ROW = 3;
const HEADER = ['Mã', 'Nội dung mẫu', 'Dùng cho'];
/** Columns A–F: key, text, use; a gap; the legend's name and meaning. */
const WIDTHS = [26, 80, 40, 3, 20, 50];
/** The texts' size; the keys and the legend are smaller. */
const TEXT_SIZE = 12;
const NOTE_SIZE = 10;

/** A row's texts to fit: [column index, text, font size]. */
type RowTexts = Map<number, [col: number, text: CellInput | undefined, size: number][]>;

function addRowTexts(texts: RowTexts, first: number, cols: readonly number[], sizes: readonly number[], rows: readonly (readonly (CellInput | undefined)[])[]): RowTexts {
  rows.forEach((cells, i) => {
    const list = texts.get(first + i) ?? [];
    cells.forEach((text, k) => list.push([cols[k]!, text, sizes[k]!]));
    texts.set(first + i, list);
  });
  return texts;
}

/** Template rows (A–C) from `first`. */
const templateTexts = (texts: RowTexts, first: number, rows: readonly (readonly (CellInput | undefined)[])[]) => addRowTexts(texts, first, [0, 1, 2], [NOTE_SIZE, TEXT_SIZE, TEXT_SIZE], rows);
/** Legend rows (E–F) from `first`. */
const legendTexts = (texts: RowTexts, first: number, rows: readonly (readonly string[])[]) => addRowTexts(texts, first, [4, 5], [NOTE_SIZE, NOTE_SIZE], rows);

/**
 * Heights that show each row's texts whole (LibreOffice and the preview draw a row at its stored
 * height; Excel still autofits it when a text is edited): a template row and the legend's row beside it.
 */
function fittedRows(texts: RowTexts): RowHeight[] {
  const heights: RowHeight[] = [];
  for (const [index, cells] of texts) {
    const sized = cells.filter((c): c is [number, string, number] => typeof c[1] === 'string' && c[1] !== '');
    if (sized.length) heights.push({ index, height: Math.max(...sized.map(([col, text, size]) => rowFitHeight([[WIDTHS[col]!, text]], size))), fit: true });
  }
  return heights.sort((a, b) => a.index - b.index);
}

/** One sheet of editable texts: the unit's dossier ("Mẫu văn bản") or the officer's ("Mẫu văn bản tổng hợp"). */
export interface TemplateSet {
  sheet: string;
  title: string;
  defaults: readonly TemplateDefault[];
  /** Texts earlier releases wrote as defaults (see FORMER_DEFAULTS). */
  former: Readonly<Record<string, readonly string[]>>;
  /** {name} → what it is, shown in the sheet's legend. */
  placeholders: Readonly<Record<string, string>>;
  /** The first "chung.ky_hieu" from the name given (default: the unit's initials, abbreviation). */
  abbreviate?: (name: string) => string;
}

export const UNIT_TEMPLATES: TemplateSet = {
  sheet: DOCUMENT_SHEETS.templates,
  title: 'MẪU VĂN BẢN CỦA HỒ SƠ',
  defaults: TEMPLATE_DEFAULTS,
  former: FORMER_DEFAULTS,
  placeholders: PLACEHOLDERS,
  abbreviate: (name) => unitAbbreviation(name),
};

export interface TemplateIssue {
  /** 1-based row of the text in "Mẫu văn bản" (column B). */
  row: number;
  key: string;
  name: string;
}

export interface ReadTemplates {
  texts: Map<string, string>;
  /** Defaults whose key the sheet does not hold (new in this release, or deleted rows). */
  missing: TemplateDefault[];
  /** {names} that are not placeholders, with where they are. */
  issues: TemplateIssue[];
  /** Rows still holding an earlier release's default: updated to today's (nothing of the unit's is lost). */
  outdated: { row: number; default: TemplateDefault }[];
  lastRow: number;
  /**
   * The legend's entries an earlier release did not list, to go at row `at` (below the last cell of
   * columns E–F); `beside`: what columns A–C of those rows hold. None when the unit took the legend away.
   */
  legend: { missing: [name: string, meaning: string][]; at: number; beside: (CellInput | undefined)[][] };
}

/** The sheet's texts by key; anything not found falls back to the default. */
export function readTemplatesSheet(data: SheetData | undefined, unitName: string, wording: Wording = 'pass-fail', set: TemplateSet = UNIT_TEMPLATES): ReadTemplates {
  const found = new Map<string, { text: string; row: number }>();
  data?.rows.forEach((cells, i) => {
    const key = readText(cells[0]).trim();
    // As stored, not as TRIM reads it: the room left in “Số:        /TTr-…” for the handwritten number is the text's.
    if (key && !found.has(key)) found.set(key, { text: asStored(cells[1]).normalize('NFC').replace(/\r\n?/g, '\n'), row: i + 1 });
  });
  const texts = new Map<string, string>();
  const missing: TemplateDefault[] = [];
  const issues: TemplateIssue[] = [];
  const outdated: ReadTemplates['outdated'] = [];
  for (const d of set.defaults) {
    const f = found.get(d.key);
    if (!f) {
      missing.push(d);
      texts.set(d.key, initialText(d, unitName, wording, set));
      continue;
    }
    if (set.former[d.key]?.includes(f.text) && f.text !== defaultText(d, wording)) {
      outdated.push({ row: f.row, default: d });
      texts.set(d.key, defaultText(d, wording));
      continue;
    }
    texts.set(d.key, f.text);
    for (const name of unknownPlaceholders(f.text, set.placeholders)) issues.push({ row: f.row, key: d.key, name });
  }
  return { texts, missing, issues, outdated, lastRow: data?.rows.length ?? 0, legend: missingLegend(data, set) };
}

const LEGEND_HEADER = ['Trường', 'Ý nghĩa'];
/** Columns E and F (0-based). */
const LEGEND_COLS = [4, 5];

function missingLegend(data: SheetData | undefined, set: TemplateSet): ReadTemplates['legend'] {
  const rows = data?.rows ?? [];
  const none = { missing: [], at: 0, beside: [] };
  if (readText(rows[TEMPLATE_HEADER_ROW - 1]?.[LEGEND_COLS[0]!]).trim() !== LEGEND_HEADER[0]) return none;
  const listed = new Set<string>();
  let end = TEMPLATE_HEADER_ROW;
  rows.forEach((cells, i) => {
    if (i < TEMPLATE_HEADER_ROW) return;
    if (LEGEND_COLS.some((c) => readText(cells[c]).trim() !== '')) end = i + 1;
    const name = /^\{(\w+)\}$/.exec(readText(cells[LEGEND_COLS[0]!]).trim());
    if (name) listed.add(name[1]!);
  });
  const missing = Object.entries(set.placeholders).filter(([name]) => !listed.has(name)).map(([name, meaning]): [string, string] => [`{${name}}`, meaning]);
  if (!missing.length) return none;
  const at = end + 1;
  return { missing, at, beside: missing.map((_, i) => (rows[at - 1 + i] ?? []).slice(0, 3).map((v) => (typeof v === 'string' ? v : undefined))) };
}

/**
 * Whether a sheet is a template sheet the add-in drew (before sheets carried its mark): its
 * header row, or a key of ours in column A. Anything else of that name is the user's.
 */
export function isTemplatesSheet(data: SheetData, set: TemplateSet = UNIT_TEMPLATES): boolean {
  const header = data.rows[TEMPLATE_HEADER_ROW - 1]?.slice(0, 3).map((c) => readText(c).trim());
  if (header?.join('|') === HEADER.join('|')) return true;
  const keys = new Set(set.defaults.map((d) => d.key));
  return data.rows.some((cells) => keys.has(readText(cells[0]).trim()));
}

/** A People's Committee, however written: its documents are numbered “…/TTr-UBND” (NĐ 30/2020, Phụ lục III). */
const PEOPLES_COMMITTEE = /^(?:uy ban nhan dan|ubnd)(?: |$)/;

/** Whether a unit's name is a People's Committee's (“Ủy ban nhân dân xã …”, “UBND phường …”). */
export function isPeoplesCommittee(unitName: string): boolean {
  return PEOPLES_COMMITTEE.test(foldKey(unitName));
}

/** A unit's first "chung.ky_hieu": a People's Committee's "UBND", else its initials (abbreviation). */
export function unitAbbreviation(unitName: string): string {
  return isPeoplesCommittee(unitName) ? 'UBND' : abbreviation(unitName);
}

/** Initials of the name's words, e.g. "Trường THCS Nguyễn Du" → "THCSND" (first default only). */
export function abbreviation(unitName: string): string {
  const skip = new Set(['trường', 'trung', 'tâm']);
  return unitName
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w && !skip.has(w.toLocaleLowerCase('vi')))
    .map((w) => (w === w.toLocaleUpperCase('vi') && w.length > 1 ? w : w[0]!.toLocaleUpperCase('vi')))
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/[^A-Za-z0-9&-]/g, '');
}

/** The text a key starts with in this workbook (the abbreviation comes from the unit's name). */
function initialText(d: TemplateDefault, unitName: string, wording: Wording, set: TemplateSet): string {
  return d.key === 'chung.ky_hieu' ? (set.abbreviate ?? abbreviation)(unitName) : defaultText(d, wording);
}

function rowOf(d: TemplateDefault, unitName: string, wording: Wording, set: TemplateSet): CellInput[] {
  return [d.key, initialText(d, unitName, wording, set), d.label];
}

/**
 * The plan for this generation: the whole sheet when it does not exist yet; otherwise only
 * the missing keys, appended below the last used row (nothing existing is touched). Mode
 * 'own': the workbook writes only a sheet carrying the role's mark (the caller adds the role).
 */
export function planTemplatesSheet(exists: boolean, read: ReadTemplates, unitName: string, wording: Wording = 'pass-fail', set: TemplateSet = UNIT_TEMPLATES): SheetPlan | null {
  if (exists) {
    const { legend } = read;
    if (read.missing.length === 0 && read.outdated.length === 0 && legend.missing.length === 0) return null;
    const at = read.lastRow + 1;
    const end = at + read.missing.length - 1;
    const added = read.missing.map((d) => rowOf(d, unitName, wording, set));
    const legendEnd = legend.at + legend.missing.length - 1;
    const texts: RowTexts = new Map();
    templateTexts(texts, legend.at, legend.beside);
    templateTexts(texts, at, added);
    legendTexts(texts, legend.at, legend.missing);
    return {
      sheet: set.sheet,
      mode: 'own',
      cells: [
        ...read.outdated.map((o) => ({ at: `B${o.row}`, rows: [[defaultText(o.default, wording)]] })),
        ...(added.length ? [{ at: `A${at}`, rows: added }] : []),
        ...(legend.missing.length ? [{ at: `E${legend.at}`, rows: legend.missing }] : []),
      ],
      styles: [
        ...(added.length ? [{ range: `A${at}:C${end}`, style: { ...STYLE.body, fontSize: TEXT_SIZE } }] : []),
        ...(legend.missing.length ? [{ range: `E${legend.at}:F${legendEnd}`, style: { ...STYLE.body, fontSize: NOTE_SIZE } }] : []),
      ],
      rowHeights: fittedRows(texts),
    };
  }
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + set.defaults.length - 1;
  const legend = Object.entries(set.placeholders).map(([name, meaning]) => [`{${name}}`, meaning]);
  const templates = set.defaults.map((d) => rowOf(d, unitName, wording, set));
  return {
    sheet: set.sheet,
    mode: 'own',
    cells: [
      {
        at: 'A1',
        rows: [
          [set.title],
          ['Sửa cột “Nội dung mẫu” một lần; ĐVHT dùng các nội dung này mỗi lần lập hồ sơ và không ghi đè. {tên} được thay bằng số liệu (xem bảng bên phải). Xuống dòng (Alt+Enter) là sang đoạn mới.'],
          HEADER,
        ],
      },
      { at: `A${first}`, rows: templates },
      { at: `E${TEMPLATE_HEADER_ROW}`, rows: [LEGEND_HEADER, ...legend] },
    ],
    styles: [
      { range: 'A1:C1', style: STYLE.title },
      { range: 'A2:C2', style: { ...STYLE.hint, wrap: true, vertical: 'top' } },
      { range: `A${TEMPLATE_HEADER_ROW}:C${TEMPLATE_HEADER_ROW}`, style: STYLE.header },
      { range: `A${first}:C${last}`, style: { ...STYLE.body, fontSize: TEXT_SIZE } },
      { range: `A${first}:A${last}`, style: { fontColor: '#555555', fontSize: NOTE_SIZE } },
      { range: `E${TEMPLATE_HEADER_ROW}:F${TEMPLATE_HEADER_ROW}`, style: STYLE.header },
      { range: `E${TEMPLATE_HEADER_ROW + 1}:F${TEMPLATE_HEADER_ROW + legend.length}`, style: { ...STYLE.body, fontSize: NOTE_SIZE } },
    ],
    columns: WIDTHS.map((width, i) => ({ index: i + 1, width })),
    rowHeights: [{ index: 2, height: 44 }, ...fittedRows(legendTexts(templateTexts(new Map(), first, templates), TEMPLATE_HEADER_ROW + 1, legend))],
    merges: ['A2:C2'],
    freeze: { rows: TEMPLATE_HEADER_ROW, columns: 0 },
    tabColor: '#7F7F7F',
    page: dataPage('landscape', TEMPLATE_HEADER_ROW),
  };
}
