/**
 * The printed table an officer signs, for 20 units whose remarks are long (edited after their
 * evaluation, a level asked too early, an unclear cell, an edited threshold): each remark ran to
 * 4–11 lines in “Ghi chú”, a row filled a page, and the table printed on 56 pages. The table now
 * prints each unit's remarks short (the first, cut, and how many more), so its rows stay a few
 * lines high; every remark prints whole in the file report, which the short one points to.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { convert } from '../support/libreoffice';
import { requirePrintFonts } from '../documents/pdf';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(300_000);

const UNITS = 20;
/** Pages the table may take: three bands of columns, each a dozen rows of three lines a page. */
const TABLE_PAGES = 6;

let dir: string;
let pages: string[];
let result: ConsolidationResult;

beforeAll(async () => {
  requirePrintFonts();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-print-remarks-'));
  const files = await Promise.all(
    Array.from({ length: UNITS }, async (_, i) => ({
      label: `ho-so/${String(i + 1).padStart(2, '0')}-truong.xlsx`,
      bytes: await unitWorkbook({
        name: `Trường Tiểu học số ${i + 1} xã Hòa Bình`,
        type: 'Trường tiểu học',
        members: 30,
        seed: 40 + i,
        rate: 0.85 + (i % 4) / 40,
        level: i % 3 === 0 ? 'Mức độ 2' : undefined,
        previousDate: i % 3 === 0 ? new Date(2025, 5, 1) : i % 5 === 0 ? new Date(2021, 1, 1) : null,
        prepare: edits.all(edits.member(0, 'discipline', 'hmm'), ...(i % 2 ? [edits.threshold('2.1', 0.5)] : [])),
        edit: edits.all(edits.member(2, 'mandatoryTraining', 'Không'), edits.indicatorResult('2.2', 'Không đạt')),
      }),
    })),
  );
  const consolidated = await consolidatedInProcess(files, new Date(2026, 0, 10));
  result = consolidated.result;
  const file = path.join(dir, 'tong-hop.xlsx');
  fs.writeFileSync(file, await consolidated.workbook.toBytes());
  const pdf = await convert(file, 'pdf', dir);
  const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').slice(0, count);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, '');
const STATS_TITLE = 'THỐNG KÊ KẾT QUẢ TỰ ĐÁNH GIÁ';
const FILES_TITLE = 'BÁO CÁO TỆP ĐÃ NHẬN';

test('the units have long remarks (the batch is what the officer met)', () => {
  const lengths = result.units.map((u) => u.record.flags.reduce((n, f) => n + f.message.length, 0));
  expect(lengths.filter((n) => n >= 700).length).toBeGreaterThanOrEqual(UNITS - 2);
});

test(`20 units with long remarks print on at most ${TABLE_PAGES} pages of the table (56 before)`, () => {
  const table = pages.slice(0, pages.findIndex((p) => p.includes(STATS_TITLE)));
  expect(table.length).toBeGreaterThan(0);
  expect(table.length).toBeLessThanOrEqual(TABLE_PAGES);
  // Every unit's row is printed, with its remarks cut short and the place of the rest.
  const printed = flat(table.join('\n'));
  for (let n = 1; n <= UNITS; n++) expect(printed).toContain(flat(`Trường Tiểu học số ${n} xã Hòa Bình`));
  expect(printed).toContain(flat('ghi chú, xem trang “Báo cáo tệp”'));
});

test('every remark prints whole in the file report, after the table', () => {
  // Read in flow order, a reason's first line is followed by the program that saved its file (the next column).
  const report = flat(pages.slice(pages.findIndex((p) => p.includes(FILES_TITLE))).join('\n')).replace(/MicrosoftExcel/g, '');
  const missing = result.units.flatMap((u) => u.record.flags.filter((f) => !report.includes(flat(f.message))).map((f) => `${u.file}: ${f.message.slice(0, 60)}`));
  expect(missing).toEqual([]);
});
