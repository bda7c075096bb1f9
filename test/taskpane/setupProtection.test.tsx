/** @jest-environment jsdom */
/**
 * The Setup step and a workbook whose structure is locked (Review → Protect Workbook: no sheet can
 * be added): said before the clerk clicks, with how to lift it, and the action disabled, the same
 * inside Excel and in the preview; checked again whenever the step is shown again.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SetupStep } from '../../src/taskpane/steps/SetupStep';
import type { PaneHost } from '../../src/taskpane/host';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { createFakeExcel, type FakeExcel } from '../support/fakeExcel';
import { protectWithOpenpyxl } from '../support/openpyxlProtect';
import { excelPaneHost, previewPaneHost, settle, withNodeWebApis } from './paneHosts';

withNodeWebApis();

interface Subject {
  host: PaneHost;
  sheetNames(): Promise<string[]>;
}

const namesOf = (host: PaneHost) => host.workbook.batch(async (s) => (await s.read([])).sheetNames);

const HOSTS: [string, (o: { locked: boolean; prepared: boolean }) => Promise<Subject>][] = [
  [
    'inside Excel (fake Excel, ExcelApi 1.13)',
    async ({ locked, prepared }) => {
      const excel = createFakeExcel();
      if (prepared) await createSheets(new OfficeWorkbook(excel.run, excel.supports), sampleUnit({ members: 5 }));
      excel.protectStructure(locked);
      const { host } = excelPaneHost(excel);
      return { host, sheetNames: async () => excel.sheetNames() };
    },
  ],
  [
    'in the preview (a file protected by openpyxl)',
    async ({ locked, prepared }) => {
      const blank = PreviewWorkbook.create('truong.xlsx');
      if (prepared) await createSheets(blank, sampleUnit({ members: 5 }));
      // A workbook has a sheet at least, as Excel's new one.
      else await blank.batch(async (s) => s.write({ sheet: 'Sheet1', mode: 'ensure', cells: [] }));
      const bytes = await blank.toBuffer();
      const file = await PreviewWorkbook.open(locked ? protectWithOpenpyxl(bytes, { structure: true }) : bytes, 'truong.xlsx');
      const host = previewPaneHost(file);
      return { host, sheetNames: () => namesOf(host) };
    },
  ],
];

const step = (host: PaneHost, active = true) => (
  <FluentProvider theme={webLightTheme}>
    <SetupStep host={host} lang="vi" goTo={() => undefined} active={active} />
  </FluentProvider>
);
const createButton = () => screen.getByRole('button', { name: 'Tạo các trang' }) as HTMLButtonElement;
const LOCKED = /bảo vệ cấu trúc/;

describe.each(HOSTS)('Setup and a structure-locked workbook %s', (_name, open) => {
  test('said before any click: the sheet it cannot add and how to lift the lock; “Tạo các trang” disabled, nothing written', async () => {
    const subject = await open({ locked: true, prepared: false });
    const before = await subject.sheetNames();
    render(step(subject.host));
    const reason = await screen.findByText(LOCKED);
    expect(reason.textContent).toContain(`“${SHEETS.unit}”`);
    expect(reason.textContent).toContain('Xem lại (Review) → Bảo vệ sổ làm việc (Protect Workbook)');
    expect(createButton().disabled).toBe(true);
    expect(await subject.sheetNames()).toEqual(before);
  });

  test('not locked: nothing said, the action open', async () => {
    const subject = await open({ locked: false, prepared: false });
    render(step(subject.host));
    await act(settle);
    await act(settle);
    expect(screen.queryByText(LOCKED)).toBeNull();
    expect(createButton().disabled).toBe(false);
  });

  test('locked, with every sheet of Setup already there (nothing to add): nothing said, the action open', async () => {
    const subject = await open({ locked: true, prepared: true });
    render(step(subject.host));
    expect(await screen.findByText(/Sổ này đã có trang “Thông tin đơn vị”/)).toBeTruthy();
    expect(screen.queryByText(LOCKED)).toBeNull();
    expect(createButton().disabled).toBe(false);
  });
});

test('inside Excel the lock is checked again whenever the step is shown again: lifted, the action opens; set again, it closes', async () => {
  const excel: FakeExcel = createFakeExcel();
  excel.protectStructure(true);
  const { host } = excelPaneHost(excel);
  const view = render(step(host));
  expect(await screen.findByText(LOCKED)).toBeTruthy();

  view.rerender(step(host, false));
  excel.protectStructure(false); // Review → Protect Workbook, in Excel, while another step was shown
  view.rerender(step(host, true));
  await waitFor(() => expect(screen.queryByText(LOCKED)).toBeNull());
  expect(createButton().disabled).toBe(false);

  view.rerender(step(host, false));
  excel.protectStructure(true);
  view.rerender(step(host, true));
  expect(await screen.findByText(LOCKED)).toBeTruthy();
  expect(createButton().disabled).toBe(true);
});

test('inside Excel, lifted while the step is shown: “Kiểm tra lại” reads again and opens the action', async () => {
  const excel = createFakeExcel();
  excel.protectStructure(true);
  const { host } = excelPaneHost(excel);
  render(step(host));
  expect(await screen.findByText(LOCKED)).toBeTruthy();
  excel.protectStructure(false);
  fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại' }));
  await waitFor(() => expect(screen.queryByText(LOCKED)).toBeNull());
  expect(createButton().disabled).toBe(false);
});
