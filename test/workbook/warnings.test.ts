/** Workbook warnings reach people: worded in both languages, handed to the pane, printed by the CLI. */
import { reportWorkbookWarnings } from '../../src/cli/context';
import { reportingWarnings } from '../../src/taskpane/host';
import { workbookWarningText } from '../../src/usecases/workbookWarnings';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import type { WorkbookWarning } from '../../src/workbook/port';

const ALL: WorkbookWarning[] = [
  { code: 'chartsNotDrawn', sheet: 'Tổng hợp đơn vị', detail: '2' },
  { code: 'printTitlesSkipped', sheet: "D'Alsace" },
  ...(['validation', 'freeze', 'autoFilter', 'pageLayout', 'tabColor', 'mark', 'conditionalFormat'] as const).map((detail): WorkbookWarning => ({ code: 'featureSkipped', sheet: 'Thành viên', detail })),
  { code: 'sheetTaken', sheet: 'Tổng hợp', detail: 'Tổng hợp (ĐVHT)' },
  { code: 'notANumber', sheet: 'Tiêu chí', detail: 'K12' },
];

describe('workbook warnings', () => {
  it.each(['vi', 'en'] as const)('are worded in %s, naming the sheet, with every parameter filled', (lang) => {
    for (const w of ALL) {
      const text = workbookWarningText(lang, w);
      expect(text).toContain(w.sheet);
      expect(text).not.toMatch(/\{\w+\}|workbook\./);
    }
    expect(workbookWarningText('vi', ALL.find((w) => w.code === 'sheetTaken')!)).toBe(
      'Trang “Tổng hợp” không phải trang do ĐVHT tạo nên được giữ nguyên; ĐVHT ghi vào trang “Tổng hợp (ĐVHT)”. Nếu “Tổng hợp” là bản cũ của ĐVHT, có thể xóa trang đó.',
    );
  });

  it('reach the pane after the batch that caused them, once', async () => {
    const reported: WorkbookWarning[][] = [];
    const wb = reportingWarnings(ExcelJsWorkbook.create('t.xlsx'), (w) => reported.push(w));
    await wb.batch(async (s) => s.write({ sheet: 'S', mode: 'ensure', charts: [{ type: 'pie', source: 'A1:B2', title: 'x', position: { from: 'D1', to: 'H9' } }] }));
    await wb.batch(async (s) => s.read(['S']));
    expect(reported).toEqual([[{ code: 'chartsNotDrawn', sheet: 'S', detail: '1' }]]);
  });

  it('are printed by the CLI on stderr, and nothing when there are none', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    const err: string[] = [];
    const io = { out: () => undefined, err: (s: string) => err.push(s) };
    reportWorkbookWarnings(io, 'vi', wb);
    expect(err).toEqual([]);
    await wb.batch(async (s) => s.write({ sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [[Number.NaN]] }] }));
    reportWorkbookWarnings(io, 'vi', wb);
    expect(err).toEqual(['ĐVHT chưa ghi được đúng như dự định (1):', '  - Trang “S”, ô A1: kết quả không phải là số nên ô được để trống. Hãy kiểm tra số liệu dùng để tính ô này.']);
  });
});
