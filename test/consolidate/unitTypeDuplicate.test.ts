/**
 * One unit sent twice with a different unit type ("Trường THCS" in one file, "Trường phổ thông
 * nhiều cấp học" in the other, the name typed another way): the same name (folded) and the same
 * year are the same unit, consolidated once; the type conflict is said on both files, naming
 * both and what to do. A byte-identical copy is still only a copy; the officer's minutes list
 * the unit once.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { readText } from '../../src/domain/values';
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { MARKER_COL } from '../../src/sheets/documentLayout';
import { consolidateInto } from '../officer/batch';
import { consolidatedInProcess, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);

describe('the same school sent with two unit types', () => {
  let result: ConsolidationResult;
  let workbook: XlsxWorkbook;
  let files: { label: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    // The same school's members (seed 1): two files of one name with other members are two units (sameNameOtherUnit.test.ts).
    const other = await unitWorkbook({ name: 'trường THCS  Nguyễn Du', type: 'Trường phổ thông nhiều cấp học', members: 20, seed: 1 });
    files = [
      { label: 'ho-so/nguyen-du.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20, seed: 1 }) },
      { label: 'ho-so/nguyen-du-nhieu-cap.xlsx', bytes: other },
      { label: 'ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx', bytes: other },
      { label: 'ho-so/kim-dong.xlsx', bytes: await unitWorkbook({ name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', members: 20, seed: 3 }) },
    ];
    ({ result, workbook } = await consolidatedInProcess(files, AS_OF));
  });
  const report = (file: string) => result.files.find((f) => f.file === `ho-so/${file}`)!;

  it('consolidates it once, the type conflict said on both files with both names, both types and what to do', () => {
    expect(result.units.map((u) => u.file)).toEqual(['ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx', 'ho-so/kim-dong.xlsx']);
    expect(result.summary).toMatchObject({ files: 4, units: 2, duplicates: 2, identical: 1 });
    expect(report('nguyen-du.xlsx')).toMatchObject({
      status: 'duplicate',
      reasons: [
        'Tệp “ho-so/nguyen-du.xlsx” và tệp “ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx” cùng tên đơn vị, cùng năm đánh giá nhưng ghi loại đơn vị khác nhau (“Trường THCS” và “Trường phổ thông nhiều cấp học”): chỉ tổng hợp tệp “ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx”. Hãy hỏi đơn vị loại đơn vị nào đúng, bỏ tệp ghi sai rồi tổng hợp lại.',
      ],
    });
    const kept = result.units[0]!.record.flags.filter((f) => f.code === 'duplicate');
    expect(kept.map((f) => f.message)).toEqual([
      'Tệp “ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx” và tệp “ho-so/nguyen-du.xlsx” cùng tên đơn vị, cùng năm đánh giá nhưng ghi loại đơn vị khác nhau (“Trường phổ thông nhiều cấp học” và “Trường THCS”): đã tổng hợp tệp “ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx”, không tổng hợp tệp “ho-so/nguyen-du.xlsx”. Hãy hỏi đơn vị loại đơn vị nào đúng, bỏ tệp ghi sai rồi tổng hợp lại.',
    ]);
  });

  it('keeps a byte-identical copy reported as a copy, not as a conflict', () => {
    expect(report('nguyen-du-nhieu-cap.xlsx')).toMatchObject({ status: 'duplicate', reasons: ['Bản trùng, giống hệt tệp “ho-so/nguyen-du-nhieu-cap-ban-sao.xlsx”: không tổng hợp lại.'] });
  });

  it('lists the unit once in the officer’s minutes', async () => {
    const r = await generateOfficerDocuments(workbook);
    expect(r.ok && r.units.map((u) => u.name)).toEqual(['trường THCS Nguyễn Du', 'Trường tiểu học Kim Đồng']);
    const minutes = (await workbook.batch((s) => s.read([OFFICER_SHEET['bien-ban-tham-dinh']]))).sheets.get(OFFICER_SHEET['bien-ban-tham-dinh'])!;
    const names = minutes.rows.map((row) => readText(row[1] ?? null)).filter((n) => /Nguyễn Du/.test(n));
    expect(names).toEqual(['trường THCS Nguyễn Du']);
  });

  it('keeps the officer’s remark on the unit when the wrong file is removed and the batch consolidated again', async () => {
    await generateOfficerDocuments(workbook);
    const sheet = OFFICER_SHEET['bien-ban-tham-dinh'];
    const minutes = async () => (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!;
    const before = await minutes();
    const row = before.rows.findIndex((r) => readText(r[1] ?? null) === 'trường THCS Nguyễn Du');
    const col = readText(before.rows[row]![MARKER_COL - 1] ?? null).split('@')[1]!;
    const words = 'Đã hỏi Hiệu trưởng: trường là trường THCS; bỏ tệp ghi “nhiều cấp học”.';
    await workbook.batch(async (s) => s.write({ sheet, mode: 'existing', cells: [{ at: `${col}${row + 1}`, rows: [[words]] }] }));
    await consolidateInto(workbook, [files[0]!, files[3]!]);
    const r = await generateOfficerDocuments(workbook);
    expect(r.ok && r.units.map((u) => [u.name, u.type])).toEqual([['Trường THCS Nguyễn Du', 'Trường THCS'], ['Trường tiểu học Kim Đồng', 'Trường tiểu học']]);
    const after = await minutes();
    expect(after.rows.find((x) => readText(x[1] ?? null) === 'Trường THCS Nguyễn Du')!.map((c) => readText(c ?? null))).toContain(words);
  });
});

// A unit often sends a mended file the same day: the day alone would not tell the officer which is newer.
describe('the same unit sent twice on one day', () => {
  it('says at what time each was evaluated', async () => {
    const spec = { name: 'Trường THCS Lê Quý Đôn', type: 'Trường THCS', members: 20, seed: 7 };
    const files = [
      { label: 'ho-so/le-quy-don.xlsx', bytes: await unitWorkbook({ ...spec, evaluatedAt: new Date(2025, 11, 20, 8, 5) }) },
      { label: 'ho-so/le-quy-don-sua.xlsx', bytes: await unitWorkbook({ ...spec, evaluatedAt: new Date(2025, 11, 20, 15, 40) }) },
    ];
    const { result } = await consolidatedInProcess(files, AS_OF);
    expect(result.files.find((f) => f.file === 'ho-so/le-quy-don.xlsx')!.reasons).toEqual([
      'Trùng đơn vị với tệp “ho-so/le-quy-don-sua.xlsx”; bản này đánh giá ngày 20/12/2025 (lúc 08:05; tệp kia lúc 15:40), cũ hơn nên không tổng hợp.',
    ]);
  });
});
