/**
 * Dossiers received but not readable (a password, an .xls, a file cut short) are no unit of the
 * table: the minutes still record them, by file, as not examined, so that no unit that sent a
 * dossier is left out of the record without a word.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { readText } from '../../src/domain/values';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { consolidatedInProcess, hostile, unitWorkbook } from '../consolidate/corpus';
import { AS_OF } from './batch';

jest.setTimeout(120_000);

async function minutesOf(workbook: XlsxWorkbook): Promise<string> {
  const r = await generateOfficerDocuments(workbook);
  if (!r.ok) throw new Error(r.message);
  const sheet = OFFICER_SHEET['bien-ban-tham-dinh'];
  return (await workbook.batch((s) => s.read([sheet]))).sheets.get(sheet)!.rows.map((row) => row.map((c) => readText(c ?? null)).filter(Boolean).join(' | ')).join('\n');
}

describe('the minutes of a batch with unreadable files', () => {
  let minutes: string;
  beforeAll(async () => {
    const good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20 });
    const files = [
      { label: 'ho-so/nguyen-du.xlsx', bytes: good },
      { label: 'ho-so/Trường học/THCS Hòa Bình.xls', bytes: hostile.legacyXls() },
      { label: 'ho-so/Cơ quan/Hội Khuyến học (mật khẩu).xlsx', bytes: hostile.encrypted() },
    ];
    minutes = await minutesOf((await consolidatedInProcess(files, AS_OF)).workbook);
  });

  it('names each file not examined, without its folders, and asks for it again', () => {
    expect(minutes).toContain(
      '3. Hồ sơ chưa thẩm định được do tệp không đọc được: 2 tệp (“THCS Hòa Bình.xls”, “Hội Khuyến học (mật khẩu).xlsx”); đề nghị đơn vị gửi lại tệp để thẩm định bổ sung.',
    );
    expect(minutes).not.toContain('ho-so/');
  });

  it('says it after the units not proposed, before the conclusion', () => {
    const at = minutes.indexOf('3. Hồ sơ chưa thẩm định được');
    expect(at).toBeGreaterThan(minutes.indexOf('2. Đơn vị chưa đủ điều kiện'));
    expect(at).toBeLessThan(minutes.indexOf('Kết luận:'));
  });
});

it('says nothing of unreadable files when every file was read', async () => {
  const good = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20 });
  const minutes = await minutesOf((await consolidatedInProcess([{ label: 'a.xlsx', bytes: good }], AS_OF)).workbook);
  expect(minutes).not.toContain('chưa thẩm định được');
});
