import { footerLine, isGroupHeading } from '../../src/domain/listLines';

describe('lines under a staff list', () => {
  it.each([
    ['Tổng cộng', 'total'],
    ['TỔNG SỐ: 41 người', 'total'],
    ['Cộng tổ Toán', 'total'],
    ['Người lập biểu', 'signature'],
    ['NGƯỜI LẬP BẢNG', 'signature'],
    ['HIỆU TRƯỞNG', 'signature'],
    ['KT. HIỆU TRƯỞNG', 'signature'],
    ['T/M BAN GIÁM HIỆU', 'signature'],
    ['(Ký, ghi rõ họ tên)', 'signature'],
    ['Hòa Bình, ngày 20 tháng 12 năm 2025', 'signature'],
    ['Hòa Bình, ngày … tháng … năm …', 'signature'],
    ['Ngày 20 tháng 12 năm 2025', 'signature'],
    ['Xác nhận của Ban giám hiệu', 'signature'],
  ])('“%s” is a %s line', (text, kind) => expect(footerLine(text)).toBe(kind));

  it.each(['Nguyễn Thị Lan', 'Tống Văn Hải', 'Hiệu', 'Tổ Toán - Tin', 'Cống Quỳnh', '12', '', 'Người học', 'Ngày hội đọc sách'])('“%s” is not', (text) => expect(footerLine(text)).toBeNull());
});

it.each(['Cộng đồng dân cư', 'Tổng hợp ý kiến', 'Tổng kết năm học'])('“%s” starts with a total’s word and is not one', (text) => expect(footerLine(text)).toBeNull());
it.each(['Toàn trường', 'TOÀN ĐƠN VỊ'])('“%s” is a total', (text) => expect(footerLine(text)).toBe('total'));

describe('group headings among the rows', () => {
  it.each(['I. Ban giám hiệu', 'II. Tổ Khoa học tự nhiên', 'B - Tổ Văn phòng', 'Tổ Toán - Tin', 'BAN GIÁM HIỆU', '3) Khối 9'])('“%s” is one', (text) => expect(isGroupHeading(text)).toBe(true));
  it.each(['Nguyễn Văn An', 'Tô Thị Hà', 'Bàn Văn Sáng', 'Có'])('“%s” is not', (text) => expect(isGroupHeading(text)).toBe(false));
});
