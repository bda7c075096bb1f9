/** How the file host reads the user's protection (src/workbook/xlsx/protection.ts) and how a batch is judged (src/workbook/protection.ts). */
import { lockedCellIn, sheetProtected, structureLocked } from '../../src/workbook/xlsx/protection';
import { checkProtection, protectedText, WorkbookProtectedError } from '../../src/workbook/protection';
import type { SheetPlan } from '../../src/workbook/port';

const sheet = (body: string, after = '') => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}${after}</worksheet>`;

describe('the protection a file stores', () => {
  it('a structure lock is lockStructure="1" (or true); a windows lock or a bare password is not one', () => {
    expect(structureLocked('<workbook><workbookPr/><workbookProtection lockStructure="1" workbookPassword="CC3D"/><sheets/></workbook>')).toBe(true);
    expect(structureLocked('<x:workbook><x:workbookProtection lockStructure="true"/></x:workbook>')).toBe(true);
    expect(structureLocked('<workbook><workbookProtection lockWindows="1"/></workbook>')).toBe(false);
    expect(structureLocked('<workbook><workbookProtection workbookPassword="CC3D" lockStructure="0"/></workbook>')).toBe(false);
    expect(structureLocked('<workbook><sheets/></workbook>')).toBe(false);
  });

  it('a sheet is protected by sheet="1"; a <sheetProtection> that only keeps a password or options is not', () => {
    expect(sheetProtected(sheet('<sheetData/>', '<sheetProtection sheet="1" objects="1"/>'))).toBe(true);
    expect(sheetProtected(sheet('<x:sheetData></x:sheetData>', '<x:sheetProtection password="CC3D" sheet="true"/>'))).toBe(true);
    expect(sheetProtected(sheet('<sheetData/>', '<sheetProtection password="CC3D"/>'))).toBe(false);
    expect(sheetProtected(sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetProtection sheet="1"</t></is></c></row></sheetData>'))).toBe(false);
  });

  it('a cell is locked unless its format unlocks it: the cell’s own, else its formatted row’s, else its column’s, else format 0', () => {
    const xml = sheet(
      '<cols><col min="3" max="4" style="1"/></cols><sheetData>' +
        '<row r="2"><c r="A2" s="1"/><c r="B2"/><c r="C2"/></row>' +
        '<row r="3" s="1" customFormat="1"><c r="A3" s="0"/></row>' +
        '<row r="4" s="1"/>' +
        '</sheetData>',
    );
    const unlocked = (xf: number) => xf === 1;
    expect(lockedCellIn(xml, ['A2'], unlocked)).toBeNull();
    expect(lockedCellIn(xml, ['A2:B2'], unlocked)).toBe('B2');
    // C2 exists without a format of its own: format 0, locked, whatever its column says.
    expect(lockedCellIn(xml, ['C2'], unlocked)).toBe('C2');
    expect(lockedCellIn(xml, ['B3:D3'], unlocked)).toBeNull();
    expect(lockedCellIn(xml, ['A3'], unlocked)).toBe('A3');
    // Row 4 has a format without customFormat: its cells take their column's.
    expect(lockedCellIn(xml, ['C4:D5'], unlocked)).toBeNull();
    expect(lockedCellIn(xml, ['B5'], unlocked)).toBe('B5');
  });
});

describe('a batch judged against the protection', () => {
  const names = ['A', 'B'];
  const values = (s: string): SheetPlan => ({ sheet: s, mode: 'existing', cells: [{ at: 'B2', rows: [[1, 2], [3]] }], fills: [{ range: 'D2:D9', formula: '=1' }], activate: true });

  it('asks about the rectangles of the values a protected sheet would receive, and nothing about other sheets', () => {
    expect(checkProtection([values('A'), values('b')], names, { structure: true, sheets: ['B'] }, 'f.xlsx')).toEqual([{ sheet: 'B', ranges: ['B2:C3', 'D2:D9'] }]);
  });

  it('a sheet added earlier in the batch is never protected; with the structure locked, adding it is refused', () => {
    const added: SheetPlan = { sheet: 'C', mode: 'ensure', cells: [{ at: 'A1', rows: [[1]] }], styles: [{ range: 'A1', style: { bold: true } }] };
    expect(checkProtection([added, { ...values('C'), styles: [{ range: 'A1', style: { bold: true } }] }], names, { structure: false, sheets: ['C'] }, null)).toEqual([]);
    expect(() => checkProtection([values('A'), added], names, { structure: true, sheets: [] }, null)).toThrow(expect.objectContaining({ kind: 'structure', sheet: 'C' }));
  });

  it('the refusal is worded for the file or the open workbook, in either language', () => {
    expect(new WorkbookProtectedError('cell', 'sổ.xlsx', 'Tiêu chí', 'K5').message).toBe(protectedText('vi', { kind: 'cell', file: 'sổ.xlsx', sheet: 'Tiêu chí', cell: 'K5' }));
    expect(protectedText('vi', { kind: 'cell', file: 'sổ.xlsx', sheet: 'Tiêu chí', cell: 'K5' })).toMatch(/^Sổ “sổ.xlsx”: trang “Tiêu chí” đang được bảo vệ .* ô K5 .*Bỏ bảo vệ trang tính/);
    expect(protectedText('en', { kind: 'sheet', file: null, sheet: 'Tổng hợp', cell: null })).toMatch(/^The open workbook: the sheet “Tổng hợp” is protected .*Review → Unprotect Sheet/);
  });
});
