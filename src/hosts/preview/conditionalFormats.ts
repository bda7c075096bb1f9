/**
 * Conditional formats as the preview draws them (packageModel.ts reads them): a rule “Use a formula to determine which cells to
 * format” whose formula compares cells with texts or numbers (=, <>, <, >, <=, >=, AND, OR, NOT), as the
 * consolidated table's “Thẩm định” rule does, worked on the cells' stored values (the preview does not
 * calculate). Any other rule, or a formula outside that shape, draws nothing: no guessed colour.
 */
import { parseCell } from '../../workbook/a1';
import { isCellError, type CellValue } from '../../domain/values';

type Operand = { ref: { row: number; col: number; fixedRow: boolean; fixedCol: boolean } } | { value: string | number | boolean };
type Expr = Operand | { op: string; left: Expr; right: Expr } | { fn: 'AND' | 'OR' | 'NOT'; args: Expr[] };

/** Whether a cell meets a rule, given the stored values; null when the formula is not of the shape drawn. */
export type RuleTest = (valueAt: (row: number, col: number) => CellValue, row: number, col: number) => boolean;

/** The rule's test at any cell of its range, or null for a formula this preview does not draw. */
export function compileRule(formula: string, origin: { row: number; col: number }): RuleTest | null {
  let expr: Expr;
  try {
    const p = new Parser(formula.replace(/^=/, ''));
    expr = p.expression();
    if (!p.done()) return null;
  } catch {
    return null;
  }
  return (valueAt, row, col) => truthy(evaluate(expr, valueAt, row - origin.row, col - origin.col));
}

type Value = string | number | boolean | null;

function evaluate(e: Expr, valueAt: (row: number, col: number) => CellValue, dr: number, dc: number): Value {
  if ('ref' in e) {
    // A $ keeps its row or column where the rule's other cells are, as in Excel.
    const v = valueAt(e.ref.row + (e.ref.fixedRow ? 0 : dr), e.ref.col + (e.ref.fixedCol ? 0 : dc));
    return isCellError(v) ? null : (v as Value);
  }
  if ('value' in e) return e.value;
  if ('fn' in e) {
    const args = e.args.map((a) => truthy(evaluate(a, valueAt, dr, dc)));
    return e.fn === 'AND' ? args.every(Boolean) : e.fn === 'OR' ? args.some(Boolean) : !args[0];
  }
  return compare(e.op, evaluate(e.left, valueAt, dr, dc), evaluate(e.right, valueAt, dr, dc));
}

const truthy = (v: Value) => v === true || (typeof v === 'number' && v !== 0);

/** Excel's comparison: a blank is "" or 0 by the other side, texts without case, numbers below texts below booleans. */
function compare(op: string, a: Value, b: Value): boolean {
  const blankAs = (x: Value, other: Value): Value => (x !== null ? x : typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '');
  const x = blankAs(a, b);
  const y = blankAs(b, a);
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const key = (v: Value) => (typeof v === 'string' ? v.toLocaleLowerCase('vi') : v);
  const order = rank(x) !== rank(y) ? rank(x) - rank(y) : key(x)! < key(y)! ? -1 : key(x)! > key(y)! ? 1 : 0;
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** expression := operand [op operand]; operand := AND|OR|NOT(…) | cell | "text" | number | TRUE | FALSE. */
class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    this.space();
    return this.at === this.text.length;
  }

  expression(): Expr {
    const left = this.operand();
    this.space();
    const op = /^(<>|<=|>=|=|<|>)/.exec(this.text.slice(this.at))?.[1];
    if (!op) return left;
    this.at += op.length;
    return { op, left, right: this.operand() };
  }

  private operand(): Expr {
    this.space();
    const rest = this.text.slice(this.at);
    const fn = /^(AND|OR|NOT)\(/i.exec(rest);
    if (fn) {
      this.at += fn[0].length;
      const args: Expr[] = [this.expression()];
      for (this.space(); this.text[this.at] === ','; this.space()) {
        this.at++;
        args.push(this.expression());
      }
      if (this.text[this.at] !== ')') throw new Error('unclosed');
      this.at++;
      return { fn: fn[1]!.toUpperCase() as 'AND' | 'OR' | 'NOT', args };
    }
    const str = /^"((?:[^"]|"")*)"/.exec(rest);
    if (str) {
      this.at += str[0].length;
      return { value: str[1]!.replace(/""/g, '"') };
    }
    const num = /^\d+(?:\.\d+)?/.exec(rest);
    if (num) {
      this.at += num[0].length;
      return { value: Number(num[0]) };
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) {
      this.at += bool[0].length;
      return { value: bool[1]!.toUpperCase() === 'TRUE' };
    }
    const ref = /^(\$?)[A-Z]{1,3}(\$?)\d+/i.exec(rest);
    if (ref) {
      this.at += ref[0].length;
      const { row, col } = parseCell(ref[0]);
      return { ref: { row, col, fixedCol: ref[1] === '$', fixedRow: ref[2] === '$' } };
    }
    throw new Error('not drawn');
  }

  private space(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}
