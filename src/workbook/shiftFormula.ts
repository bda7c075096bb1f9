/**
 * Moves the relative references of an A1 formula by (rows, cols), as Excel does when it fills
 * a shared formula from its first cell into the others. Strings and quoted sheet names are
 * skipped; absolute parts ($A, $1) stay.
 */
import { columnLetter, columnNumber } from './a1';

// A cell (A1, $A$1), a column range (A:C) or a row range (1:3), not part of a longer name.
const REF = /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_(!])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (!rows && !cols) return formula;
  // Quoted runs ("text", 'Sheet name') and structured-reference brackets are kept as they are.
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^[\]]*\])/);
  return parts.map((p, i) => (i % 2 ? p : shiftCode(p, rows, cols))).join('');
}

function col(abs: string, letters: string, by: number): string {
  return abs ? `$${letters}` : columnLetter(Math.max(1, columnNumber(letters) + by));
}

function row(abs: string, n: string, by: number): string {
  return abs ? `$${n}` : String(Math.max(1, Number(n) + by));
}

function shiftCode(code: string, rows: number, cols: number): string {
  return code.replace(REF, (m, pre: string, ca, cl, ra, rn, c1a, c1, c2a, c2, r1a, r1, r2a, r2) => {
    if (cl !== undefined) {
      if (columnNumber(cl) > 16_384) return m;
      return `${pre}${col(ca, cl.toUpperCase(), cols)}${row(ra, rn, rows)}`;
    }
    if (c1 !== undefined) return `${pre}${col(c1a, c1.toUpperCase(), cols)}:${col(c2a, c2.toUpperCase(), cols)}`;
    return `${pre}${row(r1a, r1, rows)}:${row(r2a, r2, rows)}`;
  });
}
