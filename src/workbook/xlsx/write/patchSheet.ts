/**
 * Writes a plan into a worksheet the user owns: only the rows the plan touches are rebuilt,
 * and in them only the cells it writes, styles or clears. Every other byte (other cells and
 * their formats, formulas, conditional formatting, extLst, elements this code does not know)
 * is copied as it was.
 */
import { attr, columnOf, decodeEntities, readTag } from '../../../xlsx/xml';
import { fromRawUtf8 } from '../../../xlsx/utf8';
import { Utf8Sink, type PartSource, type Piece } from '../../../xlsx/package';
import { shiftFormula } from '../../shiftFormula';
import { cellAddress, parseRange, rangesOverlap, subtractRange, type RangeRef } from '../../a1';
import type { SheetPlan } from '../../port';
import { cellStyleId, plannedCellXml, plannedColumns, rowHeightAttrs, type CellContext, type Layout, type PlannedRow } from './cells';
import { childSpans, editedPieces, openedRoot, rootSpan, type Edit, type Span } from './scan';
import {
  autoFilterXml, colXml, headerFooterXml, listFormula, marginAttrs, pageMarginsXml, pageSetupAttrs, paneXml, refOf, rowBreaksXml,
  tabColorXml, validationXml, WORKSHEET_ORDER, DEFAULT_MARGINS, type RenderOptions,
} from './sheetParts';
import { escapeText, parseAttrs, prefixOf, removeAttr, serializeAttrs, setAttr } from './xmlText';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FLAT = new Set(['sheetData']);

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Where the rows of sheetData are read and how a span of them is written out: the sheet's
 * text, or its bytes read one char per byte (PartSource), whose unchanged runs are copied as
 * bytes and never decoded or encoded.
 */
interface RowsSource {
  xml: string;
  /** sheetData's content: [start, end) of `xml`. */
  start: number;
  end: number;
  /** An unchanged span, to copy out. */
  run(start: number, end: number): Piece;
  /** A span, or a string cut from `xml`, as text (to edit or mix with new text). */
  text(start: number, end: number): string;
  decode(cut: string): string;
  /** Where the rows are written: as text from text (the package encodes the part when it saves it), as UTF-8 from bytes. */
  sink(capacity: number, headroom: number): RowsSink;
}

interface RowsSink {
  put(piece: Piece): void;
  done(): Piece;
}

function textRows(xml: string, sd: Span): RowsSource {
  const slice = (a: number, b: number) => xml.slice(a, b);
  return { xml, start: sd.openEnd, end: sd.closeStart, run: slice, text: slice, decode: (cut) => cut, sink: textSink };
}

/** Joined as the engine joins `+` (unflattened): the part's text is made flat once, when the package joins its pieces. */
function textSink(): RowsSink {
  let out = '';
  return { put: (piece) => void (out += typeof piece === 'string' ? piece : new TextDecoder().decode(piece)), done: () => out };
}

function utf8Sink(capacity: number, headroom: number): RowsSink {
  const sink = new Utf8Sink(capacity, headroom);
  return { put: (piece) => sink.put(piece), done: () => sink.bytes() };
}

/**
 * The sheet's text for everything but the rows, and the rows' source. From bytes, only what
 * lies outside sheetData (a few kB) is decoded; sheetData is left empty in that text.
 */
function splitSource(existing: string | PartSource): { xml: string; rows: RowsSource | null } {
  if (typeof existing === 'string') return { xml: existing, rows: null };
  const { raw, bytes } = existing;
  const root = rootSpan(raw);
  const sd = childSpans(raw, root.openEnd, root.closeStart, FLAT).find((k) => k.name === 'sheetData');
  if (!sd || sd.selfClosing) return { xml: fromRawUtf8(raw), rows: null };
  const rows: RowsSource = {
    xml: raw,
    start: sd.openEnd,
    end: sd.closeStart,
    run: (a, b) => bytes.subarray(a, b),
    text: (a, b) => fromRawUtf8(raw.slice(a, b)),
    decode: fromRawUtf8,
    sink: utf8Sink,
  };
  return { xml: fromRawUtf8(raw.slice(0, sd.openEnd)) + fromRawUtf8(raw.slice(sd.closeStart)), rows };
}

/**
 * A sheet saved without rows as `<worksheet …/>` or without its sheetData (some generators'
 * empty sheet, which Excel opens), given an empty sheetData in schema order: the rows go there.
 */
function withSheetData(source: string): { xml: string; root: Span; kids: Span[] } {
  // Only a worksheet: another part in a sheet's place (a chartsheet, a stylesheet) is not written into.
  if (rootSpan(source).name !== 'worksheet') return withSpans(source);
  const opened = withSpans(openedRoot(source));
  // Its spans as found: a large sheet's sheetData is searched through once, not again by the caller.
  if (opened.kids.some((k) => k.name === 'sheetData')) return opened;
  const { xml, root, kids } = opened;
  const rank = WORKSHEET_ORDER.indexOf('sheetData');
  const at = kids.find((k) => WORKSHEET_ORDER.indexOf(k.name) > rank)?.start ?? root.closeStart;
  return withSpans(`${xml.slice(0, at)}<${prefixOf(root.qname)}sheetData/>${xml.slice(at)}`);
}

/** The part with its root and the root's children found. */
function withSpans(xml: string): { xml: string; root: Span; kids: Span[] } {
  const root = rootSpan(xml);
  return { xml, root, kids: childSpans(xml, root.openEnd, root.closeStart, FLAT) };
}

/** The patched sheet as pieces, in order (see editedPieces). */
export function patchSheet(existing: string | PartSource, plan: SheetPlan, layout: Layout, ctx: CellContext, options: RenderOptions): Piece[] {
  // plan.ts allows them only in a replace plan, which is drawn anew.
  if (plan.conditionalFormats?.length) throw new Error(`conditional formats for ${plan.sheet}, a sheet not drawn anew`);
  const split = splitSource(existing);
  const rows = split.rows;
  const { xml, root, kids } = rows ? withSpans(split.xml) : withSheetData(split.xml);
  const p = prefixOf(root.qname);
  const px = prefixer(p);
  const edits: Edit[] = [];
  const find = (name: string) => kids.find((k) => k.name === name);
  const insertAt = (name: string) => {
    const rank = WORKSHEET_ORDER.indexOf(name);
    return kids.find((k) => WORKSHEET_ORDER.indexOf(k.name) > rank)?.start ?? root.closeStart;
  };
  /** Replaces (or removes, with '') the element, or inserts it in schema order. Called in schema order. */
  const put = (name: string, newXml: string) => {
    const k = find(name);
    if (k) edits.push({ at: k.start, remove: k.end - k.start, insert: px(newXml) });
    else if (newXml) edits.push({ at: insertAt(name), remove: 0, insert: px(newXml) });
  };
  const inner = (k: Span) => (k.selfClosing ? '' : xml.slice(k.openEnd, k.closeStart));
  const clear = (plan.clear ?? []).map(parseRange);
  const recalc = (plan.recalculate ?? []).map(parseRange);

  // sheetPr: tab colour and fit-to-page, the rest kept.
  const page = plan.page;
  if (plan.tabColor !== undefined || page?.fitToWidth !== undefined) {
    const k = find('sheetPr');
    let body = k ? inner(k) : '';
    let attrs = k ? k.attrs : '';
    if (plan.tabColor !== undefined) {
      body = removeChild(body, 'tabColor');
      if (plan.tabColor) body = px(tabColorXml(plan.tabColor)) + body;
    }
    if (page?.fitToWidth !== undefined) {
      const old = childSpans(body, 0, body.length).find((c) => c.name === 'pageSetUpPr');
      const fit = page.fitToWidth ? '1' : '0';
      if (old) body = body.slice(0, old.start) + `<${old.qname}${setAttr(old.attrs, 'fitToPage', fit)}${old.selfClosing ? '/>' : '>'}` + body.slice(old.openEnd);
      else body += px(`<pageSetUpPr fitToPage="${fit}"/>`);
    }
    const qn = k?.qname ?? `${p}sheetPr`;
    attrs = attrs.replace(/\s+$/, '');
    edits.push(k ? { at: k.start, remove: k.end - k.start, insert: body ? `<${qn}${attrs}>${body}</${qn}>` : `<${qn}${attrs}/>` } : { at: insertAt('sheetPr'), remove: 0, insert: `<${qn}>${body}</${qn}>` });
  }

  // sheetData first: it tells the dimension.
  const sd = find('sheetData');
  if (!sd) throw new Error('worksheet without sheetData');
  const colStyles = columnStyles(find('cols'), xml);
  const merges = existingMerges(find('mergeCells'), xml);
  const data = patchRows(xml, sd, rows ?? textRows(xml, sd), p, layout, ctx, clear, recalc, colStyles);

  const dim = find('dimension');
  if (data.bounds) {
    const old = dim ? attr(dim.attrs, 'ref') : null;
    const ref = refOf(union(old ? safeRange(old) : null, data.bounds));
    if (dim) edits.push({ at: dim.start, remove: dim.openEnd - dim.start, insert: `<${dim.qname}${setAttr(dim.attrs.replace(/\/$/, ''), 'ref', ref)}${dim.selfClosing ? '/>' : '>'}` });
  }

  if (plan.freeze) {
    const views = find('sheetViews');
    const pane = paneXml(plan.freeze);
    const fresh = pane ? pane.pane + pane.selection : '';
    if (!views) put('sheetViews', `<sheetViews><sheetView workbookViewId="0">${fresh}</sheetView></sheetViews>`);
    else {
      const first = childSpans(xml, views.openEnd, views.closeStart).find((c) => c.name === 'sheetView');
      if (first) {
        // The first view's panes and selections are the plan's; its other children (pivot selections, extLst) stay.
        const body = first.selfClosing ? '' : xml.slice(first.openEnd, first.closeStart);
        const rest = childSpans(body, 0, body.length).filter((c) => c.name !== 'pane' && c.name !== 'selection').map((c) => body.slice(c.start, c.end)).join('');
        const attrs = first.attrs.replace(/\s+$/, '');
        edits.push({ at: first.start, remove: first.end - first.start, insert: `<${first.qname}${attrs}>${px(fresh)}${rest}</${first.qname}>` });
      } else edits.push({ at: views.closeStart, remove: 0, insert: px(`<sheetView workbookViewId="0">${fresh}</sheetView>`) });
    }
  }

  if (plan.columns?.length) put('cols', patchCols(find('cols'), xml, plan.columns, px));

  edits.push({ at: sd.start, remove: sd.end - sd.start, insert: data.xml });

  if (plan.autoFilter !== undefined) put('autoFilter', plan.autoFilter ? autoFilterXml(plan.autoFilter) : '');

  // Merges: the plan's replace any they overlap; cleared ranges and cells given a value lose theirs.
  const planned = (plan.merges ?? []).map(parseRange);
  const keep = merges.filter((m) => !planned.some((q) => rangesOverlap(m.range, q)) && !clear.some((q) => rangesOverlap(m.range, q)) && !writesInside(layout, m.range));
  if (keep.length !== merges.length || planned.length) {
    const seen = new Set(keep.map((m) => refOf(m.range)));
    const added = planned.map(refOf).filter((r) => !seen.has(r) && (seen.add(r), true));
    const items = keep.map((m) => m.xml).concat(added.map((r) => px(`<mergeCell ref="${r}"/>`)));
    const k = find('mergeCells');
    const qn = k?.qname ?? `${p}mergeCells`;
    const attrs = k ? setAttr(k.attrs.replace(/\/$/, ''), 'count', String(items.length)) : ` count="${items.length}"`;
    const el = items.length ? `<${qn}${attrs}>${items.join('')}</${qn}>` : '';
    if (k) edits.push({ at: k.start, remove: k.end - k.start, insert: el });
    else if (el) edits.push({ at: insertAt('mergeCells'), remove: 0, insert: el });
  }

  if (plan.validations?.length || clear.length) patchValidations(xml, find('dataValidations'), plan, clear, px, p, edits, insertAt);

  if (page) {
    if (page.margins) {
      const k = find('pageMargins');
      const old = k ? Object.fromEntries(parseAttrs(k.attrs).map(([n, v]) => [n, Number(v)])) : {};
      const m = marginAttrs(page, { ...DEFAULT_MARGINS, ...old });
      put('pageMargins', pageMarginsXml(m));
    }
    const setup = pageSetupAttrs(page);
    if (setup.length) {
      const k = find('pageSetup');
      if (k) {
        let attrs = k.attrs.replace(/\/$/, '');
        for (const [n, v] of setup) attrs = setAttr(attrs, n, v);
        edits.push({ at: k.start, remove: k.openEnd - k.start, insert: `<${k.qname}${attrs}${k.selfClosing ? '/>' : '>'}` });
      } else put('pageSetup', `<pageSetup${serializeAttrs(setup)}/>`);
    }
    const headerFooter = headerFooterXml(page);
    if (headerFooter) put('headerFooter', headerFooter);
    if (page.rowBreaks) put('rowBreaks', rowBreaksXml(page.rowBreaks));
  }

  if (plan.charts?.length && options.drawingRelId) {
    if (find('drawing')) ctx.warnings.push({ code: 'chartsNotDrawn', sheet: ctx.sheet, detail: String(plan.charts.length) });
    else {
      const rp = relPrefix(root.attrs);
      if (rp === null) edits.push({ at: root.start, remove: root.openEnd - root.start, insert: `<${root.qname}${root.attrs.replace(/\s+$/, '')} xmlns:r="${REL_NS}">` });
      put('drawing', `<drawing ${rp ?? 'r'}:id="${options.drawingRelId}"/>`);
    }
  }

  return editedPieces(xml, edits);
}

/** Adds the part's prefix to generated element names (a sheet written with x: has no default namespace). */
function prefixer(p: string): (s: string) => string {
  return p ? (s) => s.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${p}$2`) : (s) => s;
}

/** The prefix bound to the relationships namespace on the root, or null. */
function relPrefix(rootAttrs: string): string | null {
  for (const [n, v] of parseAttrs(rootAttrs)) if (n.startsWith('xmlns:') && v === REL_NS) return n.slice(6);
  return null;
}

function removeChild(body: string, name: string): string {
  const hit = childSpans(body, 0, body.length).find((c) => c.name === name);
  return hit ? body.slice(0, hit.start) + body.slice(hit.end) : body;
}

function safeRange(ref: string): RangeRef | null {
  try {
    return parseRange(ref);
  } catch {
    return null;
  }
}

function union(a: RangeRef | null, b: Bounds): RangeRef {
  if (!a) return b;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

function inside(r: number, c: number, q: RangeRef): boolean {
  return r >= q.top && r <= q.bottom && c >= q.left && c <= q.right;
}

/** A value written into a merged area other than its top-left cell breaks the merge (as in Excel). */
function writesInside(layout: Layout, m: RangeRef): boolean {
  for (let r = m.top; r <= m.bottom; r++) {
    const row = layout.rows[r];
    if (!row) continue;
    for (let c = m.left; c <= m.right; c++) {
      if (r === m.top && c === m.left) continue;
      const v = row.value(c);
      if (v !== undefined && v !== null && v !== '') return true;
    }
  }
  return false;
}

interface Merge {
  range: RangeRef;
  xml: string;
}

function existingMerges(k: Span | undefined, xml: string): Merge[] {
  if (!k || k.selfClosing) return [];
  const out: Merge[] = [];
  for (const c of childSpans(xml, k.openEnd, k.closeStart)) {
    const ref = c.name === 'mergeCell' ? attr(c.attrs, 'ref') : null;
    const range = ref ? safeRange(ref) : null;
    if (range) out.push({ range, xml: xml.slice(c.start, c.end) });
  }
  return out;
}

interface ColRun {
  min: number;
  max: number;
  attrs: string;
  xml: string;
}

function colRuns(k: Span | undefined, xml: string): ColRun[] {
  if (!k || k.selfClosing) return [];
  return childSpans(xml, k.openEnd, k.closeStart)
    .filter((c) => c.name === 'col')
    .map((c) => ({ min: Number(attr(c.attrs, 'min')), max: Number(attr(c.attrs, 'max')), attrs: c.attrs.replace(/\/$/, ''), xml: xml.slice(c.start, c.end) }));
}

/** The format of an empty cell in each column (the col's style), for cells the plan creates. */
function columnStyles(k: Span | undefined, xml: string): (col: number) => number {
  const runs = colRuns(k, xml).filter((r) => attr(r.attrs, 'style') !== null);
  if (!runs.length) return () => 0;
  return (col) => {
    const hit = runs.find((r) => col >= r.min && col <= r.max);
    return hit ? Number(attr(hit.attrs, 'style')) || 0 : 0;
  };
}

/** cols with the plan's widths and hidden flags; a run covering several columns is split. */
function patchCols(k: Span | undefined, xml: string, columns: NonNullable<SheetPlan['columns']>, px: (s: string) => string): string {
  let runs = colRuns(k, xml);
  for (const c of columns) {
    const at = runs.findIndex((r) => c.index >= r.min && c.index <= r.max);
    if (at < 0) {
      runs.push({ min: c.index, max: c.index, attrs: '', xml: px(colXml(c)) });
      continue;
    }
    const r = runs[at]!;
    const q = k ? prefixOf(childSpans(xml, k.openEnd, k.closeStart).find((s) => s.name === 'col')!.qname) : '';
    const piece = (min: number, max: number, attrs: string): ColRun => {
      const a = setAttr(setAttr(attrs, 'min', String(min)), 'max', String(max));
      return { min, max, attrs: a, xml: `<${q}col${a}/>` };
    };
    let attrs = r.attrs;
    if (c.width !== undefined) attrs = setAttr(setAttr(attrs, 'width', String(c.width)), 'customWidth', '1');
    if (c.hidden !== undefined) attrs = c.hidden ? setAttr(attrs, 'hidden', '1') : removeAttr(attrs, 'hidden');
    const parts: ColRun[] = [];
    if (r.min < c.index) parts.push(piece(r.min, c.index - 1, r.attrs));
    parts.push(piece(c.index, c.index, attrs));
    if (r.max > c.index) parts.push(piece(c.index + 1, r.max, r.attrs));
    // A run untouched by the split keeps its bytes.
    if (parts.length === 1 && attrs === r.attrs) parts[0] = r;
    runs.splice(at, 1, ...parts);
  }
  runs = runs.sort((a, b) => a.min - b.min);
  const qn = k?.qname ?? 'cols';
  const attrs = k ? k.attrs.replace(/\/$/, '') : '';
  return `<${qn}${attrs}>${runs.map((r) => r.xml).join('')}</${qn}>`;
}

/**
 * The plan's list rules replace whatever rule covered their cells, and cleared ranges lose theirs
 * (as Excel's Range.clear); the user's rules elsewhere stay.
 */
function patchValidations(
  xml: string,
  k: Span | undefined,
  plan: SheetPlan,
  clear: RangeRef[],
  px: (s: string) => string,
  p: string,
  edits: Edit[],
  insertAt: (name: string) => number,
): void {
  const ours: { range: RangeRef; xml: string }[] = [];
  for (const v of plan.validations ?? []) {
    const range = parseRange(v.range);
    ours.push({ range, xml: px(validationXml(refOf(range), listFormula(v))) });
  }
  const kept: string[] = [];
  for (const c of k && !k.selfClosing ? childSpans(xml, k.openEnd, k.closeStart) : []) {
    const raw = xml.slice(c.start, c.end);
    const sqref = c.name === 'dataValidation' ? attr(c.attrs, 'sqref') : null;
    if (sqref === null) {
      kept.push(raw);
      continue;
    }
    const parts = sqref.split(/\s+/).filter(Boolean).map(safeRange);
    if (parts.some((r) => r === null)) {
      kept.push(raw);
      continue;
    }
    let left = parts as RangeRef[];
    for (const o of [...ours.map((x) => x.range), ...clear]) left = left.flatMap((r) => subtractRange(r, o));
    if (left.length === parts.length && left.every((r, i) => r === parts[i])) kept.push(raw);
    else if (left.length) kept.push(`<${c.qname}${setAttr(c.attrs, 'sqref', left.map(refOf).join(' '))}` + raw.slice(c.openEnd - c.start - (c.selfClosing ? 2 : 1)));
  }
  const items = kept.concat(ours.map((o) => o.xml));
  const qn = k?.qname ?? `${p}dataValidations`;
  const attrs = k ? setAttr(k.attrs.replace(/\/$/, ''), 'count', String(items.length)) : ` count="${items.length}"`;
  const el = items.length ? `<${qn}${attrs}>${items.join('')}</${qn}>` : '';
  if (k) edits.push({ at: k.start, remove: k.end - k.start, insert: el });
  else if (el) edits.push({ at: insertAt('dataValidations'), remove: 0, insert: el });
}

// ------------------------------------------------------------------------- sheetData

function isBoundary(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Next `<name` tag start (whole name) in [from, to), or -1. */
function nextTag(xml: string, open: string, from: number, to: number): number {
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + 1)) {
    if (isBoundary(xml.charCodeAt(at + open.length))) return at;
  }
  return -1;
}

interface RowsResult {
  /** The whole sheetData element, in pieces. */
  xml: Piece[];
  bounds: Bounds | null;
}

function patchRows(skeleton: string, sd: Span, src: RowsSource, p: string, layout: Layout, ctx: CellContext, clear: RangeRef[], recalc: RangeRef[], colStyle: (c: number) => number): RowsResult {
  const px = prefixer(p);
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  // Rows are encoded as they are made (their unchanged runs copied as bytes): one piece at the end.
  // Room enough never to grow: a fresh buffer costs its page faults, and untouched pages cost nothing.
  // Headroom for the sheet's text before sheetData (at most 3 bytes a character, and the edits there).
  const sink = src.sink(src.end - src.start + layout.order.length * 320, sd.openEnd * 3 + 16384);
  let bounds: Bounds | null = null;
  const grow = (r: number, c: number) => {
    if (!bounds) bounds = { top: r, bottom: r, left: c, right: c };
    else {
      if (r < bounds.top) bounds.top = r;
      if (r > bounds.bottom) bounds.bottom = r;
      if (c < bounds.left) bounds.left = c;
      if (c > bounds.right) bounds.right = c;
    }
  };
  const newRow = (r: number, row: PlannedRow): string => {
    const cells: string[] = [];
    for (const c of plannedColumns(row)) {
      const cell = plannedCellXml(ctx, layout, row, r, c, colStyle(c));
      if (cell) {
        cells.push(cell);
        grow(r, c);
      }
    }
    const ht = rowHeightAttrs(row);
    if (!cells.length && !ht) return '';
    return px(cells.length ? `<row r="${r}"${ht}>${cells.join('')}</row>` : `<row r="${r}"${ht}/>`);
  };

  const order = layout.order;
  const orphans: Orphans = new Map();
  const patch: RowPatch = { src, ctx, layout, clear, recalc, colStyle, grow, orphans };
  let k = 0;
  const clearRow = (r: number) => clear.some((q) => r >= q.top && r <= q.bottom);
  const recalcRow = (r: number) => recalc.some((q) => r >= q.top && r <= q.bottom);
  const pos = { end: 0 };
  if (sd.selfClosing) {
    for (const r of order) sink.put(newRow(r, layout.rows[r]!));
    return { xml: [`<${sd.qname}${sd.attrs.replace(/\/$/, '')}>`, sink.done(), `</${sd.qname}>`], bounds };
  }
  const xml = src.xml;
  let copied = src.start;
  let prev = 0;
  for (let i = src.start; ; ) {
    const at = nextTag(xml, rowOpen, i, src.end);
    if (at < 0) break;
    const plainTag = p ? null : plainRowTag(xml, at);
    const tag = plainTag ?? readTag(xml, at, pos)!;
    const rAttr = plainTag ? null : attr(tag.attrs, 'r');
    const r = plainTag ? plainTag.r : rAttr !== null ? parseInt(rAttr, 10) || prev + 1 : prev + 1;
    const end = tag.selfClosing ? tag.end : xml.indexOf(rowClose, tag.end) + rowClose.length;
    if (end < tag.end) throw new Error(`unterminated row ${r}`);
    if (k < order.length && order[k]! < r) {
      sink.put(src.run(copied, at));
      copied = at;
      while (k < order.length && order[k]! < r) {
        sink.put(newRow(order[k]!, layout.rows[order[k]!]!));
        k++;
      }
    }
    let planned: PlannedRow | undefined;
    if (order[k] === r) {
      planned = layout.rows[r];
      k++;
    }
    const stale = recalc.length > 0 && recalcRow(r);
    if (planned || stale || (clear.length && clearRow(r)) || (orphans.size && orphanRow(orphans, r))) {
      if (at > copied) sink.put(src.run(copied, at));
      // The common shape first, in a small function: rebuildRow then stays cold (never compiled).
      const plain = planned && !orphans.size && !p && !stale ? plainRow(patch, at, tag, end, r, planned) : null;
      const pieces = plain ?? rebuildRow(patch, at, tag, end, r, planned, p, px);
      for (let j = 0; j < pieces.length; j++) sink.put(pieces[j]!);
      copied = end;
    }
    prev = r;
    i = end;
  }
  sink.put(src.run(copied, src.end));
  for (; k < order.length; k++) sink.put(newRow(order[k]!, layout.rows[order[k]!]!));
  return { xml: [skeleton.slice(sd.start, sd.openEnd), sink.done(), skeleton.slice(sd.closeStart, sd.end)], bounds };
}

/**
 * `<row r="12">` (or `<row r="12"/>`), as writers put a row: its tag read without the general
 * reader (this runs for every row of the sheet); null for any other shape, or a row number 0.
 */
function plainRowTag(xml: string, at: number): (RowTag & { r: number }) | null {
  if (!xml.startsWith(' r="', at + 4)) return null;
  let i = at + 8;
  let r = 0;
  for (let d = xml.charCodeAt(i); d >= 48 && d <= 57; d = xml.charCodeAt(++i)) r = r * 10 + (d - 48);
  if (r === 0 || i > at + 15 || xml.charCodeAt(i) !== 34) return null;
  const next = xml.charCodeAt(i + 1);
  if (next === 62) return { attrs: xml.slice(at + 4, i + 1), end: i + 2, selfClosing: false, r };
  if (next === 47 && xml.charCodeAt(i + 2) === 62) return { attrs: xml.slice(at + 4, i + 1), end: i + 3, selfClosing: true, r };
  return null;
}

/** What every patched row of a sheet shares: its source, the plan and what the patch records. */
interface RowPatch {
  src: RowsSource;
  ctx: CellContext;
  layout: Layout;
  clear: RangeRef[];
  /** Ranges whose formulas lose their cached results (SheetPlan.recalculate). */
  recalc: RangeRef[];
  colStyle: (c: number) => number;
  /** Widens the sheet's written bounds to (r, c). */
  grow: (r: number, c: number) => void;
  orphans: Orphans;
}

/** A row's start tag, as read. */
type RowTag = { attrs: string; end: number; selfClosing: boolean };

interface ExistingCell {
  col: number;
  start: number;
  end: number;
  qname: string;
  attrs: string;
  openEnd: number;
  selfClosing: boolean;
  s: number;
}

function rebuildRow(patch: RowPatch, at: number, tag: RowTag, end: number, r: number, planned: PlannedRow | undefined, p: string, px: (s: string) => string): Piece[] {
  const { src, ctx, layout, clear, recalc, colStyle, grow, orphans } = patch;
  const xml = src.xml;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  const contentEnd = tag.selfClosing ? tag.end : end - `</${p}row>`.length;
  const cells: ExistingCell[] = [];
  const pos = { end: 0 };
  let rLess = false;
  let col = 0;
  // Cells left of every planned or cleared column are copied as they are: found, not parsed
  // (evaluate writes 4 columns at the end of thousands of 24-column rows).
  const cols = planned ? plannedColumns(planned) : [];
  const firstCol = firstTouched(cols, recalc.length ? clear.concat(recalc) : clear, r);
  const quick = orphans.size === 0;
  let quickEnd = tag.end; // end of the last cell copied unparsed
  let from = tag.end;
  if (quick && firstCol !== Infinity) {
    // From the row's end back to the first cell left of every planned column: all before it is
    // copied without a forward walk over the row's cells (the planned columns are the last few).
    const left = lastCellBefore(xml, cOpen, tag.end, contentEnd, firstCol);
    if (left) [from, quickEnd, col] = [left.end, left.end, left.col];
  }
  for (let i = from; ; ) {
    const c = nextTag(xml, cOpen, i, contentEnd);
    if (c < 0) break;
    if (quick) {
      const qc = leadingColumn(xml, c + cOpen.length);
      if (qc > 0 && qc < firstCol) {
        const gt = xml.indexOf('>', c);
        const cEnd = xml.charCodeAt(gt - 1) === 47 ? gt + 1 : xml.indexOf(cClose, gt) + cClose.length;
        if (gt > 0 && cEnd > gt && cEnd <= contentEnd) {
          col = qc;
          i = quickEnd = cEnd;
          continue;
        }
      }
    }
    const t = readTag(xml, c, pos)!;
    const ref = attr(t.attrs, 'r');
    if (ref === null) rLess = true;
    col = ref !== null ? columnOf(ref) || col + 1 : col + 1;
    const cEnd = t.selfClosing ? t.end : xml.indexOf(cClose, t.end) + cClose.length;
    if (cEnd < t.end) throw new Error(`unterminated cell in row ${r}`);
    cells.push({ col, start: c, end: cEnd, qname: xml.slice(c + 1, c + cOpen.length), attrs: t.attrs, openEnd: t.end, selfClosing: t.selfClosing, s: Number(attr(t.attrs, 's') ?? 0) || 0 });
    i = cEnd;
  }
  const rowStyle = attr(tag.attrs, 'customFormat') === '1' ? Number(attr(tag.attrs, 's') ?? 0) || 0 : null;
  const cleared = (c: number) => clear.some((q) => inside(r, c, q));
  const out: Piece[] = [];
  let j = 0;
  let last = tag.end;
  let minCol = Infinity;
  let maxCol = 0;
  const note = (c: number) => {
    if (c < minCol) minCol = c;
    if (c > maxCol) maxCol = c;
  };
  const write = (c: number, base: number): string => {
    const cell = plannedCellXml(ctx, layout, planned!, r, c, base);
    if (cell) grow(r, c);
    return px(cell);
  };
  for (const e of cells) {
    out.push(src.run(last, e.start));
    last = e.end;
    while (j < cols.length && cols[j]! < e.col) {
      const c = cols[j++]!;
      const cell = write(c, rowStyle ?? colStyle(c));
      if (cell) note(c);
      out.push(cell);
    }
    const isPlanned = cols[j] === e.col;
    if (isPlanned) j++;
    const wiped = cleared(e.col);
    const body = src.text(e.openEnd, e.end);
    if (!isPlanned && !wiped) {
      const kept = orphans.size ? adoptClone(body, r, e.col, orphans) : null;
      const uncached = !e.selfClosing && recalc.some((q) => inside(r, e.col, q)) ? withoutResult(src.decode(e.attrs), kept ?? body, p) : null;
      if (uncached !== null) out.push(`<${e.qname}${uncached}`);
      else out.push(kept === null ? src.run(e.start, e.end) : src.text(e.start, e.openEnd) + kept);
      note(e.col);
      continue;
    }
    const base = wiped ? 0 : e.s;
    const styleOnly = isPlanned && planned!.value(e.col) === undefined && !wiped;
    if (!styleOnly) noteMaster(body, r, e.col, orphans, (range) => rewritten(layout, clear, range));
    if (styleOnly) {
      // Style only: the cell keeps its content, only s changes.
      const s = cellStyleId(ctx, layout, undefined, planned!.run(e.col), base);
      const own = src.decode(e.attrs);
      const attrs = s ? setAttr(own, 's', String(s)) : removeAttr(own, 's');
      out.push(`<${e.qname}${attrs}${e.selfClosing ? '/>' : '>'}` + ((orphans.size ? adoptClone(body, r, e.col, orphans) : null) ?? body));
      note(e.col);
      continue;
    }
    const cell = isPlanned ? write(e.col, base) : '';
    if (cell) {
      out.push(cell);
      note(e.col);
    } else if (rLess) {
      // Cells without r take their column from the previous one: keep the place.
      out.push(px(`<c r="${cellAddress(r, e.col)}"/>`));
    }
  }
  // Cells copied unparsed lie left of every planned column: they go before the planned cells
  // still to write, or a cell right of the row's last one would be written ahead of them.
  if (quickEnd > last) {
    out.push(src.run(last, quickEnd));
    last = quickEnd;
  }
  for (; j < cols.length; j++) {
    const c = cols[j]!;
    const cell = write(c, rowStyle ?? colStyle(c));
    if (cell) note(c);
    out.push(cell);
  }
  const tail = tag.selfClosing || last === contentEnd ? '' : src.run(last, contentEnd);
  let attrs = src.decode(tag.attrs).replace(/\/$/, '');
  if (planned?.height !== undefined) attrs = withHeight(attrs, planned);
  // A fitted height was measured on texts: a row the clear left empty is as one never sized (Excel's automatic height).
  else if (!tail && out.every((o) => !o.length) && clear.some((q) => r >= q.top && r <= q.bottom) && !customHeight(attrs)) attrs = removeAttr(attrs, 'ht');
  const spans = attr(attrs, 'spans');
  if (spans !== null && maxCol > 0) {
    const [a, b] = spans.split(':').map(Number);
    const lo = Math.min(a || minCol, minCol);
    const hi = Math.max(b || maxCol, maxCol);
    attrs = setAttr(attrs, 'spans', `${lo}:${hi}`);
  }
  const qn = xml.slice(at + 1, at + 1 + `${p}row`.length);
  // Pieces, not one string: the copied run of the user's cells stays a slice of the sheet (text or bytes).
  if (!tail && out.every((o) => !o.length)) return [`<${qn}${attrs}/>`];
  out.unshift(`<${qn}${attrs}>`);
  out.push(tail, `</${qn}>`);
  return out;
}

/** The last cell plainCellAt read: its column, its s (0 without), whether its tag closes it. */
const plainCell = { col: 0, s: 0, selfClosing: false };

/**
 * A cell as writers put it, `<c r="S10" s="9"/>` or with a type and content (`>…</c>`), at `i`
 * (as /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="[a-zA-Z]+")?(\/?)>/y would match): where its
 * start tag ends, its parts in plainCell; -1 for any other shape. Read by hand: this runs for
 * every cell patched, and a regex's match arrays cost more than the reading.
 */
function plainCellAt(xml: string, i: number): number {
  if (!xml.startsWith('<c r="', i)) return -1;
  let k = i + 6;
  let col = 0;
  for (let ch = xml.charCodeAt(k); ch >= 65 && ch <= 90 && k < i + 9; ch = xml.charCodeAt(++k)) col = col * 26 + (ch - 64);
  if (k === i + 6) return -1;
  const digits = k;
  for (let ch = xml.charCodeAt(k); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k));
  if (k === digits || xml.charCodeAt(k) !== 34) return -1;
  k++;
  let s = 0;
  if (xml.startsWith(' s="', k)) {
    const from = k + 4;
    for (let ch = xml.charCodeAt(k = from); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) s = s * 10 + (ch - 48);
    if (k === from || xml.charCodeAt(k) !== 34) return -1;
    if (k - from > 9) s = Number(xml.slice(from, k));
    k++;
  }
  if (xml.startsWith(' t="', k)) {
    const from = k + 4;
    for (let ch = xml.charCodeAt(k = from); (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122); ch = xml.charCodeAt(++k));
    if (k === from || xml.charCodeAt(k) !== 34) return -1;
    k++;
  }
  const selfClosing = xml.charCodeAt(k) === 47;
  if (selfClosing) k++;
  if (xml.charCodeAt(k) !== 62) return -1;
  plainCell.col = col;
  plainCell.s = s;
  plainCell.selfClosing = selfClosing;
  return k + 1;
}
/** A row whose only attribute is r: no spans, height or row format to update or inherit. */
const PLAIN_ROW_ATTRS = /^ r="\d+"$/;

/**
 * A formula cell's attributes and body (after its start tag) without its cached result, nor the
 * type that described it: as a writer stores a formula it did not calculate. Null for no formula.
 */
function withoutResult(attrs: string, body: string, p: string): string | null {
  const f = body.indexOf(`<${p}f`);
  if (f < 0 || !isBoundary(body.charCodeAt(f + p.length + 2))) return null;
  const v = body.indexOf(`<${p}v`);
  if (v < 0 || !isBoundary(body.charCodeAt(v + p.length + 2))) return `${removeAttr(attrs, 't')}>${body}`;
  const gt = body.indexOf('>', v);
  const end = body.charCodeAt(gt - 1) === 47 ? gt + 1 : body.indexOf(`</${p}v>`, gt) + `</${p}v>`.length;
  return `${removeAttr(attrs, 't')}>${body.slice(0, v)}${body.slice(end)}`;
}

/** The first column of row `r` the plan writes or clears (Infinity: none). */
function firstTouched(cols: number[], clear: RangeRef[], r: number): number {
  let first = cols[0] ?? Infinity;
  for (const q of clear) if (r >= q.top && r <= q.bottom && q.left < first) first = q.left;
  return first;
}

/**
 * rebuildRow in one pass for the shape of evaluate's member rows (unprefixed, no orphaned
 * formula): a row with only r whose cells right of the ones kept (lastCellBefore) are
 * PLAIN_CELLs, one after the other, each in a planned column given a value (cleared or not).
 * The same pieces as the general walk, or null for any other shape. Nothing is written before
 * the whole shape is known: writing a cell registers its style.
 */
function plainRow(patch: RowPatch, at: number, tag: RowTag, end: number, r: number, planned: PlannedRow): Piece[] | null {
  const { src, ctx, layout, clear, colStyle, grow, orphans } = patch;
  if (planned.height !== undefined || !PLAIN_ROW_ATTRS.test(tag.attrs)) return null;
  const xml = src.xml;
  const contentEnd = tag.selfClosing ? tag.end : end - '</row>'.length;
  const cols = plannedColumns(planned);
  const from = lastCellBefore(xml, '<c', tag.end, contentEnd, firstTouched(cols, clear, r))?.end ?? tag.end;
  // The existing cells of planned columns, four numbers each: column, style, content start and end.
  const found: number[] = [];
  let j = 0;
  for (let i = from; i < contentEnd; ) {
    const openEnd = plainCellAt(xml, i);
    if (openEnd < 0) return null;
    const c = plainCell.col;
    while (j < cols.length && cols[j]! < c) j++;
    // Each column once, in order (a repeated cell is the general walk's to keep).
    if (cols[j] !== c || planned.value(c) === undefined) return null;
    j++;
    const cellEnd = plainCell.selfClosing ? openEnd : xml.indexOf('</c>', openEnd) + 4;
    if (cellEnd < openEnd || cellEnd > contentEnd) return null;
    found.push(c, plainCell.s, openEnd, cellEnd);
    i = cellEnd;
  }
  // The start tag (PLAIN_ROW_ATTRS: as the general walk writes it) and the cells kept: one run
  // copied; then the new cells as one string (indexed loops: this runs cold, for thousands of rows).
  const head = tag.selfClosing ? `<row${tag.attrs}>` : src.run(at, from);
  let cells = '';
  let k = 0;
  let lo = 0;
  let hi = 0;
  for (let ci = 0; ci < cols.length; ci++) {
    const c = cols[ci]!;
    let base: number;
    if (found[k] === c) {
      // A cleared cell is written over no format of its own.
      base = clearedAt(clear, r, c) ? 0 : found[k + 1]!;
      if (found[k + 3]! > found[k + 2]!) noteMaster(src.text(found[k + 2]!, found[k + 3]!), r, c, orphans, (range) => rewritten(layout, clear, range));
      k += 4;
    } else base = colStyle(c);
    const cell = plannedCellXml(ctx, layout, planned, r, c, base);
    if (!cell) continue;
    if (!lo) lo = c;
    hi = c;
    cells += cell;
  }
  if (lo) {
    // Columns ascend: the first and last written cells bound the row's.
    grow(r, lo);
    grow(r, hi);
  }
  if (!cells && from === tag.end) return [`<row${tag.attrs}/>`];
  return [head, cells + '</row>'];
}

/** Whether a clear range holds (r, c). */
function clearedAt(clear: RangeRef[], r: number, c: number): boolean {
  for (let i = 0; i < clear.length; i++) if (inside(r, c, clear[i]!)) return true;
  return false;
}

/**
 * Walking back from the row's end: the last cell left of column `firstCol` (its column, and
 * where the cell after it starts), or null when a cell on the way has no leading r (then the
 * row is walked forward). Cells of a row are in column order (ECMA-376 §18.3.1.73).
 */
function lastCellBefore(xml: string, cOpen: string, rowStart: number, contentEnd: number, firstCol: number): { col: number; end: number } | null {
  let end = contentEnd;
  for (let at = xml.lastIndexOf(cOpen, end - 1); at >= rowStart; at = xml.lastIndexOf(cOpen, at - 1)) {
    if (!isBoundary(xml.charCodeAt(at + cOpen.length))) continue;
    const col = leadingColumn(xml, at + cOpen.length);
    if (col === 0) return null;
    if (col < firstCol) return { col, end };
    end = at;
  }
  return null;
}

/** The column of a cell whose start tag begins with ` r="B12"` (at `i`, just after the name), else 0. */
function leadingColumn(xml: string, i: number): number {
  if (xml.charCodeAt(i) !== 32 || xml.charCodeAt(i + 1) !== 114 || xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) return 0;
  let n = 0;
  for (let k = i + 4; ; k++) {
    const c = xml.charCodeAt(k);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else return c >= 48 && c <= 57 ? n : 0;
  }
}

// ------------------------------------------------------------------------- shared formulas

/** First cells of shared formulas the plan overwrote: their copies must carry their own text. */
type Orphans = Map<string, { formula: string; row: number; col: number; range: RangeRef }>;

const SHARED_MASTER = /<((?:\w+:)?f)\b([^>]*)>([^<]*)<\/\1>/;
const SHARED_CLONE = /<((?:\w+:)?f)\b([^>]*?)(?:\/>|>\s*<\/\1>)/;

function orphanRow(orphans: Orphans, r: number): boolean {
  for (const o of orphans.values()) if (r >= o.range.top && r <= o.range.bottom) return true;
  return false;
}

/**
 * Before a shared formula's first cell is overwritten, remember its text for its copies; not
 * when the plan writes or clears every cell of its range (evaluate redrawing its own fill).
 */
function noteMaster(body: string, r: number, c: number, orphans: Orphans, rewrittenRange: (range: RangeRef) => boolean): void {
  // A first cell has a ref: most cells (a fill's copies, values) are passed over without the regex.
  if (!body.includes('ref')) return;
  const m = SHARED_MASTER.exec(body);
  if (!m || attr(m[2]!, 't') !== 'shared') return;
  const si = attr(m[2]!, 'si');
  const ref = attr(m[2]!, 'ref');
  const range = ref ? safeRange(ref) : null;
  if (si === null || !range || rewrittenRange(range)) return;
  orphans.set(si, { formula: decodeEntities(m[3]!), row: r, col: c, range });
}

/** Whether the plan gives every cell of `range` a value (or clears it): no copy of a formula there survives. */
function rewritten(layout: Layout, clear: RangeRef[], range: RangeRef): boolean {
  for (let y = range.top; y <= range.bottom; y++) {
    const row = layout.rows[y];
    for (let x = range.left; x <= range.right; x++) {
      if (row?.value(x) !== undefined) continue;
      if (!clear.some((q) => inside(y, x, q))) return false;
    }
  }
  return true;
}

/** A copy of an orphaned shared formula gets the formula as it reads at its own cell; null = unchanged. */
function adoptClone(body: string, r: number, c: number, orphans: Orphans): string | null {
  const m = SHARED_CLONE.exec(body);
  if (!m || attr(m[2]!, 't') !== 'shared' || attr(m[2]!, 'ref') !== null) return null;
  const o = orphans.get(attr(m[2]!, 'si') ?? '');
  if (!o) return null;
  const own = escapeText(shiftFormula(o.formula, r - o.row, c - o.col));
  return body.slice(0, m.index) + `<${m[1]}>${own}</${m[1]}>` + body.slice(m.index + m[0].length);
}

/** A row's attributes with its planned height: a fitted one never replaces a height the user set. */
function withHeight(attrs: string, planned: PlannedRow): string {
  if (!planned.fit) return setAttr(setAttr(attrs, 'ht', String(planned.height)), 'customHeight', '1');
  if (customHeight(attrs)) return attrs;
  return setAttr(attrs, 'ht', String(planned.height));
}

/** Whether the row's height was set by hand (or a plan's fixed height), not fitted. */
function customHeight(attrs: string): boolean {
  const custom = attr(attrs, 'customHeight');
  return custom === '1' || custom === 'true';
}
