/**
 * What the preview grid reads from a package: a workbook written by another producer
 * (ExcelJS) shows its styles, wrapped text, row heights, merges, dropdowns and print setup.
 */
import * as ExcelJS from 'exceljs';
import { changedRows, PackageReader, printTitles } from '../../src/hosts/preview/packageModel';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { editCells } from '../../src/usecases/editCells';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { parseClipboard } from '../../src/hosts/preview/SheetGrid';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

async function school(): Promise<PackageReader> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  const lists = wb.addWorksheet('Danh mục');
  lists.getCell('A1').value = 'Có';
  lists.getCell('A2').value = 'Không';
  lists.getCell('A3').value = 'Có'; // repeated: listed once
  ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ';
  ws.getCell('A1').font = { bold: true, color: { argb: 'FF1F4E79' } };
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = 'Một đoạn ghi chú dài cần xuống dòng trong ô để đọc được hết nội dung của nó';
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('B2').value = 'Ghi chú';
  ws.getCell('B2').font = { name: 'Times New Roman', size: 13, underline: true };
  ws.getCell('B3').value = 0.875;
  ws.getCell('B3').numFmt = '0.0%';
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  ws.getCell('C3').value = { formula: 'B3*2', result: 1.75 };
  ws.getRow(4).height = 30;
  ws.getCell('A5').value = 'dòng ẩn';
  ws.getRow(5).hidden = true;
  ws.getColumn(1).width = 20;
  ws.getColumn(4).hidden = true;
  ws.getCell('B6').dataValidation = { type: 'list', allowBlank: true, formulae: ["'Danh mục'!$A$1:$A$3"] };
  ws.getCell('C6').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Đạt,Không đạt"'] };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, margins: { left: 0.5, right: 0.5, top: 1, bottom: 1, header: 0.3, footer: 0.3 } };
  ws.fillFormula('E7:E9', '$B7+C7*2', [1, 2, 3]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return new PackageReader(await XlsxPackage.open(bytes, NODE_XLSX));
}

describe('PackageReader', () => {
  it('reads values, styles, sizes, merges, dropdowns and the print setup', async () => {
    const reader = await school();
    expect(reader.book().sheets.map((s) => [s.name, s.role])).toEqual([
      ['Danh sách', null],
      ['Danh mục', null],
    ]);
    const m = (await reader.sheet('danh SÁCH'))!;
    expect(m.values[0]![0]).toBe('DANH SÁCH CÁN BỘ');
    expect(m.formulas.get('3:3')).toBe('B3*2');
    // A shared formula (ExcelJS's fillFormula, as Excel writes a filled column): every copy spelled out at its cell.
    expect([7, 8, 9].map((r) => m.formulas.get(`${r}:5`))).toEqual(['$B7+C7*2', '$B8+C8*2', '$B9+C9*2']);
    expect(m.uncached.has('8:5')).toBe(false);
    expect(m.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(m.rows.get(4)).toEqual({ heightPt: 30, hidden: false });
    expect(m.rows.get(5)?.hidden).toBe(true);
    expect(m.columns.get(1)?.width).toBe(20);
    expect(m.columns.get(4)?.hidden).toBe(true);
    expect(m.validations.map((v) => v.values)).toEqual([['Có', 'Không'], ['Đạt', 'Không đạt']]);
    expect(m.print.orientation).toBe('landscape');
    expect(m.print.margins.left).toBeCloseTo(1.27, 2);

    const view = sheetView(m, 'vi-VN', (row, col) => (row === 3 && col === 2 ? 'results' : null));
    expect(view.rows).not.toContain(5);
    expect(view.columns.map((c) => c.letter)).not.toContain('D');
    const title = view.cell(1, 1);
    expect(title.style).toMatchObject({ bold: true, color: '#1F4E79' });
    expect(title.merge).toEqual({ top: 1, left: 1, rowSpan: 1, span: 3 });
    expect(view.cell(1, 2).merge).toEqual(title.merge);
    expect(view.cell(2, 1).style).toMatchObject({ wrap: true, vertical: 'top' });
    // Fonts: the workbook's default (font 0) for the sheet, a cell's own where its style names another.
    expect(view.font).toEqual({ family: 'Calibri, Carlito, sans-serif', sizePt: 11 });
    expect(view.cell(2, 2).style).toMatchObject({ font: '"Times New Roman", "Liberation Serif", Tinos, serif', fontSizePt: 13, underline: true });
    expect(view.cell(2, 1).style?.font).toBeUndefined();
    expect(view.cell(3, 2)).toMatchObject({ text: '87,5%', numeric: true, style: { fill: '#F2F2F2' }, owned: 'results' });
    expect(view.input(3, 3)).toBe('=B3*2');
    expect(view.stored(3, 3)).toEqual({ formula: '=B3*2' });
    expect(view.cell(6, 2).list).toEqual(['Có', 'Không']);
    // Heights as Excel shows them: a set height in points, a wrapped paragraph on several lines.
    const height = (row: number) => view.heights[view.rows.indexOf(row)]!;
    expect(height(4)).toBe(40);
    expect(height(3)).toBe(20);
    expect(height(2)).toBeGreaterThanOrEqual(60);
  });

  it('knows a protected sheet’s locked cells as a write checks them (cell, row, column format) and the structure lock', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bảo vệ');
    const open = wb.addWorksheet('Mở');
    ws.getCell('A1').value = 'khóa';
    ws.getCell('B1').value = 'mở';
    ws.getCell('B1').protection = { locked: false };
    ws.getCell('A3').value = 'dòng mở';
    ws.getRow(3).protection = { locked: false }; // a formatted row: its empty cells are unlocked too
    ws.getColumn(5).protection = { locked: false };
    await ws.protect('', {});
    open.getCell('A1').value = 'x';
    // Past the 200 columns the grid once stopped at.
    open.getCell(1, 300).value = 'cuối';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const reader = new PackageReader(await XlsxPackage.open(bytes, NODE_XLSX));
    expect(reader.book().structureLocked).toBe(false);

    const view = sheetView((await reader.sheet('Bảo vệ'))!, 'vi-VN');
    const locked = (address: string) => view.cell(Number(address.slice(1)), address.charCodeAt(0) - 64).locked === true;
    expect(['A1', 'B1', 'C2', 'C3', 'E9'].map(locked)).toEqual([true, false, true, false, false]);
    const free = sheetView((await reader.sheet('Mở'))!, 'vi-VN');
    expect(free.cell(1, 1).locked).toBeUndefined();
    expect(free.columns.map((c) => c.letter)).toContain('KN');
    expect(free.cell(1, 300).text).toBe('cuối');
  });

  it('reads a sheet again only when its part changed', async () => {
    const reader = await school();
    const a = await reader.sheet('Danh sách');
    const b = await reader.sheet('Danh sách');
    expect(b!.values).toBe(a!.values);
  });

  it('after typing, pasting and clearing, reads the sheet as a fresh read of the file would, keeping the rows not written', async () => {
    const wb = PreviewWorkbook.create('sổ.xlsx');
    await createSheets(wb, sampleUnit({ members: 30, seed: 4 }));
    const reader = await wb.read();
    const fresh = async () => (await new PackageReader(await XlsxPackage.open(await wb.toBuffer(), NODE_XLSX)).sheet(SHEETS.members))!;
    const first = MEMBER_HEADER_ROW + 1;
    const last = MEMBER_HEADER_ROW + 30;
    const steps: [string, { row: number; col: number; value: string | number | { formula: string } | null }[]][] = [
      ['a name typed', [{ row: first + 5, col: 2, value: 'Tên mới' }]],
      ['a block pasted', [20, 21, 22].flatMap((row) => [{ row, col: 2, value: `Dán ${row}` }, { row, col: 3, value: row }, { row, col: 4, value: { formula: '=1+2' } }])],
      ['a row typed below the members', [{ row: last + 12, col: 2, value: 'Dưới cùng' }]],
      ['that row cleared', [{ row: last + 12, col: 2, value: null }]],
      ['the last member cleared', [1, 2, 3, 4].map((col) => ({ row: last, col, value: null }))],
    ];
    let before = (await reader.sheet(SHEETS.members))!;
    for (const [name, edits] of steps) {
      await editCells(wb, SHEETS.members, edits);
      const after = (await reader.sheet(SHEETS.members))!;
      expect({ name, model: after }).toEqual({ name, model: await fresh() });
      // The rows with values not written are the ones read before.
      const written = new Set(edits.map((e) => e.row));
      const kept = before.values.map((row, i) => written.has(i + 1) || row.length === 0 || after.values[i] === row);
      expect({ name, kept: kept.every(Boolean) }).toEqual({ name, kept: true });
      before = after;
    }
  });
  it('a name typed over another keeps the sheet’s styles, formulas and row settings as read (not copied again for a 5,000-member sheet)', async () => {
    const wb = PreviewWorkbook.create('sổ.xlsx');
    await createSheets(wb, sampleUnit({ members: 5000, seed: 4 }));
    const reader = await wb.read();
    const before = (await reader.sheet(SHEETS.members))!;
    const row = MEMBER_HEADER_ROW + 2500;
    await editCells(wb, SHEETS.members, [{ row, col: 2, value: 'Tên gõ đè' }]);
    const after = (await reader.sheet(SHEETS.members))!;
    expect(after.values[row - 1]![1]).toBe('Tên gõ đè');
    expect(after.styleIds).toBe(before.styleIds);
    expect(after.formulas).toBe(before.formulas);
    expect(after.rows).toBe(before.rows);
    expect(after.uncached).toBe(before.uncached);
  });
});

describe('changedRows', () => {
  const part = (rows: string, tail = '') => `<worksheet><sheetData>${rows}</sheetData>${tail}</worksheet>`;
  const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
  const a = [row(1, '<c r="A1"><v>1</v></c>'), row(2, '<c r="A2"><v>2</v></c>'), row(3, '<c r="A3"><v>3</v></c>')];

  it('finds the whole rows a write changed', () => {
    const prev = part(a.join(''));
    const next = part([a[0], row(2, '<c r="A2"><v>22</v></c><c r="B2"><v>5</v></c>'), a[2]].join(''));
    const change = changedRows(prev, next)!;
    expect(prev.slice(change.prevFrom, change.prevTo)).toBe(a[1]);
    expect(next.slice(change.nextFrom, change.nextTo)).toBe(row(2, '<c r="A2"><v>22</v></c><c r="B2"><v>5</v></c>'));
  });

  it('leaves out the used range a write extends, which the grid does not read', () => {
    const prev = `<worksheet><dimension ref="A1:A3"/><sheetData>${a.join('')}</sheetData></worksheet>`;
    const next = `<worksheet><dimension ref="A1:A9"/><sheetData>${a.join('')}${row(9, '<c r="A9"><v>9</v></c>')}</sheetData></worksheet>`;
    const change = changedRows(prev, next)!;
    expect(prev.slice(change.prevFrom, change.prevTo)).toBe('');
    expect(next.slice(change.nextFrom, change.nextTo)).toBe(row(9, '<c r="A9"><v>9</v></c>'));
  });

  it('leaves the part to be read whole when more than rows changed, or rows that cannot be read alone', () => {
    const prev = part(a.join(''));
    expect(changedRows(prev, part(a.join(''), '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'))).toBeNull();
    expect(changedRows(prev, part([a[0], row(2, '<c r="A2"><f t="shared" si="0" ref="A2:A3">A1+1</f><v>2</v></c>'), a[2]].join('')))).toBeNull();
    expect(changedRows(prev, part([a[0], '<row><c r="A2"><v>9</v></c></row>', a[2]].join('')))).toBeNull();
    // A row after the changed ones without its number counts on from theirs.
    const unnumbered = (two: string) => part([a[0], two, '<row><c r="A3"><v>3</v></c></row>'].join(''));
    expect(changedRows(unnumbered(a[1]!), unnumbered(row(2, '<c r="A2"><v>7</v></c>')))).toBeNull();
  });
});

describe('parseClipboard', () => {
  it('splits rows and cells as spreadsheets copy them, quoted cells included', () => {
    expect(parseClipboard('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboard('"x\ty"\t"say ""hi"""\n"two\nlines"\tz')).toEqual([
      ['x\ty', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
    expect(parseClipboard('\t\n\t')).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(parseClipboard('5" nail\tx')).toEqual([['5" nail', 'x']]);
  });
});

describe('print titles', () => {
  it('reads the rows and columns repeated on each page, as Excel and openpyxl spell them', () => {
    expect(printTitles("'Tổng hợp'!$A:$B,'Tổng hợp'!$1:$3")).toEqual({ titleRows: { first: 1, last: 3 }, titleColumns: { first: 1, last: 2 } });
    expect(printTitles("'In rộng'!1:1,'In rộng'!A:A")).toEqual({ titleRows: { first: 1, last: 1 }, titleColumns: { first: 1, last: 1 } });
    expect(printTitles('DanhSach!$5:$5')).toEqual({ titleRows: { first: 5, last: 5 }, titleColumns: null });
    expect(printTitles('')).toEqual({ titleRows: null, titleColumns: null });
  });
});
