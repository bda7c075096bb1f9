/**
 * Inside Excel a sheet of ours is redrawn where it is, never deleted and added again: Excel turns
 * whatever pointed at a deleted sheet into #REF! (the user's formulas, chart series, names) and
 * drops its change handlers. Everything the last drawing (or the user) left on it goes, in every
 * ExcelApi version the add-in runs on. Through OfficeWorkbook on the counting fake; that the user's
 * formulas keep their target is in the contract suite, for every host.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { widthToPoints } from '../../src/workbook/office/applyPlan';
import { ownSheetCandidates, SHEET_MARK } from '../../src/workbook/plan';
import type { SheetPlan } from '../../src/workbook/port';
import { createFakeExcel } from '../support/fakeExcel';

const MARKED = { 'Tổng hợp': { [SHEET_MARK]: '="consolidation-stats"' } };
const plan = (extra: Partial<SheetPlan> = {}): SheetPlan => ({ sheet: 'Tổng hợp', mode: 'replace', role: 'consolidation-stats', cells: [{ at: 'A1', rows: [['mới']] }], ...extra });

/** What a full drawing leaves: formats, sizes, merges, a list, panes, a filter, breaks, a tab colour, two charts, a table. */
const FULL = plan({
  cells: [{ at: 'A1', rows: [['Kết quả', 'Số'], ['Đạt', 3], ['Chưa đạt', 1]] }],
  styles: [{ range: 'A1:B1', style: { bold: true, fill: '#DDEBF7' } }],
  columns: [{ index: 1, width: 30 }, { index: 3, hidden: true }],
  rowHeights: [{ index: 2, height: 40 }],
  merges: ['D1:F1'],
  validations: [{ range: 'B2:B3', list: ['1', '2'] }],
  freeze: { rows: 1, columns: 0 },
  autoFilter: 'A1:B3',
  page: { rowBreaks: [2] },
  tabColor: '#FF0000',
  charts: [
    { type: 'pie', source: 'A1:B3', title: 'Một', position: { from: 'D5', to: 'H15' } },
    { type: 'columnClustered', source: 'A1:B3', title: 'Hai', position: { from: 'I5', to: 'M15' } },
  ],
});

async function drawnTwice(apiVersion: string, first: SheetPlan, readMarks: boolean) {
  const excel = createFakeExcel({ apiVersion, sheets: { 'Dữ liệu': [['x']], 'Tổng hợp': [['cũ']], 'Của trường': [['y']] }, names: MARKED });
  const wb = new OfficeWorkbook(excel.run, excel.supports);
  await wb.batch(async (s) => s.write(first));
  const sheet = excel.sheet('Tổng hợp');
  // What the user did on our sheet since: a conditional format, a row hidden.
  sheet.conditionalFormats.push({ address: 'B2:B3', type: 'CellValue' });
  sheet.hiddenRows.add(3);
  excel.reset();
  await wb.batch(async (s) => {
    if (readMarks) await s.read(['Dữ liệu'], { marks: ownSheetCandidates('Tổng hợp') });
    s.write(plan());
  });
  return { excel, sheet, warnings: wb.takeWarnings() };
}

describe('a sheet of ours redrawn inside Excel', () => {
  it.each([true, false])('is the same sheet, in the same place, emptied of everything the last drawing left (marks read with the batch: %s)', async (readMarks) => {
    const { excel, sheet } = await drawnTwice('1.13', FULL, readMarks);
    expect(excel.sheet('Tổng hợp')).toBe(sheet);
    expect(excel.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp', 'Của trường']);
    expect(sheet.names.get(SHEET_MARK)).toBe('="consolidation-stats"');
    expect(sheet.rows.flatMap((line, r) => (line ?? []).flatMap((c, col) => (c ? [[r + 1, col + 1, c.value]] : [])))).toEqual([[1, 1, 'mới']]);
    expect({
      formats: sheet.formats.length,
      widths: [...sheet.columnWidths],
      heights: [...sheet.rowHeights],
      hiddenColumns: [...sheet.hiddenColumns],
      hiddenRows: [...sheet.hiddenRows],
      merges: sheet.merges,
      validations: sheet.validations,
      conditionalFormats: sheet.conditionalFormats,
      freeze: sheet.freeze,
      autoFilter: sheet.autoFilter,
      rowBreaks: sheet.rowBreaks,
      tabColor: sheet.tabColor,
      charts: sheet.charts,
    }).toEqual({ formats: 0, widths: [], heights: [], hiddenColumns: [], hiddenRows: [], merges: [], validations: [], conditionalFormats: [], freeze: null, autoFilter: null, rowBreaks: [], tabColor: null, charts: [] });
  });

  it('counts its charts in the read that finds its mark: the redraw still takes the read and one write', async () => {
    const { excel } = await drawnTwice('1.13', FULL, true);
    expect(excel.stats.syncs).toBe(2);
  });

  it('drawn again with charts, holds only the new ones', async () => {
    const { sheet } = await drawnTwice('1.13', FULL, true);
    const excel = createFakeExcel({ sheets: { 'Tổng hợp': [['cũ']] }, names: MARKED });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    for (let i = 0; i < 3; i++) await wb.batch(async (s) => s.write(FULL));
    expect(excel.sheet('Tổng hợp').charts.map((c) => c.title)).toEqual(['Một', 'Hai']);
    expect(sheet.charts).toEqual([]);
  });

  it('drops a table of the last drawing the plan no longer draws, and keeps resizing one it does', async () => {
    const table = { name: 'KetQua', range: 'A1:B3', columns: ['Kết quả', 'Số'] };
    const excel = createFakeExcel({ sheets: { 'Tổng hợp': [['cũ']], 'Của trường': [['y']] }, names: MARKED });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await wb.batch(async (s) => s.write({ ...FULL, tables: [table], autoFilter: '' }));
    await wb.batch(async (s) => s.write({ ...FULL, cells: [{ at: 'A1', rows: [['Kết quả', 'Số'], ['Đạt', 3], ['Chưa đạt', 1], ['Tổng', 4]] }], tables: [{ ...table, range: 'A1:B4' }], autoFilter: '' }));
    expect(excel.sheet('Tổng hợp').tables.map((t) => [t.name, t.range])).toEqual([['KetQua', 'A1:B4']]);
    await wb.batch(async (s) => s.write(plan()));
    expect(excel.sheet('Tổng hợp').tables).toEqual([]);
  });

  it.each(['1.4', '1.7', '1.9'])('in an Excel of ExcelApi %s, uses nothing newer and clears what that version can draw', async (apiVersion) => {
    const first = plan({ cells: FULL.cells, merges: ['D1:F1'], columns: [{ index: 1, width: 30 }], rowHeights: [{ index: 2, height: 40 }], charts: FULL.charts });
    const { sheet, warnings } = await drawnTwice(apiVersion, first, true);
    expect(sheet.rows.flat().filter(Boolean).map((c) => c!.value)).toEqual(['mới']);
    expect([sheet.merges, sheet.charts]).toEqual([[], []]);
    // Standard sizes are ExcelApi 1.7: an older Excel keeps the last drawing's (the plan sets those it needs).
    const sizes = apiVersion === '1.4' ? [[[1, widthToPoints(30)]], [[2, 40]]] : [[], []];
    expect([[...sheet.columnWidths], [...sheet.rowHeights]]).toEqual(sizes);
    expect(warnings.filter((w) => w.code !== 'featureSkipped')).toEqual([]);
  });
});
