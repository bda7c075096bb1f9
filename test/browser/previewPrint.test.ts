/**
 * Printing from the preview: a dossier document and the summary laid out for paper as their
 * print setup says (A4, orientation, page breaks), printed to PDF by Chromium and read back
 * with poppler. The success message names the print action this page has. A clerk's own sheet
 * too wide for the page is not shrunk to unreadable: landscape, its columns split across pages
 * with its print titles repeated on each; with no print titles, its frozen rows and columns. A
 * sheet set to fit one page prints on one page.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { seriousViolations, useBrowserPages } from './support/browser';
import { madeWorkbook, openFile } from './support/grid';
import { ROOT } from './support/build';
import { SHEETS } from '../../src/sheets/names';
import { DOCUMENT_SHEETS } from '../../src/documents/names';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import JSZip from 'jszip';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const pages = useBrowserPages();
const pane = (page: Page) => page.getByRole('region', { name: 'Ngăn ĐVHT' });

interface Pdf {
  sizes: { width: number; height: number }[];
  text: string;
}

function readPdf(file: string): Pdf {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) }));
  return { sizes, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC') };
}

/** Prints the shown sheet with the page's button (the dialog stubbed: Chromium prints the same layout to PDF). */
async function printShown(page: Page, sheet: string, name: string): Promise<{ pdf: Pdf; breaks: number }> {
  await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'In / lưu PDF' }).click();
  const layout = page.locator(`.dvht-print[data-sheet="${sheet}"]`);
  await layout.waitFor({ state: 'attached' });
  const breaks = await layout.locator('tr').evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).style.breakBefore === 'page').length);
  const file = path.join(ROOT, 'test-output', 'browser', `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (process.env.SHOTS_DIR) fs.copyFileSync(file, path.join(process.env.SHOTS_DIR, `preview-print-${name}.pdf`));
  // Back on screen: the print layout goes when the dialog closes.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await layout.waitFor({ state: 'detached' });
  return { pdf: readPdf(file), breaks };
}

/** A clerk's workbook made by openpyxl (support/makeXlsx.py `kind`), opened in the preview on its sheet. */
async function openMade(kind: string, sheet: string, name: string): Promise<Page> {
  const page = await openFile(pages, name, madeWorkbook(kind));
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
  return page;
}

describe('printing from the preview', () => {
  it('prints a document and the summary as A4 pages, one page per planned page', async () => {
    const { page } = await pages.open('preview print');
    await page.goto(`${pages.origin}/preview.html`);
    await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
    await page.getByText(/Đã tạo sổ mẫu/).waitFor();
    await pane(page).getByRole('tab', { name: /Đánh giá/ }).click();
    await pane(page).getByRole('button', { name: 'Đánh giá', exact: true }).click();
    await pane(page).getByTestId('outcome').waitFor({ timeout: 60_000 });
    await pane(page).getByRole('tab', { name: /Hồ sơ/ }).click();
    await pane(page).getByRole('button', { name: 'Lập hồ sơ' }).click();
    // The message names the action this page has, not Excel's menu.
    await pane(page).getByRole('group').getByText(/Đã lập 8 văn bản.*“In \/ lưu PDF”/).waitFor({ timeout: 60_000 });
    expect(await pane(page).getByText(/Tệp → In/).count()).toBe(0);
    await pages.session.shot('documents generated');
    expect(await seriousViolations(page, pages.origin)).toEqual([]);

    const letter = await printShown(page, DOCUMENT_SHEETS.toTrinh, 'to-trinh');
    expect(letter.pdf.sizes.length).toBe(letter.breaks + 1);
    expect(letter.pdf.sizes.every((s) => s.width === 595 && s.height === 842)).toBe(true);
    expect(letter.pdf.text).toContain('TỜ TRÌNH');
    expect(letter.pdf.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    const summary = await printShown(page, SHEETS.summary, 'tong-hop');
    expect(summary.pdf.sizes.length).toBeGreaterThanOrEqual(summary.breaks + 1);
    expect(summary.pdf.sizes.every((s) => Math.min(s.width, s.height) === 595 && Math.max(s.width, s.height) === 842)).toBe(true);
    await pages.session.shot('after printing');
  });
});

describe('printing a clerk’s sheet wider than the page', () => {
  it('prints 40 columns landscape at full size, split across pages, with the title row and column on every page', async () => {
    const page = await openMade('print-wide', 'In rộng', 'preview print wide');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'In / lưu PDF' }).click();
    const layout = page.locator('.dvht-print[data-sheet="In rộng"]');
    await layout.waitFor({ state: 'attached' });
    // Not shrunk: every table of the layout at 100 %.
    const zooms = await layout.locator('table').evaluateAll((ts) => ts.map((t) => getComputedStyle(t).zoom));
    expect(zooms.length).toBeGreaterThan(1);
    expect(new Set(zooms)).toEqual(new Set(['1']));
    const out = path.join(ROOT, 'test-output', 'browser', 'print-wide.pdf');
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    if (process.env.SHOTS_DIR) fs.copyFileSync(out, path.join(process.env.SHOTS_DIR, 'preview-print-wide.pdf'));
    const pdf = readPdf(out);
    expect(pdf.sizes.length).toBeGreaterThan(1);
    expect(pdf.sizes.every((s) => s.width === 842 && s.height === 595)).toBe(true);
    const pageTexts = pdf.text.split('\f').filter((t) => t.trim() !== '');
    expect(pageTexts.length).toBe(pdf.sizes.length);
    // Each page: the title row (its "Họ và tên") and the title column (the members' names, cut at the column's edge as in Excel).
    for (const t of pageTexts) {
      expect(t).toContain('Họ và tên');
      expect(t).toContain('Thành viên');
    }
    // Every column is printed somewhere, the last one too.
    expect(pdf.text).toContain('Câu 40');
    expect(pdf.text).toContain('3140');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await layout.waitFor({ state: 'detached' });
  });
});

describe('printing a sheet set to fit one page', () => {
  it('prints it on one page, shrunk, as Excel does (its manual break ignored)', async () => {
    const page = await openMade('print-fit', 'Vừa một trang', 'preview print fit');
    const { pdf, breaks } = await printShown(page, 'Vừa một trang', 'print-fit');
    expect(breaks).toBe(0);
    expect(pdf.sizes).toEqual([{ width: 595, height: 842 }]);
    // The first and the last cells both on that page.
    expect(pdf.text).toContain('Họ và tên');
    expect(pdf.text).toContain('6140');
  });
});

describe('printing a sheet with frozen panes and no print titles', () => {
  it('repeats the frozen heading row and name column on every page', async () => {
    const page = await openMade('print-frozen', 'In cố định', 'preview print frozen');
    const { pdf } = await printShown(page, 'In cố định', 'print-frozen');
    const pageTexts = pdf.text.split('\f').filter((t) => t.trim() !== '');
    // 80 members over 40 columns: pages down and across.
    expect(pageTexts.length).toBeGreaterThan(2);
    for (const t of pageTexts) {
      expect(t).toContain('Họ và tên');
      expect(t).toContain('Thành viên');
    }
    // The last member's last answer (8140) on a page of the last columns, under their heading.
    expect(pageTexts.some((t) => t.includes('8140') && t.includes('Câu 40'))).toBe(true);
  });
});

describe('a printed row fitted to its text', () => {
  it('is as tall as the lines its wrapped text takes on paper: rows of as many printed lines are as tall', async () => {
    // The same words after a few narrow characters more row after row, in a wrapped column: each line ends a
    // fraction of a character further along, some just short of the column's edge.
    const words = 'Giáo viên dạy giỏi cấp tỉnh';
    const texts = Array.from({ length: 70 }, (_, i) => `${'i'.repeat(i % 10)}${'.'.repeat(Math.floor(i / 10))} ${words}`);
    const workbook = await XlsxWorkbook.create('in.xlsx', NODE_XLSX);
    await workbook.batch(async (session) =>
      session.write({
        sheet: 'Ghi chú',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: texts.map((t) => [t]) }],
        styles: [{ range: `A1:A${texts.length}`, style: { wrap: true, fontName: 'Times New Roman' } }],
        columns: [{ index: 1, width: 24 }],
      }),
    );
    const page = await openFile(pages, 'preview print row heights', { name: 'in.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.toBytes()) });
    await page.getByRole('tablist', { name: 'Các trang tính' }).getByRole('tab', { name: 'Ghi chú', exact: true }).click();
    await page.locator('table[data-sheet="Ghi chú"]').waitFor();
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'In / lưu PDF' }).click();
    const layout = page.locator('.dvht-print[data-sheet="Ghi chú"]');
    await layout.waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    // Each printed row: how many lines its text takes on paper, and how tall the row is.
    const rows = await layout.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const range = document.createRange();
        range.selectNodeContents(tr.querySelector('td')!);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: tr.textContent, lines: tops.size, height: Math.round(tr.getBoundingClientRect().height) };
      }),
    );
    await page.emulateMedia({ media: null });
    expect(rows).toHaveLength(texts.length);
    const heightsOf = new Map<number, Set<number>>();
    for (const r of rows) heightsOf.set(r.lines, (heightsOf.get(r.lines) ?? new Set()).add(r.height));
    // Both one-line and two-line rows, and one height for each count of lines.
    expect([...heightsOf.keys()].sort()).toEqual(expect.arrayContaining([1, 2]));
    expect(Object.fromEntries([...heightsOf].map(([lines, heights]) => [lines, [...heights].sort((a, b) => a - b)]))).toEqual(
      Object.fromEntries([...heightsOf].map(([lines, heights]) => [lines, [Math.min(...heights)]])),
    );
  });
});

describe('printing a sheet with a page header and footer', () => {
  it('prints the header and the footer on every page, each page numbered out of the count, as Excel does', async () => {
    const title = 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”';
    // 40 columns over 60 rows at full size: pages across and down, the title cells of row 1 left out of the print area.
    const columns = Array.from({ length: 40 }, (_, c) => `Cột ${c + 1}`);
    const rows = Array.from({ length: 60 }, (_, r) => columns.map((_, c) => (r + 1) * 100 + c + 1));
    const workbook = await XlsxWorkbook.create('in.xlsx', NODE_XLSX);
    await workbook.batch(async (session) =>
      session.write({
        sheet: 'Tổng hợp',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: [[title], columns, ...rows] }],
        page: {
          paperSize: 'A4',
          orientation: 'landscape',
          printArea: `A2:AN61`,
          printTitleRows: '2:2',
          pageOrder: 'overThenDown',
          header: { center: `${title}\nĐơn vị tổng hợp: UBND xã Hòa Bình & Trường A` },
          footer: { center: 'Trang {page}/{pages}' },
        },
      }),
    );
    const page = await openFile(pages, 'preview print header', { name: 'in.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.toBytes()) });
    const { pdf } = await printShown(page, 'Tổng hợp', 'print-header');
    const pageTexts = pdf.text.split('\f').filter((t) => t.trim() !== '');
    expect(pageTexts.length).toBeGreaterThan(2);
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(pageTexts.map((t) => [flat(t).includes(title), flat(t).includes('Đơn vị tổng hợp: UBND xã Hòa Bình & Trường A'), /Trang (\d+)\/(\d+)/.exec(t)?.slice(1).join('/')])).toEqual(
      pageTexts.map((_, i) => [true, true, `${i + 1}/${pageTexts.length}`]),
    );
  });
});

describe('printing a sheet whose first page and even pages have their own header and footer', () => {
  it('prints the first page’s on page 1, the even pages’ on pages 2, 4 …, the odd pages’ on the others, _xHHHH_ escapes read back', async () => {
    const rows = Array.from({ length: 150 }, (_, r) => [`Người ${r + 1}`, r + 1]);
    const workbook = await XlsxWorkbook.create('in.xlsx', NODE_XLSX);
    await workbook.batch(async (session) =>
      session.write({ sheet: 'Danh sách', mode: 'ensure', cells: [{ at: 'A1', rows: [['Họ và tên', 'Số'], ...rows] }], page: { paperSize: 'A4', header: { center: 'x' } } }),
    );
    // The project writes only the odd pages' header (as Office.js sets it): the rest as Excel writes it.
    // "_x000D_\n" is a line break as a .NET producer writes it (CR escaped, ST_Xstring); "_x2013_" an en dash.
    const headerFooter =
      '<headerFooter differentFirst="1" differentOddEven="1">' +
      '<oddHeader>&amp;CTrang lẻ_x000D_\nDòng hai</oddHeader><oddFooter>&amp;RLẻ &amp;P/&amp;N</oddFooter>' +
      '<evenHeader>&amp;LTrang chẵn</evenHeader><evenFooter>&amp;LChẵn &amp;P/&amp;N</evenFooter>' +
      '<firstHeader>&amp;CDANH SÁCH 2025_x2013_2026</firstHeader><firstFooter>&amp;CĐầu &amp;P/&amp;N</firstFooter>' +
      '</headerFooter>';
    const zip = await JSZip.loadAsync(await workbook.toBytes());
    const [part] = Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/') && f.endsWith('.xml'));
    const xml = await zip.file(part!)!.async('string');
    expect(xml).toMatch(/<headerFooter>.*<\/headerFooter>/s);
    zip.file(part!, xml.replace(/<headerFooter>.*<\/headerFooter>/s, headerFooter));
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });

    const page = await openFile(pages, 'preview print first and even headers', { name: 'in.xlsx', mimeType: XLSX_MIME, buffer });
    const { pdf } = await printShown(page, 'Danh sách', 'print-first-even');
    const pageTexts = pdf.text.split('\f').filter((t) => t.trim() !== '');
    expect(pageTexts.length).toBeGreaterThanOrEqual(3);
    const n = pageTexts.length;
    const printed = (t: string) => ({
      header: ['DANH SÁCH 2025–2026', 'Trang chẵn', 'Trang lẻ\nDòng hai'].filter((h) => t.includes(h)),
      footer: /(Đầu|Chẵn|Lẻ) (\d+)\/(\d+)/.exec(t)?.[0],
      escapes: t.includes('_x'),
    });
    expect(pageTexts.map(printed)).toEqual(
      pageTexts.map((_, i) =>
        i === 0
          ? { header: ['DANH SÁCH 2025–2026'], footer: `Đầu 1/${n}`, escapes: false }
          : i % 2 === 1
            ? { header: ['Trang chẵn'], footer: `Chẵn ${i + 1}/${n}`, escapes: false }
            : { header: ['Trang lẻ\nDòng hai'], footer: `Lẻ ${i + 1}/${n}`, escapes: false },
      ),
    );
  });
});
