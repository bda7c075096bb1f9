/**
 * What the unit asks for against what its rule set recognises: the level requested, the
 * 12 months after a level-1 recognition, the receiving body's tier. Each warning is placed
 * at the cell the unit must look at.
 */
import { findPreset } from '../../src/domain/rules/presets';
import { bodyTierMismatch, level2Wait, levelNumber, recognitionBasis, requestProblems, tierOf, type UnitRequest } from '../../src/domain/rules/request';
import { t } from '../../src/i18n';
import type { Location } from '../../src/domain/problems';

const at = (row: number): Location => ({ sheet: 'unit', row, col: 2 });

function request(p: { level?: string; tier?: string; previous?: Date | null | 'invalid'; previousLevel?: string; year?: number }): UnitRequest {
  return {
    level: { value: p.level ?? '', at: at(8) },
    receiverTier: { value: p.tier ?? '', at: at(10) },
    previousDate: { value: p.previous ?? null, at: at(15) },
    previousLevel: { value: p.previousLevel ?? '', at: at(16) },
    year: p.year ?? 2025,
  };
}

const md1 = findPreset('tt24-co-so-md1')!;
const md2 = findPreset('tt24-co-so-md2')!;
const tinh1 = findPreset('tt24-tinh-md1')!;
const tt22 = findPreset('tt22-100')!;
const codes = (ps: ReturnType<typeof requestProblems>) => ps.map((p) => [p.code, p.at?.row]);

describe('levels', () => {
  it('reads the ways units write a level', () => {
    expect(['Mức độ 1', 'mức độ 2', 'MỨC ĐỘ 2', '2', 'MĐ 1', ' Mức  độ 1 '].map(levelNumber)).toEqual([1, 2, 2, 2, 1, 1]);
    expect(['', 'Mức độ 3', 'cấp huyện', 'Tốt'].map(levelNumber)).toEqual([null, null, null, null]);
  });

  it('a level the rule set does not evaluate is flagged at the level cell; a match or a blank is not', () => {
    expect(codes(requestProblems(md1, request({ level: 'Mức độ 2', previous: new Date(2023, 1, 10) })))).toEqual([['levelMismatch', 8]]);
    expect(requestProblems(md1, request({ level: 'Mức độ 1' }))).toEqual([]);
    expect(requestProblems(md1, request({}))).toEqual([]);
    // TT22 rates; it recognises no level.
    expect(requestProblems(tt22, request({ level: 'Mức độ 2' }))).toEqual([]);
    const p = requestProblems(md2, request({ level: 'Mức độ 1' }))[0]!;
    expect(p).toMatchObject({ code: 'levelMismatch', severity: 'warning', params: { requested: 'Mức độ 1', recognition: '“Đơn vị học tập” cấp huyện mức độ 2' } });
  });
});

describe('level 2 and the 12 months after level 1', () => {
  it('without a previous recognition date: flagged at the date cell', () => {
    expect(codes(requestProblems(md2, request({ level: 'Mức độ 2' })))).toEqual([['level2NoPrevious', 15]]);
    // The rule set's level counts when the unit left the level blank.
    expect(codes(requestProblems(md2, request({})))).toEqual([['level2NoPrevious', 15]]);
  });

  it('within 12 months of the level-1 decision by the dossier deadline (15/01 of the next year): flagged', () => {
    const soon = requestProblems(md2, request({ level: 'Mức độ 2', previous: new Date(2025, 1, 10) }));
    expect(codes(soon)).toEqual([['level2TooSoon', 15]]);
    expect(soon[0]!.params).toEqual({
      date: '10/02/2025',
      due: '10/02/2026',
      deadline: '15/01/2026',
      deadlineBasis: ' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 10)',
      basis: ' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8)',
    });
    // Dated after the day the request is checked: a typo, said as such; no wait is reckoned from it.
    const later = requestProblems(md2, request({ level: 'Mức độ 2', previous: new Date(2027, 2, 15) }), {}, new Date(2026, 11, 4));
    expect(codes(later)).toEqual([['previousDateFuture', 15]]);
    expect(later[0]!.params).toEqual({ date: '15/03/2027', asOf: '04/12/2026' });
    // Twelve months exactly on the deadline is in time; a year earlier is long past.
    expect(requestProblems(md2, request({ previous: new Date(2025, 0, 15) }))).toEqual([]);
    expect(requestProblems(md2, request({ previous: new Date(2024, 1, 10) }))).toEqual([]);
  });

  it('a unit already recognised at level 2 renewing it is not held to the 12 months', () => {
    expect(requestProblems(md2, request({ previous: new Date(2025, 1, 10), previousLevel: 'Mức độ 2' }))).toEqual([]);
  });

  it('is one rule, which the consolidation reckons too: to the dossier deadline, whatever day it is asked', () => {
    expect(level2Wait(2, new Date(2025, 1, 10), '', 2025)).toEqual({ kind: 'tooSoon', due: new Date(2026, 1, 10), deadline: new Date(2026, 0, 15) });
    expect(level2Wait(2, new Date(2025, 0, 15), 'Mức độ 1', 2025)).toBeNull();
    expect(level2Wait(2, new Date(2025, 1, 10), 'Mức độ 2', 2025)).toBeNull();
    expect(level2Wait(2, null, '', 2025)).toEqual({ kind: 'noPrevious' });
    expect(level2Wait(2, null, 'Mức độ 2', 2025)).toBeNull();
    expect(level2Wait(1, null, '', 2025)).toBeNull();
    expect(level2Wait(2, 'invalid', '', 2025)).toBeNull();
    // No readable year, no deadline: only a missing recognition is said.
    expect(level2Wait(2, new Date(2025, 1, 10), '', null)).toBeNull();
  });
});

describe('the receiving body\'s tier', () => {
  it('a provincial rule set sent to a commune is flagged at the tier cell; district dossiers may go to the commune or the province', () => {
    expect(codes(requestProblems(tinh1, request({ tier: 'cấp xã' })))).toEqual([['tierMismatch', 10]]);
    expect(requestProblems(tinh1, request({ tier: 'Cấp tỉnh' }))).toEqual([]);
    expect(requestProblems(tinh1, request({ tier: 'tỉnh' }))).toEqual([]);
    for (const tier of ['cấp xã', 'UBND cấp xã', 'cấp tỉnh', 'cấp huyện']) expect(requestProblems(md1, request({ tier }))).toEqual([]);
    expect(codes(requestProblems(md1, request({ tier: 'cấp trung ương' })))).toEqual([['tierMismatch', 10]]);
    // No tier typed, or a rule set without tiers: nothing to compare.
    expect(requestProblems(tinh1, request({}))).toEqual([]);
    expect(requestProblems(tt22, request({ tier: 'cấp xã' }))).toEqual([]);
  });
});

describe('commune-level names since 01/7/2025', () => {
  it('a ward, a special zone or a township is the commune tier, with or without "cấp" or the committee’s name', () => {
    for (const tier of ['cấp phường', 'phường', 'UBND phường', 'UBND xã', 'Đặc khu', 'cấp thị trấn']) {
      expect(requestProblems(md1, request({ tier }))).toEqual([]);
      expect(bodyTierMismatch(tier, ['cấp xã', 'cấp tỉnh'], 'cấp xã')).toBeNull();
    }
    expect(bodyTierMismatch('UBND phường', ['cấp tỉnh'], '')).toBe('ruleSet');
    expect(codes(requestProblems(tinh1, request({ tier: 'UBND phường' })))).toEqual([['tierMismatch', 10]]);
  });
});

describe('a receiving body typed by its name', () => {
  const province = ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp', 'UBND tỉnh Long An', 'Ủy ban nhân dân tỉnh Đắk Lắk', 'SỞ GDĐT'];
  const district = ['Phòng GD&ĐT huyện Thủ Thừa', 'Phòng Giáo dục và Đào tạo', 'UBND huyện Mỹ Đức', 'UBND quận 3', 'UBND thị xã Buôn Hồ', 'huyện'];
  const commune = ['UBND xã Hùng Tiến', 'UBND phường Bến Nghé', 'UBND đặc khu Phú Quốc', 'UBND thị trấn Trấn Dương', 'Ủy ban nhân dân xã Cấp Dẫn'];

  it('a Sở or a province’s UBND is the province tier; a Phòng GD&ĐT or a district’s UBND the district tier; a commune’s UBND the commune tier', () => {
    expect([...province, ...district, ...commune].map(tierOf)).toEqual([...province.map(() => 'tinh'), ...district.map(() => 'huyen'), ...commune.map(() => 'xa')]);
    // The tier's own words as before.
    expect(['cấp xã', 'Cấp tỉnh', 'UBND cấp xã', 'phường', 'tỉnh', 'cấp huyện'].map(tierOf)).toEqual(['xa', 'tinh', 'xa', 'xa', 'tinh', 'huyen']);
  });

  it('so evaluate no longer flags a unit that typed its receiving body for a tier its rule set lists', () => {
    for (const tier of province) expect(requestProblems(tinh1, request({ tier }))).toEqual([]);
    for (const tier of [...province, ...district, ...commune]) expect(requestProblems(md1, request({ tier }))).toEqual([]);
    expect(codes(requestProblems(tinh1, request({ tier: 'UBND xã Hùng Tiến' })))).toEqual([['tierMismatch', 10]]);
    expect(codes(requestProblems(tinh1, request({ tier: 'Phòng GD&ĐT huyện Thủ Thừa' })))).toEqual([['tierMismatch', 10]]);
  });

  it('and consolidation compares the same tiers: the officer and the unit may each type a tier or a body', () => {
    expect(bodyTierMismatch('Sở GD&ĐT', ['cấp tỉnh'], 'UBND tỉnh Long An')).toBeNull();
    expect(bodyTierMismatch('UBND xã Hùng Tiến', ['cấp xã', 'cấp huyện', 'cấp tỉnh'], 'cấp xã')).toBeNull();
    expect(bodyTierMismatch('cấp xã', ['cấp xã', 'cấp huyện', 'cấp tỉnh'], 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp')).toBe('typed');
    expect(bodyTierMismatch('UBND phường Bến Nghé', ['cấp tỉnh'], '')).toBe('ruleSet');
  });

  it('a city’s UBND (a centrally-run city is a province, a provincial city was a district) is not guessed: the unit is told to write the tier', () => {
    for (const tier of ['UBND thành phố Hà Nội', 'UBND TP Buôn Ma Thuột', 'Thành phố Đà Lạt']) {
      expect(tierOf(tier)).toBeNull();
      const found = requestProblems(md1, request({ tier }));
      expect(found).toEqual([expect.objectContaining({ code: 'tierUnknown', severity: 'warning', params: { tier }, at: at(10) })]);
      // Nothing to compare it with: consolidation says nothing of the tier (the unit's own warning stays).
      expect(bodyTierMismatch('cấp xã', ['cấp xã', 'cấp huyện', 'cấp tỉnh'], tier)).toBeNull();
      expect(bodyTierMismatch(tier, ['cấp tỉnh'], 'cấp tỉnh')).toBeNull();
    }
    // Said whether or not the rule set lists tiers: the tier is printed in the dossier and compared by the body.
    expect(codes(requestProblems(tt22, request({ tier: 'UBND thành phố Hà Nội' })))).toEqual([['tierUnknown', 10]]);
  });
});

describe('the tier warnings cite the article of TT24 that sets the recognition', () => {
  const huyen2 = findPreset('tt24-co-so-md2')!;
  const tinh2 = findPreset('tt24-tinh-md2')!;
  const basisOf = (rs: typeof md1, tier: string) => requestProblems(rs, request({ tier })).find((p) => p.code === 'tierMismatch')!.params!.basis;

  it('Điều 6, 7 for cấp huyện, Điều 12, 13 for cấp tỉnh, by number and date', () => {
    expect(basisOf(tinh1, 'cấp xã')).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 12)');
    expect(basisOf(tinh2, 'UBND xã Hùng Tiến')).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 13)');
    expect(basisOf(md1, 'cấp trung ương')).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6)');
    expect(basisOf(huyen2, 'cấp trung ương')).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 7)');
    expect(t('vi', 'problem.tierMismatch', { where: 'Ô B10', tier: 'cấp xã', recognition: tinh1.recognition, tiers: 'cấp tỉnh', basis: basisOf(tinh1, 'cấp xã') })).toBe(
      'Ô B10: hồ sơ “Đơn vị học tập” cấp tỉnh mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 12) gửi đơn vị tổng hợp “cấp xã”, nhưng bộ tiêu chí ghi cấp nhận hồ sơ là cấp tỉnh (trang “Tiêu chí”, mục “Cấp nhận hồ sơ”). Kiểm tra lại nơi nhận hoặc bộ tiêu chí.',
    );
  });

  it('nothing where TT24 would be cited wrongly: a rule set not resting on it (TT22, a province’s own), a recognition it does not set, a level that is not the recognition’s', () => {
    expect(recognitionBasis({ ...tt22, receiverTiers: ['cấp huyện'] })).toBe('');
    expect(basisOf({ ...tt22, receiverTiers: ['cấp huyện'] }, 'cấp xã')).toBe('');
    expect(recognitionBasis({ ...tinh1, basis: 'Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk' })).toBe('');
    expect(recognitionBasis({ ...tinh1, recognition: '“Đơn vị học tập” cấp xã' })).toBe('');
    expect(recognitionBasis({ ...tinh1, level: 2 })).toBe('');
    // The province's plan beside the circular does not hide it.
    expect(recognitionBasis({ ...md1, basis: `KH 248/KH-UBND ngày 20/8/2024 của UBND TP Hà Nội\n${md1.basis}` })).toBe('Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6');
  });
});

describe('a rule set’s own “Cấp nhận hồ sơ” naming no tier', () => {
  const cell: Location = { sheet: 'criteria', row: 8, col: 3 };
  const city = { ...md1, receiverTiers: ['UBND thành phố Hà Nội'] };

  it('is warned at the rule set’s cell with what was typed, and never compared: no unit is told its tier does not match', () => {
    for (const tier of ['cấp xã', 'cấp tỉnh', '']) {
      expect(requestProblems(city, request({ tier }), { receiverTiers: cell })).toEqual([
        expect.objectContaining({ code: 'receiverTierUnknown', severity: 'warning', params: { tier: 'UBND thành phố Hà Nội' }, at: cell }),
      ]);
    }
    expect(bodyTierMismatch('cấp xã', city.receiverTiers, '')).toBeNull();
    expect(bodyTierMismatch('cấp tỉnh', city.receiverTiers, 'cấp xã')).toBe('typed');
  });

  it('beside tiers it does name, only those are compared (and listed)', () => {
    const mixed = { ...tinh1, receiverTiers: ['cấp tỉnh', 'Thành phố Đà Lạt'] };
    const found = requestProblems(mixed, request({ tier: 'cấp xã' }), { receiverTiers: cell });
    expect(codes(found)).toEqual([['receiverTierUnknown', 8], ['tierMismatch', 10]]);
    expect(found[1]!.params).toMatchObject({ tiers: 'cấp tỉnh' });
    expect(requestProblems(mixed, request({ tier: 'cấp tỉnh' }), { receiverTiers: cell }).map((p) => p.code)).toEqual(['receiverTierUnknown']);
    expect(bodyTierMismatch('cấp xã', mixed.receiverTiers, '')).toBe('ruleSet');
  });

  it('says what was typed and what to write, in both languages', () => {
    expect(t('vi', 'problem.receiverTierUnknown', { where: 'Ô C8', tier: 'UBND thành phố Hà Nội' })).toMatch(
      /^Ô C8: .*“UBND thành phố Hà Nội” .*“Cấp nhận hồ sơ”.* không cho biết là cấp nào .*Ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”/,
    );
    expect(t('en', 'problem.receiverTierUnknown', { where: 'Cell C8', tier: 'UBND thành phố Hà Nội' })).toMatch(/^Cell C8: .*“UBND thành phố Hà Nội”.*“cấp tỉnh”, “cấp huyện” or “cấp xã”/);
  });
});

describe('level 2 without a previous level-1 recognition cites the article setting the condition', () => {
  const tinh2 = findPreset('tt24-tinh-md2')!;
  const basisOf = (rs: typeof md2) => requestProblems(rs, request({ level: 'Mức độ 2' })).find((p) => p.code === 'level2NoPrevious')!.params!.basis;

  it('TT24’s Điều 8 (conditions of the district recognitions) by number and date, for a cấp huyện rule set resting on TT24', () => {
    expect(basisOf(md2)).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8)');
    expect(t('vi', 'problem.level2NoPrevious', { where: 'Ô B15', basis: basisOf(md2) })).toBe(
      'Ô B15: đề nghị mức độ 2 nhưng chưa ghi ngày công nhận mức độ 1. Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8): ghi ngày của quyết định đó.',
    );
  });

  it('the same article where level 2 comes too soon, with the rule the dates are reckoned by', () => {
    const soon = requestProblems(md2, request({ level: 'Mức độ 2', previous: new Date(2025, 1, 10) }))[0]!;
    expect(t('vi', 'problem.level2TooSoon', { where: 'Ô B15', ...soon.params })).toBe(
      'Ô B15: đề nghị mức độ 2 khi chưa đủ 12 tháng từ ngày công nhận mức độ 1 (10/02/2025): đủ 12 tháng vào 10/02/2026, sau hạn nộp hồ sơ 15/01/2026 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 10). Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8). Đề nghị mức độ 1, hoặc để sang năm sau.',
    );
    expect(t('en', 'problem.level2TooSoon', { where: 'Cell B15', ...soon.params })).toContain('(Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8)');
    const tinh = requestProblems(tinh2, request({ level: 'Mức độ 2', previous: new Date(2025, 1, 10) })).find((p) => p.code === 'level2TooSoon')!;
    expect(tinh.params!.basis).toBe('');
  });

  it('the dossier deadline the 12 months are reckoned to cites TT24’s Điều 10 for a cấp huyện rule set; nothing unknown is cited', () => {
    const soon = (rs: typeof md2) => requestProblems(rs, request({ level: 'Mức độ 2', previous: new Date(2025, 1, 10) })).find((p) => p.code === 'level2TooSoon')!;
    expect(soon(md2).params!.deadlineBasis).toBe(' (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 10)');
    expect(t('en', 'problem.level2TooSoon', { where: 'Cell B15', ...soon(md2).params })).toContain('15/01/2026 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 10)');
    // Provincial recognitions: the article of their process is not known. A province's own rules: none.
    expect(soon(tinh2).params!.deadlineBasis).toBe('');
    const local = soon({ ...md2, basis: 'Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk' });
    expect(local.params!.deadlineBasis).toBe('');
    const plain = t('vi', 'problem.level2TooSoon', { where: 'Ô B15', ...local.params });
    expect(plain).not.toMatch(/Thông tư|Điều/);
    expect(plain).toContain('sau hạn nộp hồ sơ 15/01/2026. Mức độ 2');
  });

  it('nothing where no article is known (cấp tỉnh) or the rule set does not rest on TT24', () => {
    expect(basisOf(tinh2)).toBe('');
    expect(basisOf({ ...md2, basis: 'Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk' })).toBe('');
    const plain = t('vi', 'problem.level2NoPrevious', { where: 'Ô B15', basis: '' });
    expect(plain).not.toMatch(/Thông tư|Điều/);
    expect(plain).toContain('quyết định công nhận mức độ 1: ghi ngày');
    expect(t('en', 'problem.level2NoPrevious', { where: 'Cell B15', basis: '' })).not.toMatch(/Circular|Thông tư/);
  });
});
