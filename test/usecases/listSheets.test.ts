/**
 * The sheets a user may pick to import from are the ones the CLI's import offers
 * (cli/sourceSheet.ts): the visible ones first, then those the user hid (Excel's Unhide shows
 * them); a very hidden one (only a macro or the VBA editor shows it: settings, lookup lists) never.
 */
import { listSheets } from '../../src/usecases/listSheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { hideSheetsWithOpenpyxl, type HiddenSheets } from '../support/hideSheets';
import { SHEETS } from '../../src/sheets/names';

/** A file of these sheets in this order, each with a cell, hidden as asked by another producer. */
async function fileWith(sheets: string[], hidden: HiddenSheets): Promise<XlsxWorkbook> {
  const setup = await XlsxWorkbook.create('nguon.xlsx', NODE_XLSX);
  await setup.batch(async (s) => {
    for (const sheet of sheets) s.write({ sheet, mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }] });
  });
  return XlsxWorkbook.open(hideSheetsWithOpenpyxl(await setup.toBytes(), hidden), 'nguon.xlsx', NODE_XLSX);
}

it('lists the visible sheets first, then the hidden ones, marked so; never a very hidden one', async () => {
  const wb = await fileWith(['DS cũ', 'Cấu hình', 'DS', 'Hợp đồng'], { 'DS cũ': 'hidden', 'Cấu hình': 'veryHidden' });
  expect(await listSheets(wb)).toEqual([
    { name: 'DS', state: 'visible' },
    { name: 'Hợp đồng', state: 'visible' },
    { name: 'DS cũ', state: 'hidden' },
  ]);
});

it("usersOnly: the add-in's sheets are left out, the user's hidden as above", async () => {
  const wb = await fileWith([SHEETS.unit, 'Danh mục ẩn', 'DS'], { 'Danh mục ẩn': 'veryHidden' });
  expect(await listSheets(wb, { usersOnly: true })).toEqual([{ name: 'DS', state: 'visible' }]);
});
