/**
 * `dvht new-year` on a unit's year done through dvht (import of its staff list, evaluation,
 * documents): next year's file keeps the members (counted again), the import mapping, the
 * rule set, the templates and the recognition history, clears the year's answers and
 * results, evaluates once filled in; this year's file stays byte for byte.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS, type UnitWorkbook } from '../../src/sheets/unitWorkbook';
import { DOCUMENT_SHEETS } from '../../src/documents/names';
import { IMPORT_SETTINGS_SHEET } from '../../src/usecases/import/savedMapping';
import { readText, type CellValue } from '../../src/domain/values';
import { addStaffSheet, SOURCE, unitWorkbook } from '../import/messySheets';

jest.setTimeout(180_000);

let dir: string;
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const io = (): Io & { text: () => string } => {
  const lines: string[] = [];
  return { out: (s) => lines.push(s), err: (s) => lines.push(s), text: () => lines.join('\n') };
};

async function read(file: string, extra: string[] = []) {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  const snap = await wb.batch((s) => s.read([...UNIT_WORKBOOK_SHEETS, ...extra]));
  const parsed = parseUnitWorkbook(snap);
  if (!parsed.ok) throw new Error('not a unit workbook');
  return { wb: parsed.workbook, snap };
}

const unitValue = (wb: UnitWorkbook, label: string): CellValue => wb.unit.fields.find((f) => f.label === label)?.value ?? null;
const resultValues = (wb: UnitWorkbook) => Object.values(wb.unit.resultRows).map((r) => wb.sheets.unit!.rows[r - 1]?.[1] ?? null);
const column = (wb: UnitWorkbook, header: string) => {
  const i = wb.members.table.columns.findIndex((c) => c.header === header);
  return wb.members.table.rows.map((r) => r.cells[i] ?? null);
};
const blank = (v: CellValue | undefined) => v === null || v === undefined || readText(v) === '';

let source: string;
let next: string;
let before: string;
let output: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-new-year-'));
  const staff = path.join(dir, 'ds-can-bo.xlsx');
  const list = ExcelJsWorkbook.create('ds-can-bo.xlsx');
  addStaffSheet(list.workbook);
  fs.writeFileSync(staff, await list.toBuffer());
  source = path.join(dir, 'truong-2025.xlsx');
  fs.writeFileSync(source, await (await unitWorkbook()).toBuffer());
  // Recognised at level 1 on 05/02/2024: the history next year's 12/36-month rules need.
  const wb = await XlsxWorkbook.open(fs.readFileSync(source), 'truong-2025.xlsx', NODE_XLSX);
  const { wb: parsed } = await read(source);
  const rowOf = (label: string) => parsed.unit.fields.find((f) => f.label === label)!.at.row;
  await wb.batch(async (s) => {
    s.write({ sheet: SHEETS.unit, mode: 'existing', cells: [{ at: `B${rowOf(UNIT_FIELDS.previousDate)}`, rows: [[new Date(2024, 1, 5)]] }, { at: `B${rowOf(UNIT_FIELDS.previousLevel)}`, rows: [['Mức độ 1']] }] });
  });
  fs.writeFileSync(source, await wb.toBytes());
  for (const argv of [['import', staff, '--sheet', SOURCE, '--into', source], ['evaluate', source], ['documents', source]]) {
    const out = io();
    const code = await run(argv, out);
    if (code !== 0) throw new Error(`${argv[0]}: ${out.text()}`);
  }
  before = sha(source);
  next = path.join(dir, 'truong-2026.xlsx');
  const out = io();
  expect(await run(['new-year', source, '-o', next], out)).toBe(0);
  output = out.text();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('leaves this year\'s file byte for byte and says what it kept and cleared', () => {
  expect(sha(source)).toBe(before);
  expect(output).toMatch(/Đã tạo “.*truong-2026\.xlsx” cho .*, năm 2026: giữ 6 thành viên/);
});

it('keeps the unit, the members and the recognition history; the year moves on; the results are gone', async () => {
  const old = (await read(source)).wb;
  const { wb } = await read(next);
  expect(readText(unitValue(wb, UNIT_FIELDS.name))).toBe(readText(unitValue(old, UNIT_FIELDS.name)));
  expect(unitValue(wb, UNIT_FIELDS.year)).toBe(2026);
  expect(unitValue(wb, UNIT_FIELDS.previousDate)).toEqual(unitValue(old, UNIT_FIELDS.previousDate));
  expect(unitValue(wb, UNIT_FIELDS.previousLevel)).toBe('Mức độ 1');
  expect(resultValues(old).some((v) => !blank(v))).toBe(true);
  expect(resultValues(wb).every(blank)).toBe(true);

  expect(column(wb, 'Họ và tên')).toEqual(column(old, 'Họ và tên'));
  expect(column(wb, 'Chức vụ / vị trí việc làm')).toEqual(column(old, 'Chức vụ / vị trí việc làm'));
  // Everyone counts again but who left (the row hidden in the imported list: not counted, the import's mark
  // kept); this year's achievements and the add-in's per-member results are cleared.
  const counted = column(wb, 'Tính vào tổng số');
  const notes = column(wb, 'Ghi chú');
  const gone = counted.flatMap((v, i) => (blank(v) ? [] : [{ counted: v, note: notes[i] }]));
  expect(gone).toEqual([{ counted: 'Không', note: expect.stringMatching(/^Dòng ẩn ở danh sách nhập “.+” \(dòng 14\)$/) }]);
  const filled = old.members.table.columns.map((c) => c.header).filter((h) => column(old, h).some((v) => !blank(v)));
  // Who the member is stays (the import's ID and the list's date of birth too); what they did this year goes.
  const yearly = filled.filter((h) => !['STT', 'Họ và tên', 'Chức vụ / vị trí việc làm', 'Tổ / bộ phận', 'Ghi chú', 'Mã định danh', 'Năm sinh', 'Tính vào tổng số'].includes(h));
  expect(column(wb, 'Mã định danh')).toEqual(column(old, 'Mã định danh'));
  expect(column(wb, 'Năm sinh')).toEqual(column(old, 'Năm sinh'));
  expect(column(old, 'Năm sinh').some((v) => !blank(v))).toBe(true);
  expect(yearly).toEqual(expect.arrayContaining(['Danh hiệu thi đua']));
  for (const h of yearly) expect({ h, after: column(wb, h).every(blank) }).toEqual({ h, after: true });
  const results = Object.values(wb.members.resultColumns);
  expect(results.length).toBeGreaterThan(0);
  for (const c of results) for (const r of wb.members.table.rows) expect(blank(wb.sheets.members!.rows[r.row - 1]?.[c - 1])).toBe(true);
});

it('keeps the rule set exactly, and clears the unit\'s answers, evidence and the figures K–P', async () => {
  const old = (await read(source)).wb;
  const { wb } = await read(next);
  expect(wb.criteria.ruleSet).toEqual(old.criteria.ruleSet);
  const rows = wb.sheets.criteria!.rows;
  for (const r of wb.criteria.rows) {
    const from = r.indicator ? COL.answer : COL.applicable;
    for (let c = from; c <= COL.earned; c++) expect({ code: r.code, c, blank: blank(rows[r.row - 1]?.[c - 1]) }).toEqual({ code: r.code, c, blank: true });
  }
  const oldFigures = old.criteria.rows.flatMap((r) => [COL.value, COL.result].map((c) => old.sheets.criteria!.rows[r.row - 1]?.[c - 1]));
  expect(oldFigures.some((v) => !blank(v))).toBe(true);
});

it('keeps the import mapping and the templates (but this year\'s sign date) as they were', async () => {
  const old = (await read(source, [IMPORT_SETTINGS_SHEET, DOCUMENT_SHEETS.templates])).snap;
  const now = (await read(next, [IMPORT_SETTINGS_SHEET, DOCUMENT_SHEETS.templates])).snap;
  expect(old.sheets.get(IMPORT_SETTINGS_SHEET)).toBeDefined();
  expect(now.sheets.get(IMPORT_SETTINGS_SHEET)!.rows).toEqual(old.sheets.get(IMPORT_SETTINGS_SHEET)!.rows);
  const texts = (s: typeof old) => s.sheets.get(DOCUMENT_SHEETS.templates)!.rows.filter((r) => r[0] !== 'chung.ngay_ky');
  expect(texts(now)).toEqual(texts(old));
});

it('last year\'s summary sheet no longer shows last year\'s result', async () => {
  const { snap } = await read(next, [SHEETS.summary]);
  expect(snap.sheets.get(SHEETS.summary)!.rows.flat().filter((v) => !blank(v))).toEqual(['Sổ năm 2026: chưa đánh giá. Bấm “Đánh giá” để ghi bản tổng hợp của năm 2026.']);
});

it('says which document sheets still hold last year\'s texts and how to draw them again', async () => {
  // The imported list falls short: its dossier has no tờ trình (a self-evaluation dossier).
  const { snap } = await read(next, [DOCUMENT_SHEETS.bienBan, DOCUMENT_SHEETS.baoCao]);
  // Kept (the unit's edits in them are kept when they are drawn again), but said plainly.
  expect(snap.sheetNames).toEqual(expect.arrayContaining([DOCUMENT_SHEETS.bienBan, DOCUMENT_SHEETS.baoCao]));
  expect(output).toMatch(new RegExp(`“${DOCUMENT_SHEETS.bienBan}”.*năm 2025`));
  expect(output).toContain(`“${DOCUMENT_SHEETS.baoCao}”`);
  expect(output).toContain('dvht documents');
});

it('is a workbook the unit fills in and evaluates for the new year', async () => {
  const out = io();
  expect(await run(['evaluate', next], out)).toBe(0);
  // Nothing answered yet: the evaluation says so cell by cell rather than passing silently.
  expect(out.text()).toMatch(/Chưa đủ điều kiện công nhận/);
  expect(out.text()).toContain("'Tiêu chí'!I18: chỉ tiêu 1.1 chưa có tự đánh giá");
  // The members' answers were cleared by the new year, not missing from an imported list: the message says both.
  const blankColumn = out.text().split('\n').find((l) => l.includes('“Chấp hành kỷ luật lao động” còn trống'));
  expect(blankColumn).toMatch(/sang năm mới/);
});

it('refuses to write next year over this year\'s file', async () => {
  const out = io();
  expect(await run(['new-year', source, '-o', source], out)).toBe(2);
  expect(out.text()).toMatch(/phải là tệp khác/);
  expect(sha(source)).toBe(before);
});

it('a workbook with no members yet: says plainly that no member column was cleared', async () => {
  const empty = path.join(dir, 'chua-co-thanh-vien.xlsx');
  expect(await run(['init', '-o', empty, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--year', '2025'], io())).toBe(0);
  const out = io();
  expect(await run(['new-year', empty, '-o', path.join(dir, 'chua-co-thanh-vien-2026.xlsx')], out)).toBe(0);
  expect(out.text()).not.toContain('()');
  expect(out.text()).toMatch(/đã xóa kết quả và số liệu của năm trước\. /);
});
