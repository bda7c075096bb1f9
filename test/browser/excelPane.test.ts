/**
 * The real taskpane.html and Excel entry in Chromium, with office.js replaced by the
 * in-memory Excel of test/support/fakeExcel.ts: a command costs the syncs it should, the
 * page outside Excel points at the preview, and nothing leaves the machine.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { seriousViolations, useBrowserPages } from './support/browser';
import { WEB_ROOT } from './support/build';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';
import { unitResultRow } from '../../src/sheets/unitSheet';
import { MINIMUM_API } from '../../src/workbook/office/requirements';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';

const pages = useBrowserPages();

interface FakeHandle {
  stats: { syncs: number };
  reset(): void;
  sheet(name: string): { value(address: string): unknown; cell(address: string): { formula?: string } | undefined };
  selection(): { sheet: string; address: string } | null;
  type(sheet: string, address: string, value: string | number | null): void;
  liveHandlers(): number;
}

/** What Excel.createWorkbook was handed, read back by the file implementation. */
async function createdWorkbooks(page: Page): Promise<XlsxWorkbook[]> {
  const created = await page.evaluate(() => (window as unknown as { __fakeOfficeFile: { created: string[] } }).__fakeOfficeFile.created);
  return Promise.all(created.map((b64, i) => XlsxWorkbook.open(new Uint8Array(Buffer.from(b64, 'base64')), `created-${i}.xlsx`, NODE_XLSX)));
}

const syncs = (page: Page) => page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.stats.syncs);

async function openPane(name: string, query = ''): Promise<Page> {
  // The width of Excel's task pane.
  const session = await pages.open(name, { width: 420, height: 900 });
  await session.page.goto(`${pages.origin}/taskpane.html${query}`);
  return pages.session.page;
}

describe('the pane inside (fake) Excel', () => {
  it('evaluates in two syncs (one read, one write), one more for the change handlers its result keeps, and writes the outcome into the workbook', async () => {
    const page = await openPane('excel pane evaluate');
    await page.getByRole('tab', { name: /Đánh giá/ }).waitFor();
    // The set-up step reads the workbook once when it opens; let it finish, then count.
    await page.getByText(/Sổ này đã có trang “Thông tin đơn vị”/).waitFor();
    await pages.session.shot('pane opened');

    await page.getByRole('tab', { name: /Đánh giá/ }).click();
    // The set-up step follows the sheet while shown (Excel's change handlers): they go when it is left, then count.
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.liveHandlers() === 0);
    await page.evaluate(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.reset());
    await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const outcome = page.getByTestId('outcome');
    await outcome.waitFor({ timeout: 60_000 });
    await pages.session.shot('evaluated');
    // The result shown, Excel gets the handlers that tell when it is out of date (sheetChanges.ts: a cell changed, a sheet deleted), in one sync.
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.liveHandlers() === 2);
    expect(await syncs(page)).toBe(3);

    // The fake computes only arithmetic, so check that the outcome cell got its formula.
    const written = await page.evaluate(
      ([sheet, address]) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.sheet(sheet!).cell(address!)?.formula,
      [SHEETS.unit, `B${unitResultRow('outcome')}`],
    );
    expect(written).toMatch(/^=/);
    expect(await seriousViolations(page, pages.origin)).toEqual([]);
  });

  it('says the results are out of date when the clerk edits a member in the sheet after evaluating, until the edit is undone', async () => {
    const page = await openPane('excel pane data changed');
    await page.getByRole('tab', { name: /Đánh giá/ }).click();
    await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
    await page.getByTestId('outcome').waitFor({ timeout: 60_000 });
    const at = `F${MEMBER_HEADER_ROW + 1}`;
    const type = (value: string) =>
      page.evaluate(([sheet, address, v]) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.type(sheet!, address!, v!), [SHEETS.members, at, value]);
    const was = String(await page.evaluate(([sheet, address]) => (window as unknown as { __fakeExcel: FakeHandle }).__fakeExcel.sheet(sheet!).value(address!), [SHEETS.members, at]));
    await type(was === 'Có' ? 'Không' : 'Có');
    const hint = page.getByText(/^Số liệu đã thay đổi sau lần đánh giá — đánh giá lại/);
    await hint.waitFor();
    await pages.session.shot('data changed after evaluating');
    await type(was);
    await hint.waitFor({ state: 'detached' });
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
    // A school's pane comes from the province's server: the preview is next to it, not behind a developer's command.
    await expect(page.getByRole('alert').innerText()).resolves.not.toMatch(/npm/);
    await expect(page.getByRole('link', { name: 'Mở bản xem trước trên trình duyệt' }).getAttribute('href')).resolves.toBe('preview.html');
    await pages.session.shot('excel too old');
  });

  it('"Sang năm mới" opens next year’s workbook in Excel, made from the open workbook’s file by a chunk loaded only then', async () => {
    const page = await openPane('excel pane new year');
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) chunks.push(path.basename(new URL(r.url()).pathname));
    });
    await page.getByRole('tab', { name: /Sang năm mới/ }).click();
    await page.getByText(/lưu sổ \(Ctrl\+S\) trước/).waitFor();
    expect(chunks).not.toContain('excel-files.js');
    await page.getByRole('button', { name: 'Tạo sổ năm sau' }).click();
    await page.getByRole('group').getByText(/Đã mở sổ năm 2026 .* thành một sổ mới trong Excel/).waitFor({ timeout: 60_000 });
    // Said to screen readers too (the bar is no live region).
    await expect(page.getByRole('status').filter({ hasText: /^Đã mở sổ năm 2026 .* thành một sổ mới trong Excel/ }).count()).resolves.toBe(1);
    await pages.session.shot('new year opened');
    expect(chunks).toContain('excel-files.js');

    const [next, ...more] = await createdWorkbooks(page);
    expect(more).toEqual([]);
    const parsed = parseUnitWorkbook(await next!.batch((s) => s.read(UNIT_WORKBOOK_SHEETS)));
    if (!parsed.ok) throw new Error('not a unit workbook');
    expect(parsed.workbook.unit.fields.find((f) => f.label === UNIT_FIELDS.year)?.value).toBe(2026);
    expect(parsed.workbook.members.table.rows.length).toBeGreaterThan(10);
    // The open workbook (the fake Excel) was not written: no sync since the pane read it.
    expect(await page.evaluate(() => (window as unknown as { __fakeOfficeFile: { stats: { filesOpen: number } } }).__fakeOfficeFile.stats.filesOpen)).toBe(0);
    expect(await seriousViolations(page, pages.origin)).toEqual([]);
  });

  it('"Giao bộ tiêu chí" opens the units’ starting workbook in Excel, carrying the sealed rule set', async () => {
    const page = await openPane('excel pane handout');
    await page.getByRole('tab', { name: /Tổng hợp đơn vị/ }).click();
    await page.getByRole('button', { name: 'Mở sổ mẫu trong Excel' }).click();
    await page.getByRole('group').getByText(/Đã mở sổ mẫu của bộ tiêu chí/).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: /^Đã mở sổ mẫu của bộ tiêu chí/ }).count()).resolves.toBe(1);
    await pages.session.shot('handout opened');
    const [starter] = await createdWorkbooks(page);
    const criteria = (await starter!.batch((s) => s.read(['Tiêu chí']))).sheets.get('Tiêu chí')!;
    const ruleSet = readCriteriaSheet(criteria).ruleSet;
    expect(ruleSet.id).toMatch(/@[0-9a-f]{16}$/);

    // A unit with its own workbook takes that rule set from the starting workbook, inside Excel too.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-so-mau-')), 'so-mau.xlsx');
    fs.writeFileSync(file, await starter!.toBytes());
    await page.getByRole('tab', { name: /Thiết lập/ }).click();
    await page.getByLabel('Mở tệp bộ tiêu chí được giao…').setInputFiles(file);
    const offered = page.getByRole('radio', { name: new RegExp(ruleSet.name) }).first();
    await page.getByText('Bộ tiêu chí do đơn vị tổng hợp giao (từ tệp)', { exact: false }).waitFor({ timeout: 60_000 });
    await expect(offered.isChecked()).resolves.toBe(true);
    await pages.session.shot('starting workbook chosen in set-up');
  });

  it('on an Excel without the file of the open workbook, says what is missing and where else to do it', async () => {
    const page = await openPane('excel pane new year without file', '?fakeNoFile=1');
    await page.getByRole('tab', { name: /Sang năm mới/ }).click();
    await expect(page.getByText(/Excel này chưa có CompressedFile 1\.1/).innerText()).resolves.toMatch(/dvht new-year/);
    expect(await page.getByRole('button', { name: 'Tạo sổ năm sau' }).count()).toBe(0);
  });

  it('the file implementation is its own chunk: the pane Excel loads does not carry it', () => {
    const chunk = fs.readFileSync(path.join(WEB_ROOT, 'excel-files.js'), 'utf8');
    expect(chunk).toContain('schemas.openxmlformats.org');
    expect(fs.readFileSync(path.join(WEB_ROOT, 'taskpane.js'), 'utf8')).not.toContain('schemas.openxmlformats.org');
  });
});
