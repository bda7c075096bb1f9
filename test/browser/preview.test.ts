/**
 * The browser preview in Chromium, on a production build: the whole evaluation on the
 * sample school, the downloaded .xlsx checked with ExcelJS, keyboard-only use, axe-core.
 * Every test also fails on a request outside this machine, a CSP violation or a page error.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { seriousViolations, tabTo, useBrowserPages } from './support/browser';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { unitResultRow } from '../../src/sheets/unitSheet';
import { runsOnOver } from './support/grid';

const pages = useBrowserPages();

async function openPreview(name: string): Promise<Page> {
  const session = await pages.open(name);
  await session.page.goto(`${pages.origin}/preview.html`);
  await pages.session.page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
  return pages.session.page;
}

/** The pane's step tabs (role tab inside the pane's navigation). */
function paneTab(page: Page, title: RegExp) {
  return page.getByRole('region', { name: 'Ngăn ĐVHT' }).getByRole('tab', { name: title });
}

function pane(page: Page) {
  return page.getByRole('region', { name: 'Ngăn ĐVHT' });
}

describe('browser preview', () => {
  it('evaluates the sample school and downloads a workbook that ExcelJS reads back', async () => {
    const page = await openPreview('preview flow');
    await pages.session.shot('empty workbook');

    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await page.locator('table[data-sheet="Thông tin đơn vị"]').waitFor();
    await expect(page.locator('td[data-address="B4"]').innerText()).resolves.toBe('Trường THCS Nguyễn Du');
    await expect(page.locator('td[data-selected="true"]').getAttribute('data-address')).resolves.toBe('B4');
    await pages.session.shot('sample loaded');

    // Thiết lập: the sheets exist already, so creating keeps every one of them.
    await pane(page).getByRole('button', { name: 'Tạo các trang' }).click();
    await pane(page).getByRole('group').getByText('Đã chuẩn bị sổ đánh giá').waitFor();
    await pages.session.shot('sheets created');

    await paneTab(page, /Đánh giá/).click();
    await pane(page).getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const outcome = pane(page).getByTestId('outcome');
    await outcome.waitFor({ timeout: 60_000 });
    const outcomeText = await outcome.innerText();
    expect(outcomeText).toMatch(/điều kiện công nhận/);
    await pages.session.shot('evaluated');

    // The grid shows what the evaluation wrote (cached values of the formulas).
    const resultCell = `B${unitResultRow('outcome')}`;
    await page.getByRole('tab', { name: SHEETS.unit }).click();
    await expect(page.locator(`td[data-address="${resultCell}"]`).innerText()).resolves.toBe(outcomeText);
    // Longer than its column, the outcome runs on over the empty grey cell beside it, as in Excel.
    expect(await runsOnOver(page, resultCell, `C${unitResultRow('outcome')}`)).toBe(true);
    await page.getByRole('tab', { name: SHEETS.criteria }).click();
    await page.locator(`table[data-sheet="${SHEETS.criteria}"]`).waitFor();
    const percentages = await page.locator('td').filter({ hasText: /^\d+(,\d+)?%$/ }).count();
    expect(percentages).toBeGreaterThan(0);
    await pages.session.shot('criteria sheet with results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải về .xlsx' }).click()]);
    expect(download.suggestedFilename()).toBe('Dữ liệu mẫu ĐVHT.xlsx');
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    const unit = wb.getWorksheet(SHEETS.unit)!;
    const outcomeValue = unit.getCell(resultCell).value;
    const written = typeof outcomeValue === 'object' && outcomeValue && 'result' in outcomeValue ? outcomeValue.result : outcomeValue;
    expect(written).toBe(outcomeText);
    const criteria = wb.getWorksheet(SHEETS.criteria)!;
    let percent: ExcelJS.Cell | undefined;
    criteria.eachRow((row) => {
      const cell = row.getCell(COL.value);
      if (!percent && cell.numFmt?.includes('%') && cell.type === ExcelJS.ValueType.Formula && typeof cell.result === 'number') percent = cell;
    });
    expect(percent).toBeDefined();
    expect(percent!.result as number).toBeGreaterThanOrEqual(0);
    expect(percent!.result as number).toBeLessThanOrEqual(1);
    const shown = await (async () => {
      await page.getByRole('tab', { name: SHEETS.criteria }).click();
      return page.locator(`td[data-address="${percent!.address}"]`).innerText();
    })();
    expect(shown).toMatch(/%$/);

    // The downloaded file opens again in the preview, nothing uploaded.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await chooser.setFiles(file);
    await page.getByText(/Đã mở/).waitFor();
    await page.getByRole('tab', { name: SHEETS.criteria }).click();
    await expect(page.locator(`td[data-address="${percent!.address}"]`).innerText()).resolves.toBe(shown);
    await pages.session.shot('downloaded file reopened');
  });

  it('says which file could not be opened when it is not an .xlsx', async () => {
    const page = await openPreview('preview bad file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await chooser.setFiles({ name: 'danh sach.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip file') });
    const notice = page.getByText(/Không mở được “danh sach\.xlsx”/);
    await notice.waitFor();
    // The reader's reason says what the file is and what to do, once: not wrapped in a second, generic one.
    await expect(notice.innerText()).resolves.toMatch(/^Không mở được “danh sach\.xlsx”: [^()]*Hãy [^()]*$/);
    await expect(page.getByTestId('preview-file').innerText()).resolves.toBe('Sổ đánh giá ĐVHT.xlsx');
    await pages.session.shot('bad file message');
  });

  it('refuses typing into a locked cell of a sheet the user protected, and says how to lift the protection', async () => {
    const page = await openPreview('preview protected sheet');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['STT', 'Họ và tên']);
    ws.addRow([1, 'Nguyễn Thị Hằng']);
    await ws.protect('123', {});
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await chooser.setFiles({ name: 'bao-ve.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.locator('table[data-sheet="Danh sách"]').waitFor();
    await page.locator('td[data-address="B2"]').click();
    await page.keyboard.type('Trần Văn Đạt');
    await page.keyboard.press('Enter');
    // The cell is read-only before typing: no editor opens, the reason is said at once.
    await page.getByText(/^Ô B2: Trang “Danh sách” đang được bảo vệ.*Bỏ bảo vệ trang tính/).waitFor();
    await expect(page.locator('td[data-address="B2"]').innerText()).resolves.toBe('Nguyễn Thị Hằng');
    await pages.session.shot('protected sheet refused');
  });

  it('keeps a 5,000-member sheet responsive: only a window of rows is in the page', async () => {
    const page = await openPreview('preview large sheet');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['STT', 'Họ và tên', 'Điểm']);
    for (let i = 1; i <= 5000; i++) ws.addRow([i, `Thành viên ${i}`, (i % 100) / 100]);
    ws.getColumn(3).numFmt = '0.0%';
    const file = `${__dirname}/../../test-output/browser/large.xlsx`;
    await wb.xlsx.writeFile(file);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await chooser.setFiles(file);
    await page.locator('table[data-sheet="Danh sách"]').waitFor();
    expect(await page.locator('tbody tr').count()).toBeLessThan(120);
    await page.getByRole('grid', { name: 'Trang “Danh sách”' }).evaluate((el) => el.parentElement!.scrollTo({ top: el.parentElement!.scrollHeight }));
    await page.locator('td[data-address="B5001"]').waitFor();
    await expect(page.locator('td[data-address="C5001"]').innerText()).resolves.toBe('0,0%');
    expect(await page.locator('tbody tr').count()).toBeLessThan(120);
    await pages.session.shot('last rows of 5000');
  });

  it('runs the main flow with the keyboard only and has no serious or critical axe violations', async () => {
    const page = await openPreview('preview keyboard and axe');
    expect(await seriousViolations(page, pages.origin)).toEqual([]);

    await tabTo(page, /^Dữ liệu mẫu$/);
    await page.keyboard.press('Enter');
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await pages.session.shot('sample by keyboard');
    expect(await seriousViolations(page, pages.origin)).toEqual([]);

    await tabTo(page, /^Tạo các trang$/);
    await page.keyboard.press('Space');
    await pane(page).getByRole('group').getByText('Đã chuẩn bị sổ đánh giá').waitFor();
    await tabTo(page, /^Tiếp: kiểm tra dữ liệu$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Kiểm tra dữ liệu$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Tiếp: đánh giá$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Đánh giá$/);
    await page.keyboard.press('Space');
    await pane(page).getByTestId('outcome').waitFor({ timeout: 60_000 });
    await pages.session.shot('evaluated by keyboard');
    expect(await seriousViolations(page, pages.origin)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
      await tabTo(page, /^Tải về \.xlsx$/);
      await page.keyboard.press('Enter');
    })()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
