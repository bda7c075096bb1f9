/** @jest-environment jsdom */
/**
 * Ctrl+X in the grid: what is selected goes to the clipboard as Ctrl+C puts it there, and its cells are
 * cleared (one change, undone by Ctrl+Z), so cutting and pasting moves them. Without it, Ctrl+X did
 * nothing at all: the clipboard stayed empty and the paste that followed put nothing anywhere.
 */
import { fireEvent, render } from '@testing-library/react';
import { SheetGrid, type SheetGridProps } from '../../src/hosts/preview/SheetGrid';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { gridMessages, sheetModel } from './sheetModel';
import { withGridLayoutStubs } from '../support/gridLayoutStubs';

withGridLayoutStubs();

function grid(active = { row: 2, column: 1 }) {
  const values = [
    ['Họ và tên', 'Số'],
    ['Nguyễn Văn Ánh', 42.5],
    ['Trần Thị Bích', null],
  ];
  const onEdit = jest.fn<void, Parameters<SheetGridProps['onEdit']>>();
  const props: SheetGridProps = { view: sheetView(sheetModel({ values }), 'vi-VN'), active, label: 'Trang', messages: gridMessages, onActivate: jest.fn(), onEdit, onUndo: jest.fn(), onRedo: jest.fn(), onRefused: jest.fn(), onPasteClipped: jest.fn() };
  const drawn = render(<SheetGrid {...props} />);
  return { onEdit, table: drawn.getByRole('grid') };
}

/** Cuts from the grid; resolves with what went to the clipboard. */
function cut(table: HTMLElement): string | undefined {
  let copied: string | undefined;
  fireEvent.cut(table, { clipboardData: { setData: (_type: string, text: string) => (copied = text), getData: () => '' } });
  return copied;
}

test('Ctrl+X puts the selected cells on the clipboard and clears them, in one change', () => {
  const { onEdit, table } = grid();
  table.focus();
  fireEvent.keyDown(table, { key: 'ArrowRight', shiftKey: true });
  fireEvent.keyDown(table, { key: 'ArrowDown', shiftKey: true });
  expect(cut(table)).toBe('Nguyễn Văn Ánh\t42,5\r\nTrần Thị Bích\t\r\n');
  // The empty cell is left alone; the others cleared as Delete clears them.
  expect(onEdit.mock.calls).toEqual([
    [
      [
        { row: 2, col: 1, text: '' },
        { row: 2, col: 2, text: '' },
        { row: 3, col: 1, text: '' },
      ],
      'cleared',
    ],
  ]);
});

test('Ctrl+X on empty cells copies them and writes nothing', () => {
  const { onEdit, table } = grid({ row: 3, column: 2 });
  table.focus();
  expect(cut(table)).toBe('\r\n');
  expect(onEdit).not.toHaveBeenCalled();
});
