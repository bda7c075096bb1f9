/**
 * A paragraph's first-line indent prints the same width whatever the line: LibreOffice's
 * justify stretched the indent's spaces with the others, so the report's “- Chỉ tiêu …” lines
 * began at different places, each as far as its line needed stretching.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEET } from '../../src/documents';
import { printSheets } from './pdf';

it('prints every indented paragraph of the report from the same place', async () => {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  if (!(await evaluateWorkbook(wb, { summary: false })).ok) throw new Error('the sample must evaluate');
  if (!(await generateDocuments(wb, { kinds: ['bao-cao'] })).ok) throw new Error('not drawn');
  const pages = await printSheets(wb, [DOCUMENT_SHEET['bao-cao']]);
  // Where each “- Chỉ tiêu …” paragraph's first word is drawn (pdftotext reads a line's words in order).
  const starts = pages.flatMap((p) => p.words.filter((w, i) => w.text === '-' && p.words[i + 1]?.text === 'Chỉ' && p.words[i + 1]!.y === w.y).map((w) => w.x));
  expect(starts.length).toBeGreaterThanOrEqual(10);
  expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1);
}, 300_000);
