/**
 * TT22 units in the officer's documents: TT 22/2020 rates (xếp loại Tốt, Khá, Trung bình, Chưa
 * đạt) instead of recognising levels, so a TT22 unit is proposed with its rating when its rule set
 * counts that rating among its bands (not its fail band) and its self-assessment agrees with its
 * data; the decision's list groups them by rating after the TT24 levels.
 */
import { generateOfficerDocuments, OFFICER_SHEET, type OfficerResult } from '../../src/usecases/officerDocuments';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { readText } from '../../src/domain/values';
import { batchFiles, consolidatedFile } from './batch';
import type { UnitSpec } from '../consolidate/corpus';

jest.setTimeout(180_000);

const TT22 = 'tt22-100';
const UNITS: { file: string; spec: UnitSpec; level: number | null; rating: string | null }[] = [
  { file: '01-tt24.xlsx', spec: { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' }, level: 1, rating: null },
  { file: '02-tt22-tot.xlsx', spec: { name: 'Trường TH Nguyễn Bỉnh Khiêm', type: 'Trường tiểu học', presetId: TT22, seed: 2 }, level: null, rating: 'Tốt' },
  // 1.3 and 3.2 not met: 100 − 20 = 80 points.
  { file: '03-tt22-kha.xlsx', spec: { name: 'Trường TH Bình An', type: 'Trường tiểu học', presetId: TT22, seed: 3, answers: { '1.3': 'Không đạt', '3.2': 'Không đạt' } }, level: null, rating: 'Khá' },
  // 80% of members: every member indicator of TT22 (100%) fails: Chưa đạt.
  { file: '04-tt22-chua-dat.xlsx', spec: { name: 'Trường MN Hoa Mai', type: 'Trường mầm non', presetId: TT22, seed: 4, rate: 0.8 }, level: null, rating: null },
  { file: '05-tt22-tot-2.xlsx', spec: { name: 'Trường THCS Lê Quý Đôn', type: 'Trường THCS', presetId: TT22, seed: 5 }, level: null, rating: 'Tốt' },
];

type Ok = Extract<OfficerResult, { ok: true }>;
let wb: XlsxWorkbook;
let result: Ok;

beforeAll(async () => {
  wb = await consolidatedFile(await batchFiles(UNITS.map((u) => ({ ...u, level: null }))));
  const r = await generateOfficerDocuments(wb, { signer: 'Nguyễn Văn Bình' });
  if (!r.ok) throw new Error(r.message);
  result = r;
});

// A paragraph's indent is non-breaking spaces, which readText keeps (Excel's TRIM does too).
const lines = async (sheet: string) => {
  const data = (await wb.batch((s) => s.read([sheet]))).sheets.get(sheet)!;
  return data.rows.map((r) => r.map((c) => readText(c ?? null).trim()).filter(Boolean).join(' | ')).filter(Boolean);
};

describe('TT22 units in the officer’s documents', () => {
  it('proposes a TT22 unit with its rating when its rule set recognises it, and never one rated Chưa đạt', () => {
    const byName = new Map(result.units.map((u) => [u.name, [u.level, u.rating]]));
    expect(UNITS.map((u) => byName.get(u.spec.name))).toEqual(UNITS.map((u) => [u.level, u.rating]));
    expect(result.proposed).toBe(4);
    expect(result.notProposed).toBe(1);
  });

  it('the decision’s list groups the units by level, then by rating best first, each row saying its rating', async () => {
    const text = await lines(OFFICER_SHEET['quyet-dinh-cong-nhan']);
    const annex = text.slice(text.findIndex((l) => l.startsWith('DANH SÁCH ĐƠN VỊ ĐẠT')));
    const headings = annex.filter((l) => /^(I|II|III|IV)\. /.test(l));
    expect(headings).toEqual(['I. “Đơn vị học tập” cấp huyện mức độ 1 (1 đơn vị)', 'II. “Đơn vị học tập” xếp loại Tốt (2 đơn vị)', 'III. “Đơn vị học tập” xếp loại Khá (1 đơn vị)']);
    const at = (h: number) => annex.indexOf(headings[h]!);
    const group = (h: number) => annex.slice(at(h) + 1, h + 1 < headings.length ? at(h + 1) : undefined).join('\n');
    expect(group(1)).toContain('Xếp loại');
    expect(group(1)).toMatch(/Trường TH Nguyễn Bỉnh Khiêm \| Trường tiểu học \| Loại Tốt/);
    expect(group(1)).toMatch(/Trường THCS Lê Quý Đôn \| Trường THCS \| Loại Tốt/);
    expect(group(2)).toMatch(/Trường TH Bình An \| Trường tiểu học \| Loại Khá/);
    expect(annex.join('\n')).not.toContain('Hoa Mai');
  });

  it('the minutes list the TT22 unit rated Chưa đạt among those not proposed, with its recomputed rating', async () => {
    const text = await lines(OFFICER_SHEET['bien-ban-tham-dinh']);
    const second = text.slice(text.findIndex((l) => l.startsWith('2. Đơn vị chưa đủ điều kiện')));
    expect(second.join('\n')).toMatch(/Trường MN Hoa Mai \| Xếp loại Chưa đạt/);
    const first = text.slice(text.findIndex((l) => l.startsWith('1. Đơn vị có kết quả tự đánh giá khớp')), text.findIndex((l) => l.startsWith('2. Đơn vị chưa')));
    expect(first.join('\n')).toMatch(/Trường TH Bình An \| Loại Khá/);
    // The counts follow the decision's groups, ratings included.
    expect(text.find((l) => l.startsWith('Kết luận'))).toContain('(mức độ 1: 1 đơn vị; xếp loại Tốt: 2 đơn vị; xếp loại Khá: 1 đơn vị)');
  });

  it('warns that the request and the decision cite TT22, repealed since 26/01/2024, for the TT22 units proposed for 2025', () => {
    const warning = result.warnings.find((w) => w.includes('22/2020'));
    expect(warning).toMatch(/Thông tư số 22\/2020\/TT-BGDĐT.*hết hiệu lực từ ngày 26\/01\/2024/);
    for (const name of ['Trường TH Nguyễn Bỉnh Khiêm', 'Trường TH Bình An', 'Trường THCS Lê Quý Đôn']) expect(warning).toContain(name);
    // Rated Chưa đạt, not proposed: the request does not rest on its basis.
    expect(warning).not.toContain('Hoa Mai');
    expect(warning).toContain('to_trinh.can_cu');
  });
});
