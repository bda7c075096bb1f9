/**
 * The grid draws a window of rows placed by the heights the sheet gives its rows: a row drawn taller
 * than that (its text's line taller than the row) put the rows off where the grid reckons them. A cell
 * selected with ↓ then ended below the grid's edge, and the sheet's length changed as it scrolled, so
 * the scroll position moved by itself at the sheet's end.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { grid, openSample, select, settled, showSheet } from './support/grid';
import { SHEETS } from '../../src/sheets/names';

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

describe('the grid’s window of rows', () => {
  it('every sheet of the sample: each row is drawn as tall as the grid reckons it, its title rows too', async () => {
    const page = await openSample(pages, 'preview grid rows as reckoned');
    const tabs = await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab').allInnerTexts();
    const off: string[] = [];
    for (const sheet of tabs) {
      await showSheet(page, sheet);
      for (let more = true; more; ) {
        await settled(page);
        const drawn = await grid(page).evaluate((el) =>
          [...el.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => ({ row: tr.querySelector('th')?.textContent ?? 'spacer', reckoned: parseFloat(tr.style.height), drawn: tr.getBoundingClientRect().height })),
        );
        for (const r of drawn) if (Math.abs(r.drawn - r.reckoned) > 0.5) off.push(`'${sheet}' row ${r.row}: ${r.drawn}px, reckoned ${r.reckoned}px`);
        more = await grid(page).evaluate((el) => {
          const scroller = el.parentElement!;
          const before = scroller.scrollTop;
          scroller.scrollBy({ top: scroller.clientHeight / 2 });
          return scroller.scrollTop !== before;
        });
      }
    }
    expect([...new Set(off)]).toEqual([]);
  });

  it('↓ down the members: the selected cell is always wholly in view, and the sheet’s length stays the same', async () => {
    const page = await openSample(pages, 'preview grid arrow down in view');
    await showSheet(page, SHEETS.members);
    await select(page, 'C6');
    await settled(page);
    const { scrollHeight } = await where(page);
    const off: string[] = [];
    for (let row = 7; row <= 60; row++) {
      await page.keyboard.press('ArrowDown');
      await settled(page);
      const at = await where(page);
      if (at.address !== `C${row}`) off.push(`C${row} not selected (${at.address})`);
      else if (at.belowEdge! > 0) off.push(`C${row}: ${at.belowEdge}px below the grid's edge`);
      if (at.scrollHeight !== scrollHeight) off.push(`C${row}: the sheet is ${at.scrollHeight}px long, was ${scrollHeight}px`);
    }
    expect(off).toEqual([]);
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
