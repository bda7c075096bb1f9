/**
 * A member listed twice on a unit's “Thành viên” is counted twice in its figures. Evaluate
 * warns the unit (memberChecks.ts); consolidation says it to the officer in the unit's remarks:
 * which member, which rows of which file's sheet, and what the unit should do. A unit without
 * a member listed twice gets no such remark.
 */
import type * as ExcelJS from 'exceljs';
import { CONSOLIDATION_SHEETS, readUnitFile, type ConsolidationResult } from '../../src/usecases/consolidate';
import { readText } from '../../src/domain/values';
import { SHEETS } from '../../src/sheets/names';
import { PartReceiver, PartSender } from '../../src/usecases/consolidate/poolParts';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { consolidatedInProcess, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);
const MEMBERS = 12;
/** The sheet row of the first member (corpus edits.member). */
const FIRST_MEMBER_ROW = 5;
const NAME_COL = MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1;

/** The member on sheet row `from` typed again, whole, on the row after the last member (as a clerk pastes a row twice). */
const listedAgain = (from: number) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.members)!;
  const to = FIRST_MEMBER_ROW + MEMBERS;
  ws.getRow(from).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = cell.value as { result?: unknown } | null;
    // A formula's value, as pasting values gives it.
    ws.getCell(to, col).value = (v && typeof v === 'object' && 'result' in v ? v.result : cell.value) as ExcelJS.CellValue;
  });
};

describe.each([false, true])('a member listed twice in a unit (rows drawn as files arrive: %s)', (drawn) => {
  let result: ConsolidationResult;
  let remarks: Map<string, string[]>;
  let twice: string;
  beforeAll(async () => {
    const doubled = await unitWorkbook({ name: 'Trường THCS Lê Lợi', type: 'Trường THCS', members: MEMBERS, seed: 11, prepare: listedAgain(FIRST_MEMBER_ROW + 2) });
    const files = [
      { label: 'ho-so/le-loi.xlsx', bytes: doubled },
      { label: 'ho-so/tran-phu.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Trần Phú', type: 'Trường THCS', members: MEMBERS, seed: 12 }) },
    ];
    let workbook: XlsxWorkbook;
    ({ result, workbook } = await consolidatedInProcess(files, AS_OF, drawn));
    const rows = (await workbook.batch((s) => s.read([CONSOLIDATION_SHEETS.units]))).sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
    const h = rows.findIndex((row) => row[0] === 'STT');
    const col = (heading: string) => rows[h]!.indexOf(heading);
    remarks = new Map(
      rows
        .slice(h + 1)
        .filter((row) => typeof row[0] === 'number')
        .map((row) => [readText(row[col('Tệp')] ?? null), readText(row[col('Ghi chú')] ?? null).split('\n').filter(Boolean)]),
    );
    // The member's name as the unit's file holds it.
    const members = (await ExcelJsWorkbook.fromBuffer(doubled, 'le-loi.xlsx')).workbook.getWorksheet(SHEETS.members)!;
    twice = String(members.getCell(FIRST_MEMBER_ROW + 2, NAME_COL).value);
  });

  it('names the member, the rows of the file’s “Thành viên” sheet and what the unit should do in the unit’s remarks', () => {
    const said = remarks.get('ho-so/le-loi.xlsx')!.filter((l) => l.includes(`“${twice}”`));
    expect(said).toHaveLength(1);
    const line = said[0]!;
    expect(line).toContain('“ho-so/le-loi.xlsx”');
    expect(line).toContain('“Thành viên”');
    expect(line).toContain(`${FIRST_MEMBER_ROW + 2}, ${FIRST_MEMBER_ROW + MEMBERS}`);
    // What the unit should do: delete the extra row or not count it, evaluate again and send the file again.
    expect(line).toMatch(/xóa dòng thừa/);
    expect(line).toMatch(/Tính vào tổng số/);
    expect(line).toMatch(/gửi lại/);
    expect(result.units.find((u) => u.file === 'ho-so/le-loi.xlsx')!.record.flags.filter((f) => f.code === 'duplicateMember')).toHaveLength(1);
  });

  it('gives a unit without a member listed twice no such remark', () => {
    expect(result.units.find((u) => u.file === 'ho-so/tran-phu.xlsx')!.record.flags.map((f) => f.code)).not.toContain('duplicateMember');
    expect(remarks.get('ho-so/tran-phu.xlsx')!.filter((l) => /nhiều lần/.test(l))).toEqual([]);
  });
});

describe('the remark of a member listed twice', () => {
  it('is found where the file is read and crosses from a reading thread as it is (English too)', async () => {
    const bytes = await unitWorkbook({ name: 'Trường THCS Lê Lợi', type: 'Trường THCS', members: MEMBERS, seed: 11, prepare: listedAgain(FIRST_MEMBER_ROW) });
    const read = await readUnitFile(bytes, 'ho-so/le-loi.xlsx', { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang: 'en' });
    const flag = read.unit!.flags.find((f) => f.code === 'duplicateMember')!;
    expect(flag.message).toContain('“ho-so/le-loi.xlsx”');
    expect(flag.message).toContain(`rows ${FIRST_MEMBER_ROW}, ${FIRST_MEMBER_ROW + MEMBERS}`);
    const crossed = new PartReceiver().unpack(new PartSender().pack(read));
    expect(crossed.unit!.flags).toEqual(read.unit!.flags);
  });
});
