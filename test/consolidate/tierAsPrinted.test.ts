/**
 * The body's tier typed without diacritics or as the body's word (“cap xa”, “UBND xã”) is printed
 * as the tier's name (“cấp xã”) in the table's heading and its result, as the officer's documents print it.
 */
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { openXlsx } from '../../src/xlsx';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { consolidatedInProcess, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

it.each([
  ['cap xa', 'cấp xã'],
  ['  Cấp  xã ', 'cấp xã'],
  ['UBND tỉnh', 'cấp tỉnh'],
  ['cấp trung ương', 'cấp trung ương'],
])('the tier typed %j is printed %j', async (typed, printed) => {
  const files = [{ label: 'ho-so/a.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS số 1', type: 'Trường THCS', members: 10, seed: 1 }) }];
  const { result, workbook } = await consolidatedInProcess(files, new Date(2025, 11, 28), false, null, typed);
  expect(result.tier).toBe(printed);
  const file = await openXlsx(await workbook.toBytes(), READ);
  const rows = (await file.read([CONSOLIDATION_SHEETS.units])).sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
  expect(rows[1]![2]).toBe(`Đơn vị tổng hợp: UBND xã Hòa Bình (${printed}) — năm đánh giá 2025`);
});
