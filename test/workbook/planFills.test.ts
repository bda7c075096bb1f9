/** What plan.ts makes of formula fills, before any host sees them. */
import { fillAsBlock, fillFormulaAt, PlanError, prepareBatch } from '../../src/workbook/plan';
import type { SheetPlan } from '../../src/workbook/port';
import { UNCALCULATED } from '../../src/domain/values';

const prepare = (plan: Partial<SheetPlan>) => prepareBatch([{ sheet: 'S', mode: 'ensure', ...plan }], { names: [], roles: new Map() });

describe('formula fills in a plan', () => {
  it('refuses a fill that meets a block or another fill, however the spans are ordered', () => {
    const long = { at: 'A1', rows: Array.from({ length: 100 }, () => [1, 2, 3]) };
    const short = { at: 'B2', rows: [[5], [6]] };
    // A short block sorts between the long block and the fill: the long one still meets it.
    expect(() => prepare({ cells: [long, short], fills: [{ range: 'C50:C60', formula: '=A50' }] })).toThrow(/C50:C60 .* covers cells/);
    expect(() => prepare({ fills: [{ range: 'D1:D10', formula: '=A1' }, { range: 'D3:D4', formula: '=B3' }] })).toThrow(PlanError);
    expect(() => prepare({ cells: [long, short], fills: [{ range: 'D1:D100', formula: '=A1' }, { range: 'E2:E3', formula: '=A2' }, { range: 'E4:E9', formula: '=A4' }] })).not.toThrow();
  });

  it('normalises the range and drops non-finite cached results, as in a block', () => {
    const { plans } = prepare({ fills: [{ range: '$c$2:C4', formula: '=A2', results: [1, Number.NaN, 3] }] });
    expect(plans[0]!.fills).toEqual([{ range: 'C2:C4', formula: '=A2', results: [1, null, 3] }]);
  });

  it('drops a cached result read from a formula never calculated: #UNCALCULATED is no Excel error, a file never holds it', () => {
    const notCalculated = { error: UNCALCULATED };
    const { plans } = prepare({
      cells: [{ at: 'A1', rows: [[{ formula: '=B1', result: notCalculated }, { formula: '=1/0', result: { error: '#DIV/0!' } }]] }],
      fills: [{ range: 'C2:C3', formula: '=A2', results: [notCalculated, 2] }],
    });
    expect(plans[0]!.cells![0]!.rows).toEqual([[{ formula: '=B1' }, { formula: '=1/0', result: { error: '#DIV/0!' } }]]);
    expect(plans[0]!.fills).toEqual([{ range: 'C2:C3', formula: '=A2', results: [null, 2] }]);
  });

  it('spells a fill out cell by cell for a host that cannot fill', () => {
    const fill = { range: 'C2:C4', formula: "=$A2+B$1+'Danh mục'!A2", results: [1, null, 3] };
    expect(fillFormulaAt(fill, 2)).toBe("=$A4+B$1+'Danh mục'!A4");
    expect(fillAsBlock(fill)).toEqual({
      at: 'C2',
      rows: [[{ formula: "=$A2+B$1+'Danh mục'!A2", result: 1 }], [{ formula: "=$A3+B$1+'Danh mục'!A3" }], [{ formula: "=$A4+B$1+'Danh mục'!A4", result: 3 }]],
    });
  });
});
