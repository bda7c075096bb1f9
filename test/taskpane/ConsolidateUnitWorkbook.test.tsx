/** @jest-environment jsdom */
/**
 * "Tổng hợp đơn vị" with a unit's own self-evaluation workbook open, inside Excel and in the
 * preview: said when the step is shown (before the officer picks any file), with what to do in
 * that host; pressing "Đọc và tổng hợp" anyway reads no file and writes nothing into it.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { TextDecoder as NodeTextDecoder } from 'util';
import { ConsolidateStep } from '../../src/taskpane/steps/ConsolidateStep';
import type { PaneHost } from '../../src/taskpane/host';
import type { WorkerLike } from '../../src/usecases/consolidate/workerProtocol';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { createFakeExcel } from '../support/fakeExcel';
import { servingWorker } from '../support/servingWorker';
import { unitWorkbook } from '../consolidate/corpus';
import { excelPaneHost, previewPaneHost, settle, withNodeWebApis } from './paneHosts';

withNodeWebApis();
// Browsers and Web Workers have TextDecoder; jsdom does not.
if (typeof globalThis.TextDecoder === 'undefined') (globalThis as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;

interface Subject {
  host: PaneHost;
  sheetNames(): Promise<string[]>;
}

/** Inside Excel (the fake, through the Excel host) or in the preview (its .xlsx workbook): a unit's workbook, or a blank one. */
const HOSTS: [string, (unit: boolean) => Promise<Subject>][] = [
  [
    'inside Excel',
    async (unit) => {
      const excel = createFakeExcel();
      // A new workbook in Excel has its Sheet1.
      if (unit) await createSheets(new OfficeWorkbook(excel.run, excel.supports), sampleUnit({ members: 5 }));
      return { host: excelPaneHost(excel).host, sheetNames: async () => excel.sheetNames() };
    },
  ],
  [
    'in the preview',
    async (unit) => {
      const file = PreviewWorkbook.create('truong.xlsx');
      if (unit) await createSheets(file, sampleUnit({ members: 5 }));
      else await file.batch(async (s) => s.write({ sheet: 'Sheet1', mode: 'ensure', cells: [] }));
      const host = previewPaneHost(file);
      return { host, sheetNames: () => host.workbook.batch(async (s) => (await s.read([])).sheetNames) };
    },
  ],
];

const UNIT = /là sổ tự đánh giá của một đơn vị \(có trang “Thông tin đơn vị”, “Thành viên”\)/;
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

function fileOf(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return f;
}

function shown(host: PaneHost, createWorker: () => WorkerLike) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ConsolidateStep host={host} lang="vi" goTo={() => undefined} createWorker={createWorker} />
    </FluentProvider>,
  );
}

/** Files picked, the body and tier typed: everything the officer does before pressing the button. */
async function prepared(files: File[]) {
  await act(async () => {
    fireEvent.change(screen.getByTestId('consolidate-files'), { target: { files } });
  });
  fireEvent.change(screen.getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }), { target: { value: 'UBND xã Hòa Bình' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }), { target: { value: 'cấp xã' } });
}

let unitFile: Uint8Array;
beforeAll(async () => {
  unitFile = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' });
});

describe.each(HOSTS)('“Tổng hợp đơn vị” with a unit’s workbook open, %s', (hostName, open) => {
  const intoOpen = () => {
    // The preview offers a new workbook (its default): the open one is chosen on purpose.
    const radio = screen.queryByRole('radio', { name: /^Ghi vào sổ đang mở/ });
    if (radio) fireEvent.click(radio);
  };

  test('said when the step is shown, before any file is picked: which workbook, why, and what to do here', async () => {
    const subject = await open(true);
    shown(subject.host, servingWorker);
    intoOpen();
    const bar = await screen.findByText(UNIT, BAR);
    if (hostName === 'inside Excel') {
      // Office.js does not give the open workbook's name.
      expect(bar.textContent).toMatch(/^Sổ đang mở là sổ tự đánh giá của một đơn vị/);
      expect(bar.textContent).toContain('Tệp (File) → Mới (New) → Sổ làm việc trống (Blank workbook)');
    } else {
      expect(bar.textContent).toMatch(/^Sổ “truong\.xlsx” là sổ tự đánh giá của một đơn vị/);
      expect(bar.textContent).toContain('Hãy chọn “Sổ tổng hợp mới (sổ đang mở giữ nguyên)” ở mục “Ghi kết quả vào” rồi tổng hợp.');
    }
    expect(screen.queryByText('Đã chọn 1 tệp')).toBeNull();
  });

  test('pressed anyway: no file read, nothing written into the unit’s workbook, the refusal said', async () => {
    const subject = await open(true);
    const before = await subject.sheetNames();
    const createWorker = jest.fn(servingWorker);
    shown(subject.host, createWorker);
    intoOpen();
    await prepared([fileOf(unitFile, 'nguyen-du.xlsx')]);
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toMatch(UNIT));
    expect(screen.queryByText(/^Đã ghi/, BAR)).toBeNull();
    expect(screen.queryByText(/Đã đọc/)).toBeNull();
    expect(createWorker).not.toHaveBeenCalled();
    expect(await subject.sheetNames()).toEqual(before);
  });

  test('a blank workbook: nothing said, the consolidation written into it', async () => {
    const subject = await open(false);
    shown(subject.host, servingWorker);
    intoOpen();
    await act(settle);
    await act(settle);
    expect(screen.queryByText(UNIT, BAR)).toBeNull();
    await prepared([fileOf(unitFile, 'nguyen-du.xlsx')]);
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Đã ghi 1 đơn vị vào trang “Tổng hợp đơn vị”/, BAR)).toBeTruthy();
    expect(await subject.sheetNames()).toEqual(expect.arrayContaining(['Sheet1', 'Tổng hợp đơn vị']));
  });
});

test('in the preview a unit’s workbook open is no obstacle to a new workbook (the default): nothing said, the unit’s workbook untouched', async () => {
  const subject = await HOSTS[1]![1](true);
  const before = await subject.sheetNames();
  shown(subject.host, servingWorker);
  await act(settle);
  await act(settle);
  expect(screen.queryByText(UNIT, BAR)).toBeNull();
  await prepared([fileOf(unitFile, 'nguyen-du.xlsx')]);
  fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
  expect(await screen.findByText(/đang hiện trên màn hình/, BAR)).toBeTruthy();
  expect(await subject.sheetNames()).toEqual(before);
});
