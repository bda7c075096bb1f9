/**
 * The officer's documents from the consolidated table of the open workbook: one read (the
 * table, the officer's templates, the documents drawn before, whose officer-written text is
 * kept, and the officer's own rule set if the workbook has one), then one write.
 */
import type { Workbook } from '../workbook/port';
import { PRESETS } from '../domain/rules/presets';
import type { RuleSet } from '../domain/rules/ruleSet';
import { t, type Lang } from '../i18n';
import { sentences } from '../domain/text';
import { sheetRef } from '../workbook/a1';
import { SHEETS } from '../sheets/names';
import { hasUnitSheets } from '../sheets/unitWorkbook';
import { readCriteriaSheet } from '../sheets/criteriaSheet';
import { KeptTexts, readUserTexts } from '../documents/narrative';
import { isTemplatesSheet, planTemplatesSheet, readTemplatesSheet } from '../documents/templatesSheet';
import { BLANK, buildOfficerContext, DRAW_OFFICER, officerParties, proposed as isProposed, unitBases, unmetUnnamed, OFFICER_KINDS, OFFICER_SHEET, OFFICER_TEMPLATES, type BatchRuleSet, type BatchUnit, type OfficerFields, type OfficerKind } from '../documents/officer';
import { repealedFor } from '../documents/repealed';
import { CONSOLIDATION_SHEETS } from './consolidate/layout';
import { batchYear, readConsolidatedTable, readUnreadFiles, recognisedRatings, scopeUnits } from './officerTable';
import { editedOwnPlan, editedOwnSheet, ownPlan, ownSheetData, ownSheetName, readOwnSheets, ROLE, type Role } from './ownSheets';

export { OFFICER_KINDS, OFFICER_SHEET, isOfficerKind, type OfficerKind } from '../documents/officer';
/** Where the officer edits the documents' texts. */
export const OFFICER_TEMPLATES_SHEET = OFFICER_TEMPLATES.sheet;

const OFFICER_ROLE: Record<OfficerKind, Role> = {
  'bien-ban-tham-dinh': ROLE.officerBienBan,
  'to-trinh-cong-nhan': ROLE.officerToTrinh,
  'quyet-dinh-cong-nhan': ROLE.officerQuyetDinh,
};

/** The consolidated table, and the officer's texts (edited by the officer, only completed by the add-in). */
const TABLE = { name: CONSOLIDATION_SHEETS.units, role: ROLE.consolidation };
const TEMPLATES = { name: OFFICER_TEMPLATES.sheet, role: ROLE.officerTemplates };
/** The consolidation's file report: the files it could not read are dossiers the minutes record as not examined. */
const FILE_REPORT = { name: CONSOLIDATION_SHEETS.files, role: ROLE.fileReport };

export interface OfficerOptions extends OfficerFields {
  kinds?: readonly OfficerKind[];
  lang?: Lang;
}

export interface OfficerUnitSummary {
  name: string;
  type: string;
  /** Proposed at this level (0: recognised without a level); null: not proposed at a level. */
  level: number | null;
  /** Proposed with this rating (TT22); null: not proposed by rating. */
  rating: string | null;
  /** Recomputed from the unit's data ("Không đạt" …) and the indicators it misses with their figures ('' when none). */
  outcome: string;
  unmet: string;
  reasons: string[];
  /** Remarks that do not keep it out (an expired earlier recognition …), as the minutes state them: the officer reads them before signing. */
  notes: string[];
  /** Why it is not proposed, in one line (the table's remarks, else its own result and what falls short); '' when proposed. */
  why: string;
}

/**
 * A kept-out unit's reason in one line: the table's remarks when it has them, then the indicators
 * it misses that they do not name; else the data's own verdict and what falls short.
 */
function keptOutWhy(u: BatchUnit, lang: Lang): string {
  if (u.reasons.length) {
    const missed = unmetUnnamed(u);
    return sentences([...u.reasons, ...(missed.length ? [t(lang, 'officer.alsoUnmet', { list: missed.join('; ') })] : [])]);
  }
  return t(lang, 'officer.notProposedResult', { outcome: u.outcome, unmet: u.unmet ? t(lang, 'officer.unmetIndicators', { list: u.unmet }) : '' });
}

export type OfficerResult =
  | {
      ok: true;
      documents: { kind: OfficerKind; sheet: string; kept: number }[];
      units: OfficerUnitSummary[];
      proposed: number;
      notProposed: number;
      templates: { sheet: string; status: 'created' | 'added' | 'used' };
      warnings: string[];
    }
  | { ok: false; message: string };

/** Rule sets by the name the table prints: the presets, and the officer's own "Tiêu chí" if any. */
function knownRuleSets(own: RuleSet | null): BatchRuleSet[] {
  return [...(own ? [own] : []), ...PRESETS].map((r) => ({ name: r.name, basis: r.basis, recognition: r.recognition, ratings: r.mode === 'score' ? r.bands.map((b) => b.label) : [], tiers: r.receiverTiers ?? [] }));
}

export async function generateOfficerDocuments(workbook: Workbook, options: OfficerOptions = {}): Promise<OfficerResult> {
  const lang = options.lang ?? 'vi';
  const kinds = OFFICER_KINDS.filter((k) => !options.kinds || options.kinds.includes(k));
  return workbook.batch(async (session) => {
    const drawn = kinds.map((k) => ({ name: OFFICER_SHEET[k], role: OFFICER_ROLE[k] }));
    const snapshot = await readOwnSheets(session, [SHEETS.criteria], [TABLE, TEMPLATES, FILE_REPORT, ...drawn]);
    const tableSheet = ownSheetName(snapshot, CONSOLIDATION_SHEETS.units, ROLE.consolidation);
    const data = ownSheetData(snapshot, CONSOLIDATION_SHEETS.units, ROLE.consolidation);
    if (!data) {
      // A unit's own workbook (consolidation refuses it too): the officer's sheets would mix into the unit's dossier.
      return { ok: false, message: t(lang, hasUnitSheets(snapshot.sheetNames) ? 'officer.unitWorkbook' : 'officer.noTable', { file: workbook.label, sheet: CONSOLIDATION_SHEETS.units }) };
    }
    const table = readConsolidatedTable(data);
    if (!table.ok) return { ok: false, message: t(lang, `officer.${table.reason}`, { file: workbook.label, where: sheetRef(tableSheet, 'A1') }) };

    const criteria = snapshot.sheets.get(SHEETS.criteria);
    const own = criteria ? readCriteriaSheet(criteria) : null;
    const ruleSets = knownRuleSets(own && own.rows.length ? own.ruleSet : null);
    const target = editedOwnSheet(snapshot, TEMPLATES, (d) => isTemplatesSheet(d, OFFICER_TEMPLATES));
    const templatesData = target.data;
    const templates = readTemplatesSheet(templatesData, options.body ?? table.batch.body, 'pass-fail', OFFICER_TEMPLATES);
    const warnings = templates.issues.map((i) => t(lang, 'documents.unknownPlaceholder', { where: sheetRef(target.sheet, `B${i.row}`), name: i.name }));
    // The body and tier the documents are drawn for, which may not be the consolidation's: what one decision may hold is checked against them.
    const parties = officerParties(table.batch, templates.texts, options);
    if (parties.body === BLANK) warnings.push(t(lang, 'officer.noBody', { sheet: target.sheet }));
    else if (parties.committee === BLANK) warnings.push(t(lang, 'officer.noCommittee', { body: parties.body, sheet: target.sheet }));
    const year = batchYear(table.batch.units, table.statedYears);
    if (year === null && table.batch.years.length > 1) warnings.push(t(lang, 'officer.yearsMixed', { years: table.batch.years.join(', '), sheet: tableSheet }));
    const scope = { year, tier: parties.tier, committee: parties.committee === BLANK ? '' : parties.committee };
    const units = scopeUnits(recognisedRatings(table.batch.units, ruleSets), ruleSets, scope, table.english ? 'en' : 'vi');
    const batch = { ...table.batch, years: year === null ? table.batch.years : [year], units, ruleSets, unread: readUnreadFiles(ownSheetData(snapshot, FILE_REPORT.name, FILE_REPORT.role)) };
    const ctx = buildOfficerContext(batch, templates.texts, options, snapshot.date1904);
    // The minutes print the table's results and reasons as they are: in English, said before anyone signs.
    if (table.english) warnings.push(t(lang, 'officer.englishTable', { sheet: tableSheet }));
    // A unit whose bases the table recorded is cited by them: its rule set's name need not be known.
    const unknown = [...new Set(batch.units.filter((u) => !u.bases.length).map((u) => u.ruleSet))].filter((n) => n && !batch.ruleSets.some((r) => r.name === n));
    if (unknown.length) warnings.push(t(lang, 'officer.unknownRuleSet', { names: unknown.map((n) => `“${n}”`).join(', '), sheet: target.sheet }));
    // The request and the decision cite the proposed units' bases: a repealed one is said before anyone signs.
    const late = batch.units.filter(isProposed).flatMap((u) => {
      const text = repealedFor(unitBases(u, batch.ruleSets).join('; '), Number(u.year) || 0);
      return text ? [{ name: u.name, text }] : [];
    });
    const repealed = late[0]?.text;
    if (repealed) warnings.push(t(lang, 'officer.repealedBasis', { title: repealed.title, since: repealed.since, units: late.map((u) => u.name).join(', '), sheet: target.sheet }));

    const documents: { kind: OfficerKind; sheet: string; kept: number }[] = [];
    // Filed after the consolidation's sheets, in signing order.
    let previous = ownSheetName(snapshot, CONSOLIDATION_SHEETS.files, ROLE.fileReport);
    if (!snapshot.sheetNames.includes(previous)) previous = tableSheet;
    for (const kind of kinds) {
      const role = OFFICER_ROLE[kind];
      const sheet = ownSheetName(snapshot, OFFICER_SHEET[kind], role);
      const kept = new KeptTexts(readUserTexts(ownSheetData(snapshot, OFFICER_SHEET[kind], role)));
      session.write({ ...ownPlan(DRAW_OFFICER[kind](ctx, kept), role), after: previous });
      documents.push({ kind, sheet, kept: kept.count() });
      previous = sheet;
    }
    const templatesPlan = planTemplatesSheet(templatesData !== undefined, templates, options.body ?? batch.body, 'pass-fail', OFFICER_TEMPLATES);
    const ownTemplates = editedOwnPlan(templatesPlan, TEMPLATES, target);
    if (ownTemplates) session.write({ ...ownTemplates, after: previous });
    const summaries = batch.units.map((u) => ({ name: u.name, type: u.type, level: u.level, rating: u.rating, outcome: u.outcome, unmet: u.unmet, reasons: u.reasons, notes: u.notes, why: isProposed(u) ? '' : keptOutWhy(u, lang) }));
    const proposed = batch.units.filter(isProposed).length;
    return {
      ok: true,
      documents,
      units: summaries,
      proposed,
      notProposed: summaries.length - proposed,
      templates: { sheet: target.sheet, status: !templatesData ? 'created' : templates.missing.length ? 'added' : 'used' },
      warnings,
    };
  });
}
