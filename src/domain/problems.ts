/**
 * Problems found in the data. The domain names where (which sheet role, row, column) and
 * what; the i18n catalogue turns that into words, the sheets layer into `'Sheet'!H14`.
 */
import { isUncalculated, type CellValue } from './values';

export type SheetRole = 'unit' | 'criteria' | 'members' | 'learners' | 'lists' | 'source';

export interface Location {
  sheet: SheetRole;
  row: number; // 1-based sheet row
  col: number; // 1-based sheet column
}

export type ProblemCode =
  | 'ambiguousYesNo'
  | 'cellError'
  // A formula its file stored no result for (saved by a program that does not calculate).
  | 'formulaNotCalculated'
  | 'invalidNumber'
  | 'ambiguousCounted'
  | 'unknownTitle'
  // A quality rating (HTTNV …) where a title is read (memberFields.QUALITY_RATINGS).
  | 'ratingNotTitle'
  // A known title typed otherwise but for its marks ("lao dong tien tien"): said with the title to write.
  | 'titleSpelling'
  | 'titleScoreDisagree'
  | 'outcomeDepends'
  | 'nameMissing'
  // One person on two rows of "Thành viên", both counted (usecases/memberChecks.ts).
  | 'duplicateMember'
  | 'unknownColumn'
  | 'unknownUnitField'
  | 'applicabilityBlank'
  | 'applicabilityUnclear'
  // A unit field's value outside the list the sheet offers (“Trường TH” for a type).
  | 'applicabilityUnlisted'
  | 'unitFieldUnclear'
  | 'conditionSyntax'
  | 'noCountedMembers'
  | 'noLearnerData'
  // Learner figures given, but a row's cannot be read: the indicator points to those cells.
  | 'learnerFiguresInvalid'
  | 'learnerCountInvalid'
  | 'learnerCountMissing'
  | 'unitAnswerMissing'
  | 'unitAnswerAmbiguous'
  | 'notApplicableAnswerApplies'
  | 'invalidThreshold'
  | 'thresholdBlank'
  | 'thresholdAsText'
  | 'missingSheet'
  // One of the add-in's data sheets, known by its mark under another name (usecases/ownSheets.ts).
  | 'renamedSheet'
  | 'missingHeader'
  | 'noIndicators'
  | 'invalidSetting'
  | 'settingAsText'
  | 'invalidBands'
  | 'invalidPartialScoring'
  | 'duplicateIndicator'
  // Words in the code column with an indicator's text beside them (sheets/criteriaSheet.ts).
  | 'criteriaRowWithoutCode'
  // A row of "Người học" worded as a total whose figures are no sum of the classes above: counted (sheets/learnersSheet.ts).
  | 'learnerSubtotalCounted'
  | 'learnerGradeHeadingCounted'
  // A heading or a total typed in the members' name column (usecases/memberChecks.ts).
  | 'memberNameIsHeading'
  // A counted member's row with a name and no answer in any column the conditions read (usecases/memberChecks.ts).
  | 'memberWithoutData'
  | 'memberColumnEmpty'
  | 'memberScoreColumnEmpty'
  | 'memberTitleColumnEmpty'
  // Counted members on rows hidden in "Thành viên", said once for the sheet (usecases/memberChecks.ts).
  | 'memberRowsHidden'
  | 'absentMembersCounted'
  // What the unit typed about itself on "Thông tin đơn vị" (usecases/unitChecks.ts).
  | 'unitNameMissing'
  | 'unitNameTooLong'
  | 'unitYearMissing'
  | 'unitYearInvalid'
  | 'unitTypeMissing'
  | 'unitTypeUnknown'
  | 'unitTypeUnknownIndicators'
  | 'unitDateInvalid'
  // What the unit asks for against what its rule set recognises (domain/rules/request.ts).
  | 'levelMismatch'
  | 'level2NoPrevious'
  | 'level2TooSoon'
  | 'previousDateFuture'
  | 'tierMismatch'
  | 'tierUnknown'
  // The rule set's own “Cấp nhận hồ sơ” naming no tier, at its cell.
  | 'receiverTierUnknown'
  // A score rule set none of whose scored indicators applies (evaluation.ts).
  | 'noScoredIndicator'
  // The unit's rule set departs from the preset its workbook names, or from the one handed out
  // (usecases/ruleSetDeparture.ts): a change consolidation flags, one asking more of itself that
  // changes a result, a handed-out rule set edited whose original is not known here.
  | 'ruleSetEdited'
  | 'ruleSetStricter'
  | 'ruleSetHandoutEdited';

export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  at?: Location;
  /** Values for the message: the cell's text, the indicator code, the column name… */
  params: Record<string, string | number>;
  /** Further cells the problem is about (the message lists them as {cells}). */
  cells?: Location[];
}

export function problem(
  severity: Problem['severity'],
  code: ProblemCode,
  params: Problem['params'] = {},
  at?: Location,
): Problem {
  return at ? { severity, code, params, at } : { severity, code, params };
}

/**
 * The problem a value read from the unit's data is reported with: a formula its file stored no
 * result for says so (the value is unknown, not wrong), whatever `code` the reader would give.
 */
export function valueProblem(
  v: CellValue | undefined,
  severity: Problem['severity'],
  code: ProblemCode,
  params: Problem['params'],
  at?: Location,
): Problem {
  return problem(severity, isUncalculated(v) ? 'formulaNotCalculated' : code, params, at);
}

/**
 * Each cell whose formula was not calculated said once: a unit field read by several
 * indicators' conditions, and by the unit's own checks, is one cell to fix.
 */
export function uncalculatedOnce(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (p.code !== 'formulaNotCalculated' || !p.at) return true;
    const key = `${p.at.sheet}:${p.at.row}:${p.at.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
