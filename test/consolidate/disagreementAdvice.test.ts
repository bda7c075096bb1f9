/**
 * A self-assessment that disagrees with the unit's own data says, besides the cell, what the unit
 * is to do: once per unit, after its last disagreement; by the rules it was recomputed under when
 * those are not its workbook's. The officer's documents still keep the unit out, and the minutes
 * state the finding without the advice.
 */
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { readConsolidatedTable } from '../../src/usecases/officerTable';
import { findPreset } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { t, type Lang } from '../../src/i18n';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { edits, unitWorkbook, type UnitSpec } from './corpus';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' as const };
const RECOGNISED = 'Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1';

async function flagsOf(spec: Partial<UnitSpec>, reference: RuleSet | null = null) {
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', ruleSet: reference, asOf: new Date(2025, 11, 28), lang: 'vi' });
  const bytes = await unitWorkbook({ name: 'Trường THCS Chu Văn An', type: 'Trường THCS', members: 40, ...spec });
  c.add(await readUnitFile(bytes, 'chu-van-an.xlsx', { ...READ, reference }));
  return c.finish().units[0]!.record.flags;
}

it('a result typed over its formula: the last disagreement says to evaluate again and send the file again, once', async () => {
  const flags = await flagsOf({ rate: 0.8, seed: 6, edit: edits.all(edits.indicatorResult('2.1', 'Đạt'), edits.outcome(RECOGNISED)) });
  const said = flags.filter((f) => f.code === 'disagree').map((f) => f.message);
  expect(said).toHaveLength(2);
  expect(said[0]).toMatch(/^Chỉ tiêu 2\.1: tự đánh giá Đạt \('Tiêu chí'!O24\) nhưng số liệu \d+,\d% < 90%$/);
  expect(said[1]).toBe(
    `Kết quả tự đánh giá ghi “${RECOGNISED}” ('Thông tin đơn vị'!B20) nhưng tính lại: “Chưa đủ điều kiện công nhận”. Kết quả tự đánh giá nêu trên không phải kết quả tính từ số liệu của chính sổ (thường do ghi tay đè lên công thức): đề nghị đơn vị sửa số liệu nếu số liệu chưa đúng, đánh giá lại (bước “Đánh giá” của ĐVHT, hoặc lệnh dvht evaluate; ô kết quả được tính lại theo số liệu) rồi gửi lại tệp.`,
  );
});

it('recomputed under other rules than the workbook’s: the advice names the rule set to use', async () => {
  const flags = await flagsOf({ rate: 0.95, seed: 1, prepare: edits.threshold('2.3', 0.8) }, findPreset('tt24-co-so-md1')!);
  const said = flags.filter((f) => f.code === 'disagree').map((f) => f.message);
  expect(said.at(-1)).toMatch(
    /nhưng tính lại: “Chưa đủ điều kiện công nhận”\. Kết quả tính lại theo bộ tiêu chí “TT24 · cấp huyện · mức độ 1”, không theo bộ tiêu chí trong sổ của đơn vị: đề nghị đơn vị dùng bộ tiêu chí “TT24 · cấp huyện · mức độ 1” \(bước “Đổi bộ tiêu chí” của ĐVHT, hoặc lệnh dvht rule-set\), đánh giá lại rồi gửi lại tệp\.$/,
  );
  expect(said.slice(0, -1).every((m) => !m.includes('đề nghị đơn vị'))).toBe(true);
});

it('data changed after the evaluation: the stale remark says what to do, the disagreements add nothing', async () => {
  const flags = await flagsOf({ seed: 7, edit: edits.all(...[0, 2, 4, 6, 8, 10].map((i) => edits.member(i, 'discipline', 'Không'))) });
  expect(flags.map((f) => f.code)).toContain('stale');
  expect(flags.filter((f) => f.code === 'disagree').length).toBeGreaterThan(0);
  expect(flags.filter((f) => f.code === 'disagree').every((f) => !f.message.includes('đề nghị đơn vị'))).toBe(true);
});

describe.each(['vi', 'en'] as Lang[])('the officer’s documents read an advised remark (%s)', (lang) => {
  const params = { code: '2.1', recorded: 'Đạt', cell: "'Tiêu chí'!O24", value: '79,7%', op: '<', required: '90%', computed: 'Không đạt', ruleSet: 'TT24 · cấp huyện · mức độ 1' };
  it.each(['consolidate.flag.disagreeAdvice', 'consolidate.flag.disagreeAdviceRules'] as const)('%s: still keeps the unit out, stated as the finding alone', (advice) => {
    const remark = t(lang, 'consolidate.remark.file', { file: 'a.xlsx', message: t(lang, advice, { ...params, message: t(lang, 'consolidate.flag.indicatorShare', params) }) });
    const table = readConsolidatedTable({
      name: 'Tổng hợp đơn vị',
      rows: [
        ['STT', 'Tên đơn vị', 'Kết quả (tính lại)', 'Tệp', 'Ghi chú'],
        [1, 'Trường THCS Chu Văn An', t(lang, 'consolidate.outcome.recognised', { level: 'mức độ 1' }), 'a.xlsx', `• ${remark}`],
      ],
    });
    if (!table.ok) throw new Error(table.reason);
    expect(table.batch.units[0]).toMatchObject({ level: null, reasons: [t(lang, 'officer.finding.indicatorShare', params)] });
  });
});
