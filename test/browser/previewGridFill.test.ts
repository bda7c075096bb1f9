/**
 * Filling a selection as Excel does: one copied cell pasted onto a selected range fills every cell
 * of it, a value typed and entered with Ctrl+Enter fills the whole selection (which stays selected),
 * Delete clears it all (previewGridKeys.test.ts). The add-in's grey cells in the selection stay as
 * they were, and the message says so (“Đã điền”, not a paste's “Đã dán”).
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { openSample, paste, select, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { columnLetter } from '../../src/workbook/a1';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);
const SAMPLE_MEMBERS = 42;
const LAST_MEMBER = MEMBER_HEADER_ROW + SAMPLE_MEMBERS;
const selected = (page: Page) => page.locator('td[data-selected="true"]').getAttribute('data-address');
const inRange = (page: Page) => page.locator('td[data-in-range="true"]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-address')));
const press = async (page: Page, key: string) => {
  await page.keyboard.press(key);
  await page.waitForTimeout(50);
};
/** The range from `from`, `down` rows below and `right` columns to the right, chosen with Shift+arrows. */
async function selectRange(page: Page, from: string, down: number, right: number): Promise<void> {
  await select(page, from);
  for (let i = 0; i < down; i++) await press(page, 'Shift+ArrowDown');
  for (let i = 0; i < right; i++) await press(page, 'Shift+ArrowRight');
}

describe('filling a selection, as in Excel', () => {
  it('one copied cell pasted onto a selected range fills every cell of it; the range stays selected', async () => {
    const page = await openSample(pages, 'preview paste one cell onto a range');
    await pages.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.origin });
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 3;
    await select(page, `B${row}`);
    await page.keyboard.type('Tổ Toán');
    await press(page, 'Enter');
    await shows(page, `B${row}`, 'Tổ Toán');
    await select(page, `B${row}`);
    await press(page, 'Control+c');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await selectRange(page, `C${row + 1}`, 2, 1);
    await paste(page, copied);
    for (const r of [row + 1, row + 2, row + 3]) for (const c of ['C', 'D']) await shows(page, `${c}${r}`, 'Tổ Toán');
    await shows(page, `E${row + 1}`, '');
    await shows(page, `C${row + 4}`, '');
    expect(await selected(page)).toBe(`C${row + 1}`);
    await expect(inRange(page)).resolves.toEqual([`C${row + 1}`, `D${row + 1}`, `C${row + 2}`, `D${row + 2}`, `C${row + 3}`, `D${row + 3}`]);
    await step(page, 'one cell pasted onto C:D');

    // A copied block the range holds a whole number of times is repeated over it.
    await selectRange(page, `B${row + 5}`, 3, 1);
    await paste(page, 'a\tb\r\nc\td\r\n');
    const expected = [['a', 'b'], ['c', 'd'], ['a', 'b'], ['c', 'd']];
    for (const [i, cells] of expected.entries()) for (const [j, text] of cells.entries()) await shows(page, `${'BC'[j]}${row + 5 + i}`, text);
  });

  it('a value typed and entered with Ctrl+Enter fills the whole selection, which stays selected', async () => {
    const page = await openSample(pages, 'preview ctrl enter fills the range');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 3;
    await selectRange(page, `B${row}`, 2, 1);
    await page.keyboard.type('Chưa rõ');
    await press(page, 'Control+Enter');
    for (const r of [row, row + 1, row + 2]) for (const c of ['B', 'C']) await shows(page, `${c}${r}`, 'Chưa rõ');
    await shows(page, `D${row}`, '');
    expect(await selected(page)).toBe(`B${row}`);
    await expect(inRange(page)).resolves.toHaveLength(6);
    await step(page, 'ctrl+enter filled B:C');
    // One undo takes the whole fill back.
    await press(page, 'Control+z');
    for (const r of [row, row + 1, row + 2]) for (const c of ['B', 'C']) await shows(page, `${c}${r}`, '');

    // On a single cell, Ctrl+Enter writes it and stays there.
    await select(page, `B${row}`);
    await page.keyboard.type('Một ô');
    await press(page, 'Control+Enter');
    await shows(page, `B${row}`, 'Một ô');
    expect(await selected(page)).toBe(`B${row}`);
  });

  it('the add-in’s grey cells in the selection stay as they were, and the message says they were filled, not pasted', async () => {
    const page = await openSample(pages, 'preview fill keeps grey cells');
    await showSheet(page, SHEETS.members);
    const row = LAST_MEMBER + 3;
    // The first grey (result) column, and the column before it, which the clerk fills.
    const owned = await page.locator(`td[data-owned="results"]`).first().getAttribute('data-address');
    const ownedColumn = /^[A-Z]+/.exec(owned!)![0];
    const ownedIndex = [...ownedColumn].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const before = columnLetter(ownedIndex - 1);
    const grey = async () => page.locator(`td[data-address="${ownedColumn}${row}"]`).innerText();
    await select(page, `${before}${row}`);
    const greyText = await grey();
    await selectRange(page, `${before}${row}`, 1, 1);
    await page.keyboard.type('9');
    await press(page, 'Control+Enter');
    await shows(page, `${before}${row}`, '9');
    await shows(page, `${before}${row + 1}`, '9');
    await page.getByText(/Đã điền 2 ô; 2 ô màu xám do ĐVHT ghi nên được giữ nguyên/).waitFor();
    expect(await grey()).toBe(greyText);

    // Typing into a grey cell itself is refused as before: no editor opens.
    await select(page, `${ownedColumn}${row}`);
    await page.keyboard.type('9');
    await page.getByText(/Ô .*: Ô màu xám do ĐVHT ghi khi đánh giá/).waitFor();
    expect(await page.locator('textarea[aria-label^="Sửa ô"]').count()).toBe(0);
  });
});
