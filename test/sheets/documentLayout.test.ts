/** The text measure the writer fits rows with (and the preview sizes rows with), at its edges. */
import { lineCount } from '../../src/sheets/documentLayout';

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
