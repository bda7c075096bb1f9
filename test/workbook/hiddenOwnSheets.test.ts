/**
 * An add-in sheet the user hid (right-click → Hide, or VeryHidden from VBA, as a province's template
 * may ship its lists) is redrawn inside Excel as on a file: in place, still hidden, the very hidden
 * one too. Through OfficeWorkbook on the counting fake.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { ownSheetCandidates, SHEET_MARK } from '../../src/workbook/plan';
import type { SheetPlan } from '../../src/workbook/port';
import { createFakeExcel, type FakeVisibility } from '../support/fakeExcel';

const MARKED = { 'Tổng hợp': { [SHEET_MARK]: '="summary"' } };
const redraw = (extra: Partial<SheetPlan> = {}): SheetPlan => ({ sheet: 'Tổng hợp', mode: 'replace', role: 'summary', cells: [{ at: 'A1', rows: [['mới']] }], ...extra });

async function evaluateAgain(visibility: Exclude<FakeVisibility, 'Visible'>, extra: Partial<SheetPlan> = {}) {
  const excel = createFakeExcel({ sheets: { 'Thành viên': [['Họ và tên']], 'Tổng hợp': [['cũ']], 'Của trường': [['x']] }, names: MARKED, visibility: { 'Tổng hợp': visibility } });
  const wb = new OfficeWorkbook(excel.run, excel.supports);
  excel.reset();
  await wb.batch(async (s) => {
    await s.read(['Thành viên'], { marks: ownSheetCandidates('Tổng hợp') });
    s.write(redraw(extra));
  });
  return excel;
}

describe('an add-in sheet the user hid, redrawn inside Excel', () => {
  it.each(['Hidden', 'VeryHidden'] as const)('%s: redrawn, and it stays so, in the same two syncs', async (visibility) => {
    const excel = await evaluateAgain(visibility);
    expect(excel.sheetNames()).toEqual(['Thành viên', 'Tổng hợp', 'Của trường']);
    expect(excel.sheet('Tổng hợp').value('A1')).toBe('mới');
    expect(excel.sheet('Tổng hợp').visibility).toBe(visibility);
    expect(excel.sheet('Tổng hợp').names.get(SHEET_MARK)).toBe('="summary"');
    expect([excel.sheet('Thành viên').visibility, excel.sheet('Của trường').visibility]).toEqual(['Visible', 'Visible']);
    expect(excel.stats.syncs).toBe(2);
  });

  it('a plan that shows its sheet (activate) shows it', async () => {
    const excel = await evaluateAgain('Hidden', { activate: true });
    expect(excel.sheet('Tổng hợp').visibility).toBe('Visible');
    expect(excel.active()).toBe('Tổng hợp');
  });

  it('a visible one stays visible', async () => {
    const excel = createFakeExcel({ sheets: { 'Thành viên': [['a']], 'Tổng hợp': [['cũ']] }, names: MARKED });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await wb.batch(async (s) => s.write(redraw()));
    expect([excel.sheet('Tổng hợp').value('A1'), excel.sheet('Tổng hợp').visibility]).toEqual(['mới', 'Visible']);
  });
});
