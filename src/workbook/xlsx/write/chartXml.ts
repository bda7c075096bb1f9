/**
 * DrawingML for the plan's charts: one drawing part for the sheet, one chart part per chart.
 *
 * Wiring the package must do (ids assumed here):
 * - the sheet's rels: `drawingRelId` (passed to renderSheet) → the drawing part, type DRAWING_REL;
 * - the drawing's rels (xl/drawings/_rels/drawingK.xml.rels): "rId1" … "rIdN" → chartXmls[0 … N-1],
 *   type CHART_REL, in the order of `specs`;
 * - content types: DRAWING_CONTENT_TYPE for the drawing, CHART_CONTENT_TYPE for each chart.
 * Charts carry no cached values: Excel and LibreOffice read the cells when they open the file.
 */
import { parseCell, parseRange, sheetRef, columnLetter } from '../../a1';
import type { ChartSpec } from '../../port';
import { escapeText, ooxmlEscape } from './xmlText';

export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The relationship id the drawing uses for the chart at `index` of the specs. */
export function chartRelId(index: number): string {
  return `rId${index + 1}`;
}

export function renderChartParts(sheetName: string, specs: ChartSpec[]): { drawingXml: string; chartXmls: string[] } {
  const anchors = specs.map((spec, i) => anchorXml(spec, i));
  const drawingXml = `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join('')}</xdr:wsDr>`;
  return { drawingXml, chartXmls: specs.map((spec) => chartXml(sheetName, spec)) };
}

/** Covers the cells from `from` to `to` inclusive, as Office.js setPosition does. */
function anchorXml(spec: ChartSpec, i: number): string {
  const from = parseCell(spec.position.from);
  const to = parseCell(spec.position.to);
  const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const name = escapeText(`Chart ${i + 1}`);
  return (
    '<xdr:twoCellAnchor>' +
    marker('from', Math.min(from.col, to.col) - 1, Math.min(from.row, to.row) - 1) +
    marker('to', Math.max(from.col, to.col), Math.max(from.row, to.row)) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${name}" descr="${escapeAttrText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRelId(i)}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function escapeAttrText(s: string): string {
  return escapeText(ooxmlEscape(s)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function abs(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** Office's default series colours, written out: LibreOffice draws a series without a fill as nothing. */
const PALETTE = ['2F75B5', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];
const fill = (i: number) => `<c:spPr><a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill></c:spPr>`;

/** One series per column after the first; first row = series names, first column = categories. */
function seriesXml(sheet: string, spec: ChartSpec): string[] {
  const r = parseRange(spec.source);
  const out: string[] = [];
  const cat = sheetRef(sheet, `${abs(r.top + 1, r.left)}:${abs(r.bottom, r.left)}`);
  // A pie's slices are its points, each its own colour.
  const slices = Array.from({ length: r.bottom - r.top }, (_, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/>${fill(k)}</c:dPt>`).join('');
  for (let col = r.left + 1, i = 0; col <= r.right; col++, i++) {
    out.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(sheetRef(sheet, abs(r.top, col)))}</c:f></c:strRef></c:tx>` +
        (spec.type === 'pie' ? slices : `${fill(i)}<c:invertIfNegative val="0"/>`) +
        `<c:cat><c:strRef><c:f>${escapeText(cat)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(sheetRef(sheet, `${abs(r.top + 1, col)}:${abs(r.bottom, col)}`))}</c:f></c:numRef></c:val>` +
        '</c:ser>',
    );
  }
  return out;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axesXml(horizontalBars: boolean, percent: boolean): string {
  // A share's axis ends at 100%: left to itself it would reach 120% above full bars.
  const scale = percent ? '<c:max val="1"/><c:min val="0"/>' : '';
  const format = percent ? '<c:numFmt formatCode="0%" sourceLinked="0"/>' : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontalBars ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontalBars ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${scale}</c:scaling><c:delete val="0"/><c:axPos val="${horizontalBars ? 'b' : 'l'}"/><c:majorGridlines/>` +
    `${format}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontalBars ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function chartXml(sheet: string, spec: ChartSpec): string {
  const series = seriesXml(sheet, spec).join('');
  let plot: string;
  if (spec.type === 'pie') {
    plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls><c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const bars = spec.type === 'barClustered';
    plot =
      `<c:barChart><c:barDir val="${bars ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
      axesXml(bars, spec.percentAxis === true);
  }
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" b="1"/><a:t>${escapeText(ooxmlEscape(spec.title))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${DECL}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${spec.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '</c:chartSpace>'
  );
}
