/**
 * The examiner's minutes (“Biên bản thẩm định”) state what the consolidation found as findings
 * about the unit, in an official's words: never the unit staff's instructions for their workbook
 * (which sheet, cell or list to fill), which stay in the table's “Ghi chú” for the officer.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { readText } from '../../src/domain/values';
import { isBlockingRemark, remarkFinding } from '../../src/usecases/officerTable';
import { t, type Lang, type MessageKey } from '../../src/i18n';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { consolidatedInProcess, edits, unitWorkbook } from '../consolidate/corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);
/** What only the unit's staff can act on: a sheet, a cell, a list to choose from, a way to type. */
const INSTRUCTIONS = /Hãy |Chọn loại đơn vị|“Danh mục”|'Thành viên'!|'Thông tin đơn vị'!|dd\/mm\/yyyy|ghi năm bằng số|mở tệp bằng Excel/;

describe('the minutes’ opinion on each unit', () => {
  let workbook: XlsxWorkbook;
  let minutes: string;
  let table: string;
  let units: { name: string; why: string }[];
  beforeAll(async () => {
    const unit = (name: string, seed: number, prepare: (wb: import('exceljs').Workbook) => void) => unitWorkbook({ name, type: 'Trường THCS', members: 20, seed, prepare });
    const files = [
      { label: 'ho-so/a.xlsx', bytes: await unit('Trường THCS A', 1, edits.member(0, 'discipline', 'hmm')) },
      { label: 'ho-so/b.xlsx', bytes: await unit('Trường THCS B', 2, edits.unitField('type', 'Trường quốc tế')) },
      { label: 'ho-so/c.xlsx', bytes: await unit('Trường THCS C', 3, edits.unitField('previousDate', '31/02/2024')) },
      { label: 'ho-so/d.xlsx', bytes: await unit('', 4, () => undefined) },
      { label: 'ho-so/e.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS E', type: 'Trường THCS', members: 20, seed: 5, evaluate: false }) },
    ];
    ({ workbook } = await consolidatedInProcess(files, AS_OF));
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    units = r.units;
    const text = async (sheet: string) => (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows.map((row) => row.map((c) => readText(c ?? null)).join(' | ')).join('\n');
    minutes = await text(OFFICER_SHEET['bien-ban-tham-dinh']);
    table = await text(CONSOLIDATION_SHEETS.units);
  });

  it('states each problem as a finding about the unit', () => {
    expect(minutes).toContain('Số liệu trong hồ sơ có 1 điểm ghi chưa rõ ràng hoặc chưa hợp lệ');
    expect(minutes).toContain('Loại đơn vị ghi trong hồ sơ (“Trường quốc tế”) không thuộc danh mục loại đơn vị');
    expect(minutes).toContain('Ngày công nhận lần trước ghi trong hồ sơ (“31/02/2024”) không phải một ngày hợp lệ');
    expect(minutes).toContain('Hồ sơ chưa ghi tên đơn vị: không đề nghị công nhận một đơn vị không tên.');
    expect(minutes).toContain('Hồ sơ chưa có kết quả tự đánh giá (sổ chưa được đánh giá): chưa đủ căn cứ đề nghị công nhận.');
  });

  it('names a unit that wrote no name by its file, in the minutes’ list and in what the officer is told', () => {
    const row = minutes.split('\n').find((l) => l.includes('Hồ sơ chưa ghi tên đơn vị'))!;
    expect(row.split(' | ')[1]).toBe('(hồ sơ chưa ghi tên đơn vị, tệp “d.xlsx”)');
    expect(units.find((u) => u.why.includes('Hồ sơ chưa ghi tên đơn vị'))?.name).toBe('(hồ sơ chưa ghi tên đơn vị, tệp “d.xlsx”)');
  });

  it('carries no instruction for the unit’s staff, nor a file name, which the table’s “Ghi chú” keeps', () => {
    expect(minutes).not.toMatch(INSTRUCTIONS);
    expect(minutes).not.toMatch(/Tệp “ho-so/);
    expect(table).toMatch(/Chọn loại đơn vị trong danh sách/);
    expect(table).toMatch(/'Thành viên'!H5/);
  });
});

describe('each remark of the table that instructs, as a finding (Vietnamese and English tables)', () => {
  const params = {
    file: 'ho-so/a.xlsx', where: "'Thông tin đơn vị'!B4", value: '31/02/2024', count: 2, first: "'Thành viên'!H5: “hmm” không rõ là Có hay Không.", cells: "'Thành viên'!H5, 'Thành viên'!H6",
    date: '01/02/2027', asOf: '10/01/2026', typed: 'UBND huyện Mỹ Đức', tier: 'cấp xã', type: 'Trường THCS', otherType: 'Trường phổ thông nhiều cấp học', other: 'ho-so/b.xlsx',
    example: 2026, min: 2000, max: 2026, requested: 'Mức độ 2', recognition: '“Đơn vị học tập” cấp huyện mức độ 1', basis: ' (Điều 10)', tiers: 'cấp huyện', ruleSet: 'TT24 · cấp huyện · mức độ 1',
    sheet: 'Thành viên', members: '“Hoàng Thị Sơn” (dòng 7, 17)',
    code: '2.1', recorded: 'Đạt', cell: "'Tiêu chí'!O24", op: '<', required: '90%', computed: 'Không đạt',
    units: '“Trường THCS Quang Trung”', files: '“ho-so/b.xlsx”',
  };
  const remarks: [MessageKey, MessageKey][] = [
    ['consolidate.flag.dataWarnings', 'officer.finding.dataWarnings'],
    ['consolidate.flag.uncalculated', 'officer.finding.uncalculated'],
    ['consolidate.flag.noName', 'officer.finding.noName'],
    ['consolidate.flag.badYear', 'officer.finding.badYear'],
    ['consolidate.flag.noYear', 'officer.finding.noYear'],
    ['consolidate.flag.badDate', 'officer.finding.badDate'],
    ['consolidate.flag.futureDate', 'officer.finding.futureDate'],
    ['consolidate.flag.bodyTierTyped', 'officer.finding.bodyTierTyped'],
    ['consolidate.flag.bodyTierRuleSet', 'officer.finding.bodyTierRuleSet'],
    ['consolidate.flag.duplicateTypeDiffersKept', 'officer.finding.duplicateTypeDiffers'],
    ['consolidate.flag.duplicateUndecidedKept', 'officer.finding.duplicateUndecided'],
    ['consolidate.flag.duplicateMembers', 'officer.finding.duplicateMembers'],
    ['consolidate.flag.sameMembers', 'officer.finding.sameMembers'],
    // A self-assessment that disagrees: the figure stays, the cell the unit overwrote is the table's.
    ['consolidate.flag.indicatorShare', 'officer.finding.indicatorShare'],
    ['consolidate.flag.indicatorOther', 'officer.finding.indicatorOther'],
    ['consolidate.flag.criterion', 'officer.finding.criterion'],
    ['consolidate.flag.outcome', 'officer.finding.outcome'],
    ['consolidate.flag.score', 'officer.finding.score'],
  ];
  const checks = ['unitTypeMissing', 'unitTypeUnknown', 'levelMismatch', 'tierMismatch', 'tierUnknown', 'receiverTierUnknown'] as const;
  it.each(['vi', 'en'] as Lang[])('%s', (lang) => {
    for (const [remark, finding] of remarks) expect([remark, remarkFinding(t(lang, remark, params))]).toEqual([remark, t(lang, finding, params)]);
    for (const c of checks) {
      const remark = t(lang, 'consolidate.flag.unitCheck', { file: params.file, message: t(lang, `problem.${c}`, params) });
      expect([c, remarkFinding(remark)]).toEqual([c, t(lang, `officer.finding.${c}`, params)]);
    }
    // Data changed after the evaluation: the finding, without what to ask of the unit.
    expect(remarkFinding(t(lang, 'consolidate.flag.stale', { date: '20/12/2025' }))).toBe(t(lang, 'officer.finding.stale', { date: '20/12/2025' }));
    // The signed summary page typed over: the unit is kept out, and the minutes state it without what to ask of the unit.
    const summary = t(lang, 'consolidate.flag.summaryDiffers', { file: 'ho-so/a.xlsx', sheet: 'Tổng hợp', cells: "'Tổng hợp'!G17 (2.3) “Đạt” / “Không đạt”" });
    expect([isBlockingRemark(summary), remarkFinding(summary)]).toEqual([true, t(lang, 'officer.finding.summaryDiffers', { sheet: 'Tổng hợp', cells: "'Tổng hợp'!G17 (2.3) “Đạt” / “Không đạt”" })]);
    // A table drawn before the remarks named the cell still keeps the unit out, and the minutes say it as it is.
    const before = t(lang, 'officer.finding.indicatorShare', { code: '2.1', recorded: 'Đạt', value: '79,7%', op: '<', required: '90%' });
    expect([isBlockingRemark(before), remarkFinding(before)]).toEqual([true, before]);
  });
});

describe('the minutes leave out what only the table’s layout needs', () => {
  it('says nothing of an indicator or criterion left blank in a column of the table (another level’s 3.4 and TC3)', async () => {
    const unit = (name: string, seed: number, presetId?: string) => unitWorkbook({ name, type: 'Trường THCS', members: 20, seed, presetId, prepare: () => undefined });
    const files = [
      { label: 'ho-so/a.xlsx', bytes: await unit('Trường THCS A', 1) },
      { label: 'ho-so/b.xlsx', bytes: await unit('Trường THCS B', 2) },
      { label: 'ho-so/c.xlsx', bytes: await unit('Trường THCS C', 3, 'tt24-co-so-md2') },
    ];
    const { workbook } = await consolidatedInProcess(files, AS_OF);
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    const text = async (sheet: string) => (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows.map((row) => row.map((c) => readText(c ?? null)).join(' | ')).join('\n');
    const layoutOnly = /khác nội dung (chỉ tiêu|tiêu chí) cùng mã của bảng tổng hợp/;
    expect(await text(CONSOLIDATION_SHEETS.units)).toMatch(layoutOnly);
    expect(await text(OFFICER_SHEET['bien-ban-tham-dinh'])).not.toMatch(layoutOnly);
  });
});
