/**
 * The file workbook (the package writer behind the CLI): what it writes reads back as the
 * ExcelJS implementation reads the same plans, layout reads agree, and a user's sheet that
 * carries the name of one of the add-in's sheets is never touched.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { applyImport } from '../../src/usecases/import/importMembers';
import { columnLetter, columnNumber } from '../../src/workbook/a1';
import { sampleUnit } from '../../src/usecases/sampleData';
import { UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { SHEETS } from '../../src/sheets/names';
import { ROLE } from '../../src/usecases/ownSheets';
import { DEFAULT_LIMITS } from '../../src/xlsx';
import { OWNER_MARK } from '../../src/xlsx/package';
import { rawData, readDirectory } from '../../src/xlsx/zip';
import type { Workbook, WorkbookSnapshot } from '../../src/workbook/port';
import { convert } from '../support/libreoffice';
import { workbookWarningText } from '../../src/usecases/workbookWarnings';

const NOW = new Date(Date.UTC(2025, 11, 20, 8));
const ALL = [...UNIT_WORKBOOK_SHEETS, SHEETS.summary];

async function unit(wb: Workbook): Promise<void> {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 40, seed: 5 });
  await createSheets(wb, { ...base, unit: { ...base.unit, name: 'Trường THCS Nguyễn Du' } });
}

/** Names and cells (roles are compared by the ownership tests). */
const cells = ({ sheetNames, sheets }: WorkbookSnapshot) => ({ sheetNames, sheets });

/** The stored (compressed) bytes of one part. */
function stored(bytes: Uint8Array, name: string): Buffer {
  const e = readDirectory(bytes, DEFAULT_LIMITS).entries.get(name.toLowerCase());
  if (!e) throw new Error(`no part ${name}`);
  return Buffer.from(rawData(bytes, e));
}

describe('XlsxWorkbook', () => {
  it('init and evaluate read back as the ExcelJS implementation reads the same plans', async () => {
    const ours = await XlsxWorkbook.create('a.xlsx', NODE_XLSX);
    const ref = ExcelJsWorkbook.create('b.xlsx');
    await unit(ours);
    await unit(ref);
    const reopened = await XlsxWorkbook.open(await ours.toBytes(), 'a.xlsx', NODE_XLSX);
    const refReopened = await ExcelJsWorkbook.fromBuffer(await ref.toBuffer(), 'b.xlsx');
    expect(cells(await reopened.batch((s) => s.read(ALL)))).toEqual(cells(await refReopened.batch((s) => s.read(ALL))));
    // And ExcelJS itself reads our file as it reads its own.
    const crossRead = await ExcelJsWorkbook.fromBuffer(await ours.toBytes(), 'a.xlsx');
    expect(cells(await crossRead.batch((s) => s.read(ALL)))).toEqual(cells(await refReopened.batch((s) => s.read(ALL))));

    const a = await evaluateWorkbook(reopened, { now: NOW });
    const b = await evaluateWorkbook(refReopened, { now: NOW });
    expect(a.ok && a.report).toEqual(b.ok && b.report);
    const after = await XlsxWorkbook.open(await reopened.toBytes(), 'a.xlsx', NODE_XLSX);
    const refAfter = await ExcelJsWorkbook.fromBuffer(await refReopened.toBuffer(), 'b.xlsx');
    expect(cells(await after.batch((s) => s.read(ALL)))).toEqual(cells(await refAfter.batch((s) => s.read(ALL))));
    // The summary is the add-in's by its mark.
    const summary = after.pkg.findSheet(SHEETS.summary)!;
    expect(after.pkg.roleOf(summary)).toBe(ROLE.summary);
    // Every sheet the add-in created carries its mark, once.
    const marked = after.pkg.definedNames.filter((d) => d.name === OWNER_MARK).map((d) => after.pkg.sheets[d.localSheetId!]!.name);
    expect(marked.sort()).toEqual([...ALL].sort());
    expect((await after.batch((s) => s.read([])) as WorkbookSnapshot & { roles?: Map<string, string> }).roles?.get(SHEETS.summary)).toBe(ROLE.summary);
  });

  it('reads merges and hidden rows and columns as ExcelJS does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ';
    ws.mergeCells('A1:D1');
    ws.mergeCells('B3:B4');
    ws.getCell('A2').value = 'STT';
    ws.getCell('B2').value = 'Họ và tên';
    ws.getCell('A5').value = 1;
    ws.getRow(3).hidden = true;
    ws.getColumn(3).hidden = true;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ours = await (await XlsxWorkbook.open(bytes, 'x.xlsx', NODE_XLSX)).batch((s) => s.read(['danh sách'], { layout: true }));
    const ref = await (await ExcelJsWorkbook.fromBuffer(bytes, 'x.xlsx')).batch((s) => s.read(['danh sách'], { layout: true }));
    expect(cells(ours)).toEqual(cells(ref));
    expect(ours.sheets.get('danh sách')).toMatchObject({ merges: ['A1:D1', 'B3:B4'], hiddenRows: [3], hiddenColumns: [3] });
  });

  it('never touches a user sheet named like the add-in’s: draws “Tổng hợp (ĐVHT)” beside it, once, and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-own-'));
    const file = path.join(dir, 'truong.xlsx');
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await unit(wb);
    // The school's own "Tổng hợp" (no mark): written by an ensure plan, as a user sheet would be.
    await wb.batch(async (s) => s.write({ sheet: SHEETS.summary, mode: 'ensure', cells: [{ at: 'A1', rows: [['Tổng hợp thi đua của tổ']] }] }));
    fs.writeFileSync(file, await wb.toBytes());
    const before = new Uint8Array(fs.readFileSync(file));
    const userPart = (await XlsxWorkbook.open(before, 'x', NODE_XLSX)).pkg.findSheet(SHEETS.summary)!.path!;

    // Said when ours takes the other name, in the language asked for; not again on the runs after.
    const english = path.join(dir, 'english.xlsx');
    fs.writeFileSync(english, before);
    const first = capture();
    expect(await run(['evaluate', english, '--lang', 'en'], first)).toBe(0);
    expect(first.stderr.join('\n')).toContain('Sheet “Tổng hợp” was not made by ĐVHT, so it was left as it is; ĐVHT wrote to sheet “Tổng hợp (ĐVHT)”');
    for (const [i, lang] of ['vi', 'en'].entries()) {
      const io = capture();
      expect(await run(['evaluate', file, '--lang', lang], io)).toBe(0);
      if (i === 0) expect(io.stderr.join('\n')).toContain('Trang “Tổng hợp” không phải trang do ĐVHT tạo nên được giữ nguyên; ĐVHT ghi vào trang “Tổng hợp (ĐVHT)”');
      else expect(io.stderr.join('\n')).not.toContain('Tổng hợp (ĐVHT)');
      const after = new Uint8Array(fs.readFileSync(file));
      expect(stored(after, userPart).equals(stored(before, userPart))).toBe(true);
      const pkg = (await XlsxWorkbook.open(after, 'x', NODE_XLSX)).pkg;
      expect(pkg.sheets.map((s) => s.name).filter((n) => n.startsWith('Tổng hợp')).sort()).toEqual(['Tổng hợp', 'Tổng hợp (ĐVHT)']);
      expect(pkg.roleOf(pkg.findSheet('Tổng hợp')!)).toBeNull();
      expect(pkg.roleOf(pkg.findSheet('Tổng hợp (ĐVHT)')!)).toBe(ROLE.summary);
    }
    // The add-in finds its own summary by the mark, not by the name the school's sheet holds.
    const reread = await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(file)), 'x', NODE_XLSX);
    const snap = await reread.batch((s) => s.read([], { marks: [SHEETS.summary, 'Tổng hợp (ĐVHT)'] }));
    expect([...(snap.roles ?? [])]).toContainEqual(['Tổng hợp (ĐVHT)', ROLE.summary]);
    expect(snap.roles?.has(SHEETS.summary)).toBe(false);
  });

  it('draws a plan’s charts on the add-in’s own sheet, and LibreOffice keeps them', async () => {
    const wb = await XlsxWorkbook.create('bieu-do.xlsx', NODE_XLSX);
    await wb.batch(async (s) =>
      s.write({
        sheet: 'Tổng hợp đơn vị',
        mode: 'replace',
        role: 'consolidation',
        cells: [{ at: 'A1', rows: [['Kết quả', 'Số đơn vị'], ['Đạt', 12], ['Chưa đạt', 3]] }],
        charts: [{ type: 'pie', source: 'A1:B3', title: 'Kết quả', position: { from: 'D2', to: 'J16' } }, { type: 'columnClustered', source: 'A1:B3', title: 'Số đơn vị', position: { from: 'D18', to: 'J32' } }],
      }),
    );
    expect(wb.takeWarnings()).toEqual([]);
    const bytes = await wb.toBytes();
    const pkg = (await XlsxWorkbook.open(bytes, 'x', NODE_XLSX)).pkg;
    expect(pkg.partNames.filter((n) => /drawing|chart|_rels\/sheet/.test(n)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml', 'xl/worksheets/_rels/sheet1.xml.rels']);
    expect((await pkg.relsOf('xl/worksheets/sheet1.xml')).map((r) => r.path)).toEqual(['xl/drawings/drawing1.xml']);
    expect((await pkg.relsOf('xl/drawings/drawing1.xml')).map((r) => r.path)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-chart-'));
    const file = path.join(dir, 'bieu-do.xlsx');
    fs.writeFileSync(file, bytes);
    const out = await convert(file, 'xlsx', path.join(dir, 'out'));
    const resaved = (await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(out)), 'x', NODE_XLSX)).pkg;
    expect(resaved.partNames.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
  }, 120_000);

  it('reports a cell over Excel’s 32,767 characters, in words naming the cell', async () => {
    const wb = await XlsxWorkbook.create('dai.xlsx', NODE_XLSX);
    await wb.batch(async (s) => s.write({ sheet: 'Ghi chú', mode: 'ensure', cells: [{ at: 'B2', rows: [['x'.repeat(40_000)]] }] }));
    const warnings = wb.takeWarnings();
    expect(warnings).toEqual([{ code: 'cellTooLong', sheet: 'Ghi chú', detail: 'B2' }]);
    expect(warnings.map((w) => workbookWarningText('vi', w))).toEqual([expect.stringMatching(/^Trang “Ghi chú”, ô B2: nội dung dài hơn 32\.767 ký tự/)]);
  });

  it('draws the members list as an Excel table that evaluate resizes; a user’s table of the same name stays byte for byte; LibreOffice keeps it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-table-'));
    const file = path.join(dir, 'truong.xlsx');
    // The school's own table called "ThanhVien" on a sheet of theirs (openpyxl, as Python tools write it).
    execFileSync('/usr/bin/python3', ['-c', USER_TABLE_PY, file]);
    const userTable = 'xl/tables/table1.xml';
    const before = new Uint8Array(fs.readFileSync(file));
    const wb = await XlsxWorkbook.open(before, 'truong.xlsx', NODE_XLSX);
    await unit(wb);
    fs.writeFileSync(file, await wb.toBytes());
    expect(await run(['evaluate', file], capture())).toBe(0);
    const after = new Uint8Array(fs.readFileSync(file));
    expect(stored(after, userTable).equals(stored(before, userTable))).toBe(true);

    const tables = (bytes: Uint8Array, sheet: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', TABLES_PY, sheet], { input: bytes, encoding: 'utf8' })) as { name: string; ref: string; columns: string[] }[];
    const ours = tables(after, SHEETS.members);
    // 40 members under the header row 4; the result columns are inside the table.
    expect(ours).toEqual([{ name: 'ThanhVien_2', ref: expect.stringMatching(/^A4:[A-Z]+44$/), columns: expect.arrayContaining(['Họ và tên', 'Số chỉ tiêu đạt', 'Đạt mục tiêu cá nhân']) }]);
    expect(tables(after, 'Lớp')).toEqual([{ name: 'ThanhVien', ref: 'A1:B3', columns: ['Lớp', 'Sĩ số'] }]);

    const resaved = new Uint8Array(fs.readFileSync(await convert(file, 'xlsx', path.join(dir, 'lo'))));
    expect(tables(resaved, SHEETS.members)).toEqual([expect.objectContaining({ ref: ours[0]!.ref })]);
  }, 180_000);

  it('import grows the members table to the imported rows, and columns it adds join the table, before any evaluate', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 3, seed: 5 });
    await createSheets(wb, base);
    const tableOf = async () => JSON.parse(execFileSync('/usr/bin/python3', ['-c', TABLES_PY, SHEETS.members], { input: await wb.toBytes(), encoding: 'utf8' })) as { name: string; ref: string; columns: string[] }[];
    const [drawn] = await tableOf();
    const lastCol = /^A4:([A-Z]+)7$/.exec(drawn!.ref)![1]!;
    // The school's list: 10 new people, and a column the members sheet does not have yet.
    const people = Array.from({ length: 10 }, (_, i) => [`Người mới ${i + 1}`, 'Có', `Tổ ${i % 3}`]);
    await wb.batch(async (s) => s.write({ sheet: 'DS', mode: 'ensure', cells: [{ at: 'A1', rows: [['Họ và tên', 'Hoàn thành bồi dưỡng bắt buộc', 'Mã CB'], ...people] }] }));
    const result = await applyImport(wb, { sheet: 'DS' }, { now: NOW, markRemoved: false });
    expect(result.applied).toBe(true);
    expect(result.diff.added).toHaveLength(10);
    const [after] = await tableOf();
    // 3 + 10 members under the header row 4; the new column (after the last) is in the table.
    expect(after).toEqual({ name: 'ThanhVien', ref: `A4:${columnLetter(columnNumber(lastCol) + 1)}17`, columns: expect.arrayContaining(['Họ và tên', 'Mã định danh']) });
  }, 60_000);
});

const USER_TABLE_PY = `
import sys, openpyxl
from openpyxl.worksheet.table import Table
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Lớp'
for row in [['Lớp', 'Sĩ số'], ['6A', 40], ['6B', 38]]:
    ws.append(row)
ws.add_table(Table(displayName='ThanhVien', ref='A1:B3'))
wb.save(sys.argv[1])
`;

const TABLES_PY = `
import io, sys, json, openpyxl
ws = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))[sys.argv[1]]
print(json.dumps([{'name': t.displayName, 'ref': t.ref, 'columns': [c.name for c in t.tableColumns]} for t in ws.tables.values()]))
`;
import { capture } from '../support/cliOutput';
