/** excelTrim's fast path (nothing to trim) gives what Excel's TRIM rule gives. */
import fc from 'fast-check';
import { excelTrim } from '../../src/domain/text';

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
