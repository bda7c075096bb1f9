/**
 * Every command inside an older Excel, on the counting fake that refuses an API its ExcelApi
 * version lacks (ApiNotFound, as Excel does): ExcelApi 1.4 is the manifest's minimum (Office 2016
 * retail builds that have it), 1.7 and 1.8 are Office 2019's. Nothing newer is called unguarded:
 * each command works, and what the host lacks is skipped with the user told (featureSkipped).
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { Consolidation, writeConsolidation } from '../../src/usecases/consolidate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { createFakeExcel } from '../support/fakeExcel';

const NOW = new Date(Date.UTC(2025, 11, 20));

describe.each(['1.4', '1.7', '1.8', '1.13'])('inside Excel with ExcelApi %s', (apiVersion) => {
  it('sets up, evaluates twice, writes the documents and a consolidation, shows a cell', async () => {
    const excel = createFakeExcel({ apiVersion, strictNullObjects: true });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await createSheets(wb, sampleUnit({ members: 30, seed: 3 }));
    for (const time of ['first', 'again']) {
      const result = await evaluateWorkbook(wb, { now: NOW });
      expect({ time, ok: result.ok }).toEqual({ time, ok: true });
    }
    expect((await generateDocuments(wb)).ok).toBe(true);
    await writeConsolidation(wb, new Consolidation({ body: 'UBND xã', tier: 'cấp xã', asOf: NOW }).finish());
    await wb.batch(async (s) => s.select(SHEETS.members, 'C5'));
    expect(excel.selection()).toEqual({ sheet: SHEETS.members, address: 'C5' });
    const skipped = new Set(wb.takeWarnings().filter((w) => w.code === 'featureSkipped').map((w) => w.detail));
    if (apiVersion === '1.13') expect([...skipped]).toEqual([]);
    if (apiVersion === '1.4') expect([...skipped]).toEqual(expect.arrayContaining(['freeze', 'validation']));
  });
});

describe('a conditional format inside an Excel before ExcelApi 1.6', () => {
  it('is skipped with the user told; the cells are written, and no colour stands in for it', async () => {
    const excel = createFakeExcel({ apiVersion: '1.5', strictNullObjects: true });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    await wb.batch(async (s) =>
      s.write({
        sheet: 'Bảng',
        mode: 'replace',
        role: 'table',
        cells: [{ at: 'A1', rows: [['Thẩm định'], ['Cần xem lại (1)']] }],
        conditionalFormats: [{ range: 'A2', formula: '=A2<>"Khớp số liệu"', style: { fill: '#FCE4D6', bold: true } }],
      }),
    );
    expect(wb.takeWarnings()).toEqual([{ code: 'featureSkipped', sheet: 'Bảng', detail: 'conditionalFormat' }]);
    expect(excel.sheet('Bảng').rows[1]![0]!.value).toBe('Cần xem lại (1)');
    expect(excel.sheet('Bảng').conditionalFormats).toEqual([]);
    expect(excel.sheet('Bảng').formats.filter((f) => f.key === 'fill.color')).toEqual([]);
  });
});
