/**
 * The preview's workbook: the grid reads the package that is downloaded, and the download
 * keeps every part the add-in does not own byte for byte.
 */
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { rawData, readDirectory } from '../../src/xlsx/zip';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { nodeDeflate } from '../../src/xlsx/deflateNode';

const ALL = [...UNIT_WORKBOOK_SHEETS, SHEETS.summary];

describe('PreviewWorkbook', () => {
  it('shows what it saves, and the download keeps the user’s own parts as they came', async () => {
    // A school's file with a sheet of its own and a part no tool of ours knows.
    const made = PreviewWorkbook.create('truong.xlsx');
    await createSheets(made, sampleUnit({ members: 30, seed: 3 }));
    const pkg = await XlsxPackage.open(await made.toBuffer(), NODE_XLSX);
    pkg.setPart('customXml/item1.xml', '<r xmlns="urn:school">giữ nguyên</r>');
    const own = pkg.addSheet('Ghi chú', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Của trường</t></is></c></row></sheetData></worksheet>');
    const uploaded = await pkg.toBytes(nodeDeflate);

    const wb = await PreviewWorkbook.open(uploaded, 'truong.xlsx');
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    expect(result.ok).toBe(true);
    const downloaded = await wb.toBuffer();

    const before = readDirectory(uploaded, DEFAULT_LIMITS).entries;
    const after = readDirectory(downloaded, DEFAULT_LIMITS).entries;
    for (const name of ['customXml/item1.xml', own.path!]) {
      const a = before.get(name.toLowerCase())!;
      const b = after.get(name.toLowerCase())!;
      expect({ name, same: Buffer.from(rawData(uploaded, a)).equals(Buffer.from(rawData(downloaded, b))) }).toEqual({ name, same: true });
    }
    // The grid reads what the file holds (checked with another reader, ExcelJS, on the download).
    const reader = await wb.read();
    const saved = await (await ExcelJsWorkbook.fromBuffer(downloaded, 'x')).batch((s) => s.read(ALL));
    for (const name of ALL) {
      const model = await reader.sheet(name);
      expect({ name, rows: model!.values }).toEqual({ name, rows: saved.sheets.get(name)!.rows });
    }
    expect(reader.book().sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...ALL, 'Ghi chú']));
  });
});
