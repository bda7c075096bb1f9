/**
 * What the officer reads of a unit the table cannot take as it is: a file rejected for a deleted
 * sheet still names its unit, where “Thông tin đơn vị” gives it, and asks the officer to have the
 * unit mend it; a unit with no member says “0 thành viên” in its remark.
 */
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { SHEETS } from '../../src/sheets/names';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { edits, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' as const };

describe('a unit the table cannot take as it is', () => {
  it('“Thành viên” deleted: rejected, its unit named from “Thông tin đơn vị”, the advice addressed to the officer', async () => {
    const bytes = await unitWorkbook({ name: 'HTX Nông nghiệp Hòa Bình', edit: edits.removeSheet(SHEETS.members) });
    const { report } = await readUnitFile(bytes, 'htx.xlsx', READ);
    expect(report.status).toBe('rejected');
    expect(report.unit).toBe('HTX Nông nghiệp Hòa Bình');
    expect(report.reasons.join(' ')).toContain('Đề nghị đơn vị');
    expect(report.reasons.join(' ')).not.toContain('Hãy tạo các trang');
  });

  it('no member listed: its remark says “0 thành viên”', async () => {
    const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', asOf: new Date(2025, 11, 28), lang: 'vi' });
    c.add(await readUnitFile(await unitWorkbook({ name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', members: 0 }), 'mn.xlsx', READ));
    const u = c.finish().units[0]!.record;
    expect(u.countedMembers).toBe(0);
    expect(u.flags.find((f) => f.code === 'noMembers')?.message).toMatch(/^Trang “Thành viên” có 0 thành viên/);
  });
});
