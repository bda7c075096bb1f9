/**
 * What a re-import changes and keeps, in words: the same lines in the pane and the CLI, so a
 * clerk sees before → after for every cell and where a value was kept.
 */
import { t, type Lang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { sheetRef } from '../../workbook/a1';
import type { CellInput } from '../../workbook/port';
import { SHEETS } from '../../sheets/names';
import type { CellChange, KeptCell } from './importMembers';
import { BIRTH_TARGET, FAMILY_TARGET, ID_TARGET, targetHeader, type TargetKey } from './targets';

/** A target as the mapping shows it: the ID, the date of birth and the family name say what they are for, a field is its column's header. */
export function targetLabel(lang: Lang, key: TargetKey): string {
  if (key === ID_TARGET) return t(lang, 'import.field.id');
  if (key === BIRTH_TARGET) return t(lang, 'import.field.birth');
  if (key === FAMILY_TARGET) return t(lang, 'import.field.family');
  return targetHeader(key);
}

/** An imported value as the members sheet will show it: a date as dd/mm/yyyy (the preview's rows, --json). */
export function shownValue(v: CellInput | undefined): Exclude<CellInput, Date> {
  return v instanceof Date ? formatDate(v) : (v ?? null);
}

const shown = (lang: Lang, v: string) => (v === '' ? t(lang, 'import.diff.blank') : v);

export function changeLine(lang: Lang, c: CellChange): string {
  return t(lang, 'import.diff.change', { name: c.name, where: sheetRef(SHEETS.members, c.cell), field: c.header, before: shown(lang, c.before), after: shown(lang, c.after) });
}

/** "Kept 3 cells …: R5 (…), L7 (…) and 1 more." — at most `limit` cells named. */
export function keptSummary(lang: Lang, kept: readonly KeptCell[], limit: number): string {
  const named = kept.slice(0, limit).map((k) => t(lang, 'import.diff.keptCell', { where: sheetRef(SHEETS.members, k.cell), field: k.header, name: k.name, value: k.value }));
  if (kept.length > limit) named.push(t(lang, 'import.diff.more', { count: kept.length - limit }));
  return t(lang, 'import.diff.kept', { count: kept.length, sheet: SHEETS.members, cells: named.join('; ') });
}
