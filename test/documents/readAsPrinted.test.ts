/**
 * The dossier as a hiệu trưởng prints it and the commune officer reads it: drawn a second time
 * from “Mẫu văn bản” it prints as the first time (the number line keeps its room for the
 * handwritten number); a unit whose place or head is not typed yet gets blanks to write in, never
 * a stray comma or colon; a TT22 request lists the documents its cover files.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets, type CreateSheetsOptions } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { DOCUMENT_SHEETS } from '../../src/documents';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function reopened(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

/** A sample unit's workbook, evaluated, its documents drawn `times` times (each from the file as saved). */
async function drawn(options: CreateSheetsOptions, times = 1): Promise<ExcelJsWorkbook> {
  let wb = ExcelJsWorkbook.create('don-vi.xlsx');
  await createSheets(wb, options);
  wb = await reopened(wb);
  if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('the sample must evaluate');
  for (let i = 0; i < times; i++) {
    wb = await reopened(wb);
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  }
  return reopened(wb);
}

/** Every text of a sheet in reading order (merged cells once). */
function texts(wb: ExcelJsWorkbook, sheet: string): string[] {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      if (typeof c.value === 'string') out.push(c.value);
    }),
  );
  return out;
}

const numberLine = (wb: ExcelJsWorkbook, sheet: string) => texts(wb, sheet).find((t) => t.startsWith('Số:'));

describe('documents drawn again from “Mẫu văn bản”', () => {
  it('print the number line with its room for the handwritten number, as the first time', async () => {
    const once = await drawn(sampleUnit({ members: 12 }));
    const twice = await drawn(sampleUnit({ members: 12 }), 2);
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.quyetDinh, DOCUMENT_SHEETS.baoCao, DOCUMENT_SHEETS.bienBan]) {
      expect(numberLine(once, sheet)).toMatch(/^Số: {4,}\//);
      expect(numberLine(twice, sheet)).toBe(numberLine(once, sheet));
    }
  }, 60_000);
});
