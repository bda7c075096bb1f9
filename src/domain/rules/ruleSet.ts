/**
 * A rule set is data: the criteria sheet of a workbook holds one, presets only seed it.
 * Fractions are 0..1 (0.9 = 90%).
 */

/** How an indicator is measured. */
export type Measure =
  /** Share of counted members whose row satisfies `condition` (see condition.ts). */
  | { kind: 'members'; condition: string }
  /** Share of learners holding CDHT, from the learners sheet (education institutions). */
  | { kind: 'learners' }
  /** A unit-level fact the unit answers itself (Đạt / Không đạt) with evidence. */
  | { kind: 'unit' };

export type SourceTag = 'C' | 'S' | 'L' | '';

export interface Indicator {
  code: string; // "2.1"; its criterion is the part before the first dot
  text: string;
  measure: Measure;
  /** Required share for members/learners; null for unit facts. */
  threshold: number | null;
  /** Points (TT22 scoring); null for pass/fail rule sets. */
  points: number | null;
  /** Condition over unit fields ('' = every unit), e.g. `[Loại đơn vị] thuộc {Trường THPT}`. */
  appliesTo: string;
  source: string; // "[S] seed 002 — cần đối chiếu văn bản địa phương"
}

export interface Criterion {
  code: string; // "1"
  title: string;
}

export type Mode = 'pass-fail' | 'score';
export type PartialScoring = 'all-or-nothing' | 'proportional';

export interface RatingBand {
  label: string; // "Tốt"
  min: number; // lowest score of the band
}

export interface RuleSet {
  id: string;
  name: string;
  basis: string; // legal basis shown to the user
  mode: Mode;
  /** What a unit that meets every criterion is recognised as, e.g. "ĐVHT cấp huyện mức độ 1". */
  recognition: string;
  partialScoring: PartialScoring;
  /** Score bands, highest first; below the last one the rating is `failBand`. */
  bands: RatingBand[];
  failBand: string;
  /** Share of applicable member indicators a member must meet (seed 000: 90%). */
  personalTarget: number;
  criteria: Criterion[];
  indicators: Indicator[];
}

export function criterionOf(indicatorCode: string): string {
  const dot = indicatorCode.indexOf('.');
  return dot < 0 ? indicatorCode : indicatorCode.slice(0, dot);
}
