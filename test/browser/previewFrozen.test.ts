/**
 * A clerk's staff list with its heading rows and name columns frozen (View → Freeze Panes, as
 * openpyxl writes it): the preview grid keeps them at the top and left while the rest scrolls,
 * past the windows of rows and columns it draws, and its keys move as Excel's do. And a merge
 * whose first row is hidden shows its text (as LibreOffice does) and is edited there.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { cell, grid, madeWorkbook, openFile, openSample, runsOnOver, select, settled, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);

interface Edges {
  /** The column headings' bottom and the row headings' right edge, in the page. */
  headBottom: number;
  rowHeadRight: number;
  scrollTop: number;
  scrollLeft: number;
}

const edges = (page: Page): Promise<Edges> =>
  grid(page).evaluate((el) => ({
    headBottom: el.querySelector('thead th')!.getBoundingClientRect().bottom,
    rowHeadRight: el.querySelector('tbody th')!.getBoundingClientRect().right,
    scrollTop: el.parentElement!.scrollTop,
    scrollLeft: el.parentElement!.scrollLeft,
  }));

/** The cell's box, and whether it is what the page shows at its centre (not covered by another cell). */
const seen = (page: Page, address: string) =>
  cell(page, address).evaluate((td) => {
    const r = td.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, onTop: hit === td || td.contains(hit) };
  });

const centre = async (page: Page, address: string): Promise<[number, number]> => {
  const r = await seen(page, address);
  return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
};

const scrollGrid = (page: Page, to: { top?: number; left?: number }) => grid(page).evaluate((el, t) => el.parentElement!.scrollTo(t), to);

describe('frozen panes in the preview grid', () => {
  it('keeps the frozen rows at the top and the frozen columns at the left while the rest scrolls, whatever the window', async () => {
    const page = await openFile(pages, 'preview frozen panes', madeWorkbook('frozen'));
    await page.locator('table[data-sheet="Cán bộ"]').waitFor();

    // Far down and far right: rows 1–2 and columns A–B are drawn anyway, in place, over what scrolls under them
    // (column CH lies right of them, in view).
    await scrollGrid(page, { top: 240 * 20, left: 80 * 64 });
    await cell(page, 'B250').waitFor();
    await page.locator('thead th', { hasText: /^CH$/ }).waitFor();
    expect(await page.locator('th[scope="row"]', { hasText: /^100$/ }).count()).toBe(0);
    expect(await page.locator('thead th', { hasText: /^C$/ }).count()).toBe(0);
    const e = await edges(page);
    const a1 = await seen(page, 'A1');
    const b2 = await seen(page, 'B2');
    const a250 = await seen(page, 'A250');
    const b250 = await seen(page, 'B250');
    const ch2 = await seen(page, 'CH2');
    expect(Math.abs(a1.top - e.headBottom)).toBeLessThanOrEqual(1);
    expect(Math.abs(a1.left - e.rowHeadRight)).toBeLessThanOrEqual(1);
    expect(Math.abs(a250.left - e.rowHeadRight)).toBeLessThanOrEqual(1);
    expect(Math.abs(b250.left - a250.right)).toBeLessThanOrEqual(1);
    expect(Math.abs(ch2.top - b2.top)).toBeLessThanOrEqual(1);
    expect({ a1: a1.onTop, b2: b2.onTop, a250: a250.onTop, b250: b250.onTop, ch2: ch2.onTop }).toEqual({ a1: true, b2: true, a250: true, b250: true, ch2: true });
    // The title in A1 runs on over the empty B1, as in Excel, though B1 is frozen (opaque) too.
    expect(await runsOnOver(page, 'A1', 'B1')).toBe(true);
    await shows(page, 'B2', 'Họ và tên');
    await shows(page, 'B250', 'Cán bộ 248');
    await shows(page, 'CH2', 'Câu 86');
    await step(page, 'frozen rows and columns scrolled far');
  });

  it('moves as Excel does: Ctrl+Home to the first cell past the frozen panes, frozen cells selected without scrolling, the active cell never hidden under them', async () => {
    const page = await openFile(pages, 'preview frozen keys', madeWorkbook('frozen'));
    await page.locator('table[data-sheet="Cán bộ"]').waitFor();
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();

    // Down three screens: the active cell is below the frozen rows, in view.
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    const down = await page.locator('td[data-selected="true"]').getAttribute('data-address');
    const c = await seen(page, down!);
    expect(c.top).toBeGreaterThanOrEqual((await seen(page, 'C2')).bottom - 1);
    expect(c.onTop).toBe(true);
    // Up into the frozen heading: selected where it stays, nothing scrolls.
    const before = await edges(page);
    await page.keyboard.press('Control+ArrowUp');
    await page.locator('td[data-address="C2"][data-selected="true"]').waitFor();
    expect((await edges(page)).scrollTop).toBe(before.scrollTop);
    // And down again: row 3 comes back into view below the frozen rows.
    await page.keyboard.press('ArrowDown');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();
    expect((await edges(page)).scrollTop).toBe(0);

    // To the row's end (column CV, past the window of columns): in view right of the frozen columns.
    await page.keyboard.press('End');
    await page.locator('td[data-address="CV3"][data-selected="true"]').waitFor();
    const cv = await seen(page, 'CV3');
    expect(cv.left).toBeGreaterThanOrEqual((await seen(page, 'B3')).right - 1);
    expect(cv.onTop).toBe(true);
    // Left one by one until the cell would pass under the frozen names: the columns scroll instead.
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    await page.locator('td[data-address="BR3"][data-selected="true"]').waitFor();
    const br = await seen(page, 'BR3');
    expect(br.left).toBeGreaterThanOrEqual((await seen(page, 'B3')).right - 1);
    expect(br.onTop).toBe(true);
    // Home: the first column past the frozen ones, as Excel; from there, the frozen ones.
    await page.keyboard.press('Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();
    expect((await edges(page)).scrollLeft).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.locator('td[data-address="B3"][data-selected="true"]').waitFor();

    // A click on a frozen cell after scrolling selects it where it is.
    await scrollGrid(page, { top: 100 * 20, left: 40 * 64 });
    await cell(page, 'B120').waitFor();
    const scrolled = await edges(page);
    const a1 = await seen(page, 'A1');
    await page.mouse.click(a1.left + 5, a1.top + 5);
    await page.locator('td[data-address="A1"][data-selected="true"]').waitFor();
    const after = await edges(page);
    expect([after.scrollTop, after.scrollLeft]).toEqual([scrolled.scrollTop, scrolled.scrollLeft]);
    await step(page, 'frozen heading selected after scrolling');
  });

  it('a cell being typed in passes under the frozen rows and columns when the grid scrolls, as the others do', async () => {
    const page = await openFile(pages, 'preview frozen editing', madeWorkbook('frozen'));
    await page.locator('table[data-sheet="Cán bộ"]').waitFor();
    await page.mouse.click(...(await centre(page, 'C3')));
    await page.keyboard.type('Ghi chú');
    const editor = cell(page, 'C3').locator('textarea');
    await editor.waitFor();
    // A row up and a column left (the grid scrolls by whole ones, as Excel): C3's editor now lies under the frozen B2.
    const rowHeight = (await seen(page, 'C3')).bottom - (await seen(page, 'C3')).top;
    const columnWidth = (await seen(page, 'C3')).right - (await seen(page, 'C3')).left;
    await scrollGrid(page, { top: rowHeight, left: columnWidth });
    await settled(page);
    const b2 = await seen(page, 'B2');
    const c3 = await seen(page, 'C3');
    expect([Math.abs(c3.top - b2.top), Math.abs(c3.left - b2.left)]).toEqual([0, 0]);
    const hit = (x: number, y: number) => page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('td')?.getAttribute('data-address') ?? null, [x, y]);
    expect(await hit((c3.left + c3.right) / 2, (c3.top + c3.bottom) / 2)).toBe('B2');
    // Still typed in where it shows.
    expect(await editor.inputValue()).toBe('Ghi chú');
  });

  it('cuts a frozen cell’s text at the frozen columns’ edge, as Excel draws its panes: it runs on over the frozen cells only', async () => {
    // Excel draws each pane of a frozen sheet apart: text from a frozen column runs on over the empty frozen
    // cells beside it and stops at the split (what lies past it is the pane that scrolls).
    const page = await openSample(pages, 'preview frozen run-on');
    await showSheet(page, SHEETS.members);
    // The add-in's own title fits the frozen columns (test/sheets/frozenText.test.ts): the clerk types a longer one.
    await select(page, 'A1');
    await page.keyboard.type('DANH SÁCH THÀNH VIÊN VÀ KẾT QUẢ HỌC TẬP, BỒI DƯỠNG CỦA TRƯỜNG');
    await page.keyboard.press('Enter');
    await settled(page);
    /** A1's title: where its text is cut, how wide it is, and where B1 (the last frozen column) ends. */
    const title = () =>
      cell(page, 'A1').evaluate((td) => {
        const clip = td.querySelector('div')!;
        const text = clip.querySelector('span') ?? clip;
        return { cutAt: clip.getBoundingClientRect().right, textWidth: text.scrollWidth, from: td.getBoundingClientRect().left, frozenEdge: document.querySelector('td[data-address="B1"]')!.getBoundingClientRect().right };
      });
    const unscrolled = await title();
    // Longer than the frozen columns: Excel's panes, not the text, end it there.
    expect(unscrolled.textWidth).toBeGreaterThan(unscrolled.frozenEdge - unscrolled.from);
    // (Cut within its cell's inner padding, as any text at its cell's side.)
    expect(unscrolled.frozenEdge - unscrolled.cutAt).toBeGreaterThanOrEqual(0);
    expect(unscrolled.frozenEdge - unscrolled.cutAt).toBeLessThan(8);
    expect(await runsOnOver(page, 'A1', 'B1')).toBe(true);
    await shows(page, 'C1', '');
    expect(await runsOnOver(page, 'A1', 'C1')).toBe(false);
    // Columns scrolled sideways: still cut at the edge, over nothing of the pane that scrolls.
    await scrollGrid(page, { left: 400 });
    await settled(page);
    expect((await edges(page)).scrollLeft).toBeGreaterThan(0);
    const scrolled = await title();
    expect(scrolled.cutAt).toBe(unscrolled.cutAt);
    expect(scrolled.frozenEdge).toBe(unscrolled.frozenEdge);
    await step(page, 'frozen title cut at the frozen edge');
  });
});

describe('a merge whose first row is hidden', () => {
  it('shows its text over the rows shown, and typing there writes the merge', async () => {
    const page = await openFile(pages, 'preview merge hidden first row', madeWorkbook('merged-hidden'));
    await page.locator('table[data-sheet="Ẩn dòng đầu"]').waitFor();
    expect(await page.locator('th[scope="row"]', { hasText: /^3$/ }).count()).toBe(0);
    await shows(page, 'A4', 'Tổ Văn');
    await select(page, 'A4');
    await page.keyboard.type('Tổ Sử');
    await page.keyboard.press('Enter');
    // Shown from A3, the merge's own cell: the edit went there, and the merge is kept (a value typed
    // into one of its other cells would undo it).
    await shows(page, 'A4', 'Tổ Sử');
    await expect(cell(page, 'A4').getAttribute('rowspan')).resolves.toBe('5');
    // Enter stepped over the rest of the merge.
    await page.locator('td[data-address="A9"][data-selected="true"]').waitFor();
    await step(page, 'merge with hidden first row edited');
  });

  it('draws a merge across the frozen columns’ edge as one cell: its text laid out once over the whole merge', async () => {
    const page = await openFile(pages, 'preview frozen merges', madeWorkbook('frozen-merged'));
    await page.locator('table[data-sheet="DS CBGVNV"]').waitFor();
    // The merge's pieces (the frozen one, the one that scrolls) and where each lays its text out.
    const pieces = (address: string) =>
      page.locator(`td[data-address="${address}"]`).evaluateAll((tds) =>
        tds.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td.querySelector('div') ?? td);
          const text = range.getBoundingClientRect();
          return { left: Math.round(text.left), right: Math.round(text.right) };
        }),
      );
    const merge = await grid(page).evaluate((el) => {
      const heads = [...el.querySelectorAll('thead th')].filter((th) => /^[AH]$/.test(th.textContent ?? ''));
      return { left: heads[0]!.getBoundingClientRect().left, right: heads[1]!.getBoundingClientRect().right };
    });
    // The centred title: laid out over A–H from both pieces, centred there (not again from column C).
    const title = await pieces('A1');
    expect(title.length).toBe(2);
    expect(new Set(title.map((t) => `${t.left}-${t.right}`)).size).toBe(1);
    expect(Math.abs((title[0]!.left + title[0]!.right) / 2 - (merge.left + merge.right) / 2)).toBeLessThan(4);
    // The group row, left-aligned: once, from column A.
    const group = await pieces('A4');
    expect(new Set(group.map((t) => t.left)).size).toBe(1);
    expect(Math.abs(group[0]!.left - merge.left)).toBeLessThan(8);
    await step(page, 'merges across the frozen edge');
  });
});
