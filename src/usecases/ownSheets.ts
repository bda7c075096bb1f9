/**
 * The add-in's sheets, known by their ownership mark (a role), not by name: a user's sheet that
 * happens to be called "Tổng hợp" or "Mẫu văn bản" is never deleted or written; ours then takes
 * another name ("Tổng hợp (ĐVHT)") and the workbook warns the user; ours renamed by the user is
 * still ours. This is the one place use-cases learn where such a sheet is or goes (the workbook
 * applies the same rule: plan.ts).
 */
import type { ReadOptions, SheetData, SheetPlan, WorkbookSession, WorkbookSnapshot } from '../workbook/port';
import { findSheetName, ownSheetCandidates, resolveOwnSheet, sheetKey } from '../workbook/plan';
import { DOCUMENT_SHEETS } from '../documents/names';
import { SHEETS } from '../sheets/names';
import { problem } from '../domain/problems';
import { parseUnitWorkbook, type ParseResult } from '../sheets/unitWorkbook';
import { isTemplatesSheet } from '../documents/templatesSheet';

/** Roles of the add-in's sheets (marked when drawn). They are stored in workbooks: never change one. */
export const ROLE = {
  unit: 'unit',
  criteria: 'criteria',
  members: 'members',
  learners: 'learners',
  lists: 'lists',
  summary: 'summary',
  bia: 'bia',
  toTrinh: 'to-trinh',
  keHoach: 'ke-hoach',
  quyetDinh: 'quyet-dinh',
  baoCao: 'bao-cao',
  bienBan: 'bien-ban',
  dangKy: 'dang-ky',
  consolidation: 'consolidation',
  consolidationStats: 'consolidation-stats',
  fileReport: 'file-report',
  importSettings: 'import-settings',
  // The officer's documents, drawn from the consolidated table (usecases/officerDocuments.ts).
  officerBienBan: 'officer-bien-ban',
  officerToTrinh: 'officer-to-trinh',
  officerQuyetDinh: 'officer-quyet-dinh',
  // The texts the unit and the officer edit (mode 'own': completed, never redrawn).
  templates: 'templates',
  officerTemplates: 'officer-templates',
} as const;

export type Role = (typeof ROLE)[keyof typeof ROLE];

/** Roles of the data sheets (written as their marks when created; they are never redrawn). */
export const DATA_ROLE: Record<string, Role> = { [SHEETS.unit]: ROLE.unit, [SHEETS.criteria]: ROLE.criteria, [SHEETS.members]: ROLE.members, [SHEETS.learners]: ROLE.learners, [SHEETS.lists]: ROLE.lists };

/**
 * parseUnitWorkbook, saying so when a data sheet missing by name is present by its mark under
 * another name (the user renamed it): the data sheets stay found by name, since the add-in's
 * formulas and other sheets name them. The read must have asked for marks.
 */
export function parseUnitWorkbookOrRenamed(snapshot: WorkbookSnapshot): ParseResult {
  const parsed = parseUnitWorkbook(snapshot);
  if (parsed.ok) return parsed;
  const problems = parsed.problems.map((p) => {
    const sheet = p.code === 'missingSheet' ? String(p.params?.sheet ?? '') : '';
    const role = DATA_ROLE[sheet];
    const actual = role ? [...(snapshot.roles ?? [])].find(([, r]) => r === role)?.[0] : undefined;
    return actual === undefined ? p : problem(p.severity, 'renamedSheet', { sheet, actual });
  });
  return { ok: false, problems };
}

/** Names whose marks a read must report (ReadOptions.marks) to place sheets usually called `names`. */
export function ownSheetMarks(...names: string[]): string[] {
  return names.flatMap(ownSheetCandidates);
}

/** The sheet that holds (or will hold) the add-in's sheet of `role`, usually called `name`. */
export function ownSheetName(snapshot: WorkbookSnapshot, name: string, role: Role): string {
  return resolveOwnSheet(name, role, { names: snapshot.sheetNames, roles: snapshot.roles ?? new Map() }).sheet;
}

/** What the snapshot read of that sheet (the read must ask for its candidates: ownSheetMarks). */
export function ownSheetData(snapshot: WorkbookSnapshot, name: string, role: Role): SheetData | undefined {
  return sheetData(snapshot, ownSheetName(snapshot, name, role));
}

/** An add-in sheet a use-case reads: its usual name and its role. */
export interface OwnRef {
  name: string;
  role: Role;
}

/**
 * `session.read` of `sheets` and of the add-in's sheets `own`, found by their marks: each is
 * read where ownSheetData looks for it, a renamed one by one more read (only then).
 */
export async function readOwnSheets(session: WorkbookSession, sheets: readonly string[], own: readonly OwnRef[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const candidates = ownSheetMarks(...own.map((o) => o.name));
  const snapshot = await session.read([...sheets, ...candidates], { ...options, marks: [...(options.marks ?? []), ...candidates] });
  const renamed = own
    .map((o) => ownSheetName(snapshot, o.name, o.role))
    .filter((name) => findSheetName(snapshot.sheetNames, name) !== undefined && ![...snapshot.sheets.keys()].some((k) => sheetKey(k) === sheetKey(name)));
  if (renamed.length === 0) return snapshot;
  const more = await session.read(renamed);
  for (const [asked, data] of more.sheets) snapshot.sheets.set(asked, data);
  return snapshot;
}

/** Where an add-in sheet the user edits (mode 'own') is, and whether the plan adopts it (plan.ts). */
export interface EditedOwnSheet {
  sheet: string;
  data: SheetData | undefined;
  adopt: boolean;
}

/**
 * The add-in's sheet of `ref` that the user edits: where its mark is; else an unmarked sheet of
 * the usual name when `ours` recognises its content (drawn by a version before marks: adopted);
 * else where plan.ts will create it. The read must have asked for it (readOwnSheets).
 */
export function editedOwnSheet(snapshot: WorkbookSnapshot, ref: OwnRef, ours: (data: SheetData) => boolean): EditedOwnSheet {
  const marked = [...(snapshot.roles?.values() ?? [])].includes(ref.role);
  const usual = marked ? undefined : sheetData(snapshot, ref.name);
  if (usual && !snapshot.roles?.has(usual.name) && ours(usual)) return { sheet: usual.name, data: usual, adopt: true };
  return { sheet: ownSheetName(snapshot, ref.name, ref.role), data: ownSheetData(snapshot, ref.name, ref.role), adopt: false };
}

/** The unit's texts for the documents: edited by the unit, only completed by the add-in. */
export const UNIT_TEMPLATES_SHEET: OwnRef = { name: DOCUMENT_SHEETS.templates, role: ROLE.templates };

/** Where the unit's texts are (editedOwnSheet: an earlier version's unmarked sheet is recognised by its content). */
export function unitTemplatesSheet(snapshot: WorkbookSnapshot): EditedOwnSheet {
  return editedOwnSheet(snapshot, UNIT_TEMPLATES_SHEET, (data) => isTemplatesSheet(data));
}

/**
 * An edited sheet's plan: the workbook writes it where editedOwnSheet found it (or creates it
 * there). With nothing to write, a sheet to adopt still gets its mark.
 */
export function editedOwnPlan(plan: SheetPlan, ref: OwnRef, target: EditedOwnSheet): SheetPlan;
export function editedOwnPlan(plan: SheetPlan | null, ref: OwnRef, target: EditedOwnSheet): SheetPlan | null;
export function editedOwnPlan(plan: SheetPlan | null, ref: OwnRef, target: EditedOwnSheet): SheetPlan | null {
  if (!plan && !target.adopt) return null;
  return { ...(plan ?? {}), sheet: ref.name, mode: 'own', role: ref.role, ...(target.adopt ? { adopt: true } : {}) };
}

function sheetData(snapshot: WorkbookSnapshot, name: string): SheetData | undefined {
  const key = sheetKey(name);
  for (const [asked, data] of snapshot.sheets) if (sheetKey(asked) === key) return data;
  return undefined;
}

/** A redrawn sheet's plan, marked with its role: the workbook draws it where ownSheetName says. */
export function ownPlan(plan: SheetPlan, role: Role): SheetPlan {
  return { ...plan, role };
}
