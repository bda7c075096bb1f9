/**
 * The consolidation table on paper, as LibreOffice prints the file the CLI writes: its 30-odd
 * columns fitted to one A4 width printed at about 3 pt. It now prints at a scale that keeps the
 * 11 pt text at 8 pt or more, across as many pages as it takes: every page repeats the heading
 * row at the top and STT and the unit's name at the left (a page of indicator columns still says
 * whose they are), and the pages of a band of rows follow each other (over, then down). The file
 * report, narrower, prints one page wide.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consolidateFiles, readUnitFile } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { convert } from '../support/libreoffice';
import { requirePrintFonts } from '../documents/pdf';
import { unitWorkbook } from './corpus';

jest.setTimeout(180_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };
const UNITS = 16;
/** Below this a printed table is not read (pt). */
const READABLE_PT = 8;
const BAR = '█';

interface PrintedPage {
  text: string;
  /** Each text run's font size (pdftohtml -xml at zoom 1: whole points, rounded down) and text. */
  runs: { size: number; text: string; left: number; right: number }[];
}

let pages: PrintedPage[];
let dir: string;

beforeAll(async () => {
  requirePrintFonts();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-consolidate-print-'));
  // Two rule sets: 33 columns (the level-2 one adds indicator 3.4 and another TC3), and remarks that make rows tall.
  const units = await Promise.all(
    Array.from({ length: UNITS }, async (_, i) => ({
      label: fileOf(i + 1),
      bytes: await unitWorkbook({ name: `Trường số ${i + 1} xã Hòa Bình`, members: 12, seed: 10 + i, rate: 0.8 + (i % 5) / 25, presetId: i % 2 ? 'tt24-co-so-md2' : 'tt24-co-so-md1' }),
    })),
  );
  const workbook = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  await consolidateFiles(
    workbook,
    units.map((u) => ({ label: u.label, size: u.bytes.length })),
    async (indices, onOutcome) => {
      for (const i of indices) onOutcome(await readUnitFile(units[i]!.bytes, units[i]!.label, { ...READ, lang: 'vi' }), i);
      return true;
    },
    { body: 'UBND xã Hòa Bình', tier: 'cấp xã', lang: 'vi' },
  );
  const file = path.join(dir, 'tong-hop.xlsx');
  fs.writeFileSync(file, await workbook.toBytes());
  const pdf = await convert(file, 'pdf', dir);
  const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const xml = execFileSync('pdftohtml', ['-xml', '-zoom', '1', '-i', '-stdout', '-q', pdf], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="([-\d.]+)"/g)].map((m) => [m[1]!, Number(m[2])]));
  pages = xml
    .split('<page number=')
    .slice(1)
    .map((p, i) => ({
      text: texts[i] ?? '',
      runs: [...p.matchAll(/<text [^>]*left="(\d+)"[^>]*width="(\d+)"[^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
        size: sizes.get(m[3]!)!,
        text: m[4]!.replace(/<[^>]+>/g, ''),
        left: Number(m[1]),
        right: Number(m[1]) + Number(m[2]),
      })),
    }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STATS_TITLE = 'THỐNG KÊ KẾT QUẢ TỰ ĐÁNH GIÁ';
/** The pages of "Tổng hợp đơn vị": those before the statistics' first page. */
const tablePages = () => pages.slice(0, pages.findIndex((p) => p.text.includes(STATS_TITLE)));
/** The pages of "Thống kê kết quả": from its title to the file report. */
const statsPages = () => pages.slice(pages.findIndex((p) => p.text.includes(STATS_TITLE)), pages.findIndex((p) => p.text.includes('BÁO CÁO TỆP ĐÃ NHẬN')));
/** The file report's pages: from its title on. */
const filePages = () => pages.slice(pages.findIndex((p) => p.text.includes('BÁO CÁO TỆP ĐÃ NHẬN')));
const fileOf = (unit: number) => `ho-so/${String(unit).padStart(2, '0')}.xlsx`;
const unitsOn = (p: PrintedPage) => [...p.text.matchAll(/Trường số (\d+) xã/g)].map((m) => Number(m[1]));

test('the table spans pages and its text prints at 8 pt or more (fitted to one page wide it printed at about 3 pt)', () => {
  const table = tablePages();
  expect(table.length).toBeGreaterThan(1);
  const small = table.flatMap((p, i) => p.runs.filter((r) => r.size < READABLE_PT && r.text.replace(new RegExp(BAR, 'g'), '').trim() !== '').map((r) => `page ${i + 1}: ${r.size} pt “${r.text}”`));
  expect({ count: small.length, first: small.slice(0, 3) }).toEqual({ count: 0, first: [] });
});

test('every page repeats the heading row, and every page showing a unit’s later columns names the unit at its left', () => {
  const table = tablePages();
  expect(table.map((p) => /STT/.test(p.text) && /Tên đơn vị/.test(p.text))).toEqual(table.map(() => true));
  // The last printed columns (“Thẩm định”, the remarks cut short) print on pages without the unit's own first columns …
  const later = table.filter((p) => /Thẩm định/.test(p.text) && !/Loại đơn vị/.test(p.text));
  expect(later.length).toBeGreaterThan(0);
  // … and each such page still says whose rows they are: as many units named as rows checked.
  expect(later.map((p) => unitsOn(p).length)).toEqual(later.map((p) => (p.text.match(/Khớp số liệu|Cần xem lại/g) ?? []).length));
});

test('the counts print once, on a page of their own after the units, under their own title and not under the units’ heading row', () => {
  const table = tablePages();
  expect(table.filter((p) => p.text.includes('SỐ ĐƠN VỊ THEO KẾT QUẢ') || /Tổng cộng/.test(p.text))).toEqual([]);
  const stats = statsPages();
  const counts = stats.filter((p) => p.text.includes('SỐ ĐƠN VỊ THEO KẾT QUẢ') || /Tổng cộng/.test(p.text));
  expect(counts.length).toBe(1);
  expect(unitsOn(counts[0]!)).toEqual([]);
  // Its figures and the pass rates with it: the whole counts table on that page, the table's body and year above it.
  expect(counts[0]!.text).toMatch(/Số đơn vị\s+Tỷ lệ\s+Biểu đồ/);
  expect(counts[0]!.text).toContain('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã)');
  expect(stats.filter((p) => p.text.includes('TỶ LỆ ĐƠN VỊ ĐẠT THEO CHỈ TIÊU')).length).toBe(1);
  // Printed under the units, they carried the table's heading row (STT, Tên đơn vị, …) on every page.
  expect(stats.map((p) => /Tên đơn vị|Loại đơn vị/.test(p.text))).toEqual(stats.map(() => false));
  // Each indicator's text whole, at a readable size.
  const small = stats.flatMap((p, i) => p.runs.filter((r) => r.size < READABLE_PT && r.text.replace(new RegExp(BAR, 'g'), '').trim() !== '').map((r) => `page ${i + 1}: ${r.size} pt “${r.text}”`));
  expect({ count: small.length, first: small.slice(0, 3) }).toEqual({ count: 0, first: [] });
});

const UNITS_TITLE = 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”';

test('every page carries the whole title and the body in its header, and its number in the footer (cells of the title printed cut on the later pages)', () => {
  const table = tablePages();
  expect(table.length).toBeGreaterThan(1);
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  expect(table.map((p) => flat(p.text).includes(UNITS_TITLE) && flat(p.text).includes('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã)'))).toEqual(table.map(() => true));
  expect(table.map((p) => /Trang (\d+)\/\d+/.exec(p.text)?.[1])).toEqual(table.map((_, i) => String(i + 1)));
  // The title once a page: in the header, not in cells beside the table's first columns.
  expect(table.map((p) => flat(p.text).split(UNITS_TITLE).length - 1)).toEqual(table.map(() => 1));
});

test('every page says in its footer which rule set the units were checked against, when and from how many files (rows 3–4 print on no page: the print area starts at the heading row)', () => {
  const table = tablePages();
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  expect(table.map((p) => flat(p.text).includes('Bộ tiêu chí đối chiếu: bộ tiêu chí của từng đơn vị'))).toEqual(table.map(() => true));
  expect(table.map((p) => /Tổng hợp ngày \d\d\/\d\d\/\d{4} từ 16 tệp: 16 tệp đã tổng hợp/.test(flat(p.text)))).toEqual(table.map(() => true));
  // Left of the page number, never printed over it.
  const footerRuns = (p: PrintedPage) => p.runs.filter((r) => /Tổng hợp ngày|Trang \d+\/\d+/.test(r.text));
  for (const p of table) {
    const runs = footerRuns(p);
    expect(runs.map((r) => /^Trang/.test(r.text.trim()))).toEqual([false, true]);
    expect(runs[0]!.right).toBeLessThan(runs[1]!.left);
  }
});

test('pages go over, then down: the second page carries on the first page’s units with the next columns', () => {
  const [first, second] = tablePages();
  // The first page holds some of the units, not all: the table spans pages both ways.
  expect(unitsOn(first!).length).toBeGreaterThan(0);
  expect(unitsOn(first!).length).toBeLessThan(UNITS);
  expect(unitsOn(second!)).toEqual(unitsOn(first!));
  expect(second!.text).not.toMatch(/Mức độ đề/);
});

test('the file report prints one page wide, every column on each page, its files’ rows at 8 pt or more', () => {
  const report = filePages();
  expect(report.length).toBeGreaterThan(0);
  // Each page holds the file names and the last column's figures: no page of two columns alone.
  expect(report.map((p) => /ho-so\//.test(p.text) && /Kích thước/.test(p.text))).toEqual(report.map(() => true));
  // The rows' texts (the 10 pt italic line above the table prints a point smaller).
  const rows = report.flatMap((p, i) => p.runs.filter((r) => /ho-so\/|Trường số/.test(r.text)).map((r) => ({ ...r, page: i + 1 })));
  expect(rows.length).toBeGreaterThanOrEqual(UNITS);
  const small = rows.filter((r) => r.size < READABLE_PT).map((r) => `page ${r.page}: ${r.size} pt “${r.text}”`);
  expect({ count: small.length, first: small.slice(0, 3) }).toEqual({ count: 0, first: [] });
});
