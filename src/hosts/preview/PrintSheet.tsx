/**
 * One sheet laid out for paper, as its print setup says: A4 in its orientation, its margins,
 * its print area, its scale or its "fit to N pages wide by M tall", its page breaks, its print
 * titles. Wider than the page and not fitted: shrunk when a little shrinking is enough;
 * otherwise printed at its scale, its columns split across pages (down, then over, or over, then
 * down when the file says so, as Excel),
 * landscape unless the file says the orientation, the print titles on every page (with none,
 * the frozen rows and columns: what a clerk who froze a heading expects on paper), its header
 * and footer in the margins of every page (the first page's and the even pages' own where it has them).
 * Shown only when printing: the browser's print dialog then prints it or saves it as PDF.
 * Every row is drawn (no virtual window on paper).
 */
import type { CSSProperties } from 'react';
import type { PageHeaderFooter, PrintSetup } from './packageModel';
import { CELL_PADDING_X, type CellView, type ColumnView, type SheetView } from './sheetView';
import { PAGE_COUNT, PAGE_NUMBER } from '../../workbook/port';

const A4_CM = { portrait: { width: 21, height: 29.7 }, landscape: { width: 29.7, height: 21 } };
const PX_PER_CM = 96 / 2.54;
/** Below this scale printed text gets hard to read: the columns go on more pages instead. */
const READABLE_ZOOM = 0.8;
/** Excel's smallest scale (10%). */
const MIN_ZOOM = 0.1;

/** Excel prints a header in the workbook's font (the sheet's here), 11 pt at 100 %, scaled with the sheet (scaleWithDoc). */
const HEADER_FONT_PT = 11;

/** A CSS string of the text, its page fields as the page counters and its line breaks kept (CR LF too: a CSS string cannot hold one). */
function marginContent(text: string): string {
  const quoted = (t: string) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\f]/g, '\\A ')}"`;
  return text
    .split(PAGE_NUMBER)
    .map((a) => a.split(PAGE_COUNT).map(quoted).join(' counter(pages) '))
    .join(' counter(page) ');
}

/**
 * A header and footer in the page's margin boxes, with the page's number and the count, as Excel
 * prints them in the margins (CSS Paged Media; Chromium draws them since 131). `clear`: the
 * sections it leaves empty are cleared too, over those a less specific @page rule gave.
 */
function marginBoxes(texts: PageHeaderFooter, style: string, clear: boolean): string {
  const boxes: string[] = [];
  for (const [edge, sections] of [['top', texts.header], ['bottom', texts.footer]] as const) {
    for (const side of ['left', 'center', 'right'] as const) {
      const text = sections[side];
      if (text) boxes.push(`@${edge}-${side} { content: ${marginContent(text)}; ${style} }`);
      else if (clear) boxes.push(`@${edge}-${side} { content: none; }`);
    }
  }
  return boxes.join(' ');
}

/**
 * The page rules and the screen/paper switch: everything but the sheet is left off paper. The
 * odd pages' header and footer on every page; the first page's (:first) and the even pages'
 * (:left: the first page is a right one, left to right) over them where the sheet has its own.
 */
function pageCss(print: PrintSetup, orientation: PrintSetup['orientation'], zoom: number, font: string): string {
  const m = print.margins;
  const style = `white-space: pre-wrap; font-family: ${font}; font-size: ${Math.round(HEADER_FONT_PT * zoom * 10) / 10}pt; color: #000;`;
  return [
    `@page { size: A4 ${orientation}; margin: ${m.top}cm ${m.right}cm ${m.bottom}cm ${m.left}cm; ${marginBoxes(print, style, false)} }`,
    ...(print.evenPages ? [`@page :left { ${marginBoxes(print.evenPages, style, true)} }`] : []),
    ...(print.firstPage ? [`@page :first { ${marginBoxes(print.firstPage, style, true)} }`] : []),
    '@media screen { .dvht-print { display: none; } }',
    '@media print { .dvht-screen { display: none !important; } html, body, #root { height: auto !important; overflow: visible !important; background: #fff; } }',
  ].join('\n');
}

function cellCss(cell: CellView): CSSProperties {
  const s = cell.style;
  // The grid's padding: the row heights are measured in the text's width on screen.
  const css: CSSProperties = { padding: `0 ${CELL_PADDING_X}px`, verticalAlign: s?.vertical ?? 'bottom', overflow: 'hidden' };
  css.whiteSpace = s?.wrap ? 'pre-wrap' : 'nowrap';
  if (s?.font) css.fontFamily = s.font;
  if (s?.bold) css.fontWeight = 700;
  if (s?.italic) css.fontStyle = 'italic';
  if (s?.underline) css.textDecoration = 'underline';
  if (s?.fill) css.backgroundColor = s.fill;
  if (s?.color) css.color = s.color;
  const align = s?.align ?? (cell.numeric ? 'right' : undefined);
  if (align) css.textAlign = align;
  if (s?.fontSizePt) css.fontSize = `${s.fontSizePt}pt`;
  if (s?.border) css.border = '1px solid #000';
  return css;
}

const widthOf = (columns: readonly ColumnView[]) => columns.reduce((sum, c) => sum + c.widthPx, 0);
const printableWidth = (print: PrintSetup, orientation: PrintSetup['orientation']) =>
  (A4_CM[orientation].width - print.margins.left - print.margins.right) * PX_PER_CM;
/** A row cut by the page's end goes whole to the next (break-inside: avoid): a little room is kept for that. */
const printableHeight = (print: PrintSetup, orientation: PrintSetup['orientation']) =>
  (A4_CM[orientation].height - print.margins.top - print.margins.bottom) * PX_PER_CM * 0.98;

/** Columns in groups that each fit `room` pixels (a column wider than that alone), a new group at each column break. */
function bands(columns: readonly ColumnView[], room: number, breaks: ReadonlySet<number>): ColumnView[][] {
  const out: ColumnView[][] = [];
  let band: ColumnView[] = [];
  let used = 0;
  for (const c of columns) {
    if (band.length && (used + c.widthPx > room || breaks.has(c.index))) {
      out.push(band);
      band = [];
      used = 0;
    }
    band.push(c);
    used += c.widthPx;
  }
  if (band.length) out.push(band);
  return out;
}

/**
 * The rows and columns repeated on each page: the print titles (Page Layout → Print Titles);
 * without them, the frozen panes' rows and columns (Excel repeats nothing; a frozen heading is what clerks expect).
 */
export function printedTitles(view: SheetView, print: PrintSetup): Pick<PrintSetup, 'titleRows' | 'titleColumns'> {
  if (print.titleRows || print.titleColumns) return { titleRows: print.titleRows, titleColumns: print.titleColumns };
  const rows = view.rows.slice(0, view.frozen.rows);
  const columns = view.columns.slice(0, view.frozen.columns);
  return {
    titleRows: rows.length ? { first: rows[0]!, last: rows[rows.length - 1]! } : null,
    titleColumns: columns.length ? { first: columns[0]!.index, last: columns[columns.length - 1]!.index } : null,
  };
}

/** The rows a sheet prints below its title rows: those of its print area. */
function bodyRowsOf(view: SheetView, print: PrintSetup): number[] {
  const area = print.printArea;
  const t = print.titleRows;
  return view.rows.filter((r) => (!area || (r >= area.top && r <= area.bottom)) && !(t !== null && r >= t.first && r <= t.last));
}

/**
 * How a sheet goes on paper: its orientation, its zoom, the column groups printed one after
 * another, whether its manual row breaks hold, and its body rows by page. As Excel: a sheet
 * fitted to N pages wide by M tall is shrunk (never enlarged) until it fits, its manual breaks
 * ignored; otherwise it prints at its scale, its columns split at its column breaks and where the
 * page ends. Down, then over (Excel's default), the rows are one group the browser turns into
 * pages, each group of columns after the other; over, then down, the rows are cut into page-high
 * groups here (at the row breaks too), each printed with every group of columns before the next.
 */
export function paperLayout(view: SheetView, print: PrintSetup) {
  const layout = columnLayout(view, print);
  const body = bodyRowsOf(view, print);
  if (!print.overThenDown || layout.bands.length < 2) return { ...layout, pages: [body] };
  const heightOf = new Map(view.rows.map((r, i) => [r, view.heights[i]!]));
  const t = print.titleRows;
  const heading = view.rows.filter((r) => t !== null && r >= t.first && r <= t.last).reduce((sum, r) => sum + heightOf.get(r)!, 0);
  const room = printableHeight(print, layout.orientation) / layout.zoom - heading;
  const breaks = new Set(layout.rowBreaks ? print.rowBreaks : []);
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  for (const r of body) {
    const h = heightOf.get(r)!;
    if (page.length && (used + h > room || breaks.has(r))) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(r);
    used += h;
  }
  if (page.length || !pages.length) pages.push(page);
  return { ...layout, pages };
}

/** The orientation, zoom and column groups of paperLayout. */
function columnLayout(view: SheetView, print: PrintSetup) {
  const area = print.printArea;
  const t = print.titleColumns;
  const isTitle = (col: number) => t !== null && col >= t.first && col <= t.last;
  const columns = view.columns.filter((c) => !area || (c.index >= area.left && c.index <= area.right));
  const titles = view.columns.filter((c) => isTitle(c.index));
  const width = widthOf(columns);
  const fitted = print.fit !== null;
  const orientation = print.orientationSet || fitted || width * (print.scale / 100) <= printableWidth(print, 'portrait') ? print.orientation : 'landscape';
  const printable = printableWidth(print, orientation);
  const split = (zoom: number, breaks: ReadonlySet<number>) => {
    const room = printable / zoom;
    if (width <= room && !breaks.size) return [columns];
    // Title columns repeat before each group, unless they would leave too little room beside them.
    const repeat = titles.length > 0 && widthOf(titles) < room / 2 ? titles : [];
    const rest = repeat.length ? columns.filter((c) => !isTitle(c.index)) : columns;
    return bands(rest, room - widthOf(repeat), breaks).map((b) => [...repeat, ...b]);
  };
  if (print.fit) {
    const { width: wide, height: tall } = print.fit;
    const tr = print.titleRows;
    let body = 0;
    let heading = 0;
    view.rows.forEach((r, i) => {
      if (tr && r >= tr.first && r <= tr.last) heading += view.heights[i]!;
      else if (!area || (r >= area.top && r <= area.bottom)) body += view.heights[i]!;
    });
    const across = wide > 0 ? (wide * printable) / width : 1;
    // The title rows head every page, so each of the M pages holds them.
    const down = tall > 0 ? (tall * printableHeight(print, orientation)) / (body + tall * heading) : 1;
    const zoom = Math.max(MIN_ZOOM, Math.min(1, across, down));
    return { orientation, zoom, bands: split(zoom, new Set()), rowBreaks: false };
  }
  const zoom = print.scale / 100;
  // At the default scale a sheet a little too wide is shrunk rather than cut (a column or two on a page of its own).
  if (print.scale === 100 && !print.columnBreaks.length && width > printable && printable / width >= READABLE_ZOOM) {
    return { orientation, zoom: printable / width, bands: [columns], rowBreaks: true };
  }
  return { orientation, zoom, bands: split(zoom, new Set(print.columnBreaks)), rowBreaks: true };
}

export function PrintSheet(props: { view: SheetView; print: PrintSetup }) {
  const { view } = props;
  const print = { ...props.print, ...printedTitles(view, props.print) };
  const t = print.titleRows;
  const isTitle = (row: number) => t !== null && row >= t.first && row <= t.last;
  const layout = paperLayout(view, print);
  // Title rows head every page (a table's head repeats on each page it spans); the rest is the body.
  const titleRows = view.rows.filter(isTitle);
  // Rows above the title rows (a title block over the headings) print first, without them, as in Excel:
  // the titles come in their place after them and head only the pages from there on.
  const titlesAt = titleRows.length ? view.rows.indexOf(titleRows[0]!) : -1;
  const above = (row: number) => rowIndex.get(row)! < titlesAt;
  const sections = (bodyRows: number[]) => {
    const before = bodyRows.filter(above);
    const after = before.length ? bodyRows.slice(before.length) : bodyRows;
    return [...(before.length ? [{ rows: before, headed: false }] : []), ...(after.length || !before.length ? [{ rows: after, headed: titleRows.length > 0 }] : [])];
  };
  const breaks = new Set(layout.rowBreaks ? print.rowBreaks : []);
  const heightOf = new Map(view.rows.map((r, i) => [r, view.heights[i]!]));
  const rowIndex = new Map(view.rows.map((r, i) => [r, i]));
  const columnIndex = new Map(view.columns.map((c, i) => [c.index, i]));
  /** Whether a shown cell lies in the merge (first shown row and column, shown spans). */
  const inMerge = (m: NonNullable<CellView['merge']>, row: number, col: number) => {
    const ri = rowIndex.get(row)! - rowIndex.get(m.top)!;
    const ci = columnIndex.get(col)! - columnIndex.get(m.left)!;
    return ri >= 0 && ri < m.rowSpan && ci >= 0 && ci < m.span;
  };

  /** An empty cell a line of text on its left may run on over, as Excel prints it (nothing of its own drawn there). */
  const bare = (cell: CellView) => cell.text === '' && !cell.merge && !cell.uncalculated && !cell.style?.border && !cell.style?.fill;
  /** Rows of one table section; a merge is drawn by its first cell there, over the rest of it there, with its first cell's text. */
  const section = (rows: number[], columns: ColumnView[], firstOfBody: boolean) =>
    rows.map((row, ri) => {
      /** The last column index drawn over by a text run on from its left. */
      let runTo = -1;
      return (
        <tr key={row} style={{ height: heightOf.get(row), breakBefore: firstOfBody && breaks.has(row) && ri > 0 ? 'page' : undefined, breakInside: 'avoid' }}>
          {columns.map((c, ci) => {
            if (ci <= runTo) return null;
            let cell = view.cell(row, c.index);
            const m = cell.merge;
            let colSpan = 1;
            let rowSpan = 1;
            const align = cell.style?.align ?? 'left';
            if (!m && cell.text !== '' && !cell.numeric && !cell.style?.wrap && !cell.style?.border && align === 'left') {
              // One line of text runs on over the empty cells to its right, up to the first filled one (a title in A1).
              while (ci + colSpan < columns.length && bare(view.cell(row, columns[ci + colSpan]!.index))) colSpan++;
              runTo = ci + colSpan - 1;
            }
            if (m) {
              const startsHere = !(ri > 0 && inMerge(m, rows[ri - 1]!, c.index)) && !(ci > 0 && inMerge(m, row, columns[ci - 1]!.index));
              if (!startsHere) return null;
              while (ci + colSpan < columns.length && inMerge(m, row, columns[ci + colSpan]!.index)) colSpan++;
              while (ri + rowSpan < rows.length && inMerge(m, rows[ri + rowSpan]!, c.index)) rowSpan++;
              if (m.top !== row || m.left !== c.index) cell = view.cell(m.top, m.left);
            }
            return (
              <td key={c.index} colSpan={colSpan > 1 ? colSpan : undefined} rowSpan={rowSpan > 1 ? rowSpan : undefined} style={cellCss(cell)}>
                {cell.text}
              </td>
            );
          })}
        </tr>
      );
    });

  return (
    <div className="dvht-print" data-sheet={view.name}>
      <style>{pageCss(print, layout.orientation, layout.zoom, view.font.family)}</style>
      {layout.pages
        .flatMap((bodyRows, p) => layout.bands.flatMap((columns, b) => sections(bodyRows).map(({ rows, headed }, i) => ({ bodyRows: rows, headed, columns, key: `${p}:${b}:${i}`, newPage: (p > 0 || b > 0) && i === 0 }))))
        .map(({ bodyRows, headed, columns, key, newPage }) => (
        <table
          key={key}
          style={{
            borderCollapse: 'collapse',
            tableLayout: 'fixed',
            width: widthOf(columns),
            zoom: layout.zoom,
            breakBefore: newPage ? 'page' : undefined,
            fontFamily: view.font.family,
            fontSize: `${view.font.sizePt}pt`,
            color: '#000',
          }}
          aria-label={view.name}
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.index} style={{ width: c.widthPx }} />
            ))}
          </colgroup>
          {headed && <thead>{section(titleRows, columns, false)}</thead>}
          <tbody>{section(bodyRows, columns, true)}</tbody>
        </table>
      ))}
    </div>
  );
}
