/**
 * Whether a member on long leave, or one who joined or left during the year, counts in the
 * total is the unit's call (no text fixes it), so the import never decides it from a note. But a
 * list whose “Ghi chú” says “Nghỉ thai sản” or “Chuyển công tác 9/2025” while the person comes
 * over counted is worth one look before the percentages are read: the import says so at the
 * note's cell, with the member's row and where to write Không (or Có, to count them on purpose).
 */
import * as ExcelJS from 'exceljs';
import { applyImport, previewImport, readSourceSheet } from '../../src/usecases/import/importMembers';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { memberRows, roundTrip, unitWorkbook } from './messySheets';

const LIST = 'DS';
const NOW = new Date(2025, 11, 20);

async function listData(people: ExcelJS.CellValue[][], header = ['STT', 'Họ và tên', 'LĐTT', 'Ghi chú']) {
  const src = ExcelJsWorkbook.create('ds.xlsx');
  const ws = src.workbook.addWorksheet(LIST);
  ws.getRow(3).values = header;
  people.forEach((p, i) => (ws.getRow(4 + i).values = p));
  return { sheet: LIST, data: (await readSourceSheet(await roundTrip(src), LIST)).data! };
}

const PEOPLE: ExcelJS.CellValue[][] = [
  [1, 'Nguyễn Thị Lan', 'x', 'Nghỉ thai sản từ 01/9/2025'],
  [2, 'Trần Văn Bình', 'x', 'Tổ trưởng'],
  [3, 'Lê Thị Hoa', null, 'chuyen cong tac 9/2025'],
  [4, 'Phạm Minh Đức', 'x', 'Nghỉ ốm 2 ngày'],
  [5, 'Võ Thị Hạnh', null, 'Đi học dài hạn (thạc sĩ)'],
];

describe('notes saying a member is away or moved', () => {
  it('are pointed at, counted as they are, with the source rows, the members rows and the column to write Không in', async () => {
    const wb = await unitWorkbook();
    const p = await previewImport(wb, await listData(PEOPLE), { now: NOW });
    const notices = p.notices.filter((n) => n.code === 'import.notice.absenceCounted');
    expect(notices.map((n) => [n.sheet, n.cell])).toEqual([
      [LIST, 'D4'],
      [LIST, 'D6'],
      [LIST, 'D8'],
    ]);
    expect(notices[0]!.message).toMatch(/^Trang “DS”, dòng 4: ghi chú “Nghỉ thai sản từ 01\/9\/2025” — Nguyễn Thị Lan vẫn được tính vào tổng số vì cột “Tính vào tổng số” để trống\. .*ghi Không ở cột đó \(trang “Thành viên”, dòng \d+\); nếu vẫn tính, ghi Có\.$/);
    expect(notices[1]!.message).toContain('“chuyen cong tac 9/2025” — Lê Thị Hoa');
    expect(notices[2]!.message).toContain('“Đi học dài hạn (thạc sĩ)” — Võ Thị Hạnh');
    // A short sick leave and a role are not a long absence.
    expect(p.notices.map((n) => n.message).join('\n')).not.toMatch(/Nghỉ ốm 2 ngày|Tổ trưởng/);
    // Nothing decided for the unit: all five counted.
    await applyImport(wb, await listData(PEOPLE), { now: NOW });
    expect(memberRows((await roundTrip(wb)).workbook).map((r) => r['Tính vào tổng số'])).toEqual([null, null, null, null, null]);
    const en = await previewImport(await roundTrip(wb), await listData(PEOPLE), { now: NOW, lang: 'en' });
    expect(en.notices.find((n) => n.code === 'import.notice.absenceCounted')!.message).toMatch(/^Sheet “DS”, row 4: the note “Nghỉ thai sản từ 01\/9\/2025” — Nguyễn Thị Lan is still counted/);
  });

  it('says nothing of a person whose “Tính vào tổng số” the list or the members sheet fills, Có or Không', async () => {
    const wb = await unitWorkbook();
    const withCounted = await listData(
      // Counted on purpose despite her leave: the unit's decision, not asked again.
      PEOPLE.map((p) => [...p.slice(0, 3), p[1] === 'Nguyễn Thị Lan' ? 'Có' : 'Không', p[3]]),
      ['STT', 'Họ và tên', 'LĐTT', 'Tính vào tổng số', 'Ghi chú'],
    );
    const p = await previewImport(wb, withCounted, { now: NOW });
    expect(p.notices.filter((n) => n.code === 'import.notice.absenceCounted')).toEqual([]);
    // Marked Không in the members sheet by hand after an import of a list without that column: not said again.
    await applyImport(wb, withCounted, { now: NOW });
    const again = await previewImport(await roundTrip(wb), await listData(PEOPLE), { now: NOW });
    expect(again.notices.filter((n) => n.code === 'import.notice.absenceCounted')).toEqual([]);
  });
});
