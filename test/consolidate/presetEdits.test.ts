/**
 * Without a reference rule set (no --rule-set), each unit is compared with the preset its
 * own workbook names ("Mã bộ tiêu chí"): an indicator deleted, added or edited (requirement,
 * condition, applicability, points, how it is measured) is flagged; an untouched unit is not.
 * With a reference rule set, that comparison replaces this one. Either way the unit's results
 * are recomputed under the reference (referenceRecompute.test.ts), its edits only named.
 */
import * as ExcelJS from 'exceljs';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { findPreset } from '../../src/domain/rules/presets';
import { sealRuleSet } from '../../src/usecases/handout';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { criteriaRow, edits, unitWorkbook, type UnitSpec } from './corpus';

jest.setTimeout(60_000);

const AS_OF = new Date(2025, 11, 28);

async function flagsOf(spec: Partial<UnitSpec>, ruleSet: string | null = null, lang: 'vi' | 'en' = 'vi') {
  const bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', ...spec });
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', ruleSet: ruleSet ? findPreset(ruleSet)! : null, asOf: AS_OF, lang });
  c.add(await readUnitFile(bytes, 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang }));
  return c.finish().units[0]!.record.flags;
}

/** The rule-set comparison's flags (a level-2 unit has others: no date of its level-1 recognition …). */
const ruleSetFlag = (f: { code: string }) => f.code === 'ruleSet' || f.code === 'ruleSetEdited';

const deleteRow = (code: string) => (wb: ExcelJS.Workbook) => wb.getWorksheet(SHEETS.criteria)!.spliceRows(criteriaRow(wb, code), 1);
const setCell = (code: string, col: number, value: string | number) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(SHEETS.criteria)!.getCell(criteriaRow(wb, code), col).value = value;
};

/** What the remark tells the unit to do after its rule set's edits. */
const advice = (ruleSet: string) => ` ở trang “Tiêu chí”. Đề nghị đơn vị dùng bộ tiêu chí “${ruleSet}” (bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set), đánh giá lại rồi gửi lại tệp.`;

describe('consolidation without a reference rule set', () => {
  it('an untouched unit is not flagged', async () => {
    expect(await flagsOf({})).toEqual([]);
  });

  it('flags a requirement lowered by the unit, against the preset its workbook names', async () => {
    expect(await flagsOf({ prepare: edits.threshold('2.4', 0.4) })).toEqual([
      { code: 'ruleSetEdited', message: 'Bộ tiêu chí đã sửa so với mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi: chỉ tiêu 2.4 yêu cầu 40% (mẫu: 50%)' + advice('TT24 · cấp huyện · mức độ 1') },
    ]);
  });

  it('flags a deleted indicator, an added one and an edited condition', async () => {
    const flags = await flagsOf({
      prepare: edits.all(deleteRow('2.3'), setCell('2.1', COL.condition, '[Cam kết học tập suốt đời] = có'), (wb) => {
        const ws = wb.getWorksheet(SHEETS.criteria)!;
        const r = criteriaRow(wb, '2.4') + 1;
        ws.insertRow(r, ['2.5', 'Chỉ tiêu riêng của đơn vị', 'Thành viên', '[Tham gia chuyển đổi số] = có', 0.5, null, 'Tất cả', '[L]']);
      }),
    });
    expect(flags.map((f) => f.code)).toEqual(['ruleSetEdited']);
    expect(flags[0]!.message).toBe('Bộ tiêu chí đã sửa so với mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi: chỉ tiêu 2.1 đổi điều kiện đạt; thiếu chỉ tiêu 2.3; thêm chỉ tiêu 2.5' + advice('TT24 · cấp huyện · mức độ 1'));
  });

  it('flags an edited applicability and scored points (TT22)', async () => {
    const flags = await flagsOf({ presetId: 'tt22-100', type: 'Trường tiểu học', prepare: edits.all(setCell('2.1', COL.points, 20), setCell('2.2', COL.appliesTo, '[Loại đơn vị] thuộc {Trường THPT}')) });
    // Recomputed under the preset, 2.2 applies to a primary school: the unit's “Không áp dụng” disagrees with it,
    // whose remark says what to do (take the preset), so the rule set's remark does not say it again.
    expect(flags.map((f) => f.message)).toEqual([
      "Chỉ tiêu 2.2: tự đánh giá Không áp dụng ('Tiêu chí'!O23) nhưng số liệu 100,0% ≥ 100%. Kết quả tính lại theo bộ tiêu chí “TT22/2020 · 100 điểm”, không theo bộ tiêu chí trong sổ của đơn vị: đề nghị đơn vị dùng bộ tiêu chí “TT22/2020 · 100 điểm” (bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set), đánh giá lại rồi gửi lại tệp.",
      'Bộ tiêu chí đã sửa so với mẫu “TT22/2020 · 100 điểm” (Thông tư số 22/2020/TT-BGDĐT ngày 06/8/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, xếp loại “Đơn vị học tập”) mà sổ ghi: chỉ tiêu 2.1 đổi điểm 10 → 20; chỉ tiêu 2.2 đổi phạm vi áp dụng',
    ]);
  });

  // A unit that meets the preset anyway is still kept out for its edits: the remark says what it is to do.
  it('tells the unit what to do: use the preset, evaluate again, send the file again', async () => {
    const advice = ' Đề nghị đơn vị dùng bộ tiêu chí “TT24 · cấp huyện · mức độ 1” (bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set), đánh giá lại rồi gửi lại tệp.';
    expect((await flagsOf({ prepare: edits.threshold('2.4', 0.4) })).map((f) => f.message)).toEqual([
      `Bộ tiêu chí đã sửa so với mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi: chỉ tiêu 2.4 yêu cầu 40% (mẫu: 50%) ở trang “Tiêu chí”.${advice}`,
    ]);
    expect((await flagsOf({ prepare: edits.threshold('2.4', 0.4) }, 'tt24-co-so-md1')).map((f) => f.message)).toEqual([
      `Bộ tiêu chí khác bộ đối chiếu “TT24 · cấp huyện · mức độ 1”: chỉ tiêu 2.4 yêu cầu 40% (bộ đối chiếu: 50%) ở trang “Tiêu chí”.${advice}`,
    ]);
    expect((await flagsOf({ prepare: edits.threshold('2.4', 0.4) }, null, 'en'))[0]!.message).toMatch(
      /\(preset: 50%\) on the “Tiêu chí” sheet\. Ask the unit to use the rule set “TT24 · cấp huyện · mức độ 1” \(ĐVHT’s “Switch the rule set”, or dvht rule-set\), evaluate again and send the file again\.$/,
    );
  });

  it('says it in English too', async () => {
    const flags = await flagsOf({ prepare: edits.threshold('2.4', 0.4) }, null, 'en');
    expect(flags[0]!.message).toBe('Criteria edited from the preset “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) the workbook names: indicator 2.4 requires 40% (preset: 50%) on the “Tiêu chí” sheet. Ask the unit to use the rule set “TT24 · cấp huyện · mức độ 1” (ĐVHT’s “Switch the rule set”, or dvht rule-set), evaluate again and send the file again.');
  });

  it('a rule set the workbook does not name as a preset is not compared', async () => {
    expect(await flagsOf({ prepare: edits.all(edits.setting('id', 'bo-rieng-cua-truong'), edits.threshold('2.4', 0.4)) })).toEqual([]);
  });

  // What to ask the unit to mend: the officer handed out a preset as it is, so its edits can be named.
  it('names what was edited in a handed-out preset, as it does for a preset', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const flags = await flagsOf({ prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', 0.4)) });
    expect(flags).toEqual([
      { code: 'ruleSetEdited', message: `Bộ tiêu chí khác bộ “TT24 · cấp huyện · mức độ 1” do đơn vị tổng hợp giao (mã ${handedOut}): chỉ tiêu 2.4 yêu cầu 40% (bộ được giao: 50%)${advice('TT24 · cấp huyện · mức độ 1')}` },
    ]);
  });

  it('with a reference rule set, only that comparison is made', async () => {
    const flags = await flagsOf({ prepare: edits.threshold('2.4', 0.4) }, 'tt24-co-so-md1');
    expect(flags).toEqual([{ code: 'ruleSet', message: 'Bộ tiêu chí khác bộ đối chiếu “TT24 · cấp huyện · mức độ 1”: chỉ tiêu 2.4 yêu cầu 40% (bộ đối chiếu: 50%)' + advice('TT24 · cấp huyện · mức độ 1') }]);
  });

  // The body's reference sets the thresholds of its own level: a commune takes level-1 and level-2 dossiers in one batch.
  it('a unit on the untouched preset of another level than the reference is not flagged', async () => {
    const flags = await flagsOf({ presetId: 'tt24-co-so-md2' }, 'tt24-co-so-md1');
    expect(flags.filter(ruleSetFlag)).toEqual([]);
  });

  it('a unit of another level than the reference is compared with the preset its workbook names', async () => {
    const flags = await flagsOf({ presetId: 'tt24-co-so-md2', prepare: edits.threshold('2.4', 0.4) }, 'tt24-co-so-md1');
    expect(flags.filter(ruleSetFlag)).toEqual([
      { code: 'ruleSetEdited', message: 'Bộ tiêu chí đã sửa so với mẫu “TT24 · cấp huyện · mức độ 2” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 7) mà sổ ghi: chỉ tiêu 2.4 yêu cầu 40% (mẫu: 50%)' + advice('TT24 · cấp huyện · mức độ 2') },
    ]);
  });
});
