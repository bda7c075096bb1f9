/** excelTrim's fast path (nothing to trim) gives what Excel's TRIM rule gives; findings joined as sentences. */
import fc from 'fast-check';
import { excelTrim, sentences } from '../../src/domain/text';

/** The rule as the sheet formulas apply it: runs of spaces as one, then the ends trimmed, then NFC. */
const reference = (s: string) => s.replace(/ +/g, ' ').replace(/^ | $/g, '').normalize('NFC');

describe('excelTrim', () => {
  it('trims as TRIM does, with or without spaces to remove', () => {
    const piece = fc.constantFrom(' ', '  ', 'a', 'Đạt', 'Đa\u0323t', '\u00a0', '\t', 'x y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const s = pieces.join('');
        expect(excelTrim(s)).toBe(reference(s));
      }),
    );
  });
});

describe('sentences', () => {
  it('ends each finding with a full stop unless it has its own mark, and drops empty ones', () => {
    expect(sentences(['Chỉ tiêu 2.1: 79,7% < 90%', ' Số liệu đã sửa. ', '', 'Vì sao?'])).toBe('Chỉ tiêu 2.1: 79,7% < 90%. Số liệu đã sửa. Vì sao?');
    expect(sentences([])).toBe('');
  });
});
