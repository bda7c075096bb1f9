/** @jest-environment jsdom */
/**
 * Step “Thiết lập” once the unit's sheets exist: its form shows what “Thông tin đơn vị” holds and
 * follows what the clerk types there, inside Excel and in the preview alike (one suite over both
 * hosts). A form left as it was typed would read as the truth beside a sheet that says otherwise.
 * Both hosts tell which sheet an edit changed, and the step reads again only for the sheets it shows
 * (at 5,000 members, a read after every keystroke in another sheet held the page).
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { SetupStep } from '../../src/taskpane/steps/SetupStep';
import type { EditNotice, PaneHost } from '../../src/taskpane/host';
import type { CellInput, Workbook } from '../../src/workbook/port';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { gridEdits, observeWorkbook } from '../../src/hosts/preview/previewHost';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { editCells } from '../../src/usecases/editCells';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { createFakeExcel } from '../support/fakeExcel';
import { renderStep } from './renderPane';
import { settle } from './paneHosts';
import { excelPaneHost, previewPaneHost, withNodeWebApis } from './paneHosts';

withNodeWebApis();

interface Subject {
  host: PaneHost;
  /** The clerk types into a cell of the sheets (not through the pane), and the host has told what it tells. */
  type(sheet: string, row: number, col: number, value: CellInput): Promise<void>;
}

/** A sheet of the unit's own, which no step reads. */
const NOTES = 'Ghi chép';

/** The unit's sheets, a sheet of its own and the summary an evaluation writes (sheets the step does not show). */
async function prepare(workbook: Workbook): Promise<void> {
  await createSheets(workbook, sampleUnit({ members: 10 }));
  await workbook.batch(async (s) => {
    s.write({ sheet: NOTES, mode: 'ensure', cells: [] });
    s.write({ sheet: SHEETS.summary, mode: 'ensure', cells: [] });
  });
}

const HOSTS: [string, (prepared: boolean) => Promise<Subject>][] = [
  [
    'inside Excel',
    async (prepared) => {
      const excel = createFakeExcel();
      const workbook = new OfficeWorkbook(excel.run, excel.supports);
      if (prepared) await prepare(workbook);
      const { host, over } = excelPaneHost(excel, workbook);
      return {
        host,
        async type(sheet, row, col, value) {
          await over();
          excel.type(sheet, `${String.fromCharCode(64 + col)}${row}`, value as string | number | null);
          await over();
        },
      };
    },
  ],
  [
    'in the preview',
    async (prepared) => {
      const file = PreviewWorkbook.create('truong.xlsx');
      if (prepared) await prepare(file);
      // As PreviewApp: the grid's batches are observed, and told after they wrote.
      const edits = gridEdits();
      const host = previewPaneHost(file, edits.edits);
      const grid = observeWorkbook(file, edits.told);
      return {
        host,
        async type(sheet, row, col, value) {
          const done = await editCells(grid, sheet, [{ row, col, value }]);
          if (done.refused.length > 0) throw new Error(`edit refused: ${JSON.stringify(done)}`);
        },
      };
    },
  ],
];

/** The row of a field of “Thông tin đơn vị”, by its label in column A. */
async function fieldRow(workbook: Workbook, label: string): Promise<number> {
  const rows = (await workbook.batch((s) => s.read([SHEETS.unit]))).sheets.get(SHEETS.unit)!.rows;
  const i = rows.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no field ${label}`);
  return i + 1;
}

const receiverBox = () => screen.getByRole('textbox', { name: /^Đơn vị tổng hợp/ }) as HTMLInputElement;
const tierBox = () => screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }) as HTMLInputElement;

describe.each(HOSTS)('step “Thiết lập” %s', (_name, open) => {
  test('a prepared workbook: the form follows what the clerk types into “Thông tin đơn vị”', async () => {
    const subject = await open(true);
    renderStep(SetupStep, subject.host);
    await screen.findByText(/Sổ này đã có trang “Thông tin đơn vị”/);
    const row = await fieldRow(subject.host.workbook, UNIT_FIELDS.receiver);
    await act(() => subject.type(SHEETS.unit, row, 2, 'UBND phường Ba Đình'));
    await waitFor(() => expect(receiverBox().value).toBe('UBND phường Ba Đình'));
  });

  test('after “Tạo các trang”, what is then typed into the sheet shows in the form', async () => {
    const subject = await open(false);
    renderStep(SetupStep, subject.host);
    fireEvent.change(screen.getByRole('textbox', { name: /Tên đơn vị/ }), { target: { value: 'Trường THCS Nguyễn Du' } });
    fireEvent.change(screen.getByRole('combobox', { name: /Loại đơn vị/ }), { target: { value: 'Trường THCS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo các trang' }));
    await screen.findByText('Đã chuẩn bị sổ đánh giá');
    expect(receiverBox().value).toBe('');
    const receiver = await fieldRow(subject.host.workbook, UNIT_FIELDS.receiver);
    const tier = await fieldRow(subject.host.workbook, UNIT_FIELDS.receiverTier);
    await act(() => subject.type(SHEETS.unit, receiver, 2, 'UBND xã Hòa Bình'));
    await act(() => subject.type(SHEETS.unit, tier, 2, 'cấp xã'));
    await waitFor(() => expect([receiverBox().value, tierBox().value]).toEqual(['UBND xã Hòa Bình', 'cấp xã']));
    // What the clerk typed into the form before stays where the sheet agrees.
    expect((screen.getByRole('textbox', { name: /Tên đơn vị/ }) as HTMLInputElement).value).toBe('Trường THCS Nguyễn Du');
  });

  test('an edit tells its sheet, as the workbook names it', async () => {
    const subject = await open(true);
    const told: EditNotice[] = [];
    const off = subject.host.edits!.subscribe((notice) => told.push(notice));
    await subject.type(NOTES, 2, 1, 'ghi chú');
    expect(told.map((n) => n.sheets)).toEqual([[NOTES]]);
    await subject.type(SHEETS.members, 8, 3, 'Nguyễn Văn A');
    expect(told.map((n) => n.sheets)).toEqual([[NOTES], [SHEETS.members]]);
    off();
  });

  test('an edit of a sheet the step does not show (the unit’s own, “Tổng hợp”, “Thành viên”) reads nothing again; one of “Thông tin đơn vị” does', async () => {
    const subject = await open(true);
    let reads = 0;
    const inner = subject.host.workbook;
    const workbook: Workbook = { label: inner.label, batch: (work) => (reads++, inner.batch(work)) };
    renderStep(SetupStep, { ...subject.host, workbook });
    await screen.findByText(/Sổ này đã có trang “Thông tin đơn vị”/);
    const row = await fieldRow(inner, UNIT_FIELDS.receiver);
    /** Reads the step started for an edit, once the edit is told and what it starts has run. */
    const readsFor = async (sheet: string, r: number, col: number, value: CellInput) => {
      const before = reads;
      await act(() => subject.type(sheet, r, col, value));
      await act(settle);
      return reads - before;
    };
    expect(await readsFor(NOTES, 2, 1, 'ghi chú')).toBe(0);
    expect(await readsFor(SHEETS.summary, 2, 1, 'ghi chú')).toBe(0);
    expect(await readsFor(SHEETS.members, 8, 3, 'Nguyễn Văn A')).toBe(0);
    expect(await readsFor(SHEETS.unit, row, 2, 'UBND phường Kim Mã')).toBe(1);
    await waitFor(() => expect(receiverBox().value).toBe('UBND phường Kim Mã'));
  });
});
