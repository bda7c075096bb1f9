/**
 * The package model: textual edits of the shared parts touch only what they must, and every
 * other part is saved with its compressed bytes unchanged.
 */
import * as zlib from 'zlib';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { XlsxPackage, OWNER_MARK } from '../../src/xlsx/package';
import { rawData, readDirectory, type ZipEntry } from '../../src/xlsx/zip';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { makeZip } from '../consolidate/corpus';

const X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An Open XML SDK-style macro workbook: x: prefixes, names, a calc chain, VBA, a chart on sheet 2. */
function sdkWorkbook(): Uint8Array {
  const ct =
    `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>';
  const workbook =
    `${decl}<x:workbook xmlns:x="${X}" xmlns:rel="${R}"><x:workbookPr date1904="1"/><x:bookViews><x:workbookView activeTab="1" firstSheet="1"/></x:bookViews>` +
    '<x:sheets><x:sheet name="Dữ liệu" sheetId="3" rel:id="rId1"/><x:sheet name="Tổng hợp" sheetId="7" state="hidden" rel:id="rId2"/></x:sheets>' +
    '<x:definedNames><x:definedName name="DS" localSheetId="0">\'Dữ liệu\'!$A$1:$A$4</x:definedName><x:definedName name="DS" localSheetId="1">\'Tổng hợp\'!$B$1:$B$9</x:definedName><x:definedName name="Rate">0.5</x:definedName></x:definedNames>' +
    '<x:extLst><x:ext uri="{X}"><y:keep xmlns:y="urn:y"/></x:ext></x:extLst></x:workbook>';
  const wbRels =
    `${decl}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${R}/calcChain" Target="calcChain.xml"/><Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`;
  const sheet = (v: number) => `${decl}<x:worksheet xmlns:x="${X}"><x:sheetData><x:row r="1"><x:c r="A1"><x:f>1+${v}</x:f><x:v>${v + 1}</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const utf = (s: string) => Buffer.from(s, 'utf8');
  return makeZip([
    { name: '[Content_Types].xml', data: utf(ct) },
    { name: '_rels/.rels', data: utf(`${decl}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: utf(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf(wbRels) },
    { name: 'xl/worksheets/sheet1.xml', data: utf(sheet(1)) },
    { name: 'xl/worksheets/sheet2.xml', data: utf(sheet(2).replace('</x:sheetData>', '</x:sheetData><x:drawing xmlns:r="' + R + '" r:id="rId1"/>')) },
    { name: 'xl/worksheets/_rels/sheet2.xml.rels', data: utf(`${decl}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`) },
    { name: 'xl/drawings/drawing1.xml', data: utf('<xdr:wsDr xmlns:xdr="urn:xdr"/>') },
    { name: 'xl/drawings/_rels/drawing1.xml.rels', data: utf(`${decl}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`) },
    { name: 'xl/charts/chart1.xml', data: utf('<c:chartSpace xmlns:c="urn:c"/>') },
    { name: 'xl/calcChain.xml', data: utf(`${decl}<calcChain xmlns="${X}"><c r="A1" i="3"/><c r="B1"/></calcChain>`) },
    { name: 'xl/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), stored: true },
  ]);
}

const open = (bytes: Uint8Array) => XlsxPackage.open(bytes, { inflate: nodeInflate });
const text = async (pkg: XlsxPackage, path: string) => (await pkg.text(path))!;

function entries(bytes: Uint8Array): Map<string, ZipEntry> {
  return readDirectory(bytes, DEFAULT_LIMITS).entries;
}

/** Names of parts whose stored bytes differ (or that exist on one side only). */
function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = entries(before);
  const b = entries(after);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (!x || !y || x.crc32 !== y.crc32 || !Buffer.from(rawData(before, x)).equals(Buffer.from(rawData(after, y)))) out.push((x ?? y)!.name);
  }
  return out.sort();
}

describe('XlsxPackage', () => {
  it('reads sheets, names, the 1904 flag and the macro content type of an x:-prefixed workbook', async () => {
    const pkg = await open(sdkWorkbook());
    expect(pkg.sheets).toEqual([
      { name: 'Dữ liệu', sheetId: 3, rid: 'rId1', path: 'xl/worksheets/sheet1.xml', state: 'visible' },
      { name: 'Tổng hợp', sheetId: 7, rid: 'rId2', path: 'xl/worksheets/sheet2.xml', state: 'hidden' },
    ]);
    expect(pkg.definedNames).toEqual([
      { name: 'DS', localSheetId: 0, value: "'Dữ liệu'!$A$1:$A$4" },
      { name: 'DS', localSheetId: 1, value: "'Tổng hợp'!$B$1:$B$9" },
      { name: 'Rate', localSheetId: null, value: '0.5' },
    ]);
    expect(pkg.date1904).toBe(true);
    expect(pkg.workbookContentType).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  it('saved unchanged, every part keeps its stored bytes', async () => {
    const src = sdkWorkbook();
    const out = await (await open(src)).toBytes(nodeDeflate);
    expect(changedParts(src, out)).toEqual([]);
    expect([...entries(out).values()].map((e) => e.name)).toEqual([...entries(src).values()].map((e) => e.name));
  });

  it('adds a sheet in the middle with the file’s own prefixes; names and the active tab follow their sheets', async () => {
    const src = sdkWorkbook();
    const pkg = await open(src);
    const added = pkg.addSheet('Tổng hợp (ĐVHT)', `<worksheet xmlns="${X}"><sheetData/></worksheet>`, pkg.sheets[0]);
    pkg.setRole(added, 'summary');
    expect(added).toMatchObject({ sheetId: 8, path: 'xl/worksheets/sheet3.xml', rid: 'rId5' });
    const out = await pkg.toBytes(nodeDeflate);
    expect(changedParts(src, out)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet3.xml']);

    const back = await open(out);
    expect(back.sheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Tổng hợp (ĐVHT)', 'Tổng hợp']);
    expect(back.definedNames).toEqual([
      { name: 'DS', localSheetId: 0, value: "'Dữ liệu'!$A$1:$A$4" },
      { name: 'DS', localSheetId: 2, value: "'Tổng hợp'!$B$1:$B$9" },
      { name: 'Rate', localSheetId: null, value: '0.5' },
      { name: OWNER_MARK, localSheetId: 1, value: '"summary"' },
    ]);
    expect(back.roleOf(back.sheets[1]!)).toBe('summary');
    expect(back.roleOf(back.sheets[2]!)).toBeNull();
    const wb = back.workbookXml;
    expect(wb).toContain('<x:workbookView activeTab="2" firstSheet="2"/>');
    expect(wb).toContain('<x:sheet name="Tổng hợp (ĐVHT)" sheetId="8" rel:id="rId5"/>');
    expect(wb).toContain(`<x:definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">&quot;summary&quot;</x:definedName>`);
    expect(wb).toContain('<x:extLst><x:ext uri="{X}"><y:keep xmlns:y="urn:y"/></x:ext></x:extLst>');
    expect(await text(back, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    expect(await text(back, 'xl/_rels/workbook.xml.rels')).toContain(`<Relationship Id="rId5" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/></Relationships>`);
  });

  it('drops the calculation chain only when it lists a changed sheet, and asks for a full recalculation', async () => {
    const src = sdkWorkbook();
    const keep = await open(src);
    await keep.afterCellsChanged(new Set([7]));
    const kept = await keep.toBytes(nodeDeflate);
    expect(changedParts(src, kept)).toEqual(['xl/workbook.xml']);
    expect((await open(kept)).workbookXml).toContain('</x:definedNames><x:calcPr fullCalcOnLoad="1"/><x:extLst>');

    const drop = await open(src);
    await drop.afterCellsChanged(new Set([3]));
    const dropped = await drop.toBytes(nodeDeflate);
    expect(changedParts(src, dropped)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/calcChain.xml', 'xl/workbook.xml']);
    const back = await open(dropped);
    expect(back.has('xl/calcChain.xml')).toBe(false);
    expect(await text(back, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await text(back, '[Content_Types].xml')).not.toContain('calcChain');
    expect(await text(back, '[Content_Types].xml')).toContain('vbaProject');
  });

  it('a sheet drawn anew loses the parts only it reached (drawing, chart), nothing else', async () => {
    const src = sdkWorkbook();
    const pkg = await open(src);
    await pkg.dropSheetRelations(pkg.sheets[1]!);
    const out = await pkg.toBytes(nodeDeflate);
    expect(changedParts(src, out)).toEqual(['[Content_Types].xml', 'xl/charts/chart1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml', 'xl/worksheets/_rels/sheet2.xml.rels']);
    const ct = await text(await open(out), '[Content_Types].xml');
    expect(ct).not.toMatch(/drawing1|chart1/);
  });

  it('sets, replaces and removes one defined name, leaving the others as written', async () => {
    const pkg = await open(sdkWorkbook());
    pkg.setDefinedName('_xlnm.Print_Titles', 0, "'Dữ liệu'!$4:$4");
    pkg.setDefinedName('DS', 1, "'Tổng hợp'!$C$1");
    pkg.removeDefinedName('Rate', null);
    expect(pkg.definedNames).toEqual([
      { name: 'DS', localSheetId: 0, value: "'Dữ liệu'!$A$1:$A$4" },
      { name: 'DS', localSheetId: 1, value: "'Tổng hợp'!$C$1" },
      { name: '_xlnm.Print_Titles', localSheetId: 0, value: "'Dữ liệu'!$4:$4" },
    ]);
    expect(zlib.crc32(Buffer.from(pkg.workbookXml.split('<x:definedNames>')[0]!))).toBe(zlib.crc32(Buffer.from((await text(await open(sdkWorkbook()), 'xl/workbook.xml')).split('<x:definedNames>')[0]!)));
  });
});
