/**
 * The unit types and titles a unit adds to “Danh mục” (C, D) are all offered and all read, however
 * many: the engine reads every row of each list, and the dropdowns of 'Thông tin đơn vị'!B5 and of
 * the members' title column reach as far as the list (they stopped at row 43, 40 rows: a type or
 * title further down was missing from the dropdown, and the engine called it unknown).
 */
import type * as ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { UNIT_TYPES } from '../../src/domain/unitTypes';
import { EMULATION_TITLES } from '../../src/domain/memberFields';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { parseRange } from '../../src/workbook/a1';
import type { Workbook } from '../../src/workbook/port';
import type { Evaluation } from '../../src/domain/evaluation';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

const FIRST = 4; // the lists' first row
const TYPES = Array.from({ length: 45 }, (_, i) => `Trung tâm riêng ${i + 1}`);
const TITLES = Array.from({ length: 45 }, (_, i) => `Danh hiệu riêng ${i + 1}`);
const titleCol = MEMBER_FIELDS.findIndex((f) => f.key === 'emulationTitle') + 1;

/** The list validation over a cell, as the workbook holds it (its rules are kept by range). */
function listSourceAt(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const model = (ws as unknown as { dataValidations: { model: Record<string, { formulae?: string[] } | undefined> } }).dataValidations.model;
  for (const [key, rule] of Object.entries(model)) {
    const r = parseRange(key);
    if (rule && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return String(rule.formulae?.[0] ?? '');
  }
  return '';
}

/** The values a list dropdown offers: its source range's texts on “Danh mục”. */
function offered(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number, col: number): string[] {
  const source = listSourceAt(ws, row, col);
  const m = /\$([A-Z])\$(\d+):\$\1\$(\d+)$/.exec(source);
  if (!m) throw new Error(`not a list range: ${source}`);
  const lists = wb.getWorksheet(SHEETS.lists)!;
  const out: string[] = [];
  for (let r = Number(m[2]); r <= Number(m[3]); r++) {
    const v = lists.getCell(`${m[1]}${r}`).value;
    if (v !== null && v !== '') out.push(String(v));
  }
  return out;
}

/** The sample unit, its type and first member's title the 45th the unit added to “Danh mục”, evaluated on `host`. */
async function evaluated(host: (made: ExcelJsWorkbook) => Promise<Workbook>): Promise<{ wb: ExcelJS.Workbook; ev: Evaluation; warnings: string[]; rows: number }> {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 10, seed: 5 });
  const members = base.members!;
  members[0]![titleCol - 1] = TITLES[44]!;
  const made = ExcelJsWorkbook.create('lists.xlsx');
  await createSheets(made, { ...base, unit: { ...base.unit, type: TYPES[44]! }, members });
  const lists = made.workbook.getWorksheet(SHEETS.lists)!;
  TYPES.forEach((t, i) => (lists.getCell(FIRST + UNIT_TYPES.length + i, 3).value = t));
  TITLES.forEach((t, i) => (lists.getCell(FIRST + EMULATION_TITLES.length + i, 4).value = t));
  const wb = await host(made);
  const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const out = wb instanceof ExcelJsWorkbook ? wb : await ExcelJsWorkbook.fromBuffer(Buffer.from(await (wb as XlsxWorkbook).toBytes()), 'out.xlsx');
  return { wb: out.workbook, ev: result.evaluation, warnings: result.report.warnings.map((w) => w.code), rows: members.length };
}

const HOSTS: [string, (made: ExcelJsWorkbook) => Promise<Workbook>][] = [
  ['the workbook in memory', async (made) => made],
  ['a file (the CLI’s writer)', async (made) => XlsxWorkbook.open(await made.toBuffer(), 'lists.xlsx', NODE_XLSX)],
];

it.each(HOSTS)('types and titles added past the 40th row of “Danh mục” are offered by the dropdowns and read by the engine: %s', async (_name, host) => {
  expect(FIRST + UNIT_TYPES.length + 44).toBeGreaterThan(FIRST + 39);
  const { wb, ev, warnings, rows } = await evaluated(host);
  // The engine: the type is a listed one (not an education institution: the learners' indicator does not apply), the title a known one.
  expect(warnings.filter((w) => ['unitTypeUnknown', 'unitTypeUnknownIndicators', 'unknownTitle', 'titleSpelling'].includes(w))).toEqual([]);
  expect(ev.indicators.find((i) => i.code === '3.2b')!.status).toBe('not_applicable');

  // The dropdowns offer every entry of the lists, as the engine reads them.
  expect(offered(wb, wb.getWorksheet(SHEETS.unit)!, 5, 2)).toEqual([...UNIT_TYPES, ...TYPES]);
  const membersSheet = wb.getWorksheet(SHEETS.members)!;
  for (let r = MEMBER_HEADER_ROW + 1; r <= MEMBER_HEADER_ROW + rows; r++) expect(offered(wb, membersSheet, r, titleCol)).toEqual([...EMULATION_TITLES, ...TITLES]);
}, 60_000);
