/**
 * Which sheet of an import's source a clerk meant. The name is typed as the tab looks: its
 * case, the spaces at its ends, doubled or non-breaking spaces inside are not seen there, so
 * they are forgiven when exactly one sheet answers; two that differ only in them are not
 * guessed between.
 */
export type SheetChoice =
  | { sheet: string; only?: true }
  | { problem: 'notFound' | 'ambiguous' | 'notGiven'; sheets: string[] };

/** Excel's own sameness of sheet names: case does not count. */
const strictKey = (name: string) => name.normalize('NFC').toLowerCase();
/** What shows on a tab: runs of any space (NBSP, zero-width too) as one, none at the ends. */
const looseKey = (name: string) =>
  strictKey(name)
    .replace(/[\s\u200b]+/g, ' ')
    .trim();

/** `asked` undefined: --sheet not given; a source of one sheet is read from it. */
export function chooseSheet(asked: string | undefined, sheets: readonly string[]): SheetChoice {
  if (asked === undefined) return sheets.length === 1 ? { sheet: sheets[0]!, only: true } : { problem: 'notGiven', sheets: [...sheets] };
  const exact = sheets.find((s) => strictKey(s) === strictKey(asked));
  if (exact !== undefined) return { sheet: exact };
  const near = sheets.filter((s) => looseKey(s) === looseKey(asked));
  if (near.length === 1) return { sheet: near[0]! };
  return near.length > 1 ? { problem: 'ambiguous', sheets: near } : { problem: 'notFound', sheets: [...sheets] };
}

/** Sheet names as a list a reader can tell apart: in quotes, so a space at an end shows. */
export function quotedSheets(sheets: readonly string[]): string {
  return sheets.map((s) => `“${s}”`).join(', ');
}
