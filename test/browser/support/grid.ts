/**
 * Working the preview as a clerk does, for the browser tests: open the sample, show a sheet,
 * select, type and paste into the grid, wait for a cell's text, run the evaluation, and take
 * a screenshot checked by axe-core at each step; and what the grid draws (rows, text cut off).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations, type BrowserTestContext } from './browser';
import { ROOT } from './build';

export const pane = (page: Page) => page.getByRole('region', { name: /^(Ngăn ĐVHT|ĐVHT pane)$/ });
export const grid = (page: Page) => page.locator('table[role="grid"]');
export const cell = (page: Page, address: string) => page.locator(`td[data-address="${address}"]`);

/** A screenshot (copied to SHOTS_DIR when it is set) and no serious axe-core violation. */
export async function step(pages: BrowserTestContext, page: Page, name: string): Promise<void> {
  const file = await pages.session.shot(name);
  if (process.env.SHOTS_DIR) {
    fs.mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.SHOTS_DIR, path.basename(path.dirname(file)) + '-' + path.basename(file)));
  }
  expect({ name, violations: await seriousViolations(page, pages.origin) }).toEqual({ name, violations: [] });
}

export async function openSample(pages: BrowserTestContext, name: string): Promise<Page> {
  const { page } = await pages.open(name);
  await page.goto(`${pages.origin}/preview.html`);
  await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
  await page.getByText(/Đã tạo sổ mẫu/).waitFor();
  return page;
}

/** A clerk's workbook written by openpyxl (another producer than the project's own writer): makeXlsx.py `kind`. */
export function madeWorkbook(kind: string): string {
  const out = path.join(ROOT, 'test-output', 'browser', `made-${kind}.xlsx`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'makeXlsx.py'), kind, out]);
  return out;
}

/** Opens a file in the preview as a clerk does (“Mở tệp .xlsx”); resolves once its grid is drawn. */
export async function openFile(pages: BrowserTestContext, name: string, file: string | { name: string; mimeType: string; buffer: Buffer }, lang?: 'vi' | 'en'): Promise<Page> {
  const { page } = await pages.open(name);
  await page.goto(`${pages.origin}/preview.html${lang ? `?lang=${lang}` : ''}`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: lang === 'en' ? 'Open .xlsx file' : 'Mở tệp .xlsx' }).click()]);
  await chooser.setFiles(file);
  await grid(page).waitFor();
  return page;
}

export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
}

/**
 * Resolves once the grid is still: a few animation frames in a row with no scroll and no redraw.
 * The grid redraws its window of rows after a scroll event, a frame or more after the scroll.
 */
export async function settled(page: Page): Promise<void> {
  const still = await grid(page).evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        const scroller = el.parentElement!;
        let quiet = 0;
        const stir = () => (quiet = 0);
        const observer = new MutationObserver(stir);
        observer.observe(el, { childList: true, subtree: true, attributes: true, characterData: true });
        scroller.addEventListener('scroll', stir);
        const done = (still: boolean) => {
          observer.disconnect();
          scroller.removeEventListener('scroll', stir);
          resolve(still);
        };
        // A grid that keeps redrawing or scrolling by itself (rows drawn off where it reckons them) never is.
        const restless = setTimeout(() => done(false), 15_000);
        const frame = () => {
          if (++quiet < 3) return void requestAnimationFrame(frame);
          clearTimeout(restless);
          done(true);
        };
        requestAnimationFrame(frame);
      }),
  );
  if (!still) throw new Error('the grid kept redrawing or scrolling by itself for 15 s');
}

/**
 * Scrolls the grid until the cell is drawn (only a window of rows is in the page). Each scroll is
 * followed by the redraw of the window for it: asked before that redraw, the grid answers for where
 * it was.
 */
export async function reveal(page: Page, address: string): Promise<Locator> {
  const c = cell(page, address);
  await settled(page);
  if ((await c.count()) > 0) return c;
  // From about where the row is (its number among the grid's rows: hidden rows make it a guess,
  // so from two screens above), then from the top: down by half a screen at a time to the bottom.
  const row = Number(/\d+$/.exec(address)?.[0] ?? '1');
  for (const guess of [true, false]) {
    await grid(page).evaluate(
      (el, [r, near]) => {
        const scroller = el.parentElement!;
        const rows = Number(el.getAttribute('aria-rowcount') || '1');
        scroller.scrollTo({ top: near ? Math.max(0, (r / rows) * scroller.scrollHeight - 2 * scroller.clientHeight) : 0 });
      },
      [row, guess] as const,
    );
    await settled(page);
    while ((await c.count()) === 0) {
      const moved = await grid(page).evaluate((el) => {
        const scroller = el.parentElement!;
        const before = scroller.scrollTop;
        scroller.scrollBy({ top: scroller.clientHeight / 2 });
        return scroller.scrollTop !== before;
      });
      if (!moved) break;
      await settled(page);
    }
    if ((await c.count()) > 0) break;
  }
  return c;
}

/**
 * Waits until the cell holds exactly `text` (its text content: a tab stays a tab). Reveals the
 * cell again while waiting: rows a paste or an undo adds or removes change the grid's height,
 * so a row revealed before the change may have left the drawn window after it.
 */
export async function shows(page: Page, address: string, text: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let seen: string | null;
  for (;;) {
    await reveal(page, address);
    seen = await page.evaluate((a) => {
      const td = document.querySelector(`td[data-address="${a}"]`);
      if (!td) return null;
      const copy = td.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('button').forEach((b) => b.remove());
      return copy.textContent;
    }, address);
    if (seen === text) return;
    if (Date.now() > deadline) throw new Error(`${address} shows ${JSON.stringify(seen)}, not ${JSON.stringify(text)}`);
    await page.waitForTimeout(100);
  }
}

export async function select(page: Page, address: string): Promise<Locator> {
  const c = await reveal(page, address);
  // In the middle of the grid, clear of the frozen rows and columns drawn over its edges (a cell scrolled
  // to the top edge lies under them, and the click lands on a frozen cell). So the grid's own scroll on
  // selecting is not measured after this: previewGridScroll.test.ts clicks where the cell shows instead.
  await c.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await settled(page);
  await c.click();
  await page.locator(`td[data-address="${address}"][data-selected="true"]`).waitFor();
  return c;
}

/** What a clipboard copied from Excel, LibreOffice or Google Sheets holds: rows of tab-separated cells. */
export async function paste(page: Page, text: string): Promise<void> {
  await grid(page).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Runs the evaluation step; resolves with the outcome once it is shown (changed, when one was shown before). */
export async function evaluate(page: Page): Promise<string> {
  await pane(page).getByRole('tab', { name: /Đánh giá/ }).click();
  const outcome = pane(page).getByTestId('outcome');
  const previous = (await outcome.count()) ? await outcome.innerText() : null;
  await pane(page).getByRole('button', { name: /^Đánh giá( lại)?$/ }).click();
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid="outcome"]') as HTMLElement | null;
      return el !== null && el.innerText !== prev;
    },
    previous,
    { timeout: 60_000 },
  );
  return outcome.innerText();
}

/**
 * Whether the text of `address` runs on over the next cell `over` and is painted above it: its
 * run-on text is hit-tested for the check only (it lets clicks through to the cell under it).
 */
export async function runsOnOver(page: Page, address: string, over: string): Promise<boolean> {
  return cell(page, address).evaluate((td, next) => {
    const text = td.querySelector('span');
    if (!text) return false;
    const box = document.querySelector(`td[data-address="${next}"]`)!.getBoundingClientRect();
    text.style.pointerEvents = 'auto';
    const hit = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
    text.style.pointerEvents = '';
    return hit !== null && td.contains(hit);
  }, over);
}

/**
 * Calls `look` on each window of rows drawn, from the top of the sheet shown to its end, half a screen at a
 * time. A grid whose length changes as it scrolls may never reach its end: that throws, after twice the halves.
 */
export async function eachWindow(page: Page, look: () => Promise<void>): Promise<void> {
  const halves = await grid(page).evaluate((el) => {
    const scroller = el.parentElement!;
    scroller.scrollTo({ top: 0 });
    return Math.ceil(scroller.scrollHeight / (scroller.clientHeight / 2));
  });
  for (let n = 0, more = true; more; n++) {
    if (n > 2 * halves) throw new Error(`the grid did not reach its end in ${n} half screens: its length changes as it scrolls`);
    await settled(page);
    await look();
    more = await grid(page).evaluate((el) => {
      const scroller = el.parentElement!;
      const before = scroller.scrollTop;
      scroller.scrollBy({ top: scroller.clientHeight / 2 });
      return scroller.scrollTop !== before;
    });
  }
}

/** The rows of these sheets drawn taller or shorter than the grid reckons them (its window of rows is placed by that). */
export async function rowsOffReckoning(page: Page, sheets: string[]): Promise<string[]> {
  const off = new Set<string>();
  for (const sheet of sheets) {
    await showSheet(page, sheet);
    await eachWindow(page, async () => {
      const drawn = await grid(page).evaluate((el) =>
        [...el.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => ({ row: tr.querySelector('th')?.textContent ?? 'spacer', reckoned: parseFloat(tr.style.height), drawn: tr.getBoundingClientRect().height })),
      );
      for (const r of drawn) if (Math.abs(r.drawn - r.reckoned) > 0.5) off.add(`'${sheet}' row ${r.row}: ${r.drawn}px, reckoned ${r.reckoned}px`);
    });
  }
  return [...off];
}

/** The drawn cells whose text lies, wholly or in part, above or below their cell's box: cut off by their row. */
export const textCutOff = (page: Page) =>
  grid(page).evaluate((el) => {
    const cut: string[] = [];
    for (const td of el.querySelectorAll<HTMLElement>('tbody td[data-address]')) {
      const box = td.getBoundingClientRect();
      const texts = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let t = texts.nextNode(); t; t = texts.nextNode()) {
        if (t.parentElement?.closest('button')) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        if ([...range.getClientRects()].some((r) => r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)) cut.push(td.dataset.address!);
      }
    }
    return cut;
  });
