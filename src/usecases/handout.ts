/**
 * The rule set an officer hands out to the units (a province's or a commune's thresholds):
 * exported from the officer's workbook (its "Tiêu chí", edited or not) or a preset, as a
 * starting workbook for units ("sổ mẫu") and as a small JSON file a unit can start from.
 *
 * Its id carries a seal of what it rules ("tt24-co-so-md1@1a2b…"): a hash of the mode and
 * of every indicator's measure, condition, threshold, points and applicability. A unit's
 * rule set whose seal no longer matches has been edited since it was handed out, and
 * consolidation says so without being told which rule set to compare with.
 */
import type { RuleSet } from '../domain/rules/ruleSet';
import { comparable, ruleSetChanges, type ComparableRuleSet } from '../domain/rules/compare';
import { findPreset } from '../domain/rules/presets';
import { cleanText, foldKey, lowerVi } from '../domain/text';
import { readText } from '../domain/values';
import type { SheetData, Workbook } from '../workbook/port';
import { SHEETS } from '../sheets/names';
import { locateProblem } from '../sheets/locate';
import { columnsOf, parseCondition } from '../domain/rules/condition';
import { problem } from '../domain/problems';
import { readUnitSheet, UNIT_FIELDS } from '../sheets/unitSheet';
import { checkEdit } from './ruleSetEditing';
import { COL, readCriteriaSheet, SETTINGS, type CriteriaRow } from '../sheets/criteriaSheet';
import { cellAddress, sheetRef } from '../workbook/a1';
import { t, type Lang } from '../i18n';
import { ruleSetChangeText } from '../i18n/ruleSetChanges';
import { hash64 } from '../domain/hash';
import { createSheets } from './createSheets';
import type { Flag } from './consolidate/records';

const SEAL = /^(.*)@([0-9a-f]{16})$/;
/** What the small file says it is, so a unit loading another JSON gets a clear refusal. */
export const HANDOUT_FORMAT = 'dvht-rule-set';

const norm = (s: string) => lowerVi(cleanText(s)).replace(/\s+/g, '');
const num = (n: number | null) => (n === null ? null : Math.round(n * 1e9) / 1e9);

/** The seal of what a rule set rules (its name and wording are not part of it). */
export function sealOf(rs: ComparableRuleSet): string {
  return hash64(JSON.stringify([rs.mode, rs.indicators.map((i) => [i.code, i.measure, num(i.threshold), num(i.points), norm(i.condition), norm(i.appliesTo)])]));
}

/** "tt24-co-so-md1@…" → its seal; null for a rule set never handed out. */
export function sealInId(id: string): string | null {
  return SEAL.exec(id)?.[2] ?? null;
}

/** "tt24-co-so-md1@…" → "tt24-co-so-md1": the rule set it was handed out from (the id itself when never handed out). */
export function unsealedId(id: string): string {
  return SEAL.exec(id)?.[1] ?? id;
}

/** The preset a rule set was handed out as, when handed out as it is (its seal is the preset's own); else null. */
export function handedOutPreset(id: string): RuleSet | null {
  const m = SEAL.exec(id);
  const preset = m ? findPreset(m[1]!) : undefined;
  return preset && sealOf(comparable(preset)) === m![2] ? preset : null;
}

/** Whether a unit's rule set still rules what was handed out: null when it was not handed out. */
export function handedOutEdited(rs: ComparableRuleSet & { id: string }): boolean | null {
  const seal = sealInId(rs.id);
  return seal === null ? null : seal !== sealOf(rs);
}

/** The rule set as handed out: the same rules, an id that carries their seal. */
export function sealRuleSet(rs: RuleSet): RuleSet {
  return { ...rs, id: `${unsealedId(rs.id)}@${sealOf(comparable(rs))}` };
}

/** warnings: what the officer should mend before sending (the rule set is handed out all the same). */
export type HandoutSource = { ok: true; ruleSet: RuleSet; warnings: string[] } | { ok: false; message: string };


/**
 * A variant of a preset that does not say it is one: its name or "Căn cứ" still the preset's, an
 * indicator changed (or added) whose "Nguồn" still says only what the preset says (or nothing,
 * or no document's number and date). Every unit would read the local requirement as the circular's.
 */
function variantWarnings(rs: RuleSet, rows: CriteriaRow[], settings: SheetData, lang: Lang): string[] {
  const preset = findPreset(unsealedId(rs.id));
  if (!preset || preset.mode !== rs.mode) return [];
  const changes = ruleSetChanges(comparable(rs), comparable(preset));
  if (changes.length === 0) return [];
  // Its name and "Căn cứ" are what units, their documents and the consolidated table show of it.
  const settingCell = (label: string) => {
    const row = settings.rows.findIndex((r) => foldKey(readText(r[COL.text - 1] ?? null)) === foldKey(label)) + 1;
    return row > 0 ? sheetRef(SHEETS.criteria, cellAddress(row, COL.text + 1)) : SHEETS.criteria;
  };
  const whole: string[] = [];
  if (norm(rs.name) === norm(preset.name)) whole.push(t(lang, 'handout.nameUnchanged', { name: preset.name, cell: settingCell(SETTINGS.name) }));
  if (norm(rs.basis) === norm(preset.basis)) whole.push(t(lang, 'handout.basisUnchanged', { cell: settingCell(SETTINGS.basis) }));
  const presetSource = new Map(preset.indicators.map((i) => [i.code, norm(i.source)]));
  const rowOf = new Map(rows.map((r) => [r.code, r.row]));
  const ownSource = new Map(rs.indicators.map((i) => [i.code, norm(i.source)]));
  const said = new Map<string, string[]>();
  const vague = new Set<string>();
  for (const c of changes) {
    if (!('code' in c) || c.kind === 'missing') continue;
    const own = ownSource.get(c.code) ?? '';
    if (own !== '' && own !== presetSource.get(c.code)) {
      if (!citesDocument(rs.indicators.find((i) => i.code === c.code)!.source)) vague.add(c.code);
      continue;
    }
    said.set(c.code, [...(said.get(c.code) ?? []), ruleSetChangeText(c, 'consolidate.flag.presetThreshold', rs.name, lang)]);
  }
  return [
    ...whole,
    ...[...said].map(([code, changes]) => {
      const cell = sheetRef(SHEETS.criteria, cellAddress(rowOf.get(code)!, COL.source));
      const key = presetSource.has(code) ? 'handout.sourceUnchanged' : 'handout.sourceMissing';
      return t(lang, key, { changes: changes.join('; '), cell, preset: preset.name });
    }),
    ...[...vague].map((code) => {
      const source = rs.indicators.find((i) => i.code === code)!.source;
      return t(lang, 'handout.sourceVague', { code, source, cell: sheetRef(SHEETS.criteria, cellAddress(rowOf.get(code)!, COL.source)) });
    }),
  ];
}

/** A document cited as the reference asks: its number/symbol ("123/SGDĐT-GDTX") and its date. */
function citesDocument(text: string): boolean {
  return /\d+\/\d*\/?[\p{Lu}Đ][\p{L}&.-]*/u.test(text) && /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu.test(text);
}

const UNIT_FIELD_KEYS = new Set(Object.values(UNIT_FIELDS).map(foldKey));

/**
 * What would stop every unit from evaluating the rule set handed out: a condition or an
 * "Áp dụng cho" that does not read, a unit field "Thông tin đơn vị" does not have, a code
 * twice (its second row is dropped). Said at the cell, before anything is written.
 */
function handoutProblems(parsed: ReturnType<typeof readCriteriaSheet>, lang: Lang): string[] {
  const found = parsed.problems.filter((p) => p.severity === 'error' || p.code === 'duplicateIndicator');
  const blank: string[] = [];
  for (const { row, indicator: ind } of parsed.rows) {
    if (!ind) continue;
    const condition = ind.measure.kind === 'members' ? ind.measure.condition : undefined;
    for (const issue of checkEdit({ row, code: ind.code, condition, appliesTo: ind.appliesTo })) {
      const text = issue.kind === 'condition' ? condition! : ind.appliesTo;
      const at = { sheet: 'criteria' as const, row, col: issue.kind === 'condition' ? COL.condition : COL.appliesTo };
      if (issue.detail === undefined) blank.push(t(lang, 'handout.conditionBlank', { where: sheetRef(SHEETS.criteria, cellAddress(row, at.col)), code: ind.code }));
      else found.push(problem('error', 'conditionSyntax', { indicator: ind.code, condition: text, detail: issue.detail }, at));
    }
    if (ind.appliesTo.trim() === '') continue;
    let fields: string[];
    try {
      fields = columnsOf(parseCondition(ind.appliesTo));
    } catch {
      continue; // said above
    }
    for (const field of fields) {
      if (!UNIT_FIELD_KEYS.has(foldKey(field))) found.push(problem('error', 'unknownUnitField', { indicator: ind.code, field }, { sheet: 'criteria', row, col: COL.appliesTo }));
    }
  }
  return [...found.map((p) => locateProblem(p, lang).message), ...blank];
}

/** The officer's chosen rule set: a preset, or the "Tiêu chí" sheet of the officer's workbook as edited. */
export async function handoutRuleSet(source: { presetId: string } | { workbook: Workbook }, lang: Lang = 'vi'): Promise<HandoutSource> {
  if ('presetId' in source) {
    const preset = findPreset(source.presetId);
    if (!preset) return { ok: false, message: t(lang, 'cli.unknownPreset', { id: source.presetId }) };
    return { ok: true, ruleSet: sealRuleSet(preset), warnings: [] };
  }
  return source.workbook.batch(async (session) => {
    const data = (await session.read([SHEETS.criteria])).sheets.get(SHEETS.criteria);
    const label = source.workbook.label;
    if (!data) return { ok: false, message: t(lang, 'handout.noRuleSet', { file: label, detail: locateProblem({ severity: 'error', code: 'missingSheet', params: { sheet: SHEETS.criteria } }, lang).message }) };
    const parsed = readCriteriaSheet(data);
    const errors = handoutProblems(parsed, lang);
    if (errors.length || parsed.rows.length === 0) return { ok: false, message: t(lang, 'handout.noRuleSet', { file: label, detail: errors.join(' ') }) };
    return { ok: true, ruleSet: sealRuleSet(parsed.ruleSet), warnings: variantWarnings(parsed.ruleSet, parsed.rows, data, lang) };
  });
}

/** The body that handed a rule set out and its tier: where the units' dossiers go (blank when not said). */
export interface HandoutReceiver {
  body: string;
  tier: string;
}

const NO_RECEIVER: HandoutReceiver = { body: '', tier: '' };

/** The small file: the rule set as JSON, with what it is and its seal, and the body handing it out when named. */
export function handoutFile(rs: RuleSet, receiver: Partial<HandoutReceiver> = {}): string {
  const named = { body: receiver.body?.trim() ?? '', tier: receiver.tier?.trim() ?? '' };
  return JSON.stringify({ format: HANDOUT_FORMAT, version: 1, ruleSet: rs, ...(named.body || named.tier ? { receiver: named } : {}) }, null, 2) + '\n';
}

export type ReadHandout = { ok: true; ruleSet: RuleSet; receiver: HandoutReceiver } | { ok: false; message: string };

/** A handout's receiver as a new unit's fields (createSheets), only those it names. */
export function receiverFields(receiver: HandoutReceiver | undefined): { receiver?: string; receiverTier?: string } {
  return { ...(receiver?.body ? { receiver: receiver.body } : {}), ...(receiver?.tier ? { receiverTier: receiver.tier } : {}) };
}

/** The receiver a small file names; a file handed out before it named one (or naming oddly) names none. */
function receiverIn(o: unknown): HandoutReceiver {
  if (!o || typeof o !== 'object') return NO_RECEIVER;
  const { body, tier } = o as Record<string, unknown>;
  return { body: typeof body === 'string' ? body.trim() : '', tier: typeof tier === 'string' ? tier.trim() : '' };
}

/** A handed-out file back into a rule set; anything else (or a file edited by hand) is refused with a reason. */
export function readHandoutFile(text: string, file: string, lang: Lang = 'vi'): ReadHandout {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: t(lang, 'handout.notAFile', { file }) };
  }
  const o = parsed as { format?: unknown; ruleSet?: RuleSet; receiver?: unknown };
  const rs = o.ruleSet;
  if (o.format !== HANDOUT_FORMAT || !rs || typeof rs.id !== 'string' || !Array.isArray(rs.indicators) || !Array.isArray(rs.criteria)) return { ok: false, message: t(lang, 'handout.notAFile', { file }) };
  if (handedOutEdited({ ...comparable(rs), id: rs.id }) !== false) return { ok: false, message: t(lang, 'handout.edited', { file }) };
  return { ok: true, ruleSet: rs, receiver: receiverIn(o.receiver) };
}

/**
 * The rule set a handed-out starting workbook carries (its "Tiêu chí", sealed): what a unit
 * that keeps its own workbook takes from the "sổ mẫu" it received. Refused like the small file
 * when it carries no seal, or when the seal no longer matches its thresholds.
 */
export async function readHandoutWorkbook(workbook: Workbook, lang: Lang = 'vi'): Promise<ReadHandout> {
  const file = workbook.label;
  return workbook.batch(async (session) => {
    const sheets = (await session.read([SHEETS.criteria, SHEETS.unit])).sheets;
    const data = sheets.get(SHEETS.criteria);
    const parsed = data ? readCriteriaSheet(data) : null;
    if (!parsed || parsed.rows.length === 0 || parsed.problems.some((p) => p.severity === 'error')) return { ok: false, message: t(lang, 'handout.notAWorkbook', { file }) };
    const rs = parsed.ruleSet;
    const edited = handedOutEdited({ ...comparable(rs), id: rs.id });
    if (edited === null) return { ok: false, message: t(lang, 'handout.notAWorkbook', { file }) };
    if (edited) return { ok: false, message: t(lang, 'handout.edited', { file }) };
    // The starting workbook names its body where a unit's does (writeStarterWorkbook).
    const unit = sheets.get(SHEETS.unit);
    const info = unit ? readUnitSheet(unit).info : null;
    return { ok: true, ruleSet: rs, receiver: info ? { body: readText(info.receiver).trim(), tier: readText(info.receiverTier).trim() } : NO_RECEIVER };
  });
}

/** The units' starting workbook: the handed-out rule set, the receiving body, every sheet a unit fills. */
export async function writeStarterWorkbook(workbook: Workbook, rs: RuleSet, receiver: { body?: string; tier?: string; year?: number } = {}): Promise<void> {
  await createSheets(workbook, {
    ruleSet: rs,
    unit: { name: '', type: '', year: receiver.year, receiver: receiver.body ?? '', receiverTier: receiver.tier ?? '' },
    withLearners: true,
  });
}

/** Consolidation's flag for a unit whose handed-out rule set was edited (none when it was not handed out). */
export function handedOutFlag(rs: ComparableRuleSet & { id: string }, lang: Lang): Flag | null {
  if (handedOutEdited(rs) !== true) return null;
  return { code: 'ruleSetEdited', message: t(lang, 'handout.flagEdited', { name: rs.name, id: rs.id }) };
}
