/**
 * Rows pasted right under the members table join it (the table grows, the rows take its look);
 * Ctrl+Z takes the whole paste back as Excel does: the values, the table's extent and the rows'
 * look, in one step; Ctrl+Y brings all of it again.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { grid, openSample as openSampleIn, paste, reveal, select, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import * as fs from 'fs';

const pages = useBrowserPages();
const SAMPLE_MEMBERS = 42;
const step = (page: Page, name: string) => stepIn(pages, page, name);

/** How the grid draws a cell: its font and its borders. */
const look = async (page: Page, address: string) =>
  (await reveal(page, address)).evaluate((td) => {
    const s = getComputedStyle(td);
    return { font: s.fontFamily, borders: [s.borderTopStyle, s.borderRightStyle, s.borderBottomStyle, s.borderLeftStyle, s.borderBottomColor].join(' ') };
  });

/** The members table's range in the file “Tải về .xlsx” gives. */
async function tableRange(page: Page): Promise<string | null> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải về .xlsx' }).click()]);
  const file = await XlsxWorkbook.open(await fs.promises.readFile((await download.path())!), 'downloaded', NODE_XLSX);
  for (const part of file.pkg.partNames.filter((p) => /^xl\/tables\//i.test(p))) {
    const xml = (await file.pkg.text(part)) ?? '';
    if (/\bname="ThanhVien"/.test(xml)) return /\bref="([^"]+)"/.exec(xml)?.[1] ?? null;
  }
  return null;
}

describe('undoing a paste that grew the members table', () => {
  it('Ctrl+Z takes back the values, the table’s extent and the rows’ look at once; Ctrl+Y brings them again', async () => {
    const page = await openSampleIn(pages, 'preview undo grown table');
    await showSheet(page, SHEETS.members);
    const first = MEMBER_HEADER_ROW + SAMPLE_MEMBERS + 1; // right under the table
    const rangeBefore = await tableRange(page);
    expect(rangeBefore).toMatch(new RegExp(`^A${MEMBER_HEADER_ROW}:[A-Z]+${first - 1}$`));
    const lookBefore = await look(page, `B${first + 1}`);

    await select(page, `A${first}`);
    await paste(page, ['43\tNgười dán 1\tGiáo viên', '44\tNgười dán 2\tGiáo viên', '45\tNgười dán 3\tGiáo viên'].join('\r\n') + '\r\n');
    await shows(page, `B${first + 2}`, 'Người dán 3');
    const lookGrown = await look(page, `B${first + 1}`);
    // The rows joined the table: drawn as its rows are (another look than before), the table over them.
    expect(lookGrown).not.toEqual(lookBefore);
    expect(lookGrown).toEqual(await look(page, `B${first - 1}`));
    const rangeGrown = rangeBefore!.replace(/\d+$/, String(first + 2));
    expect(await tableRange(page)).toBe(rangeGrown);
    await step(page, 'pasted under the table');

    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await shows(page, `B${first + 1}`, '');
    await shows(page, `A${first}`, '');
    await page.getByText(/Đã hoàn tác/).waitFor();
    expect(await look(page, `B${first + 1}`)).toEqual(lookBefore);
    expect(await tableRange(page)).toBe(rangeBefore);
    await step(page, 'paste undone with the table');

    await grid(page).focus();
    await page.keyboard.press('Control+y');
    await shows(page, `B${first + 2}`, 'Người dán 3');
    expect(await look(page, `B${first + 1}`)).toEqual(lookGrown);
    expect(await tableRange(page)).toBe(rangeGrown);
  });
});
