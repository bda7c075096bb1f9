import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { CHART_CONTENT_TYPE, CHART_REL, DRAWING_CONTENT_TYPE, DRAWING_REL, chartRelId, renderChartParts } from '../../src/workbook/xlsx/write/chartXml';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import type { ChartSpec, SheetPlan } from '../../src/workbook/port';
import { convert } from '../support/libreoffice';
import { minimalPackage } from './minimalPackage';
import { inSchemaOrder, strictParseErrors, topLevel } from './xmlCheck';

const SHEET = "Tổng hợp 'xã'";
const SPECS: ChartSpec[] = [
  { type: 'columnClustered', source: 'A1:C4', title: 'Kết quả theo đơn vị & <cấp>', position: { from: 'E2', to: 'K16' } },
  { type: 'barClustered', source: 'A1:B4', title: 'Tỷ lệ đạt', position: { from: 'E18', to: 'K32' } },
  { type: 'pie', source: 'A1:B4', title: 'Cơ cấu', position: { from: 'M2', to: 'R16' } },
];

describe('renderChartParts', () => {
  test('one drawing anchoring each chart over its cells, one well-formed chart part per spec', () => {
    const { drawingXml, chartXmls } = renderChartParts(SHEET, SPECS);
    expect(chartXmls).toHaveLength(3);
    expect(strictParseErrors([drawingXml, ...chartXmls])).toEqual([null, null, null, null]);
    // E2:K16 → from (col 4, row 1) to the edge after K16 (col 11, row 16), zero-based.
    expect(drawingXml).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row>');
    expect([...drawingXml.matchAll(/r:id="(rId\d+)"/g)].map((m) => m[1])).toEqual([chartRelId(0), chartRelId(1), chartRelId(2)]);
    const [col, bar, pie] = chartXmls as [string, string, string];
    expect(col).toContain('<c:barDir val="col"/>');
    expect(col).toContain("<c:tx><c:strRef><c:f>'Tổng hợp ''xã'''!$B$1</c:f></c:strRef></c:tx>");
    expect(col).toContain("<c:cat><c:strRef><c:f>'Tổng hợp ''xã'''!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Tổng hợp ''xã'''!$C$2:$C$4</c:f>");
    expect(col).toContain('<a:t>Kết quả theo đơn vị &amp; &lt;cấp&gt;</a:t>');
    expect(col.match(/<c:ser>/g)).toHaveLength(2);
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(pie).not.toContain('<c:catAx>');
  });

  test('renderSheet links the drawing in schema order when given its relationship id', () => {
    const plan: SheetPlan = { sheet: SHEET, mode: 'replace', cells: [{ at: 'A1', rows: [['x']] }], charts: SPECS, page: { paperSize: 'A4', rowBreaks: [3] } };
    const withDrawing = renderSheet(plan, new StylesEditor(null), null, { drawingRelId: 'rId7' });
    expect(withDrawing.charts).toEqual(SPECS);
    expect(withDrawing.xml).toContain('</rowBreaks><drawing r:id="rId7"/></worksheet>');
    expect(inSchemaOrder(topLevel(withDrawing.xml))).toBe(true);
    expect(renderSheet(plan, new StylesEditor(null), null).xml).not.toContain('<drawing');
    // On an existing sheet too, declaring the relationships namespace if the sheet lacks it.
    const bare = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><extLst><ext uri="{X}"/></extLst></worksheet>';
    const patched = renderSheet({ ...plan, mode: 'existing', page: undefined }, new StylesEditor(null), bare, { drawingRelId: 'rId2' });
    expect(strictParseErrors([patched.xml])).toEqual([null]);
    expect(patched.xml).toContain('<drawing r:id="rId2"/><extLst>');
    expect(patched.xml).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  });

  test('LibreOffice opens the charts and keeps their series', async () => {
    // LibreOffice 7 drops chart ranges whose sheet name holds an apostrophe (Excel reads them): a plain name here.
    const SHEET = 'Tổng hợp đơn vị';
    const styles = new StylesEditor(null);
    const plan: SheetPlan = {
      sheet: SHEET,
      mode: 'replace',
      cells: [{ at: 'A1', rows: [['Đơn vị', 'Đạt', 'Chưa đạt'], ['Trường A', 40, 5], ['Trường B', 30, 10], ['Trường C', 20, 2]] }],
      charts: SPECS,
    };
    const r = renderSheet(plan, styles, null, { drawingRelId: 'rId1' });
    const { drawingXml, chartXmls } = renderChartParts(SHEET, r.charts);
    const rels = (items: [string, string, string][]) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
    const bytes = await minimalPackage([{ name: SHEET, xml: r.xml, rels: rels([['rId1', DRAWING_REL, '../drawings/drawing1.xml']]) }], styles.toXml()!, [
      { name: 'xl/drawings/drawing1.xml', xml: drawingXml, contentType: DRAWING_CONTENT_TYPE },
      { name: 'xl/drawings/_rels/drawing1.xml.rels', xml: rels(chartXmls.map((_, i) => [chartRelId(i), CHART_REL, `../charts/chart${i + 1}.xml`])) },
      ...chartXmls.map((xml, i) => ({ name: `xl/charts/chart${i + 1}.xml`, xml, contentType: CHART_CONTENT_TYPE })),
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetxml-chart-'));
    fs.writeFileSync(path.join(dir, 'c.xlsx'), bytes);
    const out = await convert(path.join(dir, 'c.xlsx'), 'xlsx', path.join(dir, 'out'));
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort().map((n) => zip.file(n)!.async('string')));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(charts).toHaveLength(3);
    const all = charts.join('\n').replace(/&apos;/g, "'");
    expect(all).toMatch(/<c:barDir val="col"\/>/);
    expect(all).toMatch(/<c:barDir val="bar"\/>/);
    expect(all).toMatch(/<c:pieChart>/);
    expect(all).toContain("<c:val><c:numRef><c:f>'Tổng hợp đơn vị'!$C$2:$C$4</c:f>");
    // LibreOffice read the cells: its cache holds the plan's figures.
    expect(all).toMatch(/<c:pt idx="0"><c:v>40<\/c:v><\/c:pt>/);
    expect(all).toMatch(/<c:cat>(?:(?!<\/c:cat>)[\s\S])*\$A\$2:\$A\$4/);
    expect(all).toContain('Kết quả theo đơn vị &amp; &lt;cấp&gt;');
  });
});
