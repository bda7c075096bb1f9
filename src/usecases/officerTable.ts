/**
 * The consolidated table as the officer's documents read it: from the sheet the
 * consolidation drew (found by its mark, not its name), by column heading, so the
 * documents do not depend on how the table was written. The officer may have edited it:
 * a remark line deleted from "Ghi chú" no longer stands in the way of recognition, and the
 * self-assessment's disagreement with the result (a scored unit's: its recorded score and rating with
 * the recomputed ones) is what the row's cells say now, as its “Thẩm định” counts it (consolidate/check.ts).
 */
import { readNumber, readText, type CellValue } from '../domain/values';
import type { SheetData } from '../domain/sheetData';
import { readYear } from '../domain/years';
import { bodyTierMismatch, tierName, tierOf } from '../domain/rules/request';
import { unitTypeId } from '../domain/unitTypes';
import { catalogs, t, type Lang, type MessageKey } from '../i18n';
import { isCommittee, sameCommittee, type Batch, type BatchRuleSet, type BatchUnit } from '../documents/officer';
import { basisParts } from '../documents/bases';
import { mentionsOutcome, mentionsScore, outcomeAgreement, recordedScoreText, scoreAgreement, type CheckCell, type ScoreCells } from './consolidate/check';
import { formatNumber } from '../i18n/format';

/** The headings the consolidation writes (usecases/consolidate/layout.ts); never renamed. */
const HEADINGS = {
  stt: 'STT',
  name: 'Tên đơn vị',
  type: 'Loại đơn vị',
  year: 'Năm',
  ruleSet: 'Bộ tiêu chí',
  basis: 'Căn cứ',
  outcome: 'Kết quả (tính lại)',
  unmet: 'Chỉ tiêu chưa đạt',
  recorded: 'Tự đánh giá của đơn vị',
  score: 'Điểm',
  recordedScore: 'Điểm tự đánh giá',
  rating: 'Xếp loại',
  recordedRating: 'Xếp loại tự đánh giá',
  check: 'Thẩm định',
  remarks: 'Ghi chú',
  file: 'Tệp',
} as const;

/**
 * Remarks that keep a unit out of the decision: its self-assessment disagrees with its data,
 * is stale, missing or unreadable (a formula its file holds no result for), its rule set is not the one handed out (or was edited), it asks for
 * level 2 too early (or from a recognition dated after the consolidation: no rule can be
 * checked), or it wrote no name (a blank row in the decision's list), or its member list is another
 * unit's (one workbook under two names), or the summary page it signed says otherwise than its data, or another file of its name holds another unit's data (which is whose is not known), or its recognition is another tier's to give (a cấp tỉnh dossier at a cấp xã body). The others (an older template, a duplicate dropped, data warnings, an
 * expired earlier recognition) are printed beside the unit, and the officer judges.
 */
const BLOCKING: readonly MessageKey[] = [
  'consolidate.flag.indicatorShare',
  'consolidate.flag.indicatorOther',
  'consolidate.flag.criterion',
  'consolidate.flag.outcome',
  'consolidate.flag.score',
  'consolidate.flag.notEvaluated',
  'consolidate.flag.stale',
  'consolidate.flag.staleUndated',
  'consolidate.flag.staleFormer',
  'consolidate.flag.uncalculatedResult',
  'consolidate.flag.ruleSet',
  'consolidate.flag.ruleSetEdited',
  'consolidate.flag.level2TooSoon',
  'consolidate.flag.level2NoPrevious',
  'consolidate.flag.level2BadDate',
  'consolidate.flag.noName',
  'consolidate.flag.futureDate',
  'consolidate.flag.bodyTierRuleSet',
  'consolidate.flag.sameMembers',
  'consolidate.flag.sameNameOtherData',
  'consolidate.flag.sameNameOtherDataMany',
  // The page the unit signed says otherwise than its data (summaryCheck.ts).
  'consolidate.flag.summaryDiffers',
  'handout.flagEdited',
  'handout.flagEditedDetails',
];

const LANG_IDS: readonly Lang[] = ['vi', 'en'];
const LANGS = LANG_IDS.map((l) => catalogs[l]);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A catalogue message as a pattern: its fixed words, its {params} captured by name (a repeated
 * one must be the same text; a plural token is matched, not kept). t() drops the full stop
 * after a value that ends its own sentence: that stop is optional.
 */
function messagePattern(template: string): RegExp {
  const seen = new Set<string>();
  let source = '';
  let rest = template;
  const words = (text: string) => (source ? escapeRegExp(text).replace(/^\\\./, '\\.?') : escapeRegExp(text));
  for (const m of template.matchAll(/\{(\w+)(\|[^|{}]*\|[^|{}]*)?\}/g)) {
    const before = rest.slice(0, rest.indexOf(m[0]));
    source += words(before);
    const name = m[1]!;
    source += m[2] ? '[\\s\\S]*?' : seen.has(name) ? `\\k<${name}>` : `(?<${name}>[\\s\\S]*?)`;
    if (!m[2]) seen.add(name);
    rest = rest.slice(before.length + m[0].length);
  }
  return new RegExp(`^${source}${words(rest)}$`);
}

/**
 * The disagreements as the minutes state them, without the unit's cell: also the remarks of tables drawn before the
 * remarks named that cell, which keep the unit out as they did.
 */
const DISAGREEMENT_FINDINGS = [
  ['consolidate.flag.indicatorShare', 'officer.finding.indicatorShare'],
  ['consolidate.flag.indicatorOther', 'officer.finding.indicatorOther'],
  ['consolidate.flag.criterion', 'officer.finding.criterion'],
  ['consolidate.flag.outcome', 'officer.finding.outcome'],
  ['consolidate.flag.score', 'officer.finding.score'],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

const BLOCKING_PATTERNS = [...BLOCKING, ...DISAGREEMENT_FINDINGS.map(([, finding]) => finding)].flatMap((k) => [catalogs.vi[k], catalogs.en[k]].map(messagePattern));

/**
 * "Tệp “…”: " that the table puts before a remark not naming its file (consolidate/layout.ts):
 * no part of the remark. Up to the first closing quote only (a file name holds none), so a
 * remark that names its file itself ("Tệp “…”, ô …: …") is left whole.
 */
const FILE_NAMED = LANGS.map((c) => {
  const [before, after] = c['consolidate.remark.file'].split('{file}') as [string, string];
  return new RegExp(`^${escapeRegExp(before)}[^”]*${escapeRegExp(after.split('{message}')[0]!)}`);
});

/** What the table says after a unit's last disagreement (readUnit.ts) or its rule set's edits (aggregate.ts), to the unit: the remark is the {message} before it. */
const ADVISED = (['consolidate.flag.disagreeAdvice', 'consolidate.flag.disagreeAdviceRules', 'consolidate.flag.ruleSetAdvice'] as const).flatMap((k) => LANGS.map((c) => messagePattern(c[k])));

/** A remark line of "Ghi chú" as the consolidation made it: its bullet, the file it names first and the advice after it taken off. */
function remarkText(line: string): string {
  const s = line.replace(/^[•\-–]\s*/, '').trim();
  const named = FILE_NAMED.find((p) => p.test(s));
  const remark = named ? s.replace(named, '') : s;
  for (const p of ADVISED) {
    const message = p.exec(remark)?.groups?.message;
    if (message !== undefined) return message;
  }
  return remark;
}

/**
 * Remarks about the table's own columns (another indicator or criterion of a code left blank there): for the
 * officer reading the table, no finding about the unit, so the minutes leave them out.
 */
const LAYOUT_ONLY = (['consolidate.flag.otherIndicators', 'consolidate.flag.otherCriteria'] as const).flatMap((k) => LANGS.map((c) => messagePattern(c[k])));

const isLayoutRemark = (line: string) => LAYOUT_ONLY.some((p) => p.test(line.normalize('NFC').trim()));

export function isBlockingRemark(line: string): boolean {
  const s = line.normalize('NFC').trim();
  return BLOCKING_PATTERNS.some((p) => p.test(s));
}

/** A remark of the table and the finding the minutes state for it, in the language it was written in. */
interface FindingRule {
  patterns: { lang: Lang; pattern: RegExp }[];
  finding: MessageKey;
}

const findingRules = (pairs: readonly (readonly [MessageKey, MessageKey])[]): FindingRule[] =>
  pairs.map(([remark, finding]) => ({ patterns: LANG_IDS.map((lang) => ({ lang, pattern: messagePattern(catalogs[lang][remark]) })), finding }));

/**
 * Remarks that tell the unit's staff how to mend their workbook (a cell, a list, a way to type)
 * or tell the officer whom to ask: the minutes state the finding instead, about the unit. The
 * others are findings already (a figure that disagrees, a rule set edited …) and stand as written.
 * Those naming their file and cell come before evaluate's own checks, which the table words the same way.
 */
const FINDINGS = findingRules([
  ['consolidate.flag.dataWarnings', 'officer.finding.dataWarnings'],
  ['consolidate.flag.uncalculated', 'officer.finding.uncalculated'],
  ['consolidate.flag.notEvaluated', 'officer.finding.notEvaluated'],
  ['consolidate.flag.stale', 'officer.finding.stale'],
  ['consolidate.flag.staleUndated', 'officer.finding.staleUndated'],
  ['consolidate.flag.staleFormer', 'officer.finding.stale'],
  ['consolidate.flag.uncalculatedResult', 'officer.finding.uncalculatedResult'],
  ['consolidate.flag.noName', 'officer.finding.noName'],
  ['consolidate.flag.badYear', 'officer.finding.badYear'],
  ['consolidate.flag.noYear', 'officer.finding.noYear'],
  ['consolidate.flag.badDate', 'officer.finding.badDate'],
  ['consolidate.flag.futureDate', 'officer.finding.futureDate'],
  ['consolidate.flag.bodyTierTyped', 'officer.finding.bodyTierTyped'],
  ['consolidate.flag.bodyTierRuleSet', 'officer.finding.bodyTierRuleSet'],
  ['consolidate.flag.duplicateTypeDiffersKept', 'officer.finding.duplicateTypeDiffers'],
  ['consolidate.flag.duplicateUndecidedKept', 'officer.finding.duplicateUndecided'],
  ['consolidate.flag.duplicateMembers', 'officer.finding.duplicateMembers'],
  ['consolidate.flag.sameMembers', 'officer.finding.sameMembers'],
  ['consolidate.flag.sameNameOtherData', 'officer.finding.sameNameOtherData'],
  ['consolidate.flag.sameNameOtherDataMany', 'officer.finding.sameNameOtherDataMany'],
  ['consolidate.flag.summaryDiffers', 'officer.finding.summaryDiffers'],
  ...DISAGREEMENT_FINDINGS,
]);

/** Evaluate's checks of the unit's information as the table words them ("Tệp “…”, " then the check's own message). */
const UNIT_CHECK = LANG_IDS.map((lang) => ({ lang, pattern: messagePattern(catalogs[lang]['consolidate.flag.unitCheck']) }));
const UNIT_CHECK_FINDINGS = findingRules(
  (['unitTypeMissing', 'unitTypeUnknown', 'levelMismatch', 'tierMismatch', 'tierUnknown', 'receiverTierUnknown'] as const).map((c) => [`problem.${c}`, `officer.finding.${c}`] as const),
);

/**
 * A unit type off the list (or blank) at its cell, and the engine's word per type-bound indicator at the
 * same cell, which tables consolidated before counted among the data warnings (“1 điểm dữ liệu cần xem
 * lại, ví dụ: 'Thông tin đơn vị'!B5: …”): the minutes state the type once, the warnings without it.
 */
const TYPE_CHECKS = LANG_IDS.flatMap((lang) => (['problem.unitTypeUnknown', 'problem.unitTypeMissing'] as const).map((k) => messagePattern(catalogs[lang][k])));
const TYPE_REPEATS = LANG_IDS.flatMap((lang) => (['problem.applicabilityUnlisted', 'problem.applicabilityBlank'] as const).map((k) => messagePattern(catalogs[lang][k])));
const DATA_WARNINGS = LANG_IDS.map((lang) => ({ lang, pattern: messagePattern(catalogs[lang]['consolidate.flag.dataWarnings']) }));

/** The cell (“'Thông tin đơn vị'!B5”) a remark on the unit's type names; null for another remark. */
function typeCellOf(line: string): string | null {
  for (const { pattern } of UNIT_CHECK) {
    const message = pattern.exec(line)?.groups?.message;
    const where = message === undefined ? undefined : TYPE_CHECKS.map((p) => p.exec(message)?.groups?.where).find((w) => w !== undefined);
    if (where !== undefined) return where;
  }
  return null;
}

/** The remarks with the type said once: a data warning whose example repeats it at its cell counts one less (none left: no remark). */
function typeSaidOnce(remarks: string[]): string[] {
  const cell = remarks.map(typeCellOf).find((w) => w !== null);
  if (cell === undefined) return remarks;
  return remarks.flatMap((line) => {
    for (const { lang, pattern } of DATA_WARNINGS) {
      const m = pattern.exec(line)?.groups;
      if (!m) continue;
      if (!TYPE_REPEATS.some((p) => p.exec(m.first!)?.groups?.where === cell)) return [line];
      const count = Number(m.count) - 1;
      return count > 0 ? [t(lang, 'consolidate.flag.dataWarnings', { count, first: m.first! })] : [];
    }
    return [line];
  });
}

/** Findings whose {tier} is the receiving body's, which the table printed as typed ("cap xa"): the minutes write it "cấp xã". */
const BODY_TIER_FINDINGS: ReadonlySet<MessageKey> = new Set(['officer.finding.bodyTierTyped', 'officer.finding.bodyTierRuleSet']);

function findingBy(rules: readonly FindingRule[], line: string): string | null {
  for (const rule of rules) {
    for (const { lang, pattern } of rule.patterns) {
      const m = pattern.exec(line);
      if (!m) continue;
      const params = { ...m.groups };
      if (BODY_TIER_FINDINGS.has(rule.finding) && params.tier) params.tier = tierName(params.tier);
      return t(lang, rule.finding, params);
    }
  }
  return null;
}

/** A remark of “Ghi chú” as the examiner's minutes state it (the table keeps the remark as it is). */
export function remarkFinding(line: string): string {
  const found = findingBy(FINDINGS, line);
  if (found !== null) return found;
  for (const { pattern } of UNIT_CHECK) {
    const message = pattern.exec(line)?.groups?.message;
    const check = message === undefined ? null : findingBy(UNIT_CHECK_FINDINGS, message);
    if (check !== null) return check;
  }
  return line;
}

const RECOGNISED = LANGS.map((c) => messagePattern(c['consolidate.outcome.recognised']));
const RECOGNISED_NO_LEVEL = LANGS.map((c) => c['consolidate.outcome.recognisedNoLevel']);

const RATED = LANGS.map((c) => messagePattern(c['consolidate.outcome.rated']));
const RATED_PREFIX = LANGS.map((c) => c['consolidate.outcome.rated'].split('{rating}')[0]!);

/** "Xếp loại Khá" → "Khá" (TT22's recomputed rating); anything else → null. */
function ratingOf(outcome: string): string | null {
  const i = RATED.findIndex((p) => p.test(outcome));
  return i < 0 ? null : outcome.slice(RATED_PREFIX[i]!.length).trim() || null;
}

/** "Đạt mức độ 2" → 2; "Đạt" → 0; anything else (Không đạt, Xếp loại …) → null. */
function recognisedLevel(outcome: string): number | null {
  if (RECOGNISED_NO_LEVEL.includes(outcome)) return 0;
  if (!RECOGNISED.some((p) => p.test(outcome))) return null;
  const m = /(\d+)\s*$/.exec(outcome);
  return m ? Number(m[1]) : 0;
}

/**
 * The remark lines of a row's “Ghi chú”, its self-assessment's disagreement as the row's own cells say it
 * now, as “Thẩm định” counts it (consolidate/check.ts): its remark dropped once the officer made the result
 * and the self-assessment agree, the finding added when they disagree with none standing. Likewise a scored
 * unit's recorded score and rating against the recomputed ones.
 */
function rowRemarks(remarks: string, outcome: string, recorded: string, score: ScoreCells, lang: Lang): string[] {
  let lines = remarks.split('\n').map(remarkText).filter(Boolean);
  const agreement = outcomeAgreement(outcome, recorded);
  if (agreement === 'agree') lines = lines.filter((l) => !mentionsOutcome(l));
  else if (agreement === 'disagree' && !lines.some(mentionsOutcome)) lines.push(t(lang, 'officer.finding.outcome', { recorded, computed: outcome }));
  const scored = scoreAgreement(score);
  if (scored === 'agree') lines = lines.filter((l) => !mentionsScore(l));
  else if (scored === 'disagree' && !lines.some(mentionsScore)) {
    // The recomputed result as the remark words it (“80 điểm — xếp loại Khá”), or the row's result where no score is.
    const computed = typeof score.score === 'number' ? t(lang, 'outcome.score', { score: formatNumber(score.score, lang, 2), rating: String(score.rating ?? '').trim() }) : outcome;
    lines.push(t(lang, 'officer.finding.score', { recorded: recordedScoreText(score.recordedScore, score.recordedRating, lang), computed }));
  }
  return lines;
}

/**
 * The table's “Thẩm định” in English (“Data agree”, “To review (2)”): a table consolidated in English, whose results
 * and remarks the minutes would print in English.
 */
const ENGLISH_CHECK = [catalogs.en['consolidate.check.ok'], catalogs.en['consolidate.check.review']].map(messagePattern);

export type TableRead = { ok: true; batch: Omit<Batch, 'ruleSets'>; english: boolean; statedYears: number[] } | { ok: false; reason: 'noHeader' | 'noUnits' };

/** `now`: the day the documents are drawn, for the years a unit may be evaluated for. */
export function readConsolidatedTable(data: SheetData, now = new Date()): TableRead {
  const text = (v: CellValue | undefined) => readText(v ?? null).normalize('NFC').trim();
  const headerIndex = data.rows.findIndex((r) => r.some((c) => text(c) === HEADINGS.stt) && r.some((c) => text(c) === HEADINGS.name));
  if (headerIndex < 0) return { ok: false, reason: 'noHeader' };
  const header = data.rows[headerIndex]!.map((c) => text(c));
  const col = Object.fromEntries(Object.entries(HEADINGS).map(([k, h]) => [k, header.indexOf(h)])) as Record<keyof typeof HEADINGS, number>;
  const at = (row: CellValue[], k: keyof typeof HEADINGS) => (col[k] < 0 ? '' : text(row[col[k]]));
  // A figure as “Thẩm định” reads it: a number stays one.
  const cell = (row: CellValue[], k: keyof typeof HEADINGS): CheckCell => {
    const v = col[k] < 0 ? null : (row[col[k]] ?? null);
    return typeof v === 'number' ? v : readText(v) || null;
  };
  const yearAt = (row: CellValue[]) => {
    const read = col.year < 0 ? null : readYear(row[col.year] ?? null, now);
    return read?.kind === 'year' ? read.year : null;
  };
  const units: BatchUnit[] = [];
  let english = false;
  for (const row of data.rows.slice(headerIndex + 1)) {
    // The unit rows end where STT stops being a number (the counts below the table).
    if (readNumber(row[col.stt] ?? null).kind !== 'number') break;
    const outcome = at(row, 'outcome');
    const recorded = at(row, 'recorded');
    const check = at(row, 'check');
    const inEnglish = check !== '' && ENGLISH_CHECK.some((p) => p.test(check));
    if (inEnglish) english = true;
    const score = { score: cell(row, 'score'), recordedScore: cell(row, 'recordedScore'), rating: cell(row, 'rating'), recordedRating: cell(row, 'recordedRating') };
    const remarks = typeSaidOnce(rowRemarks(at(row, 'remarks'), outcome, recorded, score, inEnglish ? 'en' : 'vi'));
    const reasons = remarks.filter(isBlockingRemark);
    const level = recognisedLevel(outcome);
    const rating = ratingOf(outcome);
    const file = at(row, 'file').split(/[\\/]/).pop()!;
    units.push({
      // A unit that wrote no name is known by its file: else a blank row of the minutes' list, and of what the officer is told.
      name: at(row, 'name') || (file ? t(inEnglish ? 'en' : 'vi', 'officer.unnamedUnit', { file }) : ''),
      type: at(row, 'type'),
      // By the rule the consolidation read it with: a table drawn before it, or edited, may hold "năm 2025".
      year: yearAt(row),
      ruleSet: at(row, 'ruleSet'),
      bases: basisParts(at(row, 'basis')),
      outcome,
      unmet: at(row, 'unmet'),
      recorded,
      level: level !== null && reasons.length === 0 ? level : null,
      // Whether the unit's rule set recognises the rating is known once its rule set is (recognisedRatings).
      rating: rating !== null && reasons.length === 0 ? rating : null,
      // The minutes' words: findings about the unit, not how to mend its workbook.
      reasons: reasons.map(remarkFinding),
      notes: remarks.filter((l) => !reasons.includes(l) && !isLayoutRemark(l)).map(remarkFinding),
    });
  }
  if (units.length === 0) return { ok: false, reason: 'noUnits' };
  // "Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025" (row 2 of the table): in its first
  // column that scrolls (C), or in A where a table drawn before it has it.
  const line = data.rows
    .slice(0, headerIndex)
    .map((r) => text(r.find((c) => text(c) !== '')))
    .find((s) => s.includes(':') && /tổng hợp/i.test(s.split(':')[0]!));
  const m = line ? /:\s*(.*?)(?:\s*\(([^)]*)\))?(?:\s*—.*)?$/.exec(line) : null;
  // The brackets hold the tier the consolidation was given; a place in them (“UBND xã Hòa Bình (Mỹ Đức, Hà Nội)”) is the body's name.
  const bracketed = m?.[2]?.trim() ?? '';
  const [body, tier] = bracketed === '' || tierOf(bracketed) !== null ? [m?.[1]?.trim() ?? '', bracketed] : [`${m![1]!.trim()} (${bracketed})`, ''];
  const years = [...new Set(units.map((u) => u.year).filter((y) => y !== null))].sort((a, b) => a - b);
  // "— năm đánh giá 2025, 2026": the officer may have left one there to settle the batch's year.
  const stated = /—\s*năm đánh giá\s+([\d,\s]+)$/.exec(line ?? '')?.[1]?.match(/\d{4}/g)?.map(Number) ?? [];
  return { ok: true, batch: { body, tier, years, units }, english, statedYears: stated };
}

/** The file report's headings (usecases/consolidate/layout.ts) and its rejected status in either language. */
const FILE_HEADINGS = { file: 'Tệp', status: 'Trạng thái' } as const;
const REJECTED = LANGS.map((c) => c['consolidate.status.rejected']);

/**
 * The files of the file report (“Báo cáo tệp”) that were rejected, unreadable: dossiers received
 * but not examined, by file name without its folders (as the minutes name them).
 */
export function readUnreadFiles(data: SheetData | undefined): string[] {
  if (!data) return [];
  const text = (v: CellValue | undefined) => readText(v ?? null).normalize('NFC').trim();
  const headerIndex = data.rows.findIndex((r) => r.some((c) => text(c) === FILE_HEADINGS.file) && r.some((c) => text(c) === FILE_HEADINGS.status));
  if (headerIndex < 0) return [];
  const header = data.rows[headerIndex]!.map((c) => text(c));
  const [file, status] = [header.indexOf(FILE_HEADINGS.file), header.indexOf(FILE_HEADINGS.status)];
  return data.rows
    .slice(headerIndex + 1)
    .filter((r) => REJECTED.includes(text(r[status])) && text(r[file]) !== '')
    .map((r) => text(r[file]).split(/[\\/]/).pop()!);
}

/**
 * A rated unit (TT22) stays proposed only when its rule set — the one the table names, known to
 * the officer — recognises that rating (one of its bands, not its fail band "Chưa đạt").
 */
export function recognisedRatings(units: BatchUnit[], ruleSets: BatchRuleSet[]): BatchUnit[] {
  return units.map((u) => (u.rating === null || ruleSets.some((r) => r.name === u.ruleSet && r.ratings.includes(u.rating!)) ? u : { ...u, rating: null }));
}

/** The table's own remarks on a unit's year: the year check below says it again, as a reason. */
const YEAR_REMARKS = (['consolidate.flag.yearDiffers', 'consolidate.flag.yearMixed'] as const).flatMap((k) => LANGS.map((c) => messagePattern(c[k])));

/**
 * The batch's evaluation year: the one the table's heading states, when it states one; else the
 * year most units carry; null when no year leads (a tie) or none is known.
 */
export function batchYear(units: readonly BatchUnit[], stated: readonly number[]): number | null {
  if (stated.length === 1) return stated[0]!;
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== null) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked[1] && ranked[1][1] === ranked[0]![1])) return null;
  return ranked[0]![0];
}

export interface Scope {
  year: number | null;
  /** The receiving body's tier as printed ("cấp xã"); '' when unknown. */
  tier: string;
  /** The UBND whose chairman decides; '' when unknown. */
  committee: string;
}

/**
 * What one decision may hold, checked against the body and tier the documents are drawn for (which
 * may not be those of the consolidation): the batch's year only; a dossier whose rule set this tier
 * does not receive (a cấp tỉnh dossier at a cấp xã body); never the deciding UBND itself, nor at a
 * commune a commune's UBND, which the province recognises since the district tier ended (01/7/2025).
 * Each unit kept out gets its reason in the table's language (`lang`).
 */
export function scopeUnits(units: readonly BatchUnit[], ruleSets: readonly BatchRuleSet[], scope: Scope, lang: Lang): BatchUnit[] {
  const tierKey = scope.tier ? tierOf(scope.tier) : null;
  const ruleSetFinding = LANG_IDS.map((l) => messagePattern(catalogs[l]['officer.finding.bodyTierRuleSet']));
  return units.map((u) => {
    const more: string[] = [];
    let notes = u.notes;
    if (scope.year !== null && u.year !== null && u.year !== scope.year) {
      more.push(t(lang, 'officer.finding.otherYear', { year: u.year, batchYear: scope.year }));
      notes = notes.filter((n) => !YEAR_REMARKS.some((p) => p.test(n)));
    }
    const rs = ruleSets.find((r) => r.name === u.ruleSet);
    if (tierKey && rs?.tiers && bodyTierMismatch(scope.tier, rs.tiers, '') === 'ruleSet' && !u.reasons.some((r) => ruleSetFinding.some((p) => p.test(r)))) {
      more.push(t(lang, 'officer.finding.bodyTierRuleSet', { recognition: rs.recognition || rs.name, basis: '', tiers: rs.tiers.join(', '), ruleSet: rs.name, tier: scope.tier }));
    }
    if (tierKey === 'xa' && unitTypeId(u.type) === 'ubnd-xa') more.push(t(lang, 'officer.finding.communeCommittee', { committee: scope.committee || t(lang, 'officer.theCommittee') }));
    else if (scope.committee && isCommittee(u.name) && sameCommittee(u.name, scope.committee)) more.push(t(lang, 'officer.finding.selfRecognition', { committee: scope.committee }));
    if (!more.length) return notes === u.notes ? u : { ...u, notes };
    return { ...u, level: null, rating: null, reasons: [...u.reasons, ...more], notes };
  });
}
