/**
 * Notes that say a member is away for long, or joined or left during the year. Whether such a
 * member counts in the total is the unit's call (domain reference §3: a per-member flag, default
 * yes), so these words only point at rows worth a look; they decide nothing.
 */
import { foldKey } from './text';

/** Compared folded (no diacritics, no case), as whole words: "nghỉ ốm" alone is a short sick leave, not listed. */
const ABSENCE_PHRASES = [
  'nghi thai san',
  'nghi sinh',
  'nghi che do',
  'nghi dai han',
  'nghi om dai',
  'nghi khong luong',
  'nghi viec',
  'thoi viec',
  'nghi huu',
  'chuyen cong tac',
  'chuyen di',
  'chuyen den',
  'moi chuyen',
  'biet phai',
  'di hoc dai han',
  'hoc tap trung',
  'tam hoan',
].map((p) => ` ${p} `);

export function noteSaysAbsent(note: string): boolean {
  const key = ` ${foldKey(note)} `;
  return ABSENCE_PHRASES.some((p) => key.includes(p));
}

/** Note the import leaves on a member missing from the imported list; its presence means "already marked". */
export const REMOVED_NOTE = 'Không có trong danh sách nhập';
/** Note the import leaves on a member imported from a hidden row of the list (one who left, kept but hidden). */
export const HIDDEN_NOTE = 'Dòng ẩn ở danh sách nhập';

/** Whether a note says why a member is not counted: an absence, or the import's own record that the person left the list. */
export function noteExplainsLeftOut(note: string): boolean {
  return noteSaysAbsent(note) || note.includes(REMOVED_NOTE) || note.includes(HIDDEN_NOTE);
}
