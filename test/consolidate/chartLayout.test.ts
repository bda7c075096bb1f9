/**
 * The statistics sheet's two charts sit one under the other: drawn over each other (as
 * LibreOffice rendered them), the pass-rate chart hid the outcome chart's plot; and their bars and
 * slices are filled. The in-cell bars ("Biểu đồ" beside the counts and the pass rates) fit their
 * column on one line: wrapped in a narrow column they stood as a tall block of squares.
 */
import { consolidateFiles, planConsolidation, readUnitFile } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { columnLetter, parseCell, parseRange } from '../../src/workbook/a1';
import type { CellInput, CellStyle, SheetPlan } from '../../src/workbook/port';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { unitWorkbook } from './corpus';
import { renderChartParts } from '../../src/workbook/xlsx/write/chartXml';
import { heightFor, lineCount } from '../../src/sheets/documentLayout';
import { DATA_FONT_SIZE } from '../../src/sheets/styles';

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

/** The statistics sheet's plan for two unit workbooks. */
async function twoUnitPlan(): Promise<SheetPlan> {
  return (await twoUnitPlans())[1];
}

/** The consolidation's plans for two unit workbooks of the same rule set: the units table, its statistics, the file report. */
async function twoUnitPlans(): Promise<SheetPlan[]> {
  const units = [
    { label: 'a.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 20 }) },
    { label: 'b.xlsx', bytes: await unitWorkbook({ name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', members: 20, rate: 0.8, seed: 2 }) },
  ];
  const result = await consolidateFiles(
    await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX),
    units.map((u) => ({ label: u.label, size: u.bytes.length })),
    async (indices, onOutcome) => {
      for (const i of indices) onOutcome(await readUnitFile(units[i]!.bytes, units[i]!.label, { ...READ, lang: 'vi' }), i);
      return true;
    },
    { body: 'UBND xã Hòa Bình', tier: 'cấp xã', lang: 'vi' },
  );
  return planConsolidation(result!, 'vi').plans;
}

test('the outcome chart and the pass-rate chart do not overlap', async () => {
  const charts = (await twoUnitPlan()).charts!;
  expect(charts).toHaveLength(2);
  const [pie, rates] = charts.map((c) => ({ from: parseCell(c.position.from), to: parseCell(c.position.to) }));
  const apart = rates!.from.row > pie!.to.row || rates!.from.col > pie!.to.col || pie!.from.col > rates!.to.col;
  expect({ pie, rates, apart }).toEqual({ pie, rates, apart: true });
});

test('the pass-rate chart’s axis runs from 0 to 100%, labelled as percentages (left to itself it reached 120%, labelled 1.2)', async () => {
  const charts = (await twoUnitPlan()).charts!;
  expect(charts.map((c) => [c.type, c.percentAxis === true])).toEqual([['pie', false], ['columnClustered', true]]);
  const { chartXmls } = renderChartParts('Tổng hợp đơn vị', charts);
  const valueAxis = (xml: string) => /<c:valAx>.*<\/c:valAx>/.exec(xml)?.[0] ?? '';
  expect(valueAxis(chartXmls[1]!)).toContain('<c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>');
  expect(valueAxis(chartXmls[1]!)).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  // A chart of counts keeps Excel's automatic bounds and the cells' format.
  const [counts] = renderChartParts('S', [{ ...charts[1]!, percentAxis: undefined }]).chartXmls;
  expect(valueAxis(counts!)).toContain('<c:scaling><c:orientation val="minMax"/></c:scaling>');
  expect(valueAxis(counts!)).toContain('<c:numFmt formatCode="General" sourceLinked="1"/>');
});

test('every bar and every pie slice has its own fill (LibreOffice draws a series without one as nothing)', () => {
  const { chartXmls } = renderChartParts('Tổng hợp đơn vị', [
    { type: 'columnClustered', source: 'A1:C4', title: 'Cột', position: { from: 'E2', to: 'K16' } },
    { type: 'pie', source: 'A1:B4', title: 'Bánh', position: { from: 'M2', to: 'R16' } },
  ]);
  const [columns, pie] = chartXmls as [string, string];
  expect(columns.match(/<c:ser>.*?<\/c:tx><c:spPr><a:solidFill><a:srgbClr val="[0-9A-F]{6}"\/>/g)).toHaveLength(2);
  expect(pie.match(/<c:dPt><c:idx val="\d"\/><c:bubble3D val="0"\/><c:spPr><a:solidFill>/g)).toHaveLength(3);
});

/**
 * Blocks that fit a column of width `w`: 7 px per character of the default font + 5, less the
 * cell's 8 px of padding, over a block's width at `pt` (≈ 8.3 px at 8 pt, measured in the preview).
 */
const blocksThatFit = (w: number, pt: number) => Math.floor((7 * w + 5 - 8) / (pt * 1.05));

/** Every cell of the plan with its position and its merged style, in the order runs apply. */
function cells(plan: SheetPlan): { row: number; col: number; value: CellInput; style: CellStyle }[] {
  const out: { row: number; col: number; value: CellInput; style: CellStyle }[] = [];
  for (const block of plan.cells ?? []) {
    const at = parseCell(block.at);
    block.rows.forEach((r, i) =>
      r.forEach((value, j) => {
        const row = at.row + i;
        const col = at.col + j;
        let style: CellStyle = {};
        for (const run of plan.styles ?? []) {
          const g = parseRange(run.range);
          if (row >= g.top && row <= g.bottom && col >= g.left && col <= g.right) style = { ...style, ...run.style };
        }
        out.push({ row, col, value, style });
      }),
    );
  }
  return out;
}

test('each in-cell bar stays on one line within its column, 100% filling it', async () => {
  const plan = await twoUnitPlan();
  const widths = new Map((plan.columns ?? []).map((c) => [c.index, c.width ?? 8.43]));
  const bars = cells(plan).filter((c) => typeof c.value === 'object' && c.value !== null && 'formula' in c.value && c.value.formula.includes('REPT('));
  expect(bars.length).toBeGreaterThanOrEqual(4); // two outcomes, several indicators
  for (const bar of bars) {
    const text = String((bar.value as { result?: unknown }).result ?? '');
    const fit = blocksThatFit(widths.get(bar.col)!, bar.style.fontSize ?? 11);
    expect({ at: [bar.row, bar.col], wrap: bar.style.wrap ?? false }).toEqual({ at: [bar.row, bar.col], wrap: false });
    expect(text.length).toBeLessThanOrEqual(fit);
    // The formula's full length is its column's: 100% draws as many blocks as the cell holds, no more.
    const full = Number(/\*(\d+),0\)/.exec((bar.value as { formula: string }).formula)![1]);
    expect(full).toBeLessThanOrEqual(fit);
    expect(full).toBeGreaterThanOrEqual(fit - 2);
  }
});

test('the pass-rate table shows each indicator’s whole text, and no chart is anchored to a row fitted to its text', async () => {
  const plan = await twoUnitPlan();
  const widths = new Map((plan.columns ?? []).map((c) => [c.index, c.width ?? 8.43]));
  const heights = new Map((plan.rowHeights ?? []).map((h) => [h.index, h.height]));
  const header = cells(plan).find((c) => c.value === 'Nội dung')!;
  const texts = cells(plan).filter((c) => c.col === header.col && c.row > header.row && typeof c.value === 'string');
  expect(texts.length).toBeGreaterThanOrEqual(10);
  // The text spans the merge it starts, if any.
  const spanWidth = (row: number, col: number) => {
    const merge = (plan.merges ?? []).map(parseRange).find((m) => m.top === row && m.left === col);
    let w = 0;
    for (let c = col; c <= (merge?.right ?? col); c++) w += widths.get(c) ?? 8.43;
    return w;
  };
  let tall = 0;
  for (const text of texts) {
    const width = spanWidth(text.row, text.col);
    // Wide enough for a line of ~30 characters: TT24's longest indicator (1.2) on at most six lines.
    expect({ row: text.row, width: width >= 30 }).toEqual({ row: text.row, width: true });
    const lines = lineCount(text.value as string, width - 1, DATA_FONT_SIZE);
    expect(lines).toBeLessThanOrEqual(6);
    expect({ row: text.row, wrap: text.style.wrap }).toEqual({ row: text.row, wrap: true });
    if (lines > 1) {
      tall++;
      expect({ row: text.row, height: heights.get(text.row) }).toEqual({ row: text.row, height: heightFor(lines, DATA_FONT_SIZE) });
    }
  }
  expect(tall).toBeGreaterThan(0);
  // A chart stretches with the rows it is anchored to: it covers only rows of the default height.
  for (const chart of plan.charts ?? []) {
    const from = parseCell(chart.position.from);
    const to = parseCell(chart.position.to);
    for (let r = from.row; r <= to.row; r++) expect({ chart: chart.title, row: r, height: heights.get(r) }).toEqual({ chart: chart.title, row: r, height: undefined });
  }
});

test('the “Căn cứ” both units share is said once on the statistics, and the printed table leaves its column out (a page of its own in every band of rows)', async () => {
  const [units, stats] = await twoUnitPlans();
  const header = cells(units!).filter((c) => c.row === 5);
  const basis = header.find((c) => c.value === 'Căn cứ')!;
  // The printed table ends with the remarks cut short; the bases, the file and the remarks whole follow, unprinted.
  expect(header.filter((c) => c.col >= basis.col - 1).sort((a, b) => a.col - b.col).map((c) => c.value)).toEqual(['Ghi chú (tóm tắt)', 'Căn cứ', 'Tệp', 'Ghi chú']);
  const lastRow = Math.max(...cells(units!).map((c) => c.row));
  expect(units!.page?.printArea).toBe(`A5:${columnLetter(basis.col - 1)}${lastRow}`);
  const line = cells(stats!).find((c) => typeof c.value === 'string' && c.value.startsWith('Căn cứ: '))!;
  expect(line.value).toBe('Căn cứ: Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh.');
  // Over the statistics' whole width, wrapped.
  expect(stats!.merges).toContain(`A${line.row}:G${line.row}`);
  expect(line.style.wrap).toBe(true);
});
