/**
 * Schools hide the rows of staff who left during the year rather than delete them: the list they
 * count, print and total ("Tổng cộng: 4") is the visible one. Imported as counted, those rows made
 * every percentage lower than the head's own count (39 of 45 LĐTT instead of 39 of 42: 86.7%, not
 * met, instead of 92.9%). They come over not counted, said at their cells, and counted again once
 * shown; a list most of whose rows are hidden is a filter, whose rows stay counted.
 */
import * as ExcelJS from 'exceljs';
import { applyImport, previewImport, readSourceSheet, REMOVED_NOTE } from '../../src/usecases/import/importMembers';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { memberRows, roundTrip, unitWorkbook } from './messySheets';

const LIST = 'DS';
const NOW = new Date(2025, 11, 20);

/** Five teachers on rows 4–8; `hidden` rows are hidden. */
async function listData(hidden: number[]) {
  const src = ExcelJsWorkbook.create('ds.xlsx');
  const ws = src.workbook.addWorksheet(LIST);
  ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM 2025';
  ws.getRow(3).values = ['STT', 'Họ và tên', 'LĐTT', 'Ghi chú'];
  const people: ExcelJS.CellValue[][] = [
    [1, 'Nguyễn Thị Lan', 'x', null],
    [2, 'Trần Văn Bình', 'x', null],
    [null, 'Lê Thị Hoa', null, 'Chuyển công tác 9/2025'],
    [3, 'Phạm Minh Đức', 'x', null],
    [4, 'Võ Thị Hạnh', null, null],
  ];
  people.forEach((p, i) => (ws.getRow(4 + i).values = p));
  for (const r of hidden) ws.getRow(r).hidden = true;
  ws.getCell('A9').value = 'Tổng cộng: 4';
  return { sheet: LIST, data: (await readSourceSheet(await roundTrip(src), LIST)).data! };
}

const counted = (wb: ExcelJsWorkbook) => memberRows(wb.workbook).map((r) => [r['Họ và tên'], r['Tính vào tổng số'], r['Ghi chú']]);

describe('rows hidden in the source list', () => {
  it('are imported not counted, with a note, and said with their rows in both sheets', async () => {
    const wb = await unitWorkbook();
    const source = await listData([6]);
    const p = await previewImport(wb, source, { now: NOW });
    const notice = p.notices.find((n) => n.code === 'import.notice.hiddenNotCounted')!;
    expect(notice).toMatchObject({ sheet: LIST, cell: 'B6' });
    expect(notice.message).toContain('“DS”');
    expect(notice.message).toContain('6');
    expect(notice.message).toContain('Tính vào tổng số');
    await applyImport(wb, source, { now: NOW });
    const saved = await roundTrip(wb);
    expect(counted(saved)).toEqual([
      ['Nguyễn Thị Lan', null, null],
      ['Trần Văn Bình', null, null],
      ['Lê Thị Hoa', 'Không', 'Chuyển công tác 9/2025; Dòng ẩn ở danh sách nhập “DS” (dòng 6)'],
      ['Phạm Minh Đức', null, null],
      ['Võ Thị Hạnh', null, null],
    ]);
    // As the head counts: 3 LĐTT of the 4 on the list.
    const ev = await evaluateWorkbook(saved, { now: NOW, dryRun: true });
    expect(ev.ok && ev.report.countedMembers).toBe(4);
    expect(ev.ok && ev.report.indicators.find((i) => i.code === '3.1')).toMatchObject({ numerator: 3, denominator: 4 });
    // The same list again changes nothing.
    const again = await previewImport(saved, source, { now: NOW });
    expect(again.diff.updated).toEqual([]);
  });

  it('a member whose row is shown again, or who is listed again after being marked gone, is counted again', async () => {
    const wb = await unitWorkbook();
    await applyImport(wb, await listData([6]), { now: NOW });
    const shown = await listData([]);
    const p = await previewImport(await roundTrip(wb), shown, { now: NOW });
    expect(p.diff.updated.map((e) => [e.name, e.changes.map((c) => [c.header, c.after])])).toEqual([
      ['Lê Thị Hoa', [['Tính vào tổng số', ''], ['Ghi chú', 'Chuyển công tác 9/2025']]],
    ]);
    await applyImport(wb, shown, { now: NOW });
    expect(counted(await roundTrip(wb))[2]).toEqual(['Lê Thị Hoa', null, 'Chuyển công tác 9/2025']);

    // Marked gone by a list without her, then listed again: counted again.
    const without = await listData([]);
    without.data.rows[5] = [];
    await applyImport(wb, without, { now: NOW });
    expect(counted(await roundTrip(wb))[2]![1]).toBe('Không');
    expect(String(counted(await roundTrip(wb))[2]![2])).toContain(REMOVED_NOTE);
    await applyImport(wb, shown, { now: NOW });
    expect(counted(await roundTrip(wb))[2]).toEqual(['Lê Thị Hoa', null, 'Chuyển công tác 9/2025']);
  });

  it('a list filtered to a few rows (most hidden) is counted whole, and said', async () => {
    const wb = await unitWorkbook();
    const source = await listData([4, 5, 6, 7]);
    const p = await previewImport(wb, source, { now: NOW });
    expect(p.notices.map((n) => n.code)).toContain('import.notice.hiddenRows');
    await applyImport(wb, source, { now: NOW });
    expect(counted(await roundTrip(wb)).map((r) => r[1])).toEqual([null, null, null, null, null]);
  });
});
