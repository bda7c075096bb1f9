/**
 * A school's year in the preview, on its own files: open the unit workbook, bring in the
 * staff list it already keeps (an uploaded file with a title block and merged headers),
 * evaluate, then generate the dossier documents. Everything stays in the browser.
 */
import * as ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { addStaffSheet, unitWorkbook } from '../import/messySheets';
import { SHEETS } from '../../src/sheets/names';
import { DOCUMENT_SHEETS } from '../../src/documents/names';

const pages = useBrowserPages();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });

/** Whether the element is wholly inside the part of what scrolls it (down, or across: `x`) that is in view, and the window. */
const inSight = (element: Locator, axis: 'x' | 'y' = 'y') =>
  element.evaluate((el, axis) => {
    const [from, to, size, overflow] = axis === 'y' ? (['top', 'bottom', window.innerHeight, 'overflowY'] as const) : (['left', 'right', window.innerWidth, 'overflowX'] as const);
    const box = el.getBoundingClientRect();
    let inside = box[from] >= 0 && box[to] <= size;
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (!/(auto|scroll|hidden)/.test(getComputedStyle(up)[overflow])) continue;
      const port = up.getBoundingClientRect();
      inside &&= box[from] >= port[from] - 0.5 && box[to] <= port[to] + 0.5;
    }
    return inside;
  }, axis);

async function staffList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addStaffSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import and documents in the preview', () => {
  it('imports an uploaded staff list into the members sheet, evaluates, and prints the dossier', async () => {
    const { page } = await pages.open('preview import and documents');
    await page.goto(`${pages.origin}/preview.html`);
    const [open] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await open.setFiles({ name: 'truong.xlsx', mimeType: XLSX, buffer: Buffer.from(await (await unitWorkbook()).toBuffer()) });
    await page.getByText(/Đã mở/).waitFor();

    // Nhập danh sách: the staff list is another file, read in the browser.
    await pane(page).getByRole('tab', { name: /Nhập danh sách/ }).click();
    const [pick] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Chọn tệp Excel…' }).click()]);
    await pick.setFiles({ name: 'ds-can-bo.xlsx', mimeType: XLSX, buffer: await staffList() });
    await pane(page).getByText('Trang của tệp “ds-can-bo.xlsx”').waitFor();
    await pane(page).getByRole('button', { name: 'Xem trước' }).click();
    await pane(page).getByRole('button', { name: 'Nhập', exact: true }).waitFor();
    await pages.session.shot('mapping proposed');
    // Each column's choice fits the pane, its arrow in sight: a list sized to its longest choice ran past the pane's edge.
    const overflowing = await pane(page)
      .getByRole('combobox', { name: /^Nhập cột “.*” vào$/ })
      .evaluateAll((selects) =>
        selects.filter((el) => {
          const box = el.getBoundingClientRect();
          const shownBy = el.closest('table')!.parentElement!.getBoundingClientRect();
          return box.right > shownBy.right + 0.5;
        }).length,
      );
    expect(overflowing).toBe(0);
    await pane(page).getByRole('button', { name: 'Nhập', exact: true }).click();
    // In its bar (a MessageBar is a group); the status region says it too, for screen readers.
    await pane(page).getByRole('group').getByText('Đã nhập vào trang “Thành viên”').waitFor();
    await expect(pane(page).getByRole('status').filter({ hasText: 'Đã nhập vào trang “Thành viên”. Thêm' }).count()).resolves.toBe(1);
    // Below the button pressed, at the foot of a long step: brought into sight, with what to do next.
    await expect(inSight(pane(page).getByRole('button', { name: 'Tiếp: kiểm tra dữ liệu' }))).resolves.toBe(true);
    await pages.session.shot('imported');

    await page.getByRole('tab', { name: SHEETS.members, exact: true }).click();
    const members = page.locator(`table[data-sheet="${SHEETS.members}"]`);
    await members.waitFor();
    // Trimmed and in NFC, as typed in the source ("Nguyễn Văn An  ", NFD "Trần Thị Bình").
    await expect(members.getByText('Nguyễn Văn An', { exact: true }).count()).resolves.toBe(1);
    await expect(members.getByText('Trần Thị Bình', { exact: true }).count()).resolves.toBe(1);

    await pane(page).getByRole('tab', { name: /Đánh giá/ }).click();
    await pane(page).getByRole('button', { name: 'Đánh giá', exact: true }).click();
    await pane(page).getByTestId('outcome').waitFor({ timeout: 60_000 });

    // The sheet shown keeps its tab in sight when the documents' tabs come in before it.
    const sheetTabs = page.getByRole('tablist', { name: 'Các trang tính' });
    await sheetTabs.getByRole('tab', { name: SHEETS.lists, exact: true }).click();
    await pane(page).getByRole('tab', { name: /Hồ sơ/ }).click();
    await pane(page).getByRole('button', { name: 'Lập hồ sơ' }).click();
    // This staff list falls short of the recognition: the dossier files the self-evaluation, no tờ trình, said why.
    await pane(page).getByRole('group').getByText(/Đã lập 7 văn bản/).waitFor({ timeout: 60_000 });
    await expect(inSight(sheetTabs.getByRole('tab', { selected: true }), 'x')).resolves.toBe(true);
    await expect(inSight(pane(page).getByRole('group').getByText(/Đã lập 7 văn bản/))).resolves.toBe(true);
    await expect(pane(page).getByRole('status').filter({ hasText: /^Đã lập 7 văn bản\..*Chưa lập tờ trình/ }).count()).resolves.toBe(1);
    await expect(pane(page).getByText(/^Chưa lập tờ trình: kết quả tự đánh giá là “Chưa đủ điều kiện công nhận/).count()).resolves.toBe(1);
    await pages.session.shot('documents generated');

    // Filing order in the tabs, as in the file (the Hà Nội plan's): cover, report, minutes, then the summary.
    const tabs = await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab').allInnerTexts();
    const at = (name: string) => tabs.indexOf(name);
    expect(at(DOCUMENT_SHEETS.toTrinh)).toBe(-1);
    expect(at(DOCUMENT_SHEETS.bia)).toBeLessThan(at(DOCUMENT_SHEETS.baoCao));
    expect(at(DOCUMENT_SHEETS.baoCao)).toBeLessThan(at(DOCUMENT_SHEETS.bienBan));
    expect(at(DOCUMENT_SHEETS.bienBan)).toBeLessThan(at(SHEETS.summary));

    await page.getByRole('tab', { name: DOCUMENT_SHEETS.baoCao, exact: true }).click();
    const report = page.locator(`table[data-sheet="${DOCUMENT_SHEETS.baoCao}"]`);
    await report.waitFor();
    await expect(report.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').count()).resolves.toBe(1);
    await expect(report.getByText('BÁO CÁO', { exact: true }).count()).resolves.toBe(1);
    await pages.session.shot('bao cao');
  });
});
