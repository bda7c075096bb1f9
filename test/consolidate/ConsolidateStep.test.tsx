/** @jest-environment jsdom */
/**
 * The pane step: files picked, read by a worker (an in-process stand-in speaking the same
 * protocol), progress, Stop, and one write of both sheets into the open workbook only after
 * every file is read.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { ConsolidateStep } from '../../src/taskpane/steps/ConsolidateStep';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { servingWorker } from '../support/servingWorker';
import { fakePaneHost, sheetRows } from '../support/fakePaneHost';
import { renderStep } from '../taskpane/renderPane';
import { edits, hostile, unitWorkbook } from './corpus';
import { TextDecoder as NodeTextDecoder } from 'util';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import type { PaneHost } from '../../src/taskpane/host';

/** The bars' text, not the status region that says it again. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

// Browsers and Web Workers have TextDecoder; jsdom does not.
if (typeof globalThis.TextDecoder === 'undefined') (globalThis as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;


/** `hold`: the file's bytes are not there until it is released (a slow disk). */
function fileOf(bytes: Uint8Array, name: string, hold?: Promise<void>): File {
  const f = new File([bytes as BlobPart], name);
  // jsdom's File may lack arrayBuffer(): give it the bytes directly.
  Object.defineProperty(f, 'arrayBuffer', { value: async () => (await hold, bytes.slice().buffer) });
  return f;
}

async function pick(files: File[]) {
  await act(async () => {
    fireEvent.change(screen.getByTestId('consolidate-files'), { target: { files } });
  });
}

function fill() {
  fireEvent.change(screen.getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }), { target: { value: 'UBND xã Hòa Bình' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }), { target: { value: 'cấp xã' } });
}

describe('ConsolidateStep', () => {
  let good: Uint8Array;
  let other: Uint8Array;
  beforeAll(async () => {
    good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 30 });
    other = await unitWorkbook({ name: 'UBND xã An Phú', type: 'UBND cấp xã', members: 30, rate: 0.8 });
  });

  test('names the first chosen files and counts the rest', async () => {
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, await fakePaneHost());
    await pick(Array.from({ length: 10 }, (_, i) => fileOf(good, `don-vi-${i + 1}.xlsx`)));
    const items = Array.from(screen.getByRole('list', { name: 'Đã chọn 10 tệp' }).querySelectorAll('li'), (li) => li.textContent);
    expect(items).toEqual([...Array.from({ length: 8 }, (_, i) => `don-vi-${i + 1}.xlsx`), '… và 2 tệp khác']);
  });

  test('names files from a Mac (NFD) as typed (NFC), and the same file picked again under either form once', async () => {
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, await fakePaneHost());
    await pick([fileOf(good, 'Trường Họa Mi.xlsx'.normalize('NFD'))]);
    await pick([fileOf(good, 'Trường Họa Mi.xlsx'.normalize('NFC'))]);
    const items = Array.from(screen.getByRole('list', { name: 'Đã chọn 1 tệp' }).querySelectorAll('li'), (li) => li.textContent);
    expect(items).toEqual(['Trường Họa Mi.xlsx'.normalize('NFC')]);
  });

  test('asks for the consolidating body and files before reading anything', async () => {
    const host = await fakePaneHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Hãy nhập tên và cấp của đơn vị tổng hợp.')).toBeTruthy();
    // A city's UBND may be a province or a (former) district: the officer writes the tier.
    fill();
    fireEvent.change(screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }), { target: { value: 'UBND thành phố Hà Nội' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Cấp của đơn vị tổng hợp “UBND thành phố Hà Nội” không cho biết là cấp nào .*Hãy ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\.$/)).toBeTruthy();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Hãy chọn ít nhất một tệp.')).toBeTruthy();
    expect((await host.excel.batch((s) => s.read([]))).sheetNames).toEqual([]);
  });

  test('reads the files, then writes both sheets once, with a rejected file reported', async () => {
    const host = await fakePaneHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    await pick([fileOf(good, 'nguyen-du.xlsx'), fileOf(other, 'an-phu.xlsx'), fileOf(hostile.csv(), 'danh-sach.xlsx')]);
    expect(screen.getByText('Đã chọn 3 tệp')).toBeTruthy();
    // The files chosen are named, so the officer sees which ones will be read.
    const named = screen.getByRole('list', { name: 'Đã chọn 3 tệp' });
    expect(Array.from(named.querySelectorAll('li'), (li) => li.textContent)).toEqual(['nguyen-du.xlsx', 'an-phu.xlsx', 'danh-sach.xlsx']);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”, từ 3 tệp: 2 tệp đã tổng hợp, 0 tệp trùng không tổng hợp, 0 tệp bỏ qua, 1 tệp bị từ chối\.$/, BAR)).toBeTruthy();
    // Said to screen readers too: a batch takes minutes, and the bar that shows it is no live region.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”, từ 3 tệp: 2 tệp đã tổng hợp, 0 tệp trùng không tổng hợp, 0 tệp bỏ qua, 1 tệp bị từ chối.',
    );
    const units = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.units))!;
    expect(units[1]![2]).toBe('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025');
    expect(units.slice(5, 7).map((r) => r[1])).toEqual(['Trường THCS Nguyễn Du', 'UBND xã An Phú']);
    const files = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.files))!;
    expect(files[6]!.slice(1, 3)).toEqual(['danh-sach.xlsx', 'Bị từ chối']);
    expect(files[6]![4]).toMatch(/^Đây là tệp văn bản CSV đổi tên/);
    // The counts per outcome, on a sheet of their own, count the units table.
    const stats = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.stats))!;
    expect(stats.find((r) => r[0] === 'Tổng cộng')?.[1]).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Xem trang tổng hợp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem thống kê và biểu đồ' }));
    expect(host.shown).toEqual([
      { sheet: CONSOLIDATION_SHEETS.units, address: 'A1' },
      { sheet: CONSOLIDATION_SHEETS.stats, address: 'A1' },
    ]);
  });

  // The workers read under “Bộ tiêu chí đối chiếu”: a unit's own lowered threshold does not make it pass.
  test('recomputes each unit under the reference rule set chosen', async () => {
    const lowered = await unitWorkbook({ name: 'Trường hạ mức', rate: 0.95, seed: 1, prepare: edits.all(edits.setting('id', 'bo-rieng'), edits.threshold('2.3', 0.8)) });
    const host = await fakePaneHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    await pick([fileOf(lowered, 'ha-muc.xlsx')]);
    fill();
    fireEvent.change(screen.getByRole('combobox', { name: 'Bộ tiêu chí đối chiếu' }), { target: { value: 'tt24-co-so-md1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Đã ghi 1 đơn vị/, BAR)).toBeTruthy();
    const units = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.units))!;
    const row = units.find((r) => r[1] === 'Trường hạ mức')!;
    expect(row[units[4]!.indexOf('Kết quả (tính lại)')]).toBe('Không đạt');
  });

  test('Stop leaves the open workbook unchanged', async () => {
    const host = await fakePaneHost();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    await pick([fileOf(good, 'a.xlsx'), fileOf(other, 'b.xlsx', hold)]);
    fill();
    const start = screen.getByRole('button', { name: 'Đọc và tổng hợp' });
    start.focus();
    fireEvent.click(start);
    expect(await screen.findByText('Đã đọc 1/2 tệp')).toBeTruthy();
    // While it reads, the button pressed keeps the focus: said to be unavailable, not disabled (a browser moves the focus off a disabled one).
    expect(start.matches(':disabled')).toBe(false);
    expect(start.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(start);
    fireEvent.click(screen.getByRole('button', { name: 'Dừng' }));
    await act(async () => release());
    expect(await screen.findByText('Đã dừng. Sổ đang mở chưa bị thay đổi.', BAR)).toBeTruthy();
    expect(screen.getAllByRole('status').map((r) => r.textContent)).toContain('Đã dừng. Sổ đang mở chưa bị thay đổi.');
    expect((await host.excel.batch((s) => s.read([]))).sheetNames).toEqual([]);
  });
});

/** The preview's host: a new workbook the step fills is shown instead of the open one. */
async function replaceableHost(options: { unsaved?: boolean; downloadFails?: boolean } = {}) {
  const host = await fakePaneHost();
  const made: { name: string; workbook: ExcelJsWorkbook }[] = [];
  const calls: string[] = [];
  let unsaved = options.unsaved ?? false;
  const replaceable: NonNullable<PaneHost['replaceable']> = {
    unsaved: () => unsaved,
    async download() {
      calls.push('download');
      if (options.downloadFails) throw new Error('Không tạo được tệp để tải về.');
      unsaved = false;
    },
    async fillNew(name, work) {
      const workbook = ExcelJsWorkbook.create(name);
      const done = await work(workbook);
      if (done !== null) made.push({ name, workbook });
      calls.push(done === null ? 'not shown' : 'shown');
      return done;
    },
  };
  return { host: { ...host, replaceable }, excel: host.excel, made, calls };
}

describe('ConsolidateStep in the preview: where the result goes', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 30 });
  });

  test('by default writes into a new workbook that is shown, the open one untouched', async () => {
    const { host, excel, made, calls } = await replaceableHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    expect((screen.getByRole('radio', { name: /Sổ tổng hợp mới/ }) as HTMLInputElement).checked).toBe(true);
    await pick([fileOf(good, 'nguyen-du.xlsx')]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Sổ mới “Tổng hợp ĐVHT - UBND xã Hòa Bình.xlsx” đang hiện trên màn hình; bấm “Tải về .xlsx” để lưu.', BAR)).toBeTruthy();
    expect(calls).toEqual(['shown']);
    expect(made.map((m) => m.name)).toEqual(['Tổng hợp ĐVHT - UBND xã Hòa Bình.xlsx']);
    expect((await sheetRows(made[0]!.workbook, CONSOLIDATION_SHEETS.units))![5]![1]).toBe('Trường THCS Nguyễn Du');
    expect((await excel.batch((s) => s.read([]))).sheetNames).toEqual([]);
  });

  test('"Ghi vào sổ đang mở" writes into the open workbook, and no new one is made', async () => {
    const { host, excel, calls } = await replaceableHost({ unsaved: true });
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    fireEvent.click(screen.getByRole('radio', { name: 'Ghi vào sổ đang mở “test.xlsx”' }));
    await pick([fileOf(good, 'nguyen-du.xlsx')]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Đã ghi 1 đơn vị vào trang “Tổng hợp đơn vị”/, BAR)).toBeTruthy();
    expect(screen.queryByText(/đang hiện trên màn hình/, BAR)).toBeNull();
    // Nothing replaces the open workbook, so its changes are not asked about.
    expect(calls).toEqual([]);
    expect((await sheetRows(excel, CONSOLIDATION_SHEETS.units))![5]![1]).toBe('Trường THCS Nguyễn Du');
  });

  test('an open workbook with changes not downloaded is offered for download first', async () => {
    const { host, calls } = await replaceableHost({ unsaved: true });
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    await pick([fileOf(good, 'nguyen-du.xlsx')]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Sổ đang mở “test.xlsx” có thay đổi chưa tải về. Sổ tổng hợp mới sẽ thay nó trên màn hình: tải sổ này về trước?')).toBeTruthy();
    // Cancel: nothing read, nothing made.
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByText(/có thay đổi chưa tải về/)).toBeNull();
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải về rồi tổng hợp' }));
    expect(await screen.findByText(/đang hiện trên màn hình/, BAR)).toBeTruthy();
    expect(calls).toEqual(['download', 'shown']);
  });

  test('a download that fails stops before anything is read', async () => {
    const { host, calls } = await replaceableHost({ unsaved: true, downloadFails: true });
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, host);
    await pick([fileOf(good, 'nguyen-du.xlsx')]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải về rồi tổng hợp' }));
    expect(await screen.findByText(/Không tạo được tệp để tải về/, BAR)).toBeTruthy();
    expect(calls).toEqual(['download']);
  });

  test('inside Excel the pane says the open workbook is written, and names it', async () => {
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => servingWorker()} />, await fakePaneHost());
    expect(screen.getByText(/^Kết quả được ghi vào sổ đang mở “test\.xlsx”/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
