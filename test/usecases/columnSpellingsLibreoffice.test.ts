/**
 * A member column respelt with the other i/y (“kỉ luật” for “kỷ luật”), in another case, Unicode
 * form or spacing, in the members sheet's header or in a condition, is the column the rule set names:
 * the engine measures it (it was an unknown column) and the sheet's formulas, whose column letters
 * the evaluation resolves the engine's way, count as the engine does. Recalculated by LibreOffice.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { expectFormulasAgree } from '../support/formulasAgree';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

it('a header and a condition respelt (kỉ/kỷ, case, NFD, spaces) are measured, and the sheet’s formulas agree with the engine', async () => {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 30, seed: 5 });
  const members = base.members!;
  [0, 1, 2].forEach((i) => (members[i]![idx('discipline')] = 'Không'));
  const wb = ExcelJsWorkbook.create('respelt.xlsx');
  await createSheets(wb, { ...base, members });
  const sheet = wb.workbook.getWorksheet(SHEETS.members)!;
  const headerRow = sheet.getColumn(1).values.findIndex((v) => v === MEMBER_FIELDS[0]!.header);
  expect(sheet.getCell(headerRow, idx('discipline') + 1).value).toBe('Chấp hành kỷ luật lao động');
  sheet.getCell(headerRow, idx('discipline') + 1).value = 'Chấp hành kỉ  luật lao động';
  const criteria = wb.workbook.getWorksheet(SHEETS.criteria)!;
  let row = 0;
  criteria.eachRow((r, n) => (r.getCell(COL.code).value === '2.1' ? (row = n) : undefined));
  criteria.getCell(row, COL.condition).value = '[CHẤP HÀNH KỶ LUẬT LAO ĐỘNG] = có'.normalize('NFD');

  const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const report = result.report;
  expect(report.warnings.filter((p) => p.code === 'unknownColumn')).toEqual([]);
  const discipline = report.indicators.find((i) => i.code === '2.1')!;
  expect(discipline.numerator).toBe(members.filter((m) => m[idx('discipline')] !== 'Không' && m[idx('counted')] !== 'Không').length);

  await expectFormulasAgree(wb, report, ['2.1']);
}, 180_000);
