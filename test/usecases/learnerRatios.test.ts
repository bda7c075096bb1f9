/**
 * The learners' ratio column (“Người học”, column E) is a formula the add-in draws: it carries
 * the value Excel would compute, when the add-in knows it, so a file shows it before Excel or
 * LibreOffice recalculates; evaluate refreshes it from the counts it reads anyway.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { SHEETS } from '../../src/sheets/names';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { sheetRows, typeInto } from '../support/fakePaneHost';
import { PackageReader } from '../../src/hosts/preview/packageModel';

const FIRST = LEARNER_HEADER_ROW + 1;

/**
 * The ratio cells' cached values in the saved file ('' for an empty text result), or
 * 'uncalculated' for a formula saved without one.
 */
async function savedRatios(wb: XlsxWorkbook, rows: number): Promise<unknown[]> {
  const again = await XlsxWorkbook.open(await wb.toBytes(), 'again.xlsx', NODE_XLSX);
  const model = (await new PackageReader(again.pkg).sheet(SHEETS.learners))!;
  return Array.from({ length: rows }, (_, i) => {
    const row = FIRST + i;
    if (model.uncached.has(`${row}:5`)) return 'uncalculated';
    return model.values[row - 1]?.[4] ?? '';
  });
}

describe('the learners’ ratio column', () => {
  test('is drawn with the ratio of each class, and blank where no count is typed', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    const unit = sampleUnit();
    unit.learners = [
      [1, '6A', 40, 38],
      [2, '6B', 0, 0],
      [3, '6C', 30, null],
    ];
    await createSheets(wb, unit);
    expect(await savedRatios(wb, 4)).toEqual([38 / 40, '', 0, '']);
  });

  test('is refreshed by evaluate after the counts were typed', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(wb, sampleUnit());
    await typeInto(wb, SHEETS.learners, `C${FIRST}`, 50);
    await typeInto(wb, SHEETS.learners, `D${FIRST}`, 45);
    await typeInto(wb, SHEETS.learners, `C${FIRST + 1}`, null);
    const before = await savedRatios(wb, 2);
    expect(before[0]).not.toBe(45 / 50);
    const result = await evaluateWorkbook(wb, { now: new Date(2026, 0, 1) });
    expect(result.ok).toBe(true);
    expect(await savedRatios(wb, 2)).toEqual([45 / 50, '']);
  });

  test('is left alone on a school’s own layout of the sheet', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(wb, sampleUnit());
    // The school's own heading in column E: not the add-in's ratio column any more.
    await typeInto(wb, SHEETS.learners, `E${LEARNER_HEADER_ROW}`, 'Ghi chú của trường');
    await typeInto(wb, SHEETS.learners, `E${FIRST}`, 'lớp chọn');
    await evaluateWorkbook(wb, { now: new Date(2026, 0, 1) });
    expect((await sheetRows(wb, SHEETS.learners))![FIRST - 1]![4]).toBe('lớp chọn');
  });
});
