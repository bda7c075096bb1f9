/**
 * The cells a plan draws with a value, each with the style its runs give it (applied in order),
 * for tests that check how the add-in's sheets look. A plan that only writes values into a
 * sheet already drawn ('existing') keeps the sheet's own look: none. Hidden columns hold what
 * formulas and the add-in read, never seen: left out.
 */
import { parseCell, parseRange } from '../../src/workbook/a1';
import type { CellInput, CellStyle, SheetPlan } from '../../src/workbook/port';
import { lineCount } from '../../src/sheets/documentLayout';

export interface ShownCell {
  row: number;
  col: number;
  value: Exclude<CellInput, null>;
  style: CellStyle;
  /** As A1 on its sheet, for messages. */
  where: string;
}

export function shownCells(plan: SheetPlan): ShownCell[] {
  if (plan.mode === 'existing') return [];
  const hidden = new Set((plan.columns ?? []).filter((c) => c.hidden).map((c) => c.index));
  const runs = (plan.styles ?? []).map((s) => ({ box: parseRange(s.range), style: s.style }));
  const out: ShownCell[] = [];
  for (const block of plan.cells ?? []) {
    const at = parseCell(block.at);
    block.rows.forEach((line, i) =>
      line.forEach((value, j) => {
        const row = at.row + i;
        const col = at.col + j;
        if (value === null || value === '' || hidden.has(col)) return;
        const style: CellStyle = {};
        for (const r of runs) if (row >= r.box.top && row <= r.box.bottom && col >= r.box.left && col <= r.box.right) Object.assign(style, r.style);
        out.push({ row, col, value, style, where: `${plan.sheet}!${String.fromCharCode(64 + col)}${row}` });
      }),
    );
  }
  return out;
}

/**
 * The texts above `aboveRow` in a plan's frozen columns that do not fit them: Excel draws each frozen
 * pane apart, so such a text stops at the frozen edge however empty the cells beyond it.
 */
export function cutAtFrozenEdge(plan: SheetPlan, aboveRow: number): string[] {
  const frozen = plan.freeze?.columns ?? 0;
  const width = (col: number) => plan.columns?.find((c) => c.index === col)?.width ?? 8.43;
  const cut: string[] = [];
  for (const c of shownCells(plan)) {
    if (c.row >= aboveRow || c.col > frozen || typeof c.value !== 'string' || c.style.wrap) continue;
    let room = 0;
    for (let col = c.col; col <= frozen; col++) room += width(col);
    if (lineCount(c.value, room, c.style.fontSize ?? 11, c.style.bold ?? false) > 1) cut.push(`${c.where}: ${c.value}`);
  }
  return cut;
}
