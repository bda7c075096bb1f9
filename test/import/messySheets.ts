/**
 * Staff lists as schools really keep them, built at test time: a title block, merged
 * two-row headers, a column-numbering row, section and subtotal rows, numbers stored as
 * text, NFD Vietnamese, stray spaces, hidden rows and columns, formula errors, namesakes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';

export const SOURCE = 'DS CB-GV-NV';
const nfd = (s: string) => s.normalize('NFD');

/** The staff list; `variant` lets re-import tests change a few things. */
export function addStaffSheet(wb: ExcelJS.Workbook, variant: 'first' | 'nextYear' = 'first', name = SOURCE): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'PHÒNG GD&ĐT HUYỆN HÒA VANG';
  ws.getCell('A2').value = 'TRƯỜNG THCS NGUYỄN DU';
  ws.getCell('A3').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM HỌC 2024 - 2025';
  ws.mergeCells('A3:P3');
  const single: [string, string][] = [
    ['A', 'STT'],
    ['B', 'Mã CB'],
    ['C', nfd('Họ và tên')],
    ['D', 'Chức vụ'],
    ['E', 'Tổ '],
    ['N', 'Năm sinh'],
    ['O', 'GĐHT'],
    ['P', 'Ghi chú'],
  ];
  for (const [col, text] of single) {
    ws.getCell(`${col}5`).value = text;
    ws.mergeCells(`${col}5:${col}6`);
  }
  ws.getCell('F5').value = 'Kết quả học tập, bồi dưỡng';
  ws.mergeCells('F5:I5');
  ['KH tự học', 'Hoàn thành BDTX', nfd('Tham gia CĐS'), 'Chứng chỉ NN'].forEach((t, i) => (ws.getCell(5 + 1, 6 + i).value = t));
  ws.getCell('J5').value = 'Danh hiệu thi đua';
  ws.mergeCells('J5:K5');
  ws.getCell('J6').value = 'LĐTT';
  ws.getCell('K6').value = 'CSTĐCS';
  ws.getCell('L5').value = 'CDHT';
  ws.mergeCells('L5:M5');
  ws.getCell('L6').value = 'Điểm';
  ws.getCell('M6').value = 'Xếp loại';
  ws.getRow(7).values = [null, ...Array.from({ length: 16 }, (_, i) => `(${i + 1})`)];
  ws.getCell('A8').value = 'I. Ban giám hiệu';
  ws.mergeCells('A8:P8');
  //            A  B        C                    D                  E      F       G     H        I     J    K    L       M          N     O    P
  const r9 = [1, 'CB001', 'Nguyễn Văn An  ', 'Hiệu trưởng', 'BGH', 'x', 'X', nfd('có'), 'Có', 'x', 'x', '85', 'Đạt', 1975, 'x', null];
  const r10 = [2, 'CB002', nfd('Trần Thị Bình'), 'Phó hiệu trưởng', null, 'Đạt', 1, true, '✓', null, 'x', 92.5, 'đạt', 1980, null, 'Chuyển công tác 6/2025'];
  const r12 = [3, 'CB003', 'Lê Thị Hoa', 'Giáo\u00a0viên ', 'KHTN', 'x', 'chưa rõ', '0', '-', 'x', null, '85,5', null, 1990, null, null];
  const r13 = [4, 'CB004', 'Phạm Minh Đức', 'Tổ trưởng', 'KHTN', 'x', 'x', null, 'không', 'LĐTT', null, 120, 'Công dân học tập', 1988, null, null];
  const r14 = [5, 'CB005', 'Lê Thị Hoa', 'Giáo viên', 'KHTN', 'x', 'x', 'x', 'x', 'x', null, '81', 'Đạt', 1995, null, null];
  const r17 = [6, 'CB006', 'Võ Thị Hạnh', 'Nhân viên kế toán', 'Văn phòng', 'x', 'x', 'x', null, null, null, 65, 'Chưa đạt', 1985, null, null];
  const r18 = [7, null, null, 'Giáo viên', 'Văn phòng', 'x', null, null, null, null, null, null, null, null, null, null];
  const put = (row: number, values: unknown[]) => values.forEach((v, i) => v !== null && (ws.getCell(row, i + 1).value = v as ExcelJS.CellValue));
  put(9, r9);
  put(10, r10);
  ws.mergeCells('E9:E10');
  ws.getCell('A11').value = 'II';
  ws.getCell('C11').value = 'Tổ Khoa học tự nhiên';
  put(12, r12);
  put(13, r13);
  ws.getCell('H13').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
  if (variant === 'first') {
    put(14, r14);
    ws.getRow(14).hidden = true;
  } else {
    // Next year: CB005 left; An's CĐS changes; a new teacher comes.
    ws.getCell('H9').value = 'không';
    put(14, [5, 'CB007', 'Đặng Thu Trang', 'Giáo viên', 'KHTN', 'x', 'x', 'x', 'x', 'x', null, 90, 'Đạt', 1999, null, null]);
  }
  ws.getCell('A15').value = 'Cộng';
  ws.getCell('F15').value = 4;
  put(17, r17);
  put(18, r18);
  ws.getCell('A19').value = 'Tổng cộng';
  ws.mergeCells('A19:E19');
  ws.getCell('F19').value = { formula: 'COUNTIF(F9:F18,"x")', result: 6 } as ExcelJS.CellValue;
  ws.getColumn('O').hidden = true;
  return ws;
}

/** A names + CDHT list, as typed by the Hội Khuyến học. */
export const CONTRACT = 'Hợp đồng';

/** A second list of the same unit: its contract workers, none of them on the staff list. */
export function addContractSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(CONTRACT);
  ws.getCell('A1').value = 'DANH SÁCH LAO ĐỘNG HỢP ĐỒNG NĂM 2025';
  ws.getRow(3).values = ['STT', 'Họ và tên', 'Công việc', 'LĐTT'];
  ws.getRow(4).values = [1, 'Phạm Văn Tuấn', 'Bảo vệ', 'x'];
  ws.getRow(5).values = [2, 'Nguyễn Thị Lành', 'Cấp dưỡng', 'x'];
  ws.getCell('A6').value = 'Cộng: 2';
}

export function addCdhtSheet(wb: ExcelJS.Workbook, name = 'CDHT 2025'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'KẾT QUẢ ĐÁNH GIÁ CÔNG DÂN HỌC TẬP NĂM 2025';
  ws.getRow(3).values = [null, 'STT', 'Họ tên', 'Ngày sinh', 'Điểm tự đánh giá', 'Kết quả'];
  ws.getRow(4).values = [null, 1, 'NGUYỄN VĂN AN', '01/01/1975', '88', 'Đạt'];
  ws.getRow(5).values = [null, 2, nfd('Võ Thị Hạnh '), '02/02/1985', 82, 'đạt'];
  ws.getRow(6).values = [null, 3, 'Lê Thị Hoa', '03/03/1990', 79, 'Chưa đạt'];
  ws.getRow(7).values = [null, 4, 'Hoàng Văn Lạ', '04/04/1991', 90, 'Đạt'];
  ws.getRow(8).values = [null, 5, 'Trần Thị Bình', '05/05/1980', 'chín mươi', 'Đạt'];
  return ws;
}

/** A unit workbook made by the add-in, with an empty members sheet. */
export async function unitWorkbook(label = 'truong.xlsx'): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create(label);
  await createSheets(wb, { ...sampleUnit({}), members: [] });
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), label);
}

/** In `dir`: “danh sach.xlsx” holding the sheets `add` draws, and a fresh unit workbook “truong.xlsx” to import into. */
export async function sourceAndUnit(dir: string, ...add: ((wb: ExcelJS.Workbook) => unknown)[]): Promise<{ source: string; into: string }> {
  const source = path.join(dir, 'danh sach.xlsx');
  const src = ExcelJsWorkbook.create('danh sach.xlsx');
  for (const draw of add) draw(src.workbook);
  fs.writeFileSync(source, await src.toBuffer());
  const into = path.join(dir, 'truong.xlsx');
  fs.writeFileSync(into, await (await unitWorkbook()).toBuffer());
  return { source, into };
}

export async function roundTrip(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

/** Column of a member field in a members sheet drawn by the add-in. */
export function fieldCol(key: string): number {
  return MEMBER_FIELDS.findIndex((f) => f.key === key) + 1;
}

/** The members sheet's rows below the header, as plain values keyed by header. */
export function memberRows(wb: ExcelJS.Workbook): Record<string, unknown>[] {
  const ws = wb.getWorksheet(SHEETS.members)!;
  const headers: string[] = [];
  ws.getRow(MEMBER_HEADER_ROW).eachCell((c, col) => (headers[col] = String(c.value)));
  const out: Record<string, unknown>[] = [];
  for (let r = MEMBER_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const rec: Record<string, unknown> = {};
    let any = false;
    headers.forEach((h, col) => {
      if (!h) return;
      const v = row.getCell(col).value;
      if (v !== null && v !== undefined && v !== '') any = true;
      rec[h] = v ?? null;
    });
    if (any) out.push({ row: r, ...rec });
  }
  return out;
}

/** Everything about a sheet's cells that a user could notice: values, formulas, styles, merges, hidden. */
export function sheetDump(ws: ExcelJS.Worksheet): string {
  const cells: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push(`row ${r} hidden=${row.hidden} height=${row.height}`);
    row.eachCell({ includeEmpty: true }, (cell, c) => cells.push(`${r}:${c} ${JSON.stringify(cell.value)} ${JSON.stringify(cell.style)}`));
  });
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  const cols = (ws.columns ?? []).map((c, i) => `${i + 1}:${c?.hidden}:${c?.width}`);
  return [...cells, `merges ${merges.join(',')}`, `cols ${cols.join(',')}`, `name ${ws.name}`].join('\n');
}
