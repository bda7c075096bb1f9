/**
 * What a document cites after "Căn cứ": the bases the rule set's "Căn cứ" cell holds, as the
 * unit typed them (number and date included), with the national circular its preset rests on
 * where that is in force and not cited already; higher legal force first, as NĐ 30/2020
 * texts list their bases (Luật, Nghị định, Thông tư, then the province's documents).
 */
import { PRESETS } from '../domain/rules/presets';
import type { RuleSet } from '../domain/rules/ruleSet';
import { repealedFor } from './repealed';

const BLANK = '……………';

/** Same text however spaced or cased. */
const key = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');

/** The verb the template adds is not part of a basis ("Căn cứ Căn cứ …" never prints). */
const VERB = /^(?:[-–•+]\s*)?(?:căn cứ(?:\s+vào)?|thực hiện)\s+/iu;

/** "24/2023/TT-BGDĐT" of "Thông tư số 24/2023/TT-BGDĐT ngày …": a number with its year names one text nationwide. */
const numberOf = (basis: string) => /\d+\/\d{4}\/[\p{L}\d-]+/u.exec(basis)?.[0];

/** One text however typed: by its number with year (a circular), else by its words (a plan's number recurs across provinces). */
export const sameBasis = (a: string, b: string): boolean => {
  const n = numberOf(a);
  return n !== undefined && n === numberOf(b) ? true : key(a) === key(b);
};

/** Each text once, as first typed. */
export function distinctBases(bases: readonly string[]): string[] {
  return bases.filter((b, i) => bases.findIndex((c) => sameBasis(c, b)) === i);
}

/** "Căn cứ A;\nThực hiện B." → ["A", "B"]: one basis per line or per ";", each once. */
export function basisParts(basis: string): string[] {
  return distinctBases(
    basis
      .normalize('NFC')
      .split(/[;\n]/)
      .map((p) => p.trim().replace(VERB, '').replace(/[\s;,.]+$/u, '').trim())
      .filter(Boolean),
  );
}

/** NĐ 30's order of force among the kinds a basis names; anything else (a province's plan …) after, as typed. */
const FORCE = [/^(?:hiến pháp|bộ luật|luật)\s/iu, /^nghị định\s/iu, /^thông tư\s/iu];
const force = (basis: string) => {
  const i = FORCE.findIndex((re) => re.test(basis));
  return i < 0 ? FORCE.length : i;
};

/** A basis below the national texts: a province's or a district's plan, guidance, decision. */
export const isLocal = (basis: string): boolean => force(basis) === FORCE.length;

/** The bases in NĐ 30's order; equal kinds keep their order. */
export function inForceOrder(bases: readonly string[]): string[] {
  return bases
    .map((b, i) => ({ b, i }))
    .sort((x, y) => force(x.b) - force(y.b) || x.i - y.i)
    .map((x) => x.b);
}

/**
 * The bases a unit's documents cite, from its rule set: its own, and the circular of the preset it
 * was made from (its id) unless that circular is cited already or no longer in force in `year`.
 */
export function citedBases(rs: Pick<RuleSet, 'id' | 'basis'>, year: number | null): string[] {
  const own = basisParts(rs.basis);
  const circular = PRESETS.find((p) => p.id === rs.id)?.basis;
  const add = circular !== undefined && !(year !== null && repealedFor(circular, year)) && !own.some((b) => sameBasis(b, circular));
  return inForceOrder(add ? [circular, ...own] : own);
}

/** Bases inside a sentence: "A", "A và B", "A; B và C" (a basis holds commas of its own); a blank to write in when none. */
export function listedBases(bases: readonly string[]): string {
  if (bases.length <= 1) return bases[0] ?? BLANK;
  return `${bases.slice(0, -1).join('; ')} và ${bases.at(-1)}`;
}

/** "Căn cứ {can_cu}" in a template: one "Căn cứ" line per basis, as NĐ 30 lists them (left for {can_cu} to fill when none). */
export function basisLines(text: string, bases: readonly string[]): string {
  return text.replace(/(Căn cứ|căn cứ) \{can_cu\}/g, (m, word: string) => (bases.length ? bases.map((b, i) => `${i ? 'Căn cứ' : word} ${b}`).join(';\n') : m));
}
