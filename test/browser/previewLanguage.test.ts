/**
 * The language the pages start in: Vietnamese, even in a browser set to English (as many school
 * offices' are); English once the user chooses it in the pane, kept for the next visit and for
 * the help page; `?lang=` in the address still decides.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';

const pages = useBrowserPages();

const pane = (page: Page, name = 'Ngăn ĐVHT') => page.getByRole('region', { name });

describe('the pages’ language', () => {
  it('is Vietnamese in an English browser; English once chosen, kept for the next visit and the help page', async () => {
    const { page } = await pages.open('language in an English browser', undefined, 'en-US');
    await expect(page.evaluate(() => navigator.language)).resolves.toBe('en-US');
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
    await expect(pane(page).getByLabel('Ngôn ngữ').inputValue()).resolves.toBe('vi');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('vi');
    await page.goto(`${pages.origin}/help.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('vi');

    await page.goto(`${pages.origin}/preview.html`);
    await pane(page).getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('button', { name: 'Sample data' }).waitFor();

    // The next visit, without ?lang=: the choice holds, here and on the help page.
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Sample data' }).waitFor();
    await expect(pane(page, 'ĐVHT pane').getByLabel('Language').inputValue()).resolves.toBe('en');
    await page.goto(`${pages.origin}/help.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');

    // The address still decides, for that visit; the choice made in the pane is what is kept.
    await page.goto(`${pages.origin}/preview.html?lang=vi`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Sample data' }).waitFor();
    await pane(page, 'ĐVHT pane').getByLabel('Language').selectOption('vi');
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).waitFor();
  });
});
