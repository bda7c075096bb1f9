/**
 * A unit's workbook changed after its evaluation (a member's answer, the unit's details …): the data
 * no longer give the “Dấu dữ liệu” the evaluation stored. The remark says so in an officer's words —
 * what was changed and since when, that the recorded self-assessment may be out of date, where the
 * result of the data as they are is, and what to ask of the unit — not “dấu dữ liệu khác”, a name
 * only the add-in knows. The minutes state it as a finding about the unit; a table drawn before keeps
 * its remark in the old words, which still keeps the unit out.
 */
import type * as ExcelJS from 'exceljs';
import { readUnitFile } from '../../src/usecases/consolidate';
import { isBlockingRemark, remarkFinding } from '../../src/usecases/officerTable';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS } from '../../src/sheets/unitSheet';
import { t, type Lang } from '../../src/i18n';
import { edits, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const staleRemark = async (lang: Lang, edit: (wb: ExcelJS.Workbook) => void) => {
  const bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Trãi', type: 'Trường THCS', members: 20, seed: 5, edit });
  const outcome = await readUnitFile(bytes, 'ho-so/nguyen-trai.xlsx', { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang });
  return outcome.unit!.flags.find((f) => f.code === 'stale')!.message;
};

/** The evaluation's time blanked (a copy whose result block was partly cleared). */
const undated = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.unit)!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === RESULT_FIELDS.evaluatedAt) ws.getCell(r, 2).value = null;
};

describe('the remark on a workbook changed after its evaluation', () => {
  it('says in Vietnamese what happened, since when, where the recomputed result is and what to ask of the unit', async () => {
    const remark = await staleRemark('vi', edits.member(0, 'discipline', 'Không'));
    expect(remark).toBe(
      'Sổ đã được sửa sau lần đánh giá ngày 20/12/2025 (số liệu ở trang “Thông tin đơn vị”, “Tiêu chí”, “Thành viên”, “Người học” hoặc “Danh mục” không còn như lúc đánh giá), nên kết quả tự đánh giá ghi trong sổ có thể không còn đúng; cột “Kết quả (tính lại)” là kết quả theo số liệu hiện có trong sổ. Đề nghị đơn vị xem lại các chỗ đã sửa, đánh giá lại (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate) rồi gửi lại tệp.',
    );
    expect(remark).not.toMatch(/dấu dữ liệu/i);
  });

  it('says it in English too', async () => {
    const remark = await staleRemark('en', edits.member(0, 'discipline', 'Không'));
    expect(remark).toMatch(/^The workbook was changed after its evaluation of 20\/12\/2025 \(/);
    expect(remark).toMatch(/Ask the unit to check what was changed, evaluate again \(ĐVHT’s “Evaluate” step, or dvht evaluate\) and send the file again\.$/);
    expect(remark).not.toMatch(/fingerprint/i);
  });

  it('says “the last evaluation” when the workbook does not record its date, not “?”', async () => {
    const remark = await staleRemark('vi', edits.all(edits.member(0, 'discipline', 'Không'), undated));
    expect(remark).toMatch(/^Sổ đã được sửa sau lần đánh giá gần nhất \(/);
    expect(remark).not.toContain('?');
  });
});

describe('the minutes on such a unit', () => {
  it.each(['vi', 'en'] as Lang[])('state a finding about the unit, and the unit stays out (%s)', (lang) => {
    const remark = t(lang, 'consolidate.flag.stale', { date: '20/12/2025' });
    expect(isBlockingRemark(remark)).toBe(true);
    expect(remarkFinding(remark)).toBe(t(lang, 'officer.finding.stale', { date: '20/12/2025' }));
    expect(remarkFinding(t(lang, 'consolidate.flag.staleUndated'))).toBe(t(lang, 'officer.finding.staleUndated'));
    expect(isBlockingRemark(t(lang, 'consolidate.flag.staleUndated'))).toBe(true);
  });

  it('read a table drawn before in its old words: the unit stays out, the minutes say the same finding', () => {
    for (const [lang, old] of [
      ['vi', 'Số liệu đã sửa sau lần đánh giá 20/12/2025: kết quả tự đánh giá đã cũ (dấu dữ liệu khác).'],
      ['en', 'Data changed after the evaluation of 20/12/2025: the recorded self-assessment is out of date (data fingerprint differs).'],
    ] as const) {
      expect(isBlockingRemark(old)).toBe(true);
      expect(remarkFinding(old)).toBe(t(lang, 'officer.finding.stale', { date: '20/12/2025' }));
    }
  });

  it('say it as the unit’s finding, with no instruction for its workbook', () => {
    const finding = t('vi', 'officer.finding.stale', { date: '20/12/2025' });
    expect(finding).toBe('Số liệu trong hồ sơ đã được sửa sau lần tự đánh giá ngày 20/12/2025; kết quả tự đánh giá ghi trong hồ sơ chưa được đánh giá lại theo số liệu đó.');
    expect(finding).not.toMatch(/Hãy |dvht|Đề nghị đơn vị/);
  });
});
