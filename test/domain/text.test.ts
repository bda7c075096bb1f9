/** excelTrim's and cleanText's fast paths (nothing to trim, text already NFC) give what their rules give; findings joined as sentences. */
import fc from 'fast-check';
import { cleanText, excelTrim, sentences, spellingForms, spellingKey } from '../../src/domain/text';

/** The rule as the sheet formulas apply it: runs of spaces as one, then the ends trimmed, then NFC. */
const reference = (s: string) => s.replace(/ +/g, ' ').replace(/^ | $/g, '').normalize('NFC');

/**
 * Spaces and letters at the edges of the composed-text fast path: Vietnamese composed and decomposed, a
 * composed letter then a combining mark (composes further), Latin-1 and the last letter before the marks,
 * the Ångström sign and Hangul jamo (NFC changes both), the last letter of the Vietnamese block; the fast path's
 * bounds (DEL, ¡, a mark alone, either side of the U+1Exx block) and a line break.
 */
const piece = fc.constantFrom(' ', '  ', 'a', 'Đạt', 'Đa\u0323t', '\u00a0', '\u2007', '\t', 'x y', 'ê\u0301', 'Nguyễn', 'ñø', '\u02ff', '\u212b', '\u1100\u1161', '\u1eff', 'ơ\u0301', '\u007f', '\u00a1', '\u0300', '\u1dff', '\u1e00', '\u1f00', '\n');

describe('excelTrim', () => {
  it('trims as TRIM does, with or without spaces to remove', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const s = pieces.join('');
        expect(excelTrim(s)).toBe(reference(s));
      }),
    );
  });
});

describe('cleanText', () => {
  it('composes, turns non-breaking spaces to spaces, collapses runs and trims, already-composed text or not', () => {
    const rule = (s: string) => s.normalize('NFC').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/ {2,}/g, ' ').trim();
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => expect(cleanText(pieces.join(''))).toBe(rule(pieces.join('')))));
    // A tab or line break at an end, a non-breaking space: composed text the fast path must not keep as it is.
    for (const s of ['\tĐạt', 'Đạt\n', 'Đạt\u00a0', '\u00a0Có']) expect(cleanText(s)).toBe(rule(s));
  });
});

describe('sentences', () => {
  it('ends each finding with a full stop unless it has its own mark, and drops empty ones', () => {
    expect(sentences(['Chỉ tiêu 2.1: 79,7% < 90%', ' Số liệu đã sửa. ', '', 'Vì sao?'])).toBe('Chỉ tiêu 2.1: 79,7% < 90%. Số liệu đã sửa. Vì sao?');
    expect(sentences([])).toBe('');
  });
});

describe('the i and y of "sĩ" / "sỹ"', () => {
  it('reads both correct spellings alike, in either Unicode form and case, and nothing else', () => {
    expect(spellingKey('Chiến sỹ thi đua')).toBe(spellingKey('Chiến sĩ thi đua'));
    expect(spellingKey('KỸ THUẬT'.normalize('NFD'))).toBe(spellingKey('kĩ thuật'));
    expect(spellingKey('Lý lịch')).toBe(spellingKey('lí lịch'));
    expect(spellingKey('quý')).toBe(spellingKey('quí'));
    // Only a final i/y after one of those onsets: "tay", "thuý", "ly" inside a word stay as they are.
    expect(spellingKey('tay')).not.toBe(spellingKey('tai'));
    expect(spellingKey('thuý')).not.toBe(spellingKey('thuí'));
    expect(spellingKey('lyon')).toBe('lyon');
  });
  it('lists every form a formula must match, the spelling itself first', () => {
    const forms = spellingForms('Chiến sĩ thi đua cơ sở');
    expect(forms[0]).toBe('Chiến sĩ thi đua cơ sở');
    expect(forms).toEqual(expect.arrayContaining(['Chiến sỹ thi đua cơ sở', 'Chiến sỹ thi đua cơ sở'.normalize('NFD'), 'Chiến sĩ thi đua cơ sở'.normalize('NFD')]));
    expect(new Set(forms.map(spellingKey)).size).toBe(1);
    expect(spellingForms('LĐTT')).toEqual(['LĐTT']);
    // Four i/y syllables: all-i and all-y besides the text as typed.
    expect(spellingForms('mĩ kĩ lí sĩ').map((f) => f.normalize('NFC'))).toEqual(expect.arrayContaining(['mĩ kĩ lí sĩ', 'mỹ kỹ lý sỹ']));
  });
});
