/**
 * The signature block (Nơi nhận, the signer's title, room for the seal, the name) is never
 * split across two printed pages, wherever the text above it ends: the decision is drawn with
 * more and more members of the Tổ đánh giá (typed in the pane), each printed by LibreOffice.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments } from '../../src/usecases/documents';
import { saveUnitFacts } from '../../src/usecases/unitFacts';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { NATIONAL_NAME } from '../../src/sheets/documentBlocks';
import { printSheets, squeeze, type PdfPage } from './pdf';

const HEAD = sampleUnit().unit.head!;

async function decisionWith(members: number): Promise<PdfPage[]> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 20 }));
  const evaluators = Array.from({ length: members }, (_, i) => ({ name: `Thành viên số ${i + 1}`, title: 'Giáo viên', role: i === 0 ? 'Tổ trưởng' : 'Thành viên' }));
  if (!(await saveUnitFacts(wb, { evaluators })).ok) throw new Error('members refused');
  if (!(await evaluateWorkbook(wb, { summary: false })).ok) throw new Error('the sample must evaluate');
  if (!(await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok) throw new Error('not drawn');
  const pages = await printSheets(wb, [DOCUMENT_SHEETS.quyetDinh]);
  // Only the decision: its pages end where another document's national heading starts.
  const next = pages.findIndex((p, i) => i > 0 && squeeze(p.text).includes(squeeze(NATIONAL_NAME)));
  return next < 0 ? pages : pages.slice(0, next);
}

const pageOf = (pages: PdfPage[], text: string) => pages.findIndex((p) => squeeze(p.text).includes(squeeze(text)));

it('Nơi nhận and the signer\'s name print on the same page, wherever the block falls', async () => {
  const where: { members: number; pages: number; block: number }[] = [];
  // Three rows apart: the block (~9 rows) cannot fall between two of them unnoticed.
  for (const members of [3, 6, 9, 12, 15]) {
    const pages = await decisionWith(members);
    const recipients = pageOf(pages, 'Nơi nhận:');
    const name = pages.length - 1 - [...pages].reverse().findIndex((p) => squeeze(p.text).includes(squeeze(HEAD)));
    expect({ members, recipients, name }).toEqual({ members, recipients: name, name });
    where.push({ members, pages: pages.length, block: recipients });
  }
  // The decision grew onto a second page within the range: the case was met, not avoided.
  expect(new Set(where.map((w) => w.block)).size).toBeGreaterThan(1);
}, 600_000);

it('when the body fills the first page, its last lines go over with the signatures: the signature page has text of the decision', async () => {
  // 6 and 9 members: the decision's body ends at the foot of page 1, no room left for the block.
  for (const members of [6, 9]) {
    const pages = await decisionWith(members);
    const signatures = pageOf(pages, 'Nơi nhận:');
    expect({ members, signatures }).toEqual({ members, signatures: 1 });
    const page = squeeze(pages[signatures]!.text);
    const above = page.slice(0, page.indexOf(squeeze('Nơi nhận:')));
    expect({ members, article3: above.includes(squeeze('Điều 3. Quyết định này có hiệu lực')) }).toEqual({ members, article3: true });
    expect({ members, end: above.includes(squeeze('chịu trách nhiệm thi hành Quyết định này./.')) }).toEqual({ members, end: true });
  }
}, 600_000);
