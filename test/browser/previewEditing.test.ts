/**
 * The preview's grid as a clerk without a modern Excel uses it: typing, a dropdown, pasting a
 * block copied from a spreadsheet, undo and redo, grey cells the add-in owns, filling the
 * unit's answers and learner counts by typing until the evaluation passes, the warning before
 * leaving with changes, one language at a time. axe-core on every step; screenshots of each
 * (copied to SHOTS_DIR when it is set).
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { evaluate, grid, openSample as openSampleIn, pane, paste, reveal, select, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { columnLetter } from '../../src/workbook/a1';
import { vi } from '../../src/i18n/vi';
import { en } from '../../src/i18n/en';
import { UNIT_TYPES } from '../../src/domain/unitTypes';

const pages = useBrowserPages();
const SAMPLE_MEMBERS = 42;
const step = (page: Page, name: string) => stepIn(pages, page, name);
const openSample = (name: string) => openSampleIn(pages, name);

describe('editing in the preview grid', () => {
  it('types, chooses from a dropdown, pastes a 3×20 block, undoes and redoes, and keeps grey cells', async () => {
    const page = await openSample('preview grid editing');
    await showSheet(page, SHEETS.members);
    const first = MEMBER_HEADER_ROW + SAMPLE_MEMBERS + 1; // the first empty member row

    // Typing: Tab writes the cell and moves right, Enter writes it and moves down, under the cell the row was begun in (as Excel).
    await select(page, `B${first}`);
    await page.keyboard.type('Nguyễn Văn Mới');
    await page.keyboard.press('Tab');
    await shows(page, `B${first}`, 'Nguyễn Văn Mới');
    await page.locator(`td[data-address="C${first}"][data-selected="true"]`).waitFor();
    await page.keyboard.type('Giáo viên');
    await page.keyboard.press('Enter');
    await shows(page, `C${first}`, 'Giáo viên');
    await page.locator(`td[data-address="B${first + 1}"][data-selected="true"]`).waitFor();
    await step(page, 'typed a name and a position');

    // A dropdown where the sheet has list validation (Có/Không), opened with Alt+↓.
    await select(page, `E${first}`);
    await page.keyboard.press('Alt+ArrowDown');
    const dropdown = page.getByRole('combobox', { name: `Chọn giá trị cho ô E${first}` });
    await dropdown.waitFor();
    await step(page, 'dropdown open');
    await dropdown.selectOption('Không');
    await shows(page, `E${first}`, 'Không');
    await step(page, 'chose from the dropdown');

    // A 3 × 20 block as a spreadsheet copies it (one cell quoted: it holds a tab).
    const top = first + 2;
    const rows = Array.from({ length: 20 }, (_, i) => [String(i + 1), `Người dán ${i + 1}`, i === 4 ? '"Tổ\tVăn"' : 'Tổ Toán']);
    await select(page, `A${top}`);
    await paste(page, rows.map((r) => r.join('\t')).join('\r\n') + '\r\n');
    await reveal(page, `B${top + 19}`);
    await shows(page, `B${top + 19}`, 'Người dán 20');
    await shows(page, `A${top + 19}`, '20');
    await shows(page, `C${top + 4}`, 'Tổ\tVăn');
    await shows(page, `C${top}`, 'Tổ Toán');
    await step(page, 'pasted 3 x 20');

    // Undo takes the whole paste back; redo brings it again.
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    // (Rows emptied past the sheet's last used row are no longer drawn: check inside the area.)
    await shows(page, `B${top + 10}`, '');
    await shows(page, `A${top}`, '');
    await step(page, 'paste undone');
    await page.keyboard.press('Control+y');
    await shows(page, `B${top + 19}`, 'Người dán 20');
    await page.keyboard.press('Control+z');
    await shows(page, `B${top + 10}`, '');
    // Delete clears a cell; undo brings it back.
    await select(page, `B${first}`);
    await page.keyboard.press('Delete');
    await shows(page, `B${first}`, '');
    await page.keyboard.press('Control+z');
    await shows(page, `B${first}`, 'Nguyễn Văn Mới');

    // Grey result cells are the add-in's: read-only, and the tooltip and the message say why.
    const owned = page.locator(`table[data-sheet="${SHEETS.members}"] td[data-owned="results"]`).first();
    await owned.click();
    await expect(owned.getAttribute('title')).resolves.toMatch(/Ô màu xám do ĐVHT ghi/);
    await expect(owned.getAttribute('aria-readonly')).resolves.toBe('true');
    const before = await owned.innerText();
    await page.keyboard.type('9');
    await page.getByText(/Ô .*: Ô màu xám do ĐVHT ghi khi đánh giá/).waitFor();
    expect(await page.locator('textarea[aria-label^="Sửa ô"]').count()).toBe(0);
    expect(await owned.innerText()).toBe(before);
    await step(page, 'grey cell refused');
  });

  it('names the selected cell of the sheet on screen: each sheet keeps its own, as in Excel', async () => {
    const page = await openSample('preview selection per sheet');
    const caption = page.getByTestId('preview-selection');
    await showSheet(page, SHEETS.members);
    await select(page, 'B12');
    await expect(caption.innerText()).resolves.toBe(`Ô đang chọn: '${SHEETS.members}'!B12`);
    // Another sheet: nothing chosen there yet, so no other sheet's cell is named.
    await showSheet(page, SHEETS.criteria);
    await expect(caption.innerText()).resolves.toBe('');
    await select(page, 'C7');
    await expect(caption.innerText()).resolves.toBe(`Ô đang chọn: '${SHEETS.criteria}'!C7`);
    // Back: the members sheet's own cell, still selected in its grid.
    await showSheet(page, SHEETS.members);
    await expect(caption.innerText()).resolves.toBe(`Ô đang chọn: '${SHEETS.members}'!B12`);
    await page.locator('td[data-address="B12"][data-selected="true"]').waitFor();
  });

  it('shows a typed value in its cell, the row refitted to its wrapped lines and the other rows as they were', async () => {
    const page = await openSample('preview edit refits its row');
    await showSheet(page, SHEETS.members);
    const row = MEMBER_HEADER_ROW + 5;
    const rowHeight = (r: number) => page.locator(`td[data-address="B${r}"]`).evaluate((td) => Math.round(td.parentElement!.getBoundingClientRect().height));
    /** Rows of the window around the edited one, by number, with their heights. */
    const heights = async () => Object.fromEntries(await Promise.all([row - 2, row - 1, row, row + 1, row + 2].map(async (r) => [r, await rowHeight(r)] as const)));
    const before = await heights();
    const long = 'Nguyễn Thị Thu Hương, giáo viên dạy giỏi cấp tỉnh nhiều năm liền, chiến sĩ thi đua cơ sở';

    await select(page, `B${row}`);
    await page.keyboard.type(long);
    await page.keyboard.press('Enter');
    await shows(page, `B${row}`, long);
    // Read back from the workbook: the row grows to the lines of the name (the column wraps), the others keep theirs.
    await page.waitForFunction(([r, h]) => document.querySelector(`td[data-address="B${r}"]`)!.parentElement!.getBoundingClientRect().height > h * 2, [row, before[row]!] as const);
    const grown = await heights();
    expect({ ...grown, [row]: before[row] }).toEqual(before);
    const lines = await page.locator(`td[data-address="B${row}"]`).evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBeGreaterThan(2);
    await step(page, 'a long name typed: its row refitted');

    // A short name again: the row back to one line.
    await select(page, `B${row}`);
    await page.keyboard.type('Lê Minh Châu');
    await page.keyboard.press('Enter');
    await shows(page, `B${row}`, 'Lê Minh Châu');
    await page.waitForFunction(([r, h]) => document.querySelector(`td[data-address="B${r}"]`)!.parentElement!.getBoundingClientRect().height <= h, [row, before[row]!] as const);
    expect(await heights()).toEqual(before);
  });

  it('reaches “Đủ điều kiện” after the unit answers and learner counts are typed into the grid', async () => {
    const page = await openSample('preview answers typed');
    await showSheet(page, SHEETS.criteria);
    // The unit-level indicators: “Đơn vị” in the measure column; their answer is column I.
    const unitRows = await page
      .locator(`table[data-sheet="${SHEETS.criteria}"] td[data-address^="${columnLetter(COL.measure)}"]`)
      .evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).innerText.trim() === 'Đơn vị').map((td) => Number(td.getAttribute('data-address')!.replace(/^[A-Z]+/, ''))));
    expect(unitRows.length).toBeGreaterThanOrEqual(5);
    const answer = (row: number) => `${columnLetter(COL.answer)}${row}`;

    // A school starting afresh: no answers, no learner counts.
    for (const row of unitRows) {
      await select(page, answer(row));
      await page.keyboard.press('Delete');
      await shows(page, answer(row), '');
    }
    await showSheet(page, SHEETS.learners);
    const firstClass = LEARNER_HEADER_ROW + 1;
    await select(page, `C${firstClass}`);
    await paste(page, Array.from({ length: 12 }, () => '\t').join('\n'));
    await shows(page, `C${firstClass + 11}`, '');
    await shows(page, `D${firstClass}`, '');
    const empty = await evaluate(page);
    expect(empty).not.toMatch(/^Đủ điều kiện/);
    await step(page, 'not eligible without answers');

    // The answers typed in (one chosen from its dropdown), the learner counts pasted as numbers.
    await showSheet(page, SHEETS.criteria);
    for (const [i, row] of unitRows.entries()) {
      await select(page, answer(row));
      if (i === 0) {
        await page.keyboard.press('Alt+ArrowDown');
        await page.getByRole('combobox', { name: `Chọn giá trị cho ô ${answer(row)}` }).selectOption('Đạt');
      } else {
        // F2 opens the editor (what an input method's first key does); the rest is typed in it.
        await page.keyboard.press('F2');
        await page.keyboard.type('Đạt');
        await page.keyboard.press('Enter');
      }
      await shows(page, answer(row), 'Đạt');
    }
    await step(page, 'answers typed');
    await showSheet(page, SHEETS.learners);
    await select(page, `C${firstClass}`);
    await paste(page, Array.from({ length: 12 }, (_, i) => `${40 + i}\t${40 + i}`).join('\n'));
    await shows(page, `D${firstClass + 11}`, '51');
    await step(page, 'learner counts pasted');

    const outcome = await evaluate(page);
    expect(outcome).toMatch(/^Đủ điều kiện công nhận/);
    await step(page, 'eligible');
  });

  it('a threshold typed as 85 on “Tiêu chí” is 85%, as Excel takes a number typed into a percentage cell, and F2 holds it as 85%', async () => {
    const page = await openSample('preview percent entry');
    await showSheet(page, SHEETS.criteria);
    const threshold = columnLetter(COL.threshold);
    // The first requirement the sheet shows as 90% ("Lao động tiên tiến" under the sample's rule set).
    const address = await page.evaluate((col) => {
      const td = [...document.querySelectorAll(`td[data-address^="${col}"]`)].find((c) => c.textContent === '90%');
      return td?.getAttribute('data-address') ?? null;
    }, threshold);
    expect(address).not.toBeNull();
    await select(page, address!);
    await page.keyboard.press('F2');
    const editor = page.locator(`td[data-address="${address}"] textarea`);
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('90%');
    await page.keyboard.press('Escape');
    await page.keyboard.type('85');
    await page.keyboard.press('Enter');
    await shows(page, address!, '85%');
    await select(page, address!);
    await page.keyboard.press('F2');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('85%');
    await page.keyboard.press('Escape');
    await step(page, 'threshold typed as 85');
  });

  it('warns before leaving with changes not downloaded', async () => {
    const { page } = await pages.open('preview beforeunload');
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
    const leaving = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await leaving()).toBe(false);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await showSheet(page, SHEETS.unit);
    await select(page, 'B5');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await shows(page, 'B5', 'x');
    expect(await leaving()).toBe(true);
    // The browser asks (Chromium shows its own words); the session accepts the question.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    expect((await asked).type()).toBe('beforeunload');
  });

  it('speaks one language at a time: the switch re-renders the toolbar and the grid, and ?lang= follows', async () => {
    const page = await openSample('preview language');
    await showSheet(page, SHEETS.members);
    await pane(page).getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('button', { name: 'Sample data' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // The message shown before the switch is worded again, not left in Vietnamese.
    await page.getByText(/^Created the sample workbook of Trường THCS Nguyễn Du with 42 members/).waitFor();
    // The page without the grids' cells: those are the workbook's own text (its headings stay
    // Vietnamese, e.g. “Họ và tên”, which is also a label of the pane's form).
    const text = await page.evaluate(() => {
      const grids = Array.from(document.querySelectorAll<HTMLElement>('[role="grid"]'));
      grids.forEach((g) => (g.style.display = 'none'));
      const all = document.body.innerText;
      grids.forEach((g) => (g.style.display = ''));
      return all;
    });
    // Every Vietnamese sentence of the interface that differs from its English one: none is on
    // the page, but for the workbook's own names (its sheets, its file) and the unit types (the
    // legal categories the form offers, “UBND cấp xã”), which stay as they are.
    const names = [...Object.values(SHEETS), ...UNIT_TYPES, await page.getByTestId('preview-file').innerText()];
    const sentences = Object.entries(vi)
      .filter(([k, v]) => !v.includes('{') && v.length >= 8 && v !== en[k as keyof typeof en])
      .filter(([, v]) => !names.some((n) => n.includes(v)))
      .map(([k, v]) => ({ k, v }));
    expect(sentences.filter(({ v }) => text.includes(v))).toEqual([]);
    expect(await page.getByRole('grid', { name: `Sheet “${SHEETS.members}”` }).count()).toBe(1);
    await step(page, 'english');

    // Reloaded with ?lang=en the page starts in English, its switch agreeing.
    await page.reload();
    await page.getByRole('button', { name: 'Sample data' }).waitFor();
    await expect(pane(page).getByLabel('Language').inputValue()).resolves.toBe('en');
  });

  it('“Đến ô” of a point to review selects the cell in the grid and gives it the keys: the correction typed goes there', async () => {
    const page = await openSample('preview go to a cell and correct it');
    await showSheet(page, SHEETS.members);
    // A typo in a yes/no column (“Chấp hành kỷ luật lao động”), as clerks make them.
    const typo = `H${MEMBER_HEADER_ROW + 1}`;
    await select(page, typo);
    await page.keyboard.type('đạtt');
    await page.keyboard.press('Enter');
    await shows(page, typo, 'đạtt');
    await pane(page).getByRole('tab', { name: /Dữ liệu/ }).click();
    await pane(page).getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    const goTo = pane(page).getByRole('button', { name: `Đến ô ${SHEETS.members}!${typo}` }).first();
    await goTo.click();
    await page.locator(`td[data-address="${typo}"][data-selected="true"]`).waitFor();
    // The clerk types the right answer at once, without clicking the cell.
    await page.keyboard.type('Có');
    await page.keyboard.press('Enter');
    await shows(page, typo, 'Có');
    await step(page, 'corrected after going to the cell');
  });
});
