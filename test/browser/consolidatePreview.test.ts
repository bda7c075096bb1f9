/**
 * Consolidation in the browser preview with the real Web Worker bundle: the officer picks
 * unit workbooks (one of them not a workbook at all), the worker reads them under the
 * page's CSP, and one write adds "Tổng hợp đơn vị" and "Báo cáo tệp" to the open workbook.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { unitWorkbook } from '../consolidate/corpus';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';

const pages = useBrowserPages();

const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });

describe('consolidation in the preview', () => {
  it('reads the picked workbooks in the worker and writes both sheets once, with a reason for the bad file', async () => {
    const files = [
      { name: 'thcs-nguyen-du.xlsx', buffer: Buffer.from(await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' })) },
      { name: 'mam-non-hoa-sen.xlsx', buffer: Buffer.from(await unitWorkbook({ name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', rate: 0.8, seed: 2 })) },
      { name: 'danh-sach.xlsx', buffer: Buffer.from('STT,Họ và tên\n1,Nguyễn Văn An\n', 'utf8') },
    ].map((f) => ({ ...f, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));

    const { page } = await pages.open('preview consolidation');
    await page.goto(`${pages.origin}/preview.html`);
    await pane(page).getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();

    // Body and tier are the officer's to type: nothing starts without them.
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByText('Hãy nhập tên và cấp của đơn vị tổng hợp.').waitFor();
    await pane(page).getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).fill('UBND xã Hòa Bình');
    await pane(page).getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }).fill('cấp xã');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Chọn tệp…' }).click()]);
    await chooser.setFiles(files);
    await pane(page).getByText('Đã chọn 3 tệp').waitFor();
    await pages.session.shot('files picked');

    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByText(/Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”: 1 tệp bị từ chối/).waitFor({ timeout: 60_000 });
    await pages.session.shot('consolidated');

    // The grid shows both new sheets beside the workbook's own.
    await page.getByRole('tab', { name: CONSOLIDATION_SHEETS.units, exact: true }).click();
    const units = page.locator(`table[data-sheet="${CONSOLIDATION_SHEETS.units}"]`);
    await units.waitFor();
    await expect(units.getByText('Trường THCS Nguyễn Du', { exact: true }).count()).resolves.toBe(1);
    await expect(units.getByText('Trường mầm non Hoa Sen', { exact: true }).count()).resolves.toBe(1);
    await expect(units.getByText(/UBND xã Hòa Bình/).count()).resolves.toBeGreaterThan(0);
    await pages.session.shot('units sheet');

    await page.getByRole('tab', { name: CONSOLIDATION_SHEETS.files, exact: true }).click();
    const report = page.locator(`table[data-sheet="${CONSOLIDATION_SHEETS.files}"]`);
    await report.waitFor();
    const badRow = report.locator('tr', { hasText: 'danh-sach.xlsx' });
    await expect(badRow.innerText()).resolves.toMatch(/CSV/);
    await pages.session.shot('file report');
  });
});
