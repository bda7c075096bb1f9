/**
 * A self-assessment that disagrees with the unit's data is said at the cell the unit typed over
 * ('Tiêu chí' column O, the result block of 'Thông tin đơn vị'): the cell to open and to ask about.
 */
import * as ExcelJS from 'exceljs';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS } from '../../src/sheets/unitSheet';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { setCachedResult, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const scoreTypedOver = (score: number) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.unit)!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === RESULT_FIELDS.score) setCachedResult(ws, `B${r}`, score);
};

it('a TT22 unit whose recorded score is not its data’s: the remark names its score cell', async () => {
  const bytes = await unitWorkbook({ name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', presetId: 'tt22-100', edit: scoreTypedOver(70) });
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', asOf: new Date(2025, 11, 28), lang: 'vi' });
  c.add(await readUnitFile(bytes, 'kim-dong.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' }));
  const flags = c.finish().units[0]!.record.flags.filter((f) => f.code === 'disagree').map((f) => f.message);
  expect(flags).toEqual([expect.stringMatching(/^Điểm tự đánh giá 70 — Tốt \('Thông tin đơn vị'!B21\) nhưng tính lại: 100 điểm — xếp loại Tốt\. Kết quả tự đánh giá nêu trên .* rồi gửi lại tệp\.$/)]);
});
