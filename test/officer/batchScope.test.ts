/**
 * Which dossiers one decision may hold: the batch's year only, those the receiving body's tier
 * recognises (checked again against the body and tier the officer gives), never the deciding
 * UBND itself; and what the officer is told when the body is not known.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { generateOfficerDocuments, OFFICER_SHEET, type OfficerResult } from '../../src/usecases/officerDocuments';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { buildOfficerContext, type BatchUnit } from '../../src/documents/officer';
import { batchYear } from '../../src/usecases/officerTable';
import { readText } from '../../src/domain/values';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { batchFiles, consolidatedFile } from './batch';

jest.setTimeout(180_000);

type Ok = Extract<OfficerResult, { ok: true }>;

async function generated(wb: XlsxWorkbook, options: Parameters<typeof generateOfficerDocuments>[1] = {}): Promise<Ok> {
  const r = await generateOfficerDocuments(wb, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}

async function text(wb: XlsxWorkbook, name: string): Promise<string> {
  const snap = await wb.batch((s) => s.read([name]));
  return snap.sheets
    .get(name)!
    .rows.map((r) => r.map((c) => readText(c ?? null)).join(' | '))
    .join('\n');
}

const unit = (r: Ok, name: string) => r.units.find((u) => u.name === name)!;

/** The unit writes the tier of the body it sends its dossier to ('Thông tin đơn vị', “Cấp của đơn vị tổng hợp”). */
const receiverTier = (tier: string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet('Thông tin đơn vị')!;
  ws.eachRow((row) => {
    if (readText(row.getCell(1).text) === 'Cấp của đơn vị tổng hợp') row.getCell(2).value = tier;
  });
};

describe('a batch of one year, at the tier that recognises it', () => {
  let wb: XlsxWorkbook;
  let result: Ok;
  let files: { label: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    files = await batchFiles([
      { file: 'a.xlsx', spec: { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', seed: 1 }, level: 1 },
      { file: 'b.xlsx', spec: { name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', seed: 2 }, level: 1 },
      // Last year's workbook sent again.
      { file: 'c.xlsx', spec: { name: 'Trường mầm non Sơn Ca', type: 'Trường mầm non', seed: 3, year: 2024 }, level: null },
      // Addressed to the province: its rule set is received here, so the officer asks it and judges (named on the command line).
      { file: 'd.xlsx', spec: { name: 'Trường THCS Lê Lợi', type: 'Trường THCS', seed: 4, prepare: receiverTier('cấp tỉnh') }, level: 1 },
      // The commune's own UBND: the level above recognises it.
      { file: 'e.xlsx', spec: { name: 'UBND xã Hòa Bình', type: 'UBND cấp xã', seed: 5 }, level: null },
      // An earlier recognition expired: proposed, with a remark the officer should read.
      { file: 'f.xlsx', spec: { name: 'Trường tiểu học Lê Văn Tám', type: 'Trường tiểu học', seed: 6, previousDate: new Date(2021, 5, 1), previousLevel: 'Mức độ 1' }, level: 1 },
    ]);
    wb = await consolidatedFile(files);
    result = await generated(wb);
  });

  it('proposes only the units of the batch year, and not the deciding UBND nor a commune’s UBND', () => {
    expect(result.units.map((u) => [u.name, u.level])).toEqual([
      ['Trường THCS Nguyễn Du', 1],
      ['Trường tiểu học Kim Đồng', 1],
      ['Trường mầm non Sơn Ca', null],
      ['Trường THCS Lê Lợi', 1],
      ['UBND xã Hòa Bình', null],
      ['Trường tiểu học Lê Văn Tám', 1],
    ]);
  });

  it('says why each was kept out', () => {
    expect(unit(result, 'Trường mầm non Sơn Ca').why).toMatch(/năm đánh giá 2024.*2025/);
    expect(unit(result, 'Trường THCS Lê Lợi').notes).toEqual(['Đơn vị ghi nơi nhận hồ sơ là “cấp tỉnh”, trong khi hồ sơ được tiếp nhận, thẩm định ở cấp xã.']);
    expect(unit(result, 'UBND xã Hòa Bình').why).toMatch(/UBND cấp xã.*cấp tỉnh/);
  });

  it('titles every document with the batch year only', async () => {
    for (const kind of ['bien-ban-tham-dinh', 'to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const) {
      const doc = await text(wb, OFFICER_SHEET[kind]);
      expect(doc).toMatch(/năm(\s|\u00a0)2025/i);
      expect(doc).not.toMatch(/2024, 2025/);
    }
    const decision = await text(wb, OFFICER_SHEET['quyet-dinh-cong-nhan']);
    const annex = decision.slice(decision.indexOf('DANH SÁCH ĐƠN VỊ ĐẠT'));
    expect(annex).toContain('Trường THCS Nguyễn Du');
    for (const name of ['Trường mầm non Sơn Ca', 'UBND xã Hòa Bình']) expect(annex).not.toMatch(new RegExp(`^\\d+ \\| ${name} \\|`, 'm'));
  });

  it('the CLI names the proposed units that carry remarks: one addressed to another tier, an expired recognition', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-scope-'));
    const file = path.join(dir, 'tong-hop.xlsx');
    fs.writeFileSync(file, await (await consolidatedFile(files)).toBytes());
    const io = captureText();
    expect(await run(['officer-documents', file], io)).toBe(0);
    expect(io.stdout).toMatch(/Đề nghị nhưng có ghi chú[^\n]*\(2\):\n {2}- Trường THCS Lê Lợi: Đơn vị ghi nơi nhận hồ sơ là “cấp tỉnh”.*\n {2}- Trường tiểu học Lê Văn Tám: .*36 tháng/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the body and tier the officer gives', () => {
  let files: { label: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    files = await batchFiles([
      { file: 'tinh.xlsx', spec: { name: 'Trường THPT Hùng Vương', type: 'Trường THPT', presetId: 'tt24-tinh-md1', seed: 1 }, level: 1 },
      { file: 'xa.xlsx', spec: { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', seed: 2 }, level: 1 },
    ]);
  });

  it('keeps a cấp tỉnh dossier out at a cấp xã body given to officer-documents', async () => {
    const wb = await consolidatedFile(files, null, { body: 'Sở GD&ĐT tỉnh Phú Thọ', tier: '' });
    const result = await generated(wb, { body: 'UBND xã Hòa Bình', tier: 'cấp xã' });
    expect(unit(result, 'Trường THPT Hùng Vương').level).toBeNull();
    expect(unit(result, 'Trường THPT Hùng Vương').why).toMatch(/cấp tỉnh.*không thuộc cấp xã/);
    expect(unit(result, 'Trường THCS Nguyễn Du').level).toBe(1);
  });

  // The table's line “Đơn vị tổng hợp: … (tier)” gives the tier in brackets: a place in brackets is the body's name.
  it('a body named with its place in brackets is still a commune: a cấp tỉnh dossier is kept out', async () => {
    const wb = await consolidatedFile(files, null, { body: 'UBND xã Hòa Bình (Mỹ Đức, Hà Nội)', tier: '' });
    const result = await generated(wb);
    expect(unit(result, 'Trường THPT Hùng Vương').level).toBeNull();
    expect(unit(result, 'Trường THPT Hùng Vương').why).toMatch(/cấp tỉnh.*không thuộc cấp xã/);
    expect(unit(result, 'Trường THCS Nguyễn Du').level).toBe(1);
    expect(await text(wb, OFFICER_SHEET['to-trinh-cong-nhan'])).toContain('Kính gửi: Chủ tịch UBND xã Hòa Bình (Mỹ Đức, Hà Nội).');
  });

  it('a Sở of a province submits to that province’s UBND', async () => {
    const wb = await consolidatedFile(files, null, { body: 'Sở GD&ĐT tỉnh Phú Thọ', tier: '' });
    const result = await generated(wb);
    expect(result.warnings.join('\n')).not.toMatch(/đơn vị tổng hợp/i);
    const request = await text(wb, OFFICER_SHEET['to-trinh-cong-nhan']);
    expect(request).toContain('Kính gửi: Chủ tịch UBND tỉnh Phú Thọ.');
    expect(await text(wb, OFFICER_SHEET['quyet-dinh-cong-nhan'])).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ');
  });

  it('a province deciding a cấp huyện and a cấp tỉnh recognition lists each unit under its own title, and counts them apart', async () => {
    const wb = await consolidatedFile(files, null, { body: 'Sở GD&ĐT tỉnh Phú Thọ', tier: '' });
    await generated(wb);
    const decision = (await text(wb, OFFICER_SHEET['quyet-dinh-cong-nhan'])).split('\n');
    const headings = decision.map((l) => l.replace(/( \| )+$/, '').replace(/^( \| )+/, '')).filter((l) => /^(I|II|III)\. /.test(l));
    expect(headings).toEqual(['I. “Đơn vị học tập” cấp huyện mức độ 1 (1 đơn vị)', 'II. “Đơn vị học tập” cấp tỉnh mức độ 1 (1 đơn vị)']);
    const group = (h: number) => decision.slice(decision.findIndex((l) => l.includes(headings[h]!)) + 1, h + 1 < headings.length ? decision.findIndex((l) => l.includes(headings[h + 1]!)) : undefined).join('\n');
    expect(group(0)).toContain('Trường THCS Nguyễn Du');
    expect(group(0)).not.toContain('Trường THPT Hùng Vương');
    expect(group(1)).toContain('Trường THPT Hùng Vương');
    const minutes = await text(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    expect(minutes).toContain('(“Đơn vị học tập” cấp huyện mức độ 1: 1 đơn vị; “Đơn vị học tập” cấp tỉnh mức độ 1: 1 đơn vị)');
  });

  it('no body: the officer is warned that the documents have blanks, and how to name it', async () => {
    const wb = await consolidatedFile(files, null, { body: '', tier: '' });
    const result = await generated(wb);
    expect(result.warnings.join('\n')).toMatch(/Chưa biết đơn vị tổng hợp.*--body/);
  });

  it('prints the tier as it is written, though typed without its marks', async () => {
    const wb = await consolidatedFile(files, null, { body: 'UBND xã Hòa Bình', tier: '' });
    const result = await generated(wb, { tier: 'cap xa' });
    expect(unit(result, 'Trường THPT Hùng Vương').why).toContain('không thuộc cấp xã');
    const minutes = await text(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    expect(minutes).not.toContain('cap xa');
    // The table's findings too, though the consolidation printed the tier as typed.
    const more = await batchFiles([{ file: 'gui-tinh.xlsx', spec: { name: 'Trường THCS Lê Lợi', type: 'Trường THCS', seed: 4, prepare: receiverTier('cấp tỉnh') }, level: 1 }]);
    const typed = await consolidatedFile([...files, ...more], null, { body: 'UBND xã Hòa Bình', tier: 'cap xa' });
    expect(unit(await generated(typed), 'Trường THCS Lê Lợi').notes).toEqual(['Đơn vị ghi nơi nhận hồ sơ là “cấp tỉnh”, trong khi hồ sơ được tiếp nhận, thẩm định ở cấp xã.']);
    expect(await text(typed, OFFICER_SHEET['bien-ban-tham-dinh'])).not.toContain('cap xa');
    // {cap}, for the officer's own texts.
    const batch = { body: 'UBND xã Hòa Bình', tier: 'cap xa', years: [2025], units: [], ruleSets: [] };
    expect(buildOfficerContext(batch, new Map()).values.cap).toBe('cấp xã');
    expect(buildOfficerContext({ ...batch, tier: '' }, new Map(), { tier: 'UBND xa' }).values.cap).toBe('cấp xã');
  });
});

describe('the batch year', () => {
  const units = (...years: (number | null)[]) => years.map((year) => ({ year }) as BatchUnit);
  it('is the one the table states, else the one most units carry; none when two lead', () => {
    expect(batchYear(units(2025, 2026, 2026), [2025, 2026])).toBe(2026);
    expect(batchYear(units(2025, 2026, 2026), [2025])).toBe(2025);
    expect(batchYear(units(2025, 2026, null, null), [])).toBeNull();
    expect(batchYear(units(null), [])).toBeNull();
  });
});
