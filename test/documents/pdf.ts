/** Print sheets of a workbook to PDF with LibreOffice and read the pages back (poppler). */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { convert } from '../support/libreoffice';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** The text in reading order (pdftotext without -layout): a table cell's wrapped lines stay together. */
  flow: string;
  /** Each word where it is drawn (points from the top left), in the order pdftotext reads them. */
  words: PdfWord[];
}

export interface PdfWord {
  x: number;
  y: number;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** pdftotext -bbox's words, page by page. */
function wordsOf(pdf: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: m[3]!.replace(/&(\w+);/g, (e, name: string) => ENTITIES[name] ?? e),
    })),
  );
}

/** The words drawn from `left` to `right` (points) on a page, line by line: a table column's text, each cell's lines together. */
export function columnText(page: PdfPage, left: number, right: number): string {
  return page.words
    .filter((w) => w.x >= left && w.x < right)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((w) => w.text)
    .join(' ');
}

/**
 * Column widths are counted in the default font's digits (Calibri): without its metric twin
 * Carlito, LibreOffice draws every column ~30% wider than Excel and pages would not compare.
 * Times New Roman and Arial (the documents, the consolidated table) become Liberation Serif and
 * Sans; Debian's fonts-liberation 1.x has no Vietnamese letters, so LibreOffice takes “ệ”, “ợ” …
 * from another font and pdftotext reads “Tỷ lệ” as “Tỷ l ệ”: fonts-liberation2 has them.
 */
export function requirePrintFonts(): void {
  const found = execFileSync('fc-list', [':family=Carlito'], { encoding: 'utf8' }).trim();
  if (!found) throw new Error('The PDF tests need the Carlito font (metric-compatible Calibri): apt-get install -y fonts-crosextra-carlito');
  const vietnamese = new Set(execFileSync('fc-list', [':charset=1ec7', 'file'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/:\s*$/, '').trim()));
  for (const family of ['Times New Roman', 'Arial']) {
    const file = execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8' }).trim();
    if (!vietnamese.has(file)) throw new Error(`The PDF tests need a ${family} with Vietnamese letters; this machine draws it with ${file}, which has none: apt-get install -y fonts-liberation2`);
  }
}

/** Only `sheets` are printed (the others are hidden in a copy); pages come in tab order. */
export async function printSheets(wb: ExcelJsWorkbook, sheets: string[], keep?: string): Promise<PdfPage[]> {
  requirePrintFonts();
  // In memory, not through a reload: ExcelJS does not read page breaks back from a file.
  const order = wb.workbook.worksheets;
  const saved = order.map((ws) => ({ state: ws.state, views: ws.views, printArea: ws.pageSetup.printArea }));
  const bookViews = wb.workbook.views;
  const first = order.findIndex((ws) => sheets.includes(ws.name));
  order.forEach((ws) => {
    ws.state = sheets.includes(ws.name) ? 'visible' : 'hidden';
    // LibreOffice prints a hidden sheet's print area (the consolidated table sets one).
    if (!sheets.includes(ws.name)) ws.pageSetup.printArea = undefined;
    ws.views = [{ ...(ws.views?.[0] ?? {}), tabSelected: order.indexOf(ws) === first } as unknown as (typeof ws.views)[number]];
  });
  wb.workbook.views = [{ x: 0, y: 0, width: 12000, height: 24000, activeTab: first, firstSheet: first, visibility: 'visible' }];
  let bytes: Uint8Array;
  try {
    bytes = await wb.toBuffer();
  } finally {
    order.forEach((ws, i) => {
      ws.state = saved[i]!.state;
      ws.views = saved[i]!.views;
      ws.pageSetup.printArea = saved[i]!.printArea;
    });
    wb.workbook.views = bookViews;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-docs-'));
  const file = path.join(dir, 'hoso.xlsx');
  fs.writeFileSync(file, bytes);
  const pdf = await convert(file, 'pdf', dir);
  if (keep) fs.copyFileSync(pdf, keep);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const flows = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
  const words = wordsOf(pdf);
  fs.rmSync(dir, { recursive: true, force: true });
  return sizes.map((s, i) => ({ ...s, text: texts[i] ?? '', flow: flows[i] ?? '', words: words[i] ?? [] }));
}

/** Text without any white space: pdftotext splits justified words ("h ọc"), so compare this. */
export function squeeze(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

export const isA4Portrait = (p: PdfPage) => Math.round(p.width) === 595 && Math.round(p.height) === 842;
export const isA4Landscape = (p: PdfPage) => Math.round(p.width) === 842 && Math.round(p.height) === 595;
