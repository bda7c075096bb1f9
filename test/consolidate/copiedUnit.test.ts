/**
 * One unit's workbook sent again under another unit's name (copied, renamed, evaluated again):
 * no duplicate by name, every figure its source's. The officer sees both units named with the
 * other, and neither goes into the decision until the units say whose list it is.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { readText } from '../../src/domain/values';
import { consolidatedInProcess, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2026, 0, 10);

describe('a unit whose member list is another unit’s', () => {
  let result: Awaited<ReturnType<typeof consolidatedInProcess>>['result'];
  let minutes: string;
  let proposed: string[];
  beforeAll(async () => {
    const unit = (name: string, seed: number) => unitWorkbook({ name, type: 'Trường THCS', members: 30, seed });
    const files = [
      { label: 'ho-so/nguyen-du.xlsx', bytes: await unit('Trường THCS Nguyễn Du', 1) },
      // The same members (the same seed; 29 of 30 counted), another name: Nguyễn Du's workbook renamed and evaluated again.
      { label: 'ho-so/quang-trung.xlsx', bytes: await unit('Trường THCS Quang Trung', 1) },
      { label: 'ho-so/tran-phu.xlsx', bytes: await unit('Trường THCS Trần Phú', 2) },
    ];
    let workbook;
    ({ result, workbook } = await consolidatedInProcess(files, AS_OF));
    const r = await generateOfficerDocuments(workbook);
    if (!r.ok) throw new Error(r.message);
    proposed = r.units.filter((u) => !u.why).map((u) => u.name);
    const sheet = OFFICER_SHEET['bien-ban-tham-dinh'];
    minutes = (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows.map((row) => row.map((c) => readText(c ?? null)).join(' | ')).join('\n');
  });

  const flags = (name: string) => result.units.find((u) => u.record.name === name)!.record.flags;

  it('names, on each of the two, the other unit and its file', () => {
    expect(flags('Trường THCS Nguyễn Du')).toEqual([
      {
        code: 'sameMembers',
        message:
          'Danh sách thành viên (29 người được tính) trùng khớp hoàn toàn với hồ sơ của “Trường THCS Quang Trung” (tệp “ho-so/quang-trung.xlsx”): một hồ sơ có thể đã được sao chép từ đơn vị kia. Đề nghị các đơn vị xác nhận danh sách thành viên của mình trước khi đề nghị công nhận.',
      },
    ]);
    expect(flags('Trường THCS Quang Trung').map((f) => f.message)).toEqual([expect.stringContaining('“Trường THCS Nguyễn Du” (tệp “ho-so/nguyen-du.xlsx”)')]);
    expect(flags('Trường THCS Trần Phú')).toEqual([]);
  });

  it('keeps both out of the decision, and the minutes say why in an official’s words', () => {
    expect(proposed).toEqual(['Trường THCS Trần Phú']);
    expect(minutes).toContain('Danh sách thành viên trong hồ sơ trùng khớp hoàn toàn với hồ sơ của “Trường THCS Quang Trung”; cần xác minh danh sách là của đơn vị.');
    expect(minutes).not.toContain('ho-so/');
  });
});
