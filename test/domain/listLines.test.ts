import { footerLine, hasTotalWords, headedGrades, isGradeHeading, isGroupHeading, subtotalLines } from '../../src/domain/listLines';

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

  describe('a grade’s heading typed above its classes with the grade’s figures (“Khối 6 | 78 | 76”, then 6A, 6B)', () => {
    const row = (label: string, headcount: number | null, cdht: number | null) => ({ ...line(label, headcount, cdht), heading: isGradeHeading(label) });

    it.each(['Khối 6', 'KHỐI 7', 'I. Khối 6', '2) Khối nhà trẻ', 'Khối Mẫu giáo'])('“%s” is a grade’s heading', (text) => expect(isGradeHeading(text)).toBe(true));
    it.each(['6A', '6-1', 'Lớp 6A', 'Khối 7 cộng', 'Cộng khối 6', 'Tổ Toán', 'Khốiiii'])('“%s” is not', (text) => expect(isGradeHeading(text)).toBe(false));

    it('is a subtotal when its figures are the sum of the rows under it, up to the next grade or total', () => {
      const lines = [row('Khối 6', 78, 76), row('6A', 40, 39), row('6B', 38, 37), row('Khối 7', 80, 74), row('7A', 41, 38), row('7B', 39, 36)];
      expect([...subtotalLines(lines)]).toEqual([0, 3]);
    });

    it('leaves the classes once with a grade’s heading above them and its subtotal under them', () => {
      const lines = [row('Khối 6', 78, 76), row('6A', 40, 39), row('6B', 38, 37), row('Cộng khối 6', 78, 76), row('Khối 7', 41, 38), row('7A', 41, 38)];
      expect([...subtotalLines(lines)].sort()).toEqual([0, 3, 4]);
    });

    it('ends its grade at a line naming another grade beside a class (“Khối 8 | 8A | 30 | 30”)', () => {
      const lines = [row('Khối 7', 80, 74), row('7A', 41, 38), row('7B', 39, 36), { ...line('8A', 30, 30), grade: true }, row('8B', 30, 30)];
      expect([...subtotalLines(lines)]).toEqual([0]);
      expect(headedGrades(lines)).toEqual(new Map([[0, true]]));
    });

    it('is told apart, with rows under it, when its figures are not their sum; a heading with none under it is no group', () => {
      expect(headedGrades([row('Khối 6', 80, 76), row('6A', 40, 39), row('6B', 38, 37), row('Khối 7', 80, 74)])).toEqual(new Map([[0, false]]));
    });

    it('is counted when nothing is under it (a list of grades only) or its figures are not their sum', () => {
      expect([...subtotalLines([row('Khối 6', 160, 150), row('Khối 7', 150, 140), row('Khối 8', 140, 140)])]).toEqual([]);
      expect([...subtotalLines([row('Khối 6', 80, 76), row('6A', 40, 39), row('6B', 38, 37)])]).toEqual([]);
      expect([...subtotalLines([row('6A', 40, 39), row('Khối 6', 40, 39)])]).toEqual([]);
    });
  });

  it('counts blank holders as none, as the engine does, and never matches an unreadable figure', () => {
    expect([...subtotalLines([line('6A', 35, null), line('6B', 40, 2), line('Cộng khối 6', 75, 2)])]).toEqual([2]);
    expect([...subtotalLines([{ total: false, figures: [35, NaN] }, line('Cộng khối 6', 35, NaN)])]).toEqual([]);
  });
});
