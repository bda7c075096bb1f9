/**
 * What the unit asks for ("Thông tin đơn vị": level requested, receiving body's tier, the
 * previous recognition) against what its rule set recognises. Pure: dates come in as
 * calendar days, the caller reads them from the cells and says where each one is.
 */
import { foldKey } from '../text';
import { problem, type Location, type Problem } from '../problems';
import type { RuleSet } from './ruleSet';
import { TT24_RECOGNITION_ARTICLES } from './presets';

/** "Mức độ 2", "mức độ 2", "MĐ 2", "2" → 2; anything else → null. */
export function levelNumber(text: string): number | null {
  const m = /^(?:muc do|md)?\s*([12])$/.exec(foldKey(text));
  return m ? Number(m[1]) : null;
}

/**
 * A tier's own word ("cấp …", or a committee's "UBND …") → its key. Since 01/7/2025 (two tiers of
 * local government) the commune tier is the xã, the phường and the đặc khu; a thị trấn was
 * commune-level before, as the quận and the thị xã were district-level ("cấp huyện", the word
 * TT24 and users keep).
 */
const TIER_WORDS: readonly [RegExp, string][] = [
  [/^tinh\b/, 'tinh'],
  [/^(?:huyen|quan|thi xa)\b/, 'huyen'],
  [/^(?:xa|phuong|dac khu|thi tran)\b/, 'xa'],
];

/** A receiving body named for itself: every Sở is provincial; Phòng GD&ĐT existed only at the district. */
const BODY_WORDS: readonly [RegExp, string][] = [
  [/^so\b/, 'tinh'],
  [/^phong (?:gd ?dt|gd|giao duc)\b/, 'huyen'],
];

const COMMITTEE = /^(?:ubnd|uy ban nhan dan)\s+/;
/** "thành phố": a province or a district, see tierOf. */
const CITY = /^(?:thanh pho|tp)\b/;

/**
 * The tier a receiving body's text names: "cấp xã", "UBND phường", "Sở GD&ĐT", "UBND huyện Mỹ
 * Đức" → 'xa' / 'tinh' / 'huyen'; another tier typed as "cấp …" is its own word ("cấp trung ương"
 * → "trung uong"). Null when the text names no tier: a city's UBND ("UBND thành phố …") is a
 * province when the city is centrally run and was a district otherwise, so it is never guessed.
 * Evaluate and consolidation both compare tiers by it.
 */
export function tierOf(text: string): string | null {
  const k = foldKey(text).replace(COMMITTEE, '');
  // The place's name may follow ("UBND xã Cấp Dẫn"): the body's word first, then "cấp …".
  for (const [re, tier] of [...TIER_WORDS, ...BODY_WORDS]) if (re.test(k)) return tier;
  const m = /(?:^|\s)cap\s+(.+)$/.exec(k);
  if (!m || CITY.test(m[1]!)) return null;
  // A loop, not a callback made per call (its compiled code would not outlive a full collection in a reading worker).
  for (const [re, tier] of TIER_WORDS) if (re.test(m[1]!)) return tier;
  return m[1]!;
}

/** A tier as it is printed: "cap xa", "UBND xã" → "cấp xã"; a tier naming none of the three stays as typed. */
export const TIER_NAMES: Readonly<Record<string, string>> = { xa: 'cấp xã', huyen: 'cấp huyện', tinh: 'cấp tỉnh' };
export function tierName(typed: string): string {
  const key = tierOf(typed);
  return (key && TIER_NAMES[key]) ?? typed.trim();
}

/** The tiers a rule set lists that name one: the others are never compared (requestProblems says so). */
const namesTier = (x: string) => tierOf(x) !== null;
const namedTiers = (tiers: readonly string[]) => tiers.filter(namesTier);

/** Two texts naming the same tier; one that names none matches nothing. */
const sameTier = (a: string, b: string) => {
  const x = tierOf(a);
  return x !== null && x === tierOf(b);
};

/** One of the tiers names `tier`'s (a loop: a callback made per call loses its compiled code in a full collection). */
function listsTier(tiers: readonly string[], tier: string): boolean {
  for (const t of tiers) if (sameTier(t, tier)) return true;
  return false;
}

/** The TT24 tier and level of the recognition a rule set evaluates, when its "Căn cứ" cites TT24; else null. */
function tt24Recognition(rs: RuleSet): { tier: 'huyen' | 'tinh'; level: number } | null {
  if (!/(?:^|\s)24 2023 tt bgddt(?:\s|$)/.test(foldKey(rs.basis ?? ''))) return null;
  const m = /cap (huyen|tinh) muc do ([12])$/.exec(foldKey(rs.recognition ?? ''));
  return m ? { tier: m[1] as 'huyen' | 'tinh', level: Number(m[2]) } : null;
}

/**
 * "Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 12": the article setting the recognition the
 * rule set evaluates, read from its own data (its "Căn cứ" cites TT24; its recognition and level are
 * one TT24 sets). '' otherwise (TT22, a province's own rules): better no article than a wrong one.
 */
export function recognitionBasis(rs: RuleSet): string {
  const r = tt24Recognition(rs);
  if (!r || r.level !== rs.level) return '';
  const { circular, articles } = TT24_RECOGNITION_ARTICLES;
  return `${circular}, ${articles[r.tier][rs.level as 1 | 2]}`;
}

/** The legal text a rule set is cited by: its recognition's article, else its own “Căn cứ”. */
export function ruleSetBasis(rs: RuleSet): string {
  return recognitionBasis(rs) || rs.basis;
}

/** " (…, Điều n)": an article of TT24 on the recognition's tier, from `articles`; '' where none is known. */
function tierArticleNote(rs: RuleSet, articles: Partial<Record<'huyen' | 'tinh', string>>): string {
  const r = tt24Recognition(rs);
  const article = r && articles[r.tier];
  return article ? ` (${TT24_RECOGNITION_ARTICLES.circular}, ${article})` : '';
}

/** " (…, Điều 8)": the article setting level 2 only after level 1, for the recognition's TT24 tier; '' where none is known. */
export function level2Basis(rs: RuleSet): string {
  return tierArticleNote(rs, TT24_RECOGNITION_ARTICLES.conditions);
}

/** " (…, Điều 10)": the article setting the dossier deadline (15/01 of the next year), for the recognition's TT24 tier; '' where none is known. */
export function dossierDeadlineBasis(rs: RuleSet): string {
  return tierArticleNote(rs, TT24_RECOGNITION_ARTICLES.dossier);
}

/** recognitionBasis as the tier messages append it to the recognition: " (…)", or nothing. */
export function recognitionBasisNote(rs: RuleSet): string {
  const cited = recognitionBasis(rs);
  return cited ? ` (${cited})` : '';
}

export interface Field<T> {
  value: T;
  at?: Location;
}

export interface UnitRequest {
  /** "Mức độ đề nghị công nhận" as typed. */
  level: Field<string>;
  /** "Cấp của đơn vị tổng hợp" as typed. */
  receiverTier: Field<string>;
  /** Day of the previous recognition decision, or null (blank); 'invalid' when unreadable. */
  previousDate: Field<Date | null | 'invalid'>;
  previousLevel: Field<string>;
  /** The evaluation year: the dossier is due on 15/01 of the next one (TT24 Điều 10); null when unreadable. */
  year: number | null;
}

const fmt = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

/** d + n calendar months (31/01 + 1 → 28/02 or 29/02: clamped to the month's last day). */
export function addMonths(d: Date, n: number): Date {
  const target = new Date(d.getFullYear(), d.getMonth() + n, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(d.getDate(), last));
}

/**
 * The level a unit asks for: the one it typed, else its rule set's. A rule set that rates
 * (level null, TT22) has no levels; one from an older sheet (undefined) goes by the unit's.
 */
export function requestedLevel(rs: RuleSet, typed: string): number | null {
  return rs.level === null ? null : (levelNumber(typed) ?? rs.level ?? null);
}

export type Level2Wait = { kind: 'noPrevious' } | { kind: 'tooSoon'; due: Date; deadline: Date };

/**
 * TT24: level 2 only 12 months after the level-1 decision. Reckoned to the day the dossier is
 * due (15/01 after the evaluation year, Điều 10), the one day the request is made on: a dossier
 * is in time or not whether it is evaluated in December or consolidated in February. A unit
 * already at level 2 renewing it waits for nothing. `previous` 'invalid' is said at its cell;
 * `year` null (unreadable) leaves no deadline to reckon to. Null: nothing to say.
 */
export function level2Wait(level: number | null, previous: Date | null | 'invalid', previousLevel: string, year: number | null): Level2Wait | null {
  if (level !== 2 || levelNumber(previousLevel) === 2 || previous === 'invalid') return null;
  if (previous === null) return { kind: 'noPrevious' };
  if (year === null) return null;
  const due = addMonths(previous, 12);
  const deadline = new Date(year + 1, 0, 15);
  return due > deadline ? { kind: 'tooSoon', due, deadline } : null;
}

/** A recognition is kept for 36 months after the year of its decision: to 31/12 three years on. */
export function recognitionValidUntil(decided: Date): Date {
  return new Date(decided.getFullYear() + 3, 11, 31);
}

/**
 * The wait for level 2 of a unit's request (level2Wait), as requestProblems warns of it: none from a
 * previous recognition after `asOf` (the day the request is checked), a typo said at its cell.
 */
export function requestWait(rs: RuleSet, req: UnitRequest, asOf?: Date): Level2Wait | null {
  const prev = req.previousDate.value;
  if (asOf !== undefined && prev instanceof Date && prev > asOf) return null;
  return level2Wait(requestedLevel(rs, req.level.value), prev, req.previousLevel.value, req.year);
}

/** Where the rule set's own settings are typed ("Tiêu chí"), for what is said of them. */
export interface RuleSetCells {
  receiverTiers?: Location;
}

/** `asOf`: the day the request is checked (evaluate's); a previous recognition after it is a typo. */
export function requestProblems(rs: RuleSet, req: UnitRequest, ruleSetAt: RuleSetCells = {}, asOf?: Date): Problem[] {
  const out: Problem[] = [];
  const typed = levelNumber(req.level.value);
  if (rs.level && typed !== null && typed !== rs.level) {
    out.push(problem('warning', 'levelMismatch', { requested: req.level.value.trim(), recognition: rs.recognition || rs.name }, req.level.at));
  }
  const prev = req.previousDate.value;
  // A recognition still to come cannot be waited from: said as the typo it is (consolidation flags it by its own day).
  const future = asOf !== undefined && prev instanceof Date && prev > asOf;
  if (future) out.push(problem('warning', 'previousDateFuture', { date: fmt(prev), asOf: fmt(asOf) }, req.previousDate.at));
  const wait = requestWait(rs, req, asOf);
  if (wait?.kind === 'noPrevious') out.push(problem('warning', 'level2NoPrevious', { basis: level2Basis(rs) }, req.previousDate.at ?? req.level.at));
  else if (wait?.kind === 'tooSoon') {
    out.push(problem('warning', 'level2TooSoon', { date: fmt(req.previousDate.value as Date), due: fmt(wait.due), deadline: fmt(wait.deadline), deadlineBasis: dossierDeadlineBasis(rs), basis: level2Basis(rs) }, req.previousDate.at));
  }
  // A listed tier naming none (a city's UBND) would match nothing: said where it is typed, never compared.
  for (const listed of rs.receiverTiers ?? []) if (tierOf(listed) === null) out.push(problem('warning', 'receiverTierUnknown', { tier: listed }, ruleSetAt.receiverTiers));
  const tiers = namedTiers(rs.receiverTiers ?? []);
  const tier = req.receiverTier.value.trim();
  // Whatever the rule set lists: the body compares it at consolidation, the dossier prints it.
  if (tier && tierOf(tier) === null) out.push(problem('warning', 'tierUnknown', { tier }, req.receiverTier.at));
  else if (tiers.length && tier && !listsTier(tiers, tier)) {
    out.push(problem('warning', 'tierMismatch', { tier, recognition: rs.recognition || rs.name, tiers: tiers.join(', '), basis: recognitionBasisNote(rs) }, req.receiverTier.at));
  }
  return out;
}

/**
 * The consolidating body's tier against a unit's dossier: `ruleSet`, its rule set is received by
 * other tiers (`tiers`; none listed: any); `typed`, the unit addressed it to another tier. A typed
 * tier the rule set does not list is requestProblems' warning at the unit's cell, never said twice.
 */
export function bodyTierMismatch(body: string, tiers: readonly string[], typed: string): 'ruleSet' | 'typed' | null {
  const b = tierOf(body);
  // A body or a unit naming no tier is told so where it typed it (tierUnknown), never compared.
  const t = tierOf(typed);
  if (b === null) return null;
  const named = namedTiers(tiers);
  const listed = (x: string) => named.length === 0 || named.some((y) => tierOf(y) === x);
  if (!listed(b)) return t === b ? null : 'ruleSet';
  return t !== null && t !== b && listed(t) ? 'typed' : null;
}
