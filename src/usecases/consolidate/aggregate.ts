/**
 * Everything that needs more than one file: duplicates (same unit name + year: the newer
 * evaluation is kept, both are reported, a type that differs as such; a byte-identical copy only as the copy;
 * another unit's members or place under that name: both kept, both said), years
 * that differ from most units', the consolidating body's reference rule set,
 * the 12-month and 36-month rules, counts per outcome and pass rates per indicator.
 * Holds only the small per-file records.
 */
import type { RuleSet } from '../../domain/rules/ruleSet';
import { comparable, criterionIdentity, indicatorIdentity, type ComparableRuleSet } from '../../domain/rules/compare';
import { foldKey } from '../../domain/text';
import { UNIT_FIELDS } from '../../sheets/unitSheet';
import { SHEETS } from '../../sheets/names';
import { evaluationYears, readYear } from '../../domain/years';
import { t, type Lang, type MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { serialToDate } from './dates';
import { bodyTierMismatch, level2Wait, recognitionValidUntil, tierName, tierOf } from '../../domain/rules/request';
import { handedOutFlag } from '../handout';
import { ruleSetDeparture, type RuleSetDeparture } from '../ruleSetDeparture';
import { SAME_LIST_MIN, type FileOutcome, type FileReport, type Flag, type UnitRecord } from './records';
import { citedBases } from '../../documents/bases';
import { presetReference, ruleSetChangeText, THRESHOLD_WORDS } from '../../i18n/ruleSetChanges';

export interface ConsolidateOptions {
  /** The consolidating body and its tier, as the user typed them (the tier is printed by its name: "cap xa" → "cấp xã"). */
  body: string;
  tier: string;
  /** The body's reference rule set (`--rule-set`); null: each unit against the preset its workbook names. */
  ruleSet?: RuleSet | null;
  /** The day of the consolidation (12/36-month rules); default today. */
  asOf?: Date;
  lang?: Lang;
}

export interface ConsolidatedUnit {
  record: UnitRecord;
  file: string;
}

export interface ConsolidationResult {
  body: string;
  tier: string;
  ruleSet: { id: string; name: string } | null;
  asOf: Date;
  units: ConsolidatedUnit[];
  files: FileReport[];
  counts: { label: string; count: number }[];
  /** `leftOut`: units whose indicator of that code is another one (another rule set's, or edited). */
  passRates: { code: string; text: string; met: number; evaluated: number; leftOut: number }[];
  /** Per code, the indicator (domain indicatorIdentity) its column and pass rate hold: the reference's, or the one most units have. */
  indicatorIds: ReadonlyMap<string, string>;
  /** Per code, the criterion (domain criterionIdentity) its column "TC…" holds, chosen as the indicators are. */
  criterionIds: ReadonlyMap<string, string>;
  /** The table's criteria in code order, each with the units left out of its column (another criterion of that code). */
  criteria: { code: string; leftOut: number }[];
  /** Every file counted once: files = units + duplicates + skipped + rejected; `identical` among the duplicates, `flagged` among the units. */
  summary: { files: number; units: number; rejected: number; duplicates: number; identical: number; skipped: number; flagged: number };
}

/** The summary in one sentence, its numbers adding up to the files found: the CLI's and the pane's done line, both sheets. */
export function summaryText(s: ConsolidationResult['summary'], lang: Lang): string {
  const flaggedPart = s.flagged ? t(lang, 'consolidate.summary.flagged', s) : '';
  const identicalPart = s.identical ? t(lang, 'consolidate.summary.identical', s) : '';
  return t(lang, 'consolidate.summary', { ...s, flaggedPart, identicalPart });
}

export class Consolidation {
  private readonly outcomes: FileOutcome[] = [];
  /** Each unit's rule-set flag, worked out as it arrives (the caller is idle while files are read), kept for finish(). */
  private readonly ruleSetFlags = new Map<FileOutcome, Flag | null>();
  /** Each unit's duplicate key, folded as it arrives for the same reason. */
  private readonly unitKeys = new Map<FileOutcome, string>();
  /** Per indicator (its identity, not only its code), units meeting it and units evaluated on it, counted as they arrive. */
  private readonly rateCounts: RateCounts = new Map();
  private readonly references = new Map<RuleSet, ComparableRuleSet>();
  /** citedBases by rule set, year and "Căn cứ" text. */
  private readonly bases = new Map<string, string[]>();
  private readonly asOf: Date;
  /** The body's indicators and criteria by code, when it names its rule set. */
  private readonly referenceIds: Map<string, string> | null;
  private readonly referenceCriteria: Map<string, string> | null;

  private readonly options: ConsolidateOptions;

  constructor(options: ConsolidateOptions) {
    // Printed in the heading and the remarks as the officer's documents print it.
    this.options = { ...options, tier: tierName(options.tier) };
    this.asOf = options.asOf ?? new Date();
    const rs = options.ruleSet;
    this.referenceIds = rs ? new Map(rs.indicators.map((i) => [i.code, indicatorIdentity(rs.mode, i)])) : null;
    this.referenceCriteria = rs ? new Map(rs.criteria.map((c) => [c.code, criterionIdentity(rs.mode, c.code, rs.indicators)])) : null;
  }

  /** A unit's bases by its rule set, "Căn cứ" and year: the same for most units of a batch. */
  private basesOf(u: UnitRecord): string[] {
    const key = `${u.ruleSet.id}\n${u.year ?? ''}\n${u.basis}`;
    let bases = this.bases.get(key);
    if (!bases) this.bases.set(key, (bases = citedBases({ id: u.ruleSet.id, basis: u.basis }, u.year)));
    return bases;
  }

  /** Files may arrive in any order (workers); `index` keeps the report in input order. */
  add(outcome: FileOutcome, index = this.outcomes.length): void {
    this.outcomes[index] = outcome;
    if (outcome.unit) {
      // Before the unit's row is drawn and its duplicate key made: both use the year as read.
      readUnitYear(outcome.unit, outcome.report.file, this.asOf, this.options.lang ?? 'vi');
      outcome.unit.bases = this.basesOf(outcome.unit);
      const tier = bodyTierFlag(outcome.unit, outcome.report.file, this.options.tier, this.tierMismatch(outcome.unit.receiving), this.options.lang ?? 'vi');
      if (tier) outcome.unit.flags.push(tier);
      const departure = this.flagRuleSet(outcome.unit);
      // What to do is said once: a disagreement's remark may have said it.
      this.ruleSetFlags.set(outcome, departure && (toldToSwitch(outcome.unit) ? departure.plain : departure.advised));
      this.unitKeys.set(outcome, unitKey(outcome.unit));
      countRates(this.rateCounts, outcome.unit, 1);
    }
  }

  /** bodyTierMismatch by the receiving tiers' list and the tier typed: records from the reading threads share the list. */
  private readonly tierMismatches = new WeakMap<readonly string[], Map<string, 'ruleSet' | 'typed' | null>>();

  private tierMismatch(r: UnitRecord['receiving']): 'ruleSet' | 'typed' | null {
    let byTyped = this.tierMismatches.get(r.tiers);
    if (!byTyped) this.tierMismatches.set(r.tiers, (byTyped = new Map()));
    let found = byTyped.get(r.typed);
    if (found === undefined) byTyped.set(r.typed, (found = bodyTierMismatch(this.options.tier, r.tiers, r.typed)));
    return found;
  }

  /** Flags by the unit's rule set as text: units sharing a rule set (most do) are compared once. */
  private readonly flagsByRuleSet = new Map<string, DepartureFlag | null>();

  /** The same by the rule set object: records from the CLI's reading threads share it (poolParts.ts), no text to make. */
  private readonly flagsBySharedRuleSet = new WeakMap<UnitRecord['ruleSet'], DepartureFlag | null>();

  private flagRuleSet(u: UnitRecord): DepartureFlag | null {
    let flag = this.flagsBySharedRuleSet.get(u.ruleSet);
    if (flag !== undefined) return flag;
    const key = JSON.stringify(u.ruleSet);
    flag = this.flagsByRuleSet.get(key);
    if (flag === undefined) this.flagsByRuleSet.set(key, (flag = this.compareRuleSet(u)));
    this.flagsBySharedRuleSet.set(u.ruleSet, flag);
    return flag;
  }

  /** Against the body's reference, or by default the preset the unit's workbook names, or the rule set handed out (ruleSetDeparture). */
  private compareRuleSet(u: UnitRecord): DepartureFlag | null {
    const d = ruleSetDeparture(u.ruleSet, this.options.ruleSet ?? null, this.shapeOf);
    return d && departureFlag(u, d, this.options.lang ?? 'vi');
  }

  /** A reference's comparable form, worked out once. */
  private readonly shapeOf = (reference: RuleSet): ComparableRuleSet => {
    let shape = this.references.get(reference);
    if (!shape) this.references.set(reference, (shape = comparable(reference)));
    return shape;
  };

  finish(): ConsolidationResult {
    const lang = this.options.lang ?? 'vi';
    const asOf = this.asOf;
    const outcomes = this.outcomes.filter((o): o is FileOutcome => o !== undefined);
    const { kept, identical } = resolveDuplicates(outcomes, (o) => this.unitKeys.get(o)!, lang);
    const yearFlags = otherYearFlags(kept.map((o) => o.unit!), lang);
    const listFlags = sameMembersFlags(kept, lang);
    // The dropped duplicates' indicators leave the counts (on a copy: finish may be asked again).
    const rateCounts: RateCounts = new Map([...this.rateCounts].map(([id, c]) => [id, { ...c }]));
    const keptSet = new Set(kept);
    for (const o of outcomes) if (o.unit && !keptSet.has(o)) countRates(rateCounts, o.unit, -1);
    const keptUnits = kept.map((o) => o.unit!);
    const indicatorIds = tableIds(keptUnits.map((u) => u.indicators), (id) => rateCounts.get(id)?.units ?? 0, this.referenceIds);
    const criteria = keptUnits.map((u) => u.criteria);
    const criterionCounts = new Map<string, number>();
    for (const c of criteria.flat()) criterionCounts.set(c.identity, (criterionCounts.get(c.identity) ?? 0) + 1);
    const criterionIds = tableIds(criteria, (id) => criterionCounts.get(id) ?? 0, this.referenceCriteria);
    for (const o of kept) {
      const u = o.unit!;
      const f = this.ruleSetFlags.get(o) ?? null;
      if (f) u.flags.push(f);
      const other = otherIndicatorsFlag(u, indicatorIds, lang);
      if (other) u.flags.push(other);
      const otherCriteria = otherCriteriaFlag(u, criterionIds, lang);
      if (otherCriteria) u.flags.push(otherCriteria);
      const y = yearFlags.get(u);
      if (y) u.flags.push(y);
      const list = listFlags.get(u);
      if (list) u.flags.push(list);
      u.flags.push(...dateFlags(u, asOf, lang));
      o.report.status = u.flags.length ? 'flagged' : 'consolidated';
      o.report.reasons = u.flags.map((f) => f.message);
    }
    const units = kept.map((o) => ({ record: o.unit!, file: o.report.file }));
    const files = outcomes.map((o) => o.report);
    return {
      body: this.options.body,
      tier: this.options.tier,
      ruleSet: this.options.ruleSet ? { id: this.options.ruleSet.id, name: this.options.ruleSet.name } : null,
      asOf,
      units,
      files,
      counts: countOutcomes(units, lang),
      passRates: passRates(units, rateCounts, indicatorIds),
      indicatorIds,
      criterionIds,
      criteria: [...criterionIds.keys()].sort(compareCodes).map((code) => ({ code, leftOut: criteria.filter((cs) => cs.some((c) => c.code === code && c.identity !== criterionIds.get(code))).length })),
      summary: {
        files: files.length,
        units: units.length,
        rejected: files.filter((f) => f.status === 'rejected').length,
        duplicates: files.filter((f) => f.status === 'duplicate').length,
        identical,
        skipped: files.filter((f) => f.status === 'skipped').length,
        flagged: units.filter((u) => u.record.flags.length > 0).length,
      },
    };
  }
}

/**
 * Same unit: same name and year. A unit type that differs is the unit's question to answer (a
 * duplicate said so), not a second unit. A nameless unit is nobody's duplicate but a byte-identical copy's.
 */
function unitKey(u: UnitRecord): string {
  return `${foldKey(u.name)}|${u.year ?? foldKey(u.typedYear.text)}${u.name === '' ? `|${u.contents}` : ''}`;
}

/** The unit's year by the domain's rule (the one evaluate checks the cell with); one that is not a year is flagged, not shown. */
function readUnitYear(u: UnitRecord, file: string, asOf: Date, lang: Lang): void {
  const read = readYear(u.typedYear.text, asOf);
  u.year = read.kind === 'year' ? read.year : null;
  if (read.kind === 'year') return;
  const range = evaluationYears(asOf);
  const params = { file, where: u.typedYear.where, example: asOf.getFullYear(), min: range.min, max: range.max };
  u.flags.push({ code: 'badYear', message: read.kind === 'blank' ? t(lang, 'consolidate.flag.noYear', params) : t(lang, 'consolidate.flag.badYear', { ...params, value: read.text }) });
}

/**
 * Units whose year is not the one most units have (last year's workbook sent again): flagged
 * with that year; when no year leads, every unit with a year, naming them all.
 */
function otherYearFlags(units: UnitRecord[], lang: Lang): Map<UnitRecord, Flag> {
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== null) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  const flags = new Map<UnitRecord, Flag>();
  if (counts.size < 2) return flags;
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [majority, count] = ranked[0]!;
  const total = units.filter((u) => u.year !== null).length;
  const tie = ranked[1]![1] === count;
  const years = [...counts.keys()].sort((a, b) => a - b).join(', ');
  for (const u of units) {
    if (u.year === null || (!tie && u.year === majority)) continue;
    const message = tie ? t(lang, 'consolidate.flag.yearMixed', { years, year: u.year }) : t(lang, 'consolidate.flag.yearDiffers', { year: u.year, majority, count, total });
    flags.set(u, { code: 'yearDiffers', message });
  }
  return flags;
}

/**
 * Units of other names with one member list, the same names giving the same figures (UnitRecord.members):
 * one workbook copied and renamed, its figures another unit's. Each is flagged with the others (a
 * unit's files of other years share its list and its name: not flagged).
 */
function sameMembersFlags(kept: FileOutcome[], lang: Lang): Map<UnitRecord, Flag> {
  const byList = new Map<string, FileOutcome[]>();
  for (const o of kept) {
    const key = o.unit!.members;
    if (key === '') continue;
    const same = byList.get(key);
    if (same) same.push(o);
    else byList.set(key, [o]);
  }
  const flags = new Map<UnitRecord, Flag>();
  const SHOWN = 3;
  for (const group of byList.values()) {
    if (group.length < 2) continue;
    for (const o of group) {
      const u = o.unit!;
      const others = group.filter((x) => foldKey(x.unit!.name) !== foldKey(u.name));
      if (!others.length) continue;
      const shown = others.slice(0, SHOWN);
      const more = others.length > SHOWN ? t(lang, 'consolidate.flag.sameMembersMore', { count: others.length - SHOWN }) : '';
      const units = shown.map((x) => `“${x.unit!.name}”`).join(', ') + more;
      const files = shown.map((x) => `“${x.report.file}”`).join(', ') + (more ? ', …' : '');
      flags.set(u, { code: 'sameMembers', message: t(lang, 'consolidate.flag.sameMembers', { count: u.countedMembers, units, files }) });
    }
  }
  return flags;
}

/** Below this share of the shorter list's names found in the other, two lists are two units' (a unit sent again keeps most of its staff). */
const SAME_UNIT_SHARE = 0.5;

/** Why two files of one unit name and year hold two units, or null when they may be one unit sent again. */
type OtherData = { kind: 'members'; shared: number; listed: number } | { kind: 'field'; field: string; value: string; otherValue: string };

/**
 * Two files of one name and year are one unit sent again unless their data say otherwise: lists of
 * SAME_LIST_MIN names or more sharing less than SAME_UNIT_SHARE of the shorter one's names; with a
 * shorter list, "Địa danh" or "Cơ quan chủ quản" typed in both and different. Fields alone never
 * part two long lists that agree (a clerk mends a typo in the place).
 */
function otherData(a: UnitRecord, b: UnitRecord): OtherData | null {
  if (a.contents === b.contents) return null;
  const [shorter, longer] = a.memberNames.length <= b.memberNames.length ? [a, b] : [b, a];
  if (shorter.memberNames.length >= SAME_LIST_MIN) {
    const names = new Set(longer.memberNames);
    const shared = shorter.memberNames.filter((n) => names.has(n)).length;
    return shared < shorter.memberNames.length * SAME_UNIT_SHARE ? { kind: 'members', shared, listed: shorter.memberNames.length } : null;
  }
  for (const [key, field] of [['place', UNIT_FIELDS.place], ['parent', UNIT_FIELDS.parent]] as const) {
    if (a[key] !== '' && b[key] !== '' && foldKey(a[key]) !== foldKey(b[key])) return { kind: 'field', field, value: a[key], otherValue: b[key] };
  }
  return null;
}

/**
 * A group of one name and year split into units: a file joins every part holding a file that may be
 * the same unit's (those parts become one), so any two files of two parts hold two units' data.
 */
function sameUnitParts(group: FileOutcome[]): FileOutcome[][] {
  let parts: FileOutcome[][] = [];
  for (const o of group) {
    const same = parts.filter((p) => p.some((x) => otherData(x.unit!, o.unit!) === null));
    parts = [...parts.filter((p) => !same.includes(p)), [...same.flat(), o]];
  }
  // In the files' order (a tie of dates keeps the later file), the parts in that of their first files, as the table lists them.
  const at = (o: FileOutcome) => group.indexOf(o);
  return parts.map((p) => p.sort((a, b) => at(a) - at(b))).sort((a, b) => at(a[0]!) - at(b[0]!));
}

/** Said once of each kept file of a name and year holding two units or more: the other files, what differs from each, what to check. */
function sameNameFlags(kept: FileOutcome, others: FileOutcome[], lang: Lang): Flag[] {
  const u = kept.unit!;
  const whys = others.map((o) => {
    // Never null: files of two parts hold two units' data (sameUnitParts).
    const d = otherData(u, o.unit!)!;
    return d.kind === 'members' ? t(lang, 'consolidate.flag.sameNameMembers', { shared: d.shared, listed: d.listed }) : t(lang, 'consolidate.flag.sameNameField', d);
  });
  const file = kept.report.file;
  if (others.length === 1) return [{ code: 'sameNameOtherData', message: t(lang, 'consolidate.flag.sameNameOtherData', { file, other: others[0]!.report.file, name: u.name, why: whys[0]! }) }];
  const each = others.map((o, i) => t(lang, 'consolidate.flag.sameNameOther', { other: o.report.file, why: whys[i]! })).join('; ');
  return [{ code: 'sameNameOtherData', message: t(lang, 'consolidate.flag.sameNameOtherDataMany', { file, count: others.length, name: u.name, others: each }) }];
}

/**
 * Keeps the newest evaluation of each unit; the others become 'duplicate' with a reason (`identical`: byte-identical
 * copies among them). Files of one name and year holding other units' data (otherData) are other units: each kept, each flagged.
 */
function resolveDuplicates(outcomes: FileOutcome[], keyOf: (o: FileOutcome) => string, lang: Lang): { kept: FileOutcome[]; identical: number } {
  const groups = new Map<string, FileOutcome[]>();
  for (const o of outcomes) {
    if (!o.unit) continue;
    const k = keyOf(o);
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  const keptSet = new Set<FileOutcome>();
  let identical = 0;
  for (const group of groups.values()) {
    const parts = group.length > 1 ? sameUnitParts(group) : [group];
    const keptOfParts: FileOutcome[] = [];
    for (const g of parts) {
      // Newest evaluation wins; on a tie (or none recorded) the later file in the list.
      let best = g[0]!;
      for (const o of g) if ((o.unit!.recorded.evaluatedAt ?? -1) > (best.unit!.recorded.evaluatedAt ?? -1) - SAME_EVALUATION) best = o;
      keptSet.add(best);
      for (const o of g) {
        if (o === best) continue;
        o.report.status = 'duplicate';
        const [dropped, kept] = duplicateWords(o.unit!, best.unit!);
        const at = o.unit!.recorded.evaluatedAt;
        o.report.reasons = [t(lang, dropped, { file: o.report.file, other: best.report.file, type: o.unit!.type, otherType: best.unit!.type, date: evaluatedOn(at, best.unit!.recorded.evaluatedAt, lang) })];
        // A byte-identical copy is no conflict: only the copy's own report says it.
        if (kept) best.unit!.flags.push({ code: 'duplicate', message: t(lang, kept, { file: best.report.file, other: o.report.file, type: best.unit!.type, otherType: o.unit!.type }) });
        else identical++;
      }
      keptOfParts.push(best);
    }
    if (keptOfParts.length > 1) for (const o of keptOfParts) o.unit!.flags.push(...sameNameFlags(o, keptOfParts.filter((x) => x !== o), lang));
  }
  return { kept: outcomes.filter((o) => keptSet.has(o)), identical };
}

const clock = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The day a dropped copy was evaluated; on the kept one's day, both times too (a mended file is often sent the same day). */
function evaluatedOn(at: number | null, keptAt: number | null, lang: Lang): string {
  if (at === null) return '';
  const day = serialToDate(at);
  const other = keptAt === null ? null : serialToDate(keptAt);
  if (!other || formatDate(other) !== formatDate(day)) return formatDate(day);
  return t(lang, 'consolidate.flag.sameDayTimes', { date: formatDate(day), time: clock(day), otherTime: clock(other) });
}

/**
 * Evaluation times (day serials) less than a second apart are one evaluation: a copy saved by a program that writes
 * numbers to 15 digits (LibreOffice, WPS) moves it by microseconds, and would pass for a newer evaluation.
 */
const SAME_EVALUATION = 1 / 86_400;

/** What is said of a dropped copy and of the kept one (nothing of an identical copy): "older" only from an earlier evaluation date. */
function duplicateWords(dropped: UnitRecord, kept: UnitRecord): [MessageKey, MessageKey | null] {
  if (dropped.contents === kept.contents) return ['consolidate.flag.duplicateIdentical', null];
  // Which type is right only the unit knows, whichever evaluation is newer.
  if (foldKey(dropped.type) !== foldKey(kept.type)) return ['consolidate.flag.duplicateTypeDiffers', 'consolidate.flag.duplicateTypeDiffersKept'];
  const at = dropped.recorded.evaluatedAt;
  const keptAt = kept.recorded.evaluatedAt;
  if (at === null && keptAt !== null) return ['consolidate.flag.duplicateNotEvaluated', 'consolidate.flag.duplicateNotEvaluatedKept'];
  if (at !== null && keptAt !== null && at < keptAt - SAME_EVALUATION) return ['consolidate.flag.duplicateDropped', 'consolidate.flag.duplicateKept'];
  return ['consolidate.flag.duplicateUndecided', 'consolidate.flag.duplicateUndecidedKept'];
}

/** A rule set's departure as remarked: alone, and with what the unit is to do (the same when there is nothing to mend). */
interface DepartureFlag {
  plain: Flag;
  advised: Flag;
}

/**
 * A departure as the officer's remark: against the body's reference or the preset the unit's own
 * workbook names (a rule set named as no preset, never handed out, has nothing to compare), or the
 * rule set handed out, its edits named where it was a preset handed out as it is.
 */
function departureFlag(u: UnitRecord, d: RuleSetDeparture, lang: Lang): DepartureFlag {
  const details = d.changes.map((c) => ruleSetChangeText(c, THRESHOLD_WORDS[d.against], u.ruleSet.name, lang)).join('; ');
  // What keeps the unit out says what it is to do: take the rule set it is held to, evaluate again.
  const both = (plain: Flag, ruleSet: string): DepartureFlag => ({ plain, advised: { ...plain, message: t(lang, 'consolidate.flag.ruleSetAdvice', { message: plain.message, sheet: SHEETS.criteria, ruleSet }) } });
  const alone = (plain: Flag): DepartureFlag => ({ plain, advised: plain });
  if (d.against === 'handout') {
    return details ? both({ code: 'ruleSetEdited', message: t(lang, 'handout.flagEditedDetails', { name: u.ruleSet.name, id: u.ruleSet.id, details }) }, u.ruleSet.name) : alone(handedOutFlag(u.ruleSet, lang)!);
  }
  const name = d.reference!.name;
  // A preset is cited by its legal text, as evaluation's warnings cite it.
  const preset = presetReference(d.reference!, lang);
  // Held to the lower reference, a unit that asked more of itself has nothing to mend: said, not kept out.
  if (d.stricterOnly) {
    return alone(
      d.against === 'body'
        ? { code: 'ruleSetStricter', message: t(lang, 'consolidate.flag.ruleSetStricter', { body: name, details }) }
        : { code: 'ruleSetStricter', message: t(lang, 'consolidate.flag.presetStricter', { preset, details }) },
    );
  }
  return d.against === 'body'
    ? both({ code: 'ruleSet', message: t(lang, 'consolidate.flag.ruleSet', { body: name, details }) }, name)
    : both({ code: 'ruleSetEdited', message: t(lang, 'consolidate.flag.ruleSetEdited', { preset, details }) }, name);
}

/** A disagreement of a unit whose data are as evaluated already told it to take the rule set it is held to (readUnit's disagreeAdviceRules). */
const toldToSwitch = (u: UnitRecord) => u.flags.some((f) => f.code === 'disagree') && !u.flags.some((f) => f.code === 'stale');

/**
 * Level 2 only 12 months after the previous recognition, by evaluate's rule (domain level2Wait:
 * to the unit's dossier deadline, not to the day of the consolidation); a recognition lasts 36
 * months after its year, reckoned to the day of the consolidation.
 */
function dateFlags(u: UnitRecord, asOf: Date, lang: Lang): Flag[] {
  const flags: Flag[] = [];
  // An unreadable date is flagged where it was read (badDate); no rule is reckoned from it.
  const unreadable = u.previousDate === null && u.flags.some((f) => f.code === 'badDate');
  const prev = u.previousDate === null ? null : serialToDate(u.previousDate);
  // A recognition still to come is a typo: no rule reckoned from it would mean anything.
  if (prev && prev > asOf) return [{ code: 'badDate', message: t(lang, 'consolidate.flag.futureDate', { date: formatDate(prev), asOf: formatDate(asOf) }) }];
  const wait = level2Wait(u.requestedLevel, unreadable ? 'invalid' : prev, u.previousLevel, u.year);
  // The rule and its article, as the unit's own evaluation cites them.
  const rule = t(lang, 'consolidate.flag.level2Rule', { basis: u.receiving.level2Basis });
  if (wait?.kind === 'noPrevious') flags.push({ code: 'level2NoPrevious', message: t(lang, 'consolidate.flag.level2NoPrevious', { rule }) });
  // As unknown as no date for level 2, which needs one: kept out as that is (a level-1 request is only told of the date).
  if (unreadable && level2Wait(u.requestedLevel, null, u.previousLevel, u.year)?.kind === 'noPrevious') flags.push({ code: 'level2BadDate', message: t(lang, 'consolidate.flag.level2BadDate', { rule }) });
  if (wait?.kind === 'tooSoon') {
    flags.push({ code: 'level2TooSoon', message: t(lang, 'consolidate.flag.level2TooSoon', { date: formatDate(prev!), due: formatDate(wait.due), deadline: formatDate(wait.deadline), deadlineBasis: u.receiving.deadlineBasis, rule }) });
  }
  if (!prev) return flags;
  const until = recognitionValidUntil(prev);
  if (asOf > until) flags.push({ code: 'expired', message: t(lang, 'consolidate.flag.expired', { date: formatDate(prev), until: formatDate(until) }) });
  return flags;
}

function countOutcomes(units: ConsolidatedUnit[], lang: Lang): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  const rank = (label: string) => {
    if (label.startsWith(t(lang, 'consolidate.outcome.recognisedNoLevel'))) return 0;
    if (label === t(lang, 'consolidate.outcome.notRecognised')) return 2;
    if (label === t(lang, 'consolidate.outcome.notEvaluable')) return 3;
    return 1;
  };
  for (const u of units) counts.set(u.record.outcome.label, (counts.get(u.record.outcome.label) ?? 0) + 1);
  return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label, 'vi'));
}

/** By indicator identity: its code, units meeting it, units evaluated on it, units that have it. */
type RateCounts = Map<string, { code: string; met: number; evaluated: number; units: number }>;

/** Adds (`sign` 1) or takes back (-1) a unit's indicators in the counts. */
function countRates(counts: RateCounts, u: UnitRecord, sign: 1 | -1): void {
  for (const i of u.indicators) {
    let e = counts.get(i.identity);
    if (!e) counts.set(i.identity, (e = { code: i.code, met: 0, evaluated: 0, units: 0 }));
    e.units += sign;
    if (i.status === 'met' || i.status === 'not_met') e.evaluated += sign;
    if (i.status === 'met') e.met += sign;
  }
}

/** An indicator or a criterion of a unit: its code, and what it is beyond its code. */
interface Identified {
  code: string;
  identity: string;
}

/**
 * Per code, the one indicator (or criterion) the table's column holds, among those the kept
 * units have (`held`: by how many): the reference's; without one, the one most units have (a
 * tie: the earlier file's), so a few TT22 units never turn TT24's 2.1 into theirs.
 */
function tableIds(units: readonly (readonly Identified[])[], held: (id: string) => number, reference: Map<string, string> | null): Map<string, string> {
  const ids = new Map<string, string>();
  if (reference) {
    for (const [code, id] of reference) if (held(id) > 0) ids.set(code, id);
    return ids;
  }
  const count = (id: string | undefined) => (id === undefined ? 0 : held(id));
  for (const items of units) for (const i of items) if (count(i.identity) > count(ids.get(i.code))) ids.set(i.code, i.identity);
  return ids;
}

/** The codes of the unit's items that are not the table's of their code. */
const otherCodes = (items: readonly Identified[], ids: ReadonlyMap<string, string>) => items.filter((i) => ids.get(i.code) !== i.identity).map((i) => i.code);

/** The unit's indicators that are not the table's of their code: left blank in its row and out of the pass rates. */
function otherIndicatorsFlag(u: UnitRecord, ids: ReadonlyMap<string, string>, lang: Lang): Flag | null {
  const codes = otherCodes(u.indicators, ids);
  return codes.length ? { code: 'otherIndicators', message: t(lang, 'consolidate.flag.otherIndicators', { codes: codes.join(', '), ruleSet: u.ruleSet.name }) } : null;
}

/** The unit's criteria that are not the table's of their code: left blank in its row. */
function otherCriteriaFlag(u: UnitRecord, ids: ReadonlyMap<string, string>, lang: Lang): Flag | null {
  const codes = otherCodes(u.criteria, ids);
  return codes.length ? { code: 'otherCriteria', message: t(lang, 'consolidate.flag.otherCriteria', { codes: codes.map((c) => `TC${c}`).join(', '), ruleSet: u.ruleSet.name }) } : null;
}

/** What a tier naming none would spoil, per command: the units' checks, or the printed documents. */
const TIER_UNKNOWN = { consolidate: 'consolidate.tierUnknown', handout: 'handout.tierUnknown', officerDocuments: 'officer.tierUnknown' } as const;

/**
 * The body's tier as typed (`--tier`, the pane's “Cấp”) when it names no tier (domain tierOf: a
 * city's UBND): said once, before reading, since no unit's dossier could be checked against it.
 */
export function bodyTierProblem(tier: string, lang: Lang, command: keyof typeof TIER_UNKNOWN): string | null {
  return tier.trim() && tierOf(tier) === null ? t(lang, TIER_UNKNOWN[command], { tier: tier.trim() }) : null;
}

/** The body's tier (`--tier`) against where the unit's dossier goes (`found`: domain bodyTierMismatch). */
function bodyTierFlag(u: UnitRecord, file: string, tier: string, found: 'ruleSet' | 'typed' | null, lang: Lang): Flag | null {
  if (found === null) return null;
  const r = u.receiving;
  const message =
    found === 'ruleSet'
      ? t(lang, 'consolidate.flag.bodyTierRuleSet', { recognition: r.recognition, basis: r.basis, tiers: r.tiers.join(', '), ruleSet: u.ruleSet.name, tier: tier.trim() })
      : t(lang, 'consolidate.flag.bodyTierTyped', { file, where: r.where, typed: r.typed.trim(), tier: tier.trim() });
  return { code: 'tierMismatch', message };
}

/**
 * Share of units meeting each of the table's indicators, over the units where it applies and
 * could be evaluated, and how many units were left out for having another indicator of that code;
 * each text from the first kept unit that has it.
 */
function passRates(units: ConsolidatedUnit[], counts: RateCounts, ids: ReadonlyMap<string, string>): ConsolidationResult['passRates'] {
  const texts = new Map<string, string>();
  for (const u of units) {
    for (const i of u.record.indicators) if (ids.get(i.code) === i.identity && !texts.has(i.code)) texts.set(i.code, i.text);
    if (texts.size === ids.size) break;
  }
  const leftOut = new Map<string, number>();
  for (const [id, c] of counts) if (ids.get(c.code) !== id && c.units > 0) leftOut.set(c.code, (leftOut.get(c.code) ?? 0) + c.units);
  return [...ids]
    .map(([code, id]) => {
      const c = counts.get(id)!;
      return { code, text: texts.get(code)!, met: c.met, evaluated: c.evaluated, leftOut: leftOut.get(code) ?? 0 };
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** "2.10" after "2.9"; "3.2a" after "3.2". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = parseInt(x, 10);
    const ny = parseInt(y, 10);
    if (nx !== ny && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    if (x !== y) return x.localeCompare(y);
  }
  return 0;
}
