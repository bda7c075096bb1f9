/**
 * Generated member tables through the whole pure path (sheet readers, engine, planned
 * writes, import) on an in-memory workbook: nothing throws, every odd value is reported at
 * its cell, shares equal a brute-force count, and no cell the user typed changes.
 */
import fc from 'fast-check';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { applyImport } from '../../src/usecases/import/importMembers';
import { sampleUnit } from '../../src/usecases/sampleData';
import { readMembersSheet } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { cellAddress } from '../../src/workbook/a1';
import type { CellValue } from '../../src/workbook/port';
import { MemoryWorkbook } from './memoryWorkbook';
import { DEFAULT_SPELLINGS } from '../../src/domain/values';
import { bruteForce, genTable, mayBeGarbage, membersSheet, rowCells, SHARE_FIELDS, type GenRow } from './memberTables';

const NOW = new Date(Date.UTC(2025, 11, 20));
const CODES = { discipline: '2.1', mandatoryTraining: '2.2', digital: '2.3', language: '2.4' } as const;
const USER_COLS = MEMBER_FIELDS.length;
const SOURCE = 'DS nguồn';
const NOTES = 'Ghi chú riêng';
const NOTES_ROWS: CellValue[][] = [['=HYPERLINK("http://x","y")', '0012'], [null, 'Nguyễn Văn A'.normalize('NFD')]];

let template: { unit: ReturnType<typeof sampleUnit>; headerRows: CellValue[][]; headerRow: number };

beforeAll(async () => {
  const unit = { ...sampleUnit({ members: 0 }), members: [] };
  const wb = new MemoryWorkbook();
  await createSheets(wb, unit);
  const rows = wb.rows(SHEETS.members);
  const parsed = readMembersSheet({ name: SHEETS.members, rows })!;
  template = { unit, headerRows: rows.slice(0, parsed.headerRow), headerRow: parsed.headerRow };
});

const userCells = (rows: CellValue[][]) => JSON.stringify(rows.map((r) => r.slice(0, USER_COLS)));

/** The same people as a school's own list: a title block, a header, the rows. */
function sourceSheet(rows: GenRow[]): CellValue[][] {
  return [['DANH SÁCH CB-GV-NV'], [], MEMBER_FIELDS.map((f) => f.header), ...rows.map((r, i) => rowCells(r, i + 1))];
}

async function checkTable(rows: GenRow[]): Promise<void> {
  const { unit, headerRows, headerRow } = template;
  const members = membersSheet({ name: SHEETS.members, rows: headerRows }, headerRow, rows);
  const wb = new MemoryWorkbook({ [NOTES]: NOTES_ROWS, [SHEETS.members]: members.rows, [SOURCE]: sourceSheet(rows) });
  const before = { members: userCells(wb.rows(SHEETS.members)), notes: JSON.stringify(wb.rows(NOTES)), source: JSON.stringify(wb.rows(SOURCE)) };
  const same = () => {
    expect(userCells(wb.rows(SHEETS.members))).toBe(before.members);
    expect(JSON.stringify(wb.rows(NOTES))).toBe(before.notes);
    expect(JSON.stringify(wb.rows(SOURCE))).toBe(before.source);
  };

  // create: the filled members sheet is kept as it is.
  const created = await createSheets(wb, unit);
  expect(created.kept).toContain(SHEETS.members);
  same();

  // evaluate: figures equal the brute-force count; odd cells reported where they are.
  const result = await evaluateWorkbook(wb, { summary: false, now: NOW });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  same();
  const expected = bruteForce(rows, headerRow);
  const r = result.report;
  expect(r.countedMembers).toBe(expected.counted);
  for (const key of SHARE_FIELDS) {
    const ind = r.indicators.find((i) => i.code === CODES[key])!;
    if (expected.counted === 0) {
      expect(ind.status).toBe('not_evaluable');
      continue;
    }
    expect([ind.numerator, ind.denominator]).toEqual([expected.numerator[key], expected.counted]);
    expect(ind.value).toBe(expected.numerator[key] / expected.counted);
  }
  const reported = new Set(r.warnings.filter((w) => w.sheet === SHEETS.members).map((w) => w.cell));
  const mustReport = [
    ...expected.odd.map(([row, col]) => cellAddress(row, col)),
    ...expected.nameless.map((row) => cellAddress(row, MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1)),
    ...expected.duplicates.map((row) => cellAddress(row, MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1)),
    ...expected.withoutData.map((row) => cellAddress(row, MEMBER_FIELDS.findIndex((f) => f.key === 'name') + 1)),
    ...expected.emptyColumns.map((column) => cellAddress(headerRow, column)),
    ...(expected.absentNote !== null ? [cellAddress(expected.absentNote, MEMBER_FIELDS.findIndex((f) => f.key === 'note') + 1)] : []),
  ];
  for (const cell of mustReport) expect(reported).toContain(cell);
  // …and nothing clean is reported.
  expect([...reported].filter((c) => !mustReport.includes(c!))).toEqual([]);

  // summary: same figures, still nothing of the user's changed.
  const again = await evaluateWorkbook(wb, { summary: true, now: NOW });
  if (!again.ok) throw new Error('summary must evaluate what evaluate did');
  expect(again.report.indicators).toEqual(r.indicators);
  same();

  // import: reads the school's list, never writes into it.
  const imported = await applyImport(wb, { sheet: SOURCE }, { now: NOW });
  expect(wb.plans.some((p) => p.sheet === SOURCE || p.sheet === NOTES)).toBe(false);
  expect(JSON.stringify(wb.rows(SOURCE))).toBe(before.source);
  expect(JSON.stringify(wb.rows(NOTES))).toBe(before.notes);
  for (const issue of imported.issues) expect(issue.sheet).toBe(SOURCE);
}

describe('generated member tables (pure path)', () => {
  it('1,000 tables: no error, odd values reported at their cells, shares equal a brute-force count, user cells unchanged', async () => {
    // Once drawn as garbage by the generator, a cross is a “no” in the default spellings: replayed first on every run.
    const crossAsGarbage: GenRow[] = [{
      name: { v: 'Nguyễn Thị Lan', cls: 'member' },
      counted: { v: 0, cls: 'no' },
      shares: [{ v: null, cls: 'blank' }, { v: 'x', cls: 'yes' }, { v: '✗', cls: 'no' }, { v: 'không', cls: 'no' }],
      other: [null, null, null],
      hidden: true,
      merged: false,
    }];
    await fc.assert(fc.asyncProperty(genTable(40), checkTable), { numRuns: 1000, examples: [[crossAsGarbage]] });
  });

  it('the generator never draws a spelling the default rule sets read as yes or no as an odd value', () => {
    // Checked word by word, so a spelling added to the defaults fails here at once, not on a rare seed.
    for (const word of [...DEFAULT_SPELLINGS.yes, ...DEFAULT_SPELLINGS.no]) expect([word, mayBeGarbage(word)]).toEqual([word, false]);
  });

  it('empty and large tables', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(0, 1, 3000), fc.integer(), async (n, seed) => {
      const [rows] = fc.sample(genTable(n, n), { numRuns: 1, seed });
      expect(rows).toHaveLength(n);
      await checkTable(rows!);
    }), { numRuns: 4 });
  });
});
