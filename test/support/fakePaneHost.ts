/**
 * An in-memory PaneHost for component tests (jsdom) and anything else that mounts the pane
 * without Excel: the workbook is a real ExcelJsWorkbook, showCell is recorded.
 */
import type { PaneHost } from '../../src/taskpane/host';
import type { Workbook, WorkbookSession } from '../../src/workbook/port';
import { ExcelJsWorkbook } from './exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';

export interface FakePaneHost extends PaneHost {
  /** Cells the pane asked to show, in order. */
  shown: { sheet: string; address: string }[];
  /** The ExcelJS workbook behind (unwrapped), to inspect what was written. */
  excel: ExcelJsWorkbook;
  /** How many batches on the pane's workbook have not answered yet (settle in test/taskpane/renderPane.tsx waits for none). */
  running(): number;
}

export interface FakePaneHostOptions {
  /** Create the sheets with the sample school (sampleUnit()). */
  sample?: boolean | Parameters<typeof sampleUnit>[0];
  locale?: string;
  /** Requirement sets reported as missing. */
  unsupported?: string[];
  /** Wrap the workbook (gated, failing…); defaults to the ExcelJS one. */
  wrap?: (wb: Workbook) => Workbook;
  showCellError?: Error;
}

export async function fakePaneHost(options: FakePaneHostOptions = {}): Promise<FakePaneHost> {
  const excel = ExcelJsWorkbook.create('test.xlsx');
  if (options.sample) await createSheets(excel, sampleUnit(options.sample === true ? {} : options.sample));
  const shown: FakePaneHost['shown'] = [];
  const workbook = options.wrap ? options.wrap(excel) : excel;
  // Counted on the workbook itself (not a wrapper): the pane and the test keep one object, with all its methods.
  let running = 0;
  const batch = workbook.batch.bind(workbook);
  workbook.batch = async (work) => {
    running++;
    try {
      return await batch(work);
    } finally {
      running--;
    }
  };
  return {
    kind: 'preview',
    workbook,
    excel,
    running: () => running,
    locale: options.locale ?? 'vi-VN',
    supports: (req) => !(options.unsupported ?? []).includes(req),
    showCell: async (sheet, address) => {
      if (options.showCellError) throw options.showCellError;
      shown.push({ sheet, address });
    },
    shown,
  };
}

/** A workbook whose batches wait until released: lets a test see the "running" state. */
export function gatedWorkbook(inner: Workbook): Workbook & { release(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    label: inner.label,
    release: () => open(),
    batch: async <T>(work: (s: WorkbookSession) => Promise<T>) => {
      await gate;
      return inner.batch(work);
    },
  };
}

/** A workbook whose batches fail the way Office.js can (e.g. the file is being edited): every one, or the first `times`. */
export function failingWorkbook(message: string, times = Infinity): (inner: Workbook) => Workbook {
  let failed = 0;
  return (inner) => ({
    label: inner.label,
    batch: async <T>(work: (s: WorkbookSession) => Promise<T>) => {
      if (failed++ < times) throw new Error(message);
      return inner.batch(work);
    },
  });
}

/** Write one cell the way a user would (tests put bad data in). */
export async function typeInto(wb: Workbook, sheet: string, address: string, value: string | number | null): Promise<void> {
  await wb.batch(async (s) => {
    s.write({ sheet, mode: 'existing', cells: [{ at: address, rows: [[value]] }] });
  });
}

/** The values of one sheet as read through the port. */
export async function sheetRows(wb: Workbook, sheet: string) {
  return wb.batch(async (s) => (await s.read([sheet])).sheets.get(sheet)?.rows ?? null);
}
