/**
 * The officer's documents in the browser preview: consolidate the picked unit workbooks,
 * then, in the same pane step, make the minutes, the request and the draft decision, and
 * read in the pane who is proposed and who is not.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { BATCH, batchFiles } from '../officer/batch';

const pages = useBrowserPages();
const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });

describe('officer documents in the preview', () => {
  it('makes the three documents from the consolidation just written and reports the lists', async () => {
    const files = (await batchFiles()).map((f) => ({ name: f.label, buffer: Buffer.from(f.bytes), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const { page } = await pages.open('preview officer documents');
    await page.goto(`${pages.origin}/preview.html`);
    await pane(page).getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();

    // Before any consolidation the open workbook has no table: said, nothing drawn.
    await pane(page).getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }).click();
    await pane(page).getByText(/chưa có trang “Tổng hợp đơn vị” do ĐVHT ghi/).waitFor();

    await pane(page).getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).fill('UBND xã Hòa Bình');
    await pane(page).getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }).fill('cấp xã');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Chọn tệp…' }).click()]);
    await chooser.setFiles(files);
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByText(/Đã ghi 8 đơn vị vào trang “Tổng hợp đơn vị”/).waitFor({ timeout: 90_000 });

    await pane(page).getByRole('textbox', { name: /Người ký tờ trình, biên bản/ }).fill('Nguyễn Văn Bình');
    await pane(page).getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }).click();
    const proposed = BATCH.filter((b) => b.level !== null).length;
    await pane(page).getByText(`Đã lập 3 văn bản: đề nghị công nhận ${proposed} đơn vị, chưa đủ điều kiện ${BATCH.length - proposed} đơn vị.`).waitFor({ timeout: 60_000 });
    for (const sheet of ['Biên bản thẩm định', 'Tờ trình công nhận', 'Quyết định công nhận', 'Mẫu văn bản tổng hợp']) {
      await expect(pane(page).getByText(`Mở trang “${sheet}”`).count()).resolves.toBe(1);
    }
    await pages.session.shot('officer documents made');
  });
});
