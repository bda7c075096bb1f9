/**
 * Dates as unit workbooks hold them: Excel serials or typed dd/mm/yyyy text. A serial is read
 * here once into the 1900 system whatever the workbook's (a 1904 one's is 1,462 days less), so
 * records, the pool's messages and the tables carry one system: hosts hand cells as stored,
 * since only the reader knows which numbers are dates.
 */
import { readText, type CellValue } from '../../domain/values';
import { dateToSerial, serialIn1900, serialToDate } from '../../workbook/plan';

// The one pair of serial ⇄ wall-clock functions (workbook/plan.ts), re-exported for the dossier readers.
export { dateToSerial, serialIn1900, serialToDate };
export { addMonths } from '../../domain/rules/request';

export type DateRead = { kind: 'date'; serial: number } | { kind: 'blank' } | { kind: 'invalid'; text: string };

/**
 * A serial of the workbook's system (`date1904`: UnitWorkbook.date1904), or "15/3/2024",
 * "15-03-2024", "2024-03-15", as a 1900-system serial. Anything else is reported, never guessed.
 */
export function readDate(v: CellValue, date1904: boolean): DateRead {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return { kind: 'date', serial: serialIn1900(v, date1904) };
  const text = readText(v);
  if (text === '') return { kind: 'blank' };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = dmy ? null : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const ymd = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : null;
  if (ymd) {
    const [y, mo, d] = ymd as [number, number, number];
    const date = new Date(y, mo - 1, d);
    if (date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d) return { kind: 'date', serial: dateToSerial(date) };
  }
  return { kind: 'invalid', text };
}
