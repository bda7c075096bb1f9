/**
 * A clerk working in LibreOffice merges a group heading (“Tổ Toán”) across A:D between the members.
 * Excel allows no merged cell inside a table: it drops the table on opening (“Removed Feature:
 * Table”) and asks to repair the file. Evaluate used to grow the members table over such a row;
 * it now stops the table above the first merged row under its header, so a file that opened
 * cleanly still does.
 */
import { execFileSync } from 'child_process';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { applyImport } from '../../src/usecases/import/importMembers';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { openpyxlSheet } from '../workbook/contract/openpyxlSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const MEMBERS = 12;
const FIRST = MEMBER_HEADER_ROW + 1;

/** Inserts an empty row at each of `rows` (top to bottom) and types a heading merged across A:D there, as openpyxl saves it. */
const HEADINGS = `
import io, json, sys
import openpyxl
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb[sys.argv[1]]
for r, text in json.loads(sys.argv[2]):
    ws.insert_rows(r)
    ws.cell(r, 1, text)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
`;

function withHeadings(bytes: Uint8Array, headings: [number, string][]): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', HEADINGS, SHEETS.members, JSON.stringify(headings)], { input: bytes, maxBuffer: 64 << 20 }));
}

async function sampleBytes(): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit({ members: MEMBERS }));
  return wb.toBytes();
}

async function evaluated(bytes: Uint8Array) {
  const wb = await XlsxWorkbook.open(bytes, 'truong.xlsx', NODE_XLSX);
  const result = await evaluateWorkbook(wb, { now: NOW });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { result, sheet: openpyxlSheet(Buffer.from(await wb.toBytes()), SHEETS.members) };
}

it('stops the members table above a heading merged between the members, and keeps the merge', async () => {
  // Two headings among the members: rows 9 and 14 once inserted.
  const bytes = withHeadings(await sampleBytes(), [
    [FIRST + 4, 'Tổ Toán'],
    [FIRST + 9, 'Tổ Văn phòng'],
  ]);
  const { result, sheet } = await evaluated(bytes);
  expect(result.report.countedMembers).toBeGreaterThan(0);
  expect(result.report.members).toHaveLength(MEMBERS);
  expect(sheet.merges).toEqual(expect.arrayContaining([`A${FIRST + 4}:D${FIRST + 4}`, `A${FIRST + 9}:D${FIRST + 9}`]));
  expect(sheet.tables).toHaveLength(1);
  expect(sheet.tables[0]!.ref).toMatch(new RegExp(`^A${MEMBER_HEADER_ROW}:[A-Z]+${FIRST + 3}$`));
});

it('draws the table over the whole list when nothing is merged in it', async () => {
  const { sheet } = await evaluated(await sampleBytes());
  expect(sheet.tables.map((t) => t.ref)).toEqual([expect.stringMatching(new RegExp(`^A${MEMBER_HEADER_ROW}:[A-Z]+${FIRST + MEMBERS - 1}$`))]);
});

it('import: the members table taking in new members stops above a merged heading too', async () => {
  const bytes = withHeadings(await sampleBytes(), [[FIRST + 4, 'Tổ Toán']]);
  const wb = await XlsxWorkbook.open(bytes, 'truong.xlsx', NODE_XLSX);
  // A second sheet of the same unit (contract workers): added under the list, no one marked gone.
  const source = { sheet: 'DS', data: { name: 'DS', rows: [['STT', 'Họ và tên', 'Chức vụ'], [1, 'Trương Văn Bảo', 'Bảo vệ']] } };
  const result = await applyImport(wb, source, { now: NOW, markRemoved: false });
  expect(result.applied).toBe(true);
  const sheet = openpyxlSheet(Buffer.from(await wb.toBytes()), SHEETS.members);
  expect(sheet.merges).toContain(`A${FIRST + 4}:D${FIRST + 4}`);
  expect(sheet.tables.map((t) => t.ref)).toEqual([expect.stringMatching(new RegExp(`^A${MEMBER_HEADER_ROW}:[A-Z]+${FIRST + 3}$`))]);
});
