/**
 * Consolidation in the browser preview with the real Web Worker bundle: the officer picks
 * unit workbooks (one of them not a workbook at all), the worker reads them under the
 * page's CSP, and one write adds "Tổng hợp đơn vị" and "Báo cáo tệp" — by default to a new
 * workbook of their own that is then shown (the open one, changed and not downloaded, is
 * offered for download first). The open workbook, when it is a school's own, is refused: said
 * as soon as the officer chooses it, and nothing is read or written.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { unitWorkbook } from '../consolidate/corpus';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { SHEETS } from '../../src/sheets/names';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

const pages = useBrowserPages();

const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });
const sheetTabs = (page: Page) => page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab');
const sheetTab = (page: Page, sheet: string) => page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab', { name: sheet, exact: true });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function unitFiles() {
  return [
    { name: 'thcs-nguyen-du.xlsx', buffer: Buffer.from(await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' })) },
    { name: 'mam-non-hoa-sen.xlsx', buffer: Buffer.from(await unitWorkbook({ name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', rate: 0.8, seed: 2 })) },
    { name: 'danh-sach.xlsx', buffer: Buffer.from('STT,Họ và tên\n1,Nguyễn Văn An\n', 'utf8') },
  ].map((f) => ({ ...f, mimeType: XLSX }));
}

/** The sample school's workbook is open, evaluated (so it has changes not downloaded). */
async function openEvaluatedSample(name: string): Promise<Page> {
  const { page } = await pages.open(name);
  await page.goto(`${pages.origin}/preview.html`);
  await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
  await page.getByText(/Đã tạo sổ mẫu/).waitFor();
  await pane(page).getByRole('tab', { name: /Đánh giá/ }).click();
  await pane(page).getByRole('button', { name: /^Đánh giá$/ }).click();
  await pane(page).getByTestId('outcome').waitFor({ timeout: 60_000 });
  return page;
}

async function fillAndPick(page: Page): Promise<void> {
  await pane(page).getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();
  // Body and tier are the officer's to type: nothing starts without them.
  await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
  await pane(page).getByText('Hãy nhập tên và cấp của đơn vị tổng hợp.').waitFor();
  await pane(page).getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).fill('UBND xã Hòa Bình');
  await pane(page).getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }).fill('cấp xã');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Chọn tệp…' }).click()]);
  await chooser.setFiles(await unitFiles());
  await pane(page).getByText('Đã chọn 3 tệp').waitFor();
}

async function checkSheets(page: Page): Promise<void> {
  await sheetTab(page, CONSOLIDATION_SHEETS.units).click();
  const units = page.locator(`table[data-sheet="${CONSOLIDATION_SHEETS.units}"]`);
  await units.waitFor();
  await expect(units.getByText('Trường THCS Nguyễn Du', { exact: true }).count()).resolves.toBe(1);
  await expect(units.getByText('Trường mầm non Hoa Sen', { exact: true }).count()).resolves.toBe(1);
  await expect(units.getByText(/UBND xã Hòa Bình/).count()).resolves.toBeGreaterThan(0);
  await pages.session.shot('units sheet');

  // The counts per outcome, their own sheet: 2 units in all.
  await sheetTab(page, CONSOLIDATION_SHEETS.stats).click();
  const stats = page.locator(`table[data-sheet="${CONSOLIDATION_SHEETS.stats}"]`);
  await stats.waitFor();
  await expect(stats.locator('tr', { hasText: 'Tổng cộng' }).innerText()).resolves.toMatch(/Tổng cộng\s+2\b/);
  await pages.session.shot('statistics sheet');

  await sheetTab(page, CONSOLIDATION_SHEETS.files).click();
  const report = page.locator(`table[data-sheet="${CONSOLIDATION_SHEETS.files}"]`);
  await report.waitFor();
  await expect(report.locator('tr', { hasText: 'danh-sach.xlsx' }).innerText()).resolves.toMatch(/CSV/);
  await pages.session.shot('file report');
}

describe('consolidation in the preview', () => {
  it('writes into a new workbook that is then shown, after offering the changed open one for download', async () => {
    const page = await openEvaluatedSample('preview consolidation');
    await fillAndPick(page);
    await expect(pane(page).getByRole('radio', { name: /Sổ tổng hợp mới/ }).isChecked()).resolves.toBe(true);
    await pages.session.shot('files picked');

    // The school's workbook has changes not downloaded: offered for download before it is closed.
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByText(/Sổ đang mở “.*” có thay đổi chưa tải về/).waitFor();
    await pages.session.shot('asked about the open workbook');
    const [saved] = await Promise.all([page.waitForEvent('download'), pane(page).getByRole('button', { name: 'Tải về rồi tổng hợp' }).click()]);
    const school = await XlsxWorkbook.open(fs.readFileSync((await saved.path())!), saved.suggestedFilename(), NODE_XLSX);
    expect((await school.batch((s) => s.read([]))).sheetNames).toContain(SHEETS.members);

    await pane(page).getByRole('group').getByText(/Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”, từ 3 tệp: .* 1 tệp bị từ chối/).waitFor({ timeout: 60_000 });
    // Said to screen readers too: the batch took a while, and the bar is no live region.
    await expect(pane(page).getByRole('status').filter({ hasText: /^Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”/ }).count()).resolves.toBe(1);
    await pane(page).getByRole('group').getByText('Sổ mới “Tổng hợp ĐVHT - UBND xã Hòa Bình.xlsx” đang hiện trên màn hình; bấm “Tải về .xlsx” để lưu.').waitFor();
    await expect(page.getByTestId('preview-file').innerText()).resolves.toBe('Tổng hợp ĐVHT - UBND xã Hòa Bình.xlsx');
    await pages.session.shot('consolidated into a new workbook');

    // Only the consolidation's sheets: the school's stayed in its own file.
    const names = await sheetTabs(page).allInnerTexts();
    expect(names).toEqual(expect.arrayContaining([CONSOLIDATION_SHEETS.units, CONSOLIDATION_SHEETS.files]));
    expect(names).not.toContain(SHEETS.members);
    await checkSheets(page);

    // The new workbook is not downloaded yet: leaving asks.
    const unload = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(unload).toBe(true);
  });

  it('refuses the open workbook when it is the school\'s own: said once chosen, nothing read, nothing written', async () => {
    const page = await openEvaluatedSample('preview consolidation into the school workbook refused');
    const label = await page.getByTestId('preview-file').innerText();
    await fillAndPick(page);
    const tabs = await sheetTabs(page).allInnerTexts();
    await pane(page).getByRole('radio', { name: `Ghi vào sổ đang mở “${label}”` }).check();
    // Said before the button is pressed, with what to do instead.
    const refusal = `Sổ “${label}” là sổ tự đánh giá của một đơn vị (có trang “Thông tin đơn vị”, “Thành viên”)`;
    await pane(page).getByText(refusal).waitFor();
    await pane(page).getByText(/Hãy chọn “Sổ tổng hợp mới/).waitFor();
    await pages.session.shot('the school workbook refused');
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByRole('status').filter({ hasText: refusal }).waitFor({ state: 'attached' });
    await expect(pane(page).getByText(/Đã đọc|Đã ghi/).count()).resolves.toBe(0);
    await expect(page.getByTestId('preview-file').innerText()).resolves.toBe(label);
    await expect(sheetTabs(page).allInnerTexts()).resolves.toEqual(tabs);
  });

  it('writes into the open workbook when the officer chooses it and it is no unit\'s (the page\'s new one)', async () => {
    const { page } = await pages.open('preview consolidation into the open workbook');
    await page.goto(`${pages.origin}/preview.html`);
    const label = await page.getByTestId('preview-file').innerText();
    await fillAndPick(page);
    await pane(page).getByRole('radio', { name: `Ghi vào sổ đang mở “${label}”` }).check();
    await expect(pane(page).getByText(/là sổ tự đánh giá của một đơn vị/).count()).resolves.toBe(0);
    // From the keyboard: the focus stays on the button while the workers read (a disabled button would lose it to the page).
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).focus();
    await page.keyboard.press('Enter');
    await pane(page).getByRole('group').getByText(/Đã ghi 2 đơn vị vào trang “Tổng hợp đơn vị”, từ 3 tệp: .* 1 tệp bị từ chối/).waitFor({ timeout: 60_000 });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Đọc và tổng hợp');
    await expect(page.getByTestId('preview-file').innerText()).resolves.toBe(label);
    await expect(sheetTabs(page).allInnerTexts()).resolves.toEqual(expect.arrayContaining([CONSOLIDATION_SHEETS.units, CONSOLIDATION_SHEETS.files]));
    await checkSheets(page);
  });
});
