/**
 * A school's own list ends with the signatures (“Người lập biểu”, “HIỆU TRƯỞNG”, the signers'
 * names): they are not imported as members. When the members sheet itself has them under its
 * list, new members are not written over them.
 */
import { addStaffSheet, memberRows, roundTrip, SOURCE, unitWorkbook, fieldCol } from './messySheets';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { SHEETS } from '../../src/sheets/names';
import { columnLetter } from '../../src/workbook/a1';

const NOW = new Date(2025, 11, 20);

async function listWithSignatures() {
  const wb = await unitWorkbook();
  const ws = addStaffSheet(wb.workbook);
  ws.getCell('B21').value = 'Người lập biểu';
  ws.getCell('K21').value = 'HIỆU TRƯỞNG';
  ws.getCell('B24').value = 'Lê Văn Tám';
  ws.getCell('C24').value = 'Lê Văn Tám';
  ws.getCell('K24').value = 'Nguyễn Văn An';
  return roundTrip(wb);
}

it('imports the members above the signatures, none of the signers', async () => {
  const p = await previewImport(await listWithSignatures(), { sheet: SOURCE }, { now: NOW });
  expect(p.ok).toBe(true);
  expect(p.rows.map((r) => r.row)).toEqual([9, 10, 12, 13, 14, 17]);
  expect(p.skipped.at(-1)).toEqual({ row: 21, reason: 'footer', text: 'Người lập biểu' });
  expect(p.issues.filter((i) => i.cell.endsWith('24'))).toEqual([]);
});

it('does not write new members over the signatures under the members list', async () => {
  const wb = await listWithSignatures();
  const ws = wb.workbook.getWorksheet(SHEETS.members)!;
  // An empty members list (header on row 4) with its signatures two rows under the header.
  const nameCol = columnLetter(fieldCol('name'));
  ws.getCell(`${nameCol}6`).value = 'Người lập biểu';
  ws.getCell(`${nameCol}9`).value = 'Trần Văn Bình';
  const before = await roundTrip(wb);
  const p = await previewImport(before, { sheet: SOURCE }, { now: NOW });
  expect(p.ok).toBe(false);
  expect(p.blocking.map((b) => [b.code, b.sheet, b.cell])).toEqual([['import.block.footerInTheWay', SHEETS.members, `${nameCol}6`]]);
  expect(p.blocking[0]!.message).toMatch(/chèn thêm 5 dòng trống/);
  const applied = await applyImport(before, { sheet: SOURCE }, { now: NOW });
  expect(applied.ok).toBe(false);
  expect(memberRows(before.workbook).map((r) => r['Họ và tên'])).toEqual(['Người lập biểu', 'Trần Văn Bình']);
});
