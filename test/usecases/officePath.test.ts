/**
 * The same use-cases inside Excel: through OfficeWorkbook on the counting fake of the Excel
 * API. A command is one Excel.run with two syncs (read, write) whatever the member count.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { applyImport } from '../../src/usecases/import/importMembers';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { createFakeExcel, REQUEST_TARGET_BYTES } from '../support/fakeExcel';
import { generateDocuments } from '../../src/usecases/documents';
import { Consolidation, writeConsolidation } from '../../src/usecases/consolidate';

const NOW = new Date(Date.UTC(2025, 11, 20));

describe.each([10, 5000])('inside Excel with %i members', (members) => {
  it('create and evaluate take two syncs each, no request near the 5 MB limit, same results as on a file', async () => {
    const excel = createFakeExcel();
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const unit = sampleUnit({ members, seed: 3 });

    excel.reset();
    const created = await createSheets(wb, unit);
    expect(created.created).toEqual([SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.lists]);
    expect(excel.stats.syncs).toBe(2);

    excel.reset();
    const result = await evaluateWorkbook(wb, { now: NOW });
    expect(excel.stats.syncs).toBe(2);
    expect(excel.stats.largestRequestBytes).toBeLessThan(REQUEST_TARGET_BYTES);
    expect(excel.stats.rejected).toEqual([]);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));

    // The file path computes the same report from the same data.
    const file = ExcelJsWorkbook.create('same.xlsx');
    await createSheets(file, unit);
    const onFile = await evaluateWorkbook(file, { now: NOW });
    if (!onFile.ok) throw new Error('file path must evaluate');
    expect(result.report.indicators).toEqual(onFile.report.indicators);
    expect(result.report.outcome).toEqual(onFile.report.outcome);
    expect(result.report.countedMembers).toBe(members > 10 ? members - 1 : members);

    // What Excel holds afterwards: the owned cells carry formulas.
    const criteria = excel.sheet(SHEETS.criteria);
    expect(JSON.stringify(criteria)).toContain('SUMPRODUCT(');

    // Redrawing the summary where its mark is, and the documents, still costs two syncs:
    // the marks are looked up by the same read.
    excel.reset();
    await evaluateWorkbook(wb, { now: NOW });
    expect(excel.stats.syncs).toBe(2);
    excel.reset();
    const docs = await generateDocuments(wb);
    expect(docs.ok).toBe(true);
    expect(excel.stats.syncs).toBe(2);
    excel.reset();
    await writeConsolidation(wb, new Consolidation({ body: 'UBND xã', tier: 'cấp xã', asOf: NOW }).finish());
    expect(excel.stats.syncs).toBe(2);
  });
});

describe.each([10, 5000])('importing a staff list of %i inside Excel', (members) => {
  it('takes two syncs the first time (no saved mapping sheet yet) and the next', async () => {
    const unit = sampleUnit({ members, seed: 3 });
    const source = [['DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN'], [], MEMBER_FIELDS.map((f) => f.header), ...unit.members!.map((m) => m.map((v) => v ?? ''))];
    const excel = createFakeExcel({ sheets: { 'DS CB-GV-NV': source } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await createSheets(wb, { ...unit, members: [] });

    for (const time of ['first', 'again']) {
      excel.reset();
      const result = await applyImport(wb, { sheet: 'DS CB-GV-NV' }, { now: NOW });
      expect({ time, applied: result.applied, syncs: excel.stats.syncs }).toEqual({ time, applied: true, syncs: 2 });
      expect(excel.stats.largestRequestBytes).toBeLessThan(REQUEST_TARGET_BYTES);
    }
    expect(excel.sheet(SHEETS.members).rows.length).toBeGreaterThan(members);
  });
});

describe('inside Excel, a sheet of ours the user renamed', () => {
  it('the summary renamed is redrawn where it is, in the same two syncs; a renamed members sheet is refused by its new name', async () => {
    const excel = createFakeExcel();
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await createSheets(wb, sampleUnit({ members: 10, seed: 3 }));
    expect((await evaluateWorkbook(wb, { now: NOW })).ok).toBe(true);
    excel.sheet(SHEETS.summary).name = 'Kết quả TH';
    excel.reset();
    expect((await evaluateWorkbook(wb, { now: NOW })).ok).toBe(true);
    expect(excel.stats.syncs).toBe(2);
    expect(excel.sheetNames()).not.toContain(SHEETS.summary);
    expect(excel.sheetNames()).toContain('Kết quả TH');

    excel.sheet(SHEETS.members).name = 'DS thành viên';
    const refused = await evaluateWorkbook(wb, { now: NOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.code)).toEqual(['renamedSheet']);
  });
});
