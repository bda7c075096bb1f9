/** "Thông tin đơn vị": what the unit is, and the result block the add-in owns. */
import { foldKey } from '../domain/text';
import { isUncalculated, readText, type CellValue } from '../domain/values';
import { problem, type Problem } from '../domain/problems';
import { SCHOOL_LEVELS, UNIT_FIELD_LABELS } from '../domain/unitTypes';
import type { UnitField } from '../domain/evaluation';
import type { CellInput, RowHeight, SheetData, SheetPlan } from '../workbook/port';
import { rowFitHeight } from './documentLayout';
import { SHEETS } from './names';
import { DATA_FONT_SIZE, STYLE } from './styles';
import { LISTS_RANGES } from './listsSheet';
import { dataPage } from './page';

/** Fields the user fills (label in column A, value in column B). */
export const UNIT_FIELDS = {
  name: 'Tên đơn vị',
  type: UNIT_FIELD_LABELS.type,
  isPublic: UNIT_FIELD_LABELS.isPublic,
  highestLevel: UNIT_FIELD_LABELS.highestLevel,
  year: 'Năm đánh giá',
  level: 'Mức độ đề nghị công nhận',
  receiver: 'Đơn vị tổng hợp (nơi nhận hồ sơ)',
  receiverTier: 'Cấp của đơn vị tổng hợp',
  parent: 'Cơ quan chủ quản',
  place: 'Địa danh',
  head: 'Người đứng đầu',
  headTitle: 'Chức vụ người đứng đầu',
  previousDate: 'Ngày công nhận lần trước',
  previousLevel: 'Mức độ đã được công nhận lần trước',
} as const;

/** Result cells the add-in writes (grey). */
export const RESULT_FIELDS = {
  outcome: 'Kết quả tự đánh giá',
  score: 'Điểm (thang 100)',
  rating: 'Xếp loại',
  counted: 'Số thành viên được tính',
  evaluatedAt: 'Thời điểm đánh giá',
  fingerprint: 'Dấu dữ liệu',
  version: 'Phiên bản ĐVHT',
} as const;

const HINTS: Partial<Record<keyof typeof UNIT_FIELDS, string>> = {
  type: 'Chọn trong danh sách',
  isPublic: 'Có / Không',
  highestLevel: 'Trường phổ thông nhiều cấp học: cấp cao nhất (THCS, THPT …)',
  level: 'Mức độ 1 hoặc Mức độ 2 (như bộ tiêu chí ở trang “Tiêu chí”)',
  receiver: 'Ví dụ: UBND xã …, Sở GD&ĐT …',
  receiverTier: 'Ví dụ: cấp xã, cấp tỉnh',
  place: 'Dùng cho dòng “…, ngày … tháng … năm …”',
  previousDate: 'Ngày của quyết định công nhận gần nhất (dd/mm/yyyy)',
};

export type UnitInfo = Record<keyof typeof UNIT_FIELDS, CellValue>;

export const FIRST_FIELD_ROW = 4;

/** Columns A–C (label, value, hint), Excel units. */
const WIDTHS = [34, 44, 40] as const;
export const RESULT_TITLE = 'KẾT QUẢ (do ĐVHT ghi, không cần sửa)';

export function unitResultRow(key: keyof typeof RESULT_FIELDS): number {
  const fieldCount = Object.keys(UNIT_FIELDS).length;
  return FIRST_FIELD_ROW + fieldCount + 2 + Object.keys(RESULT_FIELDS).indexOf(key);
}

export function drawUnitSheet(values: Partial<Record<keyof typeof UNIT_FIELDS, CellInput>>): SheetPlan {
  const keys = Object.keys(UNIT_FIELDS) as (keyof typeof UNIT_FIELDS)[];
  const rows: CellInput[][] = keys.map((k) => [UNIT_FIELDS[k], values[k] ?? null, HINTS[k] ?? null]);
  const last = FIRST_FIELD_ROW + keys.length - 1;
  const resultTitleRow = last + 2;
  const resultKeys = Object.keys(RESULT_FIELDS) as (keyof typeof RESULT_FIELDS)[];
  const resultLast = resultTitleRow + resultKeys.length;
  const row = (k: keyof typeof UNIT_FIELDS) => FIRST_FIELD_ROW + keys.indexOf(k);
  // Hints and long values show whole in the preview and LibreOffice, as Excel autofits them.
  const rowHeights: RowHeight[] = rows.map(([label, value, hint], i) => ({
    index: FIRST_FIELD_ROW + i,
    height: rowFitHeight([[WIDTHS[0], String(label), true], [WIDTHS[1], typeof value === 'string' ? value : ''], [WIDTHS[2], String(hint ?? '')]], DATA_FONT_SIZE),
    fit: true,
  }));
  return {
    sheet: SHEETS.unit,
    mode: 'ensure',
    cells: [
      { at: 'A1', rows: [['THÔNG TIN ĐƠN VỊ'], ['Điền cột “Giá trị”. Các ô màu xám do ĐVHT ghi khi đánh giá.'], ['Mục', 'Giá trị', 'Ghi chú']] },
      { at: `A${FIRST_FIELD_ROW}`, rows },
      { at: `A${resultTitleRow}`, rows: [[RESULT_TITLE], ...resultKeys.map((k) => [RESULT_FIELDS[k], null, null])] },
    ],
    styles: [
      { range: 'A1:C1', style: STYLE.title },
      { range: 'A2:C2', style: STYLE.hint },
      { range: 'A3:C3', style: STYLE.header },
      { range: `A${FIRST_FIELD_ROW}:C${last}`, style: STYLE.body },
      { range: `A${FIRST_FIELD_ROW}:A${last}`, style: { bold: true } },
      { range: `B${row('year')}`, style: { numberFormat: '0', horizontal: 'left' } },
      { range: `B${row('previousDate')}`, style: { numberFormat: 'dd/mm/yyyy', horizontal: 'left' } },
      { range: `A${resultTitleRow}:C${resultTitleRow}`, style: STYLE.section },
      { range: `A${resultTitleRow + 1}:C${resultLast}`, style: STYLE.owned },
    ],
    columns: WIDTHS.map((width, i) => ({ index: i + 1, width })),
    rowHeights,
    validations: [
      { range: `B${row('type')}`, list: { source: LISTS_RANGES.unitTypes } },
      { range: `B${row('isPublic')}`, list: ['Có', 'Không'] },
      { range: `B${row('highestLevel')}`, list: [...SCHOOL_LEVELS] },
      { range: `B${row('level')}`, list: ['Mức độ 1', 'Mức độ 2'] },
    ],
    merges: [`A${resultTitleRow}:C${resultTitleRow}`],
    page: dataPage('portrait'),
  };
}

export interface ParsedUnit {
  info: UnitInfo;
  /** Every labelled row, for applicability conditions (`[Loại đơn vị]`, `[Công lập]`, …). */
  fields: UnitField[];
  /** Where each result field's value cell is (row), found by label. */
  resultRows: Partial<Record<keyof typeof RESULT_FIELDS, number>>;
  lastRow: number;
}

/** Finds fields by label (column A, any row), so inserted rows and reordering are fine. */
export function readUnitSheet(data: SheetData): ParsedUnit {
  const byKey = new Map<string, { row: number; value: CellValue }>();
  const fields: UnitField[] = [];
  for (let i = 0; i < data.rows.length; i++) {
    const cells = data.rows[i];
    const label = readText(cells?.[0]);
    if (!label) continue;
    const key = foldKey(label);
    if (!byKey.has(key)) byKey.set(key, { row: i + 1, value: cells![1] ?? null });
    fields.push({ label, value: cells![1] ?? null, at: { sheet: 'unit', row: i + 1, col: 2 } });
  }
  const info = {} as UnitInfo;
  for (const [k, label] of Object.entries(UNIT_FIELDS)) info[k as keyof UnitInfo] = byKey.get(foldKey(label))?.value ?? null;
  const resultRows: ParsedUnit['resultRows'] = {};
  for (const [k, label] of Object.entries(RESULT_FIELDS)) {
    const found = byKey.get(foldKey(label));
    if (found) resultRows[k as keyof typeof RESULT_FIELDS] = found.row;
  }
  return { info, fields, resultRows, lastRow: data.rows.length };
}

/**
 * The first field with this label (any case, any accents' spelling): a loop rather than a
 * `find` callback made per call, whose compiled code a reading worker's full collections drop.
 */
export function unitField(unit: ParsedUnit, label: string): UnitField | undefined {
  const key = foldKey(label);
  for (const f of unit.fields) if (foldKey(f.label) === key) return f;
  return undefined;
}

/**
 * The fields the unit typed as formulas its file holds no result for (their values unknown),
 * each said at its cell; the result block is the add-in's own and never said.
 */
export function uncalculatedFields(unit: ParsedUnit): Problem[] {
  const labels = new Set(Object.values(UNIT_FIELDS).map(foldKey));
  const out: Problem[] = [];
  for (const f of unit.fields) if (labels.has(foldKey(f.label)) && isUncalculated(f.value)) out.push(problem('warning', 'formulaNotCalculated', {}, f.at));
  return out;
}
