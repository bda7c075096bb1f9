/**
 * A member whose “Ghi chú” says long leave or a move during the year (“Nghỉ thai sản”,
 * “Chuyển công tác 9/2025”) while “Tính vào tổng số” is blank is counted by default. Whether to
 * count them is the unit's call; evaluate points at them once for the sheet, as import does,
 * and says nothing once the clerk has written Có or Không.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult, type EvaluateResult } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { cellAddress } from '../../src/workbook/a1';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
/** The sample's members start on row 5. */
const FIRST = 5;
const col = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key) + 1;

async function evaluateWith(rows: { row: number; note: string; counted: string | null }[]): Promise<EvaluateResult> {
  const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit({ members: 20 }));
  await wb.batch(async (s) =>
    s.write({
      sheet: SHEETS.members,
      mode: 'existing',
      cells: rows.flatMap((r) => [
        { at: cellAddress(r.row, col('note')), rows: [[r.note]] },
        { at: cellAddress(r.row, col('counted')), rows: [[r.counted]] },
      ]),
    }),
  );
  return evaluateWorkbook(await XlsxWorkbook.open(await wb.toBytes(), 'truong.xlsx', NODE_XLSX), { now: NOW, dryRun: true });
}

const absenceWarnings = (result: EvaluateResult) => (result.ok ? result.report.warnings.filter((w) => w.code === 'absentMembersCounted') : []);

test('warns once, at the first such note: how many, which rows, and what to write', async () => {
  const result = await evaluateWith([
    { row: FIRST + 2, note: 'Chuyển công tác từ 9/2025', counted: null },
    { row: FIRST + 4, note: 'nghi thai san', counted: null },
    { row: FIRST + 6, note: 'Nghỉ ốm 3 ngày', counted: null },
    { row: FIRST + 7, note: 'Nghỉ thai sản', counted: 'Có' },
    { row: FIRST + 8, note: 'Đi học dài hạn', counted: 'Không' },
  ]);
  const warned = absenceWarnings(result);
  expect(warned.map((w) => [w.sheet, w.cell])).toEqual([[SHEETS.members, cellAddress(FIRST + 2, col('note'))]]);
  expect(warned[0]!.message).toContain(`2 thành viên`);
  expect(warned[0]!.message).toContain(`dòng ${FIRST + 2}, ${FIRST + 4}`);
  expect(warned[0]!.message).toContain('ghi Không');
  expect(warned[0]!.message).toContain('ghi Có');
  expect(absenceWarnings(rewordResult(result, 'en'))[0]!.message).toMatch(/2 members .*rows 7, 9/);
});

test('says nothing when every such member has Có or Không', async () => {
  const result = await evaluateWith([
    { row: FIRST + 2, note: 'Chuyển công tác từ 9/2025', counted: 'Không' },
    { row: FIRST + 7, note: 'Nghỉ thai sản', counted: 'Có' },
  ]);
  expect(result.ok).toBe(true);
  expect(absenceWarnings(result)).toEqual([]);
});
