/**
 * What `documents` says before a TT22 dossier is signed: TT 22/2020 has had no effect since
 * 26/01/2024, so a rule set still citing it for a later year is warned at its “Căn cứ” cell
 * (the unit writes its province's document there, and the documents cite that). A unit rated in
 * its fail band files its self-evaluation without a tờ trình (notMet.test.ts).
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments, type DocumentKind } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { SETTINGS } from '../../src/sheets/criteriaSheet';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { SHEETS } from '../../src/sheets/names';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const DAK_LAK = 'Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk về việc ban hành Hướng dẫn đánh giá, xếp loại Đơn vị học tập';

/** The 1-based row whose column `col` holds `label`. */
function rowOf(wb: ExcelJsWorkbook, sheet: string, label: string, col: number): number {
  let found = 0;
  wb.workbook.getWorksheet(sheet)!.eachRow((row, r) => {
    if (!found && row.getCell(col).value === label) found = r;
  });
  return found;
}

async function evaluated(options: { presetId?: string; year?: number; rate?: number; basis?: string }): Promise<ExcelJsWorkbook> {
  const sample = sampleUnit({ members: 20, presetId: options.presetId, rate: options.rate });
  const wb = ExcelJsWorkbook.create('tt22.xlsx');
  await createSheets(wb, { ...sample, unit: { ...sample.unit, year: options.year ?? 2025 } });
  if (options.basis) wb.workbook.getWorksheet(SHEETS.criteria)!.getCell(rowOf(wb, SHEETS.criteria, SETTINGS.basis, 2), 3).value = options.basis;
  const ev = await evaluateWorkbook(wb, { now: NOW });
  if (!ev.ok) throw new Error('must evaluate');
  return wb;
}

async function documents(wb: ExcelJsWorkbook, kinds: DocumentKind[]) {
  const r = await generateDocuments(wb, { kinds });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

const sheetTexts = (wb: ExcelJsWorkbook, sheet: string): string => {
  const texts: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
  return texts.join('\n');
};

describe('a TT22 rule set for 2024 or later', () => {
  it('is warned at its “Căn cứ” cell, naming the year cell and a province’s document to cite instead', async () => {
    const wb = await evaluated({ presetId: 'tt22-100' });
    const r = await documents(wb, ['to-trinh', 'ke-hoach']);
    const basisRow = rowOf(wb, SHEETS.criteria, SETTINGS.basis, 2);
    const yearRow = rowOf(wb, SHEETS.unit, UNIT_FIELDS.year, 1);
    const warning = r.warnings.find((w) => w.code === 'repealedBasis');
    expect(warning).toMatchObject({ severity: 'warning', sheet: SHEETS.criteria, cell: `C${basisRow}` });
    for (const part of ['Thông tư số 22/2020/TT-BGDĐT', '26/01/2024', '2025', `'Thông tin đơn vị'!B${yearRow}`, `'Tiêu chí'!C${basisRow}`, '2316/QĐ-UBND']) expect(warning!.message).toContain(part);
  });

  it('cites the province’s document the unit wrote in “Căn cứ”, and is no longer warned', async () => {
    const wb = await evaluated({ presetId: 'tt22-100', basis: DAK_LAK });
    const r = await documents(wb, ['to-trinh', 'ke-hoach']);
    expect(r.warnings.filter((w) => w.code === 'repealedBasis')).toEqual([]);
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach]) {
      expect(sheetTexts(wb, sheet)).toContain(`Căn cứ ${DAK_LAK};`);
      expect(sheetTexts(wb, sheet)).not.toContain('22/2020');
    }
  });

  it('a TT22 dossier of 2023, when TT22 was in force, and a TT24 one are not warned', async () => {
    for (const wb of [await evaluated({ presetId: 'tt22-100', year: 2023 }), await evaluated({})]) {
      const r = await documents(wb, ['to-trinh']);
      expect(r.warnings.filter((w) => w.code === 'repealedBasis')).toEqual([]);
    }
  });
});
