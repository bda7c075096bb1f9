/**
 * Files from a Mac arrive with their names decomposed (Unicode NFD: “ọ” as “o” + a combining dot). The
 * table, the file report, the remarks and the officer's minutes show and compare them composed (NFC),
 * as the same name typed on Windows: the “Tệp” column of the Mac's file then equals the typed name,
 * filters and sorts with the others, and the remarks naming it (a duplicate, a shared member list, a
 * refused file) name it the same way.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS, type ConsolidationResult } from '../../src/usecases/consolidate';
import { readText } from '../../src/domain/values';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { consolidatedInProcess, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);
const nfd = (s: string) => s.normalize('NFD');
const MAC = 'hồ sơ/Trường Mầm non Họa Mi.xlsx';
const MAC_AGAIN = 'hồ sơ/Họa Mi (gửi lại).xlsx';
const MAC_BROKEN = 'hồ sơ/Trường THCS Hồng Hà.xlsx';

describe.each([false, true])('file names from a Mac (rows drawn as files arrive: %s)', (drawn) => {
  let result: ConsolidationResult;
  let workbook: XlsxWorkbook;
  let cells: { sheet: string; text: string }[];
  beforeAll(async () => {
    const bytes = await unitWorkbook({ name: 'Trường Mầm non Họa Mi', type: 'Trường mầm non', members: 12, seed: 3 });
    const files = [
      { label: nfd(MAC), bytes },
      // The same file sent twice under another name: an identical duplicate.
      { label: nfd(MAC_AGAIN), bytes },
      { label: nfd(MAC_BROKEN), bytes: bytes.slice(0, 2000) },
      { label: 'hồ sơ/Trường Tiểu học Hòa Bình.xlsx', bytes: await unitWorkbook({ name: 'Trường Tiểu học Hòa Bình', type: 'Trường tiểu học', members: 12, seed: 4 }) },
    ];
    expect(files.slice(0, 3).every((f) => f.label !== f.label.normalize('NFC'))).toBe(true);
    ({ result, workbook } = await consolidatedInProcess(files, AS_OF, drawn));
    const sheets = (await workbook.batch((s) => s.read([CONSOLIDATION_SHEETS.units, CONSOLIDATION_SHEETS.files]))).sheets;
    cells = [...sheets].flatMap(([sheet, data]) => data.rows.flatMap((r) => r.map((v) => ({ sheet, text: readText(v ?? null) })).filter((c) => c.text !== '')));
  });

  it('shows every file name composed, in the table, the file report and the result', () => {
    expect(result.files.map((f) => f.file)).toEqual([MAC, MAC_AGAIN, MAC_BROKEN, 'hồ sơ/Trường Tiểu học Hòa Bình.xlsx']);
    expect(result.units.map((u) => u.file)).toEqual(expect.arrayContaining([expect.stringMatching(/Họa Mi/)]));
    expect(cells.filter((c) => c.text !== c.text.normalize('NFC'))).toEqual([]);
    const units = cells.filter((c) => c.sheet === CONSOLIDATION_SHEETS.units).map((c) => c.text);
    expect(units.filter((t) => t === MAC || t === MAC_AGAIN)).toHaveLength(1);
    const reports = cells.filter((c) => c.sheet === CONSOLIDATION_SHEETS.files).map((c) => c.text);
    expect(reports).toEqual(expect.arrayContaining([MAC, MAC_AGAIN, MAC_BROKEN]));
  });

  it('names the other copy of a unit sent twice as typed', () => {
    const copies = result.files.filter((f) => f.file === MAC || f.file === MAC_AGAIN);
    const dropped = copies.find((f) => f.status === 'duplicate')!;
    const kept = copies.find((f) => f !== dropped)!;
    expect(dropped.reasons.join('\n')).toContain(`“${kept.file}”`);
  });

  it('lists the refused file in the minutes as typed, and writes no decomposed text there', async () => {
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    const sheet = OFFICER_SHEET['bien-ban-tham-dinh'];
    const minutes = (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows.flatMap((row) => row.map((c) => readText(c ?? null)).filter(Boolean));
    expect(minutes.join('\n')).toContain('(“Trường THCS Hồng Hà.xlsx”)');
    expect(minutes.filter((text) => text !== text.normalize('NFC'))).toEqual([]);
  });
});
