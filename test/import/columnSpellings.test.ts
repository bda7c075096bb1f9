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
