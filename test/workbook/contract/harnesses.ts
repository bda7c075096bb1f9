/**
 * The workbook implementations the contract suite runs over. A new implementation joins by
 * writing its harness (open + inspect) and adding one line to IMPLEMENTATIONS.
 */
import * as ExcelJS from 'exceljs';
import { parseRange, rangeAddress } from '../../../src/workbook/a1';
import { ExcelJsWorkbook } from '../../support/exceljs/excelJsWorkbook';
import { excelJsDateToSerial } from '../../support/exceljs/cellValues';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../../src/workbook/xlsx/files';
import type { CellValue, HeaderFooterSections } from '../../../src/workbook/port';
import { headerFooterSections } from '../../../src/workbook/headerFooter';
import { roleOfMark, SHEET_MARK } from '../../../src/workbook/plan';
import { createFakeExcel } from '../../support/fakeExcel';
import { formulaModel } from '../../support/exceljs/applyPlan';
import { recalculatedResults } from './recalculate';
import type { ChartState, ConditionalFormatState, Implementation, SheetState, Subject, ValidationState } from './subject';
import { openpyxlSheet, openpyxlSheetNames } from './openpyxlSheet';
import { protectWithOpenpyxl } from '../../support/openpyxlProtect';
import { hideRowsWithOpenpyxl } from '../../support/hideRows';
import { in1904WithOpenpyxl } from '../../support/date1904';
import { hideSheetsWithOpenpyxl } from '../../support/hideSheets';

/** Binary floats of date serials differ in the last bits between implementations. */
function round(v: CellValue): CellValue {
  return typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v;
}

function eachCell(range: string, f: (address: string) => void): void {
  const r = parseRange(range.replace(/\$/g, ''));
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(rangeAddress(row, col, row, col));
}

/** A header's sections as the plan gave them, from the codes of each (undefined when none holds text). */
function sectionsOf(codes: { left?: string | null; center?: string | null; right?: string | null }): HeaderFooterSections | undefined {
  const out: HeaderFooterSections = {};
  for (const key of ['left', 'center', 'right'] as const) {
    const text = headerFooterSections(codes[key] ?? '').center;
    if (text) out[key] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The same, from one header string ("&C…&R…"). */
function sectionsOfCode(code: string | undefined): HeaderFooterSections | undefined {
  const sections = headerFooterSections(code ?? '');
  return Object.keys(sections).length ? sections : undefined;
}

function listOf(formula: string): ValidationState {
  const f = formula.replace(/^=/, '');
  if (!f.startsWith('"')) return { source: f };
  return f.slice(1, -1).replace(/""/g, '\u0000').split(',').map((s) => s.split('\u0000').join('"'));
}

// ---------------------------------------------------------------- ExcelJS (.xlsx in memory)

/** Sheets are inspected after a save and a reload: what a file keeps is what counts. */
const excelJs: Implementation = {
  name: 'ExcelJS',
  drawsCharts: false,
  drawsTables: false,
  withoutResult: 'blank',
  async open(sheets, marks = {}, protection, hidden = {}, options = {}) {
    const setup = ExcelJsWorkbook.create('contract.xlsx');
    if (options.date1904) setup.workbook.properties.date1904 = true;
    await setup.batch(async (s) => {
      for (const [sheet, rows] of Object.entries(sheets)) {
        s.write({ sheet, mode: 'ensure', ...(marks[sheet] ? { role: marks[sheet] } : {}), cells: rows.length ? [{ at: 'A1', rows: rows as (string | number | boolean | null)[][] }] : [] });
      }
    });
    for (const [sheet, rows] of Object.entries(hidden)) for (const r of rows) setup.workbook.getWorksheet(sheet)!.getRow(r).hidden = true;
    for (const [sheet, state] of Object.entries(options.hiddenSheets ?? {})) setup.workbook.getWorksheet(sheet)!.state = state;
    const saved = await setup.toBuffer();
    const workbook = await ExcelJsWorkbook.fromBuffer(protection ? protectWithOpenpyxl(saved, protection) : saved, 'contract.xlsx');
    const subject: Subject = {
      workbook,
      async sheetNames() {
        return workbook.workbook.worksheets.map((w) => w.name);
      },
      async sheet(name) {
        // Page breaks are not read back by ExcelJS: those come from the workbook as written.
        const live = workbook.workbook.worksheets.find((w) => w.name === name);
        if (!live) throw new Error(`no sheet ${name}`);
        const breaks = ((live as unknown as { rowBreaks: { id: number }[] }).rowBreaks ?? []).map((b) => b.id + 1);
        const back = await ExcelJsWorkbook.fromBuffer(await workbook.toBuffer(), 'contract.xlsx');
        const ws = back.workbook.getWorksheet(name)!;
        const state: SheetState = { cells: {}, formats: {}, validations: {}, merges: [], freeze: null, autoFilter: null, page: { rowBreaks: breaks }, tabColor: null, role: back.roleOf(name) ?? null, tables: [], results: {}, conditionalFormats: [] };
        type ExcelJsRule = { type: string; priority?: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { bold?: boolean; color?: { argb?: string } } } };
        const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJsRule[] }[] }).conditionalFormattings.flatMap((f) => f.rules.map((rule) => ({ ref: f.ref, rule })));
        state.conditionalFormats = rules
          .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
          .map(({ ref, rule }) => conditionalState(ref, `=${rule.formulae?.[0] ?? ''}`, rule.style?.fill?.bgColor?.argb, rule.style?.font?.bold, rule.style?.font?.color?.argb));
        const date1904 = Boolean(back.workbook.properties?.date1904);
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            if (cell.numFmt && cell.numFmt !== 'General') state.formats[cell.address] = cell.numFmt;
            if (cell.type === ExcelJS.ValueType.Merge) return;
            const v = cell.value as unknown;
            if (v === null || v === undefined || v === '') return;
            if (cell.type === ExcelJS.ValueType.Formula) {
              state.cells[cell.address] = `=${cell.formula}`;
              const result = formulaModel(cell).result as CellValue | undefined;
              if (result !== undefined && result !== null) state.results![cell.address] = round(result);
            }
            else if (v instanceof Date) state.cells[cell.address] = round(excelJsDateToSerial(v, date1904));
            else if (typeof v === 'object' && 'error' in (v as object)) state.cells[cell.address] = { error: (v as { error: string }).error };
            else state.cells[cell.address] = round(v as CellValue);
          }),
        );
        for (const [key, rule] of Object.entries((ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] } | undefined> } }).dataValidations.model)) {
          if (rule?.type === 'list') eachCell(key, (a) => (state.validations[a] = listOf(rule.formulae[0]!)));
        }
        const merges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges;
        state.merges = Object.values(merges).flatMap((m) => (m ? [rangeAddress(m.top, m.left, m.bottom, m.right)] : [])).sort();
        const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
        if (view?.state === 'frozen') state.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
        state.autoFilter = typeof ws.autoFilter === 'string' ? ws.autoFilter : null;
        const ps = ws.pageSetup;
        if (ps.orientation) state.page.orientation = ps.orientation;
        if (ps.paperSize === 9) state.page.paperSize = 'A4';
        if (ps.fitToPage) state.page.fitToWidth = ps.fitToWidth === 1;
        else if (ps.scale !== undefined && ps.scale !== 100) state.page.scale = ps.scale;
        if (ps.printArea) state.page.printArea = ps.printArea;
        if (ps.printTitlesRow) state.page.printTitleRows = ps.printTitlesRow;
        if (ps.printTitlesColumn) state.page.printTitleColumns = ps.printTitlesColumn;
        if (ps.pageOrder === 'overThenDown') state.page.pageOrder = 'overThenDown';
        const header = sectionsOfCode(ws.headerFooter?.oddHeader);
        const footer = sectionsOfCode(ws.headerFooter?.oddFooter);
        if (header) state.page.header = header;
        if (footer) state.page.footer = footer;
        const tab = (ws.properties.tabColor as { argb?: string } | undefined)?.argb;
        state.tabColor = tab ? `#${tab.slice(2)}` : null;
        return state;
      },
    };
    return subject;
  },
};

// ---------------------------------------------------------------- Office.js on the counting fake

const officeFake: Implementation = {
  name: 'Office.js (fake Excel)',
  drawsCharts: true,
  drawsTables: true,
  withoutResult: 'calculated',
  async open(sheets, marks = {}, protection, hidden = {}, options = {}) {
    const names: Record<string, Record<string, string>> = {};
    for (const [sheet, role] of Object.entries(marks)) names[sheet] = { [SHEET_MARK]: `="${role}"` };
    // The fake reads its initial cells as typed input: mark strings as text.
    const typed = Object.fromEntries(Object.entries(sheets).map(([n, rows]) => [n, rows.map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : v)))]));
    const excel = createFakeExcel({ sheets: typed, names, ...(protection ? { protection } : {}), ...(options.date1904 ? { date1904: true } : {}), visibility: Object.fromEntries(Object.entries(options.hiddenSheets ?? {}).map(([n, v]) => [n, v === 'hidden' ? 'Hidden' : 'VeryHidden'])) });
    for (const [sheet, rows] of Object.entries(hidden)) for (const r of rows) excel.sheet(sheet).hiddenRows.add(r);
    const workbook = new OfficeWorkbook(excel.run, excel.supports);
    return {
      workbook,
      async sheetNames() {
        return excel.sheetNames();
      },
      async sheet(name) {
        const s = excel.sheet(name);
        const state: SheetState = { cells: {}, formats: {}, validations: {}, merges: [...s.merges].sort(), freeze: s.freeze, autoFilter: s.autoFilter, page: { rowBreaks: [...s.rowBreaks] }, tabColor: s.tabColor, role: null, tables: s.tables.map((t) => ({ name: t.name, range: t.range })), conditionalFormats: [] };
        state.conditionalFormats = s.conditionalFormats.map((f) => conditionalState(f.address, f.formula ?? '', f.fill, f.bold, f.fontColor));
        state.charts = s.charts.map((c) => ({
          type: OFFICE_CHART_TYPE[c.type]!,
          title: c.title,
          from: c.from,
          to: c.to,
          valueAxis: c.valueAxis?.minimum !== undefined && c.valueAxis.maximum !== undefined ? { minimum: c.valueAxis.minimum, maximum: c.valueAxis.maximum } : null,
        }));
        s.rows.forEach((line, r) =>
          line?.forEach((c, col) => {
            if (!c) return;
            const address = rangeAddress(r + 1, col + 1, r + 1, col + 1);
            if (c.numberFormat && c.numberFormat !== 'General') state.formats[address] = c.numberFormat;
            if (c.formula !== undefined) state.cells[address] = c.formula;
            else if (c.error) state.cells[address] = { error: String(c.value) };
            else if (c.value !== '') state.cells[address] = round(c.value);
          }),
        );
        for (const v of s.validations) {
          const rule = v.rule as { list?: { source: string } } | undefined;
          if (rule?.list) eachCell(v.address, (a) => (state.validations[a] = rule.list!.source.startsWith('=') ? { source: rule.list!.source.slice(1) } : rule.list!.source.split(',')));
        }
        const p = s.page as { orientation?: string; paperSize?: string; zoom?: { horizontalFitToPages?: number; scale?: number }; printArea?: string; printTitleRows?: string; printTitleColumns?: string; printOrder?: string };
        if (p.orientation) state.page.orientation = p.orientation === 'Landscape' ? 'landscape' : 'portrait';
        if (p.paperSize === 'A4') state.page.paperSize = 'A4';
        if (p.zoom?.scale !== undefined) {
          if (p.zoom.scale !== 100) state.page.scale = p.zoom.scale;
        } else if (p.zoom) state.page.fitToWidth = p.zoom.horizontalFitToPages === 1;
        if (p.printArea) state.page.printArea = p.printArea;
        if (p.printTitleRows) state.page.printTitleRows = p.printTitleRows;
        if (p.printTitleColumns) state.page.printTitleColumns = p.printTitleColumns;
        if (p.printOrder === 'OverThenDown') state.page.pageOrder = 'overThenDown';
        // What Excel prints on every page: the default header and footer, unless first or even pages differ.
        const hf = s.headersFooters;
        if (hf.state === 'Default') {
          const pages = hf.defaultForAllPages;
          const header = sectionsOf({ left: pages.leftHeader, center: pages.centerHeader, right: pages.rightHeader });
          const footer = sectionsOf({ left: pages.leftFooter, center: pages.centerFooter, right: pages.rightFooter });
          if (header) state.page.header = header;
          if (footer) state.page.footer = footer;
        }
        const mark = [...s.names].find(([n]) => n === SHEET_MARK);
        state.role = mark ? roleOfMark(mark[1]) : null;
        return state;
      },
    };
  },
};

const OFFICE_CHART_TYPE: Record<string, ChartState['type']> = { ColumnClustered: 'columnClustered', BarClustered: 'barClustered', Pie: 'pie' };

// ---------------------------------------------------------------- the .xlsx file writer (CLI, preview download)

/** Sheets are inspected in the saved file, by openpyxl (a reader independent of ours). */
const xlsxFile: Implementation = {
  name: 'XlsxWorkbook (.xlsx file)',
  drawsCharts: true,
  drawsTables: true,
  withoutResult: 'notCalculated',
  async open(sheets, marks = {}, protection, hidden = {}, options = {}) {
    const setup = await XlsxWorkbook.create('contract.xlsx', NODE_XLSX);
    await setup.batch(async (s) => {
      for (const [sheet, rows] of Object.entries(sheets)) {
        s.write({ sheet, mode: 'ensure', ...(marks[sheet] ? { role: marks[sheet] } : {}), cells: rows.length ? [{ at: 'A1', rows: rows as (string | number | boolean | null)[][] }] : [] });
      }
    });
    // Our writer has no hidden rows to write (a plan never hides one): the user's are set by openpyxl.
    const drawn = Object.keys(hidden).length ? hideRowsWithOpenpyxl(await setup.toBytes(), hidden) : await setup.toBytes();
    // Our writer keeps a workbook's date system and never changes it: a 1904 one is saved by openpyxl.
    const in1904 = options.date1904 ? in1904WithOpenpyxl(drawn) : drawn;
    // Our writer never hides a sheet: the user's are hidden by openpyxl.
    const written = options.hiddenSheets ? hideSheetsWithOpenpyxl(in1904, options.hiddenSheets) : in1904;
    const workbook = await XlsxWorkbook.open(protection ? protectWithOpenpyxl(written, protection) : written, 'contract.xlsx', NODE_XLSX);
    return {
      workbook,
      async sheetNames() {
        return openpyxlSheetNames(await workbook.toBytes());
      },
      async sheet(name) {
        const o = openpyxlSheet(await workbook.toBytes(), name);
        const state: SheetState = {
          cells: {},
          formats: o.formats,
          validations: {},
          merges: o.merges,
          freeze: null,
          autoFilter: o.autoFilter,
          page: { rowBreaks: o.rowBreaks.map((id) => id + 1) },
          tabColor: o.tabColor ? `#${o.tabColor.slice(-6)}` : null,
          role: o.localNames[SHEET_MARK] !== undefined ? roleOfMark(o.localNames[SHEET_MARK]) : null,
          tables: o.tables.map((t) => ({ name: t.name, range: t.ref })),
          conditionalFormats: o.conditionalFormats.map((f) => conditionalState(f.range, `=${f.formula}`, f.fill ?? undefined, f.bold ?? undefined, f.fontColor ?? undefined)),
          // Anchors are zero-based; the "to" marker is the edge after the last cell covered.
          charts: o.charts.map((c) => ({
            type: c.kind === 'PieChart' ? 'pie' : c.barDir === 'bar' ? 'barClustered' : 'columnClustered',
            title: c.title ?? '',
            from: rangeAddress(c.from[1] + 1, c.from[0] + 1, c.from[1] + 1, c.from[0] + 1),
            to: rangeAddress(c.to[1], c.to[0], c.to[1], c.to[0]),
            valueAxis: c.valueAxis && c.valueAxis[0] !== null && c.valueAxis[1] !== null ? { minimum: c.valueAxis[0], maximum: c.valueAxis[1] } : null,
          })),
          results: Object.fromEntries(Object.entries(o.results).map(([a, v]) => [a, round(v as CellValue)])),
        };
        for (const [address, [type, value]] of Object.entries(o.cells)) {
          state.cells[address] = type === 'e' ? { error: String(value) } : round(value as CellValue);
        }
        for (const v of o.validations) if (v.type === 'list' && v.formula1 !== null) for (const part of v.sqref.split(' ')) eachCell(part, (a) => (state.validations[a] = listOf(v.formula1!)));
        if (o.freeze) {
          const [, col, row] = /^([A-Z]+)(\d+)$/.exec(o.freeze)!;
          state.freeze = { rows: Number(row) - 1, columns: parseRange(`${col}1`).left - 1 };
        }
        if (o.orientation) state.page.orientation = o.orientation as 'portrait' | 'landscape';
        if (String(o.paperSize) === '9') state.page.paperSize = 'A4';
        if (o.fitToPage) state.page.fitToWidth = o.fitToWidth === 1 || o.fitToWidth === null;
        else if (o.scale !== null && o.scale !== 100) state.page.scale = o.scale;
        if (o.printArea) state.page.printArea = o.printArea.replace(/\$/g, '');
        if (o.printTitleRows) state.page.printTitleRows = o.printTitleRows.replace(/\$/g, '');
        if (o.printTitleColumns) state.page.printTitleColumns = o.printTitleColumns.replace(/\$/g, '');
        if (o.pageOrder === 'overThenDown') state.page.pageOrder = 'overThenDown';
        if (!o.differentFirst && !o.differentOddEven) {
          const header = sectionsOf(o.oddHeader);
          const footer = sectionsOf(o.oddFooter);
          if (header) state.page.header = header;
          if (footer) state.page.footer = footer;
        }
        return state;
      },
      async recalculated(name) {
        return recalculatedResults(await workbook.toBytes(), name);
      },
    };
  },
};

/** A conditional format as the suite compares it: colours as #RRGGBB (from ARGB or not), what a host leaves unset left out. */
function conditionalState(range: string, formula: string, fill: string | undefined, bold: boolean | undefined, fontColor: string | undefined): ConditionalFormatState {
  const colour = (c: string) => `#${c.slice(-6).toUpperCase()}`;
  return { range, formula, ...(fill ? { fill: colour(fill) } : {}), ...(bold !== undefined ? { bold } : {}), ...(fontColor ? { fontColor: colour(fontColor) } : {}) };
}

/** Every implementation of the Workbook port. A new one is one more line here. */
export const IMPLEMENTATIONS: Implementation[] = [excelJs, officeFake, xlsxFile];
