/**
 * Members marked not counted ("Tính vào tổng số" = Không) leave the denominator: a unit can
 * leave out exactly the members who fail. The table shows the members listed beside those
 * counted, and members left out with no reason in their "Ghi chú" (long leave, moved …) are flagged at their cells.
 */
import type * as ExcelJS from 'exceljs';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { planConsolidation } from '../../src/usecases/consolidate/layout';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { edits, unitWorkbook } from './corpus';
import { HIDDEN_NOTE, REMOVED_NOTE } from '../../src/usecases/import/importMembers';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' as const };
const AS_OF = new Date(2025, 11, 28);

const leaveOut = (...members: [index: number, note: string | null][]) => (wb: ExcelJS.Workbook) => {
  for (const [i, note] of members) {
    edits.member(i, 'counted', 'Không')(wb);
    if (note !== null) edits.member(i, 'note', note)(wb);
  }
};

async function consolidated(prepare?: (wb: ExcelJS.Workbook) => void, members = 41) {
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', asOf: AS_OF, lang: 'vi' });
  c.add(await readUnitFile(await unitWorkbook({ name: 'HTX Nông nghiệp Hòa Bình', members, prepare }), 'htx.xlsx', READ));
  return c.finish();
}

describe('members not counted', () => {
  it('left out with no reason in their note: flagged, naming their cells; one whose note says why is not named', async () => {
    const r = await consolidated(leaveOut([0, null], [1, ''], [2, 'em ruột giám đốc'], [3, 'Nghỉ thai sản từ tháng 3']));
    const u = r.units[0]!.record;
    // The sample leaves its last member out, on maternity leave.
    expect(u.countedMembers).toBe(36);
    expect(u.listedMembers).toBe(41);
    const flag = u.flags.find((f) => f.code === 'notCounted');
    expect(flag?.message).toContain(
      "3 thành viên ghi Không ở “Tính vào tổng số” mà “Ghi chú” không nêu lý do (nghỉ dài hạn, chuyển công tác …): 'Thành viên'!E5, 'Thành viên'!E6, 'Thành viên'!E7 — tính 36/41 thành viên trong danh sách",
    );
    expect(r.files[0]!.status).toBe('flagged');
  });

  it('left out by an import (the note it writes says the person is gone from the list, or hidden in it): not named', async () => {
    const r = await consolidated(leaveOut([5, `${REMOVED_NOTE} “DS CB-GV-NV” ngày 02/12/2025`], [6, `${HIDDEN_NOTE} “DS CB-GV-NV” (dòng 9)`]));
    expect(r.units[0]!.record.flags.map((f) => f.code)).not.toContain('notCounted');
  });

  it('every one left out with a reason: no remark, but the table shows listed beside counted', async () => {
    const r = await consolidated(leaveOut([5, 'Chuyển công tác tháng 6'], [6, 'nghỉ không lương']));
    const u = r.units[0]!.record;
    expect(u.flags.map((f) => f.code)).not.toContain('notCounted');
    const { plans } = planConsolidation(r);
    const cells = plans[0].cells!;
    const header = cells[1]!.rows[0]!;
    const row = cells[2]!.rows[0]!;
    expect(row[header.indexOf('Số thành viên được tính')]).toBe(38);
    expect(row[header.indexOf('Số thành viên trong danh sách')]).toBe(41);
  });

  it('all counted: the listed column is left blank, nothing flagged', async () => {
    const r = await consolidated(undefined, 10);
    const u = r.units[0]!.record;
    expect(u.listedMembers).toBe(10);
    expect(u.flags).toEqual([]);
    const { plans } = planConsolidation(r);
    const header = plans[0].cells![1]!.rows[0]!;
    expect(plans[0].cells![2]!.rows[0]![header.indexOf('Số thành viên trong danh sách')]).toBeNull();
  });
});
