/**
 * A kept unit's “Trạng thái” and “Lý do / cần xem lại” in the file report: formulas on the unit's
 * “Ghi chú” in the units table (the remarks whole, which the officer edits), found by the unit's file
 * in the table's “Tệp” column, so they follow the officer's edits and hold after the table is sorted.
 * INDEX/MATCH, IFERROR and IF only: Excel 2010 and LibreOffice compute them. Each cell references
 * the table's columns; the remarks, which can be long, are never spelt out in a formula.
 */
import { t, type Lang } from '../../i18n';
import type { FormulaInput } from '../../workbook/port';
import { str } from '../../sheets/formulas';
import { columnLetter, sheetRef } from '../../workbook/a1';

/** Where the units table's “Tệp” and “Ghi chú” are (1-based columns, its rows), on its sheet as the workbook names it. */
export interface UnitsTableRefs {
  sheet: string;
  file: number;
  remarks: number;
  firstRow: number;
  lastRow: number;
}

/** Excel's MATCH refuses a longer lookup text. */
const MATCH_MAX = 255;
/** What MATCH(…, 0) reads as a wildcard, in Excel and LibreOffice alike. */
const WILDCARD = /[~*?]/;

export interface FileReportCells {
  /**
   * The two formula cells of the kept unit's file `file` in report row `row` (its name in the column
   * `columns.file`), cached as `remarks` ('' for none) gives them; null where a
   * formula would not find the unit alone: the caller writes the text then.
   */
  row(row: number, file: string, remarks: string): { status: FormulaInput; reasons: FormulaInput } | null;
}

/** `files`: the kept units' files, for the ones MATCH could not tell apart (it ignores case). */
export function fileReportCells(table: UnitsTableRefs, files: readonly string[], columns: { file: string }, lang: Lang): FileReportCells {
  const column = (c: number) => sheetRef(table.sheet, `$${columnLetter(c)}$${table.firstRow}:$${columnLetter(c)}$${Math.max(table.firstRow, table.lastRow)}`);
  const fileRange = column(table.file);
  const remarksRange = column(table.remarks);
  const folded = new Map<string, number>();
  for (const f of files) folded.set(f.toLowerCase(), (folded.get(f.toLowerCase()) ?? 0) + 1);
  const consolidated = str(t(lang, 'consolidate.status.consolidated'));
  const flagged = str(t(lang, 'consolidate.status.flagged'));
  const missing = str(t(lang, 'consolidate.fileReport.notInTable', { sheet: table.sheet }));
  return {
    row(row, file, remarks) {
      const escaped = file.replace(/[~*?]/g, (c) => `~${c}`);
      if (escaped.length > MATCH_MAX || folded.get(file.toLowerCase()) !== 1) return null;
      const name = `${columns.file}${row}`;
      const key = WILDCARD.test(file) ? `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${name},"~","~~"),"*","~*"),"?","~?")` : name;
      // &"": a blank “Ghi chú” is blank text, not 0.
      const lookup = `INDEX(${remarksRange},MATCH(${key},${fileRange},0))&""`;
      return {
        // A row gone from the table (deleted, its file renamed) says so, and is to review.
        reasons: { formula: `=IFERROR(${lookup},${missing})`, result: remarks },
        // On the table, not on the reasons beside it: a host that marks the formulas an edit leaves stale (the preview) reads direct references only.
        status: { formula: `=IF(IFERROR(${lookup},"?")="",${consolidated},${flagged})`, result: t(lang, remarks === '' ? 'consolidate.status.consolidated' : 'consolidate.status.flagged') },
      };
    },
  };
}

/** The rule of the status cells' colour: “cần xem lại” while the status says it (a conditional format, so it goes when the remarks do). */
export function flaggedStatusFormula(ref: string, lang: Lang): string {
  return `=${ref}=${str(t(lang, 'consolidate.status.flagged'))}`;
}
