/**
 * “Tiêu chí” says on the sheet what the tags of its “Nguồn” column mean ([C]/[S]/[L]), in the
 * row above the table, drawn alike in a file and inside Excel; the sheet still reads back as
 * the rule set it shows.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { Workbook } from '../../src/workbook/port';
import { createFakeExcel } from '../support/fakeExcel';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { drawCriteriaSheet, readCriteriaSheet, TABLE_HEADER_ROW } from '../../src/sheets/criteriaSheet';
import { findPreset } from '../../src/domain/rules/presets';
import { SHEETS } from '../../src/sheets/names';
import { t } from '../../src/i18n';

const LEGEND = t('vi', 'criteriaSheet.sourceTags');

describe('the hint under the title of “Tiêu chí”', () => {
  it('tells the unit that an edited requirement is seen by the body that receives the dossier, in both languages', () => {
    const plan = drawCriteriaSheet(findPreset('tt24-co-so-md1')!);
    const hint = plan.cells!.find((b) => b.at === 'A1')!.rows[1]![0];
    expect(hint).toBe(t('vi', 'criteriaSheet.hint'));
    expect(hint).toMatch(/cơ quan tiếp nhận hồ sơ thấy mọi chỗ sửa/);
    expect(t('en', 'criteriaSheet.hint')).toMatch(/receives the dossier sees every edit/);
  });

  it('says that “Không áp dụng” is for an indicator whose “Áp dụng cho” leaves the unit out, not a third answer to any', () => {
    expect(t('vi', 'criteriaSheet.hint')).toContain('ghi Đạt hoặc Không đạt ở cột I (chỉ ghi Không áp dụng khi cột “Áp dụng cho” không gồm đơn vị)');
    expect(t('en', 'criteriaSheet.hint')).toContain('write Đạt or Không đạt in column I (Không áp dụng only where its “Áp dụng cho” leaves the unit out)');
  });
});

describe('the legend of the “Nguồn” tags on “Tiêu chí”', () => {
  it('is in Vietnamese, names every tag the presets use, and has its English twin', () => {
    for (const tag of ['[C]', '[S]', '[L]']) {
      expect(LEGEND).toContain(tag);
      expect(t('en', 'criteriaSheet.sourceTags')).toContain(tag);
    }
    expect(LEGEND).toMatch(/^Ký hiệu ở cột “Nguồn”/);
  });

  it('is drawn in the row just above the table’s header, alone in its row, as a hint', () => {
    const plan = drawCriteriaSheet(findPreset('tt24-co-so-md1')!);
    const at = `A${TABLE_HEADER_ROW - 1}`;
    expect(plan.cells!.filter((b) => b.rows.some((r, i) => Number(/\d+/.exec(b.at)![0]) + i === TABLE_HEADER_ROW - 1 && r.some((v) => v !== null)))).toEqual([{ at, rows: [[LEGEND]] }]);
    expect(plan.styles).toContainEqual({ range: at, style: expect.objectContaining({ italic: true }) });
  });

  it('is left out (its cell emptied) for a rule set whose sources carry no tag, such as a province’s own set', () => {
    const preset = findPreset('tt24-co-so-md1')!;
    const local = { ...preset, indicators: preset.indicators.map((i) => ({ ...i, source: 'Kế hoạch số 12/KH-UBND ngày 05/3/2025' })) };
    const plan = drawCriteriaSheet(local);
    const at = `A${TABLE_HEADER_ROW - 1}`;
    expect(plan.cells!.find((b) => b.at === at)).toEqual({ at, rows: [[null]] });
  });

  const hosts: [string, () => Promise<Workbook>][] = [
    ['in a file', () => XlsxWorkbook.create('truong.xlsx', NODE_XLSX)],
    ['inside Excel', async () => {
      const excel = createFakeExcel();
      return new OfficeWorkbook(excel.run, excel.supports);
    }],
  ];
  it.each(hosts)('%s: the sheet shows it and reads back as the preset, before and after evaluating', async (_, open) => {
    const wb = await open();
    const unit = sampleUnit({ members: 12, presetId: 'tt24-co-so-md2' });
    await createSheets(wb, unit);
    const read = () => wb.batch(async (s) => (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!);
    const data = await read();
    expect(data.rows[TABLE_HEADER_ROW - 2]![0]).toBe(LEGEND);
    const parsed = readCriteriaSheet(data);
    expect(parsed.problems).toEqual([]);
    expect(parsed.headerRow).toBe(TABLE_HEADER_ROW);
    expect(parsed.ruleSet.indicators.map((i) => [i.code, i.threshold, i.source])).toEqual(unit.ruleSet.indicators.map((i) => [i.code, i.threshold, i.source]));
    expect(parsed.ruleSet.level).toBe(2);
    expect((await evaluateWorkbook(wb)).ok).toBe(true);
    expect((await read()).rows[TABLE_HEADER_ROW - 2]![0]).toBe(LEGEND);
  });
});

describe('“Tiêu chí” on a school office laptop', () => {
  it('freezes the code and text columns only: its 16 rows of settings above the table would fill a 768-pixel screen and leave no criterion to scroll to', () => {
    const plan = drawCriteriaSheet(findPreset('tt24-co-so-md1')!);
    expect(TABLE_HEADER_ROW).toBeGreaterThan(10);
    expect(plan.freeze).toEqual({ rows: 0, columns: 2 });
    // Printed, the table's header still heads every page.
    expect(plan.page?.printTitleRows).toBe(`${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`);
  });
});
