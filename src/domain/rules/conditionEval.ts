/** Evaluating a condition against one row (a member, or the unit's own fields). */
import { cellAsText, isCellError, isUncalculated, memoCell, readNumber, yesNoReader, type CellValue, type Spellings } from '../values';
import { spellingKey } from '../text';
import { columnsOf, type Condition } from './condition';


export type ReadIssue = { column: string; kind: 'ambiguousYesNo' | 'cellError' | 'formulaNotCalculated' | 'invalidNumber'; value: string };

/** A cell holding an error: a formula's error, or a formula its file stored no result for. */
function errorIssue(column: string, v: CellValue): ReadIssue {
  return { column, kind: isUncalculated(v) ? 'formulaNotCalculated' : 'cellError', value: cellAsText(v) };
}

export interface ConditionOutcome {
  met: boolean;
  issues: ReadIssue[];
}

/**
 * A condition bound to its row's cells: whether the row meets it, and the cells it could not
 * read pushed onto `issues` in the order the condition names them. Cells past the row's end are blank.
 */
export type RowTest = (cells: readonly CellValue[], issues: ReadIssue[]) => boolean;

/**
 * Compiled once per table so each row costs plain reads: `indexOf` gives a column's cell in
 * the row (columns are resolved before). Every branch of and/or is evaluated so every odd
 * cell is reported, not just the first.
 */
export function compileCondition(cond: Condition, indexOf: (column: string) => number, spellings: Spellings): RowTest {
  const yesNo = yesNoReader(spellings);
  const compile = (c: Condition): RowTest => {
    switch (c.kind) {
      case 'and':
      case 'or': {
        const items = c.items.map(compile);
        const isAnd = c.kind === 'and';
        return (cells, issues) => {
          let all = true;
          let any = false;
          for (let k = 0; k < items.length; k++) {
            if (items[k]!(cells, issues)) any = true;
            else all = false;
          }
          return isAnd ? all : any;
        };
      }
      case 'yes':
      case 'no': {
        const { column } = c;
        const i = indexOf(column);
        const wantsYes = c.kind === 'yes';
        return (cells, issues) => {
          const v = cells[i] ?? null;
          const r = yesNo(v);
          if (r === 'yes') return wantsYes;
          if (r === 'error') issues.push(errorIssue(column, v));
          if (r === 'ambiguous') issues.push({ column, kind: 'ambiguousYesNo', value: cellAsText(v) });
          return !wantsYes && (r === 'no' || r === 'blank');
        };
      }
      case 'blank': {
        const { column } = c;
        const i = indexOf(column);
        return (cells, issues) => {
          const v = cells[i] ?? null;
          if (v === null) return true;
          if (isCellError(v)) {
            issues.push(errorIssue(column, v));
            return false;
          }
          return cellAsText(v) === '';
        };
      }
      case 'in': {
        const { column } = c;
        const i = indexOf(column);
        const keys = new Set(c.items.map(spellingKey));
        const listed = memoCell((v) => {
          const t = spellingKey(cellAsText(v));
          return t !== '' && keys.has(t);
        });
        return (cells, issues) => {
          const v = cells[i] ?? null;
          if (isCellError(v)) {
            issues.push(errorIssue(column, v));
            return false;
          }
          return listed(v);
        };
      }
      case 'compare': {
        const { column, op, value } = c;
        const i = indexOf(column);
        return (cells, issues) => {
          const v = cells[i] ?? null;
          // Most scores are numbers: read without building a NumberRead.
          if (typeof v === 'number' && Number.isFinite(v)) return compare(v, op, value);
          const n = readNumber(v);
          if (n.kind === 'error') issues.push(errorIssue(column, v));
          if (n.kind === 'invalid') issues.push({ column, kind: 'invalidNumber', value: cellAsText(v) });
          if (n.kind !== 'number') return false;
          return compare(n.value, op, value);
        };
      }
    }
  };
  return compile(cond);
}

/** `lookup` returns the cell under a column (undefined never happens: columns are resolved before). */
export function evaluateCondition(cond: Condition, lookup: (column: string) => CellValue, spellings: Spellings): ConditionOutcome {
  const columns = columnsOf(cond);
  const issues: ReadIssue[] = [];
  const cells: CellValue[] = [];
  for (const column of columns) cells.push(lookup(column));
  const met = compileCondition(cond, (column) => columns.indexOf(column), spellings)(cells, issues);
  return { met, issues };
}

function compare(a: number, op: Extract<Condition, { kind: 'compare' }>['op'], b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    case '=':
      return a === b;
  }
}
