/**
 * The sheets the add-in redraws on each run, known by their ownership mark (a role), not by
 * name: a user's sheet that happens to be called "Tổng hợp" is never deleted or written; ours
 * then takes another name ("Tổng hợp (ĐVHT)") and the workbook warns the user. This is the one
 * place use-cases learn where such a sheet goes (the workbook applies the same rule: plan.ts).
 */
import type { ReadOptions, SheetData, SheetPlan, WorkbookSession, WorkbookSnapshot } from '../workbook/port';
import { findSheetName, ownSheetCandidates, resolveOwnSheet, sheetKey } from '../workbook/plan';

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
  const key = sheetKey(ownSheetName(snapshot, name, role));
  for (const [asked, data] of snapshot.sheets) if (sheetKey(asked) === key) return data;
  return undefined;
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

/** A redrawn sheet's plan, marked with its role: the workbook draws it where ownSheetName says. */
export function ownPlan(plan: SheetPlan, role: Role): SheetPlan {
  return { ...plan, role };
}
