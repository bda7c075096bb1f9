/**
 * The grid as Excel draws it: scrolled by whole columns and rows (no column or row ever cut under the
 * frozen panes), text cut cleanly at a cell's edge (no "…"), run on into the empty cells to its right
 * only, and a selected cell clicked again brought wholly into view.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { ROOT } from './support/build';
import { cell, grid, openFile, openSample, runsOnOver, settled, showSheet, step } from './support/grid';
import { SHEETS } from '../../src/sheets/names';

const pages = useBrowserPages();

/**
 * Where the first column and row that scroll lie against the frozen panes' edges (0: whole, at the edge), and
 * the grid's scroll. Waits until the grid has settled on whole ones; what it settled on, or where it was left.
 */
async function edgesOnceWhole(page: Page): Promise<{ columnCut: number; rowCut: number; scrollLeft: number; scrollTop: number }> {
  const measure = () =>
    grid(page).evaluate((el) => {
      const scroller = el.parentElement!;
      const heads = [...el.querySelectorAll<HTMLElement>('thead th')];
      const columnHeads = heads.slice(1).filter((th) => !th.style.left);
      const frozenRight = Math.max(...[heads[0]!, ...heads.filter((th) => th.style.left)].map((th) => th.getBoundingClientRect().right));
      const rowHeads = [...el.querySelectorAll<HTMLElement>('tbody th')];
      const frozenBottom = Math.max(heads[0]!.getBoundingClientRect().bottom, ...rowHeads.filter((th) => th.style.top).map((th) => th.getBoundingClientRect().bottom));
      const firstColumn = columnHeads.find((th) => th.getBoundingClientRect().right > frozenRight + 0.5)!;
      const firstRow = rowHeads.filter((th) => !th.style.top).find((th) => th.getBoundingClientRect().bottom > frozenBottom + 0.5)!;
      return {
        columnCut: Math.round(frozenRight - firstColumn.getBoundingClientRect().left),
        rowCut: Math.round(frozenBottom - firstRow.getBoundingClientRect().top),
        scrollLeft: scroller.scrollLeft,
        scrollTop: scroller.scrollTop,
      };
    });
  for (let tries = 0; tries < 50; tries++) {
    await settled(page);
    const at = await measure();
    if (Math.abs(at.columnCut) <= 1 && Math.abs(at.rowCut) <= 1) return at;
    await page.waitForTimeout(100);
  }
  return measure();
}

describe('scrolled by whole columns and rows, as in Excel', () => {
  it('“Thành viên” scrolled sideways and down by a wheel or a trackpad: the first column and row past the frozen panes settle whole at their edge', async () => {
    const page = await openSample(pages, 'preview grid whole columns wheel');
    await showSheet(page, SHEETS.members);
    await settled(page);
    const box = (await grid(page).evaluate((el) => el.parentElement!.getBoundingClientRect().toJSON())) as DOMRect;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A trackpad's small sideways swipe: less than a column.
    await page.mouse.wheel(37, 0);
    const sideways = await edgesOnceWhole(page);
    expect({ columnCut: sideways.columnCut, rowCut: sideways.rowCut }).toEqual({ columnCut: 0, rowCut: 0 });
    expect(sideways.scrollLeft).toBeGreaterThan(0);
    await page.mouse.wheel(0, 37);
    const down = await edgesOnceWhole(page);
    expect({ columnCut: down.columnCut, rowCut: down.rowCut }).toEqual({ columnCut: 0, rowCut: 0 });
    expect(down.scrollTop).toBeGreaterThan(0);
    await step(pages, page, 'members scrolled by whole columns');
  });

  it('dragged by the scrollbars to anywhere: settles on whole columns and rows', async () => {
    const page = await openSample(pages, 'preview grid whole columns scrollbar');
    await showSheet(page, SHEETS.members);
    await settled(page);
    for (const to of [
      { left: 150, top: 0 },
      { left: 333, top: 91 },
      { left: 10, top: 7 },
      // The sheet's end: there too.
      { left: 1e6, top: 1e6 },
    ]) {
      await grid(page).evaluate((el, t) => el.parentElement!.scrollTo(t), to);
      const at = await edgesOnceWhole(page);
      expect({ to, columnCut: at.columnCut, rowCut: at.rowCut }).toEqual({ to, columnCut: 0, rowCut: 0 });
    }
  });
});

describe('a selected cell clicked again', () => {
  it('partly out of view at the grid’s right edge: brought wholly into view, as a click on any other cell is', async () => {
    const page = await openSample(pages, 'preview grid click selected cell');
    await showSheet(page, SHEETS.members);
    await settled(page);
    /** The cell of row 8 cut by the grid's right edge, the point of it to click, and whether it is wholly in view. */
    const cutAtRight = () =>
      grid(page).evaluate((el) => {
        const scroller = el.parentElement!;
        const right = scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth;
        const tds = [...el.querySelectorAll<HTMLElement>('td[data-address]')].filter((td) => /^[A-Z]+8$/.test(td.dataset.address!));
        const td = tds.find((c) => c.getBoundingClientRect().left < right - 12 && c.getBoundingClientRect().right > right + 1);
        if (!td) return null;
        const r = td.getBoundingClientRect();
        return { address: td.dataset.address!, x: r.left + 6, y: (r.top + r.bottom) / 2 };
      });
    const wholeInView = (address: string) =>
      cell(page, address).evaluate((td) => {
        const scroller = td.closest('table')!.parentElement!;
        const right = scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth;
        return td.getBoundingClientRect().right <= right + 1;
      });
    const cut = await cutAtRight();
    expect(cut).not.toBeNull();
    await page.mouse.click(cut!.x, cut!.y);
    await page.locator(`td[data-address="${cut!.address}"][data-selected="true"]`).waitFor();
    await settled(page);
    await expect(wholeInView(cut!.address)).resolves.toBe(true);
    // Scrolled back: the selected cell is cut by the edge again, and clicked again.
    await grid(page).evaluate((el) => el.parentElement!.scrollTo({ left: 0 }));
    await settled(page);
    const again = await cutAtRight();
    expect(again?.address).toBe(cut!.address);
    await page.mouse.click(again!.x, again!.y);
    await settled(page);
    await expect(wholeInView(cut!.address)).resolves.toBe(true);
  });
});

const SPILL_SCRIPT = String.raw`
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment
wb = Workbook()
ws = wb.active
ws.title = 'Tràn'
long = 'Danh sách giáo viên dạy giỏi cấp trường năm học 2025–2026'
ws['A1'] = long            # runs on over B1:E1, cut at F1
ws['F1'] = 'Có'
ws['A2'] = long            # B2 holds something: cut at A's edge
ws['B2'] = 'x'
ws['A3'] = long            # right-aligned: never runs on to the right
ws['A3'].alignment = Alignment(horizontal='right')
ws['A4'] = 123456789012    # a number too wide: ### as Excel shows it
ws['A4'].number_format = '#,##0'
ws['A5'] = long            # B5:C5 a merge: never run over
ws.merge_cells('B5:C5')
ws['A6'] = long            # wrapped: stays in its cell
ws['A6'].alignment = Alignment(wrap_text=True)
ws['A7'] = 42
wb.save(sys.argv[1])
`;

function spillWorkbook(): string {
  const out = path.join(ROOT, 'test-output', 'browser', 'made-spill.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync('/usr/bin/python3', ['-c', SPILL_SCRIPT, out]);
  return out;
}

describe('text wider than its cell, as Excel draws it', () => {
  it('runs on over the empty cells to its right only, is cut cleanly where one holds something, never ends in “…”; a number too wide shows ###', async () => {
    const page = await openFile(pages, 'preview grid text runs on', spillWorkbook());
    await page.locator('table[data-sheet="Tràn"]').waitFor();
    await settled(page);
    // Cells holding text drawn with an ellipsis where it is cut.
    const ellipses = await grid(page).evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('td[data-address]')]
        .filter((td) => td.textContent && [td, ...td.querySelectorAll<HTMLElement>('*')].some((e) => getComputedStyle(e).textOverflow === 'ellipsis'))
        .map((td) => td.dataset.address),
    );
    expect(ellipses).toEqual([]);
    expect({
      overB1: await runsOnOver(page, 'A1', 'B1'),
      overE1: await runsOnOver(page, 'A1', 'E1'),
      overF1: await runsOnOver(page, 'A1', 'F1'),
      overB2: await runsOnOver(page, 'A2', 'B2'),
      rightAligned: await runsOnOver(page, 'A3', 'B3'),
      overMerge: await runsOnOver(page, 'A5', 'B5'),
      wrapped: await runsOnOver(page, 'A6', 'B6'),
    }).toEqual({ overB1: true, overE1: true, overF1: false, overB2: false, rightAligned: false, overMerge: false, wrapped: false });
    // F1's own text is what shows at F1, not A1's run under or over it.
    const atF1 = await cell(page, 'F1').evaluate((td) => {
      const r = td.getBoundingClientRect();
      return document.elementFromPoint(r.left + 3, (r.top + r.bottom) / 2)?.closest('td')?.getAttribute('data-address');
    });
    expect(atF1).toBe('F1');
    // A number does not run on: too wide, it is all #, as Excel shows it; one that fits shows itself.
    await expect(cell(page, 'A4').innerText()).resolves.toMatch(/^#+$/);
    await expect(cell(page, 'A7').innerText()).resolves.toBe('42');
    await step(pages, page, 'text runs on as in Excel');
  });
});
