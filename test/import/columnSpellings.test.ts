/**
 * Import finds a column by its header as the engine finds it (columnKey): the other i/y (“kỉ
 * luật” / “kỷ luật”, “kĩ năng” / “kỹ năng”), case, Unicode form and spacing aside. A school's list
 * headed “Kỉ luật lao động” maps to the discipline column, and a members sheet whose header is
 * respelt receives its values in that column, not in a second column of the same name.
 */
import { fieldCol, memberRows, roundTrip, unitWorkbook } from './messySheets';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';

const NOW = new Date(2025, 11, 20);
const LIST = 'DS';

async function withList(header: string[], membersHeader?: { key: string; text: string }) {
  const wb = await unitWorkbook();
  if (membersHeader) wb.workbook.getWorksheet(SHEETS.members)!.getCell(MEMBER_HEADER_ROW, fieldCol(membersHeader.key)).value = membersHeader.text;
  const ws = wb.workbook.addWorksheet(LIST);
  ws.addRow(['DANH SÁCH CÁN BỘ']);
  ws.addRow([]);
  ws.addRow(['STT', 'Họ và tên', ...header]);
  ws.addRow([1, 'Nguyễn Văn An', ...header.map(() => 'Có')]);
  ws.addRow([2, 'Lê Thị Hoa', ...header.map(() => 'Không')]);
  return roundTrip(wb);
}

it.each([
  ['Kỉ luật lao động', 'discipline'],
  ['CHẤP HÀNH KỈ LUẬT', 'discipline'],
  ['Chấp  hành kỉ luật lao động'.normalize('NFD'), 'discipline'],
  ['Kĩ năng số', 'digital'],
])('a list headed “%s” maps to %s', async (header, target) => {
  const p = await previewImport(await withList([header]), { sheet: LIST }, { now: NOW });
  expect(p.ok).toBe(true);
  expect(p.columns.find((c) => c.col === 3)?.target).toBe(target);
});

it('a members sheet headed “Chấp hành kỉ luật lao động” receives the discipline values in that column, no second one added', async () => {
  const wb = await withList(['Chấp hành kỷ luật lao động'], { key: 'discipline', text: 'Chấp hành kỉ luật lao động' });
  const r = await applyImport(wb, { sheet: LIST }, { now: NOW });
  expect(r.ok).toBe(true);
  const headers = wb.workbook.getWorksheet(SHEETS.members)!.getRow(MEMBER_HEADER_ROW).values as unknown[];
  expect(headers.filter((h) => typeof h === 'string' && /lu[aậ]t lao/i.test(h))).toEqual(['Chấp hành kỉ luật lao động']);
  expect(memberRows(wb.workbook).map((m) => m['Chấp hành kỉ luật lao động'])).toEqual(['Có', 'Không']);
});

it.each([
  ['Tổ CM', 'team'],
  ['Tổ chuyên môn', 'team'],
])('a list headed “%s” (the usual abbreviation of tổ chuyên môn) maps to %s', async (header, target) => {
  const p = await previewImport(await withList([header]), { sheet: LIST }, { now: NOW });
  expect(p.columns.find((c) => c.col === 3)?.target).toBe(target);
});

// Alt+Enter in a cell: Excel shows the text on two lines of one cell, a message on one line.
it('a header and a name typed on two lines of their cell are read on one line', async () => {
  const wb = await unitWorkbook();
  const ws = wb.workbook.addWorksheet(LIST);
  ws.addRow(['STT', 'Họ và\ntên', 'Chức\r\nvụ']);
  ws.addRow([1, 'Nguyễn Văn\nAn', 'Tổ trưởng\nGiáo viên']);
  const p = await previewImport(await roundTrip(wb), { sheet: LIST }, { now: NOW });
  expect(p.columns.map((c) => [c.header, c.target])).toEqual([
    ['STT', 'ordinal'],
    ['Họ và tên', 'name'],
    ['Chức vụ', 'position'],
  ]);
  expect(p.rows.map((r) => r.name)).toEqual(['Nguyễn Văn An']);
  // A value's own line break is the clerk's: kept.
  expect(p.rows[0]!.values.position).toBe('Tổ trưởng\nGiáo viên');
});
