/**
 * A unit type off the list (or left blank) at 'Thông tin đơn vị'!B5: the consolidated table said it
 * twice, the type's own remark and “1 điểm dữ liệu cần xem lại, ví dụ: 'Thông tin đơn vị'!B5: …”
 * (the engine's word per type-bound indicator at the same cell), and the officer's minutes stated
 * both (the type finding and “1 điểm ghi chưa rõ ràng”). Now the table says it once; the minutes
 * drawn from a table consolidated before state it once too.
 */
import type { SheetData } from '../../src/domain/sheetData';
import { readConsolidatedTable } from '../../src/usecases/officerTable';
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2025, 11, 28);

describe('a unit type off the list, consolidated', () => {
  let result: ConsolidationResult;
  beforeAll(async () => {
    const files = [
      { label: 'quoc-te.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS K', type: 'Trường THCS', members: 20, seed: 9, prepare: edits.unitField('type', 'Trường quốc tế') }) },
      { label: 'bo-trong.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS L', type: 'Trường THCS', members: 20, seed: 10, prepare: edits.unitField('type', null) }) },
    ];
    result = (await consolidatedInProcess(files, AS_OF)).result;
  });
  const flags = (file: string) => result.units.find((u) => u.file === file)!.record.flags;

  it('is said once at its cell: no data warning repeats it for each type-bound indicator', () => {
    expect(flags('quoc-te.xlsx').map((f) => f.code)).toEqual(['unitTypeUnknown']);
    expect(flags('bo-trong.xlsx').map((f) => f.code)).toEqual(['unitTypeMissing']);
    // The indicator it leaves undecided is still shown in its own column.
    expect(result.units.find((u) => u.file === 'quoc-te.xlsx')!.record.indicators.find((i) => i.code === '3.2b')!.status).toBe('not_evaluable');
  });
});

/** A consolidated table, as the consolidation draws it, of one unit with these remarks (“Ghi chú”). */
function table(remarks: string[]): SheetData {
  return {
    name: 'Tổng hợp đơn vị',
    rows: [
      ['TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”'],
      ['Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025'],
      [],
      [],
      ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Năm', 'Kết quả (tính lại)', 'Thẩm định', 'Ghi chú'],
      [1, 'Trường THCS K', 'Trường quốc tế', 2025, 'Chưa đánh giá được', 'Cần xem lại (2)', remarks.map((r) => `• ${r}`).join('\n')],
    ],
  };
}

const notes = (remarks: string[]) => {
  const read = readConsolidatedTable(table(remarks), AS_OF);
  if (!read.ok) throw new Error(read.reason);
  return read.batch.units[0]!.notes;
};

const TYPE_REMARK =
  'Tệp “quoc-te.xlsx”, \'Thông tin đơn vị\'!B5: loại đơn vị “Trường quốc tế” không có trong danh sách, nên các chỉ tiêu chỉ áp dụng cho một số loại đơn vị chưa đánh giá được. Chọn loại đơn vị trong danh sách của ô (trang “Danh mục”, cột C), có lẽ là “Trường THCS”.';
const TYPE_FINDING = 'Loại đơn vị ghi trong hồ sơ (“Trường quốc tế”) không thuộc danh mục loại đơn vị, nên các chỉ tiêu chỉ áp dụng cho một số loại đơn vị có thể đã bị tính là không áp dụng.';
const repeated = (count: number) =>
  `Tệp “quoc-te.xlsx”: ${count} điểm dữ liệu cần xem lại, ví dụ: 'Thông tin đơn vị'!B5: “Trường quốc tế” ở mục “Loại đơn vị” không có trong danh sách của ô, nên chưa biết chỉ tiêu 3.2b có áp dụng cho đơn vị không; chỉ tiêu này chưa đánh giá được. Chọn giá trị trong danh sách rồi đánh giá lại.`;

describe('the minutes from a table consolidated before (its remarks said the type twice)', () => {
  it('state the type once: the data warning that only repeated it is no finding of its own', () => {
    expect(notes([TYPE_REMARK, repeated(1)])).toEqual([TYPE_FINDING]);
  });

  it('count the other data warnings without the repeat', () => {
    expect(notes([TYPE_REMARK, repeated(3)])).toEqual([TYPE_FINDING, 'Số liệu trong hồ sơ có 2 điểm ghi chưa rõ ràng hoặc chưa hợp lệ; đơn vị cần làm rõ.']);
  });

  it('a blank type, likewise', () => {
    const blank =
      'Tệp “quoc-te.xlsx”, \'Thông tin đơn vị\'!B5: chưa chọn loại đơn vị, nên các chỉ tiêu chỉ áp dụng cho một số loại đơn vị chưa đánh giá được. Chọn loại đơn vị trong danh sách của ô (trang “Danh mục”, cột C).';
    const repeat =
      'Tệp “quoc-te.xlsx”: 1 điểm dữ liệu cần xem lại, ví dụ: \'Thông tin đơn vị\'!B5: mục “Loại đơn vị” còn trống, nên chưa biết chỉ tiêu 3.2b có áp dụng cho đơn vị không (cột “Áp dụng cho” ở trang “Tiêu chí”); chỉ tiêu này chưa đánh giá được. Điền mục “Loại đơn vị” rồi đánh giá lại.';
    expect(notes([blank, repeat])).toEqual(['Hồ sơ chưa ghi loại đơn vị, nên các chỉ tiêu chỉ áp dụng cho một số loại đơn vị chưa đánh giá được.']);
  });

  it('keep a data warning at another cell, and one at the type cell when no type remark says it', () => {
    const other = 'Tệp “quoc-te.xlsx”: 1 điểm dữ liệu cần xem lại, ví dụ: \'Thành viên\'!F9: “hmm” không rõ.';
    expect(notes([TYPE_REMARK, other])).toEqual([TYPE_FINDING, 'Số liệu trong hồ sơ có 1 điểm ghi chưa rõ ràng hoặc chưa hợp lệ; đơn vị cần làm rõ.']);
    expect(notes([repeated(1)])).toEqual(['Số liệu trong hồ sơ có 1 điểm ghi chưa rõ ràng hoặc chưa hợp lệ; đơn vị cần làm rõ.']);
  });
});
