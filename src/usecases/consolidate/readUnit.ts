/**
 * One received file → one FileOutcome. Runs where the bytes are (a worker thread, a Web
 * Worker): read with src/xlsx, parse with parseUnitWorkbook, recompute under the rules that
 * apply (reference.ts; domain evaluate), and compare with what the unit's workbook records. Never
 * throws for a bad file: every failure becomes a status and a reason.
 */
import { evaluate, heldOutcome, type Evaluation, type MemberTable } from '../../domain/evaluation';
import { noteExplainsLeftOut } from '../../domain/absenceNotes';
import { memberField } from '../../domain/memberFields';
import { comparable, criterionIdentity, indicatorIdentity } from '../../domain/rules/compare';
import { dossierDeadlineBasis, level2Basis, recognitionBasisNote, requestedLevel, type UnitRequest } from '../../domain/rules/request';
import type { RuleSet } from '../../domain/rules/ruleSet';
import { columnKey, wordKey } from '../../domain/text';
import { findByCode } from '../../domain/arrays';
import { isUncalculated, readNumber, readText, type CellValue } from '../../domain/values';
import { hash64 } from '../../domain/hash';
import { openXlsx, XlsxError, type Crc32, type Inflate, type SheetRows, type XlsxLimits } from '../../xlsx';
import { COL } from '../../sheets/criteriaSheet';
import { SCHEMA_VERSION, SHEETS } from '../../sheets/names';
import { describeLocation, locateProblem } from '../../sheets/locate';
import { columnLetter, sheetRef } from '../../workbook/a1';
import { readUnitSheet, RESULT_FIELDS, UNIT_FIELDS, uncalculatedFields, unitField } from '../../sheets/unitSheet';
import { t, type Lang } from '../../i18n';
import { firstOnes, formatDate, formatMeasured, formatThreshold } from '../../i18n/format';
import { evaluationInput, parseUnitWorkbook, UNIT_WORKBOOK_SHEETS, type UnitWorkbook } from '../../sheets/unitWorkbook';
import { matchesFingerprint } from '../fingerprint';
import { repeatsTypeWarning, requestChecksOf, requestHold, unitRequest, unitTypeProblem } from '../unitChecks';
import { parseUnitWorkbookOrRenamed, ROLE } from '../ownSheets';
import { uncalculatedOnce, type Problem } from '../../domain/problems';
import { xlsxReason } from '../xlsxReason';
import { duplicateMembers } from '../memberChecks';
import { outcomeText } from '../../i18n/outcome';
import { readDate, serialIn1900, serialToDate } from './dates';
import { referenceEvaluation } from './reference';
import { outcomeCategory, recordedStatus, summaryFlag } from './summaryCheck';
import { recordedScoreText, scoresAgree } from './check';
import { SAME_LIST_MIN, type FileOutcome, type Flag, type FlagCode, type UnitRecord } from './records';

export interface ReceivedFile {
  /** As the file report shows it (name, or path in the folder given). */
  label: string;
  size: number;
  /** Not read, and why (a zipped dossier, a PDF found in the folder): listed as skipped. */
  skipped?: string;
}

/** The "file too large" outcome: the file is refused from its size, its bytes never read. */
export function refuseBySize(file: ReceivedFile, max: number, limits: Partial<XlsxLimits> | undefined, lang: Lang): FileOutcome | null {
  if (file.size <= max) return null;
  return rejectedFile(file, xlsxReason(new XlsxError('tooLarge'), file.size, limits, lang));
}

/**
 * A received file's name as the table, the file report and every remark show and compare it: composed
 * (NFC). A Mac names files decomposed (NFD): “Họa Mi” would look, sort and match apart from the same name
 * typed. Only shown: the host opens the file by its own path.
 */
export const shownFileName = (label: string): string => label.normalize('NFC');

/** A file listed but not read (ReceivedFile.skipped). */
export function skippedFile(file: ReceivedFile, reason: string): FileOutcome {
  return { report: { file: shownFileName(file.label), size: file.size, status: 'skipped', unit: '', reasons: [reason], application: null }, unit: null };
}

export function rejectedFile(file: ReceivedFile, reason: string): FileOutcome {
  return { report: { file: shownFileName(file.label), size: file.size, status: 'rejected', unit: '', reasons: [reason], application: null }, unit: null };
}

export interface ReadUnitOptions {
  inflate: Inflate;
  /** Faster UTF-8 decoding where the platform has one (Node). */
  decode?: (bytes: Uint8Array) => string;
  /** Sheets parsed as one char per byte of validated UTF-8 (src/xlsx/utf8.ts), where the platform can. */
  raw?: (bytes: Uint8Array) => string;
  /** A native CRC-32 where the platform has one (Node). */
  crc32?: Crc32;
  limits?: Partial<XlsxLimits>;
  lang?: Lang;
  /** The body's reference rule set (`--rule-set`, “Bộ tiêu chí đối chiếu”): what a unit of its level is recomputed under. */
  reference?: RuleSet | null;
}

export async function readUnitFile(bytes: Uint8Array, label: string, options: ReadUnitOptions): Promise<FileOutcome> {
  const lang = options.lang ?? 'vi';
  const file = shownFileName(label);
  const reject = (reason: string, unit = '', application: string | null = null): FileOutcome => ({
    report: { file, size: bytes.length, status: 'rejected', unit, reasons: [reason], application },
    unit: null,
  });
  let application: string | null = null;
  const skip = (note: string): FileOutcome => ({ report: { file, size: bytes.length, status: 'skipped', unit: '', reasons: [note], application }, unit: null });
  try {
    const xlsx = await openXlsx(bytes, { inflate: options.inflate, decode: options.decode, raw: options.raw, crc32: options.crc32, limits: options.limits });
    application = xlsx.application;
    const snapshot = await xlsx.read(UNIT_WORKBOOK_SHEETS);
    const parsed = parseUnitWorkbook(snapshot);
    if (!parsed.ok) {
      // Only a file that is not a unit's workbook has its marks looked at.
      const roles = xlsx.roles();
      if ([...roles.values()].includes(ROLE.consolidation)) return skip(t(lang, 'consolidate.reason.consolidation'));
      // A data sheet the unit renamed is said to be renamed, as evaluate says it.
      const said = parseUnitWorkbookOrRenamed({ ...snapshot, roles });
      // The officer looks for the unit by name: "Thông tin đơn vị" may still give it.
      const info = snapshot.sheets.get(SHEETS.unit);
      const named = info ? readText(readUnitSheet(info).info.name) : '';
      return reject(t(lang, 'consolidate.reason.notUnitWorkbook', { detail: notUnitDetail(said.ok ? parsed.problems : said.problems, lang) }), named, application);
    }
    const wb = parsed.workbook;
    const unitName = readText(wb.unit.info.name);
    // The starting workbook handed out (dvht handout), as it left the officer: nothing of a unit in it yet.
    if (unitName === '' && wb.members.table.rows.length === 0) return skip(t(lang, 'consolidate.reason.blankHandout'));
    const version = wb.criteria.schemaVersion;
    if (version !== null && version > SCHEMA_VERSION) {
      return reject(t(lang, 'consolidate.reason.newerSchema', { version, supported: SCHEMA_VERSION }), unitName, application);
    }
    const flags: Flag[] = [];
    if (version === null) flags.push({ code: 'schema', message: t(lang, 'consolidate.flag.noSchema') });
    else if (version < SCHEMA_VERSION) flags.push({ code: 'schema', message: t(lang, 'consolidate.flag.olderSchema', { version }) });

    const { ev, rules } = recompute(wb, options.reference);
    // The printed page is checked beside the data, never in their way: a part of it the reader refuses leaves it unchecked.
    const summary = await xlsx.sheetRows(SHEETS.summary).catch(unreadPage);
    const record = buildRecord(wb, ev, rules, { file, lang, flags, contents: xlsx.contentKey(), summary });
    // No member counted: said plainly, once (not also as the first of the data warnings).
    const noMembers = ev.countedMembers === 0;
    if (noMembers) record.flags.push({ code: 'noMembers', message: ev.members.length === 0 ? t(lang, 'consolidate.flag.noMembers', { sheet: SHEETS.members }) : t(lang, 'consolidate.flag.noneCounted', { sheet: SHEETS.members, listed: ev.members.length }) });
    // The type's own remark (unitCheckFlags) says what the engine says again at its cell per type-bound indicator: said once.
    const type = unitTypeProblem(wb);
    const found = uncalculatedOnce([...parsed.problems, ...(noMembers ? ev.problems.filter((p) => p.code !== 'noCountedMembers') : ev.problems), ...uncalculatedFields(wb.unit)]).filter((p) => !repeatsTypeWarning(p, type));
    // Evaluate warns the unit; the officer sees it here, where the members are at hand (the record carries no rows).
    const twice = duplicateMembers(wb.members.table, wb.spellings, wb.date1904);
    if (twice.length) record.flags.push(duplicateMembersFlag(twice, file, lang));
    const notCounted = notCountedFlag(wb.members.table, ev, lang);
    if (notCounted) record.flags.push(notCounted);
    // Figures the unit's file holds no result for are unknown, not zero: their own remark, naming the cells.
    const uncalculated = found.filter((p) => p.code === 'formulaNotCalculated' && p.at).map((p) => describeLocation(p.at!));
    if (uncalculated.length) record.flags.push({ code: 'uncalculated', message: t(lang, 'consolidate.flag.uncalculated', { count: uncalculated.length, cells: firstOnes(uncalculated, 5) }) });
    const problems = found.filter((p) => p.code !== 'formulaNotCalculated').map((p) => locateProblem(p, lang));
    if (problems.length) record.flags.push({ code: 'dataWarnings', message: t(lang, 'consolidate.flag.dataWarnings', { count: problems.length, first: problems[0]!.message }) });
    return { report: { file, size: bytes.length, status: 'consolidated', unit: record.name, reasons: [], application }, unit: record };
  } catch (e) {
    // Anything else is a bug or an input nobody foresaw: this file fails, the batch goes on.
    const reason = e instanceof XlsxError ? xlsxReason(e, bytes.length, options.limits, lang, 'received', file) : t(lang, 'consolidate.reason.fault', { detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200).replace(/\.$/, '') });
    return reject(reason, '', application);
  }
}

/** A part of the printed summary the reader refuses (XlsxError): nothing to check. Anything else is a fault. */
function unreadPage(e: unknown): null {
  if (e instanceof XlsxError) return null;
  throw e;
}

/**
 * The unit's data evaluated under the rules that apply (reference.ts), and those rules. A unit
 * whose rule set rules the same (most) is evaluated once, as it evaluates itself; an edited one
 * under the reference, an indicator it deleted from what its workbook holds.
 */
function recompute(wb: UnitWorkbook, body: RuleSet | null | undefined): { ev: Evaluation; rules: RuleSet } {
  const input = evaluationInput(wb);
  return referenceEvaluation(input, body) ?? { ev: evaluate(input), rules: wb.criteria.ruleSet };
}

const NOTE_FIELD = memberField('note');
/** The note column's headings, folded once: import's header matching per column cost every file more. */
const NOTE_HEADERS = new Set([NOTE_FIELD.header, ...NOTE_FIELD.aliases].map(columnKey));

/** Shown of the members left out without a reason: a few cells, as the other remarks name theirs. */
const NOT_COUNTED_SHOWN = 5;

/**
 * Members marked not counted whose note gives no reason (domain noteExplainsLeftOut): leaving out
 * exactly those who fail raises every share. Walks the few members not counted only.
 */
function notCountedFlag(table: MemberTable | null, ev: Evaluation, lang: Lang): Flag | null {
  if (!table || table.countedIndex === null || ev.countedMembers === ev.members.length) return null;
  const noteIndex = table.columns.findIndex((c, i) => i !== table.nameIndex && NOTE_HEADERS.has(columnKey(c.header)));
  const countedColumn = table.columns[table.countedIndex]!;
  const left = new Set<number>();
  for (const m of ev.members) if (!m.counted) left.add(m.row);
  const cells: string[] = [];
  for (const r of table.rows) {
    if (!left.has(r.row)) continue;
    const note = noteIndex < 0 ? '' : readText(r.cells[noteIndex] ?? null);
    if (!noteExplainsLeftOut(note)) cells.push(describeLocation({ sheet: 'members', row: r.row, col: countedColumn.col }));
  }
  if (!cells.length) return null;
  const params = { count: cells.length, column: countedColumn.header, note: noteIndex < 0 ? NOTE_FIELD.header : table.columns[noteIndex]!.header, cells: firstOnes(cells, NOT_COUNTED_SHOWN), counted: ev.countedMembers, listed: ev.members.length };
  return { code: 'notCounted', message: t(lang, 'consolidate.flag.notCounted', params) };
}

/**
 * The members evaluate finds listed twice (one problem per row), as one remark: each set of rows
 * once (the rows that may be one person say the same rows), the first few named.
 */
function duplicateMembersFlag(found: Problem[], file: string, lang: Lang): Flag {
  const named = new Map<string, string>();
  for (const p of found) if (!named.has(String(p.params.rows))) named.set(String(p.params.rows), String(p.params.name));
  const members = [...named].map(([rows, name]) => t(lang, 'consolidate.flag.duplicateMember', { name, rows }));
  const list = members.slice(0, 5).join('; ') + (members.length > 5 ? '; …' : '');
  return { code: 'duplicateMember', message: t(lang, 'consolidate.flag.duplicateMembers', { file, sheet: SHEETS.members, members: list }) };
}

/** Why a workbook is not a unit's: the sheets it lacks named in one sentence (one reason per file), then any other error. */
function notUnitDetail(problems: Problem[], lang: Lang): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const missing = errors.filter((p) => p.code === 'missingSheet');
  // One sheet missing: a unit's workbook that lost a sheet, the advice addressed to the officer who received it.
  if (missing.length < 2) return errors.map((p) => (p.code === 'missingSheet' ? t(lang, 'consolidate.reason.missingSheet', { sheet: String(p.params.sheet) }) : locateProblem(p, lang).message)).join(' ');
  const sheets = missing.map((p) => `“${String(p.params.sheet)}”`).join(', ');
  return [t(lang, 'consolidate.reason.missingSheets', { sheets }), ...errors.filter((p) => p.code !== 'missingSheet').map((p) => locateProblem(p, lang).message)].join(' ');
}

/** "mức độ 1" out of a recognition text like "“Đơn vị học tập” cấp tỉnh mức độ 1". */
function levelOf(text: string): string | null {
  const m = /mức độ\s*(\d)/i.exec(text.normalize('NFC'));
  return m ? `mức độ ${m[1]}` : null;
}

export function outcomeLabel(ev: Evaluation, recognition: string, lang: Lang): string {
  const o = ev.outcome;
  if (o.kind === 'score') return o.status === 'rated' ? t(lang, 'consolidate.outcome.rated', { rating: o.rating ?? '' }) : t(lang, 'consolidate.outcome.notEvaluable');
  if (o.status === 'not_evaluable') return t(lang, 'consolidate.outcome.notEvaluable');
  if (o.status === 'not_recognised') return t(lang, 'consolidate.outcome.notRecognised');
  const level = levelOf(recognition);
  return level ? t(lang, 'consolidate.outcome.recognised', { level }) : t(lang, 'consolidate.outcome.recognisedNoLevel');
}

/** Where a field of 'Thông tin đơn vị' is ('Thông tin đơn vị'!B5), or the sheet when the unit has no such row. */
function fieldWhere(wb: UnitWorkbook, label: string): string {
  const field = unitField(wb.unit, label);
  return field ? describeLocation(field.at) : `'${SHEETS.unit}'`;
}

/*
 * A file's record is built by functions of this module, not by closures made per file: V8 keeps
 * a function's optimised code only while a closure of it lives, so a worker reading file after
 * file compiled each per-file callback again after every full garbage collection (src/domain/arrays.ts).
 */

type ResultKey = keyof UnitWorkbook['unit']['resultRows'];
/** The result block's self-assessment, as the add-in's formulas write it. */
const RECORDED_RESULTS: readonly ResultKey[] = ['outcome', 'score', 'rating'];

/** What the unit's file records in the result block (column B of 'Thông tin đơn vị'). */
function resultCell(wb: UnitWorkbook, k: ResultKey): CellValue {
  const row = wb.unit.resultRows[k];
  return row ? (wb.sheets.unit!.rows[row - 1]?.[1] ?? null) : null;
}

/** `rules`: what `ev` was worked out under (the row's indicators and label); the unit's own rule set is what its remarks compare. */
function buildRecord(wb: UnitWorkbook, ev: Evaluation, rules: RuleSet, { file, lang, flags, contents, summary }: { file: string; lang: Lang; flags: Flag[]; contents: string; summary: SheetRows | null }): UnitRecord {
  const rs = wb.criteria.ruleSet;
  const recordedOutcome = readText(resultCell(wb, 'outcome'));
  const recordedFp = readText(resultCell(wb, 'fingerprint'));
  const at = resultCell(wb, 'evaluatedAt');
  const evaluatedAt = typeof at === 'number' ? serialIn1900(at, wb.date1904) : null;
  // Read once: the checks, the hold on its outcome and the body's tier (in aggregate) all need it.
  const request = unitRequest(wb);
  // Worded as the unit's own evaluation words it: held when level 2 is asked too soon (aggregate flags why).
  const computed = outcomeText({ ...ev, outcome: heldOutcome(ev.outcome, requestHold(rules, request, new Date())) }, lang);
  const label = outcomeLabel(ev, rules.recognition || rules.name, lang);
  const ids = identitiesOf(rules);

  // The score and rating the unit recorded, where they were compared with the data's (the table shows them beside).
  let scored: RecordedScore | null = null;
  if (recordedOutcome === '' && recordedFp === '') {
    flags.push({ code: 'notEvaluated', message: t(lang, 'consolidate.flag.notEvaluated', { where: resultWhere(wb, 'outcome'), field: RESULT_FIELDS.outcome }) });
  }
  else {
    const stale = !matchesFingerprint(wb, recordedFp);
    if (stale) {
      flags.push({ code: 'stale', message: evaluatedAt !== null ? t(lang, 'consolidate.flag.stale', { date: formatDate(serialToDate(evaluatedAt)) }) : t(lang, 'consolidate.flag.staleUndated') });
    }
    // Saved by a program that does not calculate: the self-assessment reads blank, and would be taken to agree.
    const unread = RECORDED_RESULTS.find((k) => isUncalculated(resultCell(wb, k)));
    if (unread) flags.push({ code: 'uncalculatedResult', message: t(lang, 'consolidate.flag.uncalculatedResult', { cell: resultWhere(wb, unread) }) });
    const disagreeing = new Set<string>();
    const disagree = disagreements(wb, ev, lang, disagreeing);
    if (ev.outcome.kind === 'score') scored = recordedScore(wb);
    const outcomeFlag = outcomeDisagreement(ev, recordedOutcome, computed.text, scored, wb, lang);
    if (outcomeFlag) disagree.push(outcomeFlag);
    // What the unit is to do, once, after the last: data changed since the evaluation are the stale remark's to explain.
    const last = disagree.at(-1);
    if (last && !stale) last.message = rules === rs ? t(lang, 'consolidate.flag.disagreeAdvice', { message: last.message }) : t(lang, 'consolidate.flag.disagreeAdviceRules', { message: last.message, ruleSet: rules.name });
    flags.push(...disagree);
    // The printed page against the data it was drawn from: the unit's own rule set (a unit recomputed under the reference is evaluated as it evaluates itself).
    const own = rules === rs ? ev : evaluate(evaluationInput(wb));
    // The outcome as the page words it: in Vietnamese, whatever the officer reads.
    const pageOutcome = lang === 'vi' && own === ev ? computed.text : outcomeText({ ...own, outcome: heldOutcome(own.outcome, requestHold(rs, request, new Date())) }, 'vi').text;
    let sheetFlag: Flag | null = null;
    try {
      sheetFlag = summaryFlag(summary, { ev: own, outcome: pageOutcome, stale, said: { codes: disagreeing, outcome: outcomeFlag !== null }, file, lang });
    } catch (e) {
      unreadPage(e);
    }
    if (sheetFlag) flags.push(sheetFlag);
  }

  const name = readText(wb.unit.info.name);
  // Nameless, the unit would print as a blank row of the table and of the decision's list.
  if (name === '') flags.push({ code: 'noName', message: t(lang, 'consolidate.flag.noName', { file, where: fieldWhere(wb, UNIT_FIELDS.name) }) });
  flags.push(...unitCheckFlags(wb, request, file, lang));
  const prev = readDate(wb.unit.info.previousDate, wb.date1904);
  if (prev.kind === 'invalid') flags.push({ code: 'badDate', message: t(lang, 'consolidate.flag.badDate', { file, where: fieldWhere(wb, UNIT_FIELDS.previousDate), value: prev.text }) });

  return {
    name,
    type: readText(wb.unit.info.type),
    typedYear: { text: readText(wb.unit.info.year), where: fieldWhere(wb, UNIT_FIELDS.year) },
    year: null,
    levelRequested: readText(wb.unit.info.level),
    requestedLevel: requestedLevel(rs, readText(wb.unit.info.level)),
    ruleSet: { id: rs.id, level: rs.level ?? null, ...comparable(rs) },
    basis: rs.basis,
    bases: [],
    countedMembers: ev.countedMembers,
    listedMembers: ev.members.length,
    indicators: indicatorFigures(ev, ids),
    criteria: criterionFigures(ev, ids),
    receiving: receiving(wb, request),
    outcome: { status: ev.outcome.status, label, score: ev.outcome.kind === 'score' ? ev.outcome.score : null, rating: ev.outcome.kind === 'score' ? ev.outcome.rating : null },
    recorded: { outcome: recordedOutcome, evaluatedAt, fingerprint: recordedFp, score: scored?.score ?? null, rating: scored?.rating || null },
    contents,
    ...memberKeys(wb.members.table, ev),
    place: readText(wb.unit.info.place),
    parent: readText(wb.unit.info.parent),
    previousDate: prev.kind === 'date' ? prev.serial : null,
    previousLevel: readText(wb.unit.info.previousLevel),
    flags,
  };
}


/**
 * The member list as one key: its names in order and the figures they give (counted members, each
 * indicator's value); '' for a list too short to tell. Two units of other names holding one key
 * sent one list: a workbook copied and renamed (aggregate.ts). Names and figures rather than every
 * cell: hashing a whole list doubled what fingerprinting costs each file (≈ 100 µs for 60 members).
 * With it, each name's own hash (UnitRecord.memberNames).
 */
function memberKeys(table: MemberTable | null, ev: Evaluation): Pick<UnitRecord, 'members' | 'memberNames'> {
  if (!table) return { members: '', memberNames: [] };
  const names: string[] = [];
  for (const r of table.rows) {
    const name = readText(r.cells[table.nameIndex] ?? null);
    if (name !== '') names.push(name);
  }
  const memberNames = [...new Set(names.map(nameHash))].sort((a, b) => a - b);
  if (names.length < SAME_LIST_MIN) return { members: '', memberNames };
  let figures = String(ev.countedMembers);
  for (const i of ev.indicators) figures += `|${i.value ?? ''}`;
  return { members: hash64(`${names.join('\n')}\n${figures}`), memberNames };
}

/**
 * A name's 32-bit FNV-1a hash, the name compared as import compares it (wordKey: case, spacing, composition and
 * tone placement aside: “Nguyễn  Văn Hoà” is “nguyễn văn hòa”). wordKey rather than NFC and lower case here: most
 * names take its fast path, where normalising each name cost ≈ 2.5 µs (≈ 150 µs a 60-member unit).
 */
function nameHash(name: string): number {
  const s = wordKey(name);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function indicatorFigures(ev: Evaluation, ids: Identities): UnitRecord['indicators'] {
  const out: UnitRecord['indicators'] = [];
  for (const i of ev.indicators) out.push({ code: i.code, identity: ids.indicators.get(i.code)!, text: i.text, measure: i.measure, required: i.required, value: i.value, status: i.status });
  return out;
}

function criterionFigures(ev: Evaluation, ids: Identities): UnitRecord['criteria'] {
  const out: UnitRecord['criteria'] = [];
  for (const c of ev.criteria) out.push({ code: c.code, identity: ids.criterion(c.code), status: c.status, points: c.points });
  return out;
}

interface Identities {
  indicators: Map<string, string>;
  criterion: (code: string) => string;
}

/** By what the identities are made of: a reading thread meets the same few rule sets in most of its files. */
const identitiesByRuleSet = new Map<string, Identities>();

/**
 * The rule set's indicator identities, and its criteria's as asked for (each made of its
 * indicators'), worked out once per distinct rule set rather than once per file: the texts'
 * normalising and the criteria's hashes were ≈ 0.1 ms of every file.
 */
function identitiesOf(rs: RuleSet): Identities {
  // Lengths first, so that no text can pass for another indicator's code and text.
  let key = rs.mode;
  for (const i of rs.indicators) {
    const what = i.measure.kind === 'members' ? i.measure.condition : i.text;
    key += `|${i.measure.kind}:${i.code.length}:${i.code}${what.length}:${what}`;
  }
  let ids = identitiesByRuleSet.get(key);
  if (ids) return ids;
  const indicators = new Map(rs.indicators.map((i) => [i.code, indicatorIdentity(rs.mode, i)]));
  const criteria = new Map<string, string>();
  ids = {
    indicators,
    criterion: (code) => {
      let id = criteria.get(code);
      if (id === undefined) criteria.set(code, (id = criterionIdentity(rs.mode, code, rs.indicators, (i) => indicators.get(i.code)!)));
      return id;
    },
  };
  // Bounded: a batch of units edited each their own way holds no more than these.
  if (identitiesByRuleSet.size >= 64) identitiesByRuleSet.clear();
  identitiesByRuleSet.set(key, ids);
  return ids;
}

/** What the body's tier is checked against (Consolidation: the body is known only there). */
function receiving(wb: UnitWorkbook, request: UnitRequest): UnitRecord['receiving'] {
  const rs = wb.criteria.ruleSet;
  const typed = request.receiverTier;
  return { typed: typed.value, where: typed.at ? describeLocation(typed.at) : fieldWhere(wb, UNIT_FIELDS.receiverTier), tiers: rs.receiverTiers ?? [], recognition: rs.recognition || rs.name, basis: recognitionBasisNote(rs), level2Basis: level2Basis(rs), deadlineBasis: dossierDeadlineBasis(rs) };
}

/** Evaluate's checks consolidation has no rule of its own for (the 12-month rule it has, by the year it reads). */
const UNIT_CHECKS = new Map<string, FlagCode>([
  ...(['unitTypeMissing', 'unitTypeUnknown', 'levelMismatch', 'tierMismatch'] satisfies FlagCode[]).map((c) => [c, c] as const),
  // A tier that names none (the unit's, or one its rule set lists) is a question of where the dossier goes, like a mismatch.
  ['tierUnknown', 'tierMismatch'],
  ['receiverTierUnknown', 'tierMismatch'],
]);

/** The unit's type, level and receiving tier checked as evaluate checks them, each at its file and cell. */
function unitCheckFlags(wb: UnitWorkbook, request: UnitRequest, file: string, lang: Lang): Flag[] {
  const type = unitTypeProblem(wb);
  return [...(type ? [type] : []), ...requestChecksOf(wb, request)]
    .filter((p) => UNIT_CHECKS.has(p.code))
    .map((p) => ({ code: UNIT_CHECKS.get(p.code)!, message: t(lang, 'consolidate.flag.unitCheck', { file, message: locateProblem(p, lang).message }) }));
}

/** Column O of 'Tiêu chí' ("Kết quả") as recorded, against the recomputation. */
/** The result cell of a “Tiêu chí” row the unit typed over (its formula gives the data's result): where the officer and the unit look. Worked out only for a row that disagrees. */
const recordedResultRef = (row: number) => sheetRef(SHEETS.criteria, `${columnLetter(COL.result)}${row}`);

function disagreements(wb: UnitWorkbook, ev: Evaluation, lang: Lang, codes: Set<string>): Flag[] {
  const flags: Flag[] = [];
  const rows = wb.sheets.criteria!.rows;
  for (const row of wb.criteria.rows) {
    const cell = rows[row.row - 1]?.[COL.result - 1] ?? null;
    const recorded = recordedStatus(cell);
    if (recorded === null) continue;
    if (row.indicator) {
      const res = findByCode(ev.indicators, row.code);
      if (!res || recorded === res.status) continue;
      codes.add(res.code);
      const share = res.measure !== 'unit' && res.value !== null && res.required !== null;
      const message = share
        ? t(lang, 'consolidate.flag.indicatorShare', {
            code: res.code,
            recorded: readText(cell),
            cell: recordedResultRef(row.row),
            value: formatMeasured({ value: res.value!, required: res.required, status: res.status }, lang),
            op: res.status === 'met' ? '≥' : '<',
            required: formatThreshold(res.required!, lang),
          })
        : t(lang, 'consolidate.flag.indicatorOther', { code: res.code, recorded: readText(cell), cell: recordedResultRef(row.row), computed: t(lang, `status.${res.status}`) });
      flags.push({ code: 'disagree', message });
    } else {
      const res = findByCode(ev.criteria, row.code);
      if (!res || recorded === res.status) continue;
      codes.add(res.code);
      flags.push({ code: 'disagree', message: t(lang, 'consolidate.flag.criterion', { code: res.code, recorded: readText(cell), cell: recordedResultRef(row.row), computed: t(lang, `status.${res.status}`) }) });
    }
  }
  return flags;
}

/** A scored unit's score and rating as its result block records them: a score that reads as no number as its text ('' for none). */
interface RecordedScore {
  score: number | string | null;
  rating: string;
}

function recordedScore(wb: UnitWorkbook): RecordedScore {
  const cell = resultCell(wb, 'score');
  const n = readNumber(cell);
  const text = n.kind === 'number' ? '' : readText(cell);
  return { score: n.kind === 'number' ? n.value : text === '' ? null : text, rating: readText(resultCell(wb, 'rating')) };
}

function outcomeDisagreement(
  ev: Evaluation,
  recorded: string,
  computedText: string,
  scored: RecordedScore | null,
  wb: UnitWorkbook,
  lang: Lang,
): Flag | null {
  const o = ev.outcome;
  if (o.kind === 'score' && scored) {
    // One rule with the table's “Thẩm định”, which re-checks the row's figures as the officer edits them (check.ts).
    const cells = { score: o.score, recordedScore: scored.score, rating: o.rating, recordedRating: scored.rating };
    if (scoresAgree(cells)) return null;
    const sameScore = scoresAgree({ ...cells, rating: null, recordedRating: null });
    return {
      code: 'disagree',
      message: t(lang, 'consolidate.flag.score', { recorded: recordedScoreText(scored.score, scored.rating, lang), cell: resultWhere(wb, sameScore ? 'rating' : 'score'), computed: computedText }),
    };
  }
  const category = outcomeCategory(recorded);
  if (category === null || category === o.status) return null;
  return { code: 'disagree', message: t(lang, 'consolidate.flag.outcome', { recorded, cell: resultWhere(wb, 'outcome'), computed: computedText }) };
}

/** Where the result block holds `k` ('Thông tin đơn vị'!B20), or the sheet when the unit has no such row. */
function resultWhere(wb: UnitWorkbook, k: ResultKey): string {
  const row = wb.unit.resultRows[k];
  return row ? sheetRef(SHEETS.unit, `B${row}`) : `'${SHEETS.unit}'`;
}
