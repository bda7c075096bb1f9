/**
 * Conditions turned into Excel formulas, so every figure the add-in writes can be audited
 * in Excel without it. Each atom is 0/1 (`--(…)`), AND is a product and OR a SIGN of a sum:
 * the same text works inside SUMPRODUCT over a column and on a single cell.
 *
 * What a formula counts must equal what the engine counts (values.ts, conditionEval.ts):
 * both read `TRIM(cell&"")`, case-insensitively, against the same spellings.
 */
import type { Condition } from '../domain/rules/condition';
import { columnLetter } from '../workbook/a1';
import { PERCENT_CELL_LIMIT } from '../domain/rules/share';
import { spellingForms } from '../domain/text';

export interface FormulaRefs {
  /** A range (over members) or a cell (unit field) for a column/field name. */
  ref(column: string): string;
  /** Absolute range holding the accepted "yes" spellings, NFC and NFD. */
  yesList: string;
  noList: string;
  /** A range holding a `thuộc {…}` list, when the caller keeps lists in the sheet. */
  listRange?(items: string[]): string | null;
}

export function text(ref: string): string {
  return `TRIM(${ref}&"")`;
}

/** Literal for an Excel string, quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Excel refuses a formula whose string constant is longer than this (LibreOffice does not). */
const FORMULA_STRING_MAX = 255;

/** A text of any length as a formula: string constants of at most 255 characters, joined with &. */
export function longStr(s: string): string {
  const pieces: string[] = [];
  // Split between UTF-16 units that are no surrogate pair's halves.
  for (let i = 0; i < s.length || pieces.length === 0; ) {
    let end = Math.min(i + FORMULA_STRING_MAX, s.length);
    if (end < s.length && /[\uD800-\uDBFF]/.test(s[end - 1]!)) end--;
    pieces.push(str(s.slice(i, end)));
    i = end;
  }
  return pieces.join('&');
}

/** MATCH(…, 0) treats * ? ~ as wildcards in both Excel and LibreOffice: escape them. */
function matchLiteral(s: string): string {
  return str(s.replace(/[~*?]/g, (c) => `~${c}`));
}

/** Every form the engine reads alike (spellingForms: Unicode forms, sĩ/sỹ), since a formula compares code points. */
export function spellingVariants(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) for (const v of spellingForms(item)) if (!out.includes(v)) out.push(v);
  return out;
}

/** 1 when the cell is empty after TRIM; an error cell is not empty (the engine agrees). */
export function isEmpty(ref: string): string {
  return `IFERROR(--(${text(ref)}=""),0)`;
}

/** 1 when the cell holds text after TRIM (errors count as empty, as readText does). */
export function isPresent(ref: string): string {
  return `(IFERROR(${text(ref)},"")<>"")`;
}

/**
 * A share cell (a requirement, the personal target) read as readShareCell reads it: a number
 * 0..1, or PERCENT_CELL_LIMIT..100 meaning percent; anything the engine refuses gives `otherwise`.
 */
export function shareFormula(ref: string, otherwise: string): string {
  const valid = `AND(ISNUMBER(${ref}),OR(AND(${ref}>=0,${ref}<=1),AND(${ref}>=${PERCENT_CELL_LIMIT},${ref}<=100)))`;
  return `IFERROR(IF(${valid},IF(${ref}>1,${ref}/100,${ref}),${otherwise}),${otherwise})`;
}

export function conditionFormula(c: Condition, refs: FormulaRefs): string {
  switch (c.kind) {
    case 'yes':
      return `--ISNUMBER(MATCH(${text(refs.ref(c.column))},${refs.yesList},0))`;
    case 'no':
      return `(${isEmpty(refs.ref(c.column))}+ISNUMBER(MATCH(${text(refs.ref(c.column))},${refs.noList},0)))`;
    case 'blank':
      return isEmpty(refs.ref(c.column));
    case 'in': {
      const range = refs.listRange?.(c.items) ?? `{${spellingVariants(c.items).map(matchLiteral).join(',')}}`;
      return `--ISNUMBER(MATCH(${text(refs.ref(c.column))},${range},0))`;
    }
    case 'compare': {
      const r = refs.ref(c.column);
      // A comma makes "85,5" ambiguous: the engine refuses it, so does the formula.
      return `IFERROR(ISERROR(FIND(",",${r}&""))*(VALUE(${text(r)})${c.op}${c.value}),0)`;
    }
    case 'and':
      // Atoms are function calls or parenthesised: no extra parentheses needed.
      return c.items.map((i) => conditionFormula(i, refs)).join('*');
    case 'or':
      return `SIGN(${c.items.map((i) => conditionFormula(i, refs)).join('+')})`;
  }
}

/**
 * A unit field's condition as the engine decides it (evaluation.ts decide): 1 met, 0 not, 0.5 when
 * a field an atom reads is unclear (an error; blank, unless the atom asks for blank; a yes/no read
 * as neither; no number; a value off the field's list, `listed`) — Kleene's logic, AND as MIN and
 * OR as MAX, so an unclear field leaves the answer open only where it would change it.
 */
export function decideFormula(c: Condition, refs: FormulaRefs, listed: (column: string) => readonly string[] | undefined): string {
  if (c.kind === 'and' || c.kind === 'or') return `${c.kind === 'and' ? 'MIN' : 'MAX'}(${c.items.map((i) => decideFormula(i, refs, listed)).join(',')})`;
  const r = refs.ref(c.column);
  const t = text(r);
  const unclear = [`ISERROR(${r})`];
  if (c.kind !== 'blank') unclear.push(`${t}=""`);
  if (c.kind === 'yes' || c.kind === 'no') unclear.push(`AND(NOT(ISNUMBER(MATCH(${t},${refs.yesList},0))),NOT(ISNUMBER(MATCH(${t},${refs.noList},0))))`);
  if (c.kind === 'compare') unclear.push(`ISNUMBER(FIND(",",${r}&""))`, `ISERROR(VALUE(${t}))`);
  // The engine compares a list's values as typed (case aside), without other Unicode forms.
  const choices = c.kind === 'blank' ? undefined : listed(c.column);
  if (choices?.length) unclear.push(`NOT(ISNUMBER(MATCH(${t},{${choices.map(matchLiteral).join(',')}},0)))`);
  // An error anywhere (the cell's, or MATCH over a text too long) is unclear too.
  return `IF(IFERROR(OR(${unclear.join(',')}),TRUE),0.5,${conditionFormula(c, refs)})`;
}

/**
 * How many of `conditions` one member row meets, as a sum. Plain "= có" conditions on
 * adjacent columns become one SUMPRODUCT over the row, which keeps the formula short
 * (thousands of rows are sent to Excel in one request). `row` may be a mark the caller
 * replaces by each row number.
 */
export function countMetFormula(conditions: Condition[], refs: FormulaRefs, columnOf: (column: string) => number, row: number | string): string {
  const yes = conditions.filter((c): c is Extract<Condition, { kind: 'yes' }> => c.kind === 'yes');
  const others = conditions.filter((c) => c.kind !== 'yes');
  const cols = [...new Set(yes.map((c) => columnOf(c.column)))].sort((a, b) => a - b);
  // Each column once per condition: a condition repeated twice must count twice.
  const counts = new Map<number, number>();
  for (const c of yes) counts.set(columnOf(c.column), (counts.get(columnOf(c.column)) ?? 0) + 1);
  const terms: string[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
    const single = j === i;
    const run = cols.slice(i, j + 1);
    const repeated = run.some((c) => counts.get(c)! > 1);
    if (single || repeated) {
      for (const c of run) for (let k = 0; k < counts.get(c)!; k++) terms.push(`--ISNUMBER(MATCH(${text(`$${columnLetter(c)}${row}`)},${refs.yesList},0))`);
    } else {
      terms.push(`SUMPRODUCT(--ISNUMBER(MATCH(${text(`$${columnLetter(cols[i]!)}${row}:$${columnLetter(cols[j]!)}${row}`)},${refs.yesList},0)))`);
    }
    i = j + 1;
  }
  for (const c of others) terms.push(c.kind === 'and' ? `(${conditionFormula(c, refs)})` : conditionFormula(c, refs));
  return terms.length ? terms.join('+') : '0';
}

/** The score itself, without float noise: as the engine's scoreItself (evaluation.ts). */
export function scoreItselfFormula(x: string): string {
  return `ROUND(${x},9)`;
}

/** The score as shown: hundredths rounded down, as the engine's shownScore. */
export function shownScoreFormula(scoreItself: string): string {
  return `INT(ROUND(${scoreItself}*100,6))/100`;
}

/**
 * A shown score (≥ 0, hundredths) as text with the Vietnamese decimal comma in every locale, as
 * the engine words it (98,75, 98,5, 100): `x&""` and TEXT() follow the machine's locale. Built
 * from whole hundredths, which `&` turns into digits alone.
 */
export function scoreTextFormula(ref: string): string {
  const h = `ROUND(${ref}*100,0)`;
  return `INT(${h}/100)&IF(MOD(${h},100)=0,"",","&IF(MOD(${h},10)=0,MOD(${h},100)/10,RIGHT("0"&MOD(${h},100),2)))`;
}

/** The band `score` reaches (highest first in `bands`), else `failBand`: one LOOKUP, so `score` is written once. */
export function ratingFormula(score: string, bands: readonly { label: string; min: number }[], failBand: string): string {
  const ascending = [...bands].sort((a, b) => a.min - b.min);
  if (!ascending.length) return str(failBand);
  const mins = ascending.map((b) => String(b.min));
  const labels = ascending.map((b) => str(b.label));
  // Below the lowest band: the fail band (scores are never negative, and -1E+300 is below any).
  return `LOOKUP(${score},{-1E+300,${mins.join(',')}},{${str(failBand)},${labels.join(',')}})`;
}
