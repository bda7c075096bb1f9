/**
 * Where a body is, as its name says (“UBND xã Hòa Bình” is at Hòa Bình), and whether it is a
 * People's Committee: the officer's documents date and address by it, and a unit's sample
 * named after its commune takes its place from it. Small and pure, for the pane's bundle too.
 */
import { foldKey } from '../domain/text';

/** A People's Committee's name: its tier's word and its place. */
export const COMMITTEE = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(thị xã|thị trấn|thành phố|đặc khu|xã|phường|tỉnh|huyện|quận)\s+(.+)$/iu;
/** "UBND", "Ủy ban nhân dân" (either spelling of Ủy) opening a name. */
const COMMITTEE_WORD = /^\s*(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)(?:\s+|$)/iu;

/** Whether a body is a People's Committee (it receives, and decides, itself). */
export const isCommittee = (name: string): boolean => COMMITTEE_WORD.test(name);

/** Two names of the same People's Committee, “UBND” or “Ủy ban nhân dân” aside. */
export const sameCommittee = (a: string, b: string): boolean => foldKey(a.replace(COMMITTEE_WORD, '')) === foldKey(b.replace(COMMITTEE_WORD, ''));
// Lower case only: "Phòng Văn hóa - Xã hội xã Hòa Bình" is at "Hòa Bình", not at "hội …".
export const PLACE = /(?:^|\s)(?:thị xã|thị trấn|thành phố|đặc khu|xã|phường|tỉnh|huyện|quận)\s+(\S.*)$/u;

/** Where a body is, as NĐ 30's place line names it: "UBND xã Hòa Bình" → "Hòa Bình"; '' when its name does not say. */
export function placeOf(name: string): string {
  return (COMMITTEE.exec(name.trim())?.[2] ?? PLACE.exec(name.trim())?.[1] ?? '').trim();
}
