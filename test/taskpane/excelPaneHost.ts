/**
 * The Excel host as the pane gets it (createExcelHost), on the counting fake of the Excel API:
 * its change events told when the burst is over, by hand (`over`), not by a timer.
 */
import { createExcelHost } from '../../src/hosts/excel/excelHost';
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
