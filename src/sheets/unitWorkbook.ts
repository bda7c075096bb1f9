/**
 * Reading a unit's evaluation workbook into domain input: shared by evaluate, summary,
 * documents and consolidation, so they all see the same unit the same way.
 */
import { problem, type Problem } from '../domain/problems';
import type { EvaluationInput } from '../domain/evaluation';
import type { Spellings } from '../domain/values';
import type { SheetData, WorkbookSnapshot } from '../workbook/port';
import { findSheetName } from '../workbook/plan';
import { SHEETS } from './names';
import { readUnitSheet, type ParsedUnit } from './unitSheet';
import { COL, readCriteriaSheet, type ParsedCriteria } from './criteriaSheet';
import { readMembersSheet, type ParsedMembers } from './membersSheet';
import { readLearnersSheet, type ParsedLearners, countedTotalProblems } from './learnersSheet';
import { readListColumn, readSpellings } from './listsSheet';
import { UNIT_FIELD_LABELS, UNIT_TYPES } from '../domain/unitTypes';

export const UNIT_WORKBOOK_SHEETS = [SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.lists];

/** A unit's own self-evaluation workbook (its data sheets are there): its dossier, no place for an officer's sheets. */
export function hasUnitSheets(sheetNames: readonly string[]): boolean {
  return [SHEETS.unit, SHEETS.members].every((s) => findSheetName(sheetNames, s) !== undefined);
}

export interface UnitWorkbook {
  unit: ParsedUnit;
  criteria: ParsedCriteria;
  members: ParsedMembers;
  learners: ParsedLearners | null;
  spellings: Spellings;
  sheets: Record<'unit' | 'criteria' | 'members' | 'learners' | 'lists', SheetData | undefined>;
  /** Its dates count from 1904 (WorkbookSnapshot.date1904): readDate converts them. */
  date1904: boolean;
}

export type ParseResult = { ok: true; workbook: UnitWorkbook; problems: Problem[] } | { ok: false; problems: Problem[] };

// Runs once per workbook: no closures made per call here (a function of the module keeps its
// optimised code through a full garbage collection; a closure's is dropped with it: src/domain/arrays.ts).
const isError = (p: Problem) => p.severity === 'error';

export function parseUnitWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  const sheets = snapshot.sheets;
  const problems: Problem[] = [];
  for (const name of [SHEETS.unit, SHEETS.criteria, SHEETS.members]) {
    if (!sheets.get(name)) problems.push(problem('error', 'missingSheet', { sheet: name }));
  }
  if (problems.length) return { ok: false, problems };
  const unit = readUnitSheet(sheets.get(SHEETS.unit)!);
  const criteria = readCriteriaSheet(sheets.get(SHEETS.criteria)!);
  problems.push(...criteria.problems);
  const members = readMembersSheet(sheets.get(SHEETS.members)!);
  if (!members) problems.push(problem('error', 'missingHeader', { header: 'Họ và tên', sheet: SHEETS.members }));
  const learnersData = sheets.get(SHEETS.learners);
  const learners = learnersData ? readLearnersSheet(learnersData) : null;
  if (learners) problems.push(...countedTotalProblems(learners));
  if (!members || problems.some(isError)) return { ok: false, problems };
  return {
    ok: true,
    problems,
    workbook: {
      unit,
      criteria,
      members,
      learners,
      spellings: readSpellings(sheets.get(SHEETS.lists)),
      sheets: {
        unit: sheets.get(SHEETS.unit),
        criteria: sheets.get(SHEETS.criteria),
        members: sheets.get(SHEETS.members),
        learners: learnersData,
        lists: sheets.get(SHEETS.lists),
      },
      date1904: snapshot.date1904 ?? false,
    },
  };
}

export function evaluationInput(wb: UnitWorkbook): EvaluationInput {
  return {
    ruleSet: wb.criteria.ruleSet,
    spellings: wb.spellings,
    unitFields: wb.unit.fields,
    answers: wb.criteria.answers,
    members: wb.members.table,
    learners: wb.learners ? wb.learners.rows : null,
    // A type off the list leaves the indicators bound to the type undecided, as a blank one does.
    fieldChoices: unitFieldChoices(wb.sheets.lists),
    knownTitles: readListColumn(wb.sheets.lists, 'D'),
    ruleCell: ruleCells(wb),
    ...(wb.criteria.modeAt ? { modeCell: wb.criteria.modeAt } : {}),
  };
}

/** The values unit fields with a list may hold (the types “Danh mục” offers), for `evaluate` and `applicability`. */
export function unitFieldChoices(lists: SheetData | undefined): NonNullable<EvaluationInput['fieldChoices']> {
  return { [UNIT_FIELD_LABELS.type]: listedUnitTypes({ sheets: { lists } }) };
}

/** The unit types the workbook offers (“Danh mục” C), else the built-in list. */
export function listedUnitTypes(wb: { sheets: Pick<UnitWorkbook['sheets'], 'lists'> }): readonly string[] {
  const types = readListColumn(wb.sheets.lists, 'C');
  return types.length ? types : UNIT_TYPES;
}

/** The "Tiêu chí" cell of each indicator's condition (column D) and applicability (column G). */
function ruleCells(wb: UnitWorkbook): NonNullable<EvaluationInput['ruleCell']> {
  const rowOf = new Map<string, number>();
  for (const r of wb.criteria.rows) if (r.indicator) rowOf.set(r.code, r.row);
  return (code, part) => {
    const row = rowOf.get(code);
    return row === undefined ? undefined : { sheet: 'criteria', row, col: part === 'condition' ? COL.condition : COL.appliesTo };
  };
}
