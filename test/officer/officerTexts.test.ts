/**
 * The officer's documents' words, drawn from a batch made here (no workbook): which legal bases
 * they cite (the proposed units' for the request and the decision, the examined units' for the
 * minutes, a repealed text named so), and that a basis reads well inside a sentence.
 */
import { PRESETS } from '../../src/domain/rules/presets';
import type { SheetPlan } from '../../src/workbook/port';
import { buildOfficerContext, DRAW_OFFICER, OFFICER_TEMPLATES, type Batch, type BatchUnit, type OfficerFields, type OfficerKind } from '../../src/documents/officer';
import { KeptTexts } from '../../src/documents/narrative';
import { readTemplatesSheet } from '../../src/documents/templatesSheet';

const ruleSets = PRESETS.map((r) => ({ name: r.name, basis: r.basis, recognition: r.recognition, ratings: r.mode === 'score' ? r.bands.map((b) => b.label) : [] }));
const TT24 = PRESETS.find((r) => r.id === 'tt24-co-so-md1')!;
const TT22 = PRESETS.find((r) => r.id === 'tt22-100')!;

const unit = (name: string, more: Partial<BatchUnit>): BatchUnit => ({ name, type: 'Trường THCS', year: 2025, ruleSet: TT24.name, bases: [], outcome: 'Đạt mức độ 1', unmet: '', recorded: 'Đạt mức độ 1', level: 1, rating: null, reasons: [], notes: [], ...more });
const TT24_OK = unit('Trường THCS Nguyễn Du', {});
const TT22_FAIL = unit('Trường TH Bình An', { type: 'Trường tiểu học', ruleSet: TT22.name, outcome: 'Xếp loại Chưa đạt', recorded: '20 điểm — xếp loại Chưa đạt', level: null });

const LAW_2025 = 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025';
const LAW_2015 = 'Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019';

const batchOf = (units: BatchUnit[], body = 'UBND xã Hòa Bình'): Batch => ({ body, tier: 'cấp xã', years: [2025], units, ruleSets });

/** Each row's texts, joined, in row order. */
function lines(plan: SheetPlan): string[] {
  const rows = new Map<number, string[]>();
  for (const block of plan.cells ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    if (m[1]! > 'J' && m[1]!.length === 1) continue; // hidden marker columns
    block.rows.forEach((r, i) => {
      const at = Number(m[2]) + i;
      const texts = r.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim());
      rows.set(at, [...(rows.get(at) ?? []), ...texts]);
    });
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t.join(' | ')).filter(Boolean);
}

/** The document as drawn from `batch`, with the officer's templates sheet holding `own` (key → text). */
function drawn(kind: OfficerKind, batch: Batch, fields: OfficerFields = {}, own: Record<string, string> = {}): string {
  const sheet = { name: OFFICER_TEMPLATES.sheet, rows: Object.entries(own) };
  const texts = readTemplatesSheet(sheet, batch.body, 'pass-fail', OFFICER_TEMPLATES).texts;
  return lines(DRAW_OFFICER[kind](buildOfficerContext(batch, texts, fields), new KeptTexts(new Map()))).join('\n');
}

describe('the legal bases the officer’s documents cite', () => {
  const batch = batchOf([TT24_OK, TT22_FAIL]);

  it('the request and the decision cite the bases of the units proposed, not of a TT22 unit left out', () => {
    for (const kind of ['to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const) {
      const text = drawn(kind, batch);
      expect(text).toContain(`Căn cứ ${TT24.basis};`);
      expect(text).not.toContain('22/2020');
    }
  });

  it('the minutes cite every examined unit’s basis in one sentence, the repealed TT22 named so with its units', () => {
    const text = drawn('bien-ban-tham-dinh', batch);
    const sentence = text.split('\n').find((l) => l.includes('tính lại kết quả'))!;
    expect(sentence).toContain(`theo ${TT24.basis} và ${TT22.basis} (đã hết hiệu lực từ ngày 26/01/2024; đơn vị áp dụng: Trường TH Bình An), đối chiếu với kết quả tự đánh giá`);
    expect(text).not.toMatch(/;\s*Căn cứ Thông tư số 22/);
  });

  it('one basis reads as one: “theo Thông tư …, đối chiếu”', () => {
    const sentence = drawn('bien-ban-tham-dinh', batchOf([TT24_OK])).split('\n').find((l) => l.includes('tính lại kết quả'))!;
    expect(sentence).toContain(`theo ${TT24.basis}, đối chiếu với kết quả tự đánh giá`);
  });

  it('units typing one circular differently, one with its province’s plan: the circular cited once, first', () => {
    const plan = 'Kế hoạch số 130/KH-UBND ngày 14/4/2024 của UBND tỉnh Đồng Tháp';
    const short = unit('Trường mầm non Hoa Sen', { bases: [plan, 'Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ GDĐT'] });
    const text = drawn('to-trinh-cong-nhan', batchOf([short, { ...TT24_OK, bases: [TT24.basis] }]));
    expect(text).toContain(`Căn cứ Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ GDĐT;\nCăn cứ ${plan};\nCăn cứ hồ sơ`);
    expect(text.split('24/2023').length - 1).toBe(1);
  });

  it('several bases proposed: one “Căn cứ” line each in the request', () => {
    const text = drawn('to-trinh-cong-nhan', batchOf([TT24_OK, { ...TT22_FAIL, outcome: 'Xếp loại Tốt', level: null, rating: 'Tốt' }]));
    expect(text).toContain(`Căn cứ ${TT24.basis};\nCăn cứ ${TT22.basis};`);
  });
});

describe('who writes to whom, and how the documents are numbered and dated (NĐ 30/2020)', () => {
  const batch = batchOf([TT24_OK]);

  it('a UBND receiving the dossiers does not submit to its own chairman: its Phòng Văn hóa - Xã hội does, and signs as Trưởng phòng', () => {
    const text = drawn('to-trinh-cong-nhan', batch);
    expect(text).toMatch(/^UBND XÃ HÒA BÌNH \| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG VĂN HÓA - XÃ HỘI \| Độc lập - Tự do - Hạnh phúc/);
    expect(text).toContain('Kính gửi: Chủ tịch UBND xã Hòa Bình.');
    expect(text).toContain('Phòng Văn hóa - Xã hội kính trình Chủ tịch UBND xã Hòa Bình xem xét');
    expect(text).not.toMatch(/UBND xã Hòa Bình kính trình/);
    expect(text).toContain('Nơi nhận: | TRƯỞNG PHÒNG');
    expect(text).not.toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('numbers each document with its issuer’s abbreviation (Phụ lục III) and dates it at the commune’s name', () => {
    expect(drawn('to-trinh-cong-nhan', batch)).toContain('Số:        /TTr-PVHXH | Hòa Bình, ngày …… tháng …… năm ……');
    expect(drawn('bien-ban-tham-dinh', batch)).toContain('Số:        /BB-PVHXH | Hòa Bình, ngày …… tháng …… năm ……');
    const decision = drawn('quyet-dinh-cong-nhan', batch);
    expect(decision).toContain('Số:        /QĐ-UBND | Hòa Bình, ngày …… tháng …… năm ……');
    // NĐ 30: the competence first, one basis a line, the last ending with a full stop.
    expect(decision).toContain(`Căn cứ ${LAW_2025};\nCăn cứ ${TT24.basis};\nTheo đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số …/TTr-PVHXH.\nQUYẾT ĐỊNH:`);
    expect(drawn('to-trinh-cong-nhan', batch)).toContain('Căn cứ hồ sơ đề nghị của các đơn vị và kết quả thẩm định của Phòng Văn hóa - Xã hội.\nPhòng Văn hóa - Xã hội đã tiếp nhận');
    expect(decision).toContain('Nơi nhận: | CHỦ TỊCH');
  });

  it('the abbreviation an earlier release started the sheet with (the UBND’s initials) follows the office; one the officer typed stays', () => {
    expect(drawn('to-trinh-cong-nhan', batch, {}, { 'chung.ky_hieu': 'UBNDXHB' })).toContain('Số:        /TTr-PVHXH');
    expect(drawn('to-trinh-cong-nhan', batch, {}, { 'chung.ky_hieu': 'VHXH' })).toContain('Số:        /TTr-VHXH');
  });

  it('a decision signed on the chairman’s behalf prints “KT. CHỦ TỊCH” above “PHÓ CHỦ TỊCH”, each on its line', () => {
    const text = drawn('quyet-dinh-cong-nhan', batch, {}, { 'quyet_dinh.nguoi_ky': 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' });
    expect(text).toContain('Nơi nhận: | KT. CHỦ TỊCH\n- Như Điều 3; | PHÓ CHỦ TỊCH\n');
  });

  it('the minutes are the examining office’s, signed by its checkers', () => {
    const text = drawn('bien-ban-tham-dinh', batch);
    expect(text).toMatch(/^UBND XÃ HÒA BÌNH \| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG VĂN HÓA - XÃ HỘI \|/);
    expect(text).toContain('Thành phần thẩm định của Phòng Văn hóa - Xã hội, gồm:');
    expect(text).toContain('THƯ KÝ | TỔ TRƯỞNG');
    // No signer named yet: a blank to write the name in, never the title standing for a name.
    expect(text).toContain('- Ông (bà) ………………………, Trưởng phòng – Tổ trưởng;');
  });

  it('the office the officer names (option or “chung.co_quan_tham_dinh”) submits and signs with its own title', () => {
    const text = drawn('to-trinh-cong-nhan', batch, { office: 'Hội đồng thẩm định “Đơn vị học tập” xã Hòa Bình' });
    expect(text).toContain('Hội đồng thẩm định “Đơn vị học tập” xã Hòa Bình kính trình Chủ tịch UBND xã Hòa Bình');
    expect(text).toContain('Nơi nhận: | CHỦ TỊCH HỘI ĐỒNG');
  });

  it('a receiving office that is not the UBND keeps its name; nothing known of the place leaves a blank to fill', () => {
    const text = drawn('to-trinh-cong-nhan', batchOf([TT24_OK], 'Phòng Giáo dục và Đào tạo'));
    expect(text).toContain('Số:        /TTr-PGDĐT | ……………, ngày …… tháng …… năm ……');
    expect(text).toContain('Phòng Giáo dục và Đào tạo kính trình Chủ tịch ……………');
  });

  it('a templates sheet still holding an earlier default takes today’s; a text the officer rewrote stays', () => {
    const old = 'to_trinh.de_nghi';
    const former = OFFICER_TEMPLATES.former[old]![0]!;
    const sheet = (text: string) => ({ name: OFFICER_TEMPLATES.sheet, rows: [[old, text]] });
    expect(readTemplatesSheet(sheet(former), 'UBND xã Hòa Bình', 'pass-fail', OFFICER_TEMPLATES).texts.get(old)).toContain('{co_quan_tham_dinh} kính trình');
    const own = 'Phòng Văn hóa - Xã hội kính trình Chủ tịch UBND xã xem xét./.';
    expect(readTemplatesSheet(sheet(own), 'UBND xã Hòa Bình', 'pass-fail', OFFICER_TEMPLATES).texts.get(old)).toBe(own);
  });
});

describe('what a unit carries out (“Thực hiện Kế hoạch số …”), as the consolidated table recorded it', () => {
  const PLAN = 'Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND xã Hòa Bình';
  const batch = batchOf([{ ...TT24_OK, bases: [TT24.basis, `Thực hiện ${PLAN}`] }]);

  it('the request and the decision print it with “Thực hiện”, after the legal texts', () => {
    for (const kind of ['to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const) {
      const text = drawn(kind, batch);
      expect(text).toContain(`Căn cứ ${TT24.basis};\nThực hiện ${PLAN};`);
      expect(text).not.toContain(`Căn cứ ${PLAN}`);
    }
  });

  it('the minutes name it inside their sentence without a verb of its own', () => {
    expect(drawn('bien-ban-tham-dinh', batch)).toContain(`theo ${TT24.basis} và ${PLAN}, đối chiếu`);
  });

  it('typed first by one unit, it still follows another unit’s circular', () => {
    const other = unit('Trường mầm non Hoa Sen', { bases: [`Thực hiện ${PLAN}`] });
    expect(drawn('to-trinh-cong-nhan', batchOf([other, { ...TT24_OK, bases: [TT24.basis] }]))).toContain(`Căn cứ ${TT24.basis};\nThực hiện ${PLAN};\nCăn cứ hồ sơ`);
  });
});

describe('the Luật Tổ chức chính quyền địa phương the decision cites, by when it is made (TT24 Điều 10: before 15/02 of the next year)', () => {
  const decisionOf = (years: number[], own: Record<string, string> = {}) =>
    drawn('quyet-dinh-cong-nhan', { ...batchOf([{ ...TT24_OK, year: years.at(-1)! }]), years }, {}, own)
      .split('\n')
      .find((l) => l.includes('Luật Tổ chức chính quyền'));

  it('dossiers of 2025 (decided from 01/7/2025): Luật số 72/2025/QH15', () => {
    expect(decisionOf([2025])).toBe(`Căn cứ ${LAW_2025};`);
    expect(decisionOf([2026])).toBe(`Căn cứ ${LAW_2025};`);
  });

  it('dossiers of 2024 (decided before 15/02/2025) and earlier: the 2015 law as amended in 2019', () => {
    expect(decisionOf([2024])).toBe(`Căn cứ ${LAW_2015};`);
    expect(decisionOf([2023])).toBe(`Căn cứ ${LAW_2015};`);
  });

  it('a batch of several years is decided with its latest', () => {
    expect(decisionOf([2024, 2025])).toBe(`Căn cứ ${LAW_2025};`);
  });

  it('a signing date typed in “chung.ngay_ky” decides: a 2024 decision signed on 20/7/2025 cites the 2025 law', () => {
    expect(decisionOf([2024], { 'chung.ngay_ky': '20/7/2025' })).toBe(`Căn cứ ${LAW_2025};`);
    expect(decisionOf([2024], { 'chung.ngay_ky': '30/6/2025' })).toBe(`Căn cứ ${LAW_2015};`);
  });

  it('a templates sheet still holding the blank to fill takes the law; a line the officer wrote stays', () => {
    for (const former of OFFICER_TEMPLATES.former['quyet_dinh.can_cu']!) expect(decisionOf([2025], { 'quyet_dinh.can_cu': former })).toBe(`Căn cứ ${LAW_2025};`);
    const own = 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nCăn cứ {can_cu};\nTheo đề nghị của Phòng Văn hóa - Xã hội.';
    expect(decisionOf([2025], { 'quyet_dinh.can_cu': own })).toBe('Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;');
  });
});

describe('why a unit is not proposed, in the minutes', () => {
  it('an indicator that could not be evaluated is said so, not called “chưa đạt”', () => {
    const unclear = unit('Trường THCS Lê Lợi', { outcome: 'Không đạt', level: null, unmet: '1.1: Chưa đánh giá được; 2.1: 50,0% < 90%; 3.3: Chưa đánh giá được', recorded: 'Chưa đủ điều kiện công nhận' });
    const row = drawn('bien-ban-tham-dinh', batchOf([unclear])).split('\n').find((l) => l.includes('Trường THCS Lê Lợi'))!;
    expect(row).toContain('Chưa đạt chỉ tiêu 2.1: 50,0% < 90%. Chưa đánh giá được chỉ tiêu 1.1, 3.3.');
    expect(row).not.toContain('Chưa đạt chỉ tiêu 1.1');
  });
});
