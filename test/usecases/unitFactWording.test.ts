/**
 * A unit-level indicator's result in one wording everywhere it is printed — TT24's Đạt /
 * Không đạt (criteria sheet, summary, Biên bản, Bản đăng ký, pane) — while the unit's answer
 * is still read in either wording, "Đạt" or the "Đã thực hiện" earlier documents printed
 * (found by the clerk's-eye pass).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { convert } from '../support/libreoffice';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { readUnitFacts } from '../../src/usecases/unitFacts';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { DOCUMENT_SHEET } from '../../src/documents';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
/** The unit's answers as a clerk may type them: a mark, TT24's words, the words of earlier documents. */
const TYPED: Record<string, string> = { '1.1': 'x', '1.2': 'Không đạt', '1.4': 'Đã thực hiện', '1.5': ' chưa thực hiện ' };
const RESULT: Record<string, string> = { '1.1': 'Đạt', '1.2': 'Không đạt', '1.4': 'Đạt', '1.5': 'Không đạt' };

async function answered(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  const back = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  const ws = back.workbook.getWorksheet(SHEETS.criteria)!;
  ws.eachRow((row) => {
    const code = row.getCell(1).value;
    if (typeof code === 'string' && code in TYPED) row.getCell(COL.answer).value = TYPED[code]!;
  });
  return back;
}

/** Row values of a sheet, by the code in column A. */
function rowsByCode(rows: readonly (readonly unknown[])[]): Map<string, readonly unknown[]> {
  return new Map(rows.filter((r) => typeof r[0] === 'string').map((r) => [r[0] as string, r]));
}

function texts(wb: ExcelJsWorkbook, sheet: string): string[] {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && out.push(c.value)));
  return out;
}

describe('a unit-level indicator’s result', () => {
  let wb: ExcelJsWorkbook;
  let dir: string;
  beforeAll(async () => {
    wb = await answered();
    const result = await evaluateWorkbook(wb, { now: NOW });
    if (!result.ok) throw new Error('must evaluate');
    // The answers in either wording are read: no unclear answer is said.
    expect(result.report.warnings.filter((w) => w.code === 'unitAnswerAmbiguous')).toEqual([]);
    expect(Object.fromEntries(result.report.indicators.filter((i) => i.code in TYPED).map((i) => [i.code, i.status]))).toEqual({ '1.1': 'met', '1.2': 'not_met', '1.4': 'met', '1.5': 'not_met' });
    const docs = await generateDocuments(wb, { kinds: ['bien-ban', 'dang-ky'] });
    if (!docs.ok) throw new Error(docs.problems.map((p) => p.message).join('\n'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unit-fact-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is Đạt / Không đạt in “Tiêu chí” and in the summary’s “Kết quả thực hiện”, as the formulas compute it in another engine', async () => {
    const file = path.join(dir, 'truong.xlsx');
    fs.writeFileSync(file, await wb.toBuffer());
    const recalculated = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await convert(file, 'xlsx', path.join(dir, 'lo'))), 'lo.xlsx');
    for (const book of [wb, recalculated]) {
      const snap = await book.batch((s) => s.read([SHEETS.criteria, SHEETS.summary]));
      const criteria = rowsByCode(snap.sheets.get(SHEETS.criteria)!.rows);
      const summary = rowsByCode(snap.sheets.get(SHEETS.summary)!.rows);
      for (const [code, word] of Object.entries(RESULT)) {
        expect([code, criteria.get(code)![COL.result - 1]]).toEqual([code, word]);
        // "Kết quả thực hiện" (D) and "Tự đánh giá" (G): the same words, never the mark typed.
        expect([code, summary.get(code)![3], summary.get(code)![6]]).toEqual([code, word, word]);
      }
    }
  }, 120_000);

  it('is Đạt / Không đạt in the Biên bản and the Bản đăng ký, never “Đã thực hiện”', () => {
    for (const sheet of [DOCUMENT_SHEET['bien-ban'], DOCUMENT_SHEET['dang-ky']]) {
      const all = texts(wb, sheet);
      expect(all.filter((t) => /(?:đã|chưa) thực hiện/i.test(t))).toEqual([]);
    }
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEET['bien-ban'])!;
    // Requirement (G), result (H–I), self-assessment (J): the table's columns of widths 1, 5, 1, 2, 1.
    const rowOf = (code: string) => {
      let cells: unknown[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === code) cells = [7, 8, 10].map((c) => row.getCell(c).value);
      });
      return cells;
    };
    expect(rowOf('1.2')).toEqual(['Đạt', 'Không đạt', 'Không đạt']);
    expect(rowOf('1.4')).toEqual(['Đạt', 'Đạt', 'Đạt']);
  });

  it('the pane’s form reads either wording as the answer it offers', async () => {
    const read = await readUnitFacts(wb);
    if (!read.ok) throw new Error('must read');
    const facts = Object.fromEntries(read.facts.facts.filter((f) => f.code in TYPED).map((f) => [f.code, [f.answer, f.unread]]));
    expect(facts).toEqual({ '1.1': ['met', ''], '1.2': ['not_met', ''], '1.4': ['met', ''], '1.5': ['not_met', ''] });
  });
});
