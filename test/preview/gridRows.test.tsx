/** @jest-environment jsdom */
/**
 * The grid draws again only the rows an edit touches: a keystroke in the editor, the move of the selection
 * and the typed text shown before it is written, the sheet read back with one row changed. Counted by the
 * cells (td with an address) the grid's rows make when they are drawn, not timed. Rows not drawn again still
 * act on the selection as it is now.
 */
import { act, fireEvent, render } from '@testing-library/react';
import { SheetGrid, type GridSelection, type SheetGridProps } from '../../src/hosts/preview/SheetGrid';
import { sheetViews } from '../../src/hosts/preview/sheetView';
import { gridMessages, sheetModel } from './sheetModel';
import { withGridLayoutStubs } from '../support/gridLayoutStubs';

/** Addresses of the cells drawn, one entry each time a row draws its cells. */
const mockDrawn: string[] = [];
jest.mock('react/jsx-runtime', () => {
  const actual = jest.requireActual<typeof import('react/jsx-runtime')>('react/jsx-runtime');
  const count = (type: unknown, props: unknown) => {
    const address = (props as Record<string, unknown> | null)?.['data-address'];
    if (type === 'td' && typeof address === 'string') mockDrawn.push(address);
  };
  return {
    ...actual,
    jsx: (type: Parameters<typeof actual.jsx>[0], props: Parameters<typeof actual.jsx>[1], key?: Parameters<typeof actual.jsx>[2]) => (count(type, props), actual.jsx(type, props, key)),
    jsxs: (type: Parameters<typeof actual.jsxs>[0], props: Parameters<typeof actual.jsxs>[1], key?: Parameters<typeof actual.jsxs>[2]) => (count(type, props), actual.jsxs(type, props, key)),
  };
});

withGridLayoutStubs();

/** 30 rows of a name and a number. */
const rows = (changed?: { row: number; name: string }) => Array.from({ length: 30 }, (_, i) => [changed?.row === i + 1 ? changed.name : `Người ${i + 1}`, i + 1]);

/** The rows whose cells were drawn since the last call, each once. */
function rowsDrawn(): number[] {
  const out = [...new Set(mockDrawn.map((a) => Number(/\d+$/.exec(a)![0])))].sort((a, b) => a - b);
  mockDrawn.length = 0;
  return out;
}

function setup() {
  const viewOf = sheetViews();
  const view = (values: (string | number)[][]) => viewOf(sheetModel({ values }), 'vi-VN');
  const onActivate = jest.fn<void, [GridSelection]>();
  const props: SheetGridProps = { view: view(rows()), active: { row: 5, column: 1 }, label: 'Trang', messages: gridMessages, onActivate, onEdit: jest.fn(), onUndo: jest.fn(), onRedo: jest.fn(), onRefused: jest.fn(), onPasteClipped: jest.fn() };
  const drawn = render(<SheetGrid {...props} />);
  const update = (over: Partial<SheetGridProps>) => {
    Object.assign(props, over);
    drawn.rerender(<SheetGrid {...props} />);
  };
  const whole = rowsDrawn();
  const td = (address: string) => drawn.container.querySelector(`td[data-address="${address}"]`)!;
  return { view, update, td, onActivate, whole, grid: drawn.getByRole('grid') };
}

test('the whole window is drawn at first; an edit then draws the edited row and the rows the selection leaves and reaches', () => {
  const { update, whole } = setup();
  expect(whole.length).toBeGreaterThanOrEqual(30);
  // Enter after typing in A5: the typed text shown meanwhile, the selection one row down.
  update({ pending: new Map([['5:1', 'Người Mới']]), active: { row: 6, column: 1 } });
  expect(rowsDrawn()).toEqual([5, 6]);
  // Another column of the same row: that row alone.
  update({ active: { row: 6, column: 2 } });
  expect(rowsDrawn()).toEqual([6]);
});

test('the sheet read back with one row changed draws that row alone', () => {
  const { update, view, td } = setup();
  update({ pending: new Map([['7:1', 'Người Mới']]) });
  expect(rowsDrawn()).toEqual([7]);
  // The edit read back: a new view of the sheet, the typed text no longer pending.
  update({ view: view(rows({ row: 7, name: 'Người Mới' })), pending: undefined });
  expect(rowsDrawn()).toEqual([7]);
  expect(td('A7').textContent).toBe('Người Mới');
  // Read back again with nothing changed: nothing drawn.
  update({ view: view(rows({ row: 7, name: 'Người Mới' })) });
  expect(rowsDrawn()).toEqual([]);
});

test('each keystroke in the editor draws the edited row alone', () => {
  const { grid } = setup();
  act(() => void fireEvent.keyDown(grid, { key: 'N' }));
  const editor = grid.querySelector('textarea')!;
  expect(rowsDrawn()).toEqual([5]);
  fireEvent.change(editor, { target: { value: 'Ng' } });
  fireEvent.change(editor, { target: { value: 'Ngu' } });
  expect(rowsDrawn()).toEqual([5]);
  expect(editor.value).toBe('Ngu');
});

test('a row not drawn again extends the selection from where it is now (Shift+click)', () => {
  const { update, td } = setup();
  update({ active: { row: 10, column: 1 } });
  expect(rowsDrawn()).toEqual([5, 10]);
  // Row 3 was drawn when A5 was selected: its click extends from A10, the active cell now.
  fireEvent.mouseDown(td('A3'), { shiftKey: true });
  expect([...document.querySelectorAll('td[data-in-range="true"]')].map((c) => c.getAttribute('data-address'))).toEqual(['A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']);
});
