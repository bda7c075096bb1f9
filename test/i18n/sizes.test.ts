/**
 * File sizes in messages: megabytes with the language's decimal mark, and enough digits that a
 * small `--max-size` is not shown as "0 MB".
 */
import { xlsxReason } from '../../src/usecases/xlsxReason';
import { XlsxError } from '../../src/xlsx/errors';

const MB = 1024 * 1024;
const tooLarge = (size: number, limit: number, lang: 'vi' | 'en') => xlsxReason(new XlsxError('tooLarge'), size, { maxFileBytes: limit }, lang);

describe('sizes in the reasons a file is refused', () => {
  test('Vietnamese uses the decimal comma, English the point', () => {
    expect(tooLarge(1.1 * MB, MB, 'vi')).toBe('Tệp 1,1 MB, vượt giới hạn 1 MB.');
    expect(tooLarge(1.1 * MB, MB, 'en')).toBe('The file is 1.1 MB, over the 1 MB limit.');
  });
  test('a limit under 0.1 MB keeps its first significant digits', () => {
    expect(tooLarge(0.4 * MB, Math.round(0.001 * MB), 'vi')).toBe('Tệp 0,4 MB, vượt giới hạn 0,001 MB.');
    expect(tooLarge(0.04 * MB, Math.round(0.0123 * MB), 'vi')).toBe('Tệp 0,04 MB, vượt giới hạn 0,012 MB.');
  });
  test('large sizes are whole megabytes past 100', () => {
    expect(tooLarge(250.4 * MB, 20 * MB, 'vi')).toBe('Tệp 250 MB, vượt giới hạn 20 MB.');
  });
});
