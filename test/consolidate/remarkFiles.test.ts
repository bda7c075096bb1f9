/**
 * The remarks ("Ghi chú") of the consolidated table as an officer reads them after a batch with
 * several kinds of problems (a file that is no workbook, a unit's data with an unclear cell, a
 * duplicate, a unit of another year, an edited rule set): every bullet names its file. The
 * officer's documents read the remarks as before (the file named is no part of the finding).
 */
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS, type ConsolidationResult } from '../../src/usecases/consolidate';
import { readText } from '../../src/domain/values';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);

describe.each([false, true])('remarks of a mixed batch (rows drawn as files arrive: %s)', (drawn) => {
  let result: ConsolidationResult;
  let workbook: XlsxWorkbook;
  let remarks: Map<string, string[]>;
  beforeAll(async () => {
    const unit = (name: string, seed: number, more: Parameters<typeof unitWorkbook>[0] extends infer S ? Partial<S> : never = {}) => unitWorkbook({ name, type: 'Trường THCS', members: 20, seed, ...more });
    const files = [
      { label: 'ho-so/01-o-khong-ro.xlsx', bytes: await unit('Trường THCS A', 1, { prepare: edits.member(0, 'discipline', 'hmm') }) },
      { label: 'ho-so/02-ban-moi.xlsx', bytes: await unit('Trường THCS B', 2) },
      // The same school's earlier file: its members (seed 2), evaluated before.
      { label: 'ho-so/03-ban-cu.xlsx', bytes: await unit('Trường THCS B', 2, { evaluatedAt: new Date(2025, 11, 1) }) },
      { label: 'ho-so/04-nam-truoc.xlsx', bytes: await unit('Trường THCS C', 4, { year: 2024 }) },
      { label: 'ho-so/05-sua-nguong.xlsx', bytes: await unit('Trường THCS D', 5, { prepare: edits.threshold('2.1', 0.5) }) },
      { label: 'ho-so/06-hong.xlsx', bytes: new TextEncoder().encode('không phải sổ Excel') },
      { label: 'ho-so/07-tot.xlsx', bytes: await unit('Trường THCS E', 7) },
    ];
    ({ result, workbook } = await consolidatedInProcess(files, AS_OF, drawn));
    const rows = (await workbook.batch((s) => s.read([CONSOLIDATION_SHEETS.units]))).sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
    const h = rows.findIndex((r) => r[0] === 'STT');
    const col = (heading: string) => rows[h]!.indexOf(heading);
    remarks = new Map(
      rows
        .slice(h + 1)
        .filter((r) => typeof r[0] === 'number')
        .map((r) => [readText(r[col('Tệp')] ?? null), readText(r[col('Ghi chú')] ?? null).split('\n').filter(Boolean)]),
    );
  });

  it('has the problems it was made with', () => {
    const codes = (file: string) => result.units.find((u) => u.file === `ho-so/${file}`)!.record.flags.map((f) => f.code);
    expect(codes('01-o-khong-ro.xlsx')).toContain('dataWarnings');
    expect(codes('02-ban-moi.xlsx')).toContain('duplicate');
    expect(codes('04-nam-truoc.xlsx')).toContain('yearDiffers');
    expect(codes('05-sua-nguong.xlsx')).toContain('ruleSetEdited');
    expect(result.summary).toMatchObject({ files: 7, units: 5, rejected: 1, duplicates: 1 });
  });

  it('names its file in every bullet of “Ghi chú”', () => {
    const bullets = [...remarks].flatMap(([file, lines]) => lines.map((line) => ({ file, line })));
    expect(bullets.length).toBeGreaterThanOrEqual(4);
    for (const { file, line } of bullets) expect({ line, named: line.startsWith('• ') && line.includes(`“${file}”`) }).toEqual({ line, named: true });
    expect(remarks.get('ho-so/01-o-khong-ro.xlsx')!.find((l) => /điểm dữ liệu cần xem lại/.test(l))).toMatch(/^• Tệp “ho-so\/01-o-khong-ro\.xlsx”: 1 điểm dữ liệu cần xem lại, ví dụ: 'Thành viên'!H5: /);
    expect(remarks.get('ho-so/07-tot.xlsx')).toEqual([]);
  });

  it('keeps the blocking remarks blocking and the others as notes in the officer’s documents', async () => {
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    const unit = (name: string) => r.units.find((u) => u.name === name)!;
    expect(unit('Trường THCS D').level).toBeNull();
    expect(unit('Trường THCS D').reasons).toEqual([expect.stringMatching(/^Bộ tiêu chí đã sửa so với mẫu/)]);
    // The minutes state the finding; what the unit is to do is the table's word to the unit.
    expect(unit('Trường THCS D').reasons[0]).toMatch(/\(mẫu: \d+%\)\.?$/);
    expect(['Trường THCS A', 'Trường THCS B', 'Trường THCS E'].map((n) => unit(n).level)).toEqual([1, 1, 1]);
    // A dossier of another year than the batch's is no part of that year's decision.
    expect(unit('Trường THCS C').level).toBeNull();
    expect(unit('Trường THCS C').reasons).toEqual([expect.stringMatching(/^Hồ sơ năm đánh giá 2024, khác năm của đợt thẩm định này \(2025\)/)]);
  });
});
