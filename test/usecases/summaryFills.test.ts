/**
 * The summary's member rows as formula fills: each row of "Tổng hợp" still refers to its own
 * member's row of "Thành viên" when the list has gaps and members left out of the count. Read
 * back from the Excel fake, which moves a fill's references row by row as Excel does.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { NOT_COUNTED } from '../../src/sheets/summarySheet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { columnLetter } from '../../src/workbook/a1';
import { createFakeExcel } from '../support/fakeExcel';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

it('each summary row refers to its member, across gaps in the list and members not counted', async () => {
  const excel = createFakeExcel();
  const wb = new OfficeWorkbook(excel.run, excel.supports);
  const unit = sampleUnit({ members: 12, seed: 5 });
  const rows = unit.members!;
  for (const i of [4, 10]) rows[i]![idx('name')] = null; // blank rows: no member there
  for (const i of [1, 6]) rows[i]![idx('counted')] = 'Không';
  for (const i of [0, 2, 3, 5, 7, 8, 9, 11]) rows[i]![idx('counted')] = 'Có';
  await createSheets(wb, unit);
  const result = await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) });
  if (!result.ok) throw new Error('must evaluate');
  const members = result.report.members;
  expect(members.map((m) => m.row)).toEqual([5, 6, 7, 8, 10, 11, 12, 13, 14, 16]);

  const sheet = excel.sheet(SHEETS.summary);
  const header = sheet.rows.findIndex((line) => line?.[0]?.value === 'STT') + 1;
  const list = excel.sheet(SHEETS.members);
  const met = list.rows[3]!.findIndex((c) => c?.value === 'Số chỉ tiêu đạt') + 1;
  const M = (col: number, row: number) => `'${SHEETS.members}'!${columnLetter(col)}${row}`;
  members.forEach((m, i) => {
    const r = header + 1 + i;
    const got = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((L) => sheet.cell(`${L}${r}`)?.formula ?? sheet.value(`${L}${r}`));
    expect(got).toEqual([
      i + 1,
      `=${M(idx('name') + 1, m.row)}&""`,
      `=${M(idx('position') + 1, m.row)}&""`,
      `=${M(met, m.row)}`,
      `=${M(met + 1, m.row)}`,
      `=${M(met + 2, m.row)}`,
      m.counted ? `=${M(met + 3, m.row)}&""` : NOT_COUNTED,
    ]);
  });
  expect(sheet.value(`A${header + members.length + 1}`)).toBe('');
});
