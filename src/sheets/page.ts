/**
 * How the data sheets print: A4 (never the printer's Letter default), all columns on one
 * page wide (a table too wide for that: widePage), the header row repeated on every page.
 * Documents have their own geometry (sheets/documentLayout.ts).
 */
import type { PageSetup } from '../workbook/port';
import { columnLetter } from '../workbook/a1';

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

/**
 * A table far wider than a page (the consolidation's 30-odd columns printed at 3–5 pt fitted to
 * one A4 width): printed at WIDE_TABLE_SCALE across as many pages as it takes, the header row at
 * the top and its first `titleColumns` columns (what names each row) at the left of every page,
 * the pages of a band of rows one after another (over, then down).
 */
export function widePage(headerRow: number, titleColumns: number): PageSetup {
  return {
    ...dataPage('landscape', headerRow),
    fitToWidth: false,
    scale: WIDE_TABLE_SCALE,
    printTitleColumns: `A:${columnLetter(titleColumns)}`,
    pageOrder: 'overThenDown',
  };
}
