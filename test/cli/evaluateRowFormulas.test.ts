/**
 * Evaluate builds each member column's formula once, with a mark where the row goes, and
 * joins it per row: the result must be the formula built for that row, even when the rule
 * set's own text holds the mark (a control character a reader can decode from "_x0001_").
 */
import { memberColumn, perRow, type MemberRow } from '../../src/usecases/evaluate';

describe('member formulas built once per column', () => {
  it('gives each row the formula built for it', () => {
    const build = (r: MemberRow) => `=IF((IFERROR(TRIM($B${r}&""),"")<>""),SUMPRODUCT(--ISNUMBER(MATCH(TRIM($H${r}:$K${r}&""),'Danh mục'!$F$4:$F$43,0))),"")`;
    let calls = 0;
    const f = perRow((r) => (calls++, build(r)), 5);
    for (const r of [5, 6, 99, 5004]) expect(f(r)).toBe(build(r));
    // Built twice (with the mark, and for the first row to check the template), then only joined.
    expect(calls).toBe(2);
  });

  it('builds per row when the text itself holds the mark', () => {
    const build = (r: MemberRow) => `=IF(ISNUMBER(MATCH(TRIM($C${r}&""),{"a\u0001b"},0)),1,0)`;
    const f = perRow(build, 5);
    for (const r of [5, 6, 120]) expect(f(r)).toBe(build(r));
  });
});

describe('a member column as one formula fill', () => {
  const at = { first: 5, last: 8, col: 19 };

  it('fills the first row’s formula down when the rows differ only by relative row references', () => {
    const build = (r: MemberRow) => `=IF((IFERROR(TRIM($B${r}&""),"")<>""),SUMPRODUCT(--ISNUMBER(MATCH(TRIM($H${r}:$K${r}&""),'Danh mục'!$F$4:$F$43,0))),"")`;
    expect(memberColumn(build, at, [1, 2, 3, ''])).toEqual({ fill: { range: 'S5:S8', formula: build(5), results: [1, 2, 3, ''] } });
  });

  it('writes one formula per row when a fill would not give each row its own (the row number as a constant)', () => {
    const build = (r: MemberRow) => `=IF($B${r}="","",${r}-4)`;
    expect(memberColumn(build, at, [1, 2, 3, 4])).toEqual({
      block: { at: 'S5', rows: [5, 6, 7, 8].map((r, i) => [{ formula: build(r), result: i + 1 }]) },
    });
  });
});
