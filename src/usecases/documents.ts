/**
 * Generate the dossier's documents from an evaluated workbook. One batch: one read (the
 * unit's sheets, the template texts and the current document sheets, whose unit-written
 * text is kept), then one write of every document sheet. Nothing is written when the
 * workbook's figures are not those of its last evaluation.
 */
import { evaluate, type Evaluation } from '../domain/evaluation';
import { readText } from '../domain/values';
import { cleanText, foldKey } from '../domain/text';
import type { SheetData, Workbook } from '../workbook/port';
import { sheetRef } from '../workbook/a1';
import { SHEETS } from '../sheets/names';
import { SUMMARY_AFTER } from '../sheets/summarySheet';
import { RESULT_FIELDS, UNIT_FIELDS } from '../sheets/unitSheet';
import { SETTINGS } from '../sheets/criteriaSheet';
import { locateProblem } from '../sheets/locate';
import { t, type Lang } from '../i18n';
import { heldWords, notEvaluableCodes, outcomeText, unmetIndicators } from '../i18n/outcome';
import { sayWords, type Words } from '../i18n/words';
import type { Problem } from '../domain/problems';
import { buildContext, filingOf, type Figures } from '../documents/context';
import { DOCUMENT_KINDS, documentSheet, documentSheetNames, DRAW, type DocumentKind } from '../documents';
import { KeptTexts, readUserTexts } from '../documents/narrative';
import { planTemplatesSheet, readTemplatesSheet } from '../documents/templatesSheet';
import { repealedFor } from '../documents/repealed';
import { evaluationInput, UNIT_WORKBOOK_SHEETS } from '../sheets/unitWorkbook';
import { matchesFingerprint } from './fingerprint';
import { planWrites } from './evaluate';
import { requestHold, unitChecks, unitRequest } from './unitChecks';
import { ruleSetProblems } from './ruleSetDeparture';
import { editedOwnPlan, ownPlan, ownSheetData, ownSheetMarks, ownSheetName, parseUnitWorkbookOrRenamed, readOwnSheets, ROLE, UNIT_TEMPLATES_SHEET, unitTemplatesSheet, type Role } from './ownSheets';

export const DOCUMENT_ROLE: Record<Exclude<DocumentKind, 'tong-hop'>, Role> = {
  bia: ROLE.bia,
  'to-trinh': ROLE.toTrinh,
  'ke-hoach': ROLE.keHoach,
  'quyet-dinh': ROLE.quyetDinh,
  'bao-cao': ROLE.baoCao,
  'bien-ban': ROLE.bienBan,
  'dang-ky': ROLE.dangKy,
};

// What the pane and the CLI offer to generate (they call this use-case, not documents/).
export { DOCUMENT_KINDS, DOCUMENT_SHEETS, isDocumentKind, type DocumentKind } from '../documents';

export interface GenerateOptions {
  /** Which documents (default: all, in filing order). */
  kinds?: readonly DocumentKind[];
  lang?: Lang;
}

export interface DocumentMessage {
  severity: 'error' | 'warning';
  /** A problem code (domain/problems.ts), or notEvaluated / stale / unknownPlaceholder / requestNotSupported / requestHeld / repealedBasis. */
  code: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  /** What the message says, to word it again in another language (rewordDocuments). */
  source: { problem: Problem } | { words: Words };
}

export interface GeneratedDocument {
  kind: DocumentKind;
  sheet: string;
  /** Unit-written texts carried over from the previous generation. */
  kept: number;
}

export type GenerateResult =
  | {
      ok: true;
      unit: string;
      documents: GeneratedDocument[];
      figures: Figures;
      /** The template sheet was created now ("created"), completed ("added") or used as is. */
      templates: { sheet: string; status: 'created' | 'added' | 'used'; added: number };
      warnings: DocumentMessage[];
    }
  | { ok: false; problems: DocumentMessage[] };

function located(problem: Problem, lang: Lang): DocumentMessage {
  const p = locateProblem(problem, lang);
  return { severity: p.severity, code: p.code, sheet: p.sheet, cell: p.cell, message: p.message, source: { problem } };
}

/** The indicators that keep the unit from the level asked, with their figures (" (chưa đạt 2.2: 85,1% < 90%)"). */
function unmetList(evaluation: Evaluation, lang: Lang): string {
  const notMet = unmetIndicators(evaluation.indicators.filter((i) => i.status === 'not_met'), lang);
  const pending = notEvaluableCodes(evaluation.indicators, lang);
  // “(chưa đạt 2.2: …; chưa đánh giá được: 1.1)”, or only the second part in brackets.
  if (notMet.length) return t(lang, 'documents.unmetList', { list: [...notMet, ...pending].join('; ') });
  return pending.length ? ` (${pending[0]})` : '';
}

/** A held recognition as words (heldWords), so that the refusal says why and what to do in the language it is read in; null for an outcome not held. */
function heldRefusal(evaluation: Evaluation): Words | null {
  const o = evaluation.outcome;
  return o.kind === 'pass-fail' && o.hold ? heldWords(o.hold, o.recognition) : null;
}

function said(lang: Lang, severity: DocumentMessage['severity'], code: string, sheet: string, cell: string | null, words: Words): DocumentMessage {
  return { severity, code, sheet, cell, message: sayWords(lang, words), source: { words } };
}

/** The 1-based row whose column `col` holds `label` (as the sheets' readers match labels), 0 when none. */
function labelRow(data: SheetData | undefined, label: string, col: number): number {
  return (data?.rows.findIndex((r) => foldKey(readText(r[col - 1] ?? null)) === foldKey(label)) ?? -1) + 1;
}

/** The same result worded in another language: nothing is read or drawn again. */
export function rewordDocuments(result: GenerateResult, lang: Lang): GenerateResult {
  const reword = (m: DocumentMessage): DocumentMessage => ({ ...m, message: 'problem' in m.source ? locateProblem(m.source.problem, lang).message : sayWords(lang, m.source.words) });
  return result.ok ? { ...result, warnings: result.warnings.map(reword) } : { ...result, problems: result.problems.map(reword) };
}

export async function generateDocuments(workbook: Workbook, options: GenerateOptions = {}): Promise<GenerateResult> {
  const lang = options.lang ?? 'vi';
  let kinds = DOCUMENT_KINDS.filter((k) => !options.kinds || options.kinds.includes(k));
  return workbook.batch(async (session) => {
    // Document sheets are read (their unit-written texts are kept) where the add-in's mark puts them.
    const own = kinds.filter((k) => k !== 'tong-hop').flatMap((k) => documentSheetNames(k).map((name) => ({ name, role: DOCUMENT_ROLE[k] })));
    const snapshot = await readOwnSheets(session, UNIT_WORKBOOK_SHEETS, [UNIT_TEMPLATES_SHEET, ...own], { marks: ownSheetMarks(SHEETS.summary) });
    const parsed = parseUnitWorkbookOrRenamed(snapshot);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => located(p, lang)) };
    const wb = parsed.workbook;

    // The documents print the evaluation's figures: they must be the sheets' current ones.
    const fpRow = wb.unit.resultRows.fingerprint;
    const stored = fpRow ? readText(wb.sheets.unit!.rows[fpRow - 1]?.[1] ?? null) : '';
    const where = fpRow ? sheetRef(SHEETS.unit, `B${fpRow}`) : `'${SHEETS.unit}'`;
    const cell = fpRow ? `B${fpRow}` : null;
    if (!stored) return { ok: false, problems: [said(lang, 'error', 'notEvaluated', SHEETS.unit, cell, { key: 'documents.notEvaluated', params: { file: workbook.label, where, field: RESULT_FIELDS.fingerprint } })] };
    if (!matchesFingerprint(wb, stored)) return { ok: false, problems: [said(lang, 'error', 'stale', SHEETS.unit, cell, { key: 'documents.stale', params: { file: workbook.label, where } })] };

    const now = new Date();
    const checks = unitChecks(wb, now);
    // Every document prints the unit's name in its heading: without it none is fit to sign.
    const unnamed = checks.find((p) => p.code === 'unitNameMissing');
    if (unnamed) return { ok: false, problems: [located({ ...unnamed, severity: 'error' }, lang)] };
    // Nor without its year (“năm {nam}”): none is printed in place of the one the unit meant.
    const noYear = checks.find((p) => p.code === 'unitYearMissing' || p.code === 'unitYearInvalid');
    if (noYear) return { ok: false, problems: [located({ ...noYear, severity: 'error' }, lang)] };

    const request = unitRequest(wb, now);
    const rs = wb.criteria.ruleSet;
    const input = { ...evaluationInput(wb), hold: requestHold(rs, request, now) };
    const evaluation = evaluate(input);
    // A request the unit may not make this year (level 2 too soon, or with no level-1 date), or one its
    // result does not support (a letter asking for what its own figures deny), is no letter to sign:
    // refused, said with what to do; the other documents are drawn, filing the self-evaluation.
    const filing = filingOf(evaluation.outcome, rs);
    let refused: DocumentMessage | null = null;
    if (filing !== 'request' && kinds.includes('to-trinh')) {
      const drawn = ownSheetName(snapshot, documentSheet('to-trinh', rs.mode), DOCUMENT_ROLE['to-trinh']);
      const earlier = snapshot.sheetNames.includes(drawn);
      if (filing === 'held') {
        // Said at the level-1 date the clerk types; a sheet without that row, at the level asked.
        const at = request.previousDate.at ?? request.level.at;
        const before = earlier ? { key: 'documents.requestHeldDrawn' as const, params: { sheet: drawn } } : '';
        refused = said(lang, 'error', 'requestHeld', SHEETS.unit, at ? `B${at.row}` : null, { key: 'documents.requestHeld', params: { outcome: heldRefusal(evaluation) ?? outcomeText(evaluation, lang).text, before } });
      } else {
        // Said at the result cell, with the indicators to mend.
        const before = earlier ? { key: 'documents.requestDrawnBefore' as const, params: { sheet: drawn } } : '';
        const at = wb.unit.resultRows.outcome ? `B${wb.unit.resultRows.outcome}` : null;
        refused = said(lang, 'error', 'requestNotSupported', SHEETS.unit, at, { key: 'documents.requestNotSupported', params: { outcome: outcomeText(evaluation, 'vi').text, unmet: unmetList(evaluation, lang), before } });
      }
      kinds = kinds.filter((k) => k !== 'to-trinh');
      if (!kinds.length) return { ok: false, problems: [refused] };
    }
    // As the documents print it (buildContext): what the CLI and the pane name, and the templates' first abbreviation.
    const unitName = cleanText(readText(wb.unit.info.name));
    const target = unitTemplatesSheet(snapshot);
    const templatesData = target.data;
    const wording = wb.criteria.ruleSet.mode;
    const templates = readTemplatesSheet(templatesData, unitName, wording);
    // The rule set's departures from its preset, as evaluating says them: figures resting on a lowered requirement are said where they are printed.
    const warnings: DocumentMessage[] = [...(refused ? [refused] : []), ...[...parsed.problems, ...evaluation.problems, ...checks, ...ruleSetProblems(wb, input, evaluation)].map((p) => located(p, lang))];
    for (const issue of templates.issues) {
      const at = `B${issue.row}`;
      warnings.push(said(lang, 'warning', 'unknownPlaceholder', target.sheet, at, { key: 'documents.unknownPlaceholder', params: { where: sheetRef(target.sheet, at), name: issue.name } }));
    }
    const ctx = buildContext(wb, evaluation, templates.texts, request);
    // TT22 has had no effect since 26/01/2024: a later dossier citing it is said at the cell holding the basis.
    const repealed = repealedFor(rs.basis, Number(ctx.values.nam));
    if (repealed) {
      const basisRow = labelRow(wb.sheets.criteria, SETTINGS.basis, 2);
      const yearRow = labelRow(wb.sheets.unit, UNIT_FIELDS.year, 1);
      const cell = basisRow ? `C${basisRow}` : null;
      const params = { title: repealed.title, since: repealed.since, year: ctx.values.nam, yearAt: yearRow ? sheetRef(SHEETS.unit, `B${yearRow}`) : `'${SHEETS.unit}'`, basisAt: cell ? sheetRef(SHEETS.criteria, cell) : `'${SHEETS.criteria}'` };
      warnings.push(said(lang, 'warning', 'repealedBasis', SHEETS.criteria, cell, { key: 'documents.repealedBasis', params }));
    }

    const templatesPlan = planTemplatesSheet(templatesData !== undefined, templates, unitName, wording);
    const documents: GeneratedDocument[] = [];
    // Filing order: the documents up to the biên bản before the summary, the others after it. Without a
    // summary yet, they go where evaluating would draw it.
    const summaryName = ownSheetName(snapshot, SHEETS.summary, ROLE.summary);
    const hasSummary = snapshot.sheetNames.includes(summaryName);
    const beforeSummary = hasSummary
      ? snapshot.sheetNames[snapshot.sheetNames.indexOf(summaryName) - 1]
      : snapshot.sheetNames.includes(SUMMARY_AFTER)
        ? SUMMARY_AFTER
        : undefined;
    let previous: string | undefined = beforeSummary;
    for (const kind of DOCUMENT_KINDS) {
      if (kind === 'tong-hop' && hasSummary) previous = summaryName;
      if (!kinds.includes(kind)) continue;
      if (kind === 'tong-hop') {
        // The summary is the evaluation's own sheet: drawn exactly as evaluating draws it.
        const plans = planWrites(wb, evaluation, { fingerprint: stored, now: new Date(), summary: true });
        const summary = plans.find((p) => p.sheet === SHEETS.summary)!;
        // A new summary follows the documents drawn before it; an existing one stays where it is.
        session.write(!hasSummary && previous ? { ...summary, after: previous } : summary);
        documents.push({ kind, sheet: summaryName, kept: 0 });
        previous = summaryName;
        continue;
      }
      const role = DOCUMENT_ROLE[kind];
      const name = documentSheet(kind, wording);
      const sheet = ownSheetName(snapshot, name, role);
      const kept = new KeptTexts(readUserTexts(ownSheetData(snapshot, name, role)));
      const plan = ownPlan(DRAW[kind](ctx, kept), role);
      session.write(previous ? { ...plan, after: previous } : plan);
      documents.push({ kind, sheet, kept: kept.count() });
      previous = sheet;
    }
    const ownTemplates = editedOwnPlan(templatesPlan, UNIT_TEMPLATES_SHEET, target);
    if (ownTemplates) session.write(ownTemplates);
    return {
      ok: true,
      unit: unitName,
      documents,
      figures: ctx.report,
      templates: { sheet: target.sheet, status: !templatesData ? 'created' : templates.missing.length ? 'added' : 'used', added: templatesData ? templates.missing.length : 0 },
      warnings,
    };
  });
}
