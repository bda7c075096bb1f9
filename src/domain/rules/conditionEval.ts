/** Evaluating a condition against one row (a member, or the unit's own fields). */
import { cellAsText, isCellError, isUncalculated, readNumber, readYesNo, type CellValue, type Spellings } from '../values';
import { lowerVi, memo } from '../text';
import type { Condition } from './condition';

/** A listed item as cells are compared with it; memoised: evaluated for every member against the same items. */
const itemKey = memo((item: string) => lowerVi(item.normalize('NFC')));

export type ReadIssue = { column: string; kind: 'ambiguousYesNo' | 'cellError' | 'formulaNotCalculated' | 'invalidNumber'; value: string };

/** A cell holding an error: a formula's error, or a formula its file stored no result for. */
function errorIssue(column: string, v: CellValue): ReadIssue {
  return { column, kind: isUncalculated(v) ? 'formulaNotCalculated' : 'cellError', value: cellAsText(v) };
}

export interface ConditionOutcome {
  met: boolean;
  issues: ReadIssue[];
}

/** `lookup` returns the cell under a column (undefined never happens: columns are resolved before). */
export function evaluateCondition(
  cond: Condition,
  lookup: (column: string) => CellValue,
  spellings: Spellings,
): ConditionOutcome {
  const issues: ReadIssue[] = [];
  const met = walk(cond);
  return { met, issues };

  function walk(c: Condition): boolean {
    switch (c.kind) {
      case 'and':
      case 'or': {
        // Evaluate every branch so every odd cell is reported, not just the first.
        let all = true;
        let any = false;
        for (const item of c.items) {
          if (walk(item)) any = true;
          else all = false;
        }
        return c.kind === 'and' ? all : any;
      }
      case 'yes':
      case 'no': {
        const v = lookup(c.column);
        const r = readYesNo(v, spellings);
        if (r === 'error') issues.push(errorIssue(c.column, v));
        if (r === 'ambiguous') issues.push({ column: c.column, kind: 'ambiguousYesNo', value: cellAsText(v) });
        return c.kind === 'yes' ? r === 'yes' : r === 'no' || r === 'blank';
      }
      case 'blank': {
        const v = lookup(c.column);
        if (isCellError(v)) {
          issues.push(errorIssue(c.column, v));
          return false;
        }
        return cellAsText(v) === '';
      }
      case 'in': {
        const v = lookup(c.column);
        if (isCellError(v)) {
          issues.push(errorIssue(c.column, v));
          return false;
        }
        const t = lowerVi(cellAsText(v));
        return t !== '' && c.items.some((item) => itemKey(item) === t);
      }
      case 'compare': {
        const v = lookup(c.column);
        const n = readNumber(v);
        if (n.kind === 'error') issues.push(errorIssue(c.column, v));
        if (n.kind === 'invalid') issues.push({ column: c.column, kind: 'invalidNumber', value: cellAsText(v) });
        if (n.kind !== 'number') return false;
        return compare(n.value, c.op, c.value);
      }
    }
  }
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
