/**
 * The Workbook port on an .xlsx/.xlsm file, through the project's own package model: reads
 * go through the bounded reader, writes patch only the planned cells of the user's sheets
 * and draw the add-in's own sheets, and saving copies every part the add-in did not touch
 * with its compressed bytes unchanged. Browser-safe: inflate and deflate are passed in.
 */
import type { ChartSpec, ReadOptions, SheetData, SheetPlan, TableSpec, Workbook, WorkbookSession, WorkbookSnapshot, WorkbookWarning } from '../port';
import { wantsFormulas, wantsLayout } from '../port';
import { parseRange, rangesOverlap, type RangeRef } from '../a1';
import { checkSelect, prepareBatch } from '../plan';
import { XlsxPackage, type PackageOptions, type PackageSheet, type PartSource } from '../../xlsx/package';
import { parseSharedStrings, parseSheetLayout, parseSheetXml } from '../../xlsx/xml';
import { DEFAULT_LIMITS, namingPart, type XlsxLimits } from '../../xlsx/errors';
import { TextSheetRows } from './changedRows';
import type { Deflate } from '../../xlsx/zipWriter';
import { renderSheet } from './write/sheetXml';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, chartRelId, renderChartParts } from './write/chartXml';
import { StylesEditor } from './write/styles';
import { DrawnRows } from './write/drawnRows';
import { TABLE_CONTENT_TYPE, addTablePart, readTableInfo, renderTable, type TableInfo } from './write/tableXml';
import { sheetKey } from '../port';
import { checkProtection, checkUnlocked } from '../protection';
import { lockedCellIn, sheetProtected, structureLocked } from './protection';

export interface XlsxWorkbookOptions extends PackageOptions {
  deflate: Deflate;
}

export interface Selection {
  sheet: string;
  address: string;
}

const TEMPLATE = (): { name: string; text: string }[] => {
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      text:
        `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    { name: '_rels/.rels', text: `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      text: `${decl}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', text: `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>` },
  ];
};

export class XlsxWorkbook implements Workbook {
  private _lastSelection: Selection | null = null;
  private _warnings: WorkbookWarning[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private shared: string[] | null = null;
  private readonly limits: XlsxLimits;

  private constructor(
    /** The package being edited (tests inspect it). */
    readonly pkg: XlsxPackage,
    readonly label: string,
    private readonly options: XlsxWorkbookOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  static async open(bytes: Uint8Array, label: string, options: XlsxWorkbookOptions): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await XlsxPackage.open(bytes, options), label, options);
  }

  /** A new, empty workbook (no sheets until a plan creates one). */
  static async create(label: string, options: XlsxWorkbookOptions): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await XlsxPackage.fromParts(TEMPLATE(), options), label, options);
  }

  /**
   * Why the add-in must not write this workbook, if it must not: saved as Strict Open XML, or
   * signed in Excel (XlsxPackage.strict, .signed). Reading it is fine.
   */
  get unwritable(): 'strict' | 'signed' | null {
    return this.pkg.strict ? 'strict' : this.pkg.signed ? 'signed' : null;
  }

  get lastSelection(): Selection | null {
    return this._lastSelection;
  }

  takeWarnings(): WorkbookWarning[] {
    const out = this._warnings;
    this._warnings = [];
    return out;
  }

  /**
   * Hook for a large table whose rows come one by one (consolidation): they are drawn as they
   * come, and written when a later batch replaces the sheet the table is placed on.
   */
  drawRowsAhead(): DrawnRows {
    const rows = new DrawnRows(this.pkg.date1904);
    this.drawn.push(rows);
    return rows;
  }

  private readonly drawn: DrawnRows[] = [];

  toBytes(): Promise<Uint8Array> {
    return this.pkg.toBytes(this.options.deflate);
  }

  batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    // Batches run one after another, as they do against Excel.
    const run = this.queue.then(() => this.runBatch(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runBatch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    const plans: SheetPlan[] = [];
    let selection: Selection | null = null;
    const session: WorkbookSession = {
      read: (sheets, options) => this.read(sheets, options),
      write: (plan) => {
        plans.push(plan);
      },
      select: (sheet, address) => {
        selection = { sheet, address };
      },
    };
    const result = await work(session);
    const selected: Selection | null = selection;
    await this.apply(plans, selected);
    if (selected) this._lastSelection = selected;
    return result;
  }

  // ------------------------------------------------------------------ read

  private async read(names: string[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    const pkg = this.pkg;
    const date1904 = pkg.date1904;
    const hiddenSheets = new Map(pkg.sheets.flatMap((s) => (s.state === 'visible' ? [] : [[s.name, s.state] as const])));
    const result: WorkbookSnapshot = { sheetNames: pkg.sheets.map((s) => s.name), sheets: new Map(), structureLocked: structureLocked(pkg.workbookXml), date1904, hiddenSheets };
    // Every marked sheet's role (a superset of options.marks: the marks cost nothing to read here).
    result.roles = this.roles();
    for (const asked of names) {
      const sheet = pkg.findSheet(asked);
      if (!sheet?.path) continue;
      const source = await pkg.sheetSource(sheet.path);
      if (source === null) continue; // a dangling relationship: no cells
      const shared = await this.sharedStrings();
      const formulas = wantsFormulas(options, asked) ? new Set<string>() : undefined;
      const rows = namingPart(
        sheet.path,
        () => (typeof source !== 'string' ? parseSheetXml(source.raw, shared, this.limits, true, source.bytes, date1904, formulas) : formulas ? parseSheetXml(source, shared, this.limits, false, undefined, date1904, formulas) : this.textRows.rows(sheet.path!, source, shared, date1904, this.limits)),
        sheet.name,
      );
      const data: SheetData = { name: sheet.name, rows, ...(formulas ? { formulas } : {}) };
      // The raw source as it is: the layout's tags and attributes are ASCII, and decoding a large sheet costs more than its walk.
      if (wantsLayout(options, asked)) Object.assign(data, parseSheetLayout(typeof source === 'string' ? source : source.raw));
      result.sheets.set(asked, data);
    }
    return result;
  }

  /**
   * Values of sheets read as text (the browser), kept: after a batch wrote some rows of a sheet
   * only those are read again (the preview's grid writes a cell at a time into sheets of
   * thousands of rows, and reads them through the same keeper).
   */
  readonly textRows = new TextSheetRows();

  /** The role of every marked sheet, by actual name (use-cases place their own sheets by it). */
  private roles(): Map<string, string> {
    const roles = new Map<string, string>();
    for (const s of this.pkg.sheets) {
      const role = this.pkg.roleOf(s);
      if (role !== null) roles.set(s.name, role);
    }
    return roles;
  }

  private async sharedStrings(): Promise<string[]> {
    if (this.shared) return this.shared;
    const rel = (await this.pkg.relsOf(this.pkg.workbookPart)).find((r) => r.type.endsWith('/sharedStrings'));
    const xml = rel ? await this.pkg.text(rel.path) : null;
    this.shared = rel && xml !== null ? namingPart(rel.path, () => parseSharedStrings(xml)) : [];
    return this.shared;
  }

  // ------------------------------------------------------------------ write

  private async apply(queued: SheetPlan[], selection: Selection | null): Promise<void> {
    const pkg = this.pkg;
    const names = pkg.sheets.map((s) => s.name);
    const roles = this.roles();
    // Rows drawn ahead and placed serve this batch only, whatever becomes of it.
    const placed = this.drawn.filter((d) => d.placed);
    this.drawn.splice(0, this.drawn.length, ...this.drawn.filter((d) => !d.placed));
    // Checked before anything changes, so a wrong plan leaves the package untouched.
    const { plans, warnings } = prepareBatch(queued, { names, roles, date1904: pkg.date1904 });
    if (selection) checkSelect(names, plans, selection.sheet);
    if (plans.length > 0) await this.checkLocks(plans, names);
    this._warnings.push(...warnings);
    if (plans.length === 0) return;
    const styles = new StylesEditor(await pkg.stylesXml());
    const touched = new Set<number>();
    for (const [i, plan] of plans.entries()) {
      let sheet = pkg.findSheet(plan.sheet);
      const name = sheet?.name ?? plan.sheet;
      let existing: string | PartSource | null = null;
      if (plan.mode === 'replace' && sheet) {
        // Drawn anew (prepareBatch sent the plan only to a sheet with its mark): its old
        // relationships (drawings, tables …) and print names go.
        await pkg.dropSheetRelations(sheet);
        pkg.clearSheetNames(sheet);
      } else if (sheet?.path) {
        existing = await pkg.sheetSource(sheet.path);
      }
      // Charts are drawn on sheets drawn anew (their relationships start empty: the drawing is rId1).
      const charts = existing === null && plan.charts?.length ? plan.charts : [];
      const drawnRows = placed.find((d) => d.placedOn(sheetKey, queued[i]!.sheet));
      if (drawnRows && existing !== null) throw new Error(`rows drawn ahead for ${name}, a sheet not drawn anew`);
      const printTitles = existing !== null && sheet ? this.printTitlesOf(sheet, plan) : undefined;
      const rendered = renderSheet({ ...plan, sheet: name }, styles, existing, { date1904: pkg.date1904, ...(charts.length ? { drawingRelId: DRAWING_REL_ID } : {}), ...(drawnRows ? { drawnRows } : {}), ...(printTitles ? { printTitles } : {}) });
      this._warnings.push(...rendered.warnings);
      if (plan.charts?.length && !charts.length && !rendered.warnings.some((w) => w.code === 'chartsNotDrawn')) {
        this._warnings.push({ code: 'chartsNotDrawn', sheet: name, detail: String(plan.charts.length) });
      }
      const created = !sheet;
      if (sheet?.path) pkg.setPart(sheet.path, rendered.pieces);
      else sheet = pkg.addSheet(name, rendered.pieces, plan.after !== undefined ? pkg.findSheet(plan.after) : undefined);
      if (charts.length) this.addCharts(sheet, name, charts);
      if (plan.tables?.length) await this.drawTables(sheet, name, rendered, plan.tables);
      if (plan.role && (plan.mode === 'replace' || created || plan.adopt)) pkg.setRole(sheet, plan.role);
      const index = pkg.sheets.indexOf(sheet);
      for (const d of rendered.definedNames) {
        if (d.value === '') pkg.removeDefinedName(d.name, index);
        else pkg.setDefinedName(d.name, index, d.value, d.hidden ?? false);
      }
      touched.add(sheet.sheetId);
    }
    const stylesXml = styles.toXml();
    if (stylesXml !== null) await pkg.setStyles(stylesXml);
    // Cached results of the user's formulas may now be stale: Excel recomputes on open.
    await pkg.afterCellsChanged(touched);
    this.shared = null;
  }

  /** The sheet's Print_Titles name when the plan sets half of it (rows or columns): the other half is kept. */
  private printTitlesOf(sheet: PackageSheet, plan: SheetPlan): string | undefined {
    if (plan.page?.printTitleRows === undefined && plan.page?.printTitleColumns === undefined) return undefined;
    const index = this.pkg.sheets.indexOf(sheet);
    return this.pkg.definedNames.find((d) => d.localSheetId === index && d.name.toUpperCase() === '_XLNM.PRINT_TITLES')?.value;
  }

  /** The user's protection as the file holds it: refused (protection.ts) before anything changes. */
  private async checkLocks(plans: readonly SheetPlan[], names: readonly string[]): Promise<void> {
    const pkg = this.pkg;
    const protectedSheets = new Map<string, string>();
    for (const plan of plans) {
      const sheet = pkg.findSheet(plan.sheet);
      if (!sheet?.path || protectedSheets.has(sheet.name)) continue;
      const source = await pkg.sheetSource(sheet.path);
      const xml = source === null || typeof source === 'string' ? source : source.raw;
      if (xml !== null && sheetProtected(xml)) protectedSheets.set(sheet.name, xml);
    }
    const locks = { structure: structureLocked(pkg.workbookXml), sheets: [...protectedSheets.keys()] };
    const questions = checkProtection(plans, names, locks, this.label);
    if (questions.length === 0) return;
    const styles = new StylesEditor(await pkg.stylesXml());
    checkUnlocked(questions, this.label, (q) => lockedCellIn(protectedSheets.get(q.sheet)!, q.ranges, (xf) => styles.unlocked(xf)));
  }

  /**
   * Each planned table: ours (same sheet, same name) is rewritten over its new range; a new one
   * gets a table id and a name no other table has. A user's table over the same cells is left
   * alone and ours is not drawn (with a warning): two tables cannot overlap.
   */
  private async drawTables(sheet: PackageSheet, name: string, rendered: { readonly xml: string }, specs: readonly TableSpec[]): Promise<void> {
    const pkg = this.pkg;
    const all = await this.tables();
    // The sheet's XML is joined only when a new table must be linked from it.
    let xml: string | null = null;
    for (const spec of specs) {
      const range = parseRange(spec.range);
      const here = all.filter((t) => t.sheet === sheet);
      const ours = here.find((t) => isOurTable(t, spec, range));
      if (ours) {
        pkg.setPart(ours.path, renderTable(ours.id, ours.name, spec));
        ours.ref = range;
        continue;
      }
      if (here.some((t) => t.ref && rangesOverlap(t.ref, range))) {
        this._warnings.push({ code: 'tableNotDrawn', sheet: name, detail: spec.name });
        continue;
      }
      const taken = new Set(all.map((t) => sheetKey(t.name)));
      let tableName = spec.name;
      for (let n = 2; taken.has(sheetKey(tableName)); n++) tableName = `${spec.name}_${n}`;
      const id = Math.max(0, ...all.map((t) => t.id)) + 1;
      const path = freePart(pkg, 'xl/tables/table', '.xml');
      pkg.setPart(path, renderTable(id, tableName, spec), TABLE_CONTENT_TYPE);
      xml = addTablePart(xml ?? rendered.xml, pkg.addRelationship(sheet.path!, 'table', relativePath(sheet.path!, path)));
      all.push({ id, name: tableName, ref: range, sheet, path });
    }
    if (xml !== null) pkg.setPart(sheet.path!, xml);
  }

  /** Every table of the package, with its sheet (found through each sheet's relationships). */
  private async tables(): Promise<(TableInfo & { sheet: PackageSheet; path: string })[]> {
    const out: (TableInfo & { sheet: PackageSheet; path: string })[] = [];
    for (const sheet of this.pkg.sheets) {
      if (!sheet.path) continue;
      for (const rel of await this.pkg.relsOf(sheet.path)) {
        if (rel.external || !rel.type.endsWith('/table')) continue;
        const xml = await this.pkg.text(rel.path);
        const info = xml === null ? null : readTableInfo(xml);
        if (info) out.push({ ...info, sheet, path: rel.path });
      }
    }
    return out;
  }

  /** The drawing and chart parts of a sheet drawn anew, with their relationships and content types. */
  private addCharts(sheet: PackageSheet, name: string, charts: ChartSpec[]): void {
    const pkg = this.pkg;
    const parts = renderChartParts(name, charts);
    const drawing = freePart(pkg, 'xl/drawings/drawing', '.xml');
    pkg.setPart(drawing, parts.drawingXml, DRAWING_CONTENT_TYPE);
    const id = pkg.addRelationship(sheet.path!, 'drawing', relativePath(sheet.path!, drawing));
    if (id !== DRAWING_REL_ID) throw new Error(`drawing relationship of ${sheet.path} is ${id}, not ${DRAWING_REL_ID}`);
    parts.chartXmls.forEach((xml, i) => {
      const chart = freePart(pkg, 'xl/charts/chart', '.xml');
      pkg.setPart(chart, xml, CHART_CONTENT_TYPE);
      const rid = pkg.addRelationship(drawing, 'chart', relativePath(drawing, chart));
      if (rid !== chartRelId(i)) throw new Error(`chart relationship ${rid} of ${drawing}, expected ${chartRelId(i)}`);
    });
  }
}

const DRAWING_REL_ID = 'rId1';

/** Ours: the plan's name, or the name it took beside a user's table elsewhere ("ThanhVien_2") at the same header cell. */
function isOurTable(t: TableInfo, spec: TableSpec, range: RangeRef): boolean {
  const key = sheetKey(t.name);
  if (key === sheetKey(spec.name)) return true;
  return key.startsWith(`${sheetKey(spec.name)}_`) && t.ref !== null && t.ref.top === range.top && t.ref.left === range.left;
}

/** "<prefix>N<suffix>" for the first N no part has. */
function freePart(pkg: XlsxPackage, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!pkg.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}

/** `to` relative to the folder of `from` ("xl/worksheets/sheet1.xml" → "../drawings/drawing1.xml"). */
function relativePath(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
