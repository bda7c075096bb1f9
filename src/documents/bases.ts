/**
 * What a document cites before its content: the bases the rule set's "Căn cứ" cell holds, as
 * the unit typed them (number and date included), with the national circular its preset rests
 * on where that is in force and not cited already. A basis is led by the verb the unit typed:
 * "Căn cứ" (a legal basis, the default, not kept in the string), or "Thực hiện" (a superior's
 * plan carried out) and "Theo", kept in front of it. NĐ 30/2020's order: the "Căn cứ" texts by
 * legal force (Luật, Nghị định, Thông tư, then the province's documents), then "Thực hiện", then "Theo".
 */
import { PRESETS } from '../domain/rules/presets';
import type { RuleSet } from '../domain/rules/ruleSet';
import { repealedFor } from './repealed';

const BLANK = '……………';

/** The verbs a basis may be led by, in NĐ 30's order; the first is the default a template prints. */
const VERBS = ['Căn cứ', 'Thực hiện', 'Theo'] as const;
type Verb = (typeof VERBS)[number];

/** A list mark and the verb typed ("căn cứ vào" is "Căn cứ"). */
const TYPED_VERB = /^(?:[-–•+]\s*)?(căn cứ(?:\s+vào)?|thực hiện|theo)\s+/iu;

/** "Thực hiện Kế hoạch …" → its verb and the text; a basis without a verb kept is a "Căn cứ". */
export function basisVerb(basis: string): { verb: Verb; text: string } {
  const m = TYPED_VERB.exec(basis);
  const verb = VERBS.find((v) => m && m[1]!.toLocaleLowerCase('vi').startsWith(v.toLocaleLowerCase('vi')));
  return verb && m ? { verb, text: basis.slice(m[0].length) } : { verb: 'Căn cứ', text: basis };
}

/** Same text however spaced or cased, whatever verb leads it. */
const key = (s: string) => basisVerb(s).text.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');

/** "24/2023/TT-BGDĐT" of "Thông tư số 24/2023/TT-BGDĐT ngày …": a number with its year names one text nationwide. */
const numberOf = (basis: string) => /\d+\/\d{4}\/[\p{L}\d-]+/u.exec(basis)?.[0];

/** One text however typed: by its number with year (a circular), else by its words (a plan's number recurs across provinces). */
export const sameBasis = (a: string, b: string): boolean => {
  const n = numberOf(a);
  return n !== undefined && n === numberOf(b) ? true : key(a) === key(b);
};

/** The part as kept: "Căn cứ" dropped (the template prints it), another verb written as NĐ 30 does. */
function keptVerb(part: string): string {
  const { verb, text } = basisVerb(part);
  return verb === 'Căn cứ' ? text : `${verb} ${text}`;
}

/** Each text once, as first typed. */
export function distinctBases(bases: readonly string[]): string[] {
  return bases.filter((b, i) => bases.findIndex((c) => sameBasis(c, b)) === i);
}

/** "Căn cứ A;\nThực hiện B." → ["A", "Thực hiện B"]: one basis per line or per ";", each once. */
export function basisParts(basis: string): string[] {
  return distinctBases(
    basis
      .normalize('NFC')
      .split(/[;\n]/)
      .map((p) => keptVerb(p.trim().replace(/[\s;,.]+$/u, '').trim()))
      .filter(Boolean),
  );
}

/** NĐ 30's order of force among the kinds a basis names; anything else (a province's plan …) after, as typed. */
const FORCE = [/^(?:hiến pháp|bộ luật|luật)\s/iu, /^nghị định\s/iu, /^thông tư\s/iu];
const force = (basis: string) => {
  const i = FORCE.findIndex((re) => re.test(basisVerb(basis).text));
  return i < 0 ? FORCE.length : i;
};
/** "Căn cứ" lines first, then "Thực hiện", then "Theo"; by force within each. */
const rank = (basis: string) => VERBS.indexOf(basisVerb(basis).verb) * (FORCE.length + 1) + force(basis);

/** A basis below the national texts: a province's or a district's plan, guidance, decision. */
export const isLocal = (basis: string): boolean => force(basis) === FORCE.length;

/** The bases in NĐ 30's order; equal kinds keep their order. */
export function inForceOrder(bases: readonly string[]): string[] {
  return bases
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
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

/** Bases inside a sentence, the sentence's verb for all: "A", "A và B", "A; B và C" (a basis holds commas of its own); a blank to write in when none. */
export function listedBases(bases: readonly string[]): string {
  const texts = bases.map((b) => basisVerb(b).text);
  if (texts.length <= 1) return texts[0] ?? BLANK;
  return `${texts.slice(0, -1).join('; ')} và ${texts.at(-1)}`;
}

/**
 * "Căn cứ {can_cu}" in a template: one line per basis, each led by its verb ("Căn cứ", "Thực hiện",
 * "Theo"), as NĐ 30 lists them (left for {can_cu} to fill when none). The template's case holds for the first.
 */
export function basisLines(text: string, bases: readonly string[]): string {
  return text.replace(/(Căn cứ|căn cứ) \{can_cu\}/g, (m, word: string) =>
    bases.length
      ? bases
          .map((b, i) => {
            const { verb, text: t } = basisVerb(b);
            return `${i === 0 && word === 'căn cứ' ? verb.toLocaleLowerCase('vi') : verb} ${t}`;
          })
          .join(';\n')
      : m,
  );
}
