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
  /** The text it comes from, by number and date: "[S] TT24 Điều 6 khoản 2 (theo KH 248/KH-UBND Hà Nội)". */
  source: string;
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
  /** The legal basis as "Căn cứ …" prints it: the circular, or a province's decision. */
  basis: string;
  mode: Mode;
  /** The official title a unit meeting every criterion is recognised as: "“Đơn vị học tập” cấp huyện mức độ 1". */
  recognition: string;
  partialScoring: PartialScoring;
  /** Score bands, highest first; below the last one the rating is `failBand`. */
  bands: RatingBand[];
  failBand: string;
  /** Share of applicable member indicators a member must meet (the Hà Nội plans: 90%). */
  personalTarget: number;
  criteria: Criterion[];
  indicators: Indicator[];
  // Optional so that a "Tiêu chí" sheet written before these settings existed reads (and
  // fingerprints) exactly as it did.
  /** Who evaluates inside the unit: "Tổ đánh giá" (TT24 Điều 10), "Hội đồng tự kiểm tra" (TT22 plans). */
  evaluatingBody?: string;
  /** The level the rule set recognises (1 or 2); null when it rates instead (TT22). */
  level?: number | null;
  /** Tiers of the bodies that receive its dossiers ("cấp xã", "cấp tỉnh"); empty: any. */
  receiverTiers?: string[];
}

export function criterionOf(indicatorCode: string): string {
  const dot = indicatorCode.indexOf('.');
  return dot < 0 ? indicatorCode : indicatorCode.slice(0, dot);
}
