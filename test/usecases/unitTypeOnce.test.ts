/**
 * A blank unit type ('Thông tin đơn vị'!B5) leaves the type-bound indicators (3.2b, learners)
 * undecided: evaluate says so once, at B5, with what to choose, not once more per indicator.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';

const NOW = new Date(Date.UTC(2025, 11, 20, 8));

async function warningsAtType(type: string) {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 10, seed: 5 });
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, { ...base, unit: { ...base.unit, type } });
  const r = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  expect(r.evaluation.indicators.find((i) => i.code === '3.2b')!.status).toBe('not_evaluable');
  return r.report.warnings.filter((w) => w.cell === 'B5');
}

describe('the unit type warned once, at its cell', () => {
  it('blank: one warning at B5, saying to choose a type from the cell’s list', async () => {
    const found = await warningsAtType('');
    expect(found.map((w) => w.code)).toEqual(['unitTypeMissing']);
    expect(found[0]!.message).toContain('Chọn loại đơn vị trong danh sách của ô (trang “Danh mục”, cột C)');
  });
});
