/** @jest-environment jsdom */
/**
 * The evaluation's "out of date" hint, the same inside Excel and in the preview: one suite over
 * both hosts as they are built (the Excel host on the counting fake of the Excel API, its change
 * events; the preview host with its grid's edits written through editCells), one wording.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as util from 'util';
import { EvaluateStep, STALE_QUIET_MS } from '../../src/taskpane/steps/EvaluateStep';
import type { PaneHost } from '../../src/taskpane/host';
import type { CellInput, Workbook } from '../../src/workbook/port';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { gridEdits, observeWorkbook } from '../../src/hosts/preview/previewHost';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { editCells } from '../../src/usecases/editCells';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { t } from '../../src/i18n';
import { createFakeExcel } from '../support/fakeExcel';
import { fakePaneHost, sheetRows } from '../support/fakePaneHost';
import { renderStep } from './renderPane';
import { excelPaneHost, previewPaneHost } from './paneHosts';

beforeAll(() => {
  // jsdom's window has no TextEncoder/TextDecoder; the preview's .xlsx implementation needs them.
  Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? util.TextEncoder, TextDecoder: globalThis.TextDecoder ?? util.TextDecoder });
});

/** A sheet of the unit's own, which the evaluation does not read. */
const NOTES = 'Ghi chép';

interface Subject {
  host: PaneHost;
  workbook: Workbook;
  /** The clerk types into a cell of the sheets (not through the pane), and the host has told what it tells. */
  type(sheet: string, row: number, col: number, value: CellInput): Promise<void>;
}

async function fill(workbook: Workbook): Promise<void> {
  await createSheets(workbook, sampleUnit({ members: 30 }));
  await workbook.batch(async (s) => s.write({ sheet: NOTES, mode: 'ensure', cells: [] }));
}

const HOSTS: [string, () => Promise<Subject>][] = [
  [
    'inside Excel (fake Excel, ExcelApi 1.13: its change events do not say who wrote)',
    async () => {
      const excel = createFakeExcel();
      const workbook = new OfficeWorkbook(excel.run, excel.supports);
      await fill(workbook);
      const { host, over } = excelPaneHost(excel, workbook);
      return {
        host,
        workbook,
        async type(sheet, row, col, value) {
          // The pane's own writes (the evaluation's) are told too, before the clerk's edit.
          await over();
          excel.type(sheet, `${String.fromCharCode(64 + col)}${row}`, value as string | number | null);
          await over();
        },
      };
    },
  ],
  [
    'in the preview (its grid writes through editCells and tells the pane)',
    async () => {
      const file = PreviewWorkbook.create('truong.xlsx');
      await fill(file);
      // As PreviewApp: the grid's batches are observed, and told after they wrote.
      const edits = gridEdits();
      const host = previewPaneHost(file, edits.edits);
      const grid = observeWorkbook(file, edits.told);
      return {
        host,
        workbook: file,
        async type(sheet, row, col, value) {
          const done = await editCells(grid, sheet, [{ row, col, value }]);
          if (done.refused.length > 0) throw new Error(`edit refused: ${JSON.stringify(done)}`);
        },
      };
    },
  ],
];

describe.each(HOSTS)('the out-of-date hint %s', (_name, open) => {
  test('an edit of the data after the evaluation says the results are out of date, until it is undone; other sheets say nothing', async () => {
    const subject = await open();
    // The pane's batches in flight: an edit told starts a read of the data, and "nothing said" means once it is done.
    let reading = 0;
    let reads = 0;
    const inner = subject.host.workbook;
    const workbook: Workbook = { label: inner.label, batch: async (work) => (reading++, reads++, inner.batch(work).finally(() => reading--)) };
    renderStep(EvaluateStep, { ...subject.host, workbook });
    fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
    await screen.findByTestId('outcome');
    const hint = t('vi', 'pane.evaluate.dataChanged');
    // The hint reads once the edits have stopped for a while: past that, and past its read.
    const edit = async (sheet: string, row: number, col: number, value: CellInput) => {
      await act(() => subject.type(sheet, row, col, value));
      await act(() => new Promise((resolve) => setTimeout(resolve, STALE_QUIET_MS + 50)));
      await waitFor(() => expect(reading).toBe(0));
    };

    // A sheet the evaluation does not read, or the pane's own writes: still current, and nothing read again
    // (the pane's own writes inside Excel before 1.14, which Excel tells as anyone's, are told with their sheets).
    const evaluated = reads;
    await edit(NOTES, 1, 1, 'ghi chú');
    expect(screen.queryByText(hint)).toBeNull();
    expect(reads).toBe(evaluated);

    const row = MEMBER_HEADER_ROW + 1;
    const before = String((await sheetRows(subject.workbook, SHEETS.members))![row - 1]![5]);
    await edit(SHEETS.members, row, 6, before === 'Có' ? 'Không' : 'Có');
    expect(await screen.findByText(hint)).toBeTruthy();

    await edit(SHEETS.members, row, 6, before);
    await waitFor(() => expect(screen.queryByText(hint)).toBeNull());
  });

  test('data changed through the pane itself (its “Dữ liệu” form) while the step was hidden is caught when it is shown again', async () => {
    const subject = await open();
    const step = (active: boolean) => (
      <FluentProvider theme={webLightTheme}>
        <EvaluateStep host={subject.host} lang="vi" goTo={() => undefined} active={active} />
      </FluentProvider>
    );
    const view = render(step(true));
    fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
    await screen.findByTestId('outcome');
    view.rerender(step(false));
    const row = MEMBER_HEADER_ROW + 1;
    const before = String((await sheetRows(subject.workbook, SHEETS.members))![row - 1]![5]);
    // Written as the pane writes: through its own workbook, which tells no edit.
    await act(async () => void (await editCells(subject.host.workbook, SHEETS.members, [{ row, col: 6, value: before === 'Có' ? 'Không' : 'Có' }])));
    const hint = t('vi', 'pane.evaluate.dataChanged');
    expect(screen.queryByText(hint)).toBeNull();
    view.rerender(step(true));
    expect(await screen.findByText(hint)).toBeTruthy();
  });
});

describe('the out-of-date hint is worked out off the typing path', () => {
  afterEach(() => jest.useRealTimers());

  /**
   * The sample unit evaluated in the pane, the clerk's edits of a member's cell told as the preview's grid
   * tells them. The pane's batches are counted, and those begun while `hold` is set answer only once it is
   * released (after their read: what they read is as it was then).
   */
  async function evaluated() {
    const gate: { hold: Promise<void> | null } = { hold: null };
    const count = { batches: 0, running: 0, most: 0 };
    const host = await fakePaneHost({
      sample: { members: 30 },
      wrap: (inner) => ({
        label: inner.label,
        async batch(work) {
          const hold = gate.hold;
          count.batches++;
          count.most = Math.max(count.most, ++count.running);
          try {
            const done = await inner.batch(work);
            await hold;
            return done;
          } finally {
            count.running--;
          }
        },
      }),
    });
    const grid = gridEdits();
    renderStep(EvaluateStep, { ...host, edits: grid.edits });
    fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
    await screen.findByTestId('outcome');
    const row = MEMBER_HEADER_ROW + 1;
    const before = String((await sheetRows(host.excel, SHEETS.members))![row - 1]![5]);
    const after = before === 'Có' ? 'Không' : 'Có';
    // Written beside the pane's workbook (as the grid writes), then told.
    const type = async (value: string) => {
      await act(async () => void (await editCells(host.excel, SHEETS.members, [{ row, col: 6, value }])));
      act(() => grid.told({ wrote: true, sheets: [SHEETS.members] }));
    };
    jest.useFakeTimers();
    count.most = 0;
    return { gate, count, type, before, after, wait: (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms)) };
  }

  const hint = t('vi', 'pane.evaluate.dataChanged');

  test('quick edits are checked once they stop, with one read: the hint shows a real change and goes when it is undone', async () => {
    const { count, type, before, after, wait } = await evaluated();
    const evaluatedReads = count.batches;
    for (const value of [after, before, after, before, after]) {
      await type(value);
      await wait(100);
    }
    // While the clerk types, the pane reads nothing.
    expect(count.batches).toBe(evaluatedReads);
    await wait(2000);
    expect(await screen.findByText(hint)).toBeTruthy();
    expect(count.batches).toBe(evaluatedReads + 1);

    await type(before);
    await wait(2000);
    await waitFor(() => expect(screen.queryByText(hint)).toBeNull());
    expect(count.batches).toBe(evaluatedReads + 2);
    expect(count.most).toBe(1);
  });

  test('a check made out of date by a later edit does not overwrite the newer answer, and never runs beside it', async () => {
    const { gate, count, type, before, after, wait } = await evaluated();
    const evaluatedReads = count.batches;
    // A real change, checked; its check has read the changed data but not answered yet …
    let release!: () => void;
    gate.hold = new Promise<void>((resolve) => (release = resolve));
    await type(after);
    await wait(2000);
    expect(count.running).toBe(1);
    gate.hold = null;
    // … when the clerk undoes it: no second check while the first runs.
    await type(before);
    await wait(2000);
    expect(count.running).toBe(1);
    expect(count.batches).toBe(evaluatedReads + 1);
    // The first answers (“changed”) while the newer check, begun after it, is held in turn: nothing shown.
    let releaseNewer!: () => void;
    gate.hold = new Promise<void>((resolve) => (releaseNewer = resolve));
    release();
    await wait(2000);
    expect(count.batches).toBe(evaluatedReads + 2);
    expect(count.running).toBe(1);
    expect(screen.queryByText(hint)).toBeNull();
    // The newer check read the data as evaluated.
    releaseNewer();
    await wait(2000);
    await waitFor(() => expect(count.running).toBe(0));
    expect(screen.queryByText(hint)).toBeNull();
    expect(count.most).toBe(1);
  });
});
