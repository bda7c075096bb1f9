/** The sample unit follows its type: who its members are, its classes (if any), its head's title. */
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { isEducationType, UNIT_TYPE_IDS } from '../../src/domain/unitTypes';
import { sampleMembers, sampleUnit } from '../../src/usecases/sampleData';

const column = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);
const positions = (type?: string) => sampleUnit({ type, members: 40 }).members!.map((r) => String(r[column('position')]));
const teams = (type?: string) => sampleUnit({ type, members: 40 }).members!.map((r) => String(r[column('team')]));
const classes = (type?: string) => (sampleUnit({ type }).learners ?? []).map((r) => String(r[1]));
const SCHOOL_WORDS = /Hiệu trưởng|Giáo viên|Tổ Khoa học|Ban giám hiệu/;

describe('sampleUnit by type of unit', () => {
  it('a commune People’s Committee: Chủ tịch, Phó Chủ tịch and công chức of its sections, no learners', () => {
    const type = UNIT_TYPE_IDS['ubnd-xa']!;
    const unit = sampleUnit({ type });
    expect(unit.unit).toMatchObject({ type, headTitle: 'Chủ tịch' });
    expect(positions(type).slice(0, 2)).toEqual(['Chủ tịch', 'Phó Chủ tịch']);
    expect(positions(type).some((p) => /Công chức/.test(p))).toBe(true);
    expect(teams(type)).toEqual(expect.arrayContaining(['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch']));
    expect([...positions(type), ...teams(type), unit.unit.headTitle].filter((s) => SCHOOL_WORDS.test(String(s)))).toEqual([]);
    expect(unit.learners ?? []).toEqual([]);
    // Not under itself: its head's title stands before its own name in the documents.
    expect(unit.unit.parent ?? '').not.toMatch(/UBND XÃ/i);
  });

  it('an agency: Giám đốc, Trưởng phòng, chuyên viên, no learners', () => {
    const type = UNIT_TYPE_IDS['co-quan']!;
    expect(sampleUnit({ type }).unit.headTitle).toBe('Giám đốc');
    expect(positions(type)).toEqual(expect.arrayContaining(['Giám đốc', 'Phó Giám đốc', 'Trưởng phòng', 'Chuyên viên']));
    expect(positions(type).filter((p) => SCHOOL_WORDS.test(p))).toEqual([]);
    expect(sampleUnit({ type }).learners ?? []).toEqual([]);
  });

  it('schools by level: a kindergarten’s nhóm/lớp by age, grades 1–5 at a primary school, 10–12 at an upper-secondary school', () => {
    const mn = classes(UNIT_TYPE_IDS['mn']);
    expect(mn.length).toBeGreaterThan(0);
    expect(mn.every((c) => /^(Nhà trẻ|Mẫu giáo) /.test(c))).toBe(true);
    expect(mn).toEqual(expect.arrayContaining([expect.stringMatching(/^Nhà trẻ 24-36 tháng/), expect.stringMatching(/^Mẫu giáo 3-4 tuổi/), expect.stringMatching(/^Mẫu giáo 5-6 tuổi/)]));
    expect(positions(UNIT_TYPE_IDS['mn'])[0]).toBe('Hiệu trưởng');
    expect(new Set(classes(UNIT_TYPE_IDS['th']).map((c) => Number.parseInt(c, 10)))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(classes(UNIT_TYPE_IDS['thpt']).map((c) => Number.parseInt(c, 10)))).toEqual(new Set([10, 11, 12]));
  });

  it('every type: learners exactly when the type reports them, and a head who is the first member', () => {
    for (const type of Object.values(UNIT_TYPE_IDS)) {
      const unit = sampleUnit({ type });
      expect({ type, learners: (unit.learners ?? []).length > 0 }).toEqual({ type, learners: isEducationType(type) });
      expect({ type, head: unit.members![0]![column('position')] }).toEqual({ type, head: unit.unit.headTitle });
    }
  });

  it('the same seed gives the same data; no type is the lower-secondary school it always was', () => {
    const type = UNIT_TYPE_IDS['ubnd-xa']!;
    expect(sampleUnit({ type, seed: 9 })).toEqual(sampleUnit({ type, seed: 9 }));
    expect(sampleUnit({ type, seed: 9 }).members).not.toEqual(sampleUnit({ type, seed: 10 }).members);
    expect(sampleUnit()).toEqual(sampleUnit({ type: UNIT_TYPE_IDS['thcs'] }));
    expect(sampleUnit().unit).toMatchObject({ type: 'Trường THCS', headTitle: 'Hiệu trưởng' });
    expect(classes()).toEqual(['6A', '6B', '6C', '7A', '7B', '7C', '8A', '8B', '8C', '9A', '9B', '9C']);
  });
});

test('a large sample gives every member a name of their own (evaluate warns of a name listed twice), the small one as before', () => {
  for (const members of [200, 5_000, 20_000]) {
    const names = sampleMembers({ members }).map((row) => row[1]);
    expect(new Set(names).size).toBe(members);
  }
  expect(sampleMembers({ members: 5 }).map((row) => row[1])).toEqual(sampleMembers({ members: 5_000 }).slice(0, 5).map((row) => row[1]));
});

test('a rule set of the province: the sample’s dossier goes to the province (a school’s to its Sở GD&ĐT), a level-2 one has its level-1 recognition', () => {
  const thpt = sampleUnit({ presetId: 'tt24-tinh-md1', type: UNIT_TYPE_IDS['thpt'] }).unit;
  expect(thpt).toMatchObject({ receiver: 'Sở Giáo dục và Đào tạo tỉnh Phú Thọ', receiverTier: 'cấp tỉnh' });
  expect(sampleUnit({ presetId: 'tt24-tinh-md1', type: UNIT_TYPE_IDS['ubnd-xa'] }).unit).toMatchObject({ receiver: 'UBND tỉnh Phú Thọ', receiverTier: 'cấp tỉnh' });
  // The commune's rule set keeps the commune's body, as before.
  expect(sampleUnit().unit).toMatchObject({ receiver: 'UBND xã Hòa Bình', receiverTier: 'cấp xã', previousDate: null });
  const md2 = sampleUnit({ presetId: 'tt24-co-so-md2', year: 2026 }).unit;
  expect(md2).toMatchObject({ previousDate: new Date(2025, 1, 10), previousLevel: 'Mức độ 1' });
});
