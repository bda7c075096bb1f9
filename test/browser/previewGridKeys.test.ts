/**
 * The grid's keys as Excel has them, and what the tester found missing: Home/End, Ctrl+Home/End
 * and Ctrl+arrows move the selection (to the edge of the data), Shift extends it into a range
 * that Ctrl+C copies and Delete clears, a paste wider than the drawn columns is written whole,
 * text that comes without a key opens the cell's editor (previewIme.test.ts), and typing before
 * an action of the pane is not undone over what the pane wrote.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { cell, evaluate, grid, openSample, pane, paste, select, settled, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);
const SAMPLE_MEMBERS = 42;
const LAST_MEMBER = MEMBER_HEADER_ROW + SAMPLE_MEMBERS;
const selected = (page: Page) => page.locator('td[data-selected="true"]').getAttribute('data-address');
const press = async (page: Page, key: string) => {
  await page.keyboard.press(key);
  await page.waitForTimeout(50);
};

describe('the grid keys of a spreadsheet', () => {
  it('Home, End, Ctrl+Home, Ctrl+End and Ctrl+arrows move the selection; the page does not scroll away', async () => {
    const page = await openSample(pages, 'preview grid navigation keys');
    await showSheet(page, SHEETS.members);
    await select(page, 'C20');
    await press(page, 'Home');
    expect(await selected(page)).toBe('A20');
    // End: the row's last filled cell (as LibreOffice and Google Sheets do).
    const lastFilled = await page.evaluate(() => [...document.querySelectorAll('td[data-address$="20"]')].filter((td) => /^[A-Z]+20$/.test(td.getAttribute('data-address')!) && td.textContent !== '').pop()!.getAttribute('data-address'));
    await press(page, 'End');
    expect(await selected(page)).toBe(lastFilled);
    // The sheet's heading rows and its number and name columns are frozen (C5): Ctrl+Home goes to the first
    // cell past them, as in Excel.
    const home = `C${MEMBER_HEADER_ROW + 1}`;
    await press(page, 'Control+Home');
    expect(await selected(page)).toBe(home);
    await expect(page.getByTestId('preview-selection').innerText()).resolves.toBe(`Ô đang chọn: '${SHEETS.members}'!${home}`);

    // Ctrl+↓ from the first member: the last member (the end of the data); Ctrl+↑ back to the header.
    await select(page, `B${MEMBER_HEADER_ROW + 1}`);
    await press(page, 'Control+ArrowDown');
    expect(await selected(page)).toBe(`B${LAST_MEMBER}`);
    await expect(cell(page, `B${LAST_MEMBER}`).isVisible()).resolves.toBe(true);
    await press(page, 'Control+ArrowUp');
    expect(await selected(page)).toBe(`B${MEMBER_HEADER_ROW}`);
    // Ctrl+→ stops before the first blank: “Tính vào tổng số” (E) is blank in the sample.
    await select(page, 'B10');
    await press(page, 'Control+ArrowRight');
    expect(await selected(page)).toBe('D10');
    await press(page, 'Control+ArrowLeft');
    expect(await selected(page)).toBe('A10');
    // Ctrl+End: the last used cell; the page itself never scrolled (the keys are the grid's).
    await press(page, 'Control+End');
    const end = (await selected(page))!;
    expect(Number(end.replace(/^[A-Z]+/, ''))).toBeGreaterThanOrEqual(LAST_MEMBER);
    await expect(page.evaluate(() => [window.scrollX, window.scrollY])).resolves.toEqual([0, 0]);
    await step(page, 'ctrl+end');
  });

  it('Shift+arrows make a range; Ctrl+C copies it as Excel does, Delete clears it', async () => {
    const page = await openSample(pages, 'preview grid range copy delete');
    await pages.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.origin });
    await showSheet(page, SHEETS.members);
    await select(page, 'B10');
    await press(page, 'Shift+ArrowDown');
    await press(page, 'Shift+ArrowDown');
    await press(page, 'Shift+ArrowRight');
    expect(await selected(page)).toBe('B10');
    const inRange = await page.locator('td[data-in-range="true"]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-address')));
    expect(inRange).toEqual(['B10', 'C10', 'B11', 'C11', 'B12', 'C12']);
    await step(page, 'range B10:C12');
    const texts = await page.evaluate(() => [10, 11, 12].map((r) => ['B', 'C'].map((c) => document.querySelector(`td[data-address="${c}${r}"]`)!.textContent).join('\t')).join('\r\n') + '\r\n');
    await press(page, 'Control+c');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(texts);
    // A single cell copies alone.
    await select(page, 'C11');
    await press(page, 'Control+c');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${await cell(page, 'C11').textContent()}\r\n`);

    // Delete clears the whole range (below the members: nothing of the add-in's there).
    const row = LAST_MEMBER + 3;
    await select(page, `B${row}`);
    await paste(page, 'a\tb\nc\td\n');
    await shows(page, `C${row + 1}`, 'd');
    await select(page, `B${row}`);
    await press(page, 'Shift+ArrowRight');
    await press(page, 'Shift+ArrowDown');
    await press(page, 'Delete');
    for (const a of [`B${row}`, `C${row}`, `B${row + 1}`, `C${row + 1}`]) await shows(page, a, '');
  });

  it('a pasted block is selected, as in Excel: Shift+arrows grow it from its far corner and Delete clears it', async () => {
    const page = await openSample(pages, 'preview paste selects the block');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 3;
    // A range chosen from its bottom right: the block goes to its top left, which becomes the active cell.
    await select(page, `C${row + 1}`);
    await press(page, 'Shift+ArrowLeft');
    await press(page, 'Shift+ArrowUp');
    await paste(page, 'a\tb\tc\nd\te\tf\n');
    await shows(page, `D${row + 1}`, 'f');
    const inRange = () => page.locator('td[data-in-range="true"]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-address')));
    await expect(inRange()).resolves.toEqual([`B${row}`, `C${row}`, `D${row}`, `B${row + 1}`, `C${row + 1}`, `D${row + 1}`]);
    expect(await selected(page)).toBe(`B${row}`);
    await step(page, 'pasted block selected');
    await press(page, 'Shift+ArrowDown');
    await expect(inRange()).resolves.toHaveLength(9);
    await press(page, 'Shift+ArrowUp');
    await press(page, 'Delete');
    for (const r of [row, row + 1]) for (const c of ['B', 'C', 'D']) await shows(page, `${c}${r}`, '');
  });

  it('typing a row with Tab, then Enter: the next row at the column the row was begun in, as in Excel', async () => {
    const page = await openSample(pages, 'preview grid tab then enter');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 2;
    await select(page, `B${row}`);
    await page.keyboard.type('Đinh Văn Mới');
    await press(page, 'Tab');
    await page.keyboard.type('Giáo viên');
    await press(page, 'Tab');
    await page.keyboard.type('Tổ 1');
    await press(page, 'Enter');
    expect(await selected(page)).toBe(`B${row + 1}`);
    await shows(page, `D${row}`, 'Tổ 1');
    // Enter on the cell Tab went to, without typing in it, goes back alike.
    await page.keyboard.type('Lê Thị Hoa');
    await press(page, 'Tab');
    await press(page, 'Enter');
    expect(await selected(page)).toBe(`B${row + 2}`);
    // Moved by an arrow meanwhile: Enter goes down from where it is.
    await page.keyboard.type('Phan Văn Nam');
    await press(page, 'Tab');
    await press(page, 'ArrowRight');
    await press(page, 'Enter');
    expect(await selected(page)).toBe(`D${row + 3}`);
  });

  it('typing a row, Tab skips a column left empty, as in Excel: what is typed next is not lost outside the grid', async () => {
    const page = await openSample(pages, 'preview grid tab skips a column');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 2;
    await select(page, `B${row}`);
    await page.keyboard.type('Đinh Văn Mới');
    await press(page, 'Tab');
    // No position known yet: Tab again, on to the team.
    await press(page, 'Tab');
    expect(await selected(page)).toBe(`D${row}`);
    await page.keyboard.type('Tổ 1');
    await press(page, 'Shift+Tab');
    await press(page, 'Shift+Tab');
    expect(await selected(page)).toBe(`B${row}`);
    await press(page, 'Tab');
    await press(page, 'Tab');
    await press(page, 'Enter');
    expect(await selected(page)).toBe(`B${row + 1}`);
    await shows(page, `D${row}`, 'Tổ 1');
    await shows(page, `C${row}`, '');
    // A cell chosen otherwise: Tab leaves the grid (its keys never trap the keyboard).
    await select(page, `C${row}`);
    await press(page, 'Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('table[role="grid"]') === null)).resolves.toBe(true);
  });

  it('a note on several lines is edited whole: F2 and Enter keep its lines, Alt+Enter adds one', async () => {
    const page = await openSample(pages, 'preview grid multi-line note');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 2;
    await select(page, `B${row}`);
    await paste(page, '"Nghỉ thai sản\nđến 30/12"');
    await shows(page, `B${row}`, 'Nghỉ thai sản\nđến 30/12');
    await press(page, 'F2');
    await press(page, 'End');
    await press(page, 'Alt+Enter');
    await page.keyboard.type('chờ quyết định');
    await press(page, 'Enter');
    await shows(page, `B${row}`, 'Nghỉ thai sản\nđến 30/12\nchờ quyết định');
    expect(await selected(page)).toBe(`B${row + 1}`);
  });

  it('an arrow after typing into a cell writes it and moves, as Excel; after F2 the arrows move in the text', async () => {
    const page = await openSample(pages, 'preview grid arrows after typing');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 2;
    const editor = (address: string) => page.getByRole('textbox', { name: `Sửa ô ${address}` });
    const isSelected = (address: string) => page.locator(`td[data-address="${address}"][data-selected="true"]`).waitFor();
    // A column typed with ↓, then a row with →, as clerks type a list.
    await select(page, `B${row}`);
    await page.keyboard.type('Đoàn Văn Một');
    await page.keyboard.press('ArrowDown');
    await isSelected(`B${row + 1}`);
    await shows(page, `B${row}`, 'Đoàn Văn Một');
    await page.keyboard.type('Đoàn Văn Hai');
    await page.keyboard.press('ArrowRight');
    await isSelected(`C${row + 1}`);
    await shows(page, `B${row + 1}`, 'Đoàn Văn Hai');
    await page.keyboard.type('Nhân viên');
    await page.keyboard.press('ArrowUp');
    await isSelected(`C${row}`);
    await shows(page, `C${row + 1}`, 'Nhân viên');
    await page.keyboard.type('Giáo viên');
    await page.keyboard.press('ArrowLeft');
    await isSelected(`B${row}`);
    await shows(page, `C${row}`, 'Giáo viên');

    // F2 edits the text where it stands: ← moves the caret, the cell stays in edit; F2 again and ↓ writes and moves.
    await page.keyboard.press('F2');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    await expect(editor(`B${row}`).inputValue()).resolves.toBe('Đoàn Văn Mxột');
    await page.keyboard.press('Escape');
    await isSelected(`B${row}`);
    await shows(page, `B${row}`, 'Đoàn Văn Một');
    await page.keyboard.press('F2');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('F2');
    await page.keyboard.press('ArrowDown');
    await isSelected(`B${row + 1}`);
    await shows(page, `B${row}`, 'Đoàn Văn Mộ');
  });

  it('typing with the active cell out of view (a long range, a scroll) brings it back into view and types there, as Excel', async () => {
    const page = await openSample(pages, 'preview grid typing into a cell scrolled away');
    await showSheet(page, SHEETS.members);
    const editor = (address: string) => page.getByRole('textbox', { name: `Sửa ô ${address}` });
    // A column of every member selected with Shift+↓: the view follows the range's far corner, leaving the active cell.
    const first = MEMBER_HEADER_ROW + 1;
    await select(page, `C${first}`);
    for (let r = first; r < LAST_MEMBER; r++) await page.keyboard.press('Shift+ArrowDown');
    await page.locator(`td[data-address="C${LAST_MEMBER}"][data-in-range="true"]`).waitFor();
    await settled(page);
    expect(await cell(page, `C${first}`).count()).toBe(0);
    await page.keyboard.type('Tổ trưởng');
    await expect(editor(`C${first}`).inputValue()).resolves.toBe('Tổ trưởng');
    // Ctrl+Enter fills the whole selection with it.
    await page.keyboard.press('Control+Enter');
    await shows(page, `C${first}`, 'Tổ trưởng');
    await shows(page, `C${LAST_MEMBER}`, 'Tổ trưởng');
    await step(page, 'column filled with Ctrl+Enter');

    // The active cell scrolled away with the wheel: F2 and typing open its editor in view.
    await select(page, `D${first + 2}`);
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ top: el.parentElement!.scrollHeight }));
    await settled(page);
    expect(await cell(page, `D${first + 2}`).count()).toBe(0);
    await page.keyboard.press('F2');
    await editor(`D${first + 2}`).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type('Tổ Anh');
    await page.keyboard.press('Enter');
    await shows(page, `D${first + 2}`, 'Tổ Anh');
  });

  it('a pasted block wider than the drawn columns is written whole; past the sheet’s last column it says how many cells were left out', async () => {
    const page = await openSample(pages, 'preview paste wide');
    await showSheet(page, SHEETS.learners);
    const drawn = await page.locator('table[role="grid"] thead th').count();
    const row = LEARNER_HEADER_ROW + 30;
    await select(page, `A${row}`);
    const wide = Array.from({ length: drawn + 5 }, (_, i) => `c${i + 1}`);
    await paste(page, wide.join('\t'));
    const last = String.fromCharCode(64 + wide.length); // fewer than 26 columns
    await shows(page, `${last}${row}`, wide[wide.length - 1]!);
    await step(page, 'wide paste written');

    // 16,384 columns is the sheet's edge (XFD): a row of 16,390 cells from A leaves 6 out, and says so.
    await select(page, `A${row + 1}`);
    await paste(page, Array.from({ length: 16_390 }, (_, i) => String(i + 1)).join('\t'));
    await page.getByText(/Khối dán vượt quá cột hoặc dòng cuối cùng của trang tính .*: 6 ô ở ngoài không được dán\./).waitFor();
    await shows(page, `B${row + 1}`, '2');
  });
});

describe('typing, then an action of the pane', () => {
  it('Ctrl+Z after the pane wrote the workbook undoes nothing of before, and says why', async () => {
    const page = await openSample(pages, 'preview undo after pane');
    await showSheet(page, SHEETS.members);
    const at = `C${MEMBER_HEADER_ROW + 1}`;
    await select(page, at);
    await page.keyboard.type('Giáo viên');
    await page.keyboard.press('Enter');
    await shows(page, at, 'Giáo viên');
    await evaluate(page);
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await page.getByText(/^Không hoàn tác được từ bảng tính: ngăn ĐVHT đã ghi vào sổ/).waitFor();
    await shows(page, at, 'Giáo viên');
    // Typing after the pane's action is undone as usual.
    await select(page, at);
    await page.keyboard.type('Nhân viên');
    await page.keyboard.press('Enter');
    await shows(page, at, 'Nhân viên');
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await shows(page, at, 'Giáo viên');
    await expect(pane(page).getByTestId('outcome').count()).resolves.toBe(1);
    await step(page, 'undo refused after evaluation');

    // A cell the evaluation reads, changed after it: the pane's result says it is out of date.
    const plan = `F${MEMBER_HEADER_ROW + 1}`;
    const was = (await cell(page, plan).textContent())!;
    await select(page, plan);
    await page.keyboard.type(was === 'Có' ? 'Không' : 'Có');
    await page.keyboard.press('Enter');
    const hint = pane(page).getByText(/^Số liệu đã thay đổi sau lần đánh giá — đánh giá lại/);
    await hint.waitFor();
    await step(page, 'results out of date');
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await hint.waitFor({ state: 'detached' });
  });
});

describe('the sheet tabs', () => {
  it('more tabs than fit: a list of every sheet is shown beside them', async () => {
    // The workbook 500 px wide beside the pane: too narrow for the sample's tabs (narrower screens put the pane below it).
    const { page } = await pages.open('preview tabs overflow', { width: 900, height: 700 });
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    const all = page.getByRole('combobox', { name: /^Tất cả \d+ trang/ });
    await all.waitFor();
    await all.selectOption(SHEETS.lists);
    await page.locator(`table[data-sheet="${SHEETS.lists}"]`).waitFor();
    await step(page, 'tabs overflow list');
  });
});
