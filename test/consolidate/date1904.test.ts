/**
 * Units saved in the 1904 date system (Excel for Mac's old default), whose date cells hold
 * serials 1,462 days less than in the 1900 system: the consolidation reads their previous
 * recognition date and their evaluation time as the dates the unit typed and saw — for the
 * 12-month and 36-month rules, the stale flag, the choice between two copies of a unit and the
 * table — on the calling thread and through a reading thread's message alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTask } from '../../src/cli/consolidatePool';
import { PartReceiver, PartSender } from '../../src/usecases/consolidate/poolParts';
import { serialToDate } from '../../src/workbook/plan';
import { foldKey } from '../../src/domain/text';
import { CONSOLIDATION_SHEETS, type ConsolidationResult } from '../../src/usecases/consolidate';
import { UNITS_HEADER_ROW } from '../../src/usecases/consolidate/layout';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { consolidatedInProcess, edits, EVALUATED_AT, unitWorkbook } from './corpus';
import { openpyxlDates } from '../support/date1904';

jest.setTimeout(120_000);

const AS_OF = new Date(2025, 11, 28);
const ELDER = new Date(2025, 11, 10, 8, 0, 0);

describe('units saved in the 1904 date system', () => {
  let result: ConsolidationResult;
  let output: XlsxWorkbook;
  let files: { label: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    files = [
      // Level 2 asked 10 months after level 1: too soon for the dossier deadline (15/01/2026); edited after its evaluation.
      {
        label: 'ho-so/mac-md2-som.xlsx',
        bytes: await unitWorkbook({
          name: 'Trường THCS Mac',
          type: 'Trường THCS',
          presetId: 'tt24-co-so-md2',
          members: 20,
          seed: 7,
          level: 'Mức độ 2',
          previousDate: new Date(2025, 1, 10),
          previousLevel: 'Mức độ 1',
          date1904: true,
          edit: edits.member(0, 'discipline', 'Không'),
        }),
      },
      // Recognised 15/03/2023: within its 36 months (until 15/03/2026).
      { label: 'ho-so/mac-con-han.xlsx', bytes: await unitWorkbook({ name: 'Phòng Văn hóa', type: 'Cơ quan nhà nước', members: 20, seed: 3, previousDate: new Date(2023, 2, 15), previousLevel: 'Mức độ 1', date1904: true }) },
      // Two copies of one unit: the one evaluated later is the 1904 one.
      { label: 'ho-so/nguyen-du-cu.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20, seed: 1, evaluatedAt: ELDER }) },
      { label: 'ho-so/nguyen-du-mac.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20, seed: 1, date1904: true }) },
    ];
    ({ result, workbook: output } = await consolidatedInProcess(files, AS_OF));
  });
  const unit = (file: string) => result.units.find((u) => u.file === `ho-so/${file}`)!;
  const status = (file: string) => result.files.find((f) => f.file === `ho-so/${file}`)!;

  it('is what the unit saved (openpyxl, which honours the epoch, reads the same dates)', () => {
    expect(openpyxlDates(files[0]!.bytes, []).date1904).toBe(true);
  });

  it('reads the previous recognition date and the evaluation time as typed', () => {
    const record = unit('mac-md2-som.xlsx').record;
    expect(serialToDate(record.previousDate!)).toEqual(new Date(2025, 1, 10));
    expect(serialToDate(record.recorded.evaluatedAt!)).toEqual(EVALUATED_AT);
  });

  it('flags a level 2 asked too soon at the right date, and the stale result with its evaluation day', () => {
    const flags = unit('mac-md2-som.xlsx').record.flags;
    expect(flags.find((f) => f.code === 'stale')!.message).toBe('Sổ đã được sửa sau lần đánh giá ngày 20/12/2025 (số liệu ở trang “Thông tin đơn vị”, “Tiêu chí”, “Thành viên”, “Người học” hoặc “Danh mục” không còn như lúc đánh giá), nên kết quả tự đánh giá ghi trong sổ có thể không còn đúng; cột “Kết quả (tính lại)” là kết quả theo số liệu hiện có trong sổ. Đề nghị đơn vị xem lại các chỗ đã sửa, đánh giá lại (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate) rồi gửi lại tệp.');
    expect(flags.find((f) => f.code === 'level2TooSoon')!.message).toMatch(/^Đề nghị mức độ 2 khi chưa đủ 12 tháng từ ngày công nhận lần trước \(10\/02\/2025; đủ 12 tháng vào 10\/02\/2026,/);
  });

  it('keeps a recognition within its 36 months (not read four years early, as expired)', () => {
    expect(unit('mac-con-han.xlsx').record.flags.map((f) => f.code)).not.toContain('expired');
  });

  it('keeps the copy evaluated later, by the dates the units saw', () => {
    expect(status('nguyen-du-cu.xlsx')).toMatchObject({ status: 'duplicate', reasons: [expect.stringMatching(/bản này đánh giá ngày 10\/12\/2025, cũ hơn nên không tổng hợp\.$/)] });
    expect(unit('nguyen-du-mac.xlsx')).toBeDefined();
  });

  it('shows the previous recognition date in the table as that date', async () => {
    const snapshot = await output.batch((s) => s.read([CONSOLIDATION_SHEETS.units]));
    const rows = snapshot.sheets.get(CONSOLIDATION_SHEETS.units)!.rows;
    const column = rows[UNITS_HEADER_ROW - 1]!.findIndex((v) => foldKey(String(v ?? '')).includes(foldKey('lần trước')));
    expect(column).toBeGreaterThan(0);
    const row = rows.find((r) => r.includes('Trường THCS Mac'))!;
    expect(serialToDate(row[column] as number, snapshot.date1904)).toEqual(new Date(2025, 1, 10));
  });

  it('crosses from a reading thread with the same dates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-1904-'));
    try {
      const file = path.join(dir, 'mac.xlsx');
      fs.writeFileSync(file, files[0]!.bytes);
      const answer = await readTask({ index: 0, task: { file, label: 'mac.xlsx', limits: {}, lang: 'vi' } }, new PartSender());
      const record = new PartReceiver().unpack(JSON.parse(JSON.stringify(answer))).unit!;
      expect(serialToDate(record.previousDate!)).toEqual(new Date(2025, 1, 10));
      expect(serialToDate(record.recorded.evaluatedAt!)).toEqual(EVALUATED_AT);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
