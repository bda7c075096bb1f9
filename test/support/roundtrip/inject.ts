/**
 * Adds parts to a workbook at the zip level (jszip), leaving every other part's bytes as
 * they were: how the corpus gets what openpyxl and LibreOffice cannot write.
 */
import * as path from 'path';
import JSZip from 'jszip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

/** Order of the workbook's children (ECMA-376 Part 1, CT_Workbook). */
const WORKBOOK_ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class Package {
  private constructor(readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  async text(name: string): Promise<string> {
    const f = this.zip.file(name);
    if (!f) throw new Error(`no part ${name}`);
    return f.async('string');
  }

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  /** A new part; with a content type, its Override too. */
  async put(name: string, data: string | Uint8Array, contentType?: string): Promise<void> {
    this.zip.file(name, data);
    if (contentType) await this.edit('[Content_Types].xml', (x) => x.replace('</Types>', `<Override PartName="/${name}" ContentType="${contentType}"/></Types>`));
  }

  async setDefault(extension: string, contentType: string): Promise<void> {
    if (new RegExp(`Extension="${extension}"`, 'i').test(await this.text('[Content_Types].xml'))) return;
    await this.edit('[Content_Types].xml', (x) => x.replace(/(<Types[^>]*>)/, `$1<Default Extension="${extension}" ContentType="${contentType}"/>`));
  }

  async edit(name: string, change: (xml: string) => string): Promise<void> {
    const before = await this.text(name);
    const after = change(before);
    if (after === before) throw new Error(`edit of ${name} changed nothing`);
    this.zip.file(name, after);
  }

  /** A relationship from `from` ('' = the package) to `target` (a package path, or external). */
  async rel(from: string, type: string, target: string, external = false): Promise<string> {
    const file = from === '' ? '_rels/.rels' : path.posix.join(path.posix.dirname(from), '_rels', `${path.posix.basename(from)}.rels`);
    const xml = this.has(file) ? await this.text(file) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkg}"></Relationships>`;
    let n = 1;
    while (xml.includes(`Id="rId${n}"`)) n++;
    const written = external ? target : path.posix.relative(path.posix.dirname(from), target);
    const entry = `<Relationship Id="rId${n}" Type="${type}" Target="${esc(written)}"${external ? ' TargetMode="External"' : ''}/>`;
    this.zip.file(file, xml.replace('</Relationships>', `${entry}</Relationships>`));
    return `rId${n}`;
  }

  /** A user sheet at the end of the tab order; returns its part and its 0-based index. */
  async addSheet(name: string, xml: string): Promise<{ part: string; index: number }> {
    let n = 1;
    while (this.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    await this.put(part, xml, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    const id = await this.rel('xl/workbook.xml', `${NS.rel}/worksheet`, part);
    const wb = await this.text('xl/workbook.xml');
    const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const index = (wb.match(/<sheet\b/g) ?? []).length;
    await this.edit('xl/workbook.xml', (x) => x.replace('</sheets>', `<sheet sheetId="${Math.max(0, ...ids) + 1}" name="${esc(name)}" state="visible" r:id="${id}"/></sheets>`));
    return { part, index };
  }

  /** An element of workbook.xml in its schema place; `container` children go inside it. */
  async addToWorkbook(element: string, container?: string): Promise<void> {
    await this.edit('xl/workbook.xml', (xml) => {
      if (container && xml.includes(`</${container}>`)) return xml.replace(`</${container}>`, `${element}</${container}>`);
      const local = container ?? /^<(\w+)/.exec(element)![1]!;
      const wrapped = container ? `<${container}>${element}</${container}>` : element;
      for (const next of WORKBOOK_ORDER.slice(WORKBOOK_ORDER.indexOf(local) + 1)) {
        const at = xml.search(new RegExp(`<${next}[\\s>/]`));
        if (at >= 0) return xml.slice(0, at) + wrapped + xml.slice(at);
      }
      return xml.replace('</workbook>', `${wrapped}</workbook>`);
    });
  }

  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

export type Cell = string | number | { f: string; v?: number | string } | null;

export interface SheetSpec {
  rows: Cell[][];
  /** Extra namespace declarations on the root. */
  ns?: string;
  /** Elements after sheetData in schema order (sheetProtection … pageSetup). */
  afterData?: string;
  /** drawing, legacyDrawing, tableParts. */
  tail?: string;
  /** The extLst's <ext> elements. */
  ext?: string;
}

const col = (i: number) => String.fromCharCode(65 + i);

/** A worksheet with inline strings, so no shared part needs an edit. */
export function sheetXml(spec: SheetSpec): string {
  const rows = spec.rows
    .map((cells, r) => {
      const cs = cells
        .map((c, i) => {
          const ref = `${col(i)}${r + 1}`;
          if (c === null) return '';
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
          const v = c.v === undefined ? '' : `<v>${esc(String(c.v))}</v>`;
          return `<c r="${ref}"${typeof c.v === 'string' ? ' t="str"' : ''}><f>${esc(c.f)}</f>${v}</c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"${spec.ns ?? ''}><sheetData>${rows}</sheetData>${spec.afterData ?? ''}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${spec.tail ?? ''}` +
    (spec.ext ? `<extLst>${spec.ext}</extLst>` : '') +
    `</worksheet>`
  );
}
