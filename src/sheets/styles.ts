/** The few looks every sheet shares, so the add-in's sheets read as one product. */
import type { CellStyle } from '../workbook/port';

export const FONT = 'Times New Roman';

/** Size of the data sheets' text (the workbook's default font size). */
export const DATA_FONT_SIZE = 11;

export const STYLE = {
  title: { bold: true, fontSize: 14, fontName: FONT, horizontal: 'left' } satisfies CellStyle,
  hint: { italic: true, fontSize: 10, fontColor: '#555555', fontName: FONT } satisfies CellStyle,
  header: { bold: true, fill: '#DDEBF7', border: 'thin', wrap: true, vertical: 'middle', horizontal: 'center', fontName: FONT } satisfies CellStyle,
  ownedHeader: { bold: true, fill: '#E7E6E6', border: 'thin', wrap: true, vertical: 'middle', horizontal: 'center', fontName: FONT } satisfies CellStyle,
  body: { border: 'thin', vertical: 'top', wrap: true, fontName: FONT } satisfies CellStyle,
  owned: { border: 'thin', vertical: 'top', fill: '#F2F2F2', fontName: FONT } satisfies CellStyle,
  criterionRow: { bold: true, fill: '#FFF2CC', border: 'thin', wrap: true, vertical: 'top', fontName: FONT } satisfies CellStyle,
  section: { bold: true, fontName: FONT, fill: '#E2EFDA' } satisfies CellStyle,
  percent: { numberFormat: '0.0%' } satisfies CellStyle,
  text: { numberFormat: '@' } satisfies CellStyle,
};
