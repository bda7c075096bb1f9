/**
 * The preview's workbook: the grid reads the package that is downloaded, and the download
 * keeps every part the add-in does not own byte for byte.
 */
import { PreviewWorkbook, type PartsChange } from '../../src/hosts/preview/previewWorkbook';
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
import { sheetView } from '../../src/hosts/preview/sheetView';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { MEMBER_HEADER_ROW, MEMBERS_TABLE } from '../../src/sheets/membersSheet';
import { editCells, typedValue } from '../../src/usecases/editCells';
import { UNCALCULATED } from '../../src/domain/values';

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

  it('puts back a grid edit’s sheet parts whole (the table it grew with them), only while they are as the edit left them', async () => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 30, seed: 3 }));
    const under = MEMBER_HEADER_ROW + 31; // right under the 30 members
    /** The members table's range and B of the row under it, as the file holds them. */
    const state = async () => {
      const pkg = await XlsxPackage.open(await wb.toBuffer(), NODE_XLSX);
      const tables = await Promise.all(pkg.partNames.filter((p) => p.startsWith('xl/tables/')).map((p) => pkg.text(p)));
      const ref = /\bref="([^"]+)"/.exec(tables.find((x) => x?.includes(`name="${MEMBERS_TABLE}"`)) ?? '')?.[1];
      const rows = (await (await wb.read()).sheet(SHEETS.members))!.values;
      return { ref, name: rows[under - 1]?.[1] ?? null };
    };
    const before = await state();
    let change: PartsChange | undefined;
    const rows = [{ row: under, col: 2, value: 'Người mới 1' }, { row: under + 1, col: 2, value: 'Người mới 2' }];
    await editCells(wb.recording(SHEETS.members, (c) => (change = c)), SHEETS.members, rows);
    const grown = await state();
    expect(grown).toEqual({ ref: before.ref!.replace(/\d+$/, String(under + 1)), name: 'Người mới 1' });
    // The table's part changed with the worksheet's.
    expect([...change!.after].filter(([path, text]) => change!.before.get(path) !== text).map(([path]) => path)).toEqual([change!.worksheet, expect.stringMatching(/^xl\/tables\//)]);

    const cells = rows.map((e) => ({ at: `B${e.row}`, rows: [[null]] }));
    expect(await wb.restore(change!, 'before', cells)).toBe(true);
    expect(await state()).toEqual(before);
    expect(await wb.restore(change!, 'after', cells)).toBe(true);
    expect(await state()).toEqual(grown);
    // Written since by something else: not put back over it.
    await editCells(wb, SHEETS.members, [{ row: under + 5, col: 2, value: 'Ghi sau' }]);
    expect(await wb.restore(change!, 'before', cells)).toBe(false);
    expect(await state()).toEqual(grown);
  });
  it('a plain cell edit in a 5,000-member sheet records nothing and reads none of the sheet’s text for the undo', async () => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 5000, seed: 3 }));
    const reader = await wb.read();
    await reader.sheet(SHEETS.members); // as the grid shows it
    const texts = jest.spyOn(XlsxPackage.prototype, 'text');
    const bytes = jest.spyOn(XlsxPackage.prototype, 'bytes');
    try {
      const onChange = jest.fn();
      const row = MEMBER_HEADER_ROW + 2500;
      await editCells(wb.recording(SHEETS.members, onChange), SHEETS.members, [{ row, col: 2, value: 'Người sửa giữa bảng' }]);
      // Only cells changed: Ctrl+Z writes the cell back, so nothing of the sheet's parts is kept or read for it.
      expect(onChange).not.toHaveBeenCalled();
      const sheetReads = [...texts.mock.calls, ...bytes.mock.calls].map(([path]) => path).filter((path) => /^xl\/worksheets\/[^/]+\.xml$/i.test(path));
      expect(sheetReads).toEqual([]);
      expect((await reader.sheet(SHEETS.members))!.values[row - 1]![1]).toBe('Người sửa giữa bảng');
    } finally {
      texts.mockRestore();
      bytes.mockRestore();
    }
  });
});

describe('formula cells the grid cannot show a value for', () => {
  /** The sheet's cells the grid marks as not calculated, as "A1" addresses. */
  async function uncalculated(wb: PreviewWorkbook, sheet: string): Promise<string[]> {
    const model = (await (await wb.read()).sheet(sheet))!;
    const view = sheetView(model, 'vi-VN', undefined, false, (r, c, f) => wb.freshness.stale(model.name, r, c, f));
    const out: string[] = [];
    for (const row of view.rows) for (const col of view.columns) if (view.cell(row, col.index).uncalculated) out.push(`${col.letter}${row}`);
    return out;
  }

  it('none in a new sample, evaluated or not: the add-in writes its formulas with their values', async () => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 30, seed: 3 }));
    const sheets = (await wb.read()).book().sheets.map((s) => s.name);
    for (const sheet of sheets) expect({ sheet, cells: await uncalculated(wb, sheet) }).toEqual({ sheet, cells: [] });
    await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    for (const sheet of sheets) expect({ sheet, cells: await uncalculated(wb, sheet) }).toEqual({ sheet, cells: [] });
  });

  it('a ratio whose counts were typed until evaluate writes it again; a formula typed without a value', async () => {
    const wb = PreviewWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 30, seed: 3 }));
    const first = LEARNER_HEADER_ROW + 1;
    await editCells(wb, SHEETS.learners, [{ row: first, col: 3, value: 50 }]);
    expect(await uncalculated(wb, SHEETS.learners)).toEqual([`E${first}`]);
    await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    expect(await uncalculated(wb, SHEETS.learners)).toEqual([]);
    await editCells(wb, SHEETS.learners, [{ row: first, col: 6, value: typedValue('=C5*2') }]);
    expect(await uncalculated(wb, SHEETS.learners)).toEqual([`F${first}`]);
    // Read back as not calculated, it shows blank (marked by the grid), never as an error text.
    const model = (await (await wb.read()).sheet(SHEETS.learners))!;
    expect(model.values[first - 1]![5]).toEqual({ error: UNCALCULATED });
    expect(sheetView(model, 'vi-VN').cell(first, 6)).toMatchObject({ text: '', uncalculated: true });
  });
});
