/**
 * Each member's name travels from a reading thread as a hash (UnitRecord.memberNames): two files of one unit
 * name whose lists share most names are one unit sent again. The hash takes the name as import compares it,
 * so a list retyped on another machine (decomposed Unicode, capitals, doubled spaces, “Hoà” for “Hòa”) is
 * the same list.
 */
import type * as ExcelJS from 'exceljs';
import { readUnitFile } from '../../src/usecases/consolidate';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang: 'vi' as const };
const NAME_COL = MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1;
const NAMES = ['Nguyễn Văn Hòa', 'Trần Thị Thủy', 'Lê Minh Khoa', 'Phạm Thị Thúy', 'Đỗ Quang Huy', 'Vũ Thị Hoa'];

/** The member names set to `names(i)` (the list's rows from the top). */
const named = (names: (i: number) => string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.members)!;
  NAMES.forEach((_, i) => (ws.getCell(5 + i, NAME_COL).value = names(i)));
};

const hashesOf = async (names: (i: number) => string) => {
  const bytes = await unitWorkbook({ name: 'Trường THCS Lê Lợi', type: 'Trường THCS', members: NAMES.length, seed: 3, edit: named(names) });
  return (await readUnitFile(bytes, 'le-loi.xlsx', READ)).unit!.memberNames;
};

/** “Hòa” → “Hoà”, “Thủy” → “Thuỷ”: the tone on the other vowel, as older keyboards place it. */
const oldTones = (s: string) => s.replace('òa', 'oà').replace('ủy', 'uỷ').replace('úy', 'uý');

test('a list retyped in another form, case, spacing or tone placement gives the same name hashes', async () => {
  const typed = await hashesOf((i) => NAMES[i]!);
  expect(typed).toHaveLength(NAMES.length);
  const retyped = await hashesOf((i) => `  ${oldTones(NAMES[i]!).toUpperCase().replace(' ', '  ')}`.normalize('NFD'));
  expect(retyped).toEqual(typed);
});

test('other names give other hashes (diacritics are part of a name: Hoa is not Hòa)', async () => {
  const typed = await hashesOf((i) => NAMES[i]!);
  const plain = await hashesOf((i) => NAMES[i]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('Đ', 'D'));
  expect(plain.filter((h) => typed.includes(h))).toEqual([]);
});
