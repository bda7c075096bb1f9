/**
 * The two hosts as the pane gets them, for suites that run over both: inside Excel
 * (createExcelHost on the counting fake of the Excel API, its change events told when the burst
 * is over, by hand: `over`, not a timer) and the browser preview (createPreviewHost on its
 * .xlsx workbook, edits told by whoever writes as the grid does).
 */
import * as util from 'util';
import * as webStreams from 'stream/web';
import { createExcelHost } from '../../src/hosts/excel/excelHost';
import { createPreviewHost, gridEdits } from '../../src/hosts/preview/previewHost';
import type { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import type { PaneHost } from '../../src/taskpane/host';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { FakeExcel } from '../support/fakeExcel';

/** Events arrive after the sync that made them; then the burst is over. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export function excelPaneHost(excel: FakeExcel, workbook = new OfficeWorkbook(excel.run, excel.supports)): { host: PaneHost; over(): Promise<void> } {
  const office = { context: { displayLanguage: 'vi-VN', requirements: { isSetSupported: (set: string, v = '1.1') => set === 'ExcelApi' && excel.supports(v) } } };
  let burst: (() => void) | null = null;
  const host = createExcelHost(office, workbook, { run: excel.run, createWorkbook: async () => undefined }, { focus: new EventTarget(), later: (tell) => ((burst = tell), () => (burst = burst === tell ? null : burst)) });
  return {
    host,
    async over() {
      await settle();
      const tell = burst;
      burst = null;
      tell?.();
    },
  };
}

/** `edits`: the grid's edits (gridEdits), told by the test's writes as PreviewApp's grid tells its own. */
export function previewPaneHost(file: PreviewWorkbook, edits = gridEdits().edits): PaneHost {
  return createPreviewHost({
    workbook: file,
    locale: 'vi-VN',
    theme: 'light',
    onBatch: () => undefined,
    onShowCell: () => undefined,
    unsaved: () => false,
    download: async () => undefined,
    edits,
    onReplace: () => undefined,
  });
}

/** jsdom's window has neither TextEncoder/TextDecoder nor the compression streams; the preview's .xlsx implementation needs them (Node's). */
export function withNodeWebApis(): void {
  beforeAll(() => {
    Object.assign(globalThis, {
      TextEncoder: globalThis.TextEncoder ?? util.TextEncoder,
      TextDecoder: globalThis.TextDecoder ?? util.TextDecoder,
      CompressionStream: globalThis.CompressionStream ?? webStreams.CompressionStream,
      DecompressionStream: globalThis.DecompressionStream ?? webStreams.DecompressionStream,
    });
  });
}
