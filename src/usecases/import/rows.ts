/**
 * The member rows of a school's sheet: blank, subtotal ("Tổng cộng", "Cộng", "Tổng số") and
 * section rows ("I. Ban giám hiệu", "Tổ Toán - Tin") are skipped, the signatures end the list; every mapped cell is
 * normalised; whatever cannot be read is listed with its address and imported as empty.
 */
import { cleanText } from '../../domain/text';
import { footerLine, isGroupHeading, isOrdinalOnly } from '../../domain/listLines';
import { isCellError, isUncalculated, readText, type CellValue, type Spellings } from '../../domain/values';
import { cellAddress } from '../../workbook/a1';
import type { CellInput } from '../../workbook/port';
import { isNumberingRow, type HeaderInfo } from './header';
import type { MappedColumn } from './mapping';
import { normaliseBirth, normaliseCell, titleRank, type Normalised, type Unreadable } from './normalise';
import { cellKey, type SourceSheet } from './sourceSheet';
import { BIRTH_TARGET, FAMILY_TARGET, fieldOf, ID_TARGET, type TargetKey } from './targets';

export interface ImportedRow {
  /** Sheet row in the source. */
  row: number;
  name: string;
  id: string | null;
  /** Every mapped field except the ID: its value as it will be written (null = empty). */
  values: Record<TargetKey, CellInput>;
  /** Fields whose source cell could not be read (written as empty, listed as issues). */
  unreadable: TargetKey[];
  hidden: boolean;
}

export interface ImportIssue {
  row: number;
  col: number;
  /** Address in the source sheet, e.g. "F12". */
  cell: string;
  target: TargetKey;
  reason: Unreadable | 'nameMissing' | 'notAName';
  found: string;
}

/** `numbering`: the header's column numbering, repeated where a printed list turns the page. */
export type SkipReason = 'subtotal' | 'section' | 'hidden' | 'footer' | 'numbering';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  text: string;
}

export interface ExtractedRows {
  rows: ImportedRow[];
  issues: ImportIssue[];
  skipped: SkippedRow[];
}


export function extractRows(sheet: SourceSheet, header: HeaderInfo, columns: MappedColumn[], spellings: Spellings, includeHiddenRows = true): ExtractedRows {
  const nameCol = columns.find((c) => c.target === 'name')?.col;
  const idCol = columns.find((c) => c.target === ID_TARGET)?.col;
  const familyCol = columns.find((c) => c.target === FAMILY_TARGET)?.col;
  // "Nguyễn Thị" | "Lan": the member is the whole name.
  const nameOf = (r: number) => (familyCol ? cleanText(`${sheet.line(r, familyCol)} ${sheet.line(r, nameCol!)}`) : sheet.line(r, nameCol!));
  // STT is renumbered in the members sheet, so the source's own numbering is not carried over.
  const fieldCols = columns
    .filter((c) => c.target && ![ID_TARGET, 'name', 'ordinal', FAMILY_TARGET].includes(c.target))
    .map((c) => {
      const key = c.target!;
      if (key === BIRTH_TARGET) return { col: c.col, key, title: false, read: (v: CellValue) => normaliseBirth(v, sheet.date1904) };
      const field = fieldOf(key)!;
      return { col: c.col, key, title: field.kind === 'title', read: (v: CellValue) => normaliseCell(field, v, spellings, c.impliedTitle) };
    });
  const rows: ImportedRow[] = [];
  const issues: ImportIssue[] = [];
  const skipped: SkippedRow[] = [];
  if (!nameCol) return { rows, issues, skipped };

  for (let r = header.dataStart; r <= sheet.rowCount; r++) {
    // Two labels already rule out a section heading: the rest of the row is read only if needed.
    const cells = rowCells(sheet, r, 2);
    if (!cells.length) continue;
    const name = nameOf(r);
    const first = cells[0]!;
    // The signatures under the list (“Người lập biểu”, “HIỆU TRƯỞNG” and the signers' names): no member below.
    const line = footerLine(first.text);
    if (line === 'signature') {
      skipped.push({ row: r, reason: 'footer', text: first.text });
      break;
    }
    if (line === 'total' || footerLine(name) === 'total') {
      skipped.push({ row: r, reason: 'subtotal', text: first.text });
      continue;
    }
    if (r > header.dataStart && isNumberingRow(sheet, r)) {
      skipped.push({ row: r, reason: 'numbering', text: cells.map((c) => c.text).join(' ') });
      continue;
    }
    if (isSection(cells, nameCol, name)) {
      skipped.push({ row: r, reason: 'section', text: cells.map((c) => c.text).join(' ') });
      continue;
    }
    // A part of the name that is an error would import the rest as a whole name ("Trần Thị"): the row is left out, the error said.
    const broken = [familyCol, nameCol].find((c): c is number => c !== undefined && isCellError(sheet.value(r, c)));
    if (broken !== undefined || !name) {
      const col = broken ?? nameCol;
      const value = sheet.value(r, col);
      const reason = isUncalculated(value) ? 'formulaNotCalculated' : isCellError(value) ? 'cellError' : 'nameMissing';
      const found = reason === 'cellError' && isCellError(value) ? value.error : rowCells(sheet, r).filter((c) => c.col !== nameCol).map((c) => c.text).join(' · ').slice(0, 80);
      issues.push({ row: r, col, cell: cellAddress(r, col), target: 'name', reason, found });
      continue;
    }
    // A number, a dash, a phone number: not a person (no letter), nor any member to match next year.
    if (!/\p{L}/u.test(name)) {
      issues.push({ row: r, col: nameCol, cell: cellAddress(r, nameCol), target: 'name', reason: 'notAName', found: name });
      continue;
    }
    const hidden = sheet.isRowHidden(r);
    if (hidden && !includeHiddenRows) {
      skipped.push({ row: r, reason: 'hidden', text: name });
      continue;
    }
    const values: Record<TargetKey, CellInput> = {};
    const unreadable: TargetKey[] = [];
    const titles: string[] = [];
    for (const c of fieldCols) {
      const n: Normalised = c.read(sheet.value(r, c.col));
      if (!n.ok) {
        issues.push({ row: r, col: c.col, cell: cellAddress(r, c.col), target: c.key, reason: n.reason, found: n.found });
        if (!unreadable.includes(c.key)) unreadable.push(c.key);
        if (!(c.key in values)) values[c.key] = null;
        continue;
      }
      if (c.title) {
        if (typeof n.value === 'string') titles.push(n.value);
        if (!(c.key in values)) values[c.key] = null;
        continue;
      }
      // A date of birth split in two columns (Nam | Nữ): the one filled in.
      if ((values[c.key] ?? null) === null) values[c.key] = n.value;
    }
    if (titles.length) values['emulationTitle'] = [...titles].sort((a, b) => titleRank(a) - titleRank(b))[0]!;
    // A field another of its columns gave a value is read (the unreadable cell is still listed).
    for (const key of unreadable.filter((k) => (values[k] ?? null) !== null)) unreadable.splice(unreadable.indexOf(key), 1);
    const idValue = idCol ? sheet.value(r, idCol) : null;
    // A broken lookup (#N/A) is no ID: the member is matched by name, and the cell is said.
    if (idCol && isCellError(idValue)) issues.push({ row: r, col: idCol, cell: cellAddress(r, idCol), target: ID_TARGET, reason: isUncalculated(idValue) ? 'formulaNotCalculated' : 'cellError', found: isUncalculated(idValue) ? '' : idValue.error });
    const id = idCol && !isCellError(idValue) ? cleanText(readText(idValue)) || null : null;
    rows.push({ row: r, name, id, values, unreadable, hidden });
  }
  return { rows, issues, skipped };
}

interface RowCell {
  col: number;
  text: string;
  wide: boolean;
}


/**
 * Distinct values of a row (a merged cell counts once, at its master), left to right;
 * with `enoughLabels`, stops once that many are not mere numbering.
 */
function rowCells(sheet: SourceSheet, r: number, enoughLabels = Infinity): RowCell[] {
  const cells: RowCell[] = [];
  let labels = 0;
  let seen: Set<number> | null = null;
  for (let c = sheet.firstCol; c <= sheet.colCount && labels < enoughLabels; c++) {
    const merge = sheet.mergeOf(r, c);
    if (merge) {
      const key = cellKey(merge.top, merge.left);
      if (seen?.has(key)) continue;
      (seen ??= new Set()).add(key);
    }
    const v = sheet.value(r, c);
    const text = sheet.text(r, c) || (v !== null && typeof v === 'object' ? v.error : '');
    // A value merged down from a member row above (a "Tổ" cell over several rows) is not this row's own.
    if (!text || (merge && merge.top < r && merge.right === merge.left)) continue;
    cells.push({ col: c, text, wide: Boolean(merge && merge.right > merge.left) });
    if (!isOrdinalOnly(text)) labels++;
  }
  return cells;
}

/**
 * A heading inside the list: nothing but one label (often merged across the row), numbered
 * ("I. Ban giám hiệu", "B - Tổ Văn phòng") or naming a group ("Tổ Toán - Tin"). A member
 * row has its STT or some data beside the name, so a lone plain name is still a member.
 */
function isSection(cells: RowCell[], nameCol: number, name: string): boolean {
  const labels = cells.filter((c) => !isOrdinalOnly(c.text));
  if (labels.length !== 1) return false;
  const label = labels[0]!;
  if (cells.length === 2 && !isOrdinalOnly(cells.find((c) => c !== label)!.text)) return false;
  if (label.wide) return true;
  if (label.col !== nameCol) return !/^\d+$/.test(label.text);
  if (cells.length === 2) return true; // "II" in STT, a label in the name column
  return isGroupHeading(name);
}
