/**
 * Shared by the dossier tests: a sample unit created, read back from its bytes and evaluated,
 * and a drawn sheet's texts as printed (a merged cell once).
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets, type UnitDetails } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit, type SampleOptions } from '../../src/usecases/sampleData';

export interface UnitOptions extends SampleOptions {
  presetId?: string;
  /** Fields typed over the sample's on "Thông tin đơn vị". */
  unit?: Partial<UnitDetails>;
  /** The day of the evaluation. */
  now: Date;
}

/** A sample unit's workbook as a file opens it, evaluated. */
export async function evaluatedUnit(o: UnitOptions): Promise<ExcelJsWorkbook> {
  const made = ExcelJsWorkbook.create('unit.xlsx');
  const sample = sampleUnit(o);
  await createSheets(made, { ...sample, unit: { ...sample.unit, ...o.unit } });
  const wb = await ExcelJsWorkbook.fromBuffer(await made.toBuffer(), made.label);
  if (!(await evaluateWorkbook(wb, { now: o.now })).ok) throw new Error('the sample must evaluate');
  return wb;
}

/** A sheet's texts in order, a merged range's once; none when the sheet is not there. */
export function sheetLines(wb: ExcelJsWorkbook, sheet: string): string[] {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)?.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      if (typeof c.value === 'string' && c.value.trim()) out.push(c.value);
    }),
  );
  return out;
}

/** A sheet's lines as read on paper: a paragraph's indent left out, the spaces binding a word to the next as spaces. */
export const printedLines = (wb: ExcelJsWorkbook, sheet: string): string[] =>
  sheetLines(wb, sheet)
    .join('\n')
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim());

/** printedLines as one text. */
export const printed = (wb: ExcelJsWorkbook, sheet: string): string => printedLines(wb, sheet).join('\n');
