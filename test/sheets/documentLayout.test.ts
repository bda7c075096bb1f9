/** The text measure the writer fits rows with (and the preview sizes rows with), at its edges. */
import fc from 'fast-check';
import { DocumentBuilder, keepNameTogether, keepPhrasesTogether, lineCount, measuredLines, oneLine, textWidthPt } from '../../src/sheets/documentLayout';

it('counts lines in a column too narrow for any character (it used to never return)', () => {
  for (const units of [0, 0.2, 0.36, 0.3606, 0.37]) {
    const n = lineCount('Lao động tiên tiến', units, 11);
    expect(Number.isFinite(n)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(1);
  }
});

it('counts a short text in a wide column as one line, a long one as several', () => {
  expect(lineCount('Lao động tiên tiến', 18, 11)).toBe(1);
  expect(lineCount('Hồ sơ lưu tại văn phòng nhà trường, gồm kế hoạch, báo cáo và danh sách thành viên', 18, 11)).toBeGreaterThan(2);
});

describe('a table that starts near the foot of a page', () => {
  /** A document with `fill` body paragraphs, then a bold heading and a table of 10 rows under it. */
  function drawn(fill: number): { heading: number; header: number; breaks: number[] } {
    const b = new DocumentBuilder('Biên bản');
    for (let i = 0; i < fill; i++) b.paragraphs(`Đoạn ${i + 1}: nội dung thẩm định của từng đơn vị trong đợt.`);
    b.spacer(8);
    const [heading] = b.paragraphs('2. Đơn vị chưa đủ điều kiện đề nghị công nhận: 16 đơn vị.', { bold: true });
    const { header } = b.table(['STT', 'Tên đơn vị', 'Tính lại', 'Lý do'], [1, 3, 2, 4], Array.from({ length: 10 }, (_, i) => [`${i + 1}`, `Đơn vị số ${i + 1}`, 'Không đạt', 'Chưa đạt chỉ tiêu 2.1']));
    return { heading: heading!, header, breaks: b.plan().page?.rowBreaks ?? [] };
  }

  it('takes the heading above it to the next page, not leaving it alone at the foot', () => {
    // Find a length of body that leaves room for the heading but not for the table's header and first rows.
    const cases = Array.from({ length: 60 }, (_, i) => drawn(i + 1)).filter((d) => d.breaks.length && d.breaks[0]! <= d.header);
    expect(cases.length).toBeGreaterThan(0);
    for (const d of cases) expect(d.breaks[0]).toBeLessThanOrEqual(d.heading);
  });

  it('breaks nowhere when the table fits', () => {
    expect(drawn(1).breaks).toEqual([]);
  });
});

it('says one line only where the measure word by word says one line (the shortcut for short texts)', () => {
  // Letters with and without tone marks, composed and not, spaces of both kinds, hyphens, a break,
  // a tab, a symbol outside the table and a character outside the BMP.
  const chars = ['a', 'W', 'i', ' ', ' ', '\u00a0', '-', 'ễ', 'Đ', 'ư', 'ọ', 'e\u0302\u0301', 'a\u0323', '\u0301', '\u0306', '\n', '\t', '€', '😀', 'm', '.'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(9, 11, 13), fc.boolean(), (parts, units, size, bold) => {
      const text = parts.join('');
      const perLine = (textWidthPt(units) * 1000) / size;
      const want = perLine < 100 ? Math.max(1, [...text].length) : measuredLines(text, perLine, bold);
      expect(lineCount(text, units, size, bold)).toBe(want);
      if (oneLine(text, units, size, bold)) expect(want).toBe(1);
    }),
    { numRuns: 3000 },
  );
});

describe('a title that takes two lines', () => {
  const TITLE = 'Thẩm định hồ sơ đề nghị công nhận “Đơn vị học tập” cấp huyện năm\u00a02025';
  const lines = (text: string) => text.split('\n');

  it('never ends its first line with a word that belongs to the next (“… cấp” / “huyện …”)', () => {
    // Widths where the natural break falls after “cấp”, “mức” or “độ”, and others.
    for (let units = 30; units <= 70; units += 0.5) {
      for (const title of [TITLE, 'Về việc công nhận “Đơn vị học tập” cấp tỉnh mức độ 2 năm\u00a02025']) {
        const wrapped = keepPhrasesTogether(title, units, 14, true);
        expect(wrapped.replace('\n', ' ')).toBe(title);
        for (const line of lines(wrapped)) expect(line).not.toMatch(/(^|\s)(cấp|mức|độ)$/u);
        // Each line the measure says fits on one line; no more lines than before.
        if (wrapped !== title) for (const line of lines(wrapped)) expect(lineCount(line, units, 14, true)).toBe(1);
      }
    }
  });

  it('breaks before a bound word at the edge of the measure too: LibreOffice fits a little more on a line than it', () => {
    // The Biên bản's summary line (columns 2–9): LibreOffice printed “… “Đơn vị học tập” cấp” / “huyện năm 2025”.
    expect(keepPhrasesTogether(TITLE, 8 * 7.9, 14, true)).toBe('Thẩm định hồ sơ đề nghị công nhận “Đơn vị học tập”\ncấp huyện năm\u00a02025');
  });

  it('is left as it is on one line, or when it already says where to break', () => {
    expect(keepPhrasesTogether(TITLE, 200, 14, true)).toBe(TITLE);
    expect(keepPhrasesTogether('Thẩm định hồ sơ cấp\nhuyện', 10, 14, true)).toBe('Thẩm định hồ sơ cấp\nhuyện');
  });
});

describe('an organisation’s name in the heading, on two lines', () => {
  const LEFT = 4 * 7.9;
  it('breaks after the kind of school or before the place, not inside the proper name', () => {
    expect(keepNameTogether('TRƯỜNG MẦM NON HÙNG TIẾN', LEFT, 12, true)).toBe('TRƯỜNG MẦM NON\nHÙNG TIẾN');
    expect(keepNameTogether('TRƯỜNG TIỂU HỌC NGUYỄN VĂN TRỖI', LEFT, 12, true)).toBe('TRƯỜNG TIỂU HỌC\nNGUYỄN VĂN TRỖI');
    expect(keepNameTogether('TRƯỜNG THCS CHU VĂN AN', LEFT, 12, true)).toBe('TRƯỜNG THCS\nCHU VĂN AN');
    expect(keepNameTogether('SỞ TƯ PHÁP TỈNH ĐỒNG THÁP', LEFT, 12, true)).toBe('SỞ TƯ PHÁP\nTỈNH ĐỒNG THÁP');
  });

  it('is left as it is on one line, with a break of its own, or with no place to break that keeps both lines whole', () => {
    expect(keepNameTogether('TRƯỜNG MẦM NON HÙNG', LEFT, 12, true)).toBe('TRƯỜNG MẦM NON HÙNG');
    expect(keepNameTogether('ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH', LEFT, 12, true)).toBe('ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH');
    expect(keepNameTogether('CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN', LEFT, 12, true)).toBe('CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN');
  });
});
