/**
 * A unit's evaluation year as the consolidation reads it: by the rule evaluate checks the
 * cell with (domain readYear), so a year typed " 2025 " or "2025.0" is the year 2025 in the
 * table, and "2,025", "năm 2025", a year past next year or none at all is left out of the
 * table's “Năm” and flagged, naming the file and the cell. A unit whose year is not the one
 * most units have is flagged too. The officer's documents read the table's “Năm” by the same rule.
 */
import { CONSOLIDATION_SHEETS, type ConsolidationResult } from '../../src/usecases/consolidate';
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { openXlsx } from '../../src/xlsx';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { readYear } from '../../src/domain/years';
import { readText, type CellValue } from '../../src/domain/values';
import { columnLetter } from '../../src/workbook/a1';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };
const AS_OF = new Date(2025, 11, 28);

/** File → the year typed in 'Thông tin đơn vị' (before the unit evaluated) and what the table shows. */
const YEARS: { file: string; typed: string | number | null; shown: number | null }[] = [
  { file: 'a-so.xlsx', typed: 2025, shown: 2025 },
  { file: 'b-dau-phay.xlsx', typed: '2,025', shown: null },
  { file: 'c-khoang-trang.xlsx', typed: ' 2025 ', shown: 2025 },
  { file: 'd-chu.xlsx', typed: 'năm 2025', shown: null },
  { file: 'e-thap-phan.xlsx', typed: '2025.0', shown: 2025 },
  { file: 'f-qua-xa.xlsx', typed: '2099', shown: null },
  { file: 'g-nam-truoc.xlsx', typed: 2024, shown: 2024 },
  { file: 'h-bo-trong.xlsx', typed: null, shown: null },
];

let files: { label: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = await Promise.all(
    YEARS.map(async (y, i) => ({
      label: `ho-so/${y.file}`,
      bytes: await unitWorkbook({ name: `Trường THCS số ${i + 1}`, type: 'Trường THCS', members: 20, seed: i + 1, prepare: edits.unitField('year', y.typed) }),
    })),
  );
});

const consolidated = (drawn: boolean) => consolidatedInProcess(files, AS_OF, drawn);

async function unitsTable(workbook: XlsxWorkbook): Promise<CellValue[][]> {
  const file = await openXlsx(await workbook.toBytes(), READ);
  return (await file.read([CONSOLIDATION_SHEETS.units])).sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
}

describe('the year rule', () => {
  it('reads a whole year within range typed as a number or as text, and nothing else', () => {
    const now = new Date(2025, 11, 28);
    expect(YEARS.map((y) => readYear(y.typed, now))).toEqual(
      YEARS.map((y) => (y.shown === null ? (y.typed === null ? { kind: 'blank' } : { kind: 'invalid', text: String(y.typed).trim() }) : { kind: 'year', year: y.shown })),
    );
    expect(readYear(2026, now)).toEqual({ kind: 'year', year: 2026 });
    expect(readYear(2027, now)).toEqual({ kind: 'invalid', text: '2027' });
    expect(readYear(1999, now)).toEqual({ kind: 'invalid', text: '1999' });
    expect(readYear(2025.5, now)).toEqual({ kind: 'invalid', text: '2025.5' });
  });
});

describe.each([false, true])('consolidation (rows drawn as files arrive: %s)', (drawn) => {
  let result: ConsolidationResult;
  let rows: CellValue[][];
  beforeAll(async () => {
    const c = await consolidated(drawn);
    result = c.result;
    rows = await unitsTable(c.workbook);
  });
  const unit = (file: string) => result.units.find((u) => u.file.endsWith(file))!;
  const header = () => rows.findIndex((r) => r[0] === 'STT');
  const cell = (file: string, heading: string) => {
    const h = rows[header()]!;
    const row = rows.find((r) => r[h.indexOf('Tệp')] === `ho-so/${file}`)!;
    return row[h.indexOf(heading)] ?? null;
  };

  it('shows a year read by the rule as the number, and leaves out one that is not a year', () => {
    expect(YEARS.map((y) => [y.file, unit(y.file).record.year])).toEqual(YEARS.map((y) => [y.file, y.shown]));
    expect(YEARS.map((y) => [y.file, cell(y.file, 'Năm')])).toEqual(YEARS.map((y) => [y.file, y.shown]));
    expect(readText(rows[1]![2] ?? null)).toBe('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2024, 2025');
  });

  it('flags a year that is not a year, naming what was typed, the file and the cell', () => {
    for (const y of YEARS.filter((y) => y.shown === null)) {
      const flags = unit(y.file).record.flags.filter((f) => f.code === 'badYear');
      const typed = y.typed === null ? '' : String(y.typed).trim();
      expect(flags).toEqual([
        {
          code: 'badYear',
          message: expect.stringMatching(
            new RegExp(`^Tệp “ho-so/${y.file.replace('.', '\\.')}”, 'Thông tin đơn vị'!B\\d+: ${y.typed === null ? 'chưa ghi năm đánh giá' : `năm đánh giá “${typed.replace('.', '\\.')}” không đọc được \\(cần một năm từ 2000 đến 2026`}`),
          ),
        },
      ]);
      expect(String(cell(y.file, 'Ghi chú'))).toContain(flags[0]!.message);
      expect(cell(y.file, 'Thẩm định')).toMatch(/^Cần xem lại/);
    }
  });

  it('flags the unit whose year is not the year of most units, and no other', () => {
    const differ = result.units.filter((u) => u.record.flags.some((f) => f.code === 'yearDiffers'));
    expect(differ.map((u) => u.file)).toEqual(['ho-so/g-nam-truoc.xlsx']);
    expect(differ[0]!.record.flags.find((f) => f.code === 'yearDiffers')!.message).toBe('Năm đánh giá 2024 khác năm mà nhiều đơn vị ghi nhất (2025: 3/4 đơn vị ghi được năm): hồ sơ có thể là của năm khác.');
    for (const y of YEARS.filter((y) => y.shown === 2025)) expect(unit(y.file).record.flags).toEqual([]);
  });
});

describe('no year most units have', () => {
  it('flags every unit with a year, naming the years, when two years are as many', async () => {
    const two = await Promise.all(
      [2024, 2025].map(async (year, i) => ({ label: `ho-so/${year}.xlsx`, bytes: await unitWorkbook({ name: `Trường THCS ${year}`, type: 'Trường THCS', members: 20, seed: i + 1, year }) })),
    );
    const { result } = await consolidatedInProcess(two, AS_OF);
    expect(result.units.map((u) => u.record.flags)).toEqual(
      [2024, 2025].map((year) => [{ code: 'yearDiffers', message: `Các đơn vị không cùng một năm đánh giá (2024, 2025), không năm nào nhiều đơn vị ghi nhất; năm của đơn vị này: ${year}.` }]),
    );
  });
});

describe('the officer’s documents', () => {
  it('print the years the table’s “Năm” holds by the same rule, never a cell that is not a year', async () => {
    const { workbook } = await consolidated(false);
    const rows = await unitsTable(workbook);
    const header = rows.findIndex((r) => r[0] === 'STT');
    const yearCol = columnLetter(rows[header]!.indexOf('Năm') + 1);
    // A table drawn by an earlier version (or edited by the officer): the years as the units typed them.
    const typed = ['năm 2025', ' 2025 ', '2,025', 2025, '2025.0', '', '', ''];
    await workbook.batch(async (s) => s.write({ sheet: CONSOLIDATION_SHEETS.units, mode: 'existing', cells: [{ at: `${yearCol}${header + 2}`, rows: typed.map((v) => [v]) }] }));
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    const toTrinh = (await workbook.batch((s) => s.read([OFFICER_SHEET['to-trinh-cong-nhan']]))).sheets.get(OFFICER_SHEET['to-trinh-cong-nhan'])!;
    const text = toTrinh.rows.map((row) => row.map((c) => readText(c ?? null)).join(' ')).join('\n');
    // “năm” and the year may be joined by a no-break space (a title's last two words: documentBlocks.lastWordsTogether).
    const printed = [...text.matchAll(/cấp huyện năm[ \u00a0](.*?)(?= của | \(|$)/gm)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(printed)).toEqual(new Set(['2025']));
  });
});
