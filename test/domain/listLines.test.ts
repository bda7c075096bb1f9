import { footerLine, hasTotalWords, isGroupHeading, subtotalLines } from '../../src/domain/listLines';

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

describe('a group’s subtotal between the rows of a list', () => {
  const line = (label: string, headcount: number | null, cdht: number | null) => ({ total: hasTotalWords(label), figures: [headcount, cdht] });

  it.each(['Cộng khối 6', 'Tổng khối 6', 'Khối 6 cộng', 'KHỐI 6 - CỘNG', 'Tổng cộng khối 6', 'Toàn khối 6'])('“%s” has a total’s words', (text) => expect(hasTotalWords(text)).toBe(true));
  it.each(['6A', 'Khối 6', 'Tổ cộng đồng', 'Lớp học cộng đồng', 'Tổng hợp', 'Tổng kết'])('“%s” has none', (text) => expect(hasTotalWords(text)).toBe(false));

  it('is a line with a total’s words whose every figure is the sum of the rows since the list’s start or the last subtotal', () => {
    const lines = [line('6A', 35, 35), line('6B', 42, 41), line('Cộng khối 6', 77, 76), line('7A', 40, 39), line('7B', 38, 38), line('Khối 7 cộng', 78, 77), line('8A', 30, 30)];
    expect([...subtotalLines(lines)]).toEqual([2, 5]);
  });

  it('may total the rows since the start over the grades’ subtotals (a school of two levels)', () => {
    const lines = [line('1A', 30, 30), line('Cộng khối 1', 30, 30), line('2A', 32, 31), line('Cộng khối 2', 32, 31), line('Cộng Tiểu học', 62, 61), line('6A', 40, 40)];
    expect([...subtotalLines(lines)]).toEqual([1, 3, 4]);
  });

  it('is not a line whose figures are not that sum, nor one without a total’s words, nor one with no row above it', () => {
    const lines = [line('Cộng khối 5', 10, 10), line('6A', 35, 35), line('Khối 6', 35, 35), line('Tổ cộng đồng', 70, 70), line('Cộng khối 6', 77, 76), line('7A', 40, 39)];
    expect([...subtotalLines(lines)]).toEqual([]);
  });

  it('starts the next grade after a subtotal whose figures are stale: that one is counted, the next still found', () => {
    const lines = [line('6A', 35, 35), line('6B', 42, 41), line('Cộng khối 6', 70, 76), line('7A', 40, 39), line('7B', 38, 38), line('Khối 7 cộng', 78, 77), line('8A', 30, 30)];
    expect([...subtotalLines(lines)]).toEqual([5]);
  });

  it('counts blank holders as none, as the engine does, and never matches an unreadable figure', () => {
    expect([...subtotalLines([line('6A', 35, null), line('6B', 40, 2), line('Cộng khối 6', 75, 2)])]).toEqual([2]);
    expect([...subtotalLines([{ total: false, figures: [35, NaN] }, line('Cộng khối 6', 35, NaN)])]).toEqual([]);
  });
});
