/**
 * The layout's line estimate against print: a few dossier documents are printed by LibreOffice
 * and each full-width paragraph's printed lines (pdftotext) are compared with the lines the
 * builder counted for its row height. Never fewer (the text would be cut), at most one more (the
 * layout keeps a margin for renderers that wrap a little earlier than LibreOffice).
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments, type DocumentKind } from '../../src/usecases/documents';
import { DOCUMENT_SHEET } from '../../src/documents';
import { GRID_COLUMNS } from '../../src/sheets/documentLayout';
import { printSheets, squeeze } from './pdf';

const KINDS: DocumentKind[] = ['to-trinh', 'quyet-dinh', 'bao-cao', 'bien-ban'];

interface Para {
  sheet: string;
  text: string;
  estimated: number;
}

/** Rows whose one cell spans the grid's width: the builder's paragraphs. */
function paragraphs(wb: ExcelJsWorkbook, sheet: string, from: number, to: number): Para[] {
  const ws = wb.workbook.getWorksheet(sheet)!;
  const out: Para[] = [];
  ws.eachRow((row) => {
    const first = row.getCell(from);
    if (typeof first.value !== 'string' || first.value.trim() === '') return;
    if (row.getCell(to).master !== first || row.getCell(to + 1).master === first) return;
    if (from > 1 && row.getCell(from - 1).master === first) return;
    if (row.getCell(1).value !== null && from > 1) return;
    // The builder sets a row ceil(lines × size × 1.2 + 4) pt high for the lines it counts.
    const size = first.font?.size ?? 13;
    out.push({ sheet, text: first.value, estimated: Math.floor((row.height - 4) / (size * 1.2)) });
  });
  return out;
}

/** How many consecutive printed lines, from `at` on, spell `text`; -1 if none do. */
function printedLines(lines: string[], at: number, text: string): number {
  const want = squeeze(text);
  let got = '';
  for (let i = at; i < lines.length; i++) {
    const l = squeeze(lines[i]!);
    if (l === '') {
      if (got === '') return -1;
      continue;
    }
    if (!want.startsWith(got + l)) return -1;
    got += l;
    if (got === want) return i - at + 1 - lines.slice(at, i + 1).filter((x) => squeeze(x) === '').length;
  }
  return -1;
}

it('counts the lines LibreOffice prints: never fewer, at most one more', async () => {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  const unit = sampleUnit({ members: 12 });
  unit.unit.type = 'Trường tiểu học';
  await createSheets(wb, unit);
  if (!(await evaluateWorkbook(wb, { summary: false })).ok) throw new Error('the sample must evaluate');
  if (!(await generateDocuments(wb, { kinds: KINDS })).ok) throw new Error('not drawn');
  const sheets = KINDS.map((k) => DOCUMENT_SHEET[k]);
  const pages = await printSheets(wb, sheets);
  const lines = pages.flatMap((p) => p.text.split('\n'));
  const paras = sheets.flatMap((s) => [...paragraphs(wb, s, 1, GRID_COLUMNS), ...paragraphs(wb, s, 2, GRID_COLUMNS - 1)]);
  const found: (Para & { printed: number })[] = [];
  for (const p of paras) {
    let printed = -1;
    for (let i = 0; i < lines.length && printed < 0; i++) printed = printedLines(lines, i, p.text);
    if (printed > 0) found.push({ ...p, printed });
  }
  // Every paragraph was found in print, the charter line and the decision's summary among them.
  expect(found.length).toBe(paras.length);
  expect(found.some((f) => f.text.includes('Căn cứ Điều lệ Trường tiểu học'))).toBe(true);
  expect(found.some((f) => f.text.startsWith('Về việc thành lập'))).toBe(true);
  const wrong = found
    .filter((f) => f.estimated < f.printed || f.estimated > f.printed + 1)
    .map((f) => `${f.sheet}: ${f.estimated} lines counted, ${f.printed} printed: ${f.text.slice(0, 60)}`);
  expect(wrong).toEqual([]);
}, 300_000);
