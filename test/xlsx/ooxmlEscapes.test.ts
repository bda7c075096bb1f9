/**
 * Characters XML cannot carry are stored as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 * Excel writes the hex in capitals; other writers do not always, and LibreOffice and openpyxl
 * read either case, so the reader does too. A literal "_x…_" keeps its own escape (_x005F_).
 */
import { decodeOoxmlEscapes } from '../../src/xlsx/xml';
import { ooxmlEscape } from '../../src/workbook/xlsx/write/xmlText';

test('decodes the hex of an escape in either case', () => {
  expect(decodeOoxmlEscapes('a_x000D_b_x000d_c_x005f_')).toBe('a\rb\rc_');
});

test('a literal escape in either case, written by the add-in, reads back as typed', () => {
  for (const text of ['_x000D_', '_x000d_', 'x_x004a_y']) expect(decodeOoxmlEscapes(ooxmlEscape(text))).toBe(text);
});

test('what is not an escape stays', () => {
  expect(decodeOoxmlEscapes('_x00G0_ _x12_ x000D_ _X000D_')).toBe('_x00G0_ _x12_ x000D_ _X000D_');
});
