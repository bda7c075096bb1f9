/**
 * What the officer's documents are drawn from: the units of one consolidated batch as the
 * table "Tổng hợp đơn vị" holds them, each with the thẩm định's verdict (proposed for
 * recognition at a level, or not and why). Read by the use-case, never by the documents.
 */
import { basisParts } from '../bases';

export interface BatchUnit {
  name: string;
  type: string;
  /** The evaluation year the table shows; null when its cell is not a year (domain readYear). */
  year: number | null;
  /** The rule set's name, as the table prints it. */
  ruleSet: string;
  /** What the unit's documents cite as "Căn cứ", as the table recorded them (bases.ts); empty in a table without them. */
  bases: string[];
  /** Recomputed from the unit's data ("Đạt mức độ 1", "Không đạt" …). */
  outcome: string;
  /** The indicators it does not meet, with their figures ("2.4: 46,3% < 50%; 1.3: Không đạt"); '' when none, or in a table drawn before. */
  unmet: string;
  /** What the unit's workbook says it is. */
  recorded: string;
  /** Proposed for recognition at this level (1, 2), or 0 for a recognition without level; null: not proposed at a level. */
  level: number | null;
  /** Proposed with this rating (TT22: "Tốt", "Khá" …, a rating the unit's rule set recognises); null: not proposed by rating. */
  rating: string | null;
  /** Why it is not proposed, from the table's remarks as the minutes state them (findings, not how to mend the workbook); empty when proposed. */
  reasons: string[];
  /** Remarks that do not stand in the way (an older template, a duplicate file dropped …), stated likewise. */
  notes: string[];
}

export interface BatchRuleSet {
  name: string;
  /** "Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 …" as "Căn cứ …" prints it. */
  basis: string;
  /** "“Đơn vị học tập” cấp huyện mức độ 1". */
  recognition: string;
  /** The ratings it recognises, best first (TT22: its bands above the fail band); empty when it recognises levels. */
  ratings: string[];
  /** The tiers of body that receive its dossiers ("Cấp nhận hồ sơ"); none or empty: any. */
  tiers?: string[];
}

export interface Batch {
  /** The consolidating body and its tier as the consolidation recorded them. */
  body: string;
  tier: string;
  /** The units' years, ascending. */
  years: number[];
  units: BatchUnit[];
  /** The rule sets the units were evaluated against, where known (presets, the officer's own). */
  ruleSets: BatchRuleSet[];
  /** Files received that could not be read (the file report's rejected ones), by name without folders: dossiers not examined. */
  unread?: string[];
}

/** A unit's bases: as the table recorded them, else (a table drawn before it recorded them) its rule set's. */
export function unitBases(u: BatchUnit, ruleSets: readonly BatchRuleSet[]): string[] {
  return u.bases.length ? u.bases : basisParts(ruleSets.find((r) => r.name === u.ruleSet)?.basis ?? '');
}

/**
 * The indicators a unit misses ("2.2: 76,3% < 90%") that none of its findings names: a finding
 * "Chỉ tiêu 2.1: tự đánh giá Đạt nhưng số liệu 79,7% < 90%" already gives 2.1 and its figure.
 */
export function unmetUnnamed(u: BatchUnit): string[] {
  if (!u.unmet) return [];
  const named = (code: string) => u.reasons.some((r) => r.includes(` ${code}:`));
  return u.unmet.split('; ').filter((item) => !named(item.slice(0, item.indexOf(':'))));
}

export const proposed = (u: BatchUnit): boolean => u.level !== null || u.rating !== null;

/** "“Đơn vị học tập” cấp huyện mức độ 1" → "“Đơn vị học tập” cấp huyện": the list groups by level. */
export function withoutLevel(recognition: string): string {
  return recognition.replace(/[,;]?\s*mức độ\s*\d+\s*$/i, '').trim();
}

/** The title a unit is recognised with, without its level ('' when its rule set names none). */
const unitTitle = (u: BatchUnit, ruleSets: BatchRuleSet[]) => withoutLevel(ruleSets.find((r) => r.name === u.ruleSet)?.recognition ?? '');

export interface ProposalGroup {
  level: number | null;
  rating: string | null;
  /** The level group's title (“Đơn vị học tập” cấp huyện); '' for a rating's group or a rule set naming none. */
  title: string;
  units: BatchUnit[];
}

/**
 * The decision's list: one group per level (mức độ 1, mức độ 2 …) and title, so that a body deciding
 * two titles (a province: cấp huyện and cấp tỉnh) says which each unit gets; then one per rating (TT22:
 * Tốt, Khá … in the order the rule sets rank them), one row per unit.
 */
export function proposalGroups(units: BatchUnit[], ruleSets: BatchRuleSet[] = []): ProposalGroup[] {
  const chosen = units.filter(proposed);
  const levels = [...new Set(chosen.filter((u) => u.level !== null).map((u) => u.level!))].sort((a, b) => (a || 99) - (b || 99));
  const rank = (r: string) => Math.min(...ruleSets.map((s) => s.ratings.indexOf(r)).filter((i) => i >= 0), 99);
  const ratings = [...new Set(chosen.filter((u) => u.level === null).map((u) => u.rating!))].sort((a, b) => rank(a) - rank(b));
  const byTitle = (level: number): ProposalGroup[] => {
    const at = chosen.filter((u) => u.level === level);
    const titles = [...new Set(at.map((u) => unitTitle(u, ruleSets)))].sort((a, b) => a.localeCompare(b, 'vi'));
    return titles.map((title) => ({ level, rating: null, title, units: at.filter((u) => unitTitle(u, ruleSets) === title) }));
  };
  return [
    ...levels.flatMap(byTitle),
    ...ratings.map((rating) => ({ level: null, rating, title: '', units: chosen.filter((u) => u.level === null && u.rating === rating) })),
  ];
}
