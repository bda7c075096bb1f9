/**
 * `dvht consolidate` end to end on a corpus built here: healthy units of each type and
 * outcome, units whose self-assessment disagrees with their data, stale ones, duplicates,
 * level-2 requests within 12 months, expired recognition, and every kind of hostile file.
 * Every row, flag and reason is checked, in the JSON and in the written workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureText as capture } from '../support/cliOutput';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { convert } from '../support/libreoffice';
import { edits, hostile, unitWorkbook, type UnitSpec } from './corpus';

jest.setTimeout(180_000);

const AS_OF = new Date(2025, 11, 28);
const ELDER = new Date(2025, 11, 10, 8, 0, 0);

// Each unit its own members (seed): units of other names with one member list are one workbook copied (copiedUnit.test.ts).
const UNITS: Record<string, UnitSpec> = {
  '01-thcs-nguyen-du.xlsx': { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' },
  '02-ubnd-xa.xlsx': { name: 'UBND xã Hòa Bình', type: 'UBND cấp xã', seed: 2 },
  '03-mam-non-khong-dat.xlsx': { name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', rate: 0.8, seed: 23 },
  '04-tieu-hoc-tt22.xlsx': { name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', presetId: 'tt22-100', seed: 24 },
  '05-thpt-muc-do-2.xlsx': { name: 'Trường THPT Lê Quý Đôn', type: 'Trường THPT', presetId: 'tt24-tinh-md2', level: 'Mức độ 2', previousDate: new Date(2025, 2, 15), previousLevel: 'Mức độ 1', seed: 25 },
  '06-co-quan-het-han.xlsx': { name: 'Phòng Văn hóa - Xã hội', type: 'Cơ quan nhà nước', previousDate: new Date(2021, 5, 1), previousLevel: 'Mức độ 1', seed: 26 },
  '07-tu-danh-gia-sai.xlsx': {
    name: 'Trường THCS Chu Văn An',
    type: 'Trường THCS',
    rate: 0.8,
    edit: edits.all(edits.indicatorResult('2.1', 'Đạt'), edits.outcome('Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1')),
  },
  '08-da-sua-sau-danh-gia.xlsx': {
    name: 'Trường tiểu học Lê Lợi',
    type: 'Trường tiểu học',
    edit: edits.all(...[0, 2, 4, 6, 8, 10, 12, 14].map((i) => edits.member(i, 'discipline', 'Không'))),
  },
  '09-thcs-nguyen-du-ban-cu.xlsx': { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', evaluatedAt: ELDER },
  '10-nguong-rieng.xlsx': { name: 'Trường THCS Đoàn Thị Điểm', type: 'Trường THCS', prepare: edits.threshold('2.4', 0.4), seed: 30 },
  '11-chua-danh-gia.xlsx': { name: 'Trường mầm non Sơn Ca', type: 'Trường mầm non', evaluate: false, seed: 31 },
  '12-mau-cu.xlsx': { name: 'UBND xã An Phú', type: 'UBND cấp xã', edit: edits.setting('schema', 0), seed: 32 },
  '13-mau-moi.xlsx': { name: 'UBND xã Tân Lập', type: 'UBND cấp xã', edit: edits.setting('schema', 2), seed: 33 },
  '14-thieu-trang.xlsx': { name: 'Trường THCS Quang Trung', edit: edits.removeSheet('Thành viên') },
  '15-thieu-cot.xlsx': { name: 'Trường THCS Trần Phú', edit: (wb) => (wb.getWorksheet('Thành viên')!.getCell('B4').value = 'Nhân sự') },
};

interface JsonFile {
  file: string;
  status: string;
  unit: string;
  reasons: string[];
  application: string | null;
}
interface JsonUnit {
  file: string;
  name: string;
  outcome: { label: string; score: number | null; rating: string | null };
  countedMembers: number;
  indicators: { code: string; status: string; value: number | null }[];
  criteria: { code: string; status: string }[];
  bases: string[];
  flags: { code: string; message: string }[];
}

describe('dvht consolidate', () => {
  let dir: string;
  let out: string;
  let code: number;
  let io: ReturnType<typeof capture>;
  let json: { summary: Record<string, number>; units: JsonUnit[]; files: JsonFile[]; counts: { label: string; count: number }[]; passRates: { code: string; met: number; evaluated: number; leftOut: number }[]; criteria: { code: string; leftOut: number }[] };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-consolidate-'));
    const inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(path.join(inbox, 'xa'), { recursive: true });
    for (const [name, spec] of Object.entries(UNITS)) fs.writeFileSync(path.join(inbox, name), await unitWorkbook(spec));
    // Saved again by LibreOffice: its own zip layout and writer.
    const loSource = path.join(dir, '16-libreoffice.xlsx');
    fs.writeFileSync(loSource, await unitWorkbook({ name: 'Trường THCS Lý Tự Trọng', type: 'Trường THCS', seed: 5 }));
    fs.copyFileSync(await convert(loSource, 'xlsx', fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'))), path.join(inbox, 'xa', '16-libreoffice.xlsx'));
    const good = fs.readFileSync(path.join(inbox, '01-thcs-nguyen-du.xlsx'));
    const bad: Record<string, Uint8Array> = {
      '20-mat-khau.xlsx': hostile.encrypted(),
      '21-excel-cu.xlsx': hostile.legacyXls(),
      '22-excel-cu.xls': hostile.legacyXls(),
      '23-csv-doi-ten.xlsx': hostile.csv(),
      '24-tai-do-dang.xlsx': hostile.truncated(good),
      '25-bom-nen.xlsx': hostile.zipBombActual(),
      '26-bom-khai-bao.xlsx': hostile.zipBombDeclared(),
      '27-billion-laughs.xlsx': hostile.billionLaughs(),
      '28-qua-lon.xlsx': new Uint8Array(1_200_000),
      '29-rong.xlsx': hostile.empty(),
    };
    for (const [name, bytes] of Object.entries(bad)) fs.writeFileSync(path.join(inbox, 'xa', name), bytes);
    fs.writeFileSync(path.join(inbox, 'xa', 'to-trinh.pdf'), 'not a spreadsheet: listed as skipped, not read');
    fs.writeFileSync(path.join(inbox, '~$01-thcs-nguyen-du.xlsx'), 'Excel lock file');

    out = path.join(dir, 'tong-hop.xlsx');
    io = capture();
    jest.useFakeTimers({ now: AS_OF, doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'setInterval', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate'] });
    code = await run(['consolidate', inbox, '-o', out, '--json', '--rule-set', 'tt24-co-so-md1', '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã', '--max-size', '1'], io);
    jest.useRealTimers();
    json = JSON.parse(io.stdout);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string) => json.files.find((f) => f.file.endsWith(name))!;
  const unit = (name: string) => json.units.find((u) => u.file.endsWith(name))!;
  const flagCodes = (name: string) => unit(name).flags.map((f) => f.code).sort();

  it('exits 1 because some files were rejected, and still writes the output', () => {
    expect(code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    expect(json.summary).toEqual({ files: 27, units: 12, rejected: 13, duplicates: 1, identical: 0, skipped: 1, flagged: expect.any(Number) });
  });

  it('reads folders recursively, each file named by its path in the folder; lock files left out, other files listed as skipped', () => {
    const inXa = ['16-libreoffice.xlsx', '20-mat-khau.xlsx', '21-excel-cu.xlsx', '22-excel-cu.xls', '23-csv-doi-ten.xlsx', '24-tai-do-dang.xlsx', '25-bom-nen.xlsx', '26-bom-khai-bao.xlsx', '27-billion-laughs.xlsx', '28-qua-lon.xlsx', '29-rong.xlsx'];
    expect(json.files.map((f) => f.file)).toEqual([...Object.keys(UNITS), ...inXa.map((n) => `xa/${n}`), 'xa/to-trinh.pdf']);
    expect(file('to-trinh.pdf')).toMatchObject({ status: 'skipped', reasons: [expect.stringMatching(/không phải sổ Excel/)] });
  });

  it('gives every hostile or foreign file its Vietnamese reason', () => {
    const reason = (name: string) => {
      expect(file(name).status).toBe('rejected');
      return file(name).reasons.join(' ');
    };
    expect(reason('20-mat-khau.xlsx')).toBe('Tệp được đặt mật khẩu. Đề nghị đơn vị gửi lại bản không đặt mật khẩu.');
    expect(reason('21-excel-cu.xlsx')).toMatch(/^Tệp Excel đời cũ \(\.xls/);
    expect(reason('22-excel-cu.xls')).toMatch(/^Tệp Excel đời cũ \(\.xls/);
    expect(reason('23-csv-doi-ten.xlsx')).toMatch(/^Đây là tệp văn bản CSV đổi tên/);
    expect(reason('24-tai-do-dang.xlsx')).toMatch(/^Tệp bị cắt cụt/);
    expect(reason('25-bom-nen.xlsx')).toMatch(/nghi “bom nén”/);
    expect(reason('26-bom-khai-bao.xlsx')).toMatch(/nghi “bom nén”/);
    expect(reason('27-billion-laughs.xlsx')).toMatch(/khai báo DTD/);
    expect(reason('28-qua-lon.xlsx')).toBe('Tệp 1,1 MB, vượt giới hạn 1 MB.');
    expect(reason('29-rong.xlsx')).toMatch(/^Tệp rỗng \(0 byte\): .*gửi lại\.$/);
    expect(reason('13-mau-moi.xlsx')).toBe('Sổ được tạo bởi phiên bản ĐVHT mới hơn (mẫu 2; bản này đọc đến mẫu 1). Hãy cập nhật ĐVHT.');
    expect(file('13-mau-moi.xlsx').unit).toBe('UBND xã Tân Lập');
    expect(reason('14-thieu-trang.xlsx')).toMatch(/tệp không có trang “Thành viên”\. Đề nghị đơn vị /);
    expect(reason('15-thieu-cot.xlsx')).toMatch(/Trang “Thành viên” không có dòng tiêu đề có cột “Họ và tên”.*Đặt lại tên cột “Họ và tên”/);
  });

  it('consolidates healthy units of each type and outcome, with no remark', () => {
    const expectations: [string, string, number][] = [
      ['02-ubnd-xa.xlsx', 'Đạt mức độ 1', 59],
      ['03-mam-non-khong-dat.xlsx', 'Không đạt', 59],
    ];
    for (const [name, label, members] of expectations) {
      expect(unit(name).outcome.label).toBe(label);
      expect(unit(name).countedMembers).toBe(members);
      expect(unit(name).flags).toEqual([]);
      expect(file(name).status).toBe('consolidated');
    }
    expect(unit('02-ubnd-xa.xlsx').indicators.find((i) => i.code === '3.2b')!.status).toBe('not_applicable');
    expect(unit('03-mam-non-khong-dat.xlsx').criteria.map((c) => c.status)).toEqual(['met', 'not_met', 'not_met']);
  });

  it('reads a TT22 scored unit and flags its different rule set against the reference', () => {
    const u = unit('04-tieu-hoc-tt22.xlsx');
    expect(u.outcome).toMatchObject({ label: 'Xếp loại Tốt', score: 100, rating: 'Tốt' });
    // Its indicators and criteria share codes, not meanings, with the reference's: blank in its row, out of the pass rates.
    expect(flagCodes('04-tieu-hoc-tt22.xlsx')).toEqual(['otherCriteria', 'otherIndicators', 'ruleSet']);
    // The bases its documents cite, as the table's “Căn cứ” column (TT22, repealed, is not cited for 2025).
    expect(unit('01-thcs-nguyen-du.xlsx').bases).toEqual([expect.stringMatching(/^Thông tư (số )?24\/2023\/TT-BGDĐT/)]);
    // --json says what the table says above its criterion columns: the TT22 unit is left out of
    // each, the cấp tỉnh level-2 unit of TC3 (its criterion 3 asks other things).
    expect(json.criteria).toEqual([
      { code: '1', leftOut: 1 },
      { code: '2', leftOut: 1 },
      { code: '3', leftOut: 2 },
    ]);
    // Another way of evaluating is the whole difference: its indicators are other indicators under the same codes
    // (TT22's 2.1 is not TT24's), so comparing them code by code listed eighteen differences that mean nothing.
    expect(u.flags[0]!.message).toBe('Bộ tiêu chí khác bộ đối chiếu “TT24 · cấp huyện · mức độ 1”: cách đánh giá khác (TT22/2020 · 100 điểm) ở trang “Tiêu chí”. Đề nghị đơn vị dùng bộ tiêu chí “TT24 · cấp huyện · mức độ 1” (bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set), đánh giá lại rồi gửi lại tệp.');
  });

  it('flags a unit threshold that differs from the reference rule set', () => {
    expect(unit('10-nguong-rieng.xlsx').flags).toEqual([{ code: 'ruleSet', message: 'Bộ tiêu chí khác bộ đối chiếu “TT24 · cấp huyện · mức độ 1”: chỉ tiêu 2.4 yêu cầu 40% (bộ đối chiếu: 50%) ở trang “Tiêu chí”. Đề nghị đơn vị dùng bộ tiêu chí “TT24 · cấp huyện · mức độ 1” (bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set), đánh giá lại rồi gửi lại tệp.' }]);
  });

  it('flags level 2 requested within 12 months of the previous recognition', () => {
    const messages = unit('05-thpt-muc-do-2.xlsx').flags.map((f) => f.message);
    // A cấp tỉnh rule set: the rule without an article (TT24's for the province is not known).
    expect(messages).toContain(
      'Đề nghị mức độ 2 khi chưa đủ 12 tháng từ ngày công nhận lần trước (15/03/2025; đủ 12 tháng vào 15/03/2026, sau hạn nộp hồ sơ 15/01/2026). Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1.',
    );
  });

  it('flags a recognition past its 36-month validity', () => {
    expect(unit('06-co-quan-het-han.xlsx').flags).toEqual([{ code: 'expired', message: 'Công nhận lần trước (01/06/2021) đã hết thời hạn 36 tháng (đến 31/12/2024).' }]);
  });

  it('flags a self-assessment that disagrees with the unit’s own data, in the officer’s words, at the cell the unit overwrote', () => {
    const messages = unit('07-tu-danh-gia-sai.xlsx').flags.map((f) => f.message);
    expect(messages).toEqual([
      "Chỉ tiêu 2.1: tự đánh giá Đạt ('Tiêu chí'!O24) nhưng số liệu 88,1% < 90%",
      "Kết quả tự đánh giá ghi “Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1” ('Thông tin đơn vị'!B20) nhưng tính lại: “Chưa đủ điều kiện công nhận”. Kết quả tự đánh giá nêu trên không phải kết quả tính từ số liệu của chính sổ (thường do ghi tay đè lên công thức): đề nghị đơn vị sửa số liệu nếu số liệu chưa đúng, đánh giá lại (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate; ô kết quả được tính lại theo số liệu) rồi gửi lại tệp.",
    ]);
    expect(unit('07-tu-danh-gia-sai.xlsx').outcome.label).toBe('Không đạt');
    expect(file('07-tu-danh-gia-sai.xlsx').status).toBe('flagged');
  });

  it('flags data changed after the evaluation as stale, and what the change does to the result', () => {
    const u = unit('08-da-sua-sau-danh-gia.xlsx');
    expect(u.flags.map((f) => f.message)).toEqual([
      'Sổ đã được sửa sau lần đánh giá ngày 20/12/2025 (số liệu ở trang “Thông tin đơn vị”, “Tiêu chí”, “Thành viên”, “Người học” hoặc “Danh mục” không còn như lúc đánh giá), nên kết quả tự đánh giá ghi trong sổ có thể không còn đúng; cột “Kết quả (tính lại)” là kết quả theo số liệu hiện có trong sổ. Đề nghị đơn vị xem lại các chỗ đã sửa, đánh giá lại (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate) rồi gửi lại tệp.',
      "Tiêu chí 2: tự đánh giá Đạt ('Tiêu chí'!O23) nhưng tính lại: Không đạt",
      "Chỉ tiêu 2.1: tự đánh giá Đạt ('Tiêu chí'!O24) nhưng số liệu 86,4% < 90%",
      "Kết quả tự đánh giá ghi “Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1” ('Thông tin đơn vị'!B20) nhưng tính lại: “Chưa đủ điều kiện công nhận”",
    ]);
  });

  it('keeps the newer of two copies of the same unit and reports both', () => {
    expect(file('09-thcs-nguyen-du-ban-cu.xlsx')).toMatchObject({ status: 'duplicate', reasons: [expect.stringMatching(/^Trùng đơn vị với tệp “.*01-thcs-nguyen-du\.xlsx”; bản này đánh giá ngày 10\/12\/2025, cũ hơn nên không tổng hợp\.$/)] });
    expect(json.units.filter((u) => u.name === 'Trường THCS Nguyễn Du')).toHaveLength(1);
    expect(unit('01-thcs-nguyen-du.xlsx').flags).toEqual([{ code: 'duplicate', message: expect.stringMatching(/^Trùng với tệp “.*09-thcs-nguyen-du-ban-cu\.xlsx” \(bản đánh giá cũ hơn, không tổng hợp\)\.$/) }]);
  });

  it('flags a workbook never evaluated, and an older layout version', () => {
    expect(flagCodes('11-chua-danh-gia.xlsx')).toEqual(['notEvaluated']);
    // Which cell is blank and what to ask the unit for.
    expect(unit('11-chua-danh-gia.xlsx').flags[0]!.message).toBe(
      'Sổ chưa được đánh giá bằng ĐVHT (\'Thông tin đơn vị\'!B20, “Kết quả tự đánh giá”, còn trống): chưa có kết quả tự đánh giá để đối chiếu. Đề nghị đơn vị đánh giá (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate) rồi gửi lại tệp.',
    );
    expect(unit('11-chua-danh-gia.xlsx').outcome.label).toBe('Đạt mức độ 1');
    expect(unit('12-mau-cu.xlsx').flags).toEqual([{ code: 'schema', message: 'Sổ theo mẫu cũ (phiên bản mẫu 0); vẫn đọc được.' }]);
  });

  it('consolidates a workbook saved by LibreOffice like any other', () => {
    const f = file('16-libreoffice.xlsx');
    expect(f.status).toBe('consolidated');
    expect(f.application).toMatch(/LibreOffice/);
    expect(unit('16-libreoffice.xlsx')).toMatchObject({ name: 'Trường THCS Lý Tự Trọng', outcome: { label: 'Đạt mức độ 1' }, flags: [] });
  });

  it('counts units per outcome and indicator pass rates', () => {
    const total = json.counts.reduce((a, c) => a + c.count, 0);
    expect(total).toBe(12);
    expect(json.counts.find((c) => c.label === 'Không đạt')!.count).toBe(json.units.filter((u) => u.outcome.label === 'Không đạt').length);
    // TT22's 2.1 (a self-study plan) is not TT24's (labour discipline): that unit is left out.
    const r21 = json.passRates.find((p) => p.code === '2.1')!;
    const tt24 = json.units.filter((u) => !u.file.endsWith('04-tieu-hoc-tt22.xlsx'));
    expect(r21).toMatchObject({ evaluated: 11, leftOut: 1 });
    expect(r21.met).toBe(tt24.filter((u) => u.indicators.find((i) => i.code === '2.1')!.status === 'met').length);
  });

  it('writes one row per unit and one row per file into the output workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.units)!;
    expect(ws.getCell('C1').value).toBe('TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ “ĐƠN VỊ HỌC TẬP”');
    expect(ws.getCell('C2').value).toBe('Đơn vị tổng hợp: UBND xã Hòa Bình (cấp xã) — năm đánh giá 2025');
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['STT', 'Tên đơn vị', 'Loại đơn vị', 'Năm', 'Mức độ đề nghị', 'Bộ tiêu chí', 'Số thành viên được tính', 'Số thành viên trong danh sách', 'Chỉ tiêu 1.1']);
    const col = (h: string) => header.indexOf(h) + 1;
    const names: string[] = [];
    for (let r = 6; r < 6 + 12; r++) names.push(String(ws.getCell(r, 2).value));
    expect(names).toEqual(json.units.map((u) => u.name));
    const row = 6 + json.units.findIndex((u) => u.file.endsWith('07-tu-danh-gia-sai.xlsx'));
    expect(ws.getCell(row, col('Kết quả (tính lại)')).value).toBe('Không đạt');
    // “Thẩm định” is a formula over the row's cells (the officer edits them), its cached text the count of its remarks.
    // One formula filled down the column: ExcelJS spells each copy of the shared formula out (Cell.formula).
    const checkOf = (r: number) => ({ formula: ws.getCell(r, col('Thẩm định')).formula, result: (ws.getCell(r, col('Thẩm định')).value as { result: string }).result });
    expect(checkOf(row).result).toBe('Cần xem lại (2)');
    expect(checkOf(row).formula).toContain(ws.getCell(row, col('Ghi chú')).address);
    // Each bullet names its file, as the row's “Tệp” does.
    expect(String(ws.getCell(row, col('Ghi chú')).value)).toContain(`• Tệp “${ws.getCell(row, col('Tệp')).value}”: Chỉ tiêu 2.1: tự đánh giá Đạt ('Tiêu chí'!O24) nhưng số liệu 88,1% < 90%`);
    expect(ws.getCell(row, col('Chỉ tiêu 2.1')).value).toBeCloseTo(52 / 59, 10);
    // What to ask the unit to mend, beside its result: each indicator it does not meet, with its figure.
    expect(String(ws.getCell(row, col('Chỉ tiêu chưa đạt')).value)).toContain('2.1: 88,1% < 90%');
    for (let r = 6; r < 6 + 12; r++) {
      if (String(ws.getCell(r, col('Kết quả (tính lại)')).value).startsWith('Đạt')) expect(ws.getCell(r, col('Chỉ tiêu chưa đạt')).value).toBeNull();
    }
    expect(ws.getCell(row, col('TC2')).value).toBe('Không đạt');
    const okRow = 6 + json.units.findIndex((u) => u.file.endsWith('02-ubnd-xa.xlsx'));
    expect(checkOf(okRow).result).toBe('Khớp số liệu');
    // Counts block: live COUNTIFs with their results, and the in-cell bar.
    // on the statistics sheet, counting the units sheet's outcome column.
    const stats = wb.getWorksheet(CONSOLIDATION_SHEETS.stats)!;
    let countsHeader = 0;
    stats.eachRow((r, n) => {
      if (r.getCell(1).value === 'Kết quả' && r.getCell(2).value === 'Số đơn vị') countsHeader = n;
    });
    const first = stats.getCell(countsHeader + 1, 2).value as { formula: string; result: number };
    expect(first.formula).toMatch(/^COUNTIF\('Tổng hợp đơn vị'!\$([A-Z]+)\$6:\$\1\$17,A\d+\)$/);
    expect(first.formula).toContain(`$${ws.getColumn(col('Kết quả (tính lại)')).letter}$6`);
    expect(first.result).toBe(json.counts[0]!.count);
    expect((stats.getCell(countsHeader + 1, 4).value as { formula: string }).formula).toContain('REPT("█"');

    const files = wb.getWorksheet(CONSOLIDATION_SHEETS.files)!;
    expect(files.getRow(4).values).toEqual([undefined, 'STT', 'Tệp', 'Trạng thái', 'Đơn vị', 'Lý do / cần xem lại', 'Lưu bằng', 'Kích thước (KB)']);
    // A kept unit's status and reasons are formulas on its “Ghi chú” in the table (found by its file), cached as they compute; the others' text.
    const formula = (v: ExcelJS.CellValue) => (v !== null && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue) : null);
    const remarksOf = (file: string) => {
      for (let r = 6; r <= ws.rowCount; r++) if (ws.getCell(r, col('Tệp')).value === file) return ws.getCell(r, col('Ghi chú')).value;
      throw new Error(`no row for ${file}`);
    };
    json.files.forEach((f, i) => {
      expect(files.getCell(5 + i, 2).value).toBe(f.file);
      const kept = f.status === 'consolidated' || f.status === 'flagged';
      const [status, reasons] = [formula(files.getCell(5 + i, 3).value), formula(files.getCell(5 + i, 5).value)];
      expect({ file: f.file, status: status !== null, reasons: reasons !== null }).toEqual({ file: f.file, status: kept, reasons: kept });
      expect(status?.result ?? files.getCell(5 + i, 3).value).toBe({ consolidated: 'Đã tổng hợp', flagged: 'Đã tổng hợp — cần xem lại', duplicate: 'Trùng — không tổng hợp', skipped: 'Bỏ qua', rejected: 'Bị từ chối' }[f.status]);
      if (!kept) expect(files.getCell(5 + i, 5).value ?? null).toBe(f.reasons.length ? f.reasons.join('\n') : null);
      else {
        expect(reasons!.result || null).toBe(remarksOf(f.file));
        for (const reason of f.reasons) expect(String(reasons!.result)).toContain(reason);
      }
    });
    // “Lưu bằng”: the program and its version, not LibreOffice's build string ("LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/…").
    const saved = files.getCell(5 + json.files.findIndex((f) => f.file.endsWith('16-libreoffice.xlsx')), 6).value;
    expect(saved).toMatch(/^LibreOffice \d+(\.\d+)+$/);
  });

  it('exits 0 when every file was consolidated, redrawing only its own sheets in an existing output', async () => {
    const existing = path.join(dir, 'so-cua-can-bo.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chép').getCell('A1').value = 'của cán bộ';
    await wb.xlsx.writeFile(existing);
    const io2 = capture();
    const c = await run(['consolidate', path.join(dir, 'ho-so', '02-ubnd-xa.xlsx'), path.join(dir, 'ho-so', '03-mam-non-khong-dat.xlsx'), '-o', existing, '--body', 'UBND xã Hòa Bình'], io2);
    expect(c).toBe(0);
    expect(io2.stdout).toContain('Đã tổng hợp 2 đơn vị từ 2 tệp: 2 tệp đã tổng hợp, 0 tệp trùng không tổng hợp, 0 tệp bỏ qua, 0 tệp bị từ chối.');
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(existing);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Ghi chép', CONSOLIDATION_SHEETS.units, CONSOLIDATION_SHEETS.stats, CONSOLIDATION_SHEETS.files]);
    expect(back.getWorksheet('Ghi chép')!.getCell('A1').value).toBe('của cán bộ');
  });

  it('leaves out its own output when it writes into the folder it reads (again on the next run), named any way', async () => {
    const inbox = fs.mkdtempSync(path.join(dir, 'hop-thu-'));
    for (const n of ['02-ubnd-xa.xlsx', '03-mam-non-khong-dat.xlsx']) fs.copyFileSync(path.join(dir, 'ho-so', n), path.join(inbox, n));
    const out = path.join(inbox, 'tong-hop.xlsx');
    for (const folder of [inbox, `${inbox}${path.sep}.${path.sep}`, path.relative(process.cwd(), inbox)]) {
      const io2 = capture();
      expect(await run(['consolidate', folder, '-o', out, '--json'], io2)).toBe(0);
      expect((JSON.parse(io2.stdout) as { summary: { files: number } }).summary.files).toBe(2);
    }
  });

  it('exits 2 on usage errors', async () => {
    const inbox = path.join(dir, 'ho-so');
    expect(await run(['consolidate', inbox], capture())).toBe(2);
    expect(await run(['consolidate', '-o', path.join(dir, 'x.xlsx')], capture())).toBe(2);
    expect(await run(['consolidate', inbox, '-o', path.join(dir, 'x.xlsx'), '--rule-set', 'khong-co'], capture())).toBe(2);
    expect(await run(['consolidate', inbox, '-o', path.join(dir, 'x.xlsx'), '--max-size', 'abc'], capture())).toBe(2);
    expect(await run(['consolidate', path.join(dir, 'khong-ton-tai'), '-o', path.join(dir, 'x.xlsx')], capture())).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
