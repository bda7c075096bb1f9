/**
 * The preview draws a conditional format whose formula compares cells with values (as the consolidated
 * table's “Thẩm định” rule does) on the stored values, and nothing for a rule it cannot work out.
 */
import { compileRule } from '../../src/hosts/preview/conditionalFormats';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import type { CellValue } from '../../src/domain/values';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate/layout';
import { sheetModel } from './sheetModel';
import { batchFiles, BATCH, consolidatedFile } from '../officer/batch';

jest.setTimeout(120_000);

const grid = (rows: CellValue[][]) => (row: number, col: number) => rows[row - 1]?.[col - 1] ?? null;

describe('a rule’s formula on stored values', () => {
  const values: CellValue[][] = [
    ['Khớp số liệu', 5],
    ['Cần xem lại (2)', 12],
    [null, 0],
    ['khớp số liệu', 7],
  ];

  it('relative references move with the cell, as Excel reads them', () => {
    const flagged = compileRule('AND(A1<>"",A1<>"Khớp số liệu")', { row: 1, col: 1 })!;
    expect([1, 2, 3, 4].map((r) => flagged(grid(values), r, 1))).toEqual([false, true, false, false]);
    const big = compileRule('=OR(B1>=10, NOT(B1>0))', { row: 1, col: 2 })!;
    expect([1, 2, 3, 4].map((r) => big(grid(values), r, 2))).toEqual([false, true, true, false]);
  });

  it('a $ keeps its row or column', () => {
    const sameAsFirst = compileRule('B1=$B$1', { row: 1, col: 2 })!;
    expect([1, 2].map((r) => sameAsFirst(grid([[0, 5], [0, 5]]), r, 2))).toEqual([true, true]);
    expect(sameAsFirst(grid([[0, 5], [0, 6]]), 2, 2)).toBe(false);
  });

  it('a formula of any other shape is not drawn', () => {
    for (const f of ['ISERROR(A1)', 'A1+1>2', 'COUNTIF($A:$A,A1)>1', 'AND(A1<>""', 'A1="x" extra']) expect(compileRule(f, { row: 1, col: 1 })).toBeNull();
  });

  it('the grid sets what the rule’s format sets, where the formula holds', () => {
    const model = sheetModel({
      values: [['Khớp số liệu'], ['Cần xem lại (1)']],
      conditionalFormats: [{ boxes: [{ top: 1, left: 1, bottom: 2, right: 1 }], test: compileRule('AND(A1<>"",A1<>"Khớp số liệu")', { row: 1, col: 1 })!, dxfId: 0 }],
      dxfs: [{ fill: '#FCE4D6', bold: true }],
    });
    const view = sheetView(model, 'vi-VN');
    expect(view.cell(1, 1).style?.fill).toBeUndefined();
    expect(view.cell(2, 1).style).toMatchObject({ fill: '#FCE4D6', bold: true });
  });
});

describe('the consolidated table in the preview', () => {
  it('colours “Thẩm định” where the unit is to be looked at again, and only there', async () => {
    const wb = await consolidatedFile(await batchFiles(BATCH.slice(0, 6)));
    const preview = await PreviewWorkbook.open(await wb.toBytes(), 'tong-hop.xlsx');
    const m = (await (await preview.read()).sheet(CONSOLIDATION_SHEETS.units))!;
    const view = sheetView(m, 'vi-VN');
    let header = 0;
    let col = 0;
    m.values.forEach((row, r) => row.forEach((v, c) => void (v === 'Thẩm định' && !header && ((header = r + 1), (col = c + 1)))));
    expect(header).toBeGreaterThan(0);
    const checks: [string, string | undefined][] = [];
    for (let r = header + 1; r <= m.values.length; r++) {
      const v = m.values[r - 1]?.[col - 1];
      if (typeof v === 'string' && v !== '') checks.push([v, view.cell(r, col).style?.fill]);
    }
    expect(checks.length).toBeGreaterThanOrEqual(6);
    expect(checks.some(([v]) => v.startsWith('Cần xem lại'))).toBe(true);
    for (const [text, fill] of checks) expect([text, fill]).toEqual([text, text === 'Khớp số liệu' ? undefined : '#FCE4D6']);
  });
});
