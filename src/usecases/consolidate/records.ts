/**
 * What one file leaves behind after it has been read: a small, structured-clone-safe record
 * (it crosses worker boundaries), never the workbook itself. 2,000 of these fit easily in
 * memory; 2,000 workbooks would not.
 */
import type { Status } from '../../domain/evaluation';
import type { ComparableRuleSet } from '../../domain/rules/compare';

export type FlagCode =
  | 'disagree'
  // A figure of the printed "Tổng hợp" that is not what the data give (typed over its formula, most often).
  | 'summaryDiffers'
  | 'notEvaluated'
  | 'stale'
  | 'ruleSet'
  | 'ruleSetEdited'
  // Only thresholds differ, each higher than the reference's: recomputed under it, not kept out.
  | 'ruleSetStricter'
  | 'duplicate'
  | 'level2TooSoon'
  | 'level2NoPrevious'
  // Level 2 asked from a previous recognition date that is no date: the 12-month rule cannot be checked.
  | 'level2BadDate'
  | 'expired'
  | 'badDate'
  | 'badYear'
  | 'noName'
  | 'yearDiffers'
  | 'schema'
  // Cells of the unit's data whose formulas its file stored no result for.
  | 'uncalculated'
  // The recorded self-assessment is a formula its file stored no result for: nothing to check the data against.
  | 'uncalculatedResult'
  | 'dataWarnings'
  // Members listed twice on "Thành viên" and counted twice (memberChecks.ts).
  | 'duplicateMember'
  // The same member list as another unit's: one workbook sent under two names.
  | 'sameMembers'
  // Another file of the same unit name and year holds another unit's members or place: both kept, both said.
  | 'sameNameOtherData'
  // Members marked not counted whose note gives no reason: the denominator the unit chose.
  | 'notCounted'
  // No member counted: no member indicator can be evaluated.
  | 'noMembers'
  | 'otherIndicators'
  | 'otherCriteria'
  | 'unitTypeMissing'
  | 'unitTypeUnknown'
  | 'levelMismatch'
  | 'tierMismatch';

/** Fewer named members than this are no telling list: a small unit may share its few staff with another. */
export const SAME_LIST_MIN = 5;

export interface Flag {
  code: FlagCode;
  message: string;
}

export interface IndicatorFigure {
  code: string;
  /** Which indicator this is beyond its code (domain indicatorIdentity): only the same one shares a column and a pass rate. */
  identity: string;
  text: string;
  measure: 'members' | 'learners' | 'unit';
  required: number | null;
  value: number | null;
  status: Status;
}

export interface UnitRecord {
  name: string;
  type: string;
  /** The evaluation year as typed, and where ('Thông tin đơn vị'!B5): read as a year where the day of the consolidation is known (Consolidation.add). */
  typedYear: { text: string; where: string };
  /** The year read from `typedYear` by the domain's rule; null until then, and when blank or not a year (then flagged). */
  year: number | null;
  levelRequested: string;
  /** The level asked for by the domain's rule (typed, else the rule set's); null when the rule set rates. */
  requestedLevel: number | null;
  /** The unit's rule set as compared with a reference (`id`: the preset its workbook names; `level`: the one it recognises, null when it rates). */
  ruleSet: ComparableRuleSet & { id: string; level: number | null };
  /** The rule set's "Căn cứ" cell as typed. */
  basis: string;
  /**
   * What the unit's documents cite as "Căn cứ" (documents/bases.ts), by the year as read: the
   * officer's documents cite them too. Made where the records gather, not in each reading thread.
   */
  bases: string[];
  countedMembers: number;
  indicators: IndicatorFigure[];
  /** `identity`: which criterion this is beyond its code (domain criterionIdentity): only the same one shares a column. */
  /** Members listed (named rows of "Thành viên"), counted or not. */
  listedMembers: number;
  criteria: { code: string; identity: string; status: Status; points: number | null }[];
  /**
   * Where the unit sends its dossier: the tier it typed and where, the tiers its rule set is received by, the title it
   * asks for and, as the tier messages cite it, the article setting that title (domain recognitionBasisNote; '' for none),
   * and the article setting level 2 only after level 1, as the level-2 messages cite it (domain level2Basis).
   */
  receiving: { typed: string; where: string; tiers: string[]; recognition: string; basis: string; level2Basis: string; deadlineBasis: string };
  /** Recomputed from the unit's own data and rule set. */
  outcome: { status: string; label: string; score: number | null; rating: string | null };
  /**
   * What the unit's workbook says (cached results of the cells its evaluation wrote); evaluatedAt: a 1900-system serial, as previousDate.
   * `score`, `rating`: what its result block records of them where the data are scored (TT22) and were compared (a score no number
   * as its text); null elsewhere, and where blank.
   */
  recorded: { outcome: string; evaluatedAt: number | null; fingerprint: string; score: number | string | null; rating: string | null };
  /** The file's content key (XlsxFile.contentKey): two copies of one workbook share it. */
  contents: string;
  /** The member list (its names in order, the figures they give) as one key ('' for a list too short to tell): units of other names sharing it sent one list. */
  members: string;
  /**
   * The listed members' names, each as a 32-bit hash (sorted, each once): how many of them two files of one
   * unit name share tells a unit sent again from another unit of that name (aggregate.ts), without the names crossing threads.
   */
  memberNames: number[];
  /** "Địa danh" and "Cơ quan chủ quản" as typed: what tells two units of one name apart when their lists are too short to. */
  place: string;
  parent: string;
  /** Excel serial of "Ngày công nhận lần trước", when it is a date: in the 1900 system, whatever the unit's workbook counts in (dates.ts readDate). */
  previousDate: number | null;
  previousLevel: string;
  flags: Flag[];
}

/** 'skipped': a workbook the officer keeps beside the units' (an earlier consolidation …), not a unit's and not wrong. */
export type FileStatus = 'consolidated' | 'flagged' | 'duplicate' | 'skipped' | 'rejected';

export interface FileReport {
  file: string;
  size: number;
  status: FileStatus;
  /** Unit name when the file could be read that far. */
  unit: string;
  /** Why it was rejected, or what to review. */
  reasons: string[];
  /** Application that saved it (docProps/app.xml), e.g. "LibreOffice/7.4…". */
  application: string | null;
}

export interface FileOutcome {
  report: FileReport;
  unit: UnitRecord | null;
}
