/**
 * Which sheet of an import's source a clerk meant. The name is typed as the tab looks: its
 * case, the spaces at its ends, doubled or non-breaking spaces inside are not seen there, so
 * they are forgiven when exactly one sheet answers; two that differ only in them are not
 * guessed between.
 *
 * Sheets the clerk does not see are not offered: a very hidden one (only a macro or the VBA
 * editor shows it: settings, lookup lists) is never listed; a hidden one is listed, marked, but
 * not read unless named (schools hide old lists and dropdown sources, so what they see is what
 * they mean). Either is read when --sheet names it. An empty visible sheet (the Sheet2 and Sheet3
 * a new workbook came with) is listed, marked, and not counted when the one list is looked for.
 */
import { offeredSheets, type SheetTab } from '../usecases/listSheets';

export interface SourceTab extends SheetTab {
  /** What it holds, known only when several sheets are visible: nothing, a list import finds a header in, something else. */
  holds?: 'empty' | 'list' | 'other';
}

export type SheetChoice =
  | { sheet: string; only?: true; others?: SourceTab[] }
  | { problem: 'notFound' | 'ambiguous'; sheets: SourceTab[] }
  /** `example`: the sheet to suggest, the first that looks like a staff list. */
  | { problem: 'notGiven'; sheets: SourceTab[]; example: string };

/** Excel's own sameness of sheet names: case does not count. */
const strictKey = (name: string) => name.normalize('NFC').toLowerCase();
/** What shows on a tab: runs of any space (NBSP, zero-width too) as one, none at the ends. */
const looseKey = (name: string) =>
  strictKey(name)
    .replace(/[\s\u200b]+/g, ' ')
    .trim();

/** `asked` undefined: --sheet not given; a source with one visible sheet is read from it. */
export function chooseSheet(asked: string | undefined, sheets: readonly SourceTab[]): SheetChoice {
  const listed = offeredSheets(sheets);
  if (asked === undefined) {
    const visible = listed.filter((s) => s.state === 'visible');
    const filled = visible.filter((s) => s.holds !== 'empty');
    const one = visible.length === 1 ? visible[0] : filled.length === 1 ? filled[0] : !visible.length && listed.length === 1 ? listed[0] : undefined;
    if (!one) {
      const sheets = [...filled, ...listed.filter((s) => !filled.includes(s))];
      return { problem: 'notGiven', sheets, example: (filled.find((s) => s.holds === 'list') ?? sheets[0])?.name ?? '' };
    }
    const others = listed.filter((s) => s !== one);
    return { sheet: one.name, only: true, ...(others.length ? { others } : {}) };
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

/** How a sheet not offered to be read is marked in a list: as hidden, as empty. */
export interface SheetMarks {
  hidden: string;
  empty: string;
}

/** Sheet names as a list a reader can tell apart: in quotes, so a space at an end shows; hidden and empty ones marked. */
export function quotedSheets(sheets: readonly (string | SourceTab)[], marks?: SheetMarks): string {
  return sheets
    .map((s) => {
      if (typeof s === 'string') return `“${s}”`;
      const mark = !marks ? '' : s.state !== 'visible' ? marks.hidden : s.holds === 'empty' ? marks.empty : '';
      return `“${s.name}”${mark ? ` ${mark}` : ''}`;
    })
    .join(', ');
}
