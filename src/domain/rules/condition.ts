/**
 * The small condition language a rule set uses, readable and editable in the sheet:
 *
 *   [Chấp hành kỷ luật lao động] = có
 *   [Danh hiệu thi đua] thuộc {Lao động tiên tiến; LĐTT; Chiến sĩ thi đua cơ sở; CSTĐCS}
 *   [Danh hiệu CDHT] = có hoặc [Điểm CDHT] >= 80
 *   [Loại đơn vị] thuộc {Trường THPT} và [Công lập] = có
 *
 * Keywords are matched without case or diacritics (co, khong, thuoc, va, hoac, trong).
 * The same tree is evaluated by the engine and turned into an Excel formula (sheets/formulas.ts),
 * so the two always count the same way.
 */
import { foldKey } from '../text';

export type Comparison = '>=' | '>' | '<=' | '<' | '=';

export type Condition =
  | { kind: 'yes'; column: string }
  | { kind: 'no'; column: string }
  | { kind: 'blank'; column: string }
  | { kind: 'in'; column: string; items: string[] }
  | { kind: 'compare'; column: string; op: Comparison; value: number }
  | { kind: 'and'; items: Condition[] }
  | { kind: 'or'; items: Condition[] };

/** What is wrong with a condition's text, as a code: the i18n catalogues word it (“condition.syntax.<code>”). */
export type ConditionSyntaxCode =
  | 'missingColumnEnd'
  | 'missingListEnd'
  | 'badNumber'
  | 'unexpectedCharacter'
  | 'unexpectedEnd'
  | 'missingParenthesis'
  | 'expectedColumn'
  | 'emptyColumn'
  | 'expectedList'
  | 'expectedValue'
  | 'expectedOperator'
  | 'unexpectedText';

export class ConditionSyntaxError extends Error {
  constructor(
    readonly code: ConditionSyntaxCode,
    readonly position: number,
  ) {
    super(code);
  }
}

type Token =
  | { t: 'col'; v: string; p: number }
  | { t: 'list'; v: string[]; p: number }
  | { t: 'op'; v: Comparison; p: number }
  | { t: 'num'; v: number; p: number }
  | { t: 'word'; v: string; p: number }
  | { t: '('; p: number }
  | { t: ')'; p: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '[') {
      const end = src.indexOf(']', i);
      if (end < 0) throw new ConditionSyntaxError('missingColumnEnd', i);
      out.push({ t: 'col', v: src.slice(i + 1, end).trim(), p: i });
      i = end + 1;
    } else if (c === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ConditionSyntaxError('missingListEnd', i);
      const items = src
        .slice(i + 1, end)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      out.push({ t: 'list', v: items, p: i });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      out.push({ t: c, p: i });
      i++;
    } else if (/[<>=≥≤]/.test(c)) {
      let op = c;
      if ((c === '<' || c === '>') && src[i + 1] === '=') op += '=';
      i += op.length;
      const norm = op === '≥' ? '>=' : op === '≤' ? '<=' : op;
      out.push({ t: 'op', v: norm as Comparison, p: i - op.length });
    } else if (/[0-9.]/.test(c)) {
      const m = /^\d+(\.\d+)?%?/.exec(src.slice(i));
      if (!m) throw new ConditionSyntaxError('badNumber', i);
      const text = m[0];
      const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
      out.push({ t: 'num', v: value, p: i });
      i += text.length;
    } else {
      const m = /^[^\s[\]{}()<>=≥≤]+/.exec(src.slice(i));
      if (!m) throw new ConditionSyntaxError('unexpectedCharacter', i);
      out.push({ t: 'word', v: foldKey(m[0]), p: i });
      i += m[0].length;
    }
  }
  return out;
}

export function parseCondition(src: string): Condition {
  const tokens = tokenize(src);
  let k = 0;
  const peek = () => tokens[k];
  const isWord = (w: string) => {
    const t = peek();
    return t !== undefined && t.t === 'word' && t.v === w;
  };

  function expr(): Condition {
    const items = [term()];
    while (isWord('hoac')) {
      k++;
      items.push(term());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  function term(): Condition {
    const items = [factor()];
    while (isWord('va')) {
      k++;
      items.push(factor());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  function factor(): Condition {
    const t = tokens[k++];
    if (!t) throw new ConditionSyntaxError('unexpectedEnd', src.length);
    if (t.t === '(') {
      const inner = expr();
      const close = tokens[k++];
      if (!close || close.t !== ')') throw new ConditionSyntaxError('missingParenthesis', close?.p ?? src.length);
      return inner;
    }
    if (t.t !== 'col') throw new ConditionSyntaxError('expectedColumn', t.p);
    if (t.v === '') throw new ConditionSyntaxError('emptyColumn', t.p);
    const column = t.v;
    const next = tokens[k++];
    if (!next) throw new ConditionSyntaxError('unexpectedEnd', src.length);
    if (next.t === 'word' && next.v === 'thuoc') {
      const list = tokens[k++];
      if (!list || list.t !== 'list' || list.v.length === 0) throw new ConditionSyntaxError('expectedList', list?.p ?? src.length);
      return { kind: 'in', column, items: list.v };
    }
    if (next.t === 'word' && next.v === 'trong') return { kind: 'blank', column };
    if (next.t === 'op') {
      const rhs = tokens[k++];
      if (rhs && rhs.t === 'num') return { kind: 'compare', column, op: next.v, value: rhs.v };
      if (next.v === '=' && rhs && rhs.t === 'word' && rhs.v === 'co') return { kind: 'yes', column };
      if (next.v === '=' && rhs && rhs.t === 'word' && rhs.v === 'khong') return { kind: 'no', column };
      throw new ConditionSyntaxError('expectedValue', rhs?.p ?? src.length);
    }
    throw new ConditionSyntaxError('expectedOperator', next.p);
  }

  const result = expr();
  if (k < tokens.length) throw new ConditionSyntaxError('unexpectedText', tokens[k]!.p);
  return result;
}

/** Every column a condition reads, in order of first use. */
export function columnsOf(c: Condition): string[] {
  const seen: string[] = [];
  const walk = (x: Condition) => {
    if (x.kind === 'and' || x.kind === 'or') x.items.forEach(walk);
    else if (!seen.includes(x.column)) seen.push(x.column);
  };
  walk(c);
  return seen;
}
