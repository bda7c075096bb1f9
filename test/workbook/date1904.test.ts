/**
 * A date another program typed into a workbook saved in the 1904 date system (Excel for Mac's
 * old default), read by both .xlsx readers: each says the workbook's system, and the cell's
 * serial is that date in it (the contract suite covers what the add-in writes).
 */
import { execFileSync } from 'child_process';
import { openXlsx } from '../../src/xlsx';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { serialToDate } from '../../src/workbook/plan';
import { in1904WithOpenpyxl } from '../support/date1904';

describe.each([
  ['as a serial', false],
  ['as ISO text (t="d")', true],
])('a date typed by another program in a 1904 workbook, stored %s', (_, iso) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const made = await XlsxWorkbook.create('mac.xlsx', NODE_XLSX);
    await made.batch(async (s) => s.write({ sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['Ngày']] }] }));
    bytes = in1904WithOpenpyxl(await made.toBytes(), [{ sheet: 'S', cell: 'B1', at: '2026-12-20T06:00' }], iso);
  });

  it('is stored as said', () => {
    const sheetXml = execFileSync('/usr/bin/python3', ['-c', 'import io,sys,zipfile; z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); sys.stdout.write(z.read("xl/worksheets/sheet1.xml").decode())'], { input: bytes }).toString();
    expect(/<c r="B1"[^>]*t="d"/.test(sheetXml)).toBe(iso);
  });

  it('reads as that date through the file host', async () => {
    const wb = await XlsxWorkbook.open(bytes, 'mac.xlsx', NODE_XLSX);
    const snapshot = await wb.batch((s) => s.read(['S']));
    expect(snapshot.date1904).toBe(true);
    expect(serialToDate(snapshot.sheets.get('S')!.rows[0]![1] as number, snapshot.date1904)).toEqual(new Date(2026, 11, 20, 6, 0));
  });

  it('reads as that date through the consolidation’s reader', async () => {
    const snapshot = await (await openXlsx(bytes, { inflate: nodeInflate })).read(['S']);
    expect(snapshot.date1904).toBe(true);
    expect(serialToDate(snapshot.sheets.get('S')!.rows[0]![1] as number, snapshot.date1904)).toEqual(new Date(2026, 11, 20, 6, 0));
  });
});
