/** @jest-environment jsdom */
/**
 * The cell editor keeps a text's line breaks: a note or an evidence list on several lines (Alt+Enter in
 * Excel) is edited, and committed, whole. A one-line editor took them out, so F2 and Enter on such a cell
 * wrote it back with its lines run together.
 */
import { fireEvent, render } from '@testing-library/react';
import { SheetGrid, type SheetGridProps } from '../../src/hosts/preview/SheetGrid';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { gridMessages, sheetModel } from './sheetModel';
import { withGridLayoutStubs } from '../support/gridLayoutStubs';

withGridLayoutStubs();

const NOTE = 'Nghỉ thai sản\nđến 30/12';

function grid() {
  const onEdit = jest.fn<void, Parameters<SheetGridProps['onEdit']>>();
  const props: SheetGridProps = { view: sheetView(sheetModel({ values: [['Ghi chú'], [NOTE]] }), 'vi-VN'), active: { row: 2, column: 1 }, label: 'Trang', messages: gridMessages, onActivate: jest.fn(), onEdit, onUndo: jest.fn(), onRedo: jest.fn(), onRefused: jest.fn(), onPasteClipped: jest.fn() };
  const drawn = render(<SheetGrid {...props} />);
  const table = drawn.getByRole('grid');
  table.focus();
  fireEvent.keyDown(table, { key: 'F2' });
  return { onEdit, editor: drawn.getByRole('textbox', { name: 'Sửa ô A2' }) as HTMLTextAreaElement };
}

test('F2 holds a text on several lines whole, and Enter with nothing changed writes nothing', () => {
  const { onEdit, editor } = grid();
  expect(editor.value).toBe(NOTE);
  fireEvent.keyDown(editor, { key: 'Enter' });
  expect(onEdit).not.toHaveBeenCalled();
});

test('Alt+Enter starts a new line in the cell, as in Excel; Enter then writes the text with its lines', () => {
  const { onEdit, editor } = grid();
  editor.setSelectionRange(NOTE.length, NOTE.length);
  fireEvent.keyDown(editor, { key: 'Enter', altKey: true });
  fireEvent.change(editor, { target: { value: `${editor.value}chờ quyết định` } });
  fireEvent.keyDown(editor, { key: 'Enter' });
  expect(onEdit.mock.calls).toEqual([[[{ row: 2, col: 1, text: `${NOTE}\nchờ quyết định` }], undefined]]);
});
