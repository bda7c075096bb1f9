/**
 * Which formula cells the preview shows as not calculated: those whose cached value predates
 * a write to a cell they read (the preview has no formula engine; it remembers its batches).
 */
import { FormulaFreshness, formulaReferences } from '../../src/hosts/preview/staleFormulas';
import type { SheetPlan } from '../../src/workbook/port';

const typed = (sheet: string, at: string, value: string | number | null): SheetPlan => ({ sheet, mode: 'existing', cells: [{ at, rows: [[value]] }] });

describe('formulaReferences', () => {
  test('reads cells, ranges, whole columns and other sheets, not function names nor quoted text', () => {
    expect(formulaReferences('=IF(N(C5)=0,"",D5/C5)').map((r) => [r.sheet, r.box])).toEqual([
      ['', { top: 5, bottom: 5, left: 3, right: 3 }],
      ['', { top: 5, bottom: 5, left: 4, right: 4 }],
      ['', { top: 5, bottom: 5, left: 3, right: 3 }],
    ]);
    expect(formulaReferences("=SUMPRODUCT('Thành viên'!$H$6:$H$50*'Người học'!C:C)+LOG10(A1)&\"B7\"").map((r) => [r.sheet, r.box])).toEqual([
      ['Thành viên', { top: 6, bottom: 50, left: 8, right: 8 }],
      ['Người học', { top: 1, bottom: 1_048_576, left: 3, right: 3 }],
      ['', { top: 1, bottom: 1, left: 1, right: 1 }],
    ]);
    expect(formulaReferences("='It''s'!B2+Sheet2!A1").map((r) => r.sheet)).toEqual(["It's", 'Sheet2']);
  });
});

describe('FormulaFreshness', () => {
  const ratio = '=IF(N(C5)=0,"",D5/C5)';

  test('a formula read from the file is fresh until a cell it reads is written', () => {
    const f = new FormulaFreshness();
    expect(f.stale('Người học', 5, 5, ratio)).toBe(false);
    f.record([typed('Người học', 'C6', 40)]);
    expect(f.stale('Người học', 5, 5, ratio)).toBe(false);
    f.record([typed('NGƯỜI HỌC', 'C5', 40)]);
    expect(f.stale('Người học', 5, 5, ratio)).toBe(true);
  });

  test('writing the formula again (evaluate) makes it fresh; writing it in the same batch as its input too', () => {
    const f = new FormulaFreshness();
    f.record([typed('Người học', 'D5', 38)]);
    expect(f.stale('Người học', 5, 5, ratio)).toBe(true);
    f.record([{ sheet: 'Người học', mode: 'existing', cells: [{ at: 'E5', rows: [[{ formula: ratio, result: 0.95 }]] }] }]);
    expect(f.stale('Người học', 5, 5, ratio)).toBe(false);
    f.record([{ sheet: 'Người học', mode: 'existing', cells: [{ at: 'C5', rows: [[40, 38, { formula: ratio, result: 0.95 }]] }] }]);
    expect(f.stale('Người học', 5, 5, ratio)).toBe(false);
  });

  test('a formula fill (evaluate) writes its cells and their formulas: fresh, and an input of the formulas reading them', () => {
    const f = new FormulaFreshness();
    const score = '=IF(N(T5)=0,"",S5/T5)';
    f.record([typed('Thành viên', 'S5', 3)]);
    expect(f.stale('Thành viên', 5, 21, score)).toBe(true);
    f.record([{ sheet: 'Thành viên', mode: 'existing', fills: [{ range: 'U5:U9', formula: score, results: [1, 1, 1, 1, 1] }] }]);
    expect(f.stale('Thành viên', 5, 21, score)).toBe(false);
    const reader = "='Thành viên'!U7";
    f.record([{ sheet: 'Thành viên', mode: 'existing', fills: [{ range: 'U6:U7', formula: score }] }]);
    expect(f.stale('Tổng hợp', 3, 3, reader)).toBe(true);
  });

  test('a cell of another sheet, a cleared range or a sheet drawn anew is an input written', () => {
    const f = new FormulaFreshness();
    const count = "=SUMPRODUCT('Thành viên'!$H$6:$H$50)";
    f.record([typed('Tiêu chí', 'H7', 'x')]);
    expect(f.stale('Tiêu chí', 10, 12, count)).toBe(false);
    f.record([typed('Thành viên', 'H20', 'Có')]);
    expect(f.stale('Tiêu chí', 10, 12, count)).toBe(true);
    const g = new FormulaFreshness();
    g.record([{ sheet: 'Thành viên', mode: 'existing', clear: ['H40:H60'] }]);
    expect(g.stale('Tiêu chí', 10, 12, count)).toBe(true);
    const h = new FormulaFreshness();
    h.record([{ sheet: 'Thành viên', mode: 'replace', role: 'members' }]);
    expect(h.stale('Tiêu chí', 10, 12, count)).toBe(true);
  });
});
