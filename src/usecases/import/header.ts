/**
 * Finding the header of a school's staff list: it sits under a title block (unit name,
 * "DANH SÁCH CB-GV-NV …"), may span two rows with merged group cells ("Danh hiệu thi đua"
 * over "LĐTT" and "CSTĐCS"), and is often followed by a row numbering the columns.
 */
import { foldKey } from '../../domain/text';
import type { SourceSheet } from './sourceSheet';
import { headerScore, MIN_SCORE, TARGETS } from './targets';

/** Rows searched for the header (title blocks are rarely longer). */
export const HEADER_SEARCH_ROWS = 10;

export interface SourceColumn {
  /** 1-based sheet column. */
  col: number;
  /** Header texts from top to bottom, without repeats ("Danh hiệu thi đua", "LĐTT"). */
  parts: string[];
  /** As shown to the user: parts joined with " / ". */
  header: string;
  hidden: boolean;
}

export interface HeaderInfo {
  top: number;
  bottom: number;
  /** First row after the header (and after a column-numbering row, if any). */
  dataStart: number;
  columns: SourceColumn[];
}

function rowScore(sheet: SourceSheet, row: number): { score: number; hasName: boolean } {
  let score = 0;
  let hasName = false;
  const seen = new Set<string>();
  for (let c = sheet.firstCol; c <= sheet.colCount; c++) {
    const m = sheet.masterOf(row, c);
    const key = `${m.row}:${m.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = sheet.text(row, c);
    if (!text || text.length > 120) continue;
    let best = 0;
    let bestKey = '';
    for (const target of TARGETS) {
      const s = headerScore(text, target);
      if (s > best) [best, bestKey] = [s, target.key];
    }
    if (best >= MIN_SCORE) {
      score++;
      if (bestKey === 'name') hasName = true;
    }
  }
  return { score: score + (hasName ? 2 : 0), hasName };
}

/** Does a merge in `row` reach into `next` or group columns that have sub-headers in `next`? */
function continuesInto(sheet: SourceSheet, row: number, next: number): boolean {
  for (let c = sheet.firstCol; c <= sheet.colCount; c++) {
    const m = sheet.mergeOf(row, c);
    if (!m || m.top !== row || m.left !== c) continue;
    if (m.bottom >= next) return true;
    if (m.right > m.left && !sheet.mergeOf(next, c) && !holdsData(sheet, row, next)) {
      for (let k = m.left; k <= m.right; k++) if (sheet.text(next, k)) return true;
    }
  }
  return false;
}

/**
 * `next` is a member row, not sub-headers: a header of one column ("STT", "Chức vụ") has a value
 * under it that is not merged down from it. Under a two-row header such a column is merged down
 * or blank; a "Họ và tên" merged over the family and given names may have the members right under it.
 */
function holdsData(sheet: SourceSheet, row: number, next: number): boolean {
  for (let c = sheet.firstCol; c <= sheet.colCount; c++) {
    const above = sheet.mergeOf(row, c);
    if ((above && above.right > above.left) || !sheet.text(row, c)) continue;
    if (above && above.bottom >= next) continue;
    if (sheet.text(next, c)) return true;
  }
  return false;
}

/** "(1) (2) (3)…" or "1 2 3…" or "A B 1 2…" under the header: column numbers, not data. */
export function isNumberingRow(sheet: SourceSheet, row: number): boolean {
  let count = 0;
  for (let c = sheet.firstCol; c <= sheet.colCount; c++) {
    const t = sheet.text(row, c);
    if (!t) continue;
    if (!/^\(?([0-9]{1,2}|[A-Za-z])\)?$/.test(t)) return false;
    count++;
  }
  return count >= 3;
}

export function detectHeader(sheet: SourceSheet): HeaderInfo | null {
  let best = { row: -1, score: 0, hasName: false };
  const last = Math.min(sheet.rowCount, sheet.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let r = sheet.firstRow; r <= last; r++) {
    const s = rowScore(sheet, r);
    if (s.score > best.score) best = { row: r, ...s };
  }
  if (best.row < 0 || (!best.hasName && best.score < 2)) return null;
  let top = best.row;
  let bottom = best.row;
  if (top < sheet.rowCount && continuesInto(sheet, top, top + 1)) bottom = top + 1;
  else if (top > sheet.firstRow && continuesInto(sheet, top - 1, top)) top = top - 1;
  let dataStart = bottom + 1;
  if (isNumberingRow(sheet, dataStart)) dataStart++;

  const columns: SourceColumn[] = [];
  for (let c = sheet.firstCol; c <= sheet.colCount; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = sheet.line(r, c);
      if (t && !parts.some((p) => foldKey(p) === foldKey(t))) parts.push(t);
    }
    if (!parts.length) continue;
    columns.push({ col: c, parts, header: parts.join(' / '), hidden: sheet.isColumnHidden(c) });
  }
  return { top, bottom, dataStart, columns };
}
