/**
 * "Cấu hình nhập": a small sheet the add-in owns, keeping the mapping the user confirmed,
 * so next year's import of the same list is one click. The sheet explains itself; the user
 * may correct column B or delete the sheet (the next import then proposes afresh).
 */
import { foldKey } from '../../domain/text';
import { readText } from '../../domain/values';
import type { CellInput, SheetData, SheetPlan } from '../../workbook/port';
import { STYLE } from '../../sheets/styles';
import { dataPage } from '../../sheets/page';
import type { MappedColumn, SavedMapping } from './mapping';
import { savedKey } from './mapping';
import { BIRTH_TARGET, FAMILY_TARGET, findTarget, headerScore, MIN_SCORE, targetHeader, TARGETS, type TargetKey } from './targets';

export const IMPORT_SETTINGS_SHEET = 'Cấu hình nhập';

const TABLE_HEADER = ['Cột ở danh sách nguồn', 'Ghép vào cột ở trang “Thành viên”'];
const LEFT_OUT = '(không nhập)';
const SOURCE_LABEL = 'Trang nguồn';
const HEADER_ROWS_LABEL = 'Dòng tiêu đề';
/**
 * Which targets the sheet's writer could map to: a column it left out before its target existed
 * (the date of birth since version 2, the family name since 3; version 1 has no such row) was no
 * one's choice, and is proposed afresh.
 */
const VERSION_LABEL = 'Phiên bản cấu hình';
const VERSION = 3;
const ADDED_IN = [
  { target: TARGETS.find((t) => t.key === BIRTH_TARGET)!, version: 2 },
  { target: TARGETS.find((t) => t.key === FAMILY_TARGET)!, version: 3 },
];

export interface SavedMappingInfo {
  sourceSheet: string;
  /** The header rows of that sheet, as written (“5–6”). */
  headerRows: string;
  mapping: SavedMapping;
  /** The table's rows as written (headers unfolded), for an import that adds to it. */
  entries: MappingRow[];
}

/** One row of the sheet's table: a source header and the target it feeds (null: left out). */
type MappingRow = Pick<MappedColumn, 'header' | 'target'>;

/**
 * `headerOf`: the members sheet's header of a target's column (a birth column keeps the list's own).
 * `kept`: an import that only adds members (a second list) keeps the saved mapping of the unit's
 * main list, its sheet and header rows, and adds the headers it does not have.
 */
export function drawImportSettings(sourceSheet: string, headerRows: string, date: string, columns: readonly MappingRow[], headerOf: (key: TargetKey) => string = targetHeader, kept: SavedMappingInfo | null = null): SheetPlan {
  if (kept) {
    const known = new Set(kept.entries.map((e) => savedKey(e.header)));
    const added = columns.filter((c) => !known.has(savedKey(c.header)));
    return drawImportSettings(kept.sourceSheet, kept.headerRows, date, [...kept.entries, ...added], headerOf);
  }
  const table: CellInput[][] = columns.map((c) => [c.header, c.target ? headerOf(c.target) : LEFT_OUT]);
  const first = 9;
  return {
    sheet: IMPORT_SETTINGS_SHEET,
    mode: 'replace',
    cells: [
      {
        at: 'A1',
        rows: [
          ['CẤU HÌNH NHẬP DANH SÁCH (do ĐVHT ghi)'],
          ['Trang này lưu cách ghép cột của lần nhập gần nhất để lần sau chỉ cần bấm “Nhập”. Có thể sửa cột B (ghi đúng tên cột ở trang “Thành viên”, hoặc “(không nhập)”), hoặc xóa trang này để ĐVHT đề xuất lại.'],
          [null],
          [SOURCE_LABEL, sourceSheet],
          [HEADER_ROWS_LABEL, headerRows],
          ['Ngày nhập', date],
          [VERSION_LABEL, VERSION],
        ],
      },
      { at: `A${first - 1}`, rows: [TABLE_HEADER, ...table] },
    ],
    styles: [
      { range: 'A1', style: STYLE.title },
      { range: 'A2', style: STYLE.hint },
      { range: `A${first - 1}:B${first - 1}`, style: STYLE.header },
      ...(table.length ? [{ range: `A${first}:B${first + table.length - 1}`, style: STYLE.body }] : []),
    ],
    columns: [
      { index: 1, width: 40 },
      { index: 2, width: 40 },
    ],
    page: dataPage('portrait', first - 1),
  };
}

/** null when the sheet is missing or holds no table. Unknown targets in column B are left out. */
export function readImportSettings(data: SheetData | undefined): SavedMappingInfo | null {
  if (!data) return null;
  const headerKey = foldKey(TABLE_HEADER[0]!);
  const at = data.rows.findIndex((r) => foldKey(readText(r?.[0])) === headerKey);
  if (at < 0) return null;
  const labelled = (label: string) => data.rows.find((r) => foldKey(readText(r?.[0])) === foldKey(label));
  const sourceRow = labelled(SOURCE_LABEL);
  const version = Number(readText(labelled(VERSION_LABEL)?.[1])) || 1;
  const mapping: SavedMapping = new Map();
  const entries: SavedMappingInfo['entries'] = [];
  for (const row of data.rows.slice(at + 1)) {
    const header = readText(row?.[0]);
    if (!header) continue;
    const target = readText(row?.[1]);
    const leftOut = !target || foldKey(target) === foldKey(LEFT_OUT);
    if (leftOut && ADDED_IN.some((a) => version < a.version && headerScore(header, a.target) >= MIN_SCORE)) continue;
    const key = leftOut ? null : (findTarget(target)?.key ?? null);
    mapping.set(savedKey(header), key);
    entries.push({ header, target: key });
  }
  return mapping.size ? { sourceSheet: readText(sourceRow?.[1]), headerRows: readText(labelled(HEADER_ROWS_LABEL)?.[1]), mapping, entries } : null;
}
