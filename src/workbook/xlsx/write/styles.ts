/**
 * Edits a workbook's styles.xml by appending: every existing byte stays except the `count`
 * attributes of the lists that grow. Each distinct CellStyle (on a given base format) gets one
 * cellXfs entry; fonts, fills, borders and number formats are reused when an identical one
 * exists already.
 */
import type { CellStyle, ConditionalStyle } from '../../port';
import { applyEdits, childSpans, openedRoot, rootSpan, type Edit, type Span } from './scan';
import { escapeAttr, parseAttrs, prefixOf, serializeAttrs, setAttr } from './xmlText';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A stylesheet Excel and LibreOffice open without repair (fills 0 and 1 are reserved). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** CT_Stylesheet's element order: where a missing list is inserted. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const ITEM: Record<ListName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

/** Excel's built-in number formats that need no numFmt element (locale-free ones only). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const SEED: [ListName, string[]][] = [
  ['fonts', ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']],
  ['fills', ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']],
  ['borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>']],
  ['cellXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']],
];

/** CT_Font children in the order Excel writes them. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

interface List {
  span: Span | null;
  /** Raw item XML (prefix removed for comparison) → first index. */
  index: Map<string, number>;
  items: string[];
  added: string[];
}

interface Child {
  name: string;
  xml: string;
}

export class StylesEditor {
  private readonly xml: string;
  private readonly created: boolean;
  private readonly p: string;
  private readonly root: Span;
  private readonly lists = new Map<ListName, List>();
  private readonly children: Span[];
  private readonly numFmtCodes = new Map<string, number>();
  private readonly numFmtById = new Map<number, string>();
  private nextNumFmt = 164;
  private readonly cache = new Map<string, number>();

  constructor(stylesXml: string | null) {
    this.created = stylesXml === null;
    this.xml = openedRoot(stylesXml ?? MINIMAL_STYLES);
    this.root = rootSpan(this.xml);
    this.p = prefixOf(this.root.qname);
    this.children = childSpans(this.xml, this.root.openEnd, this.root.closeStart);
    for (const name of Object.keys(ITEM) as ListName[]) {
      const span = this.children.find((c) => c.name === name) ?? null;
      const items = span && !span.selfClosing ? childSpans(this.xml, span.openEnd, span.closeStart).filter((c) => c.name === ITEM[name]).map((c) => this.unprefixed(this.xml.slice(c.start, c.end))) : [];
      const index = new Map<string, number>();
      items.forEach((x, i) => {
        if (!index.has(x)) index.set(x, i);
      });
      this.lists.set(name, { span, index, items, added: [] });
    }
    // A stylesheet without these defaults is incomplete (index 0 is what unstyled cells use).
    for (const [name, defaults] of SEED) if (!this.lists.get(name)!.items.length) for (const x of defaults) this.add(name, x);
    for (const item of this.lists.get('numFmts')!.items) {
      const a = new Map(parseAttrs(/^<numFmt\b([^>]*?)\/?>/.exec(item)?.[1] ?? ''));
      const id = Number(a.get('numFmtId'));
      const code = decode(a.get('formatCode') ?? '');
      if (!Number.isInteger(id)) continue;
      this.numFmtById.set(id, code);
      if (!this.numFmtCodes.has(code)) this.numFmtCodes.set(code, id);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
  }

  /**
   * The cellXfs index of `style` laid over the format `base` (a cell's current s, default 0):
   * what the style does not mention keeps the base's value, as Excel does for a range format.
   */
  xf(style: CellStyle, base = 0): number {
    const key = `${base}|${JSON.stringify(style)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xfs = this.lists.get('cellXfs')!;
    const baseXml = xfs.items[base] ?? xfs.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const xml = this.buildXf(baseXml, style);
    const id = xml === baseXml && xfs.items[base] !== undefined ? base : this.add('cellXfs', xml);
    this.cache.set(key, id);
    return id;
  }

  /**
   * The dxfs index of a conditional format's style (what a cfRule's dxfId names): appended after
   * the workbook's own, which keep their indexes; an identical one is shared.
   */
  dxf(style: ConditionalStyle): number {
    // CT_Font's order (b before color); a differential fill's colour is its bgColor, as Excel writes it.
    const font = (style.bold !== undefined ? (style.bold ? '<b/>' : '<b val="0"/>') : '') + (style.fontColor !== undefined ? `<color rgb="${argb(style.fontColor)}"/>` : '');
    const fill = style.fill !== undefined ? `<fill><patternFill><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : '';
    return this.add('dxfs', `<dxf>${font ? `<font>${font}</font>` : ''}${fill}</dxf>`);
  }

  /** True when the format `xf` shows numbers other than as General (so a date keeps its look). */
  hasNumberFormat(xf: number): boolean {
    const item = this.lists.get('cellXfs')!.items[xf];
    if (!item) return false;
    return Number(new Map(parseAttrs(/^<xf\b([^>]*?)\/?>/.exec(item)?.[1] ?? '')).get('numFmtId') ?? 0) !== 0;
  }

  /**
   * Whether the format `xf` unlocks its cells (Format Cells → Protection, `<protection locked="0"/>`);
   * cells are locked by default. The child is read as Excel writes it, with applyProtection.
   */
  unlocked(xf: number): boolean {
    const item = this.lists.get('cellXfs')!.items[xf];
    return item !== undefined && /<protection\b[^>]*\blocked="(?:0|false)"/.test(item);
  }

  /** The edited styles.xml, or null when nothing was added to a stylesheet that existed. */
  toXml(): string | null {
    const changed = [...this.lists.values()].some((l) => l.added.length > 0);
    if (!changed && !this.created) return null;
    const edits: Edit[] = [];
    for (const [name, list] of this.lists) {
      if (!list.added.length) continue;
      const items = list.added.map((x) => this.prefixed(x)).join('');
      const count = list.items.length;
      const span = list.span;
      if (!span) {
        const next = this.children.find((c) => ORDER.indexOf(c.name) > ORDER.indexOf(name) || ORDER.indexOf(c.name) < 0);
        edits.push({ at: next ? next.start : this.root.closeStart, remove: 0, insert: `<${this.p}${name} count="${count}">${items}</${this.p}${name}>` });
        continue;
      }
      const attrs = / count\s*=/.test(span.attrs) ? setAttr(span.attrs, 'count', String(count)) : span.attrs;
      if (span.selfClosing) {
        edits.push({ at: span.start, remove: span.end - span.start, insert: `<${span.qname}${attrs.replace(/\s+$/, '')}>${items}</${span.qname}>` });
      } else {
        if (attrs !== span.attrs) edits.push({ at: span.start, remove: span.openEnd - span.start, insert: `<${span.qname}${attrs}>` });
        edits.push({ at: span.closeStart, remove: 0, insert: items });
      }
    }
    return applyEdits(this.xml, edits);
  }

  // ------------------------------------------------------------ building

  private add(name: ListName, xml: string): number {
    const list = this.lists.get(name)!;
    const found = list.index.get(xml);
    if (found !== undefined) return found;
    const id = list.items.length;
    list.items.push(xml);
    list.added.push(xml);
    list.index.set(xml, id);
    return id;
  }

  private buildXf(baseXml: string, s: CellStyle): string {
    const m = /^<xf\b([^>]*?)(\/?)>([\s\S]*?)(?:<\/xf>)?$/.exec(baseXml);
    const attrs = parseAttrs(m?.[1] ?? '');
    let children = elementChildren(m?.[3] ?? '');
    const get = (k: string) => Number(attrs.find(([n]) => n === k)?.[1] ?? 0);
    const set = (k: string, v: string) => {
      const at = attrs.findIndex(([n]) => n === k);
      if (at >= 0) attrs[at] = [k, v];
      else attrs.push([k, v]);
    };
    if (s.numberFormat !== undefined) {
      set('numFmtId', String(this.numFmtId(s.numberFormat)));
      set('applyNumberFormat', '1');
    }
    if (hasFont(s)) {
      set('fontId', String(this.add('fonts', this.buildFont(this.lists.get('fonts')!.items[get('fontId')] ?? '<font/>', s))));
      set('applyFont', '1');
    }
    if (s.fill !== undefined) {
      set('fillId', String(this.add('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)));
      set('applyFill', '1');
    }
    if (s.border !== undefined) {
      const edge = s.border === 'thin' ? (e: string) => `<${e} style="thin"><color rgb="FF000000"/></${e}>` : (e: string) => `<${e}/>`;
      set('borderId', String(this.add('borders', `<border>${['left', 'right', 'top', 'bottom'].map(edge).join('')}<diagonal/></border>`)));
      set('applyBorder', '1');
    }
    if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
      const old = children.find((c) => c.name === 'alignment');
      const al = parseAttrs(old ? (/^<alignment\b([^>]*?)\/?>/.exec(old.xml)?.[1] ?? '') : '');
      const setAl = (k: string, v: string | undefined) => {
        const at = al.findIndex(([n]) => n === k);
        if (v === undefined) {
          if (at >= 0) al.splice(at, 1);
        } else if (at >= 0) al[at] = [k, v];
        else al.push([k, v]);
      };
      if (s.horizontal !== undefined) setAl('horizontal', s.horizontal);
      if (s.vertical !== undefined) setAl('vertical', s.vertical === 'middle' ? 'center' : s.vertical);
      if (s.wrap !== undefined) setAl('wrapText', s.wrap ? '1' : undefined);
      // CT_Xf: alignment, protection, extLst.
      children = children.filter((c) => c.name !== 'alignment');
      children.unshift({ name: 'alignment', xml: `<alignment${serializeAttrs(al)}/>` });
      set('applyAlignment', '1');
    }
    const body = children.map((c) => c.xml).join('');
    return body ? `<xf${serializeAttrs(attrs)}>${body}</xf>` : `<xf${serializeAttrs(attrs)}/>`;
  }

  private buildFont(baseXml: string, s: CellStyle): string {
    const inner = /^<font\b[^>]*?(?:\/>|>([\s\S]*)<\/font>)$/.exec(baseXml)?.[1] ?? '';
    const kids = new Map<string, string>();
    for (const c of elementChildren(inner)) kids.set(c.name, c.xml);
    const flag = (name: string, on: boolean | undefined) => {
      if (on === undefined) return;
      if (on) kids.set(name, `<${name}/>`);
      else kids.delete(name);
    };
    flag('b', s.bold);
    flag('i', s.italic);
    flag('u', s.underline);
    if (s.fontSize !== undefined) kids.set('sz', `<sz val="${s.fontSize}"/>`);
    if (s.fontColor !== undefined) kids.set('color', `<color rgb="${argb(s.fontColor)}"/>`);
    if (s.fontName !== undefined) {
      kids.set('name', `<name val="${escapeAttr(s.fontName)}"/>`);
      // A scheme font shows the theme's face whatever its name says.
      kids.delete('scheme');
    }
    const ordered = [...kids.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
    return `<font>${ordered.map(([, x]) => x).join('')}</font>`;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const existing = this.numFmtCodes.get(code);
    if (existing !== undefined) return existing;
    const id = this.nextNumFmt++;
    this.add('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.numFmtCodes.set(code, id);
    this.numFmtById.set(id, code);
    return id;
  }

  /** Items are compared and stored without the part's prefix, written back with it. */
  private unprefixed(x: string): string {
    return this.p ? x.split(`<${this.p}`).join('<').split(`</${this.p}`).join('</') : x;
  }

  private prefixed(x: string): string {
    return this.p ? x.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${this.p}$2`) : x;
  }
}

function rank(name: string): number {
  const i = FONT_ORDER.indexOf(name);
  return i < 0 ? FONT_ORDER.length : i;
}

function hasFont(s: CellStyle): boolean {
  return s.bold !== undefined || s.italic !== undefined || s.underline !== undefined || s.fontName !== undefined || s.fontSize !== undefined || s.fontColor !== undefined;
}

/** "#1f4e79" → "FF1F4E79". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return `FF${h}`;
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Direct child elements of a small fragment (font or xf content), each with its raw XML. */
function elementChildren(inner: string): Child[] {
  if (!inner) return [];
  return childSpans(inner, 0, inner.length).map((c) => ({ name: c.name, xml: inner.slice(c.start, c.end) }));
}
