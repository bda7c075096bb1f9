/**
 * The consolidated table's body line (“Đơn vị tổng hợp: … (cấp …)”) is read back by the officer's
 * documents: from C, where the table draws its lines above the frozen STT and name columns now, and
 * from A, where a table consolidated before has it.
 */
import type { SheetData } from '../../src/domain/sheetData';
import { readConsolidatedTable } from '../../src/usecases/officerTable';

const BODY = 'Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025';

function table(lineAt: number): SheetData {
  const line = (text: string) => [...Array<null>(lineAt).fill(null), text];
  return {
    name: 'Tổng hợp đơn vị',
    rows: [
      line('TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”'),
      line(BODY),
      [],
      [],
      ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Năm', 'Kết quả (tính lại)', 'Thẩm định', 'Ghi chú'],
      [1, 'Trường THCS K', 'Trường THCS', 2025, 'Đạt mức độ 1', 'Khớp số liệu', ''],
    ],
  };
}

test.each([
  ['C (this version)', 2],
  ['A (tables consolidated before)', 0],
])('reads the receiving body and its tier from a line in %s', (_, at) => {
  const read = readConsolidatedTable(table(at), new Date(2025, 11, 28));
  if (!read.ok) throw new Error(read.reason);
  expect({ body: read.batch.body, tier: read.batch.tier }).toEqual({ body: 'UBND xã Hòa Bình', tier: 'cấp xã' });
});
