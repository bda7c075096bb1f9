/**
 * A CDHT score typed as text with a decimal comma ("85,5"), as a staff list made where Excel reads
 * a dot holds it. A score is at most 100, and a comma followed by one or two digits groups no
 * thousands: it is read as a decimal comma. "1,000" could be a thousand and is still asked.
 */
import { normaliseCell } from '../../src/usecases/import/normalise';
import { memberField } from '../../src/domain/memberFields';
import { DEFAULT_SPELLINGS } from '../../src/domain/values';

const score = memberField('cdhtScore');
const read = (v: string | number) => normaliseCell(score, v, DEFAULT_SPELLINGS);

describe('a score with a decimal comma', () => {
  it.each([
    ['85,5', 85.5],
    ['92,75', 92.75],
    [' 7,5 ', 7.5],
    ['100,0', 100],
  ])('“%s” reads as %d', (text, value) => {
    expect(read(text)).toEqual({ ok: true, value });
  });

  it.each(['1,000', '85,500', '8,5,5', ',5', '85,'])('“%s” is not guessed', (text) => {
    expect(read(text)).toMatchObject({ ok: false, reason: 'invalidNumber' });
  });

  it('a comma score over 100 is out of range, as a number would be', () => {
    expect(read('120,5')).toMatchObject({ ok: false, reason: 'outOfRange' });
  });

  it('other spellings read as before', () => {
    expect(read('85.5')).toEqual({ ok: true, value: 85.5 });
    expect(read(85.5)).toEqual({ ok: true, value: 85.5 });
  });
});
