/** @jest-environment jsdom */
/**
 * The pane step: files picked, read by a worker (an in-process stand-in speaking the same
 * protocol), progress, Stop, and one write of both sheets into the open workbook only after
 * every file is read.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { ConsolidateStep } from '../../src/taskpane/steps/ConsolidateStep';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import type { ConsolidateWorkerEvent, ConsolidateWorkerRequest, WorkerLike } from '../../src/usecases/consolidate/workerProtocol';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { fakePaneHost, sheetRows } from '../support/fakePaneHost';
import { renderStep } from '../taskpane/renderPane';
import { hostile, unitWorkbook } from './corpus';
import { TextDecoder as NodeTextDecoder } from 'util';

// Browsers and Web Workers have TextDecoder; jsdom does not.
if (typeof globalThis.TextDecoder === 'undefined') (globalThis as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;

/** Runs the worker's loop in-process; `hold` keeps it before the next file until released. */
function inProcessWorker(hold?: Promise<void>): WorkerLike {
  let cancelled = false;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(msg: ConsolidateWorkerRequest) {
      if (msg.type === 'cancel') {
        cancelled = true;
        return;
      }
      void (async () => {
        const send = (data: ConsolidateWorkerEvent) => w.onmessage?.({ data });
        for (let i = 0; i < msg.files.length; i++) {
          if (i > 0 && hold) await hold;
          if (cancelled) return send({ type: 'cancelled', done: i });
          const f = msg.files[i]!;
          const outcome = await readUnitFile(new Uint8Array(f.bytes), f.name, { inflate: nodeInflate, decode: nodeDecode, lang: msg.lang });
          send({ type: 'outcome', index: i, total: msg.files.length, outcome });
        }
        send({ type: 'done', total: msg.files.length });
      })();
    },
  };
  return w;
}

function fileOf(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  // jsdom's File may lack arrayBuffer(): give it the bytes directly.
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
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
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => inProcessWorker()} />, await fakePaneHost());
    await pick(Array.from({ length: 10 }, (_, i) => fileOf(good, `don-vi-${i + 1}.xlsx`)));
    const items = Array.from(screen.getByRole('list', { name: 'Đã chọn 10 tệp' }).querySelectorAll('li'), (li) => li.textContent);
    expect(items).toEqual([...Array.from({ length: 8 }, (_, i) => `don-vi-${i + 1}.xlsx`), '… và 2 tệp khác']);
  });

  test('asks for the consolidating body and files before reading anything', async () => {
    const host = await fakePaneHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => inProcessWorker()} />, host);
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Hãy nhập tên và cấp của đơn vị tổng hợp.')).toBeTruthy();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Hãy chọn ít nhất một tệp.')).toBeTruthy();
    expect((await host.excel.batch((s) => s.read([]))).sheetNames).toEqual([]);
  });

  test('reads the files, then writes both sheets once, with a rejected file reported', async () => {
    const host = await fakePaneHost();
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => inProcessWorker()} />, host);
    await pick([fileOf(good, 'nguyen-du.xlsx'), fileOf(other, 'an-phu.xlsx'), fileOf(hostile.csv(), 'danh-sach.xlsx')]);
    expect(screen.getByText('Đã chọn 3 tệp')).toBeTruthy();
    // The files chosen are named, so the officer sees which ones will be read.
    const named = screen.getByRole('list', { name: 'Đã chọn 3 tệp' });
    expect(Array.from(named.querySelectorAll('li'), (li) => li.textContent)).toEqual(['nguyen-du.xlsx', 'an-phu.xlsx', 'danh-sach.xlsx']);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText(/^Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”: 1 tệp bị từ chối, 0 tệp trùng, 0 đơn vị cần xem lại\.$/)).toBeTruthy();
    const units = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.units))!;
    expect(units[1]![0]).toBe('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025');
    expect(units.slice(5, 7).map((r) => r[1])).toEqual(['Trường THCS Nguyễn Du', 'UBND xã An Phú']);
    const files = (await sheetRows(host.excel, CONSOLIDATION_SHEETS.files))!;
    expect(files[6]!.slice(1, 3)).toEqual(['danh-sach.xlsx', 'Bị từ chối']);
    expect(files[6]![4]).toMatch(/^Đây là tệp văn bản CSV đổi tên/);
    fireEvent.click(screen.getByRole('button', { name: 'Xem trang tổng hợp' }));
    expect(host.shown).toEqual([{ sheet: CONSOLIDATION_SHEETS.units, address: 'A1' }]);
  });

  test('Stop leaves the open workbook unchanged', async () => {
    const host = await fakePaneHost();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    renderStep((p) => <ConsolidateStep {...p} createWorker={() => inProcessWorker(hold)} />, host);
    await pick([fileOf(good, 'a.xlsx'), fileOf(other, 'b.xlsx')]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Đọc và tổng hợp' }));
    expect(await screen.findByText('Đã đọc 1/2 tệp')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dừng' }));
    await act(async () => release());
    expect(await screen.findByText('Đã dừng. Sổ đang mở chưa bị thay đổi.')).toBeTruthy();
    expect((await host.excel.batch((s) => s.read([]))).sheetNames).toEqual([]);
  });
});
