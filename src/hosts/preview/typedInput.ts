/**
 * What is typed into the grid, as a cell value, read as a spreadsheet under the page's language reads it.
 *
 * A number typed with the digit grouping of the page's language: Vietnamese groups thousands with
 * a dot and writes decimals with a comma (1.200 learners are twelve hundred), English the other
 * way round (1,200). Excel under that language reads it so; the cell reading (typedValue) takes
 * either mark for a decimal one, so the grouping is taken out first. Only whole groups of three
 * after a first digit other than 0 are grouping: "1.5", "1.20" and "0.500" are left as typed.
 */
import { typedValue, type CellShows } from '../../usecases/editCells';
import type { CellInput } from '../../workbook/port';

interface Marks {
  /** The grouping mark as a regular expression (a space-like one also matches the other spaces). */
  group: string;
  decimal: string;
}

const marksOf = new Map<string, Marks>();

function marks(locale: string): Marks {
  let m = marksOf.get(locale);
  if (!m) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const group = parts.find((p) => p.type === 'group')?.value ?? ',';
    const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    m = { group: /\s/.test(group) ? '[ \\u00a0\\u202f]' : escape(group), decimal: escape(decimal) };
    marksOf.set(locale, m);
  }
  return m;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with the locale's grouping taken out and its decimal mark a dot, when it is such a number (optionally a percentage); else as typed. */
export function ungrouped(text: string, locale: string): string {
  const { group, decimal } = marks(locale);
  const m = new RegExp(`^\\s*([+-]?)([1-9]\\d{0,2}(?:${group}\\d{3})+)(?:${decimal}(\\d+))?(\\s*%)?\\s*$`).exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\D/g, '')}${m[3] ? `.${m[3]}` : ''}${m[4] ?? ''}`;
}

/**
 * The value `text` typed into a cell that shows `shows` stores: a leading apostrophe keeps what follows as
 * text, as Excel, LibreOffice and WPS take it (a phone number, an ID, 1.200 as written), and is not stored.
 */
export function typedInput(text: string, locale: string, shows: CellShows): CellInput {
  if (text.startsWith("'")) return text.length > 1 ? text.slice(1) : null;
  return typedValue(ungrouped(text, locale), shows);
}
