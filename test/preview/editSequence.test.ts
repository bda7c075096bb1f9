/**
 * A clerk's edits in the preview, one after another in the same open workbook (as the grid
 * makes them: each written through editCells, the grid reading the sheet back after each),
 * give the same download, part for part and byte for byte, as making each edit in a workbook
 * opened afresh from the bytes before it; the grid shows, and the use-cases read, what a
 * fresh read of those bytes gives. Whatever the open workbook keeps between edits must never
 * change what is saved or read.
 */
import { PreviewWorkbook, WEB_XLSX } from '../../src/hosts/preview/previewWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { XlsxError } from '../../src/xlsx/errors';
import { PackageReader } from '../../src/hosts/preview/packageModel';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { editCells, typedValue, type CellEdit } from '../../src/usecases/editCells';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { rawData, readDirectory } from '../../src/xlsx/zip';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { nodeDeflate } from '../../src/xlsx/deflateNode';

const MEMBERS = 40;
const first = MEMBER_HEADER_ROW + 1;
const empty = MEMBER_HEADER_ROW + MEMBERS + 1;
const text = (row: number, col: number, typed: string, dated = false): CellEdit => ({ row, col, value: typedValue(typed, dated ? 'date' : null) });

/** Each step: a sheet and the edits the grid sends for one keystroke, paste, fill, clear or undo. */
const STEPS: [string, CellEdit[]][] = [
  [SHEETS.members, [text(first, 2, 'Nguyễn Thị Ánh <Tổ Văn> & “Sử”')]],
  [SHEETS.members, [text(first + 3, 3, '12,5')]],
  [SHEETS.members, [text(empty, 2, 'Trần Văn Mới')]],
  // A paste of a 3 × 4 block reaching past the last row, one cell a formula.
  [SHEETS.members, Array.from({ length: 4 }, (_, i) => [text(empty + 1 + i, 1, String(i + 1)), text(empty + 1 + i, 2, `Người dán ${i + 1}`), text(empty + 1 + i, 3, i === 2 ? '=A7*2' : 'Tổ Toán')]).flat()],
  // Cleared (Delete), then undone (the old value written back).
  [SHEETS.members, [text(first + 1, 2, '')]],
  [SHEETS.members, [{ row: first + 1, col: 2, value: null }]],
  [SHEETS.learners, [text(LEARNER_HEADER_ROW + 1, 3, '50'), text(LEARNER_HEADER_ROW + 2, 3, '95%')]],
  [SHEETS.members, [text(empty + 10, 4, '20/12/2025', true)]],
  [SHEETS.members, [text(empty + 10, 4, '')]],
  [SHEETS.members, [text(first + 2, 2, 'Lê 😀 Văn Sáu'), text(first + 2, 3, '=B6&"x"')]],
  // Half of a surrogate pair (a broken paste): read back as the file holds it.
  [SHEETS.members, [text(first + 4, 2, 'Nửa \uD83D cặp')]],
];

/** The package's parts, by name: their bytes as the zip stores them. */
function parts(bytes: Uint8Array): Map<string, Buffer> {
  const pkgDir = readDirectory(bytes, DEFAULT_LIMITS).entries;
  const out = new Map<string, Buffer>();
  for (const [name, entry] of pkgDir) out.set(name, Buffer.from(rawData(bytes, entry)));
  return out;
}

/** What the grid draws of a sheet, as plain data (functions left out). */
async function shown(reader: PackageReader, sheet: string) {
  const m = (await reader.sheet(sheet))!;
  return { values: m.values, formulas: [...m.formulas].sort(), styles: [...m.styleIds].sort(), uncached: [...m.uncached].sort(), rows: [...m.rows].sort(), merges: m.merges, validations: m.validations };
}

describe('a sequence of edits in the open workbook', () => {
  it('downloads what the same edits give, each made in the workbook opened afresh; the grid shows what a fresh read shows', async () => {
    // A school's file: the sample, with a part and a sheet of the school's own.
    const made = PreviewWorkbook.create('truong.xlsx');
    await createSheets(made, sampleUnit({ members: MEMBERS, seed: 5 }));
    const pkg = await XlsxPackage.open(await made.toBuffer(), NODE_XLSX);
    pkg.setPart('customXml/item1.xml', '<r xmlns="urn:school">giữ nguyên</r>');
    const own = pkg.addSheet('Ghi chú', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Của trường</t></is></c></row></sheetData></worksheet>');
    const uploaded = await pkg.toBytes(nodeDeflate);

    const open = await PreviewWorkbook.open(uploaded, 'truong.xlsx');
    const reader = await open.read();
    for (const sheet of [SHEETS.members, SHEETS.learners]) await reader.sheet(sheet);
    let fresh = uploaded;
    for (const [i, [sheet, edits]] of STEPS.entries()) {
      await editCells(open, sheet, edits);
      const again = await PreviewWorkbook.open(fresh, 'truong.xlsx');
      await editCells(again, sheet, edits);
      fresh = await again.toBuffer();
      const freshReader = await (await PreviewWorkbook.open(fresh, 'truong.xlsx')).read();
      expect({ step: i, sheet, shown: await shown(reader, sheet) }).toEqual({ step: i, sheet, shown: await shown(freshReader, sheet) });
      // And the use-cases read what a fresh read gives.
      const cells = async (wb: PreviewWorkbook) => (await wb.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows;
      expect({ step: i, sheet, rows: await cells(open) }).toEqual({ step: i, sheet, rows: await cells(await PreviewWorkbook.open(fresh, 'truong.xlsx')) });
    }
    const downloaded = await open.toBuffer();
    const got = parts(downloaded);
    const want = parts(fresh);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, bytes] of want) expect({ name, same: got.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    expect(Buffer.from(downloaded).equals(Buffer.from(fresh))).toBe(true);
    // The school's own parts as they came.
    const before = parts(uploaded);
    for (const name of ['customxml/item1.xml', own.path!.toLowerCase()]) expect({ name, same: got.get(name)!.equals(before.get(name)!) }).toEqual({ name, same: true });
    // And the download opens as a workbook whose members sheet holds the edits.
    const members = await shown(await (await PreviewWorkbook.open(downloaded, 'x.xlsx')).read(), SHEETS.members);
    expect(members.values[first - 1]![1]).toBe('Nguyễn Thị Ánh <Tổ Văn> & “Sử”');
    expect(members.values[empty + 3 - 1]![1]).toBe('Người dán 3');
  });
});

describe('a sheet kept between reads', () => {
  it('refuses rows past the limit after an edit, as reading the sheet whole does', async () => {
    const made = PreviewWorkbook.create('truong.xlsx');
    await createSheets(made, sampleUnit({ members: 10, seed: 5 }));
    const limits = { ...DEFAULT_LIMITS, maxRows: 200 };
    const wb = await XlsxWorkbook.open(await made.toBuffer(), 'truong.xlsx', { ...WEB_XLSX, limits });
    const read = () => wb.batch((s) => s.read([SHEETS.members]));
    await read();
    await editCells(wb, SHEETS.members, [{ row: 250, col: 2, value: 'Quá xa' }]);
    const whole = await XlsxWorkbook.open(await wb.toBytes(), 'truong.xlsx', { ...WEB_XLSX, limits });
    await expect(whole.batch((s) => s.read([SHEETS.members]))).rejects.toThrow(XlsxError);
    await expect(read()).rejects.toThrow(XlsxError);
  });
});
