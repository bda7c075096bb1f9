/**
 * The grid draws a window of rows placed by the heights the sheet gives its rows: a row drawn taller
 * than that (its text's line taller than the row) put the rows off where the grid reckons them. A cell
 * selected with ↓ then ended below the grid's edge, and the sheet's length changed as it scrolled, so
 * the scroll position moved by itself at the sheet's end. A cell's text is cut off at its row, as in Excel, so
 * no row is drawn taller. A cell selected out of view is scrolled just into view, as Excel does.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { cell, eachWindow, grid, madeWorkbook, openFile, openSample, pane, reveal, rowsOffReckoning, select, settled, showSheet, step, textCutOff } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { sampleUnit } from '../../src/usecases/sampleData';
import { createSheets } from '../../src/usecases/createSheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

const pages = useBrowserPages();

/** Where the selected cell lies against the part of the grid in view, and how long the sheet is. */
const where = (page: Page) =>
  grid(page).evaluate((el) => {
    const scroller = el.parentElement!;
    const view = scroller.getBoundingClientRect();
    const td = el.querySelector('td[data-selected="true"]');
    const box = td?.getBoundingClientRect();
    return {
      address: td?.getAttribute('data-address') ?? null,
      belowEdge: box ? Math.round(box.bottom - (view.top + scroller.clientHeight)) : null,
      scrollHeight: scroller.scrollHeight,
    };
  });

/** ↓ from `column``from` to `column``to`: each cell selected wholly in view, the sheet as long as before. What was not. */
async function walkDown(page: Page, column: string, from: number, to: number): Promise<string[]> {
  await select(page, `${column}${from}`);
  await settled(page);
  const { scrollHeight } = await where(page);
  const off: string[] = [];
  for (let row = from + 1; row <= to; row++) {
    await page.keyboard.press('ArrowDown');
    await settled(page);
    const at = await where(page);
    if (at.address !== `${column}${row}`) off.push(`${column}${row} not selected (${at.address})`);
    else if (at.belowEdge! > 0) off.push(`${column}${row}: ${at.belowEdge}px below the grid's edge`);
    if (at.scrollHeight !== scrollHeight) off.push(`${column}${row}: the sheet is ${at.scrollHeight}px long, was ${scrollHeight}px`);
  }
  return off;
}

describe('the grid’s window of rows', () => {
  it('every sheet of the sample: each row is drawn as tall as the grid reckons it, its title rows too', async () => {
    const page = await openSample(pages, 'preview grid rows as reckoned');
    const tabs = await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab').allInnerTexts();
    expect(await rowsOffReckoning(page, tabs)).toEqual([]);
  });

  it('↓ down the members: the selected cell is always wholly in view, and the sheet’s length stays the same', async () => {
    const page = await openSample(pages, 'preview grid arrow down in view');
    await showSheet(page, SHEETS.members);
    expect(await walkDown(page, 'C', 6, 60)).toEqual([]);
  });

  it('scrolled to the end of the sheet, the grid stays where it was put', async () => {
    const page = await openSample(pages, 'preview grid end stays');
    await showSheet(page, SHEETS.members);
    await settled(page);
    const put = await grid(page).evaluate((el) => {
      const scroller = el.parentElement!;
      scroller.scrollTo({ top: scroller.scrollHeight });
      return scroller.scrollTop;
    });
    await settled(page);
    await expect(grid(page).evaluate((el) => el.parentElement!.scrollTop)).resolves.toBe(put);
  });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The boxes of a cell's lines of text and its own box, in the page. */
const linesOf = async (page: Page, address: string) =>
  (await reveal(page, address)).evaluate((td) => {
    const texts = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    const lines: { top: number; bottom: number }[] = [];
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) lines.push({ top: r.top, bottom: r.bottom });
    }
    const box = td.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, first: lines[0]!, last: lines[lines.length - 1]! };
  });

describe('rows shorter than their text, as Excel draws them', () => {
  it('a clerk’s rows set shorter than their text are drawn at their height, the text cut off by the row as in Excel', async () => {
    const page = await openFile(pages, 'preview rows shorter than their text', madeWorkbook('short-rows'));
    expect(await rowsOffReckoning(page, ['Dòng thấp'])).toEqual([]);
    expect(await walkDown(page, 'B', 3, 60)).toEqual([]);
    // Bottom-aligned (Excel's default): a note of three lines in a row of one shows its last line, the first cut off above.
    const note = await linesOf(page, 'C5');
    expect(note.last.top).toBeGreaterThanOrEqual(note.top - 0.5);
    expect(note.last.bottom).toBeLessThanOrEqual(note.bottom + 0.5);
    expect(note.first.bottom).toBeLessThanOrEqual(note.top);
    await step(pages, page, 'rows shorter than their text');
  });

  it('one line of text in a row shorter than it shows the part at its vertical alignment: the bottom by default, the top when set so', async () => {
    const page = await openFile(pages, 'preview short row one line', madeWorkbook('short-rows'));
    // Row 20 is 6 pt, shorter than a line: B20's name (bottom, Excel's default) shows its bottom, D20's (top) its top.
    const bottom = await linesOf(page, 'B20');
    expect(bottom.last.bottom).toBeLessThanOrEqual(bottom.bottom + 0.5);
    expect(bottom.last.top).toBeLessThan(bottom.top);
    const top = await linesOf(page, 'D20');
    expect(top.first.top).toBeGreaterThanOrEqual(top.top - 0.5);
    expect(top.first.bottom).toBeGreaterThan(top.bottom);
  });

  it('rows fitted to wrapped text the browser breaks into more lines than reckoned are drawn at their reckoned height', async () => {
    const page = await openFile(pages, 'preview rows fitted short', madeWorkbook('short-rows'));
    expect(await rowsOffReckoning(page, ['Tự giãn'])).toEqual([]);
  });

  it('the add-in’s “Thành viên” and “Tiêu chí” sheets, as `dvht init --sample` writes them: every row shows its text whole', async () => {
    const workbook = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(workbook, sampleUnit());
    const page = await openFile(pages, 'preview sample rows show their text', { name: 'truong.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.toBytes()) });
    const cut = new Set<string>();
    for (const sheet of [SHEETS.members, SHEETS.criteria]) {
      await showSheet(page, sheet);
      await eachWindow(page, async () => {
        for (const address of await textCutOff(page)) cut.add(`'${sheet}'!${address}`);
      });
    }
    expect([...cut]).toEqual([]);
  });
});

/** The selected cell's box (or that of the cell `selector` finds) and the part of the grid that scrolls (below and right of the headings and frozen panes), in the page. */
const inView = (page: Page, selector = 'td[data-selected="true"]') =>
  grid(page).evaluate((el, selector) => {
    const scroller = el.parentElement!;
    const s = scroller.getBoundingClientRect();
    const td = el.querySelector(selector)!;
    const box = td.getBoundingClientRect();
    const frozenRowHeads = [...el.querySelectorAll<HTMLElement>('tbody th')].filter((th) => th.style.top);
    const frozenCells = [...el.querySelectorAll<HTMLElement>('tbody td')].filter((c) => c.style.left);
    return {
      address: td.getAttribute('data-address'),
      cell: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      view: {
        top: Math.max(el.querySelector('thead th')!.getBoundingClientRect().bottom, ...frozenRowHeads.map((th) => th.getBoundingClientRect().bottom)),
        bottom: s.top + scroller.clientTop + scroller.clientHeight,
        left: Math.max(el.querySelector('tbody th')!.getBoundingClientRect().right, ...frozenCells.map((c) => c.getBoundingClientRect().right)),
        right: s.left + scroller.clientLeft + scroller.clientWidth,
      },
      scroll: [scroller.scrollTop, scroller.scrollLeft],
    };
  }, selector);

/** A cell `gap` px inside the view's edge, `size` px long: wholly in view, and in view one row or column fewer would not be. */
const justInside = (gap: number, size: number) => gap >= -1 && gap < size - 1;

/** Presses `key` until the grid scrolls; where the selected cell is then. */
async function pressUntilScrolled(page: Page, key: string): Promise<Awaited<ReturnType<typeof inView>>> {
  const before = (await inView(page)).scroll;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(key);
    await settled(page);
    const at = await inView(page);
    if (at.scroll[0] !== before[0] || at.scroll[1] !== before[1]) return at;
  }
  throw new Error(`${key} 200 times: the grid never scrolled`);
}

describe('a selected cell brought into view', () => {
  it('moved past an edge by the keys: scrolled by whole rows and columns just into view at that edge, as in Excel; a jump far away: to the middle', async () => {
    const page = await openFile(pages, 'preview selection nearest edge', madeWorkbook('frozen'));
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();

    // Past the bottom (right) edge: wholly in view, less than a row (column) of the view left under (beside) it,
    // whose first row (column) lies whole at the frozen panes' edge (the rows and columns are all alike here).
    const down = await pressUntilScrolled(page, 'ArrowDown');
    expect(justInside(down.view.bottom - down.cell.bottom, down.cell.bottom - down.cell.top)).toBe(true);
    expect(down.scroll[0] % (down.cell.bottom - down.cell.top)).toBe(0);
    const up = await pressUntilScrolled(page, 'ArrowUp');
    expect(Math.abs(up.cell.top - up.view.top)).toBeLessThanOrEqual(1);
    const right = await pressUntilScrolled(page, 'ArrowRight');
    expect(justInside(right.view.right - right.cell.right, right.cell.right - right.cell.left)).toBe(true);
    expect(right.scroll[1] % (right.cell.right - right.cell.left)).toBe(0);
    const left = await pressUntilScrolled(page, 'ArrowLeft');
    expect(Math.abs(left.cell.left - left.view.left)).toBeLessThanOrEqual(1);

    // Ctrl+↓ to the list's last row, screens away: brought to the middle, with the rows around it in view.
    await page.keyboard.press('Control+ArrowDown');
    await settled(page);
    const far = await inView(page);
    expect(far.address).toMatch(/302$/);
    expect(Math.abs((far.cell.top + far.cell.bottom) / 2 - (far.view.top + far.view.bottom) / 2)).toBeLessThanOrEqual(far.cell.bottom - far.cell.top);
  });

  it('Shift+arrows past an edge: the range’s moving corner is scrolled by whole rows and columns just into view at that edge, as in Excel', async () => {
    const page = await openFile(pages, 'preview shift arrows scroll', madeWorkbook('frozen'));
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();
    const scroll = () => grid(page).evaluate((el) => [el.parentElement!.scrollTop, el.parentElement!.scrollLeft]);
    /** Presses `key` `times` times; the far corners (`corner(i)` after i presses) not wholly in view, and whether it scrolled. */
    const extend = async (key: string, times: number, corner: (i: number) => string) => {
      const off: string[] = [];
      let scrolled = false;
      for (let i = 1; i <= times; i++) {
        const before = await scroll();
        await page.keyboard.press(key);
        await settled(page);
        const address = corner(i);
        const drawn = await page.locator(`td[data-address="${address}"][data-in-range="true"]`).count();
        if (!drawn) {
          off.push(`${address} not drawn`);
          continue;
        }
        const at = await inView(page, `td[data-address="${address}"]`);
        const { cell: c, view: v } = at;
        if (c.top < v.top - 1 || c.bottom > v.bottom + 1 || c.left < v.left - 1 || c.right > v.right + 1) off.push(`${address} out of view`);
        // Just into view, at the edge it went past (by whole rows and columns: down and right, less than one of them inside it).
        if (at.scroll[0] !== before[0] || at.scroll[1] !== before[1]) {
          scrolled = true;
          const edge = key.endsWith('Down') ? v.bottom - c.bottom : key.endsWith('Up') ? c.top - v.top : key.endsWith('Right') ? v.right - c.right : c.left - v.left;
          const size = key.endsWith('Down') ? c.bottom - c.top : key.endsWith('Right') ? c.right - c.left : null;
          if (size === null ? Math.abs(edge) > 1 : !justInside(edge, size)) off.push(`${address} scrolled ${edge}px inside the edge`);
        }
      }
      return { off, scrolled };
    };
    const column = (n: number) => String.fromCharCode(64 + n);

    const down = await extend('Shift+ArrowDown', 45, (i) => `C${3 + i}`);
    expect(down).toEqual({ off: [], scrolled: true });
    const right = await extend('Shift+ArrowRight', 20, (i) => `${column(3 + i)}48`);
    expect(right).toEqual({ off: [], scrolled: true });
    const up = await extend('Shift+ArrowUp', 45, (i) => `W${48 - i}`);
    expect(up).toEqual({ off: [], scrolled: true });
    const left = await extend('Shift+ArrowLeft', 20, (i) => `${column(23 - i)}3`);
    expect(left).toEqual({ off: [], scrolled: true });
    // The active cell stays where the range began.
    await expect(page.getByTestId('preview-selection').innerText()).resolves.toMatch(/!C3$/);
  });

  it('PageDown and PageUp move the selection a screen of rows and scroll the view as far: the cell stays where it was on screen, as in Excel', async () => {
    const page = await openFile(pages, 'preview page down', madeWorkbook('frozen'));
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await settled(page);
    const row = (at: { address: string | null }) => Number(/\d+$/.exec(at.address!)![0]);
    /** Rows wholly in the part of the view that scrolls (below the frozen rows). */
    const rowsInView = () =>
      grid(page).evaluate((el) => {
        const scroller = el.parentElement!;
        const bottom = scroller.getBoundingClientRect().top + scroller.clientTop + scroller.clientHeight;
        const heads = [...el.querySelectorAll<HTMLElement>('tbody th')];
        const top = Math.max(el.querySelector('thead th')!.getBoundingClientRect().bottom, ...heads.filter((th) => th.style.top).map((th) => th.getBoundingClientRect().bottom));
        return heads.filter((th) => !th.style.top).filter((th) => th.getBoundingClientRect().top >= top - 0.5 && th.getBoundingClientRect().bottom <= bottom + 0.5).length;
      });
    const before = await inView(page);
    expect(before.address).toBe('C8');
    const screen = await rowsInView();
    expect(screen).toBeGreaterThan(5);

    await page.keyboard.press('PageDown');
    await settled(page);
    const down = await inView(page);
    expect(row(down)).toBe(8 + screen);
    expect(Math.abs(down.cell.top - down.view.top - (before.cell.top - before.view.top))).toBeLessThanOrEqual(1);

    await page.keyboard.press('PageDown');
    await settled(page);
    const twice = await inView(page);
    expect(row(twice)).toBe(8 + 2 * screen);
    expect(Math.abs(twice.cell.top - twice.view.top - (before.cell.top - before.view.top))).toBeLessThanOrEqual(1);

    await page.keyboard.press('PageUp');
    await settled(page);
    const up = await inView(page);
    expect(row(up)).toBe(8 + screen);
    expect(Math.abs(up.cell.top - up.view.top - (before.cell.top - before.view.top))).toBeLessThanOrEqual(1);
  });

  it('Shift+PageDown and Shift+PageUp extend the selection a screen of rows, as in Excel: the active cell stays, the far corner moves as PageDown would and the view scrolls with it', async () => {
    const page = await openFile(pages, 'preview shift page down', madeWorkbook('frozen'));
    await grid(page).focus();
    await page.keyboard.press('Control+Home');
    await page.locator('td[data-address="C3"][data-selected="true"]').waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await settled(page);
    const before = await inView(page);
    expect(before.address).toBe('C8');
    const caption = page.getByTestId('preview-selection');
    /** The range's drawn cells of column C (its rows), and where its last row lies against the view. */
    const extent = () =>
      grid(page).evaluate((el) => {
        const scroller = el.parentElement!;
        const cells = [...el.querySelectorAll<HTMLElement>('td[data-in-range="true"]')].filter((td) => /^C\d+$/.test(td.dataset.address!));
        const rows = cells.map((td) => Number(td.dataset.address!.slice(1)));
        const last = cells[cells.length - 1];
        const top = Math.max(...[...el.querySelectorAll<HTMLElement>('thead th, tbody th')].filter((th) => th.closest('thead') || th.style.top).map((th) => th.getBoundingClientRect().bottom));
        return { rows, scroll: scroller.scrollTop, lastTop: last ? last.getBoundingClientRect().top - top : null };
      });

    await page.keyboard.press('PageDown');
    await settled(page);
    const screen = Number(/\d+$/.exec((await inView(page)).address!)![0]) - 8;
    const pageScroll = (await inView(page)).scroll[0];
    await page.keyboard.press('PageUp');
    await settled(page);
    expect((await inView(page)).scroll[0]).toBe(before.scroll[0]);

    await page.keyboard.press('Shift+PageDown');
    await settled(page);
    const down = await extent();
    expect(Math.max(...down.rows)).toBe(8 + screen);
    expect(down.scroll).toBe(pageScroll);
    expect(Math.abs(down.lastTop! - (before.cell.top - before.view.top))).toBeLessThanOrEqual(1);
    await expect(caption.innerText()).resolves.toMatch(/!C8$/);

    await page.keyboard.press('Shift+PageDown');
    await settled(page);
    expect(Math.max(...(await extent()).rows)).toBe(8 + 2 * screen);
    await page.keyboard.press('Shift+PageUp');
    await settled(page);
    const back = await extent();
    expect(Math.max(...back.rows)).toBe(8 + screen);
    expect(back.scroll).toBe(pageScroll);
    await expect(caption.innerText()).resolves.toMatch(/!C8$/);

    // Back up past the active cell: the range runs from it upwards, a screen above.
    await page.keyboard.press('Shift+PageUp');
    await page.keyboard.press('Shift+PageUp');
    await settled(page);
    const above = await extent();
    expect(Math.min(...above.rows)).toBeLessThan(8);
    expect(Math.max(...above.rows)).toBe(8);
    await expect(caption.innerText()).resolves.toMatch(/!C8$/);
  });
});

/**
 * A grid 480–560 px wide (a laptop's screen zoomed, as in previewZoom.test.ts): on the sample's first sheet
 * columns A (243 px) and B (313 px) do not fit side by side. Selecting B4 there scrolls as Excel does: by whole
 * columns, just enough to show B4 whole (A scrolled out, B at the left edge); a cell already wholly in view scrolls nothing.
 * The clicks are the mouse's where the cell shows: a Playwright click would scroll the cell into view itself.
 */
describe.each([480, 520, 560])('a grid %i px wide', (width) => {
  it('selecting B4 by click or by key scrolls by whole columns just enough to show it whole; a cell wholly in view scrolls nothing', async () => {
    const { page } = await pages.open(`preview grid ${width} px selection scroll`, { width, height: 500 });
    await page.goto(`${pages.origin}/preview.html?lang=vi`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await page.locator('table[data-sheet="Thông tin đơn vị"]').waitFor();
    await expect(grid(page).evaluate((el) => el.parentElement!.clientWidth)).resolves.toBe(width);
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ left: 0 }));
    await settled(page);
    const clickOn = async (address: string) => {
      const { x, y } = await cell(page, address).evaluate((td) => {
        const r = td.getBoundingClientRect();
        return { x: r.left + 20, y: (r.top + r.bottom) / 2 };
      });
      await page.mouse.click(x, y);
      await page.locator(`td[data-address="${address}"][data-selected="true"]`).waitFor();
      await settled(page);
    };
    const press = async (key: string) => {
      await page.keyboard.press(key);
      await settled(page);
    };
    /** The selected cell, whether it is wholly in view, and the grid's sideways scroll. */
    const seen = async () => {
      const { address, cell: c, view: v, scroll } = await inView(page);
      return { address, whole: c.left >= v.left - 1 && c.right <= v.right + 1, scrollLeft: scroll[1] };
    };

    await clickOn('A4');
    const a4 = await seen();
    // How far B4 lies past the view's right edge.
    const b4 = await inView(page, 'td[data-address="B4"]');
    const needed = Math.round(b4.cell.right - b4.view.right);
    const columnA = await cell(page, 'A4').evaluate((td) => td.getBoundingClientRect().width);
    await clickOn('B4');
    const clicked = await seen();
    await press('ArrowLeft');
    const left = await seen();
    await press('ArrowRight');
    const right = await seen();
    await press('ArrowDown');
    const down = await seen();
    expect({ a4, clicked, left, right, down }).toEqual({
      a4: { address: 'A4', whole: true, scrollLeft: 0 },
      clicked: { address: 'B4', whole: true, scrollLeft: columnA },
      left: { address: 'A4', whole: true, scrollLeft: 0 },
      right: { address: 'B4', whole: true, scrollLeft: columnA },
      down: { address: 'B5', whole: true, scrollLeft: columnA },
    });
    // The case reported: B4 partly out of view, less than column A's width.
    expect(needed).toBeGreaterThan(0);
    expect(needed).toBeLessThan(columnA);
  });
});

describe('each sheet keeps its own place, as in Excel', () => {
  it('a sheet the pane shows for the first time starts at its top left, not where another sheet was scrolled; back on a sheet, it is where it was left', async () => {
    const page = await openSample(pages, 'preview sheet keeps its place');
    await showSheet(page, SHEETS.members);
    await select(page, 'D7');
    await page.keyboard.press('Control+End');
    await settled(page);
    const scroll = () => grid(page).evaluate((el) => [el.parentElement!.scrollTop, el.parentElement!.scrollLeft]);
    const members = await scroll();
    expect(members[0]).toBeGreaterThan(0);
    expect(members[1]).toBeGreaterThan(0);

    // “Lập trang Tổng hợp” shows the new summary with its first cell (a merge in the frozen title rows) selected.
    await pane(page).getByRole('tab', { name: /Tổng hợp$/ }).click();
    await pane(page).getByRole('button', { name: 'Lập trang Tổng hợp' }).click();
    await page.locator(`table[data-sheet="${SHEETS.summary}"]`).waitFor({ timeout: 60_000 });
    await settled(page);
    await expect(scroll()).resolves.toEqual([0, 0]);
    await step(pages, page, 'summary from its top left');

    await showSheet(page, SHEETS.members);
    await settled(page);
    await expect(scroll()).resolves.toEqual(members);
  });
});
