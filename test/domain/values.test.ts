import { readYesNo, readNumber, readFraction, readText, hasText, cellAsText, yesNoReader, DEFAULT_SPELLINGS, type CellValue } from '../../src/domain/values';
import { foldKey, cleanText } from '../../src/domain/text';

describe('readYesNo reads the spellings people type', () => {
  it.each(['x', 'X', 'có', 'Có', 'CÓ', 'đạt', 'Đạt', '1', 'TRUE', '✓', '  Có  ', 'Co\u0301', 'Đa\u0323t'])('%j is yes', (v) => {
    expect(readYesNo(v)).toBe('yes');
  });
  it.each(['không', 'Không', 'chưa đạt', 'Chưa đạt', 'Không đạt', '0', 'FALSE', '-', 'kho\u0302ng'])('%j is no', (v) => {
    expect(readYesNo(v)).toBe('no');
  });
  it('numbers and booleans as Excel stores them', () => {
    expect(readYesNo(1)).toBe('yes');
    expect(readYesNo(true)).toBe('yes');
    expect(readYesNo(0)).toBe('no');
    expect(readYesNo(false)).toBe('no');
  });
  it('blank is blank, errors are errors, anything else is ambiguous', () => {
    expect(readYesNo(null)).toBe('blank');
    expect(readYesNo('   ')).toBe('blank');
    expect(readYesNo({ error: '#N/A' })).toBe('error');
    for (const v of ['ok', 'co', 'yes?', '2', 'v', 'Có\n', 'x x']) expect(readYesNo(v)).toBe('ambiguous');
  });
  it('uses the spellings it is given', () => {
    expect(readYesNo('rồi', { ...DEFAULT_SPELLINGS, yes: [...DEFAULT_SPELLINGS.yes, 'rồi'] })).toBe('yes');
  });
});

describe('the column readers agree with the cell readers', () => {
  const values: CellValue[] = [null, '', ' ', '   ', '\t', ' x ', 'Có', 'Co\u0301', 'ok', 0, -0, 1, 2.5, NaN, Infinity, true, false, { error: '#N/A' }, { error: '#UNCALCULATED' }];
  it('hasText is readText not empty', () => {
    for (const v of [...values, undefined]) expect([v, hasText(v)]).toEqual([v, readText(v) !== '']);
  });
  it('yesNoReader reads as readYesNo, also a value read again', () => {
    const spellings = { ...DEFAULT_SPELLINGS, yes: [...DEFAULT_SPELLINGS.yes, 'ok'] };
    const read = yesNoReader(spellings);
    for (const v of [...values, ...values]) expect([v, read(v)]).toEqual([v, readYesNo(v, spellings)]);
  });
});

describe('numbers', () => {
  it('reads numbers and numbers stored as text, refuses ambiguous ones', () => {
    expect(readNumber(85)).toEqual({ kind: 'number', value: 85 });
    expect(readNumber(' 85 ')).toEqual({ kind: 'number', value: 85 });
    expect(readNumber('85.5')).toEqual({ kind: 'number', value: 85.5 });
    expect(readNumber('85,5').kind).toBe('invalid');
    expect(readNumber('tám lăm').kind).toBe('invalid');
    expect(readNumber(null).kind).toBe('blank');
    expect(readNumber({ error: '#VALUE!' }).kind).toBe('error');
  });
  it('reads percentages however they are typed', () => {
    expect(readFraction(0.9)).toBe(0.9);
    expect(readFraction(90)).toBe(0.9);
    expect(readFraction('90%')).toBe(0.9);
    expect(readFraction('87,5%')).toBe(0.875);
    expect(readFraction('abc')).toBeNull();
  });
  it('shows numbers as Excel does', () => {
    expect(cellAsText(1)).toBe('1');
    expect(cellAsText(0.1 + 0.2)).toBe('0.3');
    expect(cellAsText(true)).toBe('TRUE');
  });
});

describe('text', () => {
  it('folds headers without case and diacritics, NFC or NFD', () => {
    expect(foldKey('Họ và tên')).toBe('ho va ten');
    expect(foldKey('HỌ VÀ TÊN')).toBe('ho va ten');
    expect(foldKey('Ho\u0323 va\u0300 te\u0302n')).toBe('ho va ten');
    expect(foldKey('Điểm CDHT')).toBe('diem cdht');
  });
  it('cleans stray and non-breaking spaces', () => {
    expect(cleanText('  Nguyễn\u00a0 Văn   An ')).toBe('Nguyễn Văn An');
  });
});
