import { parseCondition, columnsOf, ConditionSyntaxError } from '../../src/domain/rules/condition';
import { evaluateCondition } from '../../src/domain/rules/conditionEval';
import { DEFAULT_SPELLINGS, type CellValue } from '../../src/domain/values';

const run = (src: string, row: Record<string, CellValue>) => evaluateCondition(parseCondition(src), (c) => row[c] ?? null, DEFAULT_SPELLINGS);

describe('condition language', () => {
  it('parses yes, list, comparison, and/or with keywords in any case or without diacritics', () => {
    expect(parseCondition('[A] = có')).toEqual({ kind: 'yes', column: 'A' });
    expect(parseCondition('[A] = KHONG')).toEqual({ kind: 'no', column: 'A' });
    expect(parseCondition('[A] thuoc {x; y}')).toEqual({ kind: 'in', column: 'A', items: ['x', 'y'] });
    expect(parseCondition('[Điểm] ≥ 80')).toEqual({ kind: 'compare', column: 'Điểm', op: '>=', value: 80 });
    expect(parseCondition('[A] = có hoặc [B] >= 80 và [C] trống')).toEqual({
      kind: 'or',
      items: [
        { kind: 'yes', column: 'A' },
        { kind: 'and', items: [{ kind: 'compare', column: 'B', op: '>=', value: 80 }, { kind: 'blank', column: 'C' }] },
      ],
    });
    expect(columnsOf(parseCondition('([A] = có hoặc [B] = có) và [A] = có'))).toEqual(['A', 'B']);
  });
  it.each(['', '[A]', '[A] = có [B]', '[A] = ', 'A = có', '[A] thuộc {}', '[A] = có hoặc', '([A] = có'])('rejects %j with a position', (src) => {
    expect(() => parseCondition(src)).toThrow(ConditionSyntaxError);
  });
  it('evaluates, and reports what it cannot read', () => {
    expect(run('[A] = có', { A: 'x' })).toEqual({ met: true, issues: [] });
    expect(run('[A] = có', { A: null })).toEqual({ met: false, issues: [] });
    expect(run('[A] = có', { A: 'ok' })).toEqual({ met: false, issues: [{ column: 'A', kind: 'ambiguousYesNo', value: 'ok' }] });
    expect(run('[T] thuộc {Lao động tiên tiến; LĐTT}', { T: ' lđtt ' }).met).toBe(true);
    expect(run('[T] thuộc {Lao động tiên tiến}', { T: 'Lao \u0111o\u0323\u0302ng tie\u0302n tie\u0302\u0301n' }).met).toBe(true);
    expect(run('[S] >= 80', { S: '80' }).met).toBe(true);
    expect(run('[S] >= 80', { S: 79.99 }).met).toBe(false);
    expect(run('[S] >= 80', { S: '85,5' })).toEqual({ met: false, issues: [{ column: 'S', kind: 'invalidNumber', value: '85,5' }] });
    expect(run('[C] = có hoặc [S] >= 80', { C: null, S: 81 }).met).toBe(true);
    expect(run('[A] = có', { A: { error: '#REF!' } }).issues[0]!.kind).toBe('cellError');
  });
});
