/**
 * Both correct spellings of a title ("Chiến sĩ" / "Chiến sỹ", in either Unicode form) and crosses
 * for "no" are counted alike by the engine and by the workbook's own formulas, recalculated by
 * LibreOffice: what the engine accepts, the sheet counts.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { expectFormulasAgree } from '../support/formulasAgree';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

it('sĩ / sỹ and ✗ / ✘ / × count the same in the engine and in the sheet’s formulas', async () => {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 30, seed: 5 });
  const members = base.members!;
  const typed = ['Chiến sỹ thi đua cơ sở', 'Chiến sỹ thi đua cơ sở'.normalize('NFD'), 'CHIẾN SỸ TIÊN TIẾN', 'Chiến sĩ thi đua cơ sở'.normalize('NFD')];
  typed.forEach((title, i) => (members[i]![idx('emulationTitle')] = title));
  ['✗', '✘', '×'].forEach((no, i) => (members[10 + i]![idx('discipline')] = no));
  const wb = ExcelJsWorkbook.create('spellings.xlsx');
  await createSheets(wb, { ...base, members });
  const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const report = result.report;
  expect(report.warnings.filter((w) => ['unknownTitle', 'titleSpelling', 'ambiguousYesNo'].includes(w.code))).toEqual([]);

  await expectFormulasAgree(wb, report, ['2.1', '3.1']);
}, 180_000);
