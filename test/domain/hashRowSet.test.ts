/**
 * The member list's part of the data fingerprint: the rows as a set that counts repeats (a sort after
 * evaluating is no edit; a row added twice is one), every cell's kind and bounds counted.
 */
import fc from 'fast-check';
import { hashRowSet } from '../../src/domain/hash';
import { readNumber, type CellValue } from '../../src/domain/values';

const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }));
const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 });

test('the rows in any order give one hash', () => {
  fc.assert(
    fc.property(rows, fc.func(fc.integer()), (list, key) => {
      const shuffled = [...list].sort((a, b) => key(a) - key(b));
      expect(hashRowSet(shuffled)).toBe(hashRowSet(list));
    }),
  );
});

test('one cell changed, a row repeated or left out: another hash', () => {
  fc.assert(
    fc.property(rows.filter((l) => l.some((r) => r.length > 0)), fc.nat(), cell, (list, at, value) => {
      const r = at % list.length;
      const row = list[r]!;
      fc.pre(row.length > 0 && !Object.is(row[at % row.length], value) && JSON.stringify(row[at % row.length]) !== JSON.stringify(value));
      const changed = list.map((x, i) => (i === r ? x.map((v, c) => (c === at % row.length ? value : v)) : x));
      expect(hashRowSet(changed)).not.toBe(hashRowSet(list));
      expect(hashRowSet([...list, row])).not.toBe(hashRowSet(list));
      expect(hashRowSet(list.filter((_, i) => i !== r))).not.toBe(hashRowSet(list));
    }),
  );
});

test('a value is told from its neighbours and from other kinds of the same text', () => {
  const h = (...r: CellValue[][]) => hashRowSet(r);
  expect(h(['ab', 'c'])).not.toBe(h(['a', 'bc']));
  expect(h([1])).not.toBe(h(['1']));
  expect(h([true])).not.toBe(h([1]));
  expect(h([null])).not.toBe(h(['']));
  expect(h([{ error: '#N/A' }])).not.toBe(h(['#N/A']));
  expect(h(['a'], ['b'])).not.toBe(h(['a', 'b']));
  expect(h([-0])).toBe(h([0]));
  expect(h()).toBe('0000000000000000');
});

test('cells read as blank (a member’s STT number) leave the hash as a blank would', () => {
  const stt = { columns: [0], is: (v: CellValue | undefined) => v !== undefined && readNumber(v as CellValue).kind === 'number' };
  expect(hashRowSet([[1, 'An'], [2, 'Bình']], stt)).toBe(hashRowSet([[2, 'An'], [1, 'Bình']], stt));
  expect(hashRowSet([[1, 'An']], stt)).toBe(hashRowSet([[null, 'An']]));
  expect(hashRowSet([['x', 'An']], stt)).not.toBe(hashRowSet([[null, 'An']]));
  expect(hashRowSet([[1, 'An']])).not.toBe(hashRowSet([[2, 'An']]));
});
