/**
 * What the officer's documents are drawn from: the units of one consolidated batch as the
 * table "Tổng hợp đơn vị" holds them, each with the thẩm định's verdict (proposed for
 * recognition at a level, or not and why). Read by the use-case, never by the documents.
 */

export interface BatchUnit {
  name: string;
  type: string;
  year: string;
  /** The rule set's name, as the table prints it. */
  ruleSet: string;
  /** Recomputed from the unit's data ("Đạt mức độ 1", "Không đạt" …). */
  outcome: string;
  /** What the unit's workbook says it is. */
  recorded: string;
  /** Proposed for recognition at this level (1, 2), or 0 for a recognition without level; null: not proposed. */
  level: number | null;
  /** Why it is not proposed, in the table's words (its remarks), empty when proposed. */
  reasons: string[];
  /** Remarks that do not stand in the way (an older template, a duplicate file dropped …). */
  notes: string[];
}

export interface BatchRuleSet {
  name: string;
  /** "Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 …" as "Căn cứ …" prints it. */
  basis: string;
  /** "“Đơn vị học tập” cấp huyện mức độ 1". */
  recognition: string;
}

export interface Batch {
  /** The consolidating body and its tier as the consolidation recorded them. */
  body: string;
  tier: string;
  years: string[];
  units: BatchUnit[];
  /** The rule sets the units were evaluated against, where known (presets, the officer's own). */
  ruleSets: BatchRuleSet[];
}

export const proposed = (u: BatchUnit): boolean => u.level !== null;
