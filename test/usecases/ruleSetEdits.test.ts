/**
 * A unit whose "Tiêu chí" departs from the preset its workbook names (or from the rule set handed
 * out to it) is told so when it evaluates, change by change, in the words consolidation flags it
 * with: a requirement lowered, an indicator deleted or changed is recomputed by the receiving
 * body, so the dossier's “Đủ điều kiện” would not stand. A unit asking more of itself is not
 * warned; a rule set of its own (named as no preset, not handed out) has nothing to compare.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { evaluateWorkbook, type EvaluateResult } from '../../src/usecases/evaluate';
import { findPreset } from '../../src/domain/rules/presets';
import { sealRuleSet } from '../../src/usecases/handout';
import { SHEETS } from '../../src/sheets/names';
import { COL, SETTINGS } from '../../src/sheets/criteriaSheet';
import { formatMeasured, formatThreshold } from '../../src/i18n/format';
import { criteriaRow, edits, EVALUATED_AT, unitWorkbook, type UnitSpec } from '../consolidate/corpus';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { readUnitFile } from '../../src/usecases/consolidate/readUnit';
import { isBlockingRemark } from '../../src/usecases/officerTable';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import type * as ExcelJS from 'exceljs';

jest.setTimeout(60_000);

const TT24_ARTICLE_6 = 'Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6';

async function evaluated(spec: Partial<UnitSpec>, lang: 'vi' | 'en' = 'vi'): Promise<Extract<EvaluateResult, { ok: true }>> {
  const bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', evaluate: false, ...spec });
  const r = await evaluateWorkbook(await ExcelJsWorkbook.fromBuffer(bytes, 'don-vi.xlsx'), { now: EVALUATED_AT, lang, dryRun: true });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
}

const ruleSetWarnings = (r: Extract<EvaluateResult, { ok: true }>) => r.problems.filter((p) => p.code.startsWith('ruleSet'));

/** The row of an indicator in the rule set the corpus draws (the same for every unit of a preset). */
let rowOf: (code: string) => number;
/** Measured share of 3.1 (LĐTT) in the unit below, under the preset's own 90%. */
let ldtt: number;
/** The cell of “Mã bộ tiêu chí”, which names the preset or the rule set handed out. */
let idCell = '';
const LOW_LDTT: Partial<UnitSpec> = { rate: 0.8, seed: 3 };

beforeAll(async () => {
  const rows = new Map<string, number>();
  await unitWorkbook({
    name: 'x',
    evaluate: false,
    prepare: (wb: ExcelJS.Workbook) => {
      ['2.3', '2.4', '3.1', '3.2a'].forEach((c) => rows.set(c, criteriaRow(wb, c)));
      const ws = wb.getWorksheet(SHEETS.criteria)!;
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === SETTINGS.id) idCell = `C${r}`;
    },
  });
  rowOf = (code) => rows.get(code)!;
  const plain = await evaluated(LOW_LDTT);
  ldtt = plain.evaluation.indicators.find((i) => i.code === '3.1')!.value!;
});

describe('evaluate tells the unit where its rule set departs from its preset', () => {
  it('an untouched preset: nothing said', async () => {
    expect(ruleSetWarnings(await evaluated({}))).toEqual([]);
  });

  it('a requirement lowered below the circular’s: at its cell, the preset cited by its legal text, recomputed at consolidation', async () => {
    const r = await evaluated({ prepare: edits.threshold('2.4', 0.4) });
    const found = ruleSetWarnings(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', code: 'ruleSetEdited', sheet: SHEETS.criteria, cell: `E${rowOf('2.4')}` });
    // The change in consolidation's own words, then whose requirement it lowers and what happens to it.
    expect(found[0]!.message).toContain('chỉ tiêu 2.4 yêu cầu 40% (mẫu: 50%)');
    expect(found[0]!.message).toContain(`thấp hơn mức của mẫu “TT24 · cấp huyện · mức độ 1” (${TT24_ARTICLE_6})`);
    expect(found[0]!.message).toContain('khi tổng hợp, đơn vị nhận hồ sơ sẽ tính lại theo mẫu');
    // A warning, as any other: the outcome is reached, the report lists it.
    expect(r.report.warnings).toContainEqual({ sheet: SHEETS.criteria, cell: `E${rowOf('2.4')}`, message: found[0]!.message, code: 'ruleSetEdited' });
  });

  it('says when the lowered requirement makes an indicator “Đạt” that the preset would not', async () => {
    expect(ldtt).toBeLessThan(0.9);
    const lowered = Math.floor(ldtt * 100) / 100;
    const r = await evaluated({ ...LOW_LDTT, prepare: edits.threshold('3.1', lowered) });
    expect(r.evaluation.indicators.find((i) => i.code === '3.1')!.status).toBe('met');
    const [w] = ruleSetWarnings(r);
    expect(w!.message).toContain(`chỉ tiêu 3.1 yêu cầu ${formatThreshold(lowered)} (mẫu: 90%)`);
    expect(w!.message).toContain(`khi tổng hợp, đơn vị nhận hồ sơ sẽ tính lại theo mẫu, theo đó chỉ tiêu này Không đạt (3.1: ${formatMeasured({ value: ldtt, required: 0.9, status: 'not_met' })} < 90%)`);
  });

  it('an indicator deleted and a condition changed are said too, each at its own place', async () => {
    const r = await evaluated({
      prepare: edits.all(
        (wb) => wb.getWorksheet(SHEETS.criteria)!.getCell(rowOf('3.2a'), COL.condition).value = '[Danh hiệu CDHT] = có hoặc [Điểm CDHT] >= 50',
        (wb) => wb.getWorksheet(SHEETS.criteria)!.spliceRows(rowOf('2.3'), 1),
      ),
    });
    const found = ruleSetWarnings(r);
    expect(found.map((p) => p.code)).toEqual(['ruleSetEdited', 'ruleSetEdited']);
    expect(found[0]!.message).toContain('thiếu chỉ tiêu 2.3');
    expect(found[0]!.message).toContain(`mẫu “TT24 · cấp huyện · mức độ 1” (${TT24_ARTICLE_6})`);
    // The row went up by one with 2.3 gone.
    expect(found[1]).toMatchObject({ cell: `D${rowOf('3.2a') - 1}` });
    expect(found[1]!.message).toContain('chỉ tiêu 3.2a đổi điều kiện đạt');
  });

  it('a requirement raised (the unit asks more of itself) is no warning', async () => {
    expect(ruleSetWarnings(await evaluated({ prepare: edits.threshold('2.4', 0.6) }))).toEqual([]);
  });

  it('a requirement raised that fails what the preset passes: a mild note, nothing to mend', async () => {
    const plain = await evaluated(LOW_LDTT);
    const language = plain.evaluation.indicators.find((i) => i.code === '2.4')!;
    expect(language.status).toBe('met');
    const raised = Math.min(1, Math.ceil(language.value! * 100 + 1) / 100);
    const found = ruleSetWarnings(await evaluated({ ...LOW_LDTT, prepare: edits.threshold('2.4', raised) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', code: 'ruleSetStricter', cell: `E${rowOf('2.4')}` });
    expect(found[0]!.message).toContain(`chỉ tiêu 2.4 yêu cầu ${formatThreshold(raised)} (mẫu: 50%), cao hơn mức của mẫu`);
    expect(found[0]!.message).toContain('không phải sửa');
    expect(found[0]!.message).toContain('khi tổng hợp, kết quả được tính lại theo mẫu, theo đó chỉ tiêu này Đạt.');
  });

  it('a rule set named as no preset, and not handed out, is compared with nothing', async () => {
    expect(ruleSetWarnings(await evaluated({ prepare: edits.all(edits.setting('id', 'bo-rieng-cua-truong'), edits.threshold('2.4', 0.4)) }))).toEqual([]);
  });

  it('a handed-out rule set edited: said against the rule set handed out', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const found = ruleSetWarnings(await evaluated({ prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', 0.4)) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'ruleSetEdited', cell: `E${rowOf('2.4')}` });
    expect(found[0]!.message).toContain('chỉ tiêu 2.4 yêu cầu 40% (bộ được giao: 50%)');
    expect(found[0]!.message).toContain(`bộ tiêu chí “TT24 · cấp huyện · mức độ 1” do đơn vị tổng hợp giao (mã ${handedOut}; ${TT24_ARTICLE_6})`);
  });

  it('a handed-out rule set untouched: nothing said', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    expect(ruleSetWarnings(await evaluated({ prepare: edits.setting('id', handedOut) }))).toEqual([]);
  });

  it('a body’s own variant handed out, then edited by the unit: said as consolidation says it, at the rule set’s id', async () => {
    // The body lowered 2.4 before handing it out; the unit lowered it again.
    const variant = sealRuleSet({ ...findPreset('tt24-co-so-md1')!, indicators: findPreset('tt24-co-so-md1')!.indicators.map((i) => (i.code === '2.4' ? { ...i, threshold: 0.45 } : i)) }).id;
    const found = ruleSetWarnings(await evaluated({ prepare: edits.all(edits.setting('id', variant), edits.threshold('2.4', 0.4)) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'ruleSetHandoutEdited', sheet: SHEETS.criteria, cell: idCell });
    expect(found[0]!.message).toContain(`Bộ tiêu chí khác bộ “TT24 · cấp huyện · mức độ 1” do đơn vị tổng hợp giao (mã ${variant})`);
  });

  it('a handed-out preset whose requirement was only raised: not an edit to mend, said stricter than the preset where it fails what the preset passes', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    expect(ruleSetWarnings(await evaluated({ prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', 0.6)) }))).toEqual([]);
    const plain = await evaluated(LOW_LDTT);
    const language = plain.evaluation.indicators.find((i) => i.code === '2.4')!;
    const raised = Math.min(1, Math.ceil(language.value! * 100 + 1) / 100);
    const found = ruleSetWarnings(await evaluated({ ...LOW_LDTT, prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', raised)) }));
    expect(found.map((p) => p.code)).toEqual(['ruleSetStricter']);
    expect(found[0]).toMatchObject({ cell: `E${rowOf('2.4')}` });
    expect(found[0]!.message).toContain(`cao hơn mức của mẫu “TT24 · cấp huyện · mức độ 1” (${TT24_ARTICLE_6})`);
    expect(found[0]!.message).toContain('không phải sửa');
  });

  it('a figure of a condition raised (CDHT 80 → 85 points) asks more, as a raised requirement; lowered (→ 70) it is an edit', async () => {
    const cdht = (points: number) => (wb: ExcelJS.Workbook) => {
      const cell = wb.getWorksheet(SHEETS.criteria)!.getCell(rowOf('3.2a'), COL.condition);
      cell.value = String(cell.value).replace('>= 80', `>= ${points}`);
    };
    expect(ruleSetWarnings(await evaluated({ prepare: cdht(85) }))).toEqual([]);
    const lowered = ruleSetWarnings(await evaluated({ prepare: cdht(70) }));
    expect(lowered.map((p) => p.code)).toEqual(['ruleSetEdited']);
    expect(lowered[0]!.message).toContain('chỉ tiêu 3.2a đổi điều kiện đạt');
  });

  it('a condition rewritten only in its orthography (Chiến sĩ → Chiến sỹ, tone marks, NFD): nothing said, in a handed-out preset too', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const respell = (wb: ExcelJS.Workbook) => {
      const cell = wb.getWorksheet(SHEETS.criteria)!.getCell(rowOf('3.1'), COL.condition);
      cell.value = String(cell.value).replace(/Chiến sĩ/g, 'CHIẾN SỸ').replace('Lao động tiên tiến', 'Lao  động tiên tiến'.normalize('NFD'));
    };
    expect(ruleSetWarnings(await evaluated({ prepare: respell }))).toEqual([]);
    expect(ruleSetWarnings(await evaluated({ prepare: edits.all(edits.setting('id', handedOut), respell) }))).toEqual([]);
  });

  it('in English too', async () => {
    const [w] = ruleSetWarnings(await evaluated({ prepare: edits.threshold('2.4', 0.4) }, 'en'));
    expect(w!.message).toContain('indicator 2.4 requires 40% (preset: 50%)');
    expect(w!.message).toContain(`lower than the preset “TT24 · cấp huyện · mức độ 1” (${TT24_ARTICLE_6})`);
  });
});

describe('consolidation says the same of a rule set asking more of itself', () => {
  async function flagsOf(spec: Partial<UnitSpec>) {
    const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', ruleSet: null, asOf: new Date(2025, 11, 28), lang: 'vi' });
    c.add(await readUnitFile(await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', ...spec }), 'don-vi.xlsx', { inflate: nodeInflate, decode: nodeDecode, lang: 'vi' }));
    return c.finish().units[0]!.record.flags;
  }

  it('a handed-out preset whose requirement was only raised: “stricter”, not kept out', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const flags = await flagsOf({ prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', 0.6)) });
    expect(flags.map((f) => f.code)).toEqual(['ruleSetStricter']);
    expect(flags[0]!.message).toContain('chặt hơn mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi');
    expect(flags.filter((f) => isBlockingRemark(f.message))).toEqual([]);
  });

  it('a handed-out preset with a requirement lowered: still an edit that keeps the unit out', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const flags = await flagsOf({ prepare: edits.all(edits.setting('id', handedOut), edits.threshold('2.4', 0.6), edits.threshold('2.3', 0.8)) });
    expect(flags.map((f) => f.code)).toEqual(['ruleSetEdited']);
    expect(isBlockingRemark(flags[0]!.message)).toBe(true);
  });

  it('a condition’s figure raised, or its orthography changed in a handed-out preset: nothing to keep the unit out for', async () => {
    const handedOut = sealRuleSet(findPreset('tt24-co-so-md1')!).id;
    const condition = (code: string, edit: (s: string) => string) => (wb: ExcelJS.Workbook) => {
      const cell = wb.getWorksheet(SHEETS.criteria)!.getCell(criteriaRow(wb, code), COL.condition);
      cell.value = edit(String(cell.value));
    };
    const raised = await flagsOf({ prepare: condition('3.2a', (s) => s.replace('>= 80', '>= 85')) });
    expect(raised.map((f) => f.code)).toEqual(['ruleSetStricter']);
    expect(await flagsOf({ prepare: edits.all(edits.setting('id', handedOut), condition('3.1', (s) => s.replace(/Chiến sĩ/g, 'Chiến sỹ'))) })).toEqual([]);
  });
});
