/**
 * The preview on a small laptop (1366×768) at 200 % zoom, worked by keyboard: 683×384 CSS pixels.
 * The page's header and its last message must not keep half of that height for themselves: the
 * pane and the grid each get the screen's height once the clerk is in them (the page scrolls).
 * At the widths of common screens zoomed 150–200 % (683–960 px) the grid keeps a usable width: the
 * pane beside it while there is room, under it when not. And the pane at the width Excel gives it
 * (about 320 px): no step scrolls sideways.
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

/** The grid's scrolling box, scrolled to the top of the view with its workbook: how much of it is on screen. */
async function gridShown(page: Page): Promise<{ width: number; height: number; screen: number }> {
  return grid(page).evaluate((table) => {
    table.closest('section')!.scrollIntoView({ block: 'start' });
    let box: HTMLElement = table.parentElement!;
    while (!/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement!;
    const r = box.getBoundingClientRect();
    return { width: Math.min(r.right, innerWidth) - Math.max(r.left, 0), height: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), screen: innerHeight };
  });
}

/** Where the pane is drawn from the workbook, which comes before it in the keyboard's order. */
async function paneAfterBook(page: Page): Promise<'beside' | 'below' | 'elsewhere'> {
  return page.evaluate(() => {
    const book = document.querySelector('section[aria-label="Sổ tính"]')!.getBoundingClientRect();
    const pane = document.querySelector('section[aria-label="Ngăn ĐVHT"]')!.getBoundingClientRect();
    if (pane.left >= book.right - 1 && Math.abs(pane.top - book.top) < 1) return 'beside';
    if (pane.top >= book.bottom - 1) return 'below';
    return 'elsewhere';
  });
}

async function sampleAt(name: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await pages.open(name, viewport);
  await page.goto(`${pages.origin}/preview.html?lang=vi`);
  await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
  await page.getByText(/Đã tạo sổ mẫu/).waitFor();
  await grid(page).waitFor();
  await step(page, 'sample shown');
  return page;
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

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
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
  });
});

/**
 * Common screens at the zoom a clerk sets for reading (CSS pixels = screen pixels / zoom). Side by
 * side while the grid keeps a usable width (about five columns); narrower, the pane goes under the
 * workbook, each the screen's height, the keyboard's order top to bottom.
 */
const SCREENS = [
  { screen: '1366×768 at 200 %', width: 683, height: 384, pane: 'below' },
  { screen: '1600×900 at 200 %', width: 800, height: 450, pane: 'below' },
  { screen: '1280×720 at 150 %', width: 853, height: 480, pane: 'beside' },
  { screen: '1600×900 at 175 %', width: 914, height: 514, pane: 'beside' },
  { screen: '1920×1080 at 200 %', width: 960, height: 540, pane: 'beside' },
] as const;

describe.each(SCREENS)('the preview on a $screen screen ($width×$height)', ({ width, height, pane: where }) => {
  it(`gives the grid a usable width and the screen's height, the pane ${where} it, and no sideways scroll`, async () => {
    const page = await sampleAt(`preview at ${width}x${height}`, { width, height });
    const shown = await gridShown(page);
    expect(shown.width).toBeGreaterThanOrEqual(480);
    expect(shown.height).toBeGreaterThanOrEqual(0.9 * shown.screen);
    await expect(paneAfterBook(page)).resolves.toBe(where);
    const paneShown = await heightShown(page, 'section[aria-label="Ngăn ĐVHT"]');
    expect(paneShown.shown).toBeGreaterThanOrEqual(0.9 * paneShown.screen);
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
  });
});

describe('the preview opened on a short screen (683×384)', () => {
  it('opens at the top of the page and stays there when the sample is made, not scrolled down to the sheet tabs', async () => {
    const { page } = await pages.open('preview opened at 683x384', { width: 683, height: 384 });
    await page.goto(`${pages.origin}/preview.html?lang=vi`);
    const twoFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
    await twoFrames();
    const atLoad = await page.evaluate(() => window.scrollY);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await grid(page).waitFor();
    await twoFrames();
    // The sample made from the page's top stays there: its message in view, not the sheet tabs at the workbook's foot.
    expect({ atLoad, afterSample: await page.evaluate(() => window.scrollY) }).toEqual({ atLoad: 0, afterSample: 0 });
  });
});

describe('the preview on a 1366×768 screen at 100 %', () => {
  it('keeps the pane at 400 px beside the grid, the page unscrolled', async () => {
    const page = await sampleAt('preview at 1366x768', { width: 1366, height: 768 });
    await expect(paneAfterBook(page)).resolves.toBe('beside');
    await expect(pane(page).evaluate((el) => el.getBoundingClientRect().width)).resolves.toBe(400);
    await expect(page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).resolves.toBeLessThanOrEqual(0);
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
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
