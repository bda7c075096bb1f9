/**
 * One sheet as a grid, drawn a window of rows at a time (a 5,000-member sheet renders ~60
 * rows, not 5,000): spacer rows above and below keep the scroll height right.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { CellView, SheetView } from './sheetView';

const ROW_HEIGHT = 22;
const ROW_HEADER_WIDTH = 48;
const OVERSCAN = 10;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: '"Segoe UI", Calibri, system-ui, sans-serif',
    fontSize: '13px',
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
    padding: 0,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
    padding: 0,
  },
  cell: {
    height: `${ROW_HEIGHT - 1}px`,
    padding: '0 4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  spill: { overflow: 'visible', textOverflow: 'clip' },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  selectedHead: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1 },
});

export interface GridSelection {
  row: number;
  column: number;
}

function cellStyle(view: CellView): CSSProperties | undefined {
  const s = view.style;
  const align = s?.align ?? (view.numeric ? 'right' : undefined);
  if (!s && !align) return undefined;
  const css: CSSProperties = {};
  if (s?.bold) css.fontWeight = 600;
  if (s?.italic) css.fontStyle = 'italic';
  if (s?.fill) {
    css.backgroundColor = s.fill;
    css.color = '#000000'; // the workbook's fills are light; keep text readable in a dark theme
  }
  if (s?.color) css.color = s.color;
  if (align) css.textAlign = align;
  return css;
}

export function SheetGrid(props: { view: SheetView; selection: GridSelection | null; label: string }) {
  const { view, selection } = props;
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at the top; a selection is scrolled to the middle of the view.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const rowIndex = selection ? view.rows.indexOf(selection.row) : -1;
    if (rowIndex < 0) {
      el.scrollTo({ top: 0, left: 0 });
      return;
    }
    let left = ROW_HEADER_WIDTH;
    for (const c of view.columns) {
      if (c.index >= selection!.column) break;
      left += c.widthPx;
    }
    el.scrollTo({
      top: Math.max(0, ROW_HEIGHT + rowIndex * ROW_HEIGHT - el.clientHeight / 2),
      left: Math.max(0, left - el.clientWidth / 2),
    });
  }, [view.name, selection?.row, selection?.column]); // eslint-disable-line react-hooks/exhaustive-deps -- scroll only when the sheet or the selected cell changes, not on every redraw

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(view.rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const width = ROW_HEADER_WIDTH + view.columns.reduce((sum, c) => sum + c.widthPx, 0);
  const span = view.columns.length + 1;
  const isSelected = (row: number, column: number) => selection !== null && selection.row === row && selection.column === column;

  return (
    <div
      ref={scroller}
      className={s.scroller}
      // Keyboard users scroll the sheet with the arrow keys once it has focus.
      tabIndex={0}
      role="region"
      aria-label={props.label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table className={s.table} style={{ width }} aria-rowcount={view.rows.length + 1} data-sheet={view.name}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {view.columns.map((c) => (
            <col key={c.index} style={{ width: c.widthPx }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(s.head, s.corner)} scope="col" />
            {view.columns.map((c) => (
              <th key={c.index} className={mergeClasses(s.head, selection?.column === c.index && s.selectedHead)} scope="col">
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={span} />
            </tr>
          )}
          {view.rows.slice(first, last).map((row, i) => (
            <tr key={row} aria-rowindex={first + i + 2} style={{ height: ROW_HEIGHT }}>
              <th className={mergeClasses(s.rowHead, selection?.row === row && s.selectedHead)} scope="row">
                {row}
              </th>
              {view.columns.map((c, ci) => {
                const cell = view.cell(row, c.index);
                if (cell.covered) return null;
                const selected = isSelected(row, c.index);
                const next = view.columns[ci + 1];
                // Text runs on over an empty neighbour, as in Excel.
                const spill = !cell.numeric && !cell.span && cell.text !== '' && next !== undefined && view.cell(row, next.index).text === '';
                return (
                  <td
                    key={c.index}
                    colSpan={cell.span}
                    className={mergeClasses(s.cell, spill && s.spill, selected && s.selected)}
                    style={cellStyle(cell)}
                    data-address={`${c.letter}${row}`}
                    data-selected={selected ? 'true' : undefined}
                    title={cell.text.length > 12 ? cell.text : undefined}
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
          {last < view.rows.length && (
            <tr aria-hidden="true" style={{ height: (view.rows.length - last) * ROW_HEIGHT }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
