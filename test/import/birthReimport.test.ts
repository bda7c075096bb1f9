/**
 * The date of birth column on re-import: the saved mapping remembers it (and a choice to leave it
 * out), a re-import updates it and lists each change as dates, a list without it leaves the
 * members sheet's as it is, and a workbook counting from 1904 reads its own dates as they are.
 */
import { unitWorkbook, memberRows, roundTrip } from './messySheets';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { IMPORT_SETTINGS_SHEET } from '../../src/usecases/import/savedMapping';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { dateToSerial } from '../../src/workbook/plan';
import type { CellValue } from '../../src/domain/values';
import type { SourceData } from '../../src/usecases/import/importMembers';
import { evaluateWorkbook } from '../../src/usecases/evaluate';

const NOW = new Date(2025, 11, 20);
const serial = (y: number, m: number, d: number, date1904 = false) => dateToSerial(new Date(y, m - 1, d), date1904);

/** A school's list as another file hands it: STT, name, date of birth (when `birth`), one answer column. */
function list(people: [string, CellValue][], { birth = 'Ngày sinh', date1904 = false }: { birth?: string | null; date1904?: boolean } = {}): SourceData {
  const header = ['STT', 'Họ và tên', ...(birth ? [birth] : []), 'Tham gia CĐS'];
  const rows = people.map(([name, born], i) => [i + 1, name, ...(birth ? [born] : []), 'x']);
  return { name: 'DS', rows: [['DANH SÁCH CÁN BỘ, GIÁO VIÊN'], header, ...rows], date1904 };
}

const LAN_1980 = serial(1980, 3, 12);
const BINH = serial(1979, 1, 31);
const LAN_1992 = serial(1992, 7, 5);
const FIRST: [string, CellValue][] = [
  ['Nguyễn Thị Lan', LAN_1980],
  ['Trần Văn Bình', BINH],
  ['Nguyễn Thị Lan', LAN_1992],
];

async function imported(date1904 = false): Promise<ExcelJsWorkbook> {
  const wb = await unitWorkbook();
  if (date1904) wb.workbook.properties.date1904 = true;
  const again = await roundTrip(wb);
  expect((await applyImport(again, { sheet: 'DS', data: list(FIRST) }, { now: NOW })).applied).toBe(true);
  return roundTrip(again);
}

/** The members sheet's birth column: [name, value, number format], read by ExcelJS. */
function births(wb: ExcelJsWorkbook, header = 'Ngày sinh'): [unknown, unknown, string | undefined][] {
  const ws = wb.workbook.getWorksheet(SHEETS.members)!;
  let col = 0;
  ws.getRow(MEMBER_HEADER_ROW).eachCell((c, at) => (col = c.value === header ? at : col));
  expect(col).toBeGreaterThan(0);
  return memberRows(wb.workbook).map((r) => [r['Họ và tên'], r[header], ws.getCell(r.row as number, col).numFmt]);
}

describe('the date of birth column on re-import', () => {
  it('is remembered by the saved mapping; a re-import updates it, each change listed as dates', async () => {
    const wb = await imported();
    const settings = wb.workbook.getWorksheet(IMPORT_SETTINGS_SHEET)!;
    const saved: string[] = [];
    settings.eachRow((row) => saved.push(`${String(row.getCell(1).value)} → ${String(row.getCell(2).value)}`));
    expect(saved).toContain('Ngày sinh → Ngày sinh');

    // Next year Bình's date is corrected.
    const next = list([
      ['Nguyễn Thị Lan', LAN_1980],
      ['Trần Văn Bình', serial(1979, 1, 13)],
      ['Nguyễn Thị Lan', LAN_1992],
    ]);
    const p = await previewImport(wb, { sheet: 'DS', data: next }, { now: NOW });
    expect(p.mappingSource).toBe('saved');
    expect(p.columns.map((c) => [c.header, c.target, c.origin])).toContainEqual(['Ngày sinh', 'birthDate', 'saved']);
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`)])).toEqual([['Trần Văn Bình', ['Ngày sinh: 31/01/1979 → 13/01/1979']]]);
    expect(p.diff.unchanged.map((e) => e.name)).toEqual(['Nguyễn Thị Lan', 'Nguyễn Thị Lan']);
    await applyImport(wb, { sheet: 'DS', data: next }, { now: NOW });
    const after = await roundTrip(wb);
    const bình = (await after.batch((s) => s.read([SHEETS.members]))).sheets.get(SHEETS.members)!.rows.find((r) => r.includes('Trần Văn Bình'))!;
    expect(bình).toContain(serial(1979, 1, 13));
  });

  it('remembers a choice to leave the column out', async () => {
    const wb = await unitWorkbook();
    const first = await applyImport(wb, { sheet: 'DS', data: list(FIRST) }, { now: NOW, choice: { 3: null } });
    expect(first.columns.find((c) => c.header === 'Ngày sinh')!.target).toBeNull();
    const again = await roundTrip(wb);
    expect(memberRows(again.workbook)[0]).not.toHaveProperty('Ngày sinh');
    const p = await previewImport(again, { sheet: 'DS', data: list(FIRST) }, { now: NOW });
    expect(p.columns.find((c) => c.header === 'Ngày sinh')).toMatchObject({ target: null, origin: 'saved' });
  });

  it('a mapping saved before the date of birth was carried over (no version row) proposes it afresh', async () => {
    const wb = await imported();
    const settings = wb.workbook.getWorksheet(IMPORT_SETTINGS_SHEET)!;
    // What an earlier version wrote: no version row, the birth column left out since it had nowhere to go.
    settings.eachRow((row) => {
      if (row.getCell(1).value === 'Phiên bản cấu hình') row.values = [];
      if (row.getCell(1).value === 'Ngày sinh') row.getCell(2).value = '(không nhập)';
    });
    const legacy = await roundTrip(wb);
    const p = await previewImport(legacy, { sheet: 'DS', data: list(FIRST) }, { now: NOW });
    expect(p.columns.find((c) => c.header === 'Ngày sinh')).toMatchObject({ target: 'birthDate', origin: 'auto' });
    // The other columns still follow the saved mapping.
    expect(p.columns.find((c) => c.header === 'Họ và tên')).toMatchObject({ target: 'name', origin: 'saved' });
  });

  it('a list without the column leaves the members sheet’s dates as they are', async () => {
    const wb = await imported();
    const before = births(wb);
    const without = list(FIRST, { birth: null });
    const p = await previewImport(wb, { sheet: 'DS', data: without }, { now: NOW });
    expect(p.columns.map((c) => c.target)).not.toContain('birthDate');
    expect([p.diff.added.length, p.diff.updated.length, p.diff.unchanged.length, p.diff.kept.length]).toEqual([0, 0, 3, 0]);
    await applyImport(wb, { sheet: 'DS', data: without }, { now: NOW });
    expect(births(await roundTrip(wb))).toEqual(before);
  });

  it('keeps a date, a year and a text as the list has them, a year shown as a number where a date stood', async () => {
    const wb = await imported();
    expect(births(wb).map(([name, , format]) => [name, format])).toEqual([
      ['Nguyễn Thị Lan', 'dd/mm/yyyy'],
      ['Trần Văn Bình', 'dd/mm/yyyy'],
      ['Nguyễn Thị Lan', 'dd/mm/yyyy'],
    ]);
    const next = list([
      ['Nguyễn Thị Lan', LAN_1980],
      ['Trần Văn Bình', 1979],
      ['Nguyễn Thị Lan', '5/7/1992'],
    ]);
    const p = await previewImport(wb, { sheet: 'DS', data: next }, { now: NOW });
    expect(p.issues).toEqual([]);
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => `${c.before} → ${c.after}`)])).toEqual([
      ['Trần Văn Bình', ['31/01/1979 → 1979']],
      ['Nguyễn Thị Lan', ['05/07/1992 → 5/7/1992']],
    ]);
    await applyImport(wb, { sheet: 'DS', data: next }, { now: NOW });
    const after = births(await roundTrip(wb));
    // The cell held a date: the year is shown as 1979, not as a day of 1905 (ExcelJS reads General as no format).
    expect(after[1]![1]).toBe(1979);
    expect(after[1]![2] ?? 'General').toBe('General');
    expect(after[2]![1]).toBe('5/7/1992');
  });

  it('a workbook counting from 1904 holds the dates as the same days, and a re-import finds them unchanged', async () => {
    const wb = await imported(true);
    const rows = (await wb.batch((s) => s.read([SHEETS.members]))).sheets.get(SHEETS.members)!.rows;
    expect(rows.find((r) => r.includes('Trần Văn Bình'))).toContain(serial(1979, 1, 31, true));
    // The next list comes from a 1904 file too: its serials are its own system's.
    const next = list(FIRST.map(([name, born]) => [name, typeof born === 'number' ? born - 1462 : born]), { date1904: true });
    const p = await previewImport(wb, { sheet: 'DS', data: next }, { now: NOW });
    expect([p.diff.updated.length, p.diff.unchanged.length]).toEqual([0, 3]);
  });
});

describe('a date of birth split by sex, “Năm sinh” over “Nam” | “Nữ”', () => {
  /** The usual layout of a staff list: each member's year in the column of their sex. */
  const split: SourceData = {
    name: 'DS',
    rows: [
      ['DANH SÁCH CÁN BỘ, GIÁO VIÊN'],
      ['STT', 'Họ và tên', 'Năm sinh', null, 'Tham gia CĐS'],
      [null, null, 'Nam', 'Nữ', null],
      [1, 'Nguyễn Văn An', 1975, null, 'x'],
      [2, 'Nguyễn Thị Lan', null, 1980, 'x'],
      [3, 'Nguyễn Thị Lan', null, LAN_1992, 'x'],
    ],
    merges: ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3'],
  };

  it('carries both columns into one, and the two Lan are told apart', async () => {
    const wb = await unitWorkbook();
    const p = await previewImport(wb, { sheet: 'DS', data: split }, { now: NOW });
    expect(p.blocking).toEqual([]);
    expect(p.columns.map((c) => [c.header, c.target])).toEqual([
      ['STT', 'ordinal'],
      ['Họ và tên', 'name'],
      ['Năm sinh / Nam', 'birthDate'],
      ['Năm sinh / Nữ', 'birthDate'],
      ['Tham gia CĐS', 'digital'],
    ]);
    expect(p.rows.map((r) => r.values['birthDate'])).toEqual([1975, 1980, new Date(1992, 6, 5)]);
    await applyImport(wb, { sheet: 'DS', data: split }, { now: NOW });
    const saved = await roundTrip(wb);
    expect(births(saved, 'Năm sinh').map(([name, born]) => [name, born instanceof Date ? born.toISOString().slice(0, 10) : born])).toEqual([
      ['Nguyễn Văn An', 1975],
      ['Nguyễn Thị Lan', 1980],
      ['Nguyễn Thị Lan', '1992-07-05'],
    ]);
    const ev = await evaluateWorkbook(saved, { now: NOW, dryRun: true });
    if (!ev.ok) throw new Error('must evaluate');
    expect(ev.report.warnings.filter((w) => w.code === 'duplicateMember')).toEqual([]);
  });

  it('two unrelated columns chosen for the date of birth still clash', async () => {
    const wb = await unitWorkbook();
    const p = await previewImport(wb, { sheet: 'DS', data: split }, { now: NOW, choice: { 3: 'birthDate', 5: 'birthDate' } });
    expect(p.blocking.map((b) => b.code)).toEqual(['import.block.conflict']);
  });
});

describe('namesakes told apart by their date of birth', () => {
  const people = (order: number[]): SourceData => {
    const all: [string, CellValue, string][] = [
      ['Nguyễn Thị Lan', LAN_1980, 'Giáo viên'],
      ['Trần Văn Bình', BINH, 'Giáo viên'],
      ['Nguyễn Thị Lan', LAN_1992, 'Nhân viên thư viện'],
    ];
    const rows = order.map((i, n) => [n + 1, all[i]![0], all[i]![1], all[i]![2]]);
    return { name: 'DS', rows: [['DANH SÁCH CÁN BỘ, GIÁO VIÊN'], ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ'], ...rows] };
  };

  it('are said to be told apart on import, and a re-import in another order matches each by it', async () => {
    const wb = await unitWorkbook();
    const first = await applyImport(wb, { sheet: 'DS', data: people([0, 1, 2]) }, { now: NOW });
    expect(first.notices.map((n) => [n.code, n.cell])).toEqual([['import.notice.sameNameWithBirth', 'B5']]);
    expect(first.notices[0]!.message).toBe('Trang “DS” có Nguyễn Thị Lan ở các dòng 3, 5: phân biệt theo ngày sinh.');
    const members = await roundTrip(wb);
    const p = await previewImport(members, { sheet: 'DS', data: people([2, 1, 0]) }, { now: NOW });
    expect(p.diff.updated).toEqual([]);
    expect(p.diff.unchanged.map((e) => [e.name, e.sourceRow, e.memberRow])).toEqual([
      ['Nguyễn Thị Lan', 3, 7],
      ['Trần Văn Bình', 4, 6],
      ['Nguyễn Thị Lan', 5, 5],
    ]);
  });

  it('namesakes born the same day (or with no date) are still said to be imported as separate members', async () => {
    const wb = await unitWorkbook();
    const same = people([0, 1, 0]);
    const p = await previewImport(wb, { sheet: 'DS', data: same }, { now: NOW });
    expect(p.notices.map((n) => n.code)).toEqual(['import.notice.duplicateName']);
  });
});

describe('a CDHT list (names and results only) with the date of birth', () => {
  /** The Hội Khuyến học's list of learning citizens: name, date of birth, score, in its own order. */
  const cdhtList = (people: [string, CellValue, number][]): SourceData => ({
    name: 'DS',
    rows: [['DANH SÁCH CÔNG DÂN HỌC TẬP'], ['STT', 'Họ và tên', 'Ngày sinh', 'Điểm CDHT'], ...people.map(([name, born, score], i) => [i + 1, name, born, score])],
  });

  it('gives each namesake her own score, matched by the day she was born', async () => {
    const wb = await imported();
    const data = cdhtList([
      ['Nguyễn Thị Lan', LAN_1992, 92],
      ['Trần Văn Bình', BINH, 75],
      ['Nguyễn Thị Lan', LAN_1980, 81],
    ]);
    const p = await previewImport(wb, { sheet: 'DS', data }, { mode: 'cdht', now: NOW });
    expect(p.diff.unmatched).toEqual([]);
    await applyImport(wb, { sheet: 'DS', data }, { mode: 'cdht', now: NOW });
    const rows = memberRows((await roundTrip(wb)).workbook).map((r) => [r['Họ và tên'], r['Điểm CDHT']]);
    expect(rows).toEqual([
      ['Nguyễn Thị Lan', 81],
      ['Trần Văn Bình', 75],
      ['Nguyễn Thị Lan', 92],
    ]);
  });

  it('a list naming one of two namesakes matches her by her date of birth; without it, neither', async () => {
    const wb = await imported();
    const once = cdhtList([['Nguyễn Thị Lan', LAN_1992, 92]]);
    const p = await previewImport(wb, { sheet: 'DS', data: once }, { mode: 'cdht', now: NOW });
    expect(p.diff.unmatched).toEqual([]);
    expect(p.diff.updated.map((e) => e.memberRow)).toEqual([MEMBER_HEADER_ROW + 3]);
    const unknownDay = cdhtList([['Nguyễn Thị Lan', null, 92]]);
    const q = await previewImport(wb, { sheet: 'DS', data: unknownDay }, { mode: 'cdht', now: NOW });
    expect(q.diff.unmatched.map((e) => e.name)).toEqual(['Nguyễn Thị Lan']);
  });

  it('never writes the list’s dates of birth into the members sheet', async () => {
    const wb = await imported();
    const before = births(wb);
    const data = cdhtList([['Trần Văn Bình', serial(1979, 1, 13), 75]]);
    await applyImport(wb, { sheet: 'DS', data }, { mode: 'cdht', now: NOW });
    expect(births(await roundTrip(wb))).toEqual(before);
  });
});
