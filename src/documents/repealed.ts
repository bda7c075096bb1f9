/**
 * Legal texts a rule set's basis may still cite though they are no longer in force
 * (reference §1): TT 22/2020 was replaced by TT 24/2023 from 26/01/2024, so an evaluation of
 * 2024 or later cannot rest on it. A fact about the texts, not a threshold: kept here as data.
 */
export interface RepealedText {
  /** As a basis spells it: "22/2020/TT-BGDĐT". */
  number: string;
  /** "Thông tư số 22/2020/TT-BGDĐT", for messages. */
  title: string;
  /** The day it ceased to have effect, as printed: "26/01/2024". */
  since: string;
  /** The first evaluation year it cannot be the basis of. */
  fromYear: number;
}

export const REPEALED: readonly RepealedText[] = [{ number: '22/2020/TT-BGDĐT', title: 'Thông tư số 22/2020/TT-BGDĐT', since: '26/01/2024', fromYear: 2024 }];

const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');

/** The repealed text a basis cites, if any ("22/2020/TT-BGDĐT" however spaced or cased). */
export function repealedIn(basis: string): RepealedText | undefined {
  const b = squeeze(basis);
  return REPEALED.find((r) => b.includes(squeeze(r.number)));
}

/** A repealed text cited by a basis for an evaluation of `year`, when that year it is no longer in force. */
export function repealedFor(basis: string, year: number): RepealedText | undefined {
  const r = repealedIn(basis);
  return r && year >= r.fromYear ? r : undefined;
}
