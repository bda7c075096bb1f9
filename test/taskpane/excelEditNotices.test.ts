/**
 * Inside Excel, which sheets an edit changed (PaneHost.edits' notice): Excel's change events name a
 * sheet by id, the host tells its name as the workbook now spells it, and tells "not known" (null)
 * when something no id says may have changed (a sheet deleted or renamed, the pane's focus back).
 * The steps then read again only for their own sheets (setupFollowsSheet, staleHint).
 */
import { excelEdits } from '../../src/hosts/excel/sheetChanges';
import type { EditNotice } from '../../src/taskpane/host';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { createFakeExcel } from '../support/fakeExcel';
import { settle } from './paneHosts';

async function setUp(apiVersion: string) {
  const excel = createFakeExcel({ apiVersion });
  await createSheets(new OfficeWorkbook(excel.run, excel.supports), sampleUnit({ members: 5 }));
  const focus = new EventTarget();
  let waiting: (() => void) | null = null;
  const edits = excelEdits({ run: excel.run, supports: excel.supports, focus, later: (tell) => ((waiting = tell), () => (waiting = waiting === tell ? null : waiting)) });
  const told: (readonly string[] | null)[] = [];
  edits.subscribe((notice: EditNotice) => told.push(notice.sheets === null ? null : [...notice.sheets].sort()));
  await settle();
  /** The burst is over: what the host tells then. */
  const over = async () => {
    await settle();
    const tell = waiting;
    waiting = null;
    tell?.();
    return told.splice(0);
  };
  return { excel, focus, over };
}

test.each(['1.14', '1.8'])('ExcelApi %s: a burst over two sheets tells both, by name, once', async (version) => {
  const s = await setUp(version);
  s.excel.type(SHEETS.members, 'C8', 'Nguyễn Văn A');
  s.excel.type(SHEETS.unit, 'B3', 'Trường THCS Kim Đồng');
  s.excel.type(SHEETS.members, 'C9', 'Trần Thị B');
  expect(await s.over()).toEqual([[SHEETS.members, SHEETS.unit].sort()]);
});

test('the pane’s focus back, or a sheet deleted: told as not known (anything may have changed)', async () => {
  const s = await setUp('1.14');
  s.focus.dispatchEvent(new Event('focus'));
  expect(await s.over()).toEqual([null]);
  s.excel.type(SHEETS.members, 'C8', 'Nguyễn Văn A');
  s.excel.deleteSheet(SHEETS.learners);
  expect(await s.over()).toEqual([null]);
  // The next burst is told by its sheets again.
  s.excel.type(SHEETS.members, 'C8', 'Lê Văn C');
  expect(await s.over()).toEqual([[SHEETS.members]]);
});

test.each([
  ['1.17', [null]],
  // No event tells a sheet renamed before ExcelApi 1.17.
  ['1.16', []],
])('ExcelApi %s: a sheet renamed, then edited: its new name is told', async (version, renamed) => {
  const s = await setUp(version);
  s.excel.addSheet('Ghi chép');
  s.excel.type('Ghi chép', 'A1', 'ghi chú');
  expect(await s.over()).toEqual([['Ghi chép']]);
  s.excel.renameSheet('Ghi chép', 'Ghi chép 2026');
  expect(await s.over()).toEqual(renamed);
  s.excel.type('Ghi chép 2026', 'A2', 'ghi chú');
  expect(await s.over()).toEqual([['Ghi chép 2026']]);
});
