/**
 * Create the structured sheets of a unit workbook. A sheet that already exists and holds
 * anything is left exactly as it is (reported as kept): creating never destroys data.
 */
import type { RuleSet } from '../domain/rules/ruleSet';
import { isEducationType } from '../domain/unitTypes';
import { readNumber, readText, readYesNo } from '../domain/values';
import type { CellBlock, CellInput, SheetPlan, Workbook } from '../workbook/port';
import { SHEETS } from '../sheets/names';
import { drawUnitSheet, readUnitSheet } from '../sheets/unitSheet';
import { drawCriteriaSheet, readCriteriaSheet, TABLE_HEADER_ROW } from '../sheets/criteriaSheet';
import { drawMembersSheet } from '../sheets/membersSheet';
import { drawLearnersSheet } from '../sheets/learnersSheet';
import { drawListsSheet } from '../sheets/listsSheet';
import { DATA_ROLE } from './ownSheets';
import { checkProtection, isWorkbookProtectedError } from '../workbook/protection';

export interface UnitDetails {
  name: string;
  type: string;
  isPublic?: boolean;
  /** Multi-level schools: the highest level taught ("THPT"). */
  highestLevel?: string;
  year?: number;
  level?: string;
  receiver?: string;
  receiverTier?: string;
  parent?: string;
  place?: string;
  head?: string;
  headTitle?: string;
  previousDate?: Date | null;
  previousLevel?: string;
}

export interface CreateSheetsOptions {
  ruleSet: RuleSet;
  unit: UnitDetails;
  /** Member rows in the members sheet's column order (sample data, tests). */
  members?: CellInput[][];
  learners?: CellInput[][];
  /** Answers for unit-level indicators, by code (sample data). */
  answers?: Record<string, string>;
  /** Create the learners sheet even when the type is not an education institution. */
  withLearners?: boolean;
}

export interface CreateSheetsResult {
  created: string[];
  kept: string[];
}

/** The sheets createSheets draws for a unit of this type, in tab order. */
function setupSheets(type: string, withLearners = false): string[] {
  const wanted: string[] = [SHEETS.unit, SHEETS.criteria, SHEETS.members];
  if (withLearners || isEducationType(type)) wanted.push(SHEETS.learners);
  wanted.push(SHEETS.lists);
  return wanted;
}

export async function createSheets(workbook: Workbook, options: CreateSheetsOptions): Promise<CreateSheetsResult> {
  return workbook.batch(async (session) => {
    const wanted = setupSheets(options.unit.type, options.withLearners);
    const snapshot = await session.read(wanted);
    const created: string[] = [];
    const kept: string[] = [];
    let previous: string | undefined;
    for (const name of wanted) {
      const existing = snapshot.sheets.get(name);
      const hasContent = existing?.rows.some((row) => row.some((v) => readText(v) !== ''));
      if (hasContent) {
        kept.push(name);
      } else {
        // The mark tells later runs (and other tools) the sheet is the add-in's, whatever its name becomes.
        const plan = { ...drawSheet(name, options), role: DATA_ROLE[name] };
        session.write({ ...plan, ...(previous ? { after: previous } : {}) });
        created.push(name);
      }
      previous = name;
    }
    if (created.includes(SHEETS.unit)) session.select(SHEETS.unit, 'B4');
    return { created, kept };
  });
}

function drawSheet(name: string, o: CreateSheetsOptions): SheetPlan {
  switch (name) {
    case SHEETS.unit:
      return drawUnitSheet({
        name: o.unit.name,
        type: o.unit.type,
        isPublic: o.unit.isPublic === undefined ? null : o.unit.isPublic ? 'Có' : 'Không',
        highestLevel: o.unit.highestLevel ?? null,
        year: o.unit.year ?? new Date().getFullYear(),
        level: o.unit.level ?? levelOf(o.ruleSet),
        receiver: o.unit.receiver ?? null,
        receiverTier: o.unit.receiverTier ?? null,
        parent: o.unit.parent ?? null,
        place: o.unit.place ?? null,
        head: o.unit.head ?? null,
        headTitle: o.unit.headTitle ?? null,
        previousDate: o.unit.previousDate ?? null,
        previousLevel: o.unit.previousLevel ?? null,
      });
    case SHEETS.criteria: {
      const plan = drawCriteriaSheet(o.ruleSet);
      if (!o.answers) return plan;
      const sample = Object.fromEntries(Object.entries(o.answers).map(([code, answer]) => [code, { answer, evidence: 'Hồ sơ lưu tại văn phòng' }]));
      return { ...plan, cells: [...(plan.cells ?? []), ...answerCells(plan, sample)] };
    }
    case SHEETS.members:
      return drawMembersSheet(o.members ?? []);
    case SHEETS.learners:
      return drawLearnersSheet(o.learners ?? []);
    default:
      return drawListsSheet();
  }
}

/** A unit's answer (column I) and evidence (J) for one indicator; a field left out is not written. */
export interface IndicatorAnswer {
  answer?: CellInput;
  evidence?: CellInput;
}

/** Places answers and evidence next to their indicator rows in the drawn criteria sheet (drawCriteriaSheet). */
export function answerCells(plan: SheetPlan, answers: Record<string, IndicatorAnswer>): CellBlock[] {
  const top = TABLE_HEADER_ROW + 1;
  const table = plan.cells!.find((b) => b.at === `A${top}`)!;
  const out: CellBlock[] = [];
  table.rows.forEach((row, i) => {
    const given = answers[typeof row[0] === 'string' ? row[0] : ''];
    if (given?.answer !== undefined) out.push({ at: `I${top + i}`, rows: [[given.answer]] });
    if (given?.evidence !== undefined) out.push({ at: `J${top + i}`, rows: [[given.evidence]] });
  });
  return out;
}

/** The level the rule set recognises: what the unit requests unless it says otherwise. */
export function levelOf(rs: RuleSet): string {
  if (rs.level) return `Mức độ ${rs.level}`;
  const m = /mức độ\s*(\d)/i.exec(rs.name);
  return m ? `Mức độ ${m[1]}` : '';
}


export interface ExistingSetup {
  /** The unit's details as "Thông tin đơn vị" holds them, or null when there is no such sheet. */
  details: UnitDetails | null;
  /** Id of the rule set in "Tiêu chí", when the sheet exists. */
  ruleSetId: string | null;
  /** Its name, as the sheet says. */
  ruleSetName: string | null;
  /** Every sheet of the workbook, and whether its structure is locked (Review → Protect Workbook). */
  sheetNames: string[];
  structureLocked: boolean;
}

/**
 * The sheet createSheets would have to add to a workbook whose structure is locked, for a unit of
 * this type (it would be refused, nothing written), judged as every host's batch judges it
 * (workbook/protection.ts); null when nothing stands in the way. Setup says so before it is run.
 */
export function setupBlockedBy(existing: Pick<ExistingSetup, 'sheetNames' | 'structureLocked'>, type: string): string | null {
  // Sheets there are only completed ('ensure'), which a locked structure allows.
  const plans = setupSheets(type).map((sheet) => ({ sheet, mode: 'ensure' as const }));
  try {
    checkProtection(plans, existing.sheetNames, { structure: existing.structureLocked, sheets: [] }, null);
    return null;
  } catch (e) {
    if (isWorkbookProtectedError(e)) return e.sheet;
    throw e;
  }
}

/** The sheets readExistingSetup reads (with the workbook's sheet names and structure): an edit elsewhere changes nothing it says. */
export const SETUP_SHEETS = [SHEETS.unit, SHEETS.criteria];

/** What an already prepared workbook says about its unit, so the pane shows it instead of a blank form. */
export async function readExistingSetup(workbook: Workbook): Promise<ExistingSetup> {
  return workbook.batch(async (session) => {
    const snap = await session.read(SETUP_SHEETS);
    const unitData = snap.sheets.get(SHEETS.unit);
    const criteriaData = snap.sheets.get(SHEETS.criteria);
    const inSheet = criteriaData ? readCriteriaSheet(criteriaData).ruleSet : null;
    const ruleSetId = inSheet?.id ?? null;
    const ruleSetName = inSheet?.name ?? null;
    const book = { sheetNames: snap.sheetNames, structureLocked: snap.structureLocked ?? false };
    if (!unitData) return { details: null, ruleSetId, ruleSetName, ...book };
    const info = readUnitSheet(unitData).info;
    const year = readNumber(info.year);
    const pub = readYesNo(info.isPublic);
    const details: UnitDetails = { name: readText(info.name), type: readText(info.type) };
    if (year.kind === 'number') details.year = year.value;
    if (pub === 'yes' || pub === 'no') details.isPublic = pub === 'yes';
    for (const key of ['level', 'receiver', 'receiverTier'] as const) {
      const v = readText(info[key]);
      if (v) details[key] = v;
    }
    return { details, ruleSetId, ruleSetName, ...book };
  });
}
