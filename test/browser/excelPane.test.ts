/**
 * The real taskpane.html and Excel entry in Chromium, with office.js replaced by the
 * in-memory Excel of test/support/fakeExcel.ts: a command costs the syncs it should, the
 * page outside Excel points at the preview, and nothing leaves the machine.
 */
import type { Page } from 'playwright-core';
import { seriousViolations, useBrowserPages } from './support/browser';
import { SHEETS } from '../../src/sheets/names';
import { unitResultRow } from '../../src/sheets/unitSheet';
import { MINIMUM_API } from '../../src/workbook/office/requirements';

const pages = useBrowserPages();

interface FakeHandle {
  stats: { syncs: number };
  reset(): void;
  sheet(name: string): { value(address: string): unknown; cell(address: string): { formula?: string } | undefined };
  selection(): { sheet: string; address: string } | null;
}

const syncs = (page: Page) => page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.stats.syncs);

async function openPane(name: string, query = ''): Promise<Page> {
  // The width of Excel's task pane.
  const session = await pages.open(name, { width: 420, height: 900 });
  await session.page.goto(`${pages.origin}/taskpane.html${query}`);
  return pages.session.page;
}

describe('the pane inside (fake) Excel', () => {
  it('evaluates in two syncs (one read, one write) and writes the outcome into the workbook', async () => {
    const page = await openPane('excel pane evaluate');
    await page.getByRole('tab', { name: /Đánh giá/ }).waitFor();
    // The set-up step reads the workbook once when it opens; let it finish, then count.
    await page.getByText(/Sổ này đã có trang/).waitFor();
    await pages.session.shot('pane opened');
    await page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.reset());

    await page.getByRole('tab', { name: /Đánh giá/ }).click();
    await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const outcome = page.getByTestId('outcome');
    await outcome.waitFor({ timeout: 60_000 });
    await pages.session.shot('evaluated');
    expect(await syncs(page)).toBe(2);

    // The fake computes only arithmetic, so check that the outcome cell got its formula.
    const written = await page.evaluate(
      ([sheet, address]) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.sheet(sheet!).cell(address!)?.formula,
      [SHEETS.unit, `B${unitResultRow('outcome')}`],
    );
    expect(written).toMatch(/^=/);
    expect(await seriousViolations(page, pages.origin)).toEqual([]);
  });

  it('selects the cell of a problem in Excel when it is clicked', async () => {
    const page = await openPane('excel pane show cell', '?fakeProblem=1');
    await page.getByRole('tab', { name: /Dữ liệu/ }).click();
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    const goToCell = page.getByRole('button', { name: /^Đến ô/ }).first();
    await goToCell.waitFor({ timeout: 60_000 });
    await expect(page.getByText(/“chắc vậy”/).first().isVisible()).resolves.toBe(true);
    await pages.session.shot('data checked');
    const label = /^Đến ô (.+)!([A-Z]+\d+)$/.exec(await goToCell.innerText());
    expect(label?.[1]).toBe(SHEETS.members);
    await goToCell.click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.selection() !== null);
    const selection = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.selection());
    expect(selection).toEqual({ sheet: SHEETS.members, address: label![2] });
  });

  it('outside Excel, says so and links to the preview', async () => {
    const page = await openPane('excel pane outside excel', '?fakeHost=none');
    const link = page.getByRole('link', { name: 'Mở bản xem trước trên trình duyệt' });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe('preview.html');
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/chạy bên trong Excel/);
    await pages.session.shot('outside excel');
  });

  it(`refuses to start on an Excel older than ExcelApi ${MINIMUM_API}, with what to do`, async () => {
    const page = await openPane('excel pane old excel', '?fakeApi=1.3');
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(new RegExp(`ExcelApi ${MINIMUM_API.replace('.', '\\.')}.*cập nhật Office`));
    await pages.session.shot('excel too old');
  });
});
