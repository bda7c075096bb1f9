/**
 * The ownership marks (plan.ts SHEET_MARK) in ExcelJS workbooks. ExcelJS 4.4 keeps only
 * defined names whose value is a range, and drops their sheet scope, so a mark like
 * <definedName name="DVHT_SHEET" localSheetId="2">"summary"</definedName> would be lost:
 * marks are read from the file's workbook.xml ourselves and written back through the
 * workbook's defined-names model at write time.
 */
import type * as ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../../../src/xlsx/errors';
import { webInflate } from '../../../src/xlsx/inflateWeb';
import { decodeEntities } from '../../../src/xlsx/xml';
import { readDirectory, readEntry } from '../../../src/xlsx/zip';
import { roleOfMark, SHEET_MARK } from '../../../src/workbook/plan';

const LIMITS = { ...DEFAULT_LIMITS, maxFileBytes: Number.MAX_SAFE_INTEGER };

/**
 * The file's xl/workbook.xml, which ExcelJS reads only in part (marks, protection), or null.
 * DecompressionStream: browsers and Node ≥ 18; without it (old jsdom) nothing is seen, which is
 * the safe side for marks: every sheet is then the user's and none is redrawn.
 */
export async function readWorkbookXml(bytes: Uint8Array): Promise<string | null> {
  if (typeof DecompressionStream !== 'function') return null;
  try {
    const dir = readDirectory(bytes, LIMITS);
    const entry = dir.entries.get('xl/workbook.xml');
    if (!entry) return null;
    return new TextDecoder('utf-8').decode(await readEntry(bytes, entry, webInflate, LIMITS));
  } catch {
    return null; // ExcelJS reports a broken file itself
  }
}

/** Role by sheet index (localSheetId), from the file's xl/workbook.xml. */
export function readMarks(xml: string | null): Map<number, string> {
  const marks = new Map<number, string>();
  if (xml === null) return marks;
  const re = /<(?:[\w.-]+:)?definedName\b([^>]*)>([^<]*)<\/(?:[\w.-]+:)?definedName>/g;
  for (const m of xml.matchAll(re)) {
    const attrs = m[1]!;
    if (!new RegExp(`\\bname\\s*=\\s*["']${SHEET_MARK}["']`).test(attrs)) continue;
    const local = /\blocalSheetId\s*=\s*["'](\d+)["']/.exec(attrs);
    const role = roleOfMark(decodeEntities(m[2]!));
    if (local && role !== null) marks.set(Number(local[1]), role);
  }
  return marks;
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * Makes ExcelJS write the marks: its workbook-xform renders each defined name's `ranges`
 * joined as the element text, so the string constant goes there. Instance-level only.
 */
export function writeMarksOnSave(wb: ExcelJS.Workbook, roles: ReadonlyMap<ExcelJS.Worksheet, string>): void {
  const names = wb.definedNames as unknown as object;
  const proto = Object.getPrototypeOf(names) as object;
  const desc = Object.getOwnPropertyDescriptor(proto, 'model');
  if (!desc?.get || !desc.set) return;
  const { get, set } = desc;
  Object.defineProperty(names, 'model', {
    configurable: true,
    get(this: object) {
      const model = get.call(this) as DefinedNameModel[];
      const marks: DefinedNameModel[] = [];
      wb.worksheets.forEach((ws, index) => {
        const role = roles.get(ws);
        if (role !== undefined) marks.push({ name: SHEET_MARK, ranges: [`"${role.replace(/"/g, '""')}"`], localSheetId: index });
      });
      return [...model, ...marks];
    },
    set(this: object, value: unknown) {
      set.call(this, value);
    },
  });
}
