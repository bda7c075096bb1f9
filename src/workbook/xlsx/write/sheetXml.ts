/**
 * A SheetPlan as SpreadsheetML worksheet XML: a whole new sheet, or the plan's cells patched
 * into a sheet the user owns with every other byte kept (see patchSheet.ts). Pure: no I/O.
 *
 * Left to the package: tab order (`after`), activation (`activate`: workbook activeTab and
 * tabSelected), the sheet-scoped names returned here, and the drawing/chart parts (chartXml.ts).
 * Strings are written inline (t="inlineStr"), so sharedStrings.xml is never touched. Several
 * plans for one sheet in one batch: render them in order, each on the previous one's XML.
 */
import { parseRange } from '../../a1';
import type { ChartSpec, SheetPlan, WorkbookWarning } from '../../port';
import { freeSharedIds, layoutPlan, plannedCellXml, rowHeightAttrs, sharedIdsNeeded, slotCellXml, type CellContext, type Layout } from './cells';
import type { PlannedCells } from './drawnRows';
import { patchSheet } from './patchSheet';
import {
  autoFilterXml, colXml, conditionalFormattingXml, definedNames, headerFooterXml, listFormula, marginAttrs, mergeCellsXml, pageMarginsXml, pageSetupAttrs, paneXml,
  refOf, rowBreaksXml, tabColorXml, validationXml, type DefinedName, type RenderOptions,
} from './sheetParts';
import type { StylesEditor } from './styles';
import { serializeAttrs } from './xmlText';
import { utf8Pieces, Utf8Sink, type PartSource, type Piece } from '../../../xlsx/package';

export type { DefinedName, RenderOptions } from './sheetParts';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface RenderedSheet {
  /**
   * The sheet's XML as pieces in order: what the package encodes (a large sheet is never one
   * string); runs of a patched sheet's bytes are copied as they are.
   */
  pieces: Piece[];
  /** The same XML joined (made on first use). */
  readonly xml: string;
  /** Sheet-scoped names to write in workbook.xml with this sheet's localSheetId. */
  definedNames: DefinedName[];
  /** What could not be written as planned (a cell over Excel's limit, charts on a sheet with a drawing). */
  warnings: WorkbookWarning[];
  /** The plan's charts, for renderChartParts (drawn only when drawingRelId was given). */
  charts: ChartSpec[];
}

/**
 * `existing` null: the sheet is drawn anew. Otherwise (its text, or its bytes as a PartSource)
 * only the plan's cells, styles and layout are written into it and everything else is kept
 * byte for byte.
 */
export function renderSheet(plan: SheetPlan, styles: StylesEditor, existing: string | PartSource | null, options: RenderOptions = {}): RenderedSheet {
  const warnings: WorkbookWarning[] = [];
  const ctx: CellContext = { sheet: plan.sheet, styles, date1904: options.date1904 ?? false, warnings };
  // si values are ASCII markup: found alike in text and in one-char-per-byte text.
  const layout = layoutPlan(plan, freeSharedIds(existing === null || typeof existing === 'string' ? existing : existing.raw, sharedIdsNeeded(plan)));
  const pieces = existing === null ? newSheet(plan, layout, ctx, options) : patchSheet(existing, plan, layout, ctx, options);
  let joined: string | null = null;
  return {
    pieces,
    get xml() {
      return (joined ??= pieces.every((p) => typeof p === 'string') ? pieces.join('') : new TextDecoder().decode(utf8Pieces(pieces)));
    },
    definedNames: definedNames(plan.sheet, plan, options.printTitles),
    warnings,
    charts: plan.charts ?? [],
  };
}

function newSheet(plan: SheetPlan, layout: Layout, ctx: CellContext, options: RenderOptions): Piece[] {
  const out: Piece[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const page = plan.page;

  const pr = (plan.tabColor ? tabColorXml(plan.tabColor) : '') + (page?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '');
  if (pr) out.push(`<sheetPr>${pr}</sheetPr>`);

  // Headroom for what goes before sheetData: the declaration, views, and a col element per column.
  const data = sheetData(layout, ctx, options.drawnRows, 16384 + (plan.columns?.length ?? 0) * 128);
  out.push(`<dimension ref="${data.bounds ? refOf(data.bounds) : 'A1'}"/>`);

  const pane = plan.freeze ? paneXml(plan.freeze) : null;
  out.push(`<sheetViews><sheetView workbookViewId="0">${pane ? pane.pane + pane.selection : ''}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');

  const cols = [...new Map((plan.columns ?? []).map((c) => [c.index, c])).values()].sort((a, b) => a.index - b.index);
  if (cols.length) out.push(`<cols>${cols.map((c) => colXml(c)).join('')}</cols>`);

  for (const piece of data.pieces) out.push(piece);
  if (plan.autoFilter) out.push(autoFilterXml(plan.autoFilter));
  out.push(mergeCellsXml(uniqueRefs(plan.merges ?? [])));
  // CT_Worksheet: after mergeCells, before dataValidations; priority 1 first, as the plan orders them.
  (plan.conditionalFormats ?? []).forEach((cf, i) => out.push(conditionalFormattingXml(refOf(parseRange(cf.range)), cf.formula, ctx.styles.dxf(cf.style), i + 1)));

  const validations: string[] = [];
  for (const v of plan.validations ?? []) validations.push(validationXml(refOf(parseRange(v.range)), listFormula(v)));
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);

  out.push(pageMarginsXml(marginAttrs(page)));
  const setup = page ? pageSetupAttrs(page) : [];
  if (setup.length) out.push(`<pageSetup${serializeAttrs(setup)}/>`);
  const headerFooter = page ? headerFooterXml(page) : null;
  if (headerFooter) out.push(headerFooter);
  if (page?.rowBreaks) out.push(rowBreaksXml(page.rowBreaks));
  if (plan.charts?.length && options.drawingRelId) out.push(`<drawing r:id="${options.drawingRelId}"/>`);
  out.push('</worksheet>');
  return out;
}

function uniqueRefs(refs: string[]): string[] {
  return [...new Set(refs.map((r) => refOf(parseRange(r))))];
}

/** sheetData of a new sheet (its rows encoded as they are made: one piece), and the bounds of what it holds. */
function sheetData(layout: Layout, ctx: CellContext, drawn: RenderOptions['drawnRows'], headroom: number): { pieces: Piece[]; bounds: { top: number; left: number; bottom: number; right: number } | null } {
  // No row is kept as text: each is encoded into the sink once drawn (no sheet-sized string or list).
  // Room enough never to grow: a fresh buffer costs its page faults, and untouched pages cost nothing.
  const sink = new Utf8Sink(layout.order.length * 512, headroom);
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  // Hook: rows drawn ahead go in row order among the plan's, styles numbered as they come; the
  // plan's rows among them are written in them (a fill down the table's column).
  let pending = drawn;
  const drawnLast = drawn?.lastRow ?? -1;
  const planned: PlannedCells = { row: (r) => layout.rows[r], cell: (row, r, c, base) => plannedCellXml(ctx, layout, row, r, c, base) };
  const drawAhead = () => {
    const d = pending!.render(ctx, planned);
    pending = undefined;
    if (!d.top) return;
    for (const p of d.pieces) sink.put(p);
    top ||= d.top;
    bottom = d.bottom;
    left = Math.min(left, d.left);
    right = Math.max(right, d.right);
  };
  // Indexed loops and one put per row: this code runs cold, where for-of and calls cost most.
  const order = layout.order;
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    if (pending && r >= pending.firstRow) drawAhead();
    if (drawn && r >= drawn.firstRow && r <= drawnLast) continue;
    const row = layout.rows[r]!;
    const ht = rowHeightAttrs(row);
    let cells = '';
    // The row's slots read in place (plannedColumns, and a lookup per cell, cost more than the cells).
    const { base: first, values, runs } = row;
    for (let i = 0, n = Math.max(values.length, runs.length); i < n; i++) {
      const v = values[i];
      const run = runs[i];
      if (v === undefined && run === undefined) continue;
      const c = first + i;
      const cell = slotCellXml(ctx, layout, v, run, r, c, 0);
      if (!cell) continue;
      cells += cell;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (cells) {
      sink.put(`<row r="${r}"${ht}>` + cells + '</row>');
      if (!top) top = r;
      bottom = r;
    } else if (ht) sink.put(`<row r="${r}"${ht}/>`);
  }
  if (pending) drawAhead();
  return { pieces: ['<sheetData>', sink.bytes(), '</sheetData>'], bounds: top ? { top, left, bottom, right } : null };
}
