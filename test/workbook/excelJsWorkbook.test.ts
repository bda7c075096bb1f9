import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { readWorkbookFile } from '../support/exceljs/files';
import type { SheetPlan, WorkbookSnapshot } from '../../src/workbook/port';

async function roundTrip(wb: ExcelJsWorkbook, formulaResults?: boolean): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(formulaResults === undefined ? {} : { formulaResults }), wb.label);
}

async function readAll(wb: ExcelJsWorkbook, sheets: string[], layout = false): Promise<WorkbookSnapshot> {
  return wb.batch((s) => s.read(sheets, { layout }));
}

async function write(wb: ExcelJsWorkbook, ...plans: SheetPlan[]): Promise<void> {
  await wb.batch(async (s) => plans.forEach((p) => s.write(p)));
}

function rawWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return wb.xlsx.writeBuffer().then((b) => ExcelJsWorkbook.fromBuffer(b as ArrayBuffer, 'raw.xlsx'));
}

const NFD = 'Nguyễn Văn Ánh'.normalize('NFD');

describe('ExcelJsWorkbook values', () => {
  it('round-trips every value type, as Excel shows them', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, {
      sheet: 'Dữ liệu',
      mode: 'ensure',
      cells: [
        {
          at: 'A1',
          rows: [
            ['text', NFD, 42, -1.5, true, false],
            ['=1+1', '0012', '', null, new Date(2024, 4, 1), { formula: '=A2&"x"', result: '=1+1x' }],
            [{ formula: '=1/0', result: { error: '#DIV/0!' } }, { formula: '=SUM(C1:D1)', result: 40.5 }, { formula: '=C1=0', result: false }, { formula: '=0*1', result: 0 }, { formula: '=NA()' }],
          ],
        },
      ],
    });
    const back = await readAll(await roundTrip(wb), ['dữ liệu']);
    const rows = back.sheets.get('dữ liệu')!.rows;
    expect(rows[0]).toEqual(['text', NFD, 42, -1.5, true, false]);
    expect(rows[0]![1]).toBe(NFD); // not normalised on the way
    expect(rows[1]).toEqual(['=1+1', '0012', null, null, 45413, '=1+1x']);
    expect(rows[2]).toEqual([{ error: '#DIV/0!' }, 40.5, false, 0]);
    expect(back.sheetNames).toEqual(['Dữ liệu']);
  });

  it('normalises rich text, hyperlinks, shared formulas, merges and error values', async () => {
    const wb = await rawWorkbook((raw) => {
      const ws = raw.addWorksheet('S');
      ws.getCell('A1').value = { richText: [{ text: 'Đánh ' }, { font: { bold: true }, text: 'giá' }] };
      ws.getCell('B1').value = { text: 'link', hyperlink: 'https://example.com' };
      ws.getCell('C1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('D1').value = new Date(Date.UTC(2024, 0, 15, 12));
      ws.getCell('A2').value = 1;
      ws.getCell('A3').value = 2;
      ws.fillFormula('B2:B3', 'A2*10', [10, 20]);
      ws.getCell('A5').value = 'gộp';
      ws.mergeCells('A5:C5');
      ws.getCell('A7').value = 'ẩn';
      ws.getRow(7).hidden = true;
      ws.getColumn(4).hidden = true;
    });
    const s = (await readAll(wb, ['s'], true)).sheets.get('s')!;
    expect(s.rows[0]).toEqual(['Đánh giá', 'link', { error: '#N/A' }, 45306.5]);
    expect(s.rows[1]).toEqual([1, 10]);
    expect(s.rows[2]).toEqual([2, 20]);
    expect(s.rows[4]).toEqual(['gộp']); // B5, C5 are empty as in Excel
    expect(s.rows[5]).toEqual([]);
    expect(s.merges).toEqual(['A5:C5']);
    expect(s.hiddenRows).toEqual([7]);
    expect(s.hiddenColumns).toEqual([4]);
  });

  it('matches sheet names case-insensitively and NFC-normalised', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'Tổng hợp', mode: 'ensure', cells: [{ at: 'A1', rows: [[1]] }] });
    const asked = 'TỔNG HỢP'.normalize('NFD');
    const snap = await readAll(wb, [asked, 'missing']);
    expect(snap.sheets.get(asked)!.rows).toEqual([[1]]);
    expect(snap.sheets.has('missing')).toBe(false);
    await write(wb, { sheet: 'tổng hợp', mode: 'existing', cells: [{ at: 'B1', rows: [[2]] }] });
    expect((await readAll(wb, ['Tổng hợp'])).sheets.get('Tổng hợp')!.rows).toEqual([[1, 2]]);
  });

  it('writes formulas without cached results when asked', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [[2, { formula: '=A1*2', result: 4 }]] }] });
    const bare = await roundTrip(wb, false);
    expect(bare.workbook.getWorksheet('S')!.getCell('B1').value).toEqual({ formula: 'A1*2' });
    // The in-memory workbook keeps its results.
    const kept = await roundTrip(wb);
    expect(kept.workbook.getWorksheet('S')!.getCell('B1').value).toEqual({ formula: 'A1*2', result: 4 });
  });
});

describe('ExcelJsWorkbook plans', () => {
  it('applies every SheetPlan field and they survive a file round trip', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'Danh mục', mode: 'ensure', cells: [{ at: 'C4', rows: [['x'], ['có']] }] });
    await write(wb, {
      sheet: 'Kết quả',
      mode: 'ensure',
      cells: [{ at: 'A1', rows: [['Tiêu đề', null, null], ['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]] }],
      styles: [
        { range: 'A1:C1', style: { bold: true, italic: true, underline: true, fontName: 'Times New Roman', fontSize: 14, fontColor: '#FF0000', fill: '#FFFF00', horizontal: 'center', vertical: 'middle', wrap: true, border: 'thin' } },
        { range: 'A3:C4', style: { numberFormat: '0.0%' } },
      ],
      columns: [{ index: 1, width: 30 }, { index: 2, hidden: true }],
      rowHeights: [{ index: 1, height: 40 }],
      validations: [
        { range: 'B3:B4', list: ['x', 'có', 'say "hi"'] },
        { range: 'C3:C4', list: { source: "='Danh mục'!$C$4:$C$5" } },
      ],
      merges: ['A1:C1'],
      freeze: { rows: 2, columns: 1 },
      autoFilter: 'A2:C4',
      page: { orientation: 'landscape', paperSize: 'A4', margins: { top: 2.54, bottom: 2, left: 1.27, right: 1 }, fitToWidth: true, printArea: 'A1:C4', printTitleRows: '2:2', rowBreaks: [4] },
      tabColor: '#00AA00',
      after: 'nowhere',
      activate: true,
    });
    const back = await roundTrip(wb);
    const ws = back.workbook.getWorksheet('Kết quả')!;
    const a1 = ws.getCell('A1');
    expect(a1.font).toMatchObject({ bold: true, italic: true, underline: true, name: 'Times New Roman', size: 14, color: { argb: 'FFFF0000' } });
    expect(a1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(a1.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(a1.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('B3').numFmt).toBe('0.0%');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(40);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv['B3']).toMatchObject({ type: 'list', formulae: ['"x,có,say ""hi"""'] });
    expect(dv['B3']!.showErrorMessage).toBeFalsy();
    expect(dv['C4']).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$C$4:$C$5"] });
    expect(ws.model.merges).toEqual(['A1:C1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(ws.autoFilter).toBe('A2:C4');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:C4', printTitlesRow: '2:2' });
    expect(ws.pageSetup.margins).toEqual({ top: 1, bottom: 0.7874, left: 0.5, right: 0.3937, header: 0.3, footer: 0.3 });
    // ExcelJS does not read row breaks back: check the XML (break below row 3 = before row 4).
    const zip = await JSZip.loadAsync(await wb.toBuffer());
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"\/><\/rowBreaks>/);
    expect(ws.properties.tabColor).toEqual({ argb: 'FF00AA00' });
    expect(back.workbook.views[0]!.activeTab).toBe(1);
    expect(back.workbook.worksheets.map((w) => w.name)).toEqual(['Danh mục', 'Kết quả']);
  });

  it('places new sheets after the named one and keeps the position on replace', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'A', mode: 'ensure' }, { sheet: 'B', mode: 'ensure', role: 'b' }, { sheet: 'C', mode: 'ensure' });
    await write(wb, { sheet: 'X', mode: 'ensure', after: 'a' });
    await write(wb, { sheet: 'B', mode: 'replace', role: 'b', cells: [{ at: 'A1', rows: [['mới']] }] });
    let back = await roundTrip(wb);
    expect((await readAll(back, [])).sheetNames).toEqual(['A', 'X', 'B', 'C']);
    expect((await readAll(back, ['B'])).sheets.get('B')!.rows).toEqual([['mới']]);
    await write(back, { sheet: 'Y', mode: 'ensure', after: 'C' }, { sheet: 'Z', mode: 'ensure', after: 'A', activate: true });
    const bytes = await back.toBuffer();
    back = await ExcelJsWorkbook.fromBuffer(bytes, 't.xlsx');
    expect((await readAll(back, [])).sheetNames).toEqual(['A', 'Z', 'X', 'B', 'C', 'Y']);
    expect(back.workbook.views[0]!.activeTab).toBe(1);
    // Exactly one selected tab (several would group the sheets); ExcelJS does not read it back.
    const zip = await JSZip.loadAsync(bytes);
    const sheetFiles = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const selected = await Promise.all(sheetFiles.map(async (f) => (await zip.file(f)!.async('string')).includes('tabSelected="1"')));
    expect(selected.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the active sheet when a sheet is inserted before it', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'A', mode: 'ensure' }, { sheet: 'B', mode: 'ensure', activate: true });
    await write(wb, { sheet: 'New', mode: 'ensure', after: 'A' });
    const back = await roundTrip(wb);
    expect(back.workbook.worksheets[back.workbook.views[0]!.activeTab!]!.name).toBe('B');
  });

  it('replace draws the sheet anew and unmerges', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'S', mode: 'ensure', role: 's', cells: [{ at: 'A1', rows: [['old', 'old2']] }], merges: ['A3:B3'] });
    await write(wb, { sheet: 'S', mode: 'replace', role: 's', cells: [{ at: 'A1', rows: [['new']] }], merges: ['A3:C3'] });
    const s = (await readAll(await roundTrip(wb), ['S'], true)).sheets.get('S')!;
    expect(s.rows).toEqual([['new']]);
    expect(s.merges).toEqual(['A3:C3']);
  });

  it('re-merging over existing merges and clearing ranges works in place', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['T', 'keep']] }], merges: ['A5:B5'], styles: [{ range: 'A1', style: { bold: true } }] });
    await write(wb, { sheet: 'S', mode: 'existing', clear: ['A1:A1'], merges: ['A5:C5'], cells: [{ at: 'A5', rows: [['Tiêu đề', null, null]] }] });
    const back = await roundTrip(wb);
    const s = (await readAll(back, ['S'], true)).sheets.get('S')!;
    expect(s.rows[0]).toEqual([null, 'keep']);
    expect(s.rows[4]).toEqual(['Tiêu đề']); // nulls into merged cells did not blank the master
    expect(s.merges).toEqual(['A5:C5']);
    expect(back.workbook.getWorksheet('S')!.getCell('A1').font?.bold).toBeFalsy();
  });

  it("'existing' throws naming the sheet, and nothing is applied", async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await expect(write(wb, { sheet: 'A', mode: 'ensure' }, { sheet: 'Thiếu', mode: 'existing' })).rejects.toThrow(/Thiếu/);
    expect((await readAll(wb, [])).sheetNames).toEqual([]);
  });

  it('rejects list items Excel cannot hold literally', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await expect(write(wb, { sheet: 'A', mode: 'ensure', validations: [{ range: 'A1', list: ['a,b'] }] })).rejects.toThrow(/comma/);
    await expect(write(wb, { sheet: 'A', mode: 'ensure', validations: [{ range: 'A1', list: ['x'.repeat(300)] }] })).rejects.toThrow(/255/);
  });

  it('records the last selection', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    expect(wb.lastSelection).toBeNull();
    await wb.batch(async (s) => {
      s.write({ sheet: 'S', mode: 'ensure' });
      s.select('S', 'B2');
    });
    expect(wb.lastSelection).toEqual({ sheet: 'S', address: 'B2' });
  });

  it('skips print titles on a sheet name with an apostrophe, with a warning', async () => {
    const wb = ExcelJsWorkbook.create('t.xlsx');
    await write(wb, { sheet: "D'Alsace", mode: 'ensure', page: { printTitleRows: '4:4', orientation: 'portrait' } });
    const back = await roundTrip(wb);
    expect(back.workbook.getWorksheet("D'Alsace")!.pageSetup.printTitlesRow).toBeUndefined();
    expect(wb.takeWarnings()).toEqual([{ code: 'printTitlesSkipped', sheet: "D'Alsace" }]);
    expect(wb.takeWarnings()).toEqual([]);
  }, 60000);
});

describe('ExcelJsWorkbook keeps what the user typed', () => {
  it('keeps hidden empty rows hidden', async () => {
    const wb = await rawWorkbook((raw) => raw.addWorksheet('S').getCell('A1').value = 1);
    wb.workbook.getWorksheet('S')!.getRow(9).hidden = true; // as parsed from Excel's <row r="9" hidden="1"/>
    const s = (await readAll(await roundTrip(wb), ['S'], true)).sheets.get('S')!;
    expect(s.hiddenRows).toEqual([9]);
  });

  it('styling one cell of a loaded file leaves cells that shared its style alone', async () => {
    // ExcelJS hands cells with the same style id one shared object on load.
    const wb = await rawWorkbook((raw) => {
      const ws = raw.addWorksheet('S');
      for (const a of ['A1', 'A2', 'A3']) {
        ws.getCell(a).value = 'x';
        ws.getCell(a).font = { bold: true };
      }
    });
    await write(wb, { sheet: 'S', mode: 'existing', styles: [{ range: 'A2', style: { numberFormat: 'dd/mm/yyyy' } }] });
    const ws = (await roundTrip(wb)).workbook.getWorksheet('S')!;
    expect(ws.getCell('A2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A1').numFmt).toBeUndefined();
    expect(ws.getCell('A3').numFmt).toBeUndefined();
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('leaves cells outside the plan identical, formulas included', async () => {
    const user = await rawWorkbook((raw) => {
      const ws = raw.addWorksheet('Lớp');
      ws.getCell('A1').value = NFD;
      ws.getCell('B1').value = 3.14159;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = { formula: 'B1*2', result: 6.28318 };
      ws.getCell('E1').value = { formula: 'IF(C1,0,1)', result: 0 };
      ws.getCell('A2').value = 1;
      ws.getCell('A3').value = 2;
      ws.getCell('A4').value = 3;
      ws.fillFormula('B2:B4', 'A2+1', [2, 3, 4]); // shared formula; the master B2 is overwritten below
      ws.getCell('F1').value = new Date(Date.UTC(2023, 8, 5, 8, 30));
      ws.getCell('F1').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('G1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      raw.addWorksheet('Khác').getCell('A1').value = 'không đụng';
    });
    const before = await readAll(user, ['Lớp', 'Khác']);
    const formulasBefore = formulas(user.workbook.getWorksheet('Lớp')!);
    await write(user, { sheet: 'Lớp', mode: 'existing', cells: [{ at: 'B2', rows: [['ghi đè']] }, { at: 'H5', rows: [[1]] }] });
    const after = await roundTrip(user);
    const snap = await readAll(after, ['Lớp', 'Khác']);
    const b = before.sheets.get('Lớp')!.rows;
    const a = snap.sheets.get('Lớp')!.rows;
    expect(a[0]).toEqual(b[0]);
    expect(a[1]![0]).toBe(1);
    expect(a[1]![1]).toBe('ghi đè');
    expect(a.slice(2, 4)).toEqual(b.slice(2, 4));
    expect(snap.sheets.get('Khác')).toEqual(before.sheets.get('Khác'));
    const formulasAfter = formulas(after.workbook.getWorksheet('Lớp')!);
    delete formulasBefore['B2'];
    expect(formulasAfter).toEqual(formulasBefore);
  });

  it('writes back a workbook containing an Excel table without breaking it', async () => {
    const bytes = await excelLikeTableFile();
    const wb = await ExcelJsWorkbook.fromBuffer(bytes, 'table.xlsx');
    await write(wb, { sheet: 'Bảng', mode: 'existing', cells: [{ at: 'F1', rows: [['ghi chú']] }] });
    const out = await wb.toBuffer();
    const zip = await JSZip.loadAsync(out);
    const tableXml = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(tableXml).toMatch(/headerRowCount="1"/);
    expect(tableXml).toMatch(/<autoFilter ref="A1:C3"/);
    expect(tableXml).not.toMatch(/hiddenButton="1"/);
    const back = await ExcelJsWorkbook.fromBuffer(out, 'table.xlsx');
    const rows = (await readAll(back, ['Bảng'])).sheets.get('Bảng')!.rows;
    expect(rows).toEqual([['Họ tên', 'Điểm', 'Đạt', null, null, 'ghi chú'], ['An', 8, 'x'], ['Bình', 6.5]]);
  });
});

describe('files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a workbook file', async () => {
    const wb = ExcelJsWorkbook.create('a.xlsx');
    await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['ok']] }] });
    const file = path.join(dir, 'a.xlsx');
    fs.writeFileSync(file, await wb.toBuffer());
    const back = await readWorkbookFile(file);
    expect(back.label).toBe('a.xlsx');
    expect((await readAll(back, ['S'])).sheets.get('S')!.rows).toEqual([['ok']]);
  });
});

function formulas(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) out[cell.address] = cell.formula;
    }),
  );
  return out;
}

/** A table the way Excel writes it: no headerRowCount, autoFilter without filterColumn. */
async function excelLikeTableFile(): Promise<Uint8Array> {
  const raw = new ExcelJS.Workbook();
  const ws = raw.addWorksheet('Bảng');
  ws.addTable({
    name: 'DiemLop',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Họ tên', filterButton: true }, { name: 'Điểm', filterButton: true }, { name: 'Đạt', filterButton: true }],
    rows: [
      ['An', 8, 'x'],
      ['Bình', 6.5, null],
    ],
  });
  const zip = await JSZip.loadAsync((await raw.xlsx.writeBuffer()) as ArrayBuffer);
  const name = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f))!;
  let xml = await zip.file(name)!.async('string');
  xml = xml.replace(/ headerRowCount="1"/, '').replace(/<autoFilter ref="([^"]+)">[\s\S]*?<\/autoFilter>/, '<autoFilter ref="$1"/>');
  expect(xml).not.toMatch(/headerRowCount/);
  zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array' });
}
