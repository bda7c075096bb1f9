/**
 * The printed table's “Ghi chú (tóm tắt)” is drawn from the remarks whole (“Ghi chú”, unprinted),
 * which the officer edits: a remark settled and deleted, one of the officer's own typed in. It was
 * text written once, and kept printing the remark the officer had deleted. It is now a formula on
 * “Ghi chú”: recalculated (here by LibreOffice, after the officer's edits saved by another program),
 * it shows the first remark left and counts the others; its cached text is what the formula gives.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convert } from '../support/libreoffice';
import { shortRemarkCell, shortRemarkText } from '../../src/usecases/consolidate/shortRemark';
import { columnLetter } from '../../src/workbook/a1';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(300_000);

const UNITS = 'Tổng hợp đơn vị';
const SHORT = 'Ghi chú (tóm tắt)';
const WHOLE = 'Ghi chú';

/**
 * With openpyxl (which keeps no formula's cached result, so LibreOffice computes them all on opening):
 * `edits` typed into “Ghi chú” by row, and each of `more` in a row of its own below the table with the
 * first unit's “Ghi chú (tóm tắt)” formula filled down to it. Prints the rows' short remarks as JSON.
 */
const EDIT = String.raw`
import json, sys, io, openpyxl
from openpyxl.formula.translate import Translator
spec = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb[spec['sheet']]
head = [c.value for c in ws[5]]
short, whole = head.index(spec['short']) + 1, head.index(spec['whole']) + 1
for row, text in spec['edits'].items():
    ws.cell(int(row), whole).value = text
origin = ws.cell(6, short)
for i, text in enumerate(spec['more']):
    r = 200 + i
    ws.cell(r, whole).value = text
    ws.cell(r, short).value = Translator(origin.value, origin=origin.coordinate).translate_formula(ws.cell(r, short).coordinate)
for row, [text, formula] in spec['english'].items():
    ws.cell(int(row), whole).value = text
    ws.cell(int(row), short).value = formula
wb.save(sys.argv[3])
`;
const READ = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
ws = openpyxl.load_workbook(sys.argv[2], data_only=True)[spec['sheet']]
head = [c.value for c in ws[5]]
short = head.index(spec['short']) + 1
print(json.dumps({str(r): ws.cell(r, short).value for r in spec['rows']}))
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-short-remark-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the printed short remark follows the officer’s edits of “Ghi chú”, as recalculated', async () => {
  const files = [
    // Several remarks: a disagreement, the member list's unclear cell, the data warnings.
    { label: 'ho-so/truong-a.xlsx', bytes: await unitWorkbook({ name: 'Trường TH A', type: 'Trường tiểu học', members: 20, seed: 3, prepare: edits.member(0, 'discipline', 'hmm'), edit: edits.indicatorResult('2.2', 'Không đạt') }) },
    // None.
    { label: 'ho-so/truong-b.xlsx', bytes: await unitWorkbook({ name: 'Trường TH B', type: 'Trường tiểu học', members: 20, seed: 4 }) },
  ];
  const { result, workbook } = await consolidatedInProcess(files, new Date(2026, 0, 10), true);
  const a = result.units.find((u) => u.file === 'ho-so/truong-a.xlsx')!;
  expect(a.record.flags.length).toBeGreaterThanOrEqual(2);
  const file = path.join(dir, 'tong-hop.xlsx');
  fs.writeFileSync(file, await workbook.toBytes());

  // As drawn: the short remark is a formula on “Ghi chú”, its cached text the first remark cut short.
  const read = await workbook.batch((s) => s.read([UNITS], { formulas: [UNITS] }));
  const sheet = read.sheets.get(UNITS)!;
  const col = (name: string) => sheet.rows[4]!.indexOf(name);
  const rowA = 6 + result.units.indexOf(a);
  const rowB = rowA === 6 ? 7 : 6;
  const cell = (row: number, name: string) => `${columnLetter(col(name) + 1)}${row}`;
  expect(sheet.formulas!.has(cell(rowA, SHORT))).toBe(true);
  expect(sheet.formulas!.has(cell(rowB, SHORT))).toBe(true);
  const whole = String(sheet.rows[rowA - 1]![col(WHOLE)]);
  const fileNo = result.files.findIndex((f) => f.file === a.file) + 1;
  const where = { fileNo, filesSheet: 'Báo cáo tệp', lang: 'vi' as const };
  expect(sheet.rows[rowA - 1]![col(SHORT)]).toBe(shortRemarkText(whole, where));
  expect(sheet.rows[rowA - 1]![col(SHORT)]).toContain(`(+${a.record.flags.length - 1} ghi chú, xem trang “Báo cáo tệp”, STT ${fileNo})`);

  // The officer settles the first remark (deletes its line) and types one of their own for the other unit.
  const lines = whole.split('\n');
  const kept = lines.slice(1).join('\n');
  const typed = '• Đã gọi điện cho đơn vị ngày 12/01/2026, đơn vị gửi bổ sung danh sách thành viên.';
  // Remarks of every shape the rule meets, in rows of their own, checked against the cached text's rule.
  const more = [
    '• Ngắn.',
    `• ${'x'.repeat(50)}`,
    `• ${'x'.repeat(51)}`,
    `• Tệp “ho-so/truong-a.xlsx”: ${'Một nhận xét dài có nhiều chữ để cắt ở một khoảng trắng trước chữ thứ năm mươi.'}`,
    '• Tệp “ho-so/một-đường-dẫn-rất-dài-không-có-khoảng-trắng-nào.xlsx”, ô B5: tệp tự ghi tên mình.',
    'Ghi chú của cán bộ, không có dấu đầu dòng, dài hơn năm mươi ký tự một chút nhé.\n• Dòng hai.\n• Dòng ba.',
    '• Tệp “không đóng ngoặc: dòng một\n• dòng hai ”: có ngoặc',
    '\n• Dòng đầu bị xoá.',
    `• ${'a'.repeat(30)} ${'b'.repeat(40)}`,
  ];
  // A table consolidated in English: its own words, one remark and more counted with their plural.
  const english = [
    '• File “ho-so/truong-a.xlsx”: Indicator 2.2: self-assessed Not met but the data give 100.0% ≥ 90%.\n• Another remark.',
    '• Short.\n• Two.\n• Three.',
  ];
  const englishRows = english.map((_, i) => 300 + i);
  const englishWhere = { fileNo: 7, filesSheet: 'Báo cáo tệp', lang: 'en' as const };
  const englishCells = Object.fromEntries(english.map((text, i) => [englishRows[i], [text, shortRemarkCell(`${columnLetter(col(WHOLE) + 1)}${englishRows[i]}`, text, englishWhere).formula]]));
  const edited = path.join(dir, 'sua.xlsx');
  const spec = { sheet: UNITS, short: SHORT, whole: WHOLE, edits: { [rowA]: kept, [rowB]: typed }, more, english: englishCells };
  execFileSync('/usr/bin/python3', ['-c', EDIT, JSON.stringify(spec), file, edited]);
  const recalculated = await convert(edited, 'xlsx', path.join(dir, 'lo'));
  const rows = [rowA, rowB, ...more.map((_, i) => 200 + i), ...englishRows];
  const shown = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, JSON.stringify({ sheet: UNITS, short: SHORT, rows }), recalculated]).toString()) as Record<string, string | null>;

  // The deleted remark no longer prints; the first one left does, and the count is of those left.
  const firstLeft = kept.split('\n')[0]!.replace(/^• (Tệp “ho-so\/truong-a\.xlsx”: )?/, '');
  expect(shown[rowA]).toContain(firstLeft.slice(0, 20));
  expect(shown[rowA]).not.toContain(lines[0]!.replace(/^• (Tệp “ho-so\/truong-a\.xlsx”: )?/, '').slice(0, 20));
  expect(shown[rowA]).toContain(lines.length > 2 ? `(+${lines.length - 2} ghi chú` : '');
  // The officer's own remark prints on the unit that had none, cut at a word.
  const b = result.units.find((u) => u !== a)!;
  const fileNoB = result.files.findIndex((f) => f.file === b.file) + 1;
  expect(shown[rowB]).toBe(`Đã gọi điện cho đơn vị ngày 12/01/2026, đơn vị gửi… (xem đủ ở trang “Báo cáo tệp”, STT ${fileNoB})`);
  // LibreOffice's recalculation and the cached text agree on every shape.
  const expected = Object.fromEntries(rows.map((r, i) => [String(r), i === 0 ? kept : i === 1 ? typed : more[i - 2]!]));
  const fileNoOf = (r: number) => (r === rowB ? fileNoB : fileNo);
  for (const r of rows.filter((r) => r < 300)) expect({ r, shown: shown[r] ?? '' }).toEqual({ r, shown: shortRemarkText(expected[r]!, { ...where, fileNo: fileNoOf(r) }) });
  expect(englishRows.map((r) => shown[r])).toEqual(english.map((text) => shortRemarkText(text, englishWhere)));
  expect(englishRows.map((r) => shown[r])).toEqual([
    'Indicator 2.2: self-assessed Not met but the data… (+1 remark, see sheet “Báo cáo tệp”, No. 7)',
    'Short. (+2 remarks, see sheet “Báo cáo tệp”, No. 7)',
  ]);
});
