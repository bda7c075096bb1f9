/**
 * One sheet laid out for paper, as its print setup says: A4 in its orientation, its margins,
 * its print area, its page breaks, shrunk to the page width when wider (the add-in's
 * documents ask "fit to width"). Shown only when printing: the browser's print dialog then
 * prints it or saves it as PDF. Every row is drawn (no virtual window on paper).
 */
import type { CSSProperties } from 'react';
import type { PrintSetup } from './packageModel';
import type { CellView, SheetView } from './sheetView';

const A4_CM = { portrait: { width: 21, height: 29.7 }, landscape: { width: 29.7, height: 21 } };
const PX_PER_CM = 96 / 2.54;

/** The page rules and the screen/paper switch: everything but the sheet is left off paper. */
function pageCss(print: PrintSetup): string {
  const m = print.margins;
  return [
    `@page { size: A4 ${print.orientation}; margin: ${m.top}cm ${m.right}cm ${m.bottom}cm ${m.left}cm; }`,
    '@media screen { .dvht-print { display: none; } }',
    '@media print { .dvht-screen { display: none !important; } html, body, #root { height: auto !important; overflow: visible !important; background: #fff; } }',
  ].join('\n');
}

function cellCss(cell: CellView): CSSProperties {
  const s = cell.style;
  const css: CSSProperties = { padding: '0 3px', verticalAlign: s?.vertical ?? 'bottom', overflow: 'hidden' };
  css.whiteSpace = s?.wrap ? 'pre-wrap' : 'nowrap';
  if (s?.bold) css.fontWeight = 700;
  if (s?.italic) css.fontStyle = 'italic';
  if (s?.fill) css.backgroundColor = s.fill;
  if (s?.color) css.color = s.color;
  const align = s?.align ?? (cell.numeric ? 'right' : undefined);
  if (align) css.textAlign = align;
  if (s?.fontSizePt) css.fontSize = `${s.fontSizePt}pt`;
  if (s?.border) css.border = '1px solid #000';
  return css;
}

export function PrintSheet(props: { view: SheetView; print: PrintSetup }) {
  const { view, print } = props;
  const area = print.printArea;
  const rows = view.rows.filter((r) => !area || (r >= area.top && r <= area.bottom));
  const columns = view.columns.filter((c) => !area || (c.index >= area.left && c.index <= area.right));
  const shownRows = new Set(rows);
  const shownColumns = new Set(columns.map((c) => c.index));
  const breaks = new Set(print.rowBreaks);
  const heightOf = new Map(view.rows.map((r, i) => [r, view.heights[i]!]));
  const width = columns.reduce((sum, c) => sum + c.widthPx, 0);
  const paper = A4_CM[print.orientation];
  const printable = (paper.width - print.margins.left - print.margins.right) * PX_PER_CM;
  // Wider than the page: shrunk to fit, as Excel's "fit to one page wide" does.
  const zoom = width > printable ? printable / width : 1;

  return (
    <div className="dvht-print" data-sheet={view.name}>
      <style>{pageCss(print)}</style>
      <table
        style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width, zoom, fontFamily: 'Calibri, Carlito, sans-serif', fontSize: '11pt', color: '#000' }}
        aria-label={view.name}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.index} style={{ width: c.widthPx }} />
          ))}
        </colgroup>
        <tbody>
          {rows.map((row) => (
            <tr key={row} style={{ height: heightOf.get(row), breakBefore: breaks.has(row) && row !== rows[0] ? 'page' : undefined, breakInside: 'avoid' }}>
              {columns.map((c) => {
                const cell = view.cell(row, c.index);
                const m = cell.merge;
                if (m && (m.top !== row || m.left !== c.index)) {
                  // Covered by a merge whose first cell is printed; drawn empty when that cell is off the area.
                  const startShown = shownRows.has(m.top) && shownColumns.has(m.left);
                  if (startShown) return null;
                }
                const own = m && m.top === row && m.left === c.index;
                return (
                  <td key={c.index} colSpan={own && m.span > 1 ? m.span : undefined} rowSpan={own && m.rowSpan > 1 ? m.rowSpan : undefined} style={cellCss(cell)}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
