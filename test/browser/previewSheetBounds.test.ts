/**
 * The preview's grid on the edges of a clerk's own file: a sheet protected in Excel (locked
 * cells shown read-only before anyone types, unlocked ones editable, the workbook's structure
 * lock said where sheets are added), a sheet wider than 200 columns (every column drawn,
 * a window at a time, over 5,000 rows; Ctrl+End reaches its last used cell), and merged cells
 * whose first row or column is scrolled out of the drawn window. Workbooks written by openpyxl.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { cell, grid, madeWorkbook, openFile, paste, select, shows, step as stepIn } from './support/grid';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);

describe('a protected sheet in the preview grid', () => {
  it('shows locked cells read-only before typing, keeps unlocked cells editable, and says the structure is locked', async () => {
    const page = await openFile(pages, 'preview protected cells', madeWorkbook('protected'));
    await page.locator('table[data-sheet="Danh sách"]').waitFor();

    // Locked: marked, read-only, with a tooltip saying why and how to lift it.
    const locked = cell(page, 'B2');
    await expect(locked.getAttribute('data-locked')).resolves.toBe('true');
    await expect(locked.getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(locked.getAttribute('title')).resolves.toMatch(/Trang “Danh sách” đang được bảo vệ.*Bỏ bảo vệ trang tính \(Unprotect Sheet\)/);
    // Unlocked: as any cell.
    await expect(cell(page, 'C2').getAttribute('data-locked')).resolves.toBeNull();
    await expect(cell(page, 'C2').getAttribute('aria-readonly')).resolves.toBeNull();
    // A line above the grid says so for the whole sheet, and the grid is described by it.
    const status = page.getByTestId('preview-sheet-status');
    await expect(status.innerText()).resolves.toMatch(/Trang “Danh sách” đang được bảo vệ.*ô không khóa.*Bỏ bảo vệ trang tính/);
    await expect(grid(page).getAttribute('aria-describedby')).resolves.toBe(await status.getAttribute('id'));
    // Where sheets would be added: the structure lock.
    await expect(page.getByTestId('preview-structure-locked').innerText()).resolves.toMatch(/Sổ được bảo vệ cấu trúc/);
    await step(page, 'protected sheet shown');

    // Typing into a locked cell opens no editor: the reason is said at once.
    await select(page, 'B2');
    await page.keyboard.type('Trần');
    expect(await page.locator('td textarea').count()).toBe(0);
    await page.getByText(/^Ô B2: .*đang được bảo vệ/).waitFor();
    await shows(page, 'B2', 'Nguyễn Thị Hằng');
    // F2 and Delete too.
    await page.keyboard.press('Delete');
    await page.keyboard.press('F2');
    expect(await page.locator('td textarea').count()).toBe(0);
    await shows(page, 'B2', 'Nguyễn Thị Hằng');

    // An unlocked cell takes typing.
    await select(page, 'C2');
    await page.keyboard.type('Nghỉ phép');
    await page.keyboard.press('Enter');
    await shows(page, 'C2', 'Nghỉ phép');

    // A paste over both writes the unlocked cells and keeps the locked ones, saying which.
    await select(page, 'B3');
    await paste(page, 'Tên mới\tĐã chuyển\r\n');
    await shows(page, 'C3', 'Đã chuyển');
    await shows(page, 'B3', 'Trần Văn Đạt');
    await page.getByText(/Đã dán 1 ô; 1 ô bị khóa .*\(B3\)/).waitFor();
    // Delete over both clears the unlocked cells, and says it cleared, not pasted.
    await select(page, 'B3');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Delete');
    await shows(page, 'C3', '');
    await shows(page, 'B3', 'Trần Văn Đạt');
    await page.getByText(/Đã xóa 1 ô; 1 ô bị khóa .*\(B3\)/).waitFor();
    await step(page, 'unlocked cells typed');
  });

  it('speaks English about the protection when the page does', async () => {
    const page = await openFile(pages, 'preview protected cells english', madeWorkbook('protected'), 'en');
    await page.locator('table[data-sheet="Danh sách"]').waitFor();
    await expect(cell(page, 'B2').getAttribute('title')).resolves.toMatch(/Sheet “Danh sách” is protected.*Unprotect Sheet/);
    await expect(page.getByTestId('preview-sheet-status').innerText()).resolves.toMatch(/Sheet “Danh sách” is protected/);
    await expect(page.getByTestId('preview-structure-locked').innerText()).resolves.toMatch(/workbook structure is protected/i);
  });
});

describe('a sheet wider than the grid used to draw', () => {
  // A 5,000 × 300 workbook opened, drawn and scrolled corner to corner: more than the usual minute on a busy machine.
  it('draws all 300 columns a window at a time over 5,000 rows, and reaches the last one', async () => {
    const page = await openFile(pages, 'preview wide sheet', madeWorkbook('wide'));
    await page.locator('table[data-sheet="Rộng"]').waitFor();
    // Only a window of rows and of columns is in the page.
    expect(await page.locator('tbody tr').count()).toBeLessThan(120);
    expect(await page.locator('thead th').count()).toBeLessThan(80);
    await expect(grid(page).getAttribute('aria-colcount')).resolves.toBe(String(1 + 300 + 3));

    // Scrolled to the right end: column KN (300) is drawn, with its heading.
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ left: el.parentElement!.scrollWidth }));
    await shows(page, 'KN1', 'Cột cuối');
    await page.locator('thead th', { hasText: /^KN$/ }).waitFor();
    expect(await page.locator('thead th').count()).toBeLessThan(80);
    await step(page, 'right end of 300 columns');

    // The keyboard gets there too: Ctrl+Home, then End goes to the row's last filled cell.
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="A1"][data-selected="true"]').waitFor();
    await page.keyboard.press('End');
    await page.locator('td[data-address="KN1"][data-selected="true"]').waitFor();
    // Ctrl+End: the last used cell (the last row and the last column holding anything), in view.
    await page.keyboard.press('Control+End');
    await page.locator('td[data-address="KN5001"][data-selected="true"]').waitFor();
    await expect(textInView(page, '5001')).resolves.toBe(true);

    // And down at the bottom right, the 5,000th member's answers.
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ top: el.parentElement!.scrollHeight, left: el.parentElement!.scrollWidth }));
    await shows(page, 'KN5001', '5001');
    expect(await page.locator('tbody tr').count()).toBeLessThan(120);
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ left: 0 }));
    await shows(page, 'A5001', 'Thành viên 5000');
    // From the top, the test's own search for a row reaches the 5,000th (it used to stop near row 3,000).
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ top: 0 }));
    await shows(page, 'A5001', 'Thành viên 5000');
    await step(page, 'bottom left of 5000 rows');
  }, 120_000);
});

/** Whether a drawn cell holding exactly `text` shows it inside the grid's visible area (below the headings). */
function textInView(page: Page, text: string): Promise<boolean> {
  return grid(page).evaluate((el, t) => {
    const scroller = el.parentElement!.getBoundingClientRect();
    const head = el.querySelector('thead')!.getBoundingClientRect();
    const rowHead = el.querySelector('tbody th')!.getBoundingClientRect();
    const td = [...el.querySelectorAll('td')].find((c) => c.textContent === t);
    if (!td) return false;
    const range = document.createRange();
    range.selectNodeContents(td);
    const r = range.getBoundingClientRect();
    return r.width > 0 && r.bottom > head.bottom && r.top < scroller.bottom && r.right > rowHead.right && r.left < scroller.right;
  }, text);
}

describe('a merged cell partly scrolled out of view', () => {
  it('shows its text over the part in view when its first row or its first column is scrolled out, and is selected whole', async () => {
    const page = await openFile(pages, 'preview merged scrolled', madeWorkbook('merged'));
    await page.locator('table[data-sheet="Gộp ô"]').waitFor();
    await expect(cell(page, 'A3').textContent()).resolves.toBe('Tổ Toán – Tin');

    // Down among the members: row 3, where the merge A3:A40 starts, is far above the drawn rows.
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ top: 30 * 20 }));
    // B35 is drawn before the scroll too: what tells the redraw is row 3 leaving.
    await page.locator('th[scope="row"]', { hasText: /^3$/ }).waitFor({ state: 'detached' });
    await cell(page, 'B35').waitFor();
    expect(await page.locator('th[scope="row"]', { hasText: /^3$/ }).count()).toBe(0);
    await expect(textInView(page, 'Tổ Toán – Tin')).resolves.toBe(true);
    await step(page, 'tall merge, first row scrolled out');
    // Clicking it selects the merge (its first cell), and the view stays where it is.
    const top = await grid(page).evaluate((el) => el.parentElement!.scrollTop);
    // (With the mouse where the text is: a locator's click would first scroll the whole td into view.)
    const at = await page.locator('td', { hasText: /^Tổ Toán – Tin$/ }).evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await page.locator('td[data-address="A3"][data-selected="true"]').waitFor();
    await expect(page.getByTestId('preview-selection').innerText()).resolves.toBe(`Ô đang chọn: 'Gộp ô'!A3`);
    await expect(grid(page).evaluate((el) => el.parentElement!.scrollTop)).resolves.toBe(top);

    // To the right: column E, where the heading E2:AB2 starts, is left of the drawn columns.
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ top: 0, left: 14 * 64 }));
    // (AB is drawn only once the scroll is: S was drawn before it, so waiting for S raced the redraw.)
    await page.locator('thead th', { hasText: /^AB$/ }).waitFor();
    await page.locator('thead th', { hasText: /^E$/ }).waitFor({ state: 'detached' });
    await expect(textInView(page, 'Kết quả khảo sát')).resolves.toBe(true);
    await step(page, 'wide merge, first column scrolled out');
  });
});
