/**
 * Which source column feeds which member field. The proposal comes from the headers (or
 * from the mapping saved by last year's import); the user confirms or corrects it per column.
 */
import { columnKey, foldKey } from '../../domain/text';
import { columnLetter, columnNumber } from '../../workbook/a1';
import type { SourceColumn } from './header';
import { titleNamedBy } from './normalise';
import { BIRTH_TARGET, FAMILY_TARGET, findTarget, headerScore, ID_TARGET, MIN_SCORE, TARGETS, type Target, type TargetKey } from './targets';

export type ImportMode = 'members' | 'cdht';

/** What the user decided, by 1-based source column: a target, or null to leave it out. */
export type MappingChoice = Record<number, TargetKey | null>;

/** A saved mapping: folded source header → target (null: the user left it out). */
export type SavedMapping = Map<string, TargetKey | null>;

export interface MappedColumn extends SourceColumn {
  target: TargetKey | null;
  origin: 'user' | 'saved' | 'auto' | 'none';
  /** For a title column headed by the title itself ("LĐTT"): the title its marks mean. */
  impliedTitle: string | null;
}

/**
 * The fields a names + CDHT list can fill (national CDHT system exports, Hội Khuyến học lists); its
 * name (split or not), ID and date of birth only find the member (CDHT_MATCH_KEYS).
 */
export const CDHT_MATCH_KEYS: readonly TargetKey[] = ['name', FAMILY_TARGET, ID_TARGET, BIRTH_TARGET];
const CDHT_KEYS: readonly TargetKey[] = [...CDHT_MATCH_KEYS, 'cdhtScore', 'cdhtTitle', 'cdhtCompetences'];
const CDHT_EXTRA: Record<string, string[]> = {
  cdhtScore: ['Điểm', 'Tổng điểm', 'Điểm tự đánh giá', 'Điểm đánh giá'],
  cdhtTitle: ['Kết quả', 'Xếp loại', 'Kết quả đánh giá', 'Danh hiệu', 'Đạt'],
};

export function targetsFor(mode: ImportMode): Target[] {
  if (mode === 'members') return TARGETS;
  return TARGETS.filter((t) => CDHT_KEYS.includes(t.key)).map((t) => ({ ...t, aliases: [...t.aliases, ...(CDHT_EXTRA[t.key] ?? [])] }));
}

/** A column's best score for a target: the sub-header counts most, the group header alone least. */
function columnScore(column: SourceColumn, target: Target): number {
  const parts = column.parts;
  if (parts.length === 1) return headerScore(parts[0]!, target);
  const bottom = parts[parts.length - 1]!;
  const score = Math.max(headerScore(bottom, target), headerScore(parts.join(' '), target), headerScore(parts[0]!, target) / 2);
  return score;
}

export function savedKey(header: string): string {
  return columnKey(header);
}

/** Targets several columns may feed; `sharesTarget` says when. */
const SHARED = new Set<TargetKey>(['emulationTitle', BIRTH_TARGET]);

/**
 * Whether `column` may feed `target` beside `others` already feeding it: title columns headed by
 * their title (LĐTT | CSTĐCS), and a date of birth split under one heading ("Năm sinh" over
 * "Nam" | "Nữ", each member's in the column of their sex).
 */
function sharesTarget(target: TargetKey, column: SourceColumn, others: readonly SourceColumn[]): boolean {
  if (!others.length) return true;
  if (target === 'emulationTitle') return Boolean(titleNamedBy(column.parts));
  if (target === BIRTH_TARGET) return [column, ...others].every((c) => c.parts.length > 1 && foldKey(c.parts[0]!) === foldKey(column.parts[0]!));
  return false;
}

export function proposeMapping(columns: SourceColumn[], mode: ImportMode, saved?: SavedMapping | null, choice?: MappingChoice | null): MappedColumn[] {
  const targets = targetsFor(mode);
  const allowed = new Set(targets.map((t) => t.key));
  const result = new Map<number, { target: TargetKey | null; origin: MappedColumn['origin'] }>();
  const taken = new Set<TargetKey>();
  const take = (col: number, target: TargetKey | null, origin: MappedColumn['origin']) => {
    result.set(col, { target, origin });
    if (target && !SHARED.has(target)) taken.add(target);
  };
  const feeding = (target: TargetKey) => columns.filter((c) => result.get(c.col)?.target === target);
  for (const c of columns) {
    if (choice && c.col in choice) {
      const t = choice[c.col] ?? null;
      take(c.col, t && allowed.has(t) ? t : null, 'user');
    }
  }
  if (saved) {
    for (const c of columns) {
      if (result.has(c.col)) continue;
      const key = savedKey(c.header);
      if (!saved.has(key)) continue;
      const t = saved.get(key) ?? null;
      if (t && (!allowed.has(t) || taken.has(t))) continue;
      take(c.col, t, 'saved');
    }
  }
  // Best pairs first; a hidden column loses a tie against a visible one.
  const pairs: { col: number; target: TargetKey; score: number }[] = [];
  for (const c of columns) {
    if (result.has(c.col)) continue;
    for (const t of targets) {
      const s = columnScore(c, t) - (c.hidden ? 1 : 0);
      if (s >= MIN_SCORE) pairs.push({ col: c.col, target: t.key, score: s });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const p of pairs) {
    if (result.has(p.col) || taken.has(p.target)) continue;
    const column = columns.find((c) => c.col === p.col)!;
    if (SHARED.has(p.target) && !sharesTarget(p.target, column, feeding(p.target))) continue;
    take(p.col, p.target, 'auto');
  }
  splitUnderOneHeader(columns, result, allowed, taken, take);
  return columns.map((c) => {
    const r = result.get(c.col) ?? { target: null, origin: 'none' as const };
    const impliedTitle = r.target === 'emulationTitle' ? titleNamedBy(c.parts) : null;
    return { ...c, target: r.target, origin: r.target || r.origin === 'user' || r.origin === 'saved' ? r.origin : 'none', impliedTitle };
  });
}

/**
 * "Họ và tên" merged over two columns with no sub-labels (the family and middle names, then the
 * given name): both columns carry the one header, the first was taken as the name. The first is
 * the family name, the second the given name, so no member is imported as "Nguyễn Văn".
 */
function splitUnderOneHeader(
  columns: SourceColumn[],
  result: Map<number, { target: TargetKey | null; origin: MappedColumn['origin'] }>,
  allowed: Set<TargetKey>,
  taken: Set<TargetKey>,
  take: (col: number, target: TargetKey | null, origin: MappedColumn['origin']) => void,
): void {
  const first = columns.find((c) => result.get(c.col)?.target === 'name' && result.get(c.col)?.origin === 'auto');
  const second = first && columns.find((c) => c.col === first.col + 1);
  if (!first || !second || result.has(second.col) || taken.has(FAMILY_TARGET) || !allowed.has(FAMILY_TARGET)) return;
  if (foldKey(second.header) !== foldKey(first.header)) return;
  take(first.col, FAMILY_TARGET, 'auto');
  take(second.col, 'name', 'auto');
}

export interface MappingConflict {
  target: TargetKey;
  columns: number[];
}

/** A target fed by two columns (titles excepted, when all but one are marks under their title; a birth date split under one heading). */
export function mappingConflicts(columns: MappedColumn[]): MappingConflict[] {
  const by = new Map<TargetKey, MappedColumn[]>();
  for (const c of columns) if (c.target) by.set(c.target, [...(by.get(c.target) ?? []), c]);
  const out: MappingConflict[] = [];
  for (const [target, cols] of by) {
    if (cols.length < 2) continue;
    if (target === 'emulationTitle' && cols.filter((c) => !c.impliedTitle).length <= 1) continue;
    if (target === BIRTH_TARGET && sharesTarget(target, cols[0]!, cols.slice(1))) continue;
    out.push({ target, columns: cols.map((c) => c.col) });
  }
  return out;
}

/** The mapping as a JSON-friendly object: source header → target key (null = left out). */
export function mappingToJson(columns: MappedColumn[]): Record<string, TargetKey | null> {
  const out: Record<string, TargetKey | null> = {};
  for (const c of columns) out[c.header] = c.target;
  return out;
}

/**
 * A mapping file (`--mapping FILE.json`): `{ "Họ và tên": "name", "F": "Tham gia chuyển đổi số",
 * "Ghi chú riêng": null }` — keys are source headers or column letters, values are field keys,
 * headers or aliases, null or "" to leave a column out. Columns not named keep the proposal.
 */
export function choiceFromJson(json: unknown, columns: SourceColumn[]): { choice: MappingChoice; errors: { key: string; value: string }[] } {
  const choice: MappingChoice = {};
  const errors: { key: string; value: string }[] = [];
  const obj = (json && typeof json === 'object' && 'columns' in (json as object) ? (json as { columns: unknown }).columns : json) as Record<string, unknown>;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { choice, errors: [{ key: '', value: String(json) }] };
  for (const [key, value] of Object.entries(obj)) {
    const column = /^[A-Za-z]{1,3}$/.test(key) ? columns.find((c) => c.col === columnNumber(key)) : columns.find((c) => columnKey(c.header) === columnKey(key) || c.parts.some((p) => columnKey(p) === columnKey(key)));
    const target = value === null || value === '' ? null : typeof value === 'string' ? findTarget(value)?.key : undefined;
    if (!column || target === undefined) {
      errors.push({ key, value: value === null ? 'null' : String(value) });
      continue;
    }
    choice[column.col] = target;
  }
  return { choice, errors };
}

export function columnLabel(c: SourceColumn): string {
  return `${columnLetter(c.col)} “${c.header}”`;
}
