/**
 * What a re-import changes and keeps, in words: the same lines in the pane and the CLI, so a
 * clerk sees before → after for every cell and where a value was kept.
 */
import { t, type Lang } from '../../i18n';
import { sheetRef } from '../../workbook/a1';
import { SHEETS } from '../../sheets/names';
import type { CellChange, KeptCell } from './importMembers';

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
