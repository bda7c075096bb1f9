/**
 * Repairs ExcelJS 4.4's reading of tables made by Excel, so that writing the file back does
 * not make Excel "repair" it (exceljs issues #1959, #2184, #2277):
 * - Excel omits headerRowCount when it is 1 (the default); ExcelJS reads that as "no header"
 *   and writes headerRowCount="0" next to an autoFilter, which Excel rejects.
 * - Excel omits hiddenButton when the filter button shows; ExcelJS reads that as hidden.
 * The add-in itself never creates tables (worksheet.addTable round-trips badly).
 */
import type * as ExcelJS from 'exceljs';
import { columnNumber, parseRange, rangeAddress } from '../../../src/workbook/a1';

interface TableColumnModel {
  name?: string;
  filterButton?: boolean;
}

interface TableModel {
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns?: TableColumnModel[];
}

interface TableHolder {
  table?: TableModel;
}

/** Excel escapes some characters in table column names as _xHHHH_. */
function decodeXmlEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const cell = ws.findCell(row, col);
  if (!cell) return '';
  const v: unknown = cell.type === 6 /* Formula */ ? cell.result : cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return String(v);
}

export function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, TableHolder> }).tables ?? {};
    for (const holder of Object.values(tables)) {
      const t = holder.table;
      if (!t || !t.columns) continue;
      const ref = t.tableRef ?? t.ref;
      if (!t.headerRow && ref) {
        // A table with an autoFilter always has a header row; otherwise Excel's header cells
        // hold exactly the column names, which a headerless table's first data row won't.
        const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(ref);
        let header = Boolean(t.autoFilterRef);
        if (!header && m) {
          const top = Number(m[2]);
          const left = columnNumber(m[1]!);
          header = t.columns.length > 0 && t.columns.every((c, i) => c.name !== undefined && decodeXmlEscapes(c.name) === cellText(ws, top, left + i));
        }
        t.headerRow = header;
      }
      if (t.autoFilterRef) {
        for (const c of t.columns) c.filterButton = true;
      } else if (t.headerRow && ref) {
        // ExcelJS always writes an <autoFilter>; without a ref it is invalid. A filter over the
        // table with every button hidden looks the same as Excel's "no filter button".
        t.autoFilterRef = t.totalsRow ? withoutLastRow(ref) : ref;
        for (const c of t.columns) c.filterButton = false;
      }
    }
  }
}

function withoutLastRow(ref: string): string {
  const r = parseRange(ref.replace(/\$/g, ''));
  return rangeAddress(r.top, r.left, Math.max(r.top, r.bottom - 1), r.right);
}
