/**
 * The unit's own text on a document sheet (narrative paragraphs, cells marked for it).
 * Each such cell has, in the hidden columns of its row, a key with the cell's column and
 * the text the add-in wrote there. Whatever differs from what was written is the unit's,
 * and is carried into the redrawn sheet under the same key.
 */
import { readText, type CellValue } from '../domain/values';
import { columnNumber } from '../workbook/a1';
import type { SheetData } from '../workbook/port';
import { MARKER_COL, WRITTEN_COL } from '../sheets/documentLayout';

export interface KeptText {
  key: string;
  text: string;
  /** Where it was, for messages: "A23". */
  address: string;
}

/** A cell's text as stored: a string as it is (its runs of spaces too, which readText trims as Excel's TRIM), anything else as it reads. */
export const asStored = (v: CellValue | undefined): string => (typeof v === 'string' ? v : readText(v));

export function readUserTexts(data: SheetData | undefined): Map<string, KeptText> {
  const out = new Map<string, KeptText>();
  data?.rows.forEach((cells, i) => {
    const marker = readText(cells[MARKER_COL - 1]);
    const m = /^(.+)@([A-Z]{1,3})$/.exec(marker);
    if (!m) return;
    const col = columnNumber(m[2]!);
    const text = asStored(cells[col - 1]);
    // Both as stored: readText trims as Excel's TRIM does, and a text written with two spaces in a row
    // (a blank name: "Ông (bà)  – Tổ trưởng") would read as the unit's own and be kept for ever.
    const written = asStored(cells[WRITTEN_COL - 1]);
    if (text.trim() === '' || text === written) return;
    if (!out.has(m[1]!)) out.set(m[1]!, { key: m[1]!, text, address: `${m[2]}${i + 1}` });
  });
  return out;
}

/** Hands out kept texts by key and remembers which were used, so none is lost. */
export class KeptTexts {
  private readonly used = new Set<string>();
  constructor(private readonly texts: Map<string, KeptText>) {}

  take(key: string): string | undefined {
    const t = this.texts.get(key);
    if (!t) return undefined;
    this.used.add(key);
    return t.text;
  }

  /** How many kept texts were found. */
  count(): number {
    return this.texts.size;
  }

  /** Texts whose place is gone from the new layout (an indicator removed, a key renamed). */
  leftOver(): KeptText[] {
    return [...this.texts.values()].filter((t) => !this.used.has(t.key));
  }
}
