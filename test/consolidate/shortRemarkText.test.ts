/**
 * The printed short remark spends its few characters on what the remark says: the file the row
 * already names is taken off, whether the table said it (“Tệp “…”: ”) or the remark did (“Tệp “…”, ”).
 */
import { shortRemarkText } from '../../src/usecases/consolidate/shortRemark';

const where = { fileNo: 4, filesSheet: 'Báo cáo tệp', lang: 'vi' as const };

test('a remark naming its own file prints from where it points', () => {
  const remark = "• Tệp “u4.xlsx”, 'Thông tin đơn vị'!B11: đơn vị ghi gửi hồ sơ cho đơn vị tổng hợp “cấp tỉnh”, nhưng đơn vị tổng hợp này là cấp xã.";
  expect(shortRemarkText(remark, where)).toBe("'Thông tin đơn vị'!B11: đơn vị ghi gửi hồ sơ cho… (xem đủ ở trang “Báo cáo tệp”, STT 4)");
});

test('a remark the table named prints from its message', () => {
  expect(shortRemarkText('• Tệp “u4.xlsx”: Chỉ tiêu 2.2 ghi Đạt.', where)).toBe('Chỉ tiêu 2.2 ghi Đạt.');
  expect(shortRemarkText('• File “u4.xlsx”, sheet “Thành viên”: two rows.', { ...where, lang: 'en' })).toBe('sheet “Thành viên”: two rows.');
});

test('a file name in the middle of a remark stays', () => {
  expect(shortRemarkText('• Hai tệp “a.xlsx”, “b.xlsx”.', where)).toBe('Hai tệp “a.xlsx”, “b.xlsx”.');
});
