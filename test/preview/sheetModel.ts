/** A preview sheet model for the grid's and the print layout's tests. */
import type { SheetModel } from '../../src/hosts/preview/packageModel';

/** A sheet model with a worksheet's defaults: one cell format ('General'), the 1900 date system, nothing hidden or merged. */
export function sheetModel(over: Partial<SheetModel>): SheetModel {
  return {
    name: 'Trang',
    role: null,
    values: [],
    styleIds: new Map(),
    formulas: new Map(),
    uncached: new Set(),
    columns: new Map(),
    defaultColumnWidth: 8.43,
    rows: new Map(),
    defaultRowHeightPt: 15,
    merges: [],
    validations: [],
    print: { orientation: 'portrait', margins: { top: 1.9, bottom: 1.9, left: 1.8, right: 1.8 }, fit: null, scale: 100, printArea: null, rowBreaks: [], columnBreaks: [], orientationSet: false, titleRows: null, titleColumns: null, overThenDown: false },
    formats: [{ numFmt: 'General' }],
    date1904: false,
    frozen: { rows: 0, columns: 0 },
    locked: null,
    ...over,
  };
}
