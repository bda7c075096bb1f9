/**
 * What the unit asks for ("Thông tin đơn vị": level requested, receiving body's tier, the
 * previous recognition) against what its rule set recognises. Pure: dates come in as
 * calendar days, the caller reads them from the cells and says where each one is.
 */
import { foldKey } from '../text';
import { problem, type Location, type Problem } from '../problems';
import type { RuleSet } from './ruleSet';

/** "Mức độ 2", "mức độ 2", "MĐ 2", "2" → 2; anything else → null. */
export function levelNumber(text: string): number | null {
  const m = /^(?:muc do|md)?\s*([12])$/.exec(foldKey(text));
  return m ? Number(m[1]) : null;
}

/** "cấp xã", "Cấp tỉnh", "UBND cấp xã", "xã" → "xa" / "tinh": the tier's own word. */
function tierWord(text: string): string {
  const k = foldKey(text);
  const m = /(?:^|\s)cap\s+(.+)$/.exec(k);
  return (m ? m[1]! : k).trim();
}

export interface Field<T> {
  value: T;
  at?: Location;
}

export interface UnitRequest {
  /** "Mức độ đề nghị công nhận" as typed. */
  level: Field<string>;
  /** "Cấp của đơn vị tổng hợp" as typed. */
  receiverTier: Field<string>;
  /** Day of the previous recognition decision, or null (blank); 'invalid' when unreadable. */
  previousDate: Field<Date | null | 'invalid'>;
  previousLevel: Field<string>;
  /** The evaluation year: the dossier is due on 15/01 of the next one (TT24 Điều 10). */
  year: number;
}

const fmt = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

function addMonths(d: Date, n: number): Date {
  const target = new Date(d.getFullYear(), d.getMonth() + n, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(d.getDate(), last));
}

/**
 * The level a unit asks for: the one it typed, else its rule set's. A rule set that rates
 * (level null, TT22) has no levels; one from an older sheet (undefined) goes by the unit's.
 */
export function requestedLevel(rs: RuleSet, typed: string): number | null {
  return rs.level === null ? null : (levelNumber(typed) ?? rs.level ?? null);
}

export function requestProblems(rs: RuleSet, req: UnitRequest): Problem[] {
  const out: Problem[] = [];
  const typed = levelNumber(req.level.value);
  if (rs.level && typed !== null && typed !== rs.level) {
    out.push(problem('warning', 'levelMismatch', { requested: req.level.value.trim(), recognition: rs.recognition || rs.name }, req.level.at));
  }
  const level = requestedLevel(rs, req.level.value);
  if (level === 2 && levelNumber(req.previousLevel.value) !== 2) {
    const prev = req.previousDate.value;
    const deadline = new Date(req.year + 1, 0, 15);
    if (prev === null) out.push(problem('warning', 'level2NoPrevious', {}, req.previousDate.at ?? req.level.at));
    else if (prev !== 'invalid' && addMonths(prev, 12) > deadline) {
      out.push(problem('warning', 'level2TooSoon', { date: fmt(prev), due: fmt(addMonths(prev, 12)), deadline: fmt(deadline) }, req.previousDate.at));
    }
  }
  const tiers = rs.receiverTiers ?? [];
  const tier = req.receiverTier.value.trim();
  if (tiers.length && tier && !tiers.some((t) => tierWord(t) === tierWord(tier))) {
    out.push(problem('warning', 'tierMismatch', { tier, recognition: rs.recognition || rs.name, tiers: tiers.join(', ') }, req.receiverTier.at));
  }
  return out;
}
