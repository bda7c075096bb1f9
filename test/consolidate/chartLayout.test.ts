/**
 * The consolidation sheet's two charts sit one under the other: drawn over each other (as
 * LibreOffice rendered them), the pass-rate chart hid the outcome chart's plot; and their bars and
 * slices are filled.
 */
import { consolidateFiles, planConsolidation, readUnitFile } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { parseCell } from '../../src/workbook/a1';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { unitWorkbook } from './corpus';
import { renderChartParts } from '../../src/workbook/xlsx/write/chartXml';

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

test('the outcome chart and the pass-rate chart do not overlap', async () => {
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
  const charts = planConsolidation(result!, 'vi').plans[0]!.charts!;
  expect(charts).toHaveLength(2);
  const [pie, rates] = charts.map((c) => ({ from: parseCell(c.position.from), to: parseCell(c.position.to) }));
  expect(rates!.from.row).toBeGreaterThan(pie!.to.row);
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
