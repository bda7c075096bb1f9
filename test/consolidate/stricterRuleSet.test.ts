/**
 * A body hands out a variant of a preset with a lower threshold; a unit still on the preset
 * (stricter: the same indicators, higher thresholds) that meets it and agrees with its data is
 * recomputed under the variant and not kept out of the decision. A unit whose rule set is looser
 * than the body's, or differs otherwise, still is.
 */
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { findPreset } from '../../src/domain/rules/presets';
import { sealRuleSet } from '../../src/usecases/handout';
import { isBlockingRemark } from '../../src/usecases/officerTable';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { edits, unitWorkbook, type UnitSpec } from './corpus';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' as const };
const AS_OF = new Date(2025, 11, 28);

const preset = findPreset('tt24-co-so-md1')!;
const variant = (code: string, threshold: number): RuleSet =>
  sealRuleSet({ ...preset, name: 'Bộ tiêu chí của xã', indicators: preset.indicators.map((i) => (i.code === code ? { ...i, threshold } : i)) });

async function consolidated(spec: Partial<UnitSpec>, body: RuleSet) {
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', ruleSet: body, asOf: AS_OF, lang: 'vi' });
  c.add(await readUnitFile(await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', ...spec }), 'u06-thcs.xlsx', { ...READ, reference: body }));
  return c.finish().units[0]!.record;
}

describe('a unit whose rule set is stricter than the body’s', () => {
  it('meets the body’s variant and agrees with its data: not kept out, its stricter rule set said', async () => {
    const u = await consolidated({}, variant('3.1', 0.85));
    expect(u.outcome.label).toBe('Đạt mức độ 1');
    expect(u.indicators.find((i) => i.code === '3.1')).toMatchObject({ status: 'met', required: 0.85 });
    expect(u.flags.map((f) => f.code)).toEqual(['ruleSetStricter']);
    expect(u.flags[0]!.message).toBe('Bộ tiêu chí của đơn vị chặt hơn bộ đối chiếu “Bộ tiêu chí của xã” (cùng chỉ tiêu, yêu cầu cao hơn), kết quả tính lại theo bộ đối chiếu: chỉ tiêu 3.1 yêu cầu 90% (bộ đối chiếu: 85%).');
    expect(u.flags.filter((f) => isBlockingRemark(f.message))).toEqual([]);
  });

  it('looser than the body’s (the unit lowered its threshold): still kept out', async () => {
    const u = await consolidated({ prepare: edits.threshold('3.1', 0.8) }, variant('3.1', 0.85));
    const flag = u.flags.find((f) => f.code === 'ruleSet');
    expect(flag?.message).toContain('chỉ tiêu 3.1 yêu cầu 80%');
    expect(isBlockingRemark(flag!.message)).toBe(true);
  });
});
