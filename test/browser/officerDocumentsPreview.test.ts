/**
 * The officer's documents in the browser preview: consolidate the picked unit workbooks
 * (into a new workbook, then shown), then, in the same pane step, make the minutes, the
 * request and the draft decision in it, and read in the pane who is proposed and who is not.
 */
import type { Download, Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import * as fs from 'fs';
import { BATCH, batchFiles } from '../officer/batch';
import { unitWorkbook } from '../consolidate/corpus';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { sealInId } from '../../src/usecases/handout';

const pages = useBrowserPages();
const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });
/** What the pane's status regions say (a screen reader reads each out when it changes). */
const said = (page: Page, text: string | RegExp) => pane(page).getByRole('status').filter({ hasText: text });

/**
 * Pressed from the keyboard (focused, Enter), then, once `done` shows, the focus is still on it: while the work
 * ran it was said to be unavailable, not disabled (Chromium moves the focus off a disabled button, to the page).
 */
async function pressKeepsFocus(page: Page, name: string, done: () => Promise<void>) {
  await pane(page).getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
  await done();
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(name);
}

describe('officer documents in the preview', () => {
  it('makes the three documents from the consolidation just written and reports the lists', async () => {
    const files = (await batchFiles()).map((f) => ({ name: f.label, buffer: Buffer.from(f.bytes), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const { page } = await pages.open('preview officer documents');
    await page.goto(`${pages.origin}/preview.html`);
    await pane(page).getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();

    // Before any consolidation the open workbook has no table: said, nothing drawn.
    await pane(page).getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }).click();
    await pane(page).getByRole('group').getByText(/chưa có trang “Tổng hợp đơn vị” do ĐVHT ghi/).waitFor();
    await expect(said(page, /chưa có trang “Tổng hợp đơn vị” do ĐVHT ghi/).count()).resolves.toBe(1);

    await pane(page).getByRole('textbox', { name: /Tên đơn vị tổng hợp/ }).fill('UBND xã Hòa Bình');
    await pane(page).getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }).fill('cấp xã');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Chọn tệp…' }).click()]);
    await chooser.setFiles(files);
    await pane(page).getByRole('button', { name: 'Đọc và tổng hợp' }).click();
    await pane(page).getByRole('group').getByText(/Đã ghi 8 đơn vị vào trang “Tổng hợp đơn vị”/).waitFor({ timeout: 90_000 });
    // The consolidation went into a workbook of its own, now the one shown: the documents are made there.
    await expect(page.getByTestId('preview-file').innerText()).resolves.toBe('Tổng hợp ĐVHT - UBND xã Hòa Bình.xlsx');

    await pane(page).getByRole('textbox', { name: /Người ký tờ trình, biên bản/ }).fill('Nguyễn Văn Bình');
    const proposed = BATCH.filter((b) => b.level !== null).length;
    const made = `Đã lập 3 văn bản: đề nghị công nhận ${proposed} đơn vị, chưa đủ điều kiện ${BATCH.length - proposed} đơn vị.`;
    await pressKeepsFocus(page, 'Lập biên bản, tờ trình, quyết định', () => pane(page).getByRole('group').getByText(made).waitFor({ timeout: 60_000 }));
    await expect(said(page, made).count()).resolves.toBe(1);
    for (const sheet of ['Biên bản thẩm định', 'Tờ trình công nhận', 'Quyết định công nhận', 'Mẫu văn bản tổng hợp']) {
      await expect(pane(page).getByText(`Mở trang “${sheet}”`).count()).resolves.toBe(1);
    }
    const tabs = await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['Tổng hợp đơn vị', 'Báo cáo tệp', 'Biên bản thẩm định', 'Tờ trình công nhận', 'Quyết định công nhận']));
    await pages.session.shot('officer documents made');
  });

  it('hands the chosen rule set out, and rolls a unit\'s workbook over to next year, as downloads', async () => {
    const { page } = await pages.open('preview handout and new year');
    await page.goto(`${pages.origin}/preview.html`);
    await pane(page).getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();
    await pane(page).getByLabel('Bộ tiêu chí đối chiếu').selectOption('tt24-co-so-md2');
    const both = new Promise<Download[]>((resolve) => {
      const got: Download[] = [];
      page.on('download', (d) => {
        got.push(d);
        if (got.length === 2) resolve(got);
      });
    });
    const handedOut = /^Đã xuất bộ tiêu chí “TT24 · cấp huyện · mức độ 2” \(mã tt24-co-so-md2@[0-9a-f]{16}\)/;
    await pressKeepsFocus(page, 'Xuất sổ mẫu và tệp bộ tiêu chí', () => pane(page).getByRole('group').getByText(handedOut).waitFor({ timeout: 60_000 }));
    await expect(said(page, handedOut).count()).resolves.toBe(1);
    const files = await both;
    expect(files.map((d) => d.suggestedFilename()).sort()).toEqual(['bo-tieu-chi-tt24-co-so-md2.json', 'so-mau-tt24-co-so-md2.xlsx']);
    const starter = (await files.find((d) => d.suggestedFilename().endsWith('.xlsx'))!.path())!;
    const wb = await XlsxWorkbook.open(fs.readFileSync(starter), 'so-mau.xlsx', NODE_XLSX);
    const rs = readCriteriaSheet((await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!).ruleSet;
    expect(sealInId(rs.id)).not.toBeNull();
    await pages.session.shot('rule set handed out');

    // A unit's workbook, opened in the preview, rolled over: the download is next year's.
    const [open] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await open.setFiles({ name: 'truong-2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await unitWorkbook({ name: 'Trường THCS Nguyễn Du' })) });
    await page.getByText(/Đã mở/).waitFor();
    await pane(page).getByRole('tab', { name: /Sang năm mới/ }).click();
    const downloading = page.waitForEvent('download');
    await pressKeepsFocus(page, 'Tạo sổ năm sau', () => pane(page).getByRole('group').getByText(/Đã tạo sổ năm 2026 \(60 thành viên\)/).waitFor({ timeout: 60_000 }));
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('truong-2025-nam-sau.xlsx');
    await expect(said(page, /^Đã tạo sổ năm 2026 \(60 thành viên\) và tải về “truong-2025-nam-sau\.xlsx”/).count()).resolves.toBe(1);
    const next = await XlsxWorkbook.open(fs.readFileSync((await download.path())!), 'next.xlsx', NODE_XLSX);
    const parsed = parseUnitWorkbook(await next.batch((s) => s.read(UNIT_WORKBOOK_SHEETS)));
    if (!parsed.ok) throw new Error('next year\'s workbook does not read');
    expect(parsed.workbook.unit.info.year).toBe(2026);
    expect(parsed.workbook.members.table.rows).toHaveLength(60);
    await pages.session.shot('next year made');
  });
});
