/**
 * The spellings a unit adds to “Danh mục” (A: read as CÓ) are all read, however many: the engine
 * reads every row of the list, and the sheet's formulas match against a hidden copy whose range
 * follows the list's real length (it stopped at 40 forms and 40 rows, the rest dropped silently:
 * the engine counted a member the formulas did not). Recalculated by LibreOffice.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { expectFormulasAgree } from '../support/formulasAgree';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);
/** The unit's own spellings of “yes”, under the seven the sheet is drawn with (A4:A10): A11 onwards. */
const OWN = Array.from({ length: 45 }, (_, i) => `đồng ý ${i + 1}`);

it('every spelling added to the yes list counts alike in the engine and in the sheet’s formulas, past 40 forms and 40 rows', async () => {
  /** The sample unit, its first three members' discipline written `typed`, the unit's own spellings in “Danh mục”. */
  const made = async (typed: string[]) => {
    const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 30, seed: 5 });
    const members = base.members!;
    typed.forEach((t, i) => (members[i]![idx('discipline')] = t));
    const wb = ExcelJsWorkbook.create('spellings.xlsx');
    await createSheets(wb, { ...base, members });
    const lists = wb.workbook.getWorksheet(SHEETS.lists)!;
    OWN.forEach((s, i) => (lists.getCell(11 + i, 1).value = s));
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    return { wb, report: result.report };
  };
  // The 17th (its forms past the 40th) and the 45th (row 55, past row 43): both once said “yes”.
  const { wb, report } = await made([OWN[16]!, OWN[44]!, OWN[44]!.normalize('NFD')]);
  expect(report.warnings.filter((w) => w.code === 'ambiguousYesNo')).toEqual([]);
  const discipline = report.indicators.find((i) => i.code === '2.1')!;
  const asYes = (await made(['Có', 'Có', 'Có'])).report.indicators.find((i) => i.code === '2.1')!;
  expect(discipline.numerator).toBe(asYes.numerator);

  await expectFormulasAgree(wb, report, ['2.1']);
}, 180_000);
