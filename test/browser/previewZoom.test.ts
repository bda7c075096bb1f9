/**
 * The preview on a small laptop (1366×768) at 200 % zoom, worked by keyboard: 683×384 CSS pixels.
 * The page's header and its last message must not keep half of that height for themselves: the
 * pane and the grid each get the screen's height once the clerk is in them (the page scrolls).
 * And the pane at the width Excel gives it (about 320 px): no step scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { tabTo, useBrowserPages } from './support/browser';
import { grid, pane, step as stepIn } from './support/grid';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);

/** How many CSS pixels of the element's height are on screen once it is scrolled to the top of the view. */
async function heightShown(page: Page, selector: string): Promise<{ shown: number; screen: number }> {
  return page.locator(selector).first().evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    const r = el.getBoundingClientRect();
    return { shown: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), screen: innerHeight };
  });
}

describe('the preview at 200 % zoom on a 1366×768 screen', () => {
  it('gives the pane and the grid the screen’s height, with no sideways scroll of the page', async () => {
    const { page } = await pages.open('preview at 200 percent zoom', { width: 683, height: 384 });
    await page.goto(`${pages.origin}/preview.html?lang=vi`);
    await tabTo(page, /Dữ liệu mẫu/);
    await page.keyboard.press('Enter');
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await tabTo(page, /^1\. Thiết lập$/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Đánh giá$/, 10);
    await page.keyboard.press('Enter');
    await pane(page).getByTestId('outcome').waitFor({ timeout: 60_000 });
    await step(page, 'evaluated by keyboard');

    const paneShown = await heightShown(page, 'section[aria-label="Ngăn ĐVHT"]');
    expect(paneShown.shown).toBeGreaterThanOrEqual(0.9 * paneShown.screen);
    await step(page, 'the pane scrolled into view');
    await grid(page).waitFor();
    const bookShown = await heightShown(page, 'section[aria-label="Sổ tính"]');
    expect(bookShown.shown).toBeGreaterThanOrEqual(0.9 * bookShown.screen);
    await step(page, 'the grid scrolled into view');
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
  });
});

describe('the pane at Excel’s task-pane width', () => {
  it('has no step wider than 320 px: long Vietnamese labels and lists wrap or fit', async () => {
    const { page } = await pages.open('pane at 320 px');
    await page.goto(`${pages.origin}/preview.html?lang=vi`);
    // The pane is the same component inside Excel, where it is this wide.
    await page.addStyleTag({ content: 'section[aria-label="Ngăn ĐVHT"] { width: 320px !important; }' });
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    const steps = pane(page).getByRole('navigation').getByRole('tab');
    const wider: string[] = [];
    for (let i = 0; i < (await steps.count()); i++) {
      await steps.nth(i).click();
      const extra = await pane(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      if (extra > 0) wider.push(`${await steps.nth(i).innerText()}: ${extra}px`);
    }
    expect(wider).toEqual([]);
  });
});
