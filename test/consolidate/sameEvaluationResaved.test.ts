/**
 * A unit's workbook sent twice: as evaluated, and edited afterwards and saved by a program that
 * writes numbers to 15 digits (LibreOffice, WPS), which moves “Thời điểm đánh giá” by microseconds.
 * One evaluation, two contents: which copy is right is not known, and is asked; neither is “older”.
 */
import type * as ExcelJS from 'exceljs';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS } from '../../src/sheets/unitSheet';
import { foldKey } from '../../src/domain/text';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

/** Evaluated at a time with milliseconds, as evaluate writes it. */
const EVALUATED = new Date(2025, 11, 20, 9, 10, 24, 773);

/** “Thời điểm đánh giá” written back as a 15-digit serial, as LibreOffice saves it. */
const resavedTime = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.unit)!;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (foldKey(String(ws.getCell(r, 1).value ?? '')) !== foldKey(RESULT_FIELDS.evaluatedAt)) continue;
    const serial = 25569 + (ws.getCell(r, 2).value as Date).getTime() / 86_400_000;
    const rounded = Number(serial.toPrecision(15));
    if (rounded <= serial) throw new Error('the rounding must make the copy look newer for this test');
    ws.getCell(r, 2).value = rounded;
  }
};

it('two copies of one evaluation with other contents: neither is said older; the officer is asked which is right', async () => {
  const spec = { name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', members: 30, seed: 4, evaluatedAt: EVALUATED };
  const files = [
    { label: 'kim-dong-sua.xlsx', bytes: await unitWorkbook({ ...spec, edit: edits.all(edits.member(1, 'discipline', 'Không'), resavedTime) }) },
    { label: 'kim-dong.xlsx', bytes: await unitWorkbook(spec) },
  ];
  const { result } = await consolidatedInProcess(files, new Date(2025, 11, 28));
  const dropped = result.files.find((f) => f.status === 'duplicate')!;
  expect(dropped.reasons.join(' ')).not.toMatch(/cũ hơn/);
  expect(dropped.reasons).toEqual([expect.stringMatching(/không cho biết bản nào mới hơn.*Hãy hỏi đơn vị bản nào đúng\.$/)]);
  const kept = result.units[0]!;
  expect(kept.record.flags.find((f) => f.code === 'duplicate')!.message).toMatch(/không rõ bản nào mới hơn/);
});
