/**
 * Evaluate builds each member column's formula once, with a mark where the row goes, and
 * joins it per row: the result must be the formula built for that row, even when the rule
 * set's own text holds the mark (a control character a reader can decode from "_x0001_").
 */
import { perRow, type MemberRow } from '../../src/usecases/evaluate';

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
