/**
 * A sheet of an .xlsx file as openpyxl (Debian's python3-openpyxl) reads it: a reader
 * independent of the project's, so the file harness checks what the file holds, not what our
 * own reader makes of it.
 */
import { execFileSync } from 'child_process';

export interface OpenpyxlSheet {
  names: string[];
  /** address → [data type, value]: n, s, b, f (formula text), e (error), d (Excel serial). */
  cells: Record<string, [string, unknown]>;
  formats: Record<string, string>;
  validations: { type: string; formula1: string | null; sqref: string }[];
  merges: string[];
  freeze: string | null;
  autoFilter: string | null;
  orientation: string | null;
  paperSize: number | string | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  scale: number | null;
  printArea: string | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  pageOrder: string | null;
  rowBreaks: number[];
  /** The odd (every) page's header and footer: each section's text with its codes, as openpyxl splits them. */
  oddHeader: { left: string | null; center: string | null; right: string | null };
  oddFooter: { left: string | null; center: string | null; right: string | null };
  differentFirst: boolean;
  differentOddEven: boolean;
  tabColor: string | null;
  tables: { name: string; ref: string }[];
  /** Charts: openpyxl's class, bar direction, title, anchor corners [col, row] (zero-based) and value axis [min, max]. */
  charts: { kind: string; barDir: string | null; title: string | null; from: [number, number]; to: [number, number]; valueAxis: [number | null, number | null] | null }[];
  /** Expression rules in order of priority: the range, the formula (no "="), and what their dxf sets (ARGB colours). */
  conditionalFormats: { range: string; formula: string; fill: string | null; bold: boolean | null; fontColor: string | null }[];
  /** Values of the sheet-scoped names, by name. */
  localNames: Record<string, string>;
  /** The value cached in each formula cell (openpyxl's data_only reading), when there is one. */
  results: Record<string, unknown>;
}

const PY = `
import io, json, sys, datetime
import openpyxl
from openpyxl.utils.datetime import to_excel
data = sys.stdin.buffer.read()
name = sys.argv[1]
wb = openpyxl.load_workbook(io.BytesIO(data))
ws = wb[name]
index = wb.sheetnames.index(name)
cells, formats = {}, {}
for row in ws.iter_rows():
    for c in row:
        if c.number_format and c.number_format != 'General':
            formats[c.coordinate] = c.number_format
        v = c.value
        if v is None or v == '':
            continue
        if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
            cells[c.coordinate] = ['d', to_excel(v, wb.epoch)]
        else:
            cells[c.coordinate] = [c.data_type, v]
results = {}
formula_cells = [a for a, (t, _) in cells.items() if t == 'f']
if formula_cells:
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)[name]
    for a in formula_cells:
        v = cached[a].value
        if v is not None:
            results[a] = to_excel(v, wb.epoch) if isinstance(v, (datetime.datetime, datetime.date)) else v
def chart_title(c):
    try:
        return ''.join(r.t for p in c.title.tx.rich.p for r in (p.r or []))
    except AttributeError:
        return None
def chart_of(c):
    y = getattr(c, 'y_axis', None)
    return {
        'kind': type(c).__name__,
        'barDir': getattr(c, 'type', None) if type(c).__name__ == 'BarChart' else None,
        'title': chart_title(c),
        'from': [c.anchor._from.col, c.anchor._from.row],
        'to': [c.anchor.to.col, c.anchor.to.row],
        'valueAxis': [y.scaling.min, y.scaling.max] if y is not None and type(c).__name__ != 'PieChart' else None,
    }
def sections(item):
    return {k: getattr(item, k).text for k in ('left', 'center', 'right')}
def rules():
    out = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            d = r.dxf
            font = d.font if d is not None else None
            fill = d.fill if d is not None else None
            out.append((r.priority, {
                'range': str(cf.sqref), 'formula': r.formula[0] if r.formula else '',
                'fill': fill.bgColor.rgb if fill is not None and fill.bgColor is not None else None,
                # openpyxl reads a font without <b> as b=False: only a bold one is told.
                'bold': True if font is not None and font.b else None,
                'fontColor': font.color.rgb if font is not None and font.color is not None else None,
            }))
    return [o for _, o in sorted(out, key=lambda x: x[0])]
hf = ws.HeaderFooter
pa = ws.print_area
ps = ws.page_setup
pr = ws.sheet_properties
out = {
    'names': wb.sheetnames,
    'cells': cells,
    'formats': formats,
    'validations': [{'type': v.type, 'formula1': v.formula1, 'sqref': str(v.sqref)} for v in ws.data_validations.dataValidation],
    'merges': sorted(str(m) for m in ws.merged_cells.ranges),
    'freeze': ws.freeze_panes,
    'autoFilter': ws.auto_filter.ref,
    'orientation': ps.orientation,
    'paperSize': ps.paperSize,
    'fitToPage': bool(pr.pageSetUpPr and pr.pageSetUpPr.fitToPage),
    'fitToWidth': ps.fitToWidth,
    'scale': ps.scale,
    'printArea': ','.join(pa) if isinstance(pa, (list, tuple)) else pa,
    'printTitleRows': ws.print_title_rows,
    'printTitleColumns': ws.print_title_cols,
    'pageOrder': ps.pageOrder,
    'rowBreaks': [b.id for b in ws.row_breaks.brk],
    'oddHeader': sections(hf.oddHeader),
    'oddFooter': sections(hf.oddFooter),
    'differentFirst': bool(hf.differentFirst),
    'differentOddEven': bool(hf.differentOddEven),
    'tabColor': pr.tabColor.rgb if pr.tabColor is not None else None,
    'tables': [{'name': t.displayName, 'ref': t.ref} for t in ws.tables.values()],
    'charts': [chart_of(c) for c in ws._charts],
    'localNames': {d.name: d.attr_text for d in wb.defined_names.definedName if d.localSheetId == index},
    'results': results,
    'conditionalFormats': rules(),
}
print(json.dumps(out, default=str))
`;

export function openpyxlSheet(bytes: Uint8Array, sheet: string): OpenpyxlSheet {
  const out = execFileSync('/usr/bin/python3', ['-c', PY, sheet], { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as OpenpyxlSheet;
}

export function openpyxlSheetNames(bytes: Uint8Array): string[] {
  const py = 'import io, sys, json, openpyxl\nprint(json.dumps(openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()), read_only=True).sheetnames))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { input: bytes, encoding: 'utf8' })) as string[];
}
