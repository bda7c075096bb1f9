/**
 * How the data sheets print: A4 (never the printer's Letter default), all columns on one
 * page wide, the header row repeated on every page. Documents have their own geometry
 * (sheets/documentLayout.ts).
 */
import type { PageSetup } from '../workbook/port';

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
