/** A preview sheet model for the grid's and the print layout's tests, and the grid's messages as they read them. */
import { parseSheetParts, type SheetModel } from '../../src/hosts/preview/packageModel';
import type { GridMessages } from '../../src/hosts/preview/SheetGrid';

export const gridMessages: GridMessages = {
  readOnly: () => 'chỉ đọc',
  dropdown: (cell) => `Chọn giá trị cho ô ${cell}`,
  editor: (cell) => `Sửa ô ${cell}`,
  uncalculated: { mark: 'chưa tính', tooltip: 'chưa tính lại' },
};

/** A sheet model with a worksheet's defaults (those the reader gives an empty one): one cell format ('General'), the 1900 date system, nothing hidden or merged. */
export function sheetModel(over: Partial<SheetModel>): SheetModel {
  const raw = parseSheetParts('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
  return {
    ...raw,
    name: 'Trang',
    role: null,
    values: [],
    validations: [],
    print: { ...raw.print, printArea: null, titleRows: null, titleColumns: null },
    formats: [{ numFmt: 'General' }],
    date1904: false,
    locked: null,
    ...over,
  };
}
