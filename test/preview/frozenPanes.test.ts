/**
 * Frozen panes (View → Freeze Panes) as Excel, LibreOffice and openpyxl write them, what the
 * grid keeps in view and what printing repeats when the file has no print titles; and a merge
 * whose first row is hidden, which shows its text as LibreOffice does.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PackageReader, parseSheetParts, type SheetModel } from '../../src/hosts/preview/packageModel';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { printedTitles } from '../../src/hosts/preview/PrintSheet';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

/** A workbook of test/browser/support/makeXlsx.py (openpyxl), read as the preview reads it. */
async function openpyxl(kind: string): Promise<SheetModel> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-frozen-')), `${kind}.xlsx`);
  execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'browser', 'support', 'makeXlsx.py'), kind, out]);
  const pkg = await XlsxPackage.open(new Uint8Array(fs.readFileSync(out)), NODE_XLSX);
  return (await new PackageReader(pkg).sheet(pkg.sheets[0]!.name))!;
}

const sheet = (views: string) => `<worksheet><sheetViews>${views}</sheetViews><sheetData/></worksheet>`;

describe('frozen panes', () => {
  it('reads openpyxl’s freeze_panes = "C3" as two rows and two columns frozen', async () => {
    const m = await openpyxl('frozen');
    expect(m.frozen).toEqual({ rows: 2, columns: 2 });
    const view = sheetView(m, 'vi-VN');
    expect(view.frozen).toEqual({ rows: 2, columns: 2 });
  });

  it('reads the spellings of Excel and LibreOffice: rows only, columns only, frozenSplit; a plain split freezes nothing', () => {
    // LibreOffice Calc (View → Freeze Cells at C3).
    expect(parseSheetParts(sheet('<sheetView topLeftCell="A1" workbookViewId="0"><pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"/></sheetView>')).frozen).toEqual({ rows: 2, columns: 2 });
    // Excel: Freeze Top Row.
    expect(parseSheetParts(sheet('<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>')).frozen).toEqual({ rows: 1, columns: 0 });
    // Excel: a split turned into a freeze.
    expect(parseSheetParts(sheet('<sheetView workbookViewId="0"><pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozenSplit"/></sheetView>')).frozen).toEqual({ rows: 0, columns: 1 });
    // Excel: frozen while scrolled to row 5: rows 5–6 frozen, rows above them unreachable there (kept frozen here).
    expect(parseSheetParts(sheet('<sheetView topLeftCell="A5" workbookViewId="0"><pane ySplit="2" topLeftCell="A7" activePane="bottomLeft" state="frozen"/></sheetView>')).frozen).toEqual({ rows: 6, columns: 0 });
    // A split (positions in twentieths of a point), and no pane: nothing frozen.
    expect(parseSheetParts(sheet('<sheetView workbookViewId="0"><pane xSplit="2310" ySplit="1800" topLeftCell="C5" activePane="bottomRight"/></sheetView>')).frozen).toEqual({ rows: 0, columns: 0 });
    expect(parseSheetParts(sheet('<sheetView workbookViewId="0"/>')).frozen).toEqual({ rows: 0, columns: 0 });
    // Only the first view counts (a second window of the workbook may freeze elsewhere).
    expect(parseSheetParts(sheet('<sheetView workbookViewId="0"/><sheetView workbookViewId="1"><pane ySplit="3" state="frozen"/></sheetView>')).frozen).toEqual({ rows: 0, columns: 0 });
  });

  it('counts the frozen rows and columns the grid shows (hidden ones left out)', async () => {
    const m = await openpyxl('frozen');
    const view = sheetView({ ...m, rows: new Map([[1, { hidden: true }]]), columns: new Map([[1, { hidden: true }]]) }, 'vi-VN');
    expect(view.frozen).toEqual({ rows: 1, columns: 1 });
    expect(view.rows.slice(0, 1)).toEqual([2]);
    expect(view.columns[0]!.letter).toBe('B');
  });

  it('prints the frozen rows and columns on each page when the file has no print titles; print titles win', async () => {
    const m = await openpyxl('print-frozen');
    const view = sheetView(m, 'vi-VN', undefined, false);
    expect(printedTitles(view, m.print)).toEqual({ titleRows: { first: 1, last: 1 }, titleColumns: { first: 1, last: 1 } });
    const titled = { ...m.print, titleRows: { first: 1, last: 3 }, titleColumns: null };
    expect(printedTitles(view, titled)).toEqual({ titleRows: { first: 1, last: 3 }, titleColumns: null });
    const none = sheetView({ ...m, frozen: { rows: 0, columns: 0 } }, 'vi-VN', undefined, false);
    expect(printedTitles(none, m.print)).toEqual({ titleRows: null, titleColumns: null });
  });
});

describe('a merge whose first row is hidden', () => {
  it('shows its text over the rows shown, as LibreOffice prints it, and is edited at its first cell', async () => {
    // LibreOffice 7 (soffice --headless --convert-to pdf) prints “Tổ Văn” in the shown part of A3:A8, row 3 hidden.
    const m = await openpyxl('merged-hidden');
    const view = sheetView(m, 'vi-VN');
    expect(view.rows).not.toContain(3);
    const first = view.cell(4, 1);
    expect(first.merge).toEqual({ top: 4, left: 1, rowSpan: 5, span: 1 });
    expect(first.text).toBe('Tổ Văn');
    expect(first.source).toEqual({ row: 3, column: 1 });
    expect(view.input(4, 1)).toBe('Tổ Văn');
    expect(view.cell(5, 1).text).toBe('');
    // A merge drawn whole keeps no source: its first cell is its own.
    expect(view.cell(1, 1).source).toBeUndefined();
  });
});
