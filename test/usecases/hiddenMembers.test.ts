/**
 * Rows hidden in “Thành viên” (staff who left, hidden by hand; a filter showing one group) are
 * counted by the engine and by the sheet's formulas alike (COUNTIFS ignores hiding), while the
 * clerk counts what she sees: evaluate says so once for the sheet, inside Excel and on a file.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult, type EvaluateResult } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { createFakeExcel } from '../support/fakeExcel';
import { hideRowsInXml, hideRowsWithOpenpyxl } from '../support/hideRows';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
/** The sample's members start below the header on row 4; of 20, the last (row 24) is not counted (Không). */
const FIRST = 5;
const MEMBERS = 20;
const LAST = FIRST + MEMBERS - 1;
/** Under the list: a blank row, the total, the signatures. */
const TOTAL = LAST + 2;
const SIGNATURE = LAST + 4;

/** Our writer's sample workbook with a total and signatures under its list. */
async function sampleBytes(): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit({ members: MEMBERS }));
  await wb.batch(async (s) =>
    s.write({
      sheet: SHEETS.members,
      mode: 'existing',
      cells: [
        { at: `A${TOTAL}`, rows: [[`Tổng số: ${MEMBERS} người`]] },
        { at: `B${SIGNATURE}`, rows: [['Người lập biểu']] },
      ],
    }),
  );
  return wb.toBytes();
}

async function evaluateFile(bytes: Uint8Array): Promise<Extract<EvaluateResult, { ok: true }>> {
  const result = await evaluateWorkbook(await XlsxWorkbook.open(bytes, 'truong.xlsx', NODE_XLSX), { now: NOW, dryRun: true });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

const hiddenWarnings = (result: EvaluateResult) => (result.ok ? result.report.warnings.filter((w) => w.code === 'memberRowsHidden') : []);

describe.each([
  ['our writer’s file, rows hidden in its <row> tags', hideRowsInXml],
  ['the same file saved by openpyxl with row_dimensions[..].hidden', hideRowsWithOpenpyxl],
])('%s', (_producer, hide) => {
  it('warns once, at the first hidden counted member’s name: how many, which rows, and what to do', async () => {
    // Rows 6 and 9 are counted members; row 24 is not counted (Không); the total and the signature are no members.
    const result = await evaluateFile(hide(await sampleBytes(), { [SHEETS.members]: [FIRST + 1, FIRST + 4, LAST, TOTAL, SIGNATURE] }));
    const warned = hiddenWarnings(result);
    expect(warned.map((w) => [w.sheet, w.cell])).toEqual([[SHEETS.members, `B${FIRST + 1}`]]);
    const message = warned[0]!.message;
    expect(message).toContain(`'Thành viên'!B${FIRST + 1}`);
    expect(message).toContain('2 thành viên');
    expect(message).toContain(`dòng ${FIRST + 1}, ${FIRST + 4}`);
    expect(message).toContain('ghi Không ở cột “Tính vào tổng số”');
    expect(message).toContain('bỏ lọc');
    // Counted all the same, as the sheet's formulas count them.
    expect(result.report.countedMembers).toBe(MEMBERS - 1);
    const en = rewordResult(result, 'en');
    expect(hiddenWarnings(en)[0]!.message).toMatch(/2 counted members are hidden on the sheet \(row numbers: 6, 9\)\..*write Không in “Tính vào tổng số”.*clear the filter/);
  });

  it('lists the first ten rows, then “…”, and counts them all', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => FIRST + 2 + i);
    const warned = hiddenWarnings(await evaluateFile(hide(await sampleBytes(), { [SHEETS.members]: rows })));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.cell).toBe(`B${FIRST + 2}`);
    expect(warned[0]!.message).toContain('12 thành viên');
    expect(warned[0]!.message).toContain(`dòng ${rows.slice(0, 10).join(', ')}, …`);
  });

  it('says nothing when only rows not counted, or under the list, are hidden', async () => {
    const result = await evaluateFile(hide(await sampleBytes(), { [SHEETS.members]: [LAST, TOTAL, SIGNATURE] }));
    expect(result.report.members.find((m) => m.row === LAST)).toMatchObject({ counted: false });
    expect(hiddenWarnings(result)).toEqual([]);
  });
});

it('says nothing of a blank row hidden inside the list', async () => {
  const wb = await XlsxWorkbook.open(await sampleBytes(), 'truong.xlsx', NODE_XLSX);
  // A member's row emptied: a blank line left in the list.
  await wb.batch(async (s) => s.write({ sheet: SHEETS.members, mode: 'existing', cells: [{ at: `A${FIRST + 3}`, rows: [MEMBER_FIELDS.map(() => null)] }] }));
  const result = await evaluateFile(hideRowsWithOpenpyxl(await wb.toBytes(), { [SHEETS.members]: [FIRST + 3] }));
  expect(hiddenWarnings(result)).toEqual([]);
});

it('words one hidden member in the singular, in English too', async () => {
  const result = await evaluateFile(hideRowsWithOpenpyxl(await sampleBytes(), { [SHEETS.members]: [FIRST] }));
  expect(hiddenWarnings(result)[0]!.message).toContain(`1 thành viên được tính vào tổng số đang nằm ở dòng bị ẩn (dòng ${FIRST})`);
  expect(hiddenWarnings(rewordResult(result, 'en'))[0]!.message).toContain(`1 counted member is hidden on the sheet (row numbers: ${FIRST})`);
});

it('says nothing when no row is hidden', async () => {
  expect(hiddenWarnings(await evaluateFile(await sampleBytes()))).toEqual([]);
});

describe.each([10, 5000])('inside Excel with %i members', (members) => {
  it('warns of hidden counted members, in one sync more than evaluate’s two (only where rows are hidden)', async () => {
    const excel = createFakeExcel();
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await createSheets(wb, sampleUnit({ members, seed: 3 }));
    const hidden = [FIRST + 1, FIRST + members - 2];
    for (const r of hidden) excel.sheet(SHEETS.members).hiddenRows.add(r);
    excel.reset();
    const result = await evaluateWorkbook(wb, { now: NOW });
    expect(excel.stats.syncs).toBe(3);
    const warned = hiddenWarnings(result);
    expect(warned.map((w) => [w.sheet, w.cell])).toEqual([[SHEETS.members, `B${hidden[0]}`]]);
    expect(warned[0]!.message).toContain(`dòng ${hidden.join(', ')}`);
  });
});
