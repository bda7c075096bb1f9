/** @jest-environment jsdom */
/**
 * The preview keeps ONE pane for its life: opening another workbook hands the same `App`
 * the new workbook (no React root per file, none left behind), and the steps start afresh.
 * What is typed or pasted into the grid is drawn before the write holds the page.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { PreviewApp } from '../../src/hosts/preview/PreviewApp';
import { SHEETS } from '../../src/sheets/names';
import * as editCellsModule from '../../src/usecases/editCells';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { withNodeWebApis } from '../taskpane/paneHosts';
import { App } from '../../src/taskpane/App';
import { withGridLayoutStubs } from '../support/gridLayoutStubs';

jest.mock('../../src/taskpane/App', () => {
  const actual = jest.requireActual<typeof import('../../src/taskpane/App')>('../../src/taskpane/App');
  return { ...actual, App: jest.fn(actual.App) };
});
jest.mock('react-dom/client', () => {
  const actual = jest.requireActual<typeof import('react-dom/client')>('react-dom/client');
  return { ...actual, createRoot: jest.fn(actual.createRoot) };
});

withGridLayoutStubs();
// jsdom's window has no TextEncoder/TextDecoder nor compression streams; the .xlsx writer the preview uses needs them.
withNodeWebApis();

test('loading a workbook hands it to the same pane: one App, no new React root', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp lang="vi" locale="vi-VN" theme="light" />
    </FluentProvider>,
  );
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(2); // the page's and the pane's
  expect(screen.getByText('Sổ đánh giá: Sổ đánh giá ĐVHT.xlsx')).toBeTruthy();

  // The pane's switch sets the language of the whole page (one language at a time), and the
  // language survives the change of workbook: it is the same App.
  fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
  await screen.findByText('Workbook: Sổ đánh giá ĐVHT.xlsx');
  expect(screen.getByRole('button', { name: 'Sample data' })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Sample data' }));
  await waitFor(() => expect(screen.getByText('Workbook: DVHT sample.xlsx')).toBeTruthy(), { timeout: 20_000 });
  // The label shows before the sample's first sheet is read: the test ends once the grid draws that sheet.
  await screen.findByRole('grid', { name: `Sheet “${SHEETS.unit}”` });
  expect(new URL(window.location.href).searchParams.get('lang')).toBe('en');
  expect(screen.getAllByText(/^Workbook: /)).toHaveLength(1);
  // The one root is the test's own (render); the preview made none, before or after the change.
  expect(createRoot).toHaveBeenCalledTimes(1);
});

test('“Sổ mới” says to create the sheets in the pane, and says it no longer once they are created', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp lang="vi" locale="vi-VN" theme="light" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Sổ mới' }));
  const hint = /^Đã tạo sổ mới “Sổ đánh giá ĐVHT.xlsx”. Tạo các trang ở bước Thiết lập/;
  await screen.findByText(hint);
  fireEvent.change(screen.getByRole('textbox', { name: 'Tên đơn vị' }), { target: { value: 'Trường THCS Nguyễn Du' } });
  fireEvent.change(screen.getByLabelText(/^Loại đơn vị/), { target: { value: 'Trường THCS' } });
  fireEvent.click(screen.getByRole('button', { name: 'Tạo các trang' }));
  await screen.findByRole('grid', { name: `Trang “${SHEETS.unit}”` }, { timeout: 20_000 });
  expect(screen.queryByText(hint)).toBeNull();
});

/** The sample workbook in the preview, its unit name cell (B4) and a paste into it once it is selected. */
async function sampleUnitName() {
  render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp lang="vi" locale="vi-VN" theme="light" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Dữ liệu mẫu' }));
  const grid = await screen.findByRole('grid', { name: `Trang “${SHEETS.unit}”` }, { timeout: 20_000 });
  const td = () => grid.querySelector('td[data-address="B4"]')!;
  const paste = async (text: string) => {
    fireEvent.mouseDown(td());
    await waitFor(() => expect(td().getAttribute('data-selected')).toBe('true'));
    fireEvent.paste(grid, { clipboardData: { getData: () => text } });
  };
  return { td, paste };
}

test('what is pasted into the grid is drawn before it is written: a large sheet’s write holds the page a moment', async () => {
  const { td, paste } = await sampleUnitName();
  expect(td().getAttribute('aria-readonly')).toBeNull();
  // What the cell shows when the write's work begins.
  const shownAtWrite: (string | null)[] = [];
  const { editCells } = editCellsModule;
  const write = jest.spyOn(editCellsModule, 'editCells').mockImplementation((workbook, ...rest) =>
    editCells(
      {
        label: workbook.label,
        batch: (work) =>
          workbook.batch((session) => {
            shownAtWrite.push(td().textContent);
            return work(session);
          }),
      },
      ...rest,
    ),
  );
  try {
    await paste('Trường THCS Dán Vào');
    await waitFor(() => expect(shownAtWrite).toEqual(['Trường THCS Dán Vào']));
    // And written.
    expect(write).toHaveBeenCalledTimes(1);
    await expect(write.mock.results[0]!.value).resolves.toEqual({ written: 1, refused: [] });
  } finally {
    write.mockRestore();
  }
});

test('a download asked right after a paste, before the browser draws, holds what was pasted', async () => {
  const { made, spy } = keepMadeWorkbooks();
  try {
    const { paste } = await sampleUnitName();
    await paste('Trường THCS Tải Ngay');
    // Asked in the same task as the paste (a click on “Tải về” right after it): the file has the paste.
    const bytes = await made.at(-1)!.toBuffer();
    const saved = await PreviewWorkbook.open(bytes, 'tai-ve.xlsx', 'read');
    const rows = await saved.batch(async (session) => (await session.read([SHEETS.unit])).sheets.get(SHEETS.unit)!.rows);
    expect(rows[3]![1]).toBe('Trường THCS Tải Ngay');
  } finally {
    spy.mockRestore();
  }
});

test('an edit in the grid leaves the pane as drawn: its steps hear of the edit themselves', async () => {
  const { td, paste } = await sampleUnitName();
  const write = jest.spyOn(editCellsModule, 'editCells');
  const read = jest.spyOn(PreviewWorkbook.prototype, 'read');
  try {
    const drawn = jest.mocked(App).mock.calls.length;
    await paste('Trường THCS Không Vẽ Lại');
    // Written, then read back for the grid (and the pane's own steps told).
    await waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    await write.mock.results[0]!.value;
    const readsBefore = read.mock.calls.length;
    await waitFor(() => expect(read.mock.calls.length).toBeGreaterThan(readsBefore));
    await act(() => read.mock.results.at(-1)!.value);
    expect(td().textContent).toBe('Trường THCS Không Vẽ Lại');
    expect(jest.mocked(App).mock.calls.length).toBe(drawn);
  } finally {
    write.mockRestore();
    read.mockRestore();
  }
});

test('a batch of the pane that only reads (the out-of-date check) leaves the grid as drawn; one that writes redraws it', async () => {
  const { td } = await sampleUnitName();
  const host = jest.mocked(App).mock.calls.at(-1)![0].host;
  const read = jest.spyOn(PreviewWorkbook.prototype, 'read');
  try {
    await act(() => host.workbook.batch((session) => session.read([SHEETS.criteria, SHEETS.members])));
    // Whatever the redraw would do, it would have begun by now (it begins on the batch's end).
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(read).not.toHaveBeenCalled();

    await act(() => editCellsModule.editCells(host.workbook, SHEETS.unit, [{ row: 4, col: 2, value: editCellsModule.typedValue('Trường THCS Vẽ Lại') }]).then(() => undefined));
    await waitFor(() => expect(read).toHaveBeenCalled());
    await act(() => read.mock.results.at(-1)!.value);
    await waitFor(() => expect(td().textContent).toBe('Trường THCS Vẽ Lại'));
  } finally {
    read.mockRestore();
  }
});

/** What the sample's learner sheet stores in C5..C(4+n) after each text is pasted into it, in a browser of `locale`. */
async function pastedIntoLearners(lang: 'vi' | 'en', locale: string, texts: string[]): Promise<unknown[]> {
  const { made, spy } = keepMadeWorkbooks();
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewApp lang={lang} locale={locale} theme="light" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: lang === 'vi' ? 'Dữ liệu mẫu' : 'Sample data' }));
    await screen.findByRole('grid', { name: lang === 'vi' ? `Trang “${SHEETS.unit}”` : `Sheet “${SHEETS.unit}”` }, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('tab', { name: SHEETS.learners }));
    const grid = await screen.findByRole('grid', { name: lang === 'vi' ? `Trang “${SHEETS.learners}”` : `Sheet “${SHEETS.learners}”` });
    const td = () => grid.querySelector('td[data-address="C5"]')!;
    fireEvent.mouseDown(td());
    await waitFor(() => expect(td().getAttribute('data-selected')).toBe('true'));
    const write = jest.spyOn(editCellsModule, 'editCells');
    fireEvent.paste(grid, { clipboardData: { getData: () => texts.join('\r\n') } });
    await waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    await write.mock.results[0]!.value;
    write.mockRestore();
    const rows = await made.at(-1)!.batch(async (session) => (await session.read([SHEETS.learners])).sheets.get(SHEETS.learners)!.rows);
    return texts.map((_, i) => rows[4 + i]![2]);
  } finally {
    spy.mockRestore();
  }
}

test('a number typed with the digit grouping of the page’s language is that number, as Excel under that language reads it', async () => {
  // Vietnamese groups thousands with a dot and writes decimals with a comma: 1.200 learners are twelve hundred.
  await expect(pastedIntoLearners('vi', 'vi-VN', ['1.200', '1.234,5', '12.345.678', '42,5', '1.5', '0.500', '6A', '1.20'])).resolves.toEqual([1200, 1234.5, 12345678, 42.5, 1.5, 0.5, '6A', 1.2]);
});

test('in English the comma groups thousands: 1,200 is twelve hundred, 12,5 still twelve and a half', async () => {
  await expect(pastedIntoLearners('en', 'en-GB', ['1,200', '1,234.5', '12,5', '1.200'])).resolves.toEqual([1200, 1234.5, 12.5, 1.2]);
});

test('a leading apostrophe keeps what follows as text, as Excel, LibreOffice and WPS take it: the apostrophe is not stored', async () => {
  await expect(pastedIntoLearners('vi', 'vi-VN', ["'0912345678", "'1.200", "'=A1", "'", "Lớp 'chọn'"])).resolves.toEqual(['0912345678', '1.200', '=A1', null, "Lớp 'chọn'"]);
});

/** The workbooks the app makes, kept as it makes them (restore with spy.mockRestore()). */
function keepMadeWorkbooks(): { made: PreviewWorkbook[]; spy: jest.SpyInstance } {
  const create = PreviewWorkbook.create.bind(PreviewWorkbook);
  const made: PreviewWorkbook[] = [];
  const spy = jest.spyOn(PreviewWorkbook, 'create').mockImplementation((label) => {
    const wb = create(label);
    made.push(wb);
    return wb;
  });
  return { made, spy };
}
