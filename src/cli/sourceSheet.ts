/**
 * Which sheet of an import's source a clerk meant. The name is typed as the tab looks: its
 * case, the spaces at its ends, doubled or non-breaking spaces inside are not seen there, so
 * they are forgiven when exactly one sheet answers; two that differ only in them are not
 * guessed between.
 *
 * Sheets the clerk does not see are not offered: a very hidden one (only a macro or the VBA
 * editor shows it: settings, lookup lists) is never listed; a hidden one is listed, marked, but
 * not read unless named (schools hide old lists and dropdown sources, so what they see is what
 * they mean). Either is read when --sheet names it.
 */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SourceTab {
  name: string;
  state: SheetState;
}

export type SheetChoice =
  | { sheet: string; only?: true; hidden?: string[] }
  | { problem: 'notFound' | 'ambiguous' | 'notGiven'; sheets: SourceTab[] };

/** Excel's own sameness of sheet names: case does not count. */
const strictKey = (name: string) => name.normalize('NFC').toLowerCase();
/** What shows on a tab: runs of any space (NBSP, zero-width too) as one, none at the ends. */
const looseKey = (name: string) =>
  strictKey(name)
    .replace(/[\s\u200b]+/g, ' ')
    .trim();

/**
 * The tabs a clerk can see or unhide, visible first. A file whose every sheet is very hidden
 * (a generator's; Excel refuses to save one) still lists them, or nothing could be named.
 */
function offered(sheets: readonly SourceTab[]): SourceTab[] {
  const seen = sheets.filter((s) => s.state !== 'veryHidden');
  const shown = seen.length ? seen : [...sheets];
  return [...shown.filter((s) => s.state === 'visible'), ...shown.filter((s) => s.state !== 'visible')];
}

/** `asked` undefined: --sheet not given; a source with one visible sheet is read from it. */
export function chooseSheet(asked: string | undefined, sheets: readonly SourceTab[]): SheetChoice {
  const listed = offered(sheets);
  if (asked === undefined) {
    const visible = listed.filter((s) => s.state === 'visible');
    const hidden = listed.filter((s) => s.state !== 'visible').map((s) => s.name);
    if (visible.length === 1) return { sheet: visible[0]!.name, only: true, ...(hidden.length ? { hidden } : {}) };
    if (!visible.length && listed.length === 1) return { sheet: listed[0]!.name, only: true };
    return { problem: 'notGiven', sheets: listed };
  }
  const exact = sheets.find((s) => strictKey(s.name) === strictKey(asked));
  if (exact !== undefined) return { sheet: exact.name };
  const near = sheets.filter((s) => looseKey(s.name) === looseKey(asked));
  // One the clerk sees is what was typed, not a very hidden one differing in spaces.
  const nearSeen = near.filter((s) => s.state !== 'veryHidden');
  const candidates = nearSeen.length ? nearSeen : near;
  if (candidates.length === 1) return { sheet: candidates[0]!.name };
  return candidates.length > 1 ? { problem: 'ambiguous', sheets: candidates } : { problem: 'notFound', sheets: listed };
}

/** Sheet names as a list a reader can tell apart: in quotes, so a space at an end shows; a hidden one marked with `hiddenMark`. */
export function quotedSheets(sheets: readonly (string | SourceTab)[], hiddenMark = ''): string {
  return sheets
    .map((s) => (typeof s === 'string' ? `“${s}”` : `“${s.name}”${s.state !== 'visible' && hiddenMark ? ` ${hiddenMark}` : ''}`))
    .join(', ');
}
