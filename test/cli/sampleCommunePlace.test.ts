/**
 * `dvht init --sample --type ubnd-xa --unit "UBND xã Hùng Tiến"`: the sample's made-up commune is
 * Hòa Bình, and its “Địa danh” stayed so under the name typed: every document of UBND xã Hùng Tiến
 * was dated “Hòa Bình, ngày …”. A committee's name says where it is; the sample's place follows it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-place-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function place(unit: string, type: string): Promise<unknown> {
  const file = path.join(dir, `${type}-${Math.random().toString(36).slice(2)}.xlsx`);
  const io = captureText();
  expect({ code: await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', unit, '--type', type, '--year', '2025', '--sample'], io), err: io.stderr }).toEqual({ code: 0, err: '' });
  const ws = (await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), 'x')).workbook.getWorksheet(SHEETS.unit)!;
  let value: unknown;
  ws.eachRow((row) => {
    if (row.getCell(1).value === UNIT_FIELDS.place) value = row.getCell(2).value;
  });
  return value;
}

it.each([
  ['UBND xã Hùng Tiến', 'Hùng Tiến'],
  ['Ủy ban nhân dân phường Ba Đình', 'Ba Đình'],
])('a commune’s sample named %p is at %p', async (unit, expected) => {
  expect(await place(unit, 'ubnd-xa')).toBe(expected);
});

it('a school keeps the sample’s commune (its name says no place)', async () => {
  expect(await place('Trường THCS Nguyễn Du', 'thcs')).toBe('Hòa Bình');
});
