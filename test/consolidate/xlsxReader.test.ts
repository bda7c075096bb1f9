/**
 * src/xlsx: the same snapshot as the ExcelJS implementation of the port, on files written
 * by the product, by LibreOffice and by hand; hostile files refused with their reason.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openXlsx, XlsxError, type XlsxFailure } from '../../src/xlsx';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { webInflate } from '../../src/xlsx/inflateWeb';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { convert } from '../support/libreoffice';
import { hostile, makeZip, unitWorkbook, edits } from './corpus';

async function viaExcelJs(bytes: Uint8Array) {
  const wb = await ExcelJsWorkbook.fromBuffer(bytes, 'x.xlsx');
  return wb.batch((s) => s.read(UNIT_WORKBOOK_SHEETS));
}

async function viaReader(bytes: Uint8Array, inflate = nodeInflate) {
  const file = await openXlsx(bytes, { inflate });
  return file.read(UNIT_WORKBOOK_SHEETS);
}

async function failure(bytes: Uint8Array, inflate = nodeInflate): Promise<XlsxFailure> {
  try {
    await viaReader(bytes, inflate);
  } catch (e) {
    if (e instanceof XlsxError) return e.kind;
    throw e;
  }
  throw new Error('read without error');
}

describe('xlsx reader', () => {
  let evaluated: Uint8Array;
  beforeAll(async () => {
    evaluated = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 60, rate: 0.9, edit: edits.member(3, 'note', 'A & B <c> "d" _x0041_') });
  });

  it('reads what ExcelJS reads, sheet by sheet, on a workbook the product evaluated', async () => {
    const a = await viaExcelJs(evaluated);
    const b = await viaReader(evaluated);
    expect(b.sheetNames).toEqual(a.sheetNames);
    expect([...b.sheets.keys()]).toEqual([...a.sheets.keys()]);
    for (const [k, v] of a.sheets) expect(b.sheets.get(k)).toEqual(v);
  });

  it('gives the same bytes the same snapshot through the browser inflater', async () => {
    expect(await viaReader(evaluated, webInflate)).toEqual(await viaReader(evaluated));
  });

  it('reads a workbook saved by LibreOffice (inline strings or its own zip layout) as ExcelJS does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-lo-'));
    const src = path.join(dir, 'don-vi.xlsx');
    fs.writeFileSync(src, evaluated);
    const out = await convert(src, 'xlsx', fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-lo-out-')));
    const bytes = new Uint8Array(fs.readFileSync(out));
    const file = await openXlsx(bytes, { inflate: nodeInflate });
    expect(file.application ?? '').toMatch(/LibreOffice/i);
    const a = await viaExcelJs(bytes);
    const b = await file.read(UNIT_WORKBOOK_SHEETS);
    for (const [k, v] of a.sheets) expect(b.sheets.get(k)).toEqual(v);
  });

  it('reads inline strings, booleans, errors, prefixed tags, rows and cells without r, CDATA and entities', async () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Xin </x:t></x:r><x:r><x:t xml:space="preserve">chào &amp; hẹn</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c>' +
      '<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v><![CDATA[a<b>&amp;]]></x:v></x:c></x:row>' +
      '<x:row><x:c r="A3" s="1"/><x:c r="C3" t="s"><x:v>0</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const bytes = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="Trang &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst><si><t>Dòng_x000D_một</t></si></sst>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet), stored: true },
    ]);
    const file = await openXlsx(bytes, { inflate: nodeInflate });
    expect(file.sheetNames).toEqual(['Trang & 1']);
    const snap = await file.read(['trang & 1']);
    expect(snap.sheets.get('trang & 1')!.rows).toEqual([[], [null, 'Xin chào & hẹn', true, { error: '#DIV/0!' }, 2, 'a<b>&amp;'], [null, null, 'Dòng\rmột']]);
  });

  it('refuses hostile and foreign files with their reason', async () => {
    expect(await failure(hostile.encrypted())).toBe('encrypted');
    expect(await failure(hostile.legacyXls())).toBe('legacyXls');
    expect(await failure(hostile.csv())).toBe('csv');
    expect(await failure(hostile.html())).toBe('html');
    expect(await failure(hostile.empty())).toBe('empty');
    expect(await failure(hostile.pdf())).toBe('notSpreadsheet');
    expect(await failure(hostile.truncated(evaluated))).toBe('truncated');
    expect(await failure(hostile.zipBombActual())).toBe('zipBomb');
    expect(await failure(hostile.zipBombActual(), webInflate)).toBe('zipBomb');
    expect(await failure(hostile.zipBombDeclared())).toBe('zipBomb');
    expect(await failure(hostile.billionLaughs())).toBe('dtd');
    expect(await failure(hostile.notWorkbookZip())).toBe('wordDocument');
    const big = new Uint8Array(evaluated.length);
    await expect(openXlsx(big, { inflate: nodeInflate, limits: { maxFileBytes: 1000 } })).rejects.toMatchObject({ kind: 'tooLarge' });
  });

  it('stops a sheet that claims a million rows', async () => {
    const rows = '<row r="1048576"><c r="A1048576"><v>1</v></c></row>';
    const bytes = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) },
    ]);
    const file = await openXlsx(bytes, { inflate: nodeInflate });
    await expect(file.read(['S'])).rejects.toMatchObject({ kind: 'sheetTooLarge' });
  });
});
