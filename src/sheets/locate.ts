/** Where a problem is, as the user reads it: 'Thành viên'!H14. */
import type { Location, SheetRole } from '../domain/problems';
import { cellAddress, sheetRef } from '../workbook/a1';
import { SHEETS } from './names';

const ROLE_SHEET: Record<SheetRole, string> = {
  unit: SHEETS.unit,
  criteria: SHEETS.criteria,
  members: SHEETS.members,
  learners: SHEETS.learners,
  lists: SHEETS.lists,
  source: '',
};

export function sheetOf(at: Location, sourceSheet = ''): string {
  return at.sheet === 'source' ? sourceSheet : ROLE_SHEET[at.sheet];
}

export function cellOf(at: Location): string {
  return cellAddress(at.row, at.col);
}

export function describeLocation(at: Location, sourceSheet = ''): string {
  return sheetRef(sheetOf(at, sourceSheet), cellOf(at));
}
