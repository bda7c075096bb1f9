/**
 * How the data sheets print: A4 (never the printer's Letter default), all columns on one
 * page wide (a table too wide for that: widePage, its title in the page header), the header row
 * repeated on every page.
 * Documents have their own geometry (sheets/documentLayout.ts).
 */
import { PAGE_COUNT, PAGE_NUMBER, type HeaderFooterSections, type PageSetup } from '../workbook/port';
import { columnLetter } from '../workbook/a1';
import { headerFooterCode, MAX_HEADER_FOOTER } from '../workbook/headerFooter';
import { t, type Lang } from '../i18n';

/** Narrower than the documents' NĐ 30 margins: these are working tables, not letters. */
const DATA_MARGINS_CM = { top: 1.5, bottom: 1.5, left: 1.5, right: 1.2 };

export function dataPage(orientation: 'portrait' | 'landscape', headerRow?: number): PageSetup {
  return {
    paperSize: 'A4',
    orientation,
    margins: { ...DATA_MARGINS_CM },
    fitToWidth: true,
    ...(headerRow ? { printTitleRows: `${headerRow}:${headerRow}` } : {}),
  };
}

/** The data text (11 pt) prints at 8.8 pt: above the ~8 pt a filed table is still read at, and fewer pages across than at 100%. */
const WIDE_TABLE_SCALE = 80;

/** Room above the table for a two-line page header (Excel prints it 0.3" from the paper's top edge). */
const HEADED_TOP_CM = 2.2;

/** Room below the table for a footer of up to three lines (Excel prints it 0.3" from the paper's bottom edge). */
const FOOTNOTED_BOTTOM_CM = 2.6;

/**
 * A table far wider than a page (the consolidation's 30-odd columns printed at 3–5 pt fitted to
 * one A4 width): printed at WIDE_TABLE_SCALE across as many pages as it takes, the header row at
 * the top and its first `titleColumns` columns (what names each row) at the left of every page,
 * the pages of a band of rows one after another (over, then down). The `title` lines print in
 * the page header, the `footnote` lines (what the table was made from) at the left of the footer.
 */
export function widePage(headerRow: number, titleColumns: number, title: readonly string[], lang: Lang, footnote: readonly string[] = []): PageSetup {
  const page = dataPage('landscape', headerRow);
  const pageOf = t(lang, 'print.pageOf', { page: PAGE_NUMBER, pages: PAGE_COUNT });
  return {
    ...page,
    margins: { ...page.margins!, top: HEADED_TOP_CM, ...(footnote.length ? { bottom: FOOTNOTED_BOTTOM_CM } : {}) },
    fitToWidth: false,
    scale: WIDE_TABLE_SCALE,
    printTitleColumns: `A:${columnLetter(titleColumns)}`,
    pageOrder: 'overThenDown',
    // Title lines in cells print only on the page of the first columns, cut at its edge: the
    // page header and footer carry them whole on every page (the print area starts at the heading row).
    header: { center: fitSection(title, 'center', {}) },
    footer: footnote.length ? { left: fitSection(footnote, 'left', { right: pageOf }), right: pageOf } : { center: pageOf },
  };
}

/**
 * The lines as one header or footer section beside `others`, the last one cut (with "…") until
 * the whole holds Excel's 255 characters with its codes.
 */
export function fitSection(lines: readonly string[], section: keyof HeaderFooterSections, others: HeaderFooterSections): string {
  const text = lines.join('\n');
  const fits = (s: string) => headerFooterCode({ ...others, [section]: s }).length <= MAX_HEADER_FOOTER;
  if (fits(text)) return text;
  let cut = text;
  while (cut.length > 0 && !fits(`${cut}…`)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
