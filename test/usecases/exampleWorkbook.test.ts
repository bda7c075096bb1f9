/**
 * The help page's example workbook, made by the use-cases on the file workbook (as in the
 * browser): it evaluates to "Đủ điều kiện", carries the dossier, and its Quyết định lists the
 * sample Tổ đánh giá. Reopened from its bytes, it reads the same.
 */
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { buildExampleWorkbook } from '../../src/usecases/exampleWorkbook';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { DOCUMENT_SHEETS } from '../../src/documents/names';
import { SHEETS } from '../../src/sheets/names';
import { sheetRows } from '../support/fakePaneHost';

it('the example workbook is evaluated, recognised and has its dossier', async () => {
  const made = await XlsxWorkbook.create('so-mau-dvht.xlsx', NODE_XLSX);
  await buildExampleWorkbook(made, new Date(Date.UTC(2025, 11, 20)));
  const wb = await XlsxWorkbook.open(await made.toBytes(), 'so-mau-dvht.xlsx', NODE_XLSX);
  const names = await wb.batch(async (s) => (await s.read([])).sheetNames);
  expect(names).toEqual(expect.arrayContaining([SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.summary, ...Object.values(DOCUMENT_SHEETS)]));
  const again = await evaluateWorkbook(wb, { dryRun: true });
  expect(again.ok && again.report.outcome.status).toBe('recognised');
  const decision = JSON.stringify(await sheetRows(wb, DOCUMENT_SHEETS.quyetDinh));
  for (const name of ['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Phạm Thu Hà']) expect(decision).toContain(name);
});
