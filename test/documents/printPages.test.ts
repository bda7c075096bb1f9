/**
 * Row breaks of a sheet printed at a scale: each page filled, a row kept with the next going over
 * with it, the print titles taking room on the pages after theirs; past Excel's 1,023 manual
 * breaks, fit-to-width without breaks.
 */
import type { PageSetup } from '../../src/workbook/port';
import { MAX_ROW_BREAKS, pagedSetup, rowBreaks, scaleToWidth, type PrintRows } from '../../src/sheets/printPages';

const CM_TO_PT = 72 / 2.54;
/** Landscape A4 inside the 2 cm top and bottom margins, less the 10 pt kept at the foot. */
const room = (21 - 4) * CM_TO_PT - 10;
/** 20 pt rows as Excel draws them: whole pixels, 27 px = 20.25 pt. */
const perPage = Math.floor(room / 20.25);
/** The breaks, which these sheets always get (a few pages). */
const breaks = (r: PrintRows, scale = 100) => rowBreaks(r, scale, 'landscape') ?? [];
const rows = (n: number, extra: Partial<PrintRows> = {}): PrintRows => ({ first: 1, last: n, height: () => 20, keepWithNext: () => false, ...extra });

describe('row breaks for a sheet printed at a scale', () => {
  it('fills each page and breaks before the row that would not fit', () => {
    expect(breaks(rows(100))).toEqual([1, 2, 3, 4].map((i) => 1 + i * perPage).filter((r) => r <= 100));
  });

  it('at a smaller scale, more rows a page', () => {
    expect(breaks(rows(100), 50)[0]).toBe(1 + Math.floor((room * 2) / 20.25));
  });

  it('a row kept with the next goes over with it; the print titles take room on the pages after theirs', () => {
    expect(breaks(rows(100, { keepWithNext: (r) => r === perPage }))[0]).toBe(perPage);
    const titled = breaks(rows(100, { titleRow: 3 }));
    expect(titled[1]! - titled[0]!).toBe(perPage - 1);
  });

  it('a kept group taller than a page breaks where the page ends', () => {
    expect(breaks(rows(100, { keepWithNext: () => true }))[0]).toBe(perPage + 1);
  });

  it('more pages than Excel\'s 1,023 manual breaks: none given (the caller falls back to fit-to-width)', () => {
    expect(rowBreaks(rows(30_000), 100, 'landscape')).toBeNull();
  });

  it('the scale: the largest whole percentage at which the columns fit, never above 100%', () => {
    // 128 units: Excel 7·w + 5 px = 698 pt, LibreOffice 5.547 pt a unit = 710 pt, the page 700 pt.
    expect(scaleToWidth([11, 39, 24, 12, 12, 15, 15], 'landscape')).toBe(98);
    expect(scaleToWidth([10, 10], 'landscape')).toBe(100);
    expect(scaleToWidth(Array.from({ length: 200 }, () => 40), 'landscape')).toBe(10);
  });

  it('the page setup: the scale and the breaks, fit-to-width without breaks past 1,023', () => {
    const base: PageSetup & { orientation: 'landscape' } = { paperSize: 'A4', orientation: 'landscape', printArea: 'A1:G30000' };
    expect(pagedSetup(base, [40, 40], rows(100))).toEqual({ ...base, fitToWidth: false, scale: 100, rowBreaks: breaks(rows(100)) });
    expect(pagedSetup(base, [40, 40], rows(10))).toEqual({ ...base, fitToWidth: false, scale: 100 });
    const huge = pagedSetup(base, [40, 40], rows(30_000));
    expect(huge).toEqual({ ...base, fitToWidth: true });
    expect(MAX_ROW_BREAKS).toBe(1023);
  });
});
