/**
 * What a unit typed about itself on 'Thông tin đơn vị', as the consolidation prints it: a unit
 * that wrote no name is flagged (file and cell) and is nobody's duplicate — two nameless
 * workbooks of one type and year are two units, unless they are byte-identical copies — and
 * kept out of the officer's decision; a previous recognition date that is not a date is
 * flagged at its cell, one after the day of the consolidation as such.
 */
import { isBlockingRemark } from '../../src/usecases/officerTable';
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(120_000);

const AS_OF = new Date(2025, 11, 28);

describe('units as they typed themselves', () => {
  let result: ConsolidationResult;
  beforeAll(async () => {
    const level2 = (name: string, seed: number, previousDate: Date, previousLevel: string) =>
      unitWorkbook({ name, type: 'Trường THCS', presetId: 'tt24-co-so-md2', members: 20, seed, level: 'Mức độ 2', previousDate, previousLevel });
    const nameless = (seed: number) => unitWorkbook({ name: '', type: 'Trường THCS', members: 20, seed });
    const first = await nameless(1);
    const files = [
      { label: 'ho-so/khong-ten-1.xlsx', bytes: first },
      { label: 'ho-so/khong-ten-2.xlsx', bytes: await nameless(2) },
      { label: 'ho-so/khong-ten-1-ban-sao.xlsx', bytes: first },
      { label: 'ho-so/ngay-sai.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS C', type: 'Trường THCS', members: 20, seed: 3, prepare: edits.unitField('previousDate', '31/02/2024') }) },
      // A level-2 rule set, the level cell left blank: level 2 is what its result would recognise.
      { label: 'ho-so/muc-do-2-bo-trong.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS E', type: 'Trường THCS', presetId: 'tt24-co-so-md2', members: 20, seed: 5, prepare: edits.unitField('level', null) }) },
      // The 12-month rule as evaluate reckons it: to the dossier deadline (15/01/2026), not to the day of the consolidation.
      { label: 'ho-so/md2-kip-han.xlsx', bytes: await level2('Trường THCS F', 6, new Date(2025, 0, 10), 'Mức độ 1') },
      { label: 'ho-so/md2-som.xlsx', bytes: await level2('Trường THCS G', 7, new Date(2025, 1, 10), 'Mức độ 1') },
      { label: 'ho-so/md2-gia-han.xlsx', bytes: await level2('Trường THCS H', 8, new Date(2025, 1, 10), 'Mức độ 2') },
      // What evaluate warns of at 'Thông tin đơn vị': a level the rule set does not evaluate, a tier it is not sent to, a type not in the list.
      {
        label: 'ho-so/yeu-cau-khac.xlsx',
        bytes: await unitWorkbook({
          name: 'Trường THCS K',
          type: 'Trường THCS',
          members: 20,
          seed: 9,
          level: 'Mức độ 2',
          previousDate: new Date(2023, 2, 15),
          previousLevel: 'Mức độ 1',
          prepare: edits.all(edits.unitField('receiverTier', 'cấp trung ương'), edits.unitField('type', 'Trường quốc tế')),
        }),
      },
      {
        label: 'ho-so/ngay-tuong-lai.xlsx',
        bytes: await unitWorkbook({ name: 'Trường THCS D', type: 'Trường THCS', members: 20, seed: 4, level: 'Mức độ 2', previousDate: new Date(2027, 2, 15), previousLevel: 'Mức độ 1' }),
      },
    ];
    result = (await consolidatedInProcess(files, AS_OF)).result;
  });
  const unit = (file: string) => result.units.find((u) => u.file === `ho-so/${file}`);
  const status = (file: string) => result.files.find((f) => f.file === `ho-so/${file}`)!.status;

  it('keeps two nameless units of one type and year apart, each flagged at its name’s cell and kept out of the decision', () => {
    // Of the two copies the later file is kept (the same evaluation time).
    expect(status('khong-ten-1-ban-sao.xlsx')).toBe('flagged');
    expect(status('khong-ten-2.xlsx')).toBe('flagged');
    for (const file of ['khong-ten-1-ban-sao.xlsx', 'khong-ten-2.xlsx']) {
      const flags = unit(file)!.record.flags;
      expect(flags.map((f) => f.code)).toEqual(['noName']);
      expect(flags[0]!.message).toMatch(new RegExp(`^Tệp “ho-so/${file.replace(/\./g, '\\.')}”, 'Thông tin đơn vị'!B\\d+: chưa ghi tên đơn vị`));
      expect(isBlockingRemark(flags[0]!.message)).toBe(true);
    }
  });

  it('still drops a byte-identical copy of a nameless unit, as a copy', () => {
    expect(status('khong-ten-1.xlsx')).toBe('duplicate');
    expect(result.summary).toMatchObject({ files: 10, units: 9, duplicates: 1, identical: 1 });
  });

  it('reckons the 12-month rule for a level-2 rule set whose level cell is blank, as evaluate does', () => {
    // Its 3.4 (TTLĐXS) is not the level-1 units' (TTLĐTT or higher): left out of that column, and so is its TC3.
    expect(unit('muc-do-2-bo-trong.xlsx')!.record.flags.map((f) => f.code)).toEqual(['otherIndicators', 'otherCriteria', 'level2NoPrevious']);
    // The rule cited as the unit's own evaluation cites it.
    expect(unit('muc-do-2-bo-trong.xlsx')!.record.flags.find((f) => f.code === 'level2NoPrevious')!.message).toBe(
      'Đề nghị mức độ 2 nhưng không ghi ngày công nhận lần trước. Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8).',
    );
  });

  it('reckons the 12 months to the dossier deadline, and not for a unit renewing level 2, as evaluate does', () => {
    const codes = (file: string) => unit(file)!.record.flags.map((f) => f.code);
    // 10/01/2025 + 12 months = 10/01/2026: before the deadline 15/01/2026, though after the consolidation (28/12/2025).
    expect(codes('md2-kip-han.xlsx')).not.toContain('level2TooSoon');
    expect(codes('md2-gia-han.xlsx')).not.toContain('level2TooSoon');
    expect(unit('md2-som.xlsx')!.record.flags.find((f) => f.code === 'level2TooSoon')!.message).toBe(
      'Đề nghị mức độ 2 khi chưa đủ 12 tháng từ ngày công nhận lần trước (10/02/2025; đủ 12 tháng vào 10/02/2026, sau hạn nộp hồ sơ 15/01/2026 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 10)). Mức độ 2 chỉ được đề nghị sau 12 tháng kể từ quyết định công nhận mức độ 1 (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 8).',
    );
  });

  it('a level-2 request held (too soon, or no level-1 date): the unit’s held words agree with the recomputation, the remark says why', () => {
    for (const file of ['md2-som.xlsx', 'muc-do-2-bo-trong.xlsx']) {
      const u = unit(file)!.record;
      expect(u.recorded.outcome).toMatch(/^Đạt các tiêu chí, chỉ tiêu “Đơn vị học tập” cấp huyện mức độ 2 nhưng chưa đề nghị được mức độ 2: /);
      expect(u.flags.map((f) => f.code)).not.toContain('disagree');
      // The outcome column says what the indicators reach, as the unit's words begin; the remark keeps it out of the decision.
      expect(u.outcome).toMatchObject({ status: 'recognised', label: 'Đạt mức độ 2' });
    }
  });

  it('flags, naming file and cell, what evaluate warns of in the unit’s request and type, by the same checks', () => {
    const flags = unit('yeu-cau-khac.xlsx')!.record.flags;
    // A type off the list leaves its type-bound indicators (3.2b) undecided: its own remark says so, once (unitTypeRemarkOnce.test.ts).
    expect(flags.map((f) => f.code)).toEqual(['unitTypeUnknown', 'levelMismatch', 'tierMismatch']);
    const at = (text: string) => new RegExp(`^Tệp “ho-so/yeu-cau-khac\\.xlsx”, 'Thông tin đơn vị'!B\\d+: .*${text}`);
    expect(flags[0]!.message).toMatch(at('loại đơn vị “Trường quốc tế” không có trong danh sách'));
    expect(flags[1]!.message).toMatch(at('đơn vị đề nghị “Mức độ 2” nhưng bộ tiêu chí'));
    expect(flags[2]!.message).toMatch(at('gửi đơn vị tổng hợp “cấp trung ương”'));
  });

  it('keeps a unit with a level-2 flag out of the decision, whether the table cites the rule or was consolidated before it did', () => {
    const soon = unit('md2-som.xlsx')!.record.flags.find((f) => f.code === 'level2TooSoon')!.message;
    const none = unit('muc-do-2-bo-trong.xlsx')!.record.flags.find((f) => f.code === 'level2NoPrevious')!.message;
    expect(isBlockingRemark(soon)).toBe(true);
    expect(isBlockingRemark(none)).toBe(true);
    // As the version before wrote them into the table's remarks.
    expect(isBlockingRemark('Đề nghị mức độ 2 khi chưa đủ 12 tháng từ ngày công nhận lần trước (10/02/2025; đủ 12 tháng vào 10/02/2026, sau hạn nộp hồ sơ 15/01/2026).')).toBe(true);
    expect(isBlockingRemark('Đề nghị mức độ 2 nhưng không ghi ngày công nhận lần trước.')).toBe(true);
    expect(isBlockingRemark('Level 2 requested but no previous recognition date is given.')).toBe(true);
  });

  it('flags a previous recognition after the day of the consolidation, and reckons no 12- or 36-month rule from it', () => {
    // (Level 2 on a level-1 rule set is flagged too, as evaluate warns of it.)
    const flags = unit('ngay-tuong-lai.xlsx')!.record.flags.filter((f) => f.code !== 'levelMismatch');
    expect(flags).toEqual([{ code: 'badDate', message: 'Ngày công nhận lần trước (15/03/2027) muộn hơn ngày tổng hợp (28/12/2025): hãy hỏi đơn vị ngày đúng.' }]);
    // The 12-month rule cannot be checked: the unit stays out of the decision until the officer has.
    expect(isBlockingRemark(flags[0]!.message)).toBe(true);
  });

  it('flags a previous recognition date that is not a date, naming the file and its cell', () => {
    expect(unit('ngay-sai.xlsx')!.record.flags).toEqual([
      { code: 'badDate', message: expect.stringMatching(/^Tệp “ho-so\/ngay-sai\.xlsx”, 'Thông tin đơn vị'!B\d+: ngày công nhận lần trước “31\/02\/2024” không phải ngày \(dd\/mm\/yyyy\)\.$/) },
    ]);
  });
});
