/**
 * The formulas the add-in writes, recalculated by an independent engine (LibreOffice),
 * must give the engine's figures: the workbook stays auditable without the add-in. Both
 * file writers are checked: ExcelJS (the preview) and the package writer (the CLI).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets, type UnitDetails } from '../../src/usecases/createSheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { evaluateWorkbook, type EvaluationReport } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { findPreset } from '../../src/domain/rules/presets';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { RESULT_TEXT, SHEETS, statusText } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { convert } from '../support/libreoffice';
import type { CellInput, CellValue } from '../../src/workbook/port';
import type { RuleSet } from '../../src/domain/rules/ruleSet';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

/** Sample members with the odd spellings real sheets hold. */
function messyMembers(): CellInput[][] {
  const rows = sampleUnit({ members: 60, seed: 11 }).members!;
  rows[0]![idx('discipline')] = 'x';
  rows[1]![idx('discipline')] = 'Co\u0301'; // NFD
  rows[2]![idx('discipline')] = '  đạt  ';
  rows[3]![idx('discipline')] = 'ok'; // ambiguous → warning, not met
  rows[4]![idx('mandatoryTraining')] = 1;
  rows[5]![idx('mandatoryTraining')] = true;
  rows[6]![idx('digital')] = '✓';
  rows[7]![idx('cdhtScore')] = '85'; // number stored as text
  rows[7]![idx('cdhtTitle')] = null;
  rows[8]![idx('cdhtScore')] = '85,5'; // ambiguous decimal → not met
  rows[8]![idx('cdhtTitle')] = null;
  rows[9]![idx('emulationTitle')] = 'lđtt';
  rows[10]![idx('counted')] = 'không';
  rows[11]![idx('counted')] = 'x';
  rows[12]![idx('emulationTitle')] = 'Lao \u0111o\u0323\u0302ng tie\u0302n tie\u0302\u0301n'; // NFD
  rows[13]![idx('language')] = 'KHÔNG';
  return rows;
}

type Writer = 'exceljs' | 'xlsx';

/** The evaluated workbook's bytes, formulas without cached results (LibreOffice then computes each). */
async function evaluatedWorkbook(
  writer: Writer,
  presetId: string,
  partial?: 'proportional',
  unit: Partial<UnitDetails> = {},
  edit: (rs: RuleSet) => RuleSet = (rs) => rs,
  answers: Record<string, string> = {},
): Promise<{ bytes: Uint8Array; report: EvaluationReport }> {
  const base = sampleUnit({ presetId, members: 60, seed: 11 });
  const ruleSet = edit(partial ? { ...base.ruleSet, partialScoring: partial } : base.ruleSet);
  const wb = writer === 'exceljs' ? ExcelJsWorkbook.create('lo.xlsx') : await XlsxWorkbook.create('lo.xlsx', NODE_XLSX);
  await createSheets(wb, { ...base, unit: { ...base.unit, ...unit }, ruleSet, members: messyMembers(), answers: { ...base.answers, ...answers } });
  const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const bytes = wb instanceof ExcelJsWorkbook ? await wb.toBuffer({ formulaResults: false }) : await withoutCachedResults(await wb.toBytes());
  return { bytes, report: result.report };
}

/** Drops the <v> after each <f> in every worksheet part. */
async function withoutCachedResults(bytes: Uint8Array): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(bytes, NODE_XLSX);
  for (const sheet of pkg.sheets) {
    const xml = (await pkg.text(sheet.path!))!;
    pkg.setPart(sheet.path!, xml.replace(/(<\/f>|<f[^>]*\/>)<v>[^<]*<\/v>/g, '$1'));
  }
  return pkg.toBytes(nodeDeflate);
}

async function recalculated(bytes: Uint8Array, locale?: string): Promise<ExcelJsWorkbook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-lo-'));
  const file = path.join(dir, 'in.xlsx');
  fs.writeFileSync(file, bytes);
  const out = await convert(file, 'xlsx', path.join(dir, 'out'), locale);
  return ExcelJsWorkbook.fromBuffer(fs.readFileSync(out), 'recalculated.xlsx');
}

async function sheetValues(wb: ExcelJsWorkbook, name: string) {
  const snap = await wb.batch((s) => s.read([name]));
  return snap.sheets.get(name)!.rows;
}

/** A multi-level school whose highest level is THPT: TT24 Điều 12's digital-transformation indicator applies. */
const MULTI_LEVEL: Partial<UnitDetails> = { type: 'Trường phổ thông nhiều cấp học', highestLevel: 'THPT' };
/** Applicability that a blank field leaves undecided: both engines say “Chưa đánh giá được”, never N/A. */
const PUBLIC_BLANK: Partial<UnitDetails> = { type: 'Trường THCS', isPublic: undefined };
const HIGHEST_BLANK: Partial<UnitDetails> = { type: 'Trường phổ thông nhiều cấp học', highestLevel: undefined };
/** A type off the unit's list (“Trường TH”): undecided as a blank one, never “Không áp dụng”. */
const TYPE_UNLISTED: Partial<UnitDetails> = { type: 'Trường TH' };

describe.each([
  ['exceljs' as const, 'tt24-co-so-md1', undefined, {}],
  ['exceljs' as const, 'tt24-tinh-md1', undefined, MULTI_LEVEL],
  ['exceljs' as const, 'tt22-100', undefined, {}],
  ['exceljs' as const, 'tt22-100', 'proportional' as const, {}],
  ['xlsx' as const, 'tt24-co-so-md1', undefined, {}],
  ['xlsx' as const, 'tt24-tinh-md1', undefined, MULTI_LEVEL],
  ['xlsx' as const, 'tt22-100', undefined, {}],
  ['xlsx' as const, 'tt22-100', 'proportional' as const, {}],
  ['xlsx' as const, 'tt24-co-so-md1', undefined, PUBLIC_BLANK],
  ['xlsx' as const, 'tt24-tinh-md1', undefined, HIGHEST_BLANK],
  ['xlsx' as const, 'tt24-co-so-md1', undefined, TYPE_UNLISTED],
])('LibreOffice recomputes what the engine computed (%s writer, %s %s %j)', (writer, presetId, partial, unit) => {
  let report: EvaluationReport;
  let lo: ExcelJsWorkbook;
  beforeAll(async () => {
    const made = await evaluatedWorkbook(writer, presetId, partial, unit);
    report = made.report;
    lo = await recalculated(made.bytes);
  }, 180_000);

  it('indicator figures and results agree', async () => {
    // H8 "ok" is read by every preset; N13 "85,5" only where the CDHT score counts.
    expect(report.warnings.map((w) => w.cell)).toEqual(expect.arrayContaining(presetId.startsWith('tt24') ? ['H8', 'N13'] : ['H8']));
    const rows = await sheetValues(lo, SHEETS.criteria);
    const byCode = new Map(rows.map((r) => [String(r[COL.code - 1] ?? ''), r]));
    for (const ind of report.indicators) {
      const r = byCode.get(ind.code)!;
      expect({ code: ind.code, status: r[COL.result - 1] }).toEqual({ code: ind.code, status: { met: 'Đạt', not_met: 'Không đạt', not_applicable: 'Không áp dụng', not_evaluable: 'Chưa đánh giá được' }[ind.status] });
      if (ind.denominator !== null) {
        expect({ code: ind.code, n: r[COL.numerator - 1], d: r[COL.denominator - 1] }).toEqual({ code: ind.code, n: ind.numerator, d: ind.denominator });
        expect(r[COL.value - 1]).toBeCloseTo(ind.value!, 12);
      }
      if (ind.points !== null) expect(r[COL.earned - 1]).toBeCloseTo(ind.points, 9);
    }
    // The nested applicability ("… hoặc (nhiều cấp học và cấp cao nhất THPT)") in both engines.
    if (unit === MULTI_LEVEL) {
      expect(report.indicators.find((i) => i.code === '3.4')!.status).toBe('met');
      expect(byCode.get('3.4')![COL.applicable - 1]).toBe(RESULT_TEXT.applies);
    }
    const undecided = new Map([[PUBLIC_BLANK, '1.3'], [HIGHEST_BLANK, '3.4'], [TYPE_UNLISTED, '3.2b']]).get(unit);
    if (undecided) {
      expect(report.indicators.find((i) => i.code === undecided)!.status).toBe('not_evaluable');
      expect(report.outcome.status).toBe('not_evaluable');
    }
    for (const cr of report.criteria) {
      const r = byCode.get(cr.code)!;
      expect({ code: cr.code, status: r[COL.result - 1] }).toEqual({ code: cr.code, status: { met: 'Đạt', not_met: 'Không đạt', not_applicable: 'Không áp dụng', not_evaluable: 'Chưa đánh giá được' }[cr.status] });
    }
  });

  it('per-member scores agree', async () => {
    const rows = await sheetValues(lo, SHEETS.members);
    const header = rows[3]!;
    const metCol = header.indexOf('Số chỉ tiêu đạt');
    expect(metCol).toBeGreaterThan(0);
    for (const m of report.members) {
      const r = rows[m.row - 1]!;
      expect({ row: m.row, met: r[metCol], applicable: r[metCol + 1] }).toEqual({ row: m.row, met: m.met, applicable: m.applicable });
      expect(r[metCol + 3]).toBe(m.reachesTarget ? 'Đạt' : 'Chưa đạt');
    }
  });

  it('the outcome and the counted members agree', async () => {
    const rows = await sheetValues(lo, SHEETS.unit);
    const find = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(find('Số thành viên được tính')).toBe(report.countedMembers);
    if (report.ruleSet.mode === 'score') {
      expect(find('Điểm (thang 100)')).toBeCloseTo(report.outcome.score!, 9);
      expect(find('Xếp loại')).toBe(report.outcome.rating);
      // The outcome line recalculates to exactly what the engine wrote (and the summary's conclusion with it).
      expect(find('Kết quả tự đánh giá')).toBe(report.outcome.text);
    } else {
      const expected = { recognised: `Đủ điều kiện công nhận ${findPreset(presetId)!.recognition}`, not_recognised: 'Chưa đủ điều kiện công nhận', not_evaluable: 'Chưa đánh giá được' }[report.outcome.status];
      expect(find('Kết quả tự đánh giá')).toBe(expected);
    }
  });
});

/** Every formula cell of `sheets` as cached in `bytes` (what the file shows until recalculated), and its address. */
async function formulaCells(bytes: Uint8Array, sheets: string[]): Promise<Map<string, CellValue>> {
  const wb = await ExcelJsWorkbook.fromBuffer(bytes, 'cached.xlsx');
  const snap = await wb.batch((s) => s.read(sheets, { formulas: sheets }));
  const out = new Map<string, CellValue>();
  for (const name of sheets) {
    const data = snap.sheets.get(name)!;
    for (const address of data.formulas ?? []) {
      const { row, col } = cellPosition(address);
      out.set(`${name}!${address}`, data.rows[row - 1]?.[col - 1] ?? null);
    }
  }
  return out;
}

function cellPosition(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { row: Number(m[2]), col: [...m[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) };
}

/** TT22 with a scored indicator bound to the type: its points are undecided when the type is off the list. */
const TT22_TYPED = (rs: RuleSet): RuleSet => ({ ...rs, indicators: rs.indicators.map((i) => (i.code === '2.1' ? { ...i, appliesTo: '[Loại đơn vị] thuộc {Trường THCS; Trường tiểu học}' } : i)) });

describe.each([
  ['a school', {}],
  ['a school whose type is off the list', TYPE_UNLISTED],
  ['an agency (3.2b, the learners’ share, does not apply)', { type: 'Cơ quan nhà nước' }],
  ['a school’s workbook, its learners kept, whose type is then an agency’s', {}, 'Cơ quan nhà nước'],
  ['TT22, a school whose type is off the list, a scored indicator bound to the type', TYPE_UNLISTED, undefined, 'tt22-100', TT22_TYPED],
  ['TT22, an agency, a scored indicator bound to the type', { type: 'Cơ quan nhà nước' }, undefined, 'tt22-100', TT22_TYPED],
])('the values cached with the formulas are what the formulas compute (%s)', (_, unit: Partial<UnitDetails>, typedLater?: string, presetId = 'tt24-co-so-md1', edit: (rs: RuleSet) => RuleSet = (rs) => rs) => {
  it('“Tiêu chí”, “Thông tin đơn vị” and “Tổng hợp”: each formula’s cached value is LibreOffice’s', async () => {
    const wb = await XlsxWorkbook.create('lo.xlsx', NODE_XLSX);
    const base = sampleUnit({ presetId, members: 60, seed: 11 });
    await createSheets(wb, { ...base, ruleSet: edit(base.ruleSet), unit: { ...base.unit, ...unit }, members: messyMembers() });
    if (typedLater) {
      await wb.batch(async (s) => {
        const rows = (await s.read([SHEETS.unit])).sheets.get(SHEETS.unit)!.rows;
        const row = rows.findIndex((r) => r[0] === 'Loại đơn vị') + 1;
        s.write({ sheet: SHEETS.unit, mode: 'existing', cells: [{ at: `B${row}`, rows: [[typedLater]] }] });
      });
    }
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { count, differ } = await cachedAgainstComputed(await wb.toBytes());
    expect(count).toBeGreaterThan(50);
    expect(differ).toEqual([]);
  }, 180_000);
});

/** Each formula cell of “Tiêu chí”, “Thông tin đơn vị” and “Tổng hợp” whose cached value is not what LibreOffice computes. */
async function cachedAgainstComputed(bytes: Uint8Array): Promise<{ count: number; differ: { key: string; cached: CellValue; computed: CellValue | undefined }[] }> {
  const sheets = [SHEETS.criteria, SHEETS.unit, SHEETS.summary];
  const cached = await formulaCells(bytes, sheets);
  const lo = await recalculated(await withoutCachedResults(bytes));
  const computed = new Map<string, CellValue>();
  for (const name of sheets) {
    const rows = await sheetValues(lo, name);
    for (const key of cached.keys()) {
      if (!key.startsWith(`${name}!`)) continue;
      const { row, col } = cellPosition(key.slice(name.length + 1));
      computed.set(key, rows[row - 1]?.[col - 1] ?? null);
    }
  }
  const shown = (v: CellValue) => (v === null || v === '' ? '' : typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);
  const differ = [...cached].filter(([key, v]) => shown(v) !== shown(computed.get(key) ?? null)).map(([key, v]) => ({ key, cached: v, computed: computed.get(key) }));
  return { count: cached.size, differ };
}

describe('a level-2 request made too early: the held outcome is in the formula, which LibreOffice recomputes to the engine’s words', () => {
  it.each([
    ['too soon', new Date(2025, 1, 10), 'level2TooSoon'],
    ['no level-1 date', null, 'level2NoPrevious'],
  ])('%s', async (_, previousDate, hold) => {
    const wb = await XlsxWorkbook.create('lo.xlsx', NODE_XLSX);
    const base = sampleUnit({ presetId: 'tt24-co-so-md2', members: 12, rate: 1 });
    await createSheets(wb, { ...base, unit: { ...base.unit, level: 'Mức độ 2', previousDate, previousLevel: previousDate ? 'Mức độ 1' : '' } });
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.report.outcome.hold).toBe(hold);
    const bytes = await wb.toBytes();
    const { differ } = await cachedAgainstComputed(bytes);
    expect(differ).toEqual([]);
    const rows = await sheetValues(await recalculated(await withoutCachedResults(bytes)), SHEETS.unit);
    expect(rows.find((r) => r[0] === 'Kết quả tự đánh giá')?.[1]).toBe(result.report.outcome.text);
  }, 180_000);
});

describe.each(['tt24-co-so-md1', 'tt22-100'])('%s: a unit fact that applies to the unit answered “Không áp dụng” (typed loosely)', (presetId) => {
  it('is not evaluable in both engines, and so is the outcome: it leaves nothing out', async () => {
    const fact = presetId === 'tt22-100' ? '3.2' : '1.5';
    const made = await evaluatedWorkbook('exceljs', presetId, undefined, {}, undefined, { [fact]: ' không áp dụng' });
    expect(made.report.indicators.find((i) => i.code === fact)!.status).toBe('not_evaluable');
    expect(made.report.outcome.status).toBe('not_evaluable');
    const lo = await recalculated(made.bytes);
    const row = (await sheetValues(lo, SHEETS.criteria)).find((r) => r[COL.code - 1] === fact)!;
    expect(row[COL.result - 1]).toBe(RESULT_TEXT.not_evaluable);
    const unitRows = await sheetValues(lo, SHEETS.unit);
    expect(unitRows.find((r) => r[0] === 'Kết quả tự đánh giá')?.[1]).toBe(made.report.outcome.text);
  }, 180_000);
});

describe('requirements typed out of range after evaluating: the sheet passes nothing the engine refuses', () => {
  it('150% stored as 1.5, 5, −10% and 150 leave their indicators not evaluable; a personal target of 5 falls back as the engine does', async () => {
    const made = await evaluatedWorkbook('exceljs', 'tt24-co-so-md1');
    const edited = await ExcelJsWorkbook.fromBuffer(made.bytes, 'edited.xlsx');
    const ws = edited.workbook.getWorksheet(SHEETS.criteria)!;
    const rowOf = (label: string, col: number) => {
      let found = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(col).value === label) found = r;
      });
      return found;
    };
    const typed: Record<string, number> = { '2.1': 1.5, '2.2': 5, '2.3': -0.1, '2.4': 150 };
    for (const [code, value] of Object.entries(typed)) ws.getCell(rowOf(code, COL.code), COL.threshold).value = value;
    ws.getCell(rowOf('Mục tiêu cá nhân (tỷ lệ chỉ tiêu đạt)', 2), 3).value = 5;
    const bytes = await edited.toBuffer({ formulaResults: false });

    const engine = await evaluateWorkbook(await ExcelJsWorkbook.fromBuffer(bytes, 'again.xlsx'), { dryRun: true });
    expect(engine.ok).toBe(false);
    expect(engine.found.filter((p) => p.code === 'invalidThreshold').map((p) => p.params.indicator)).toEqual(Object.keys(typed));

    const lo = await recalculated(bytes);
    const rows = await sheetValues(lo, SHEETS.criteria);
    const byCode = new Map(rows.map((r) => [String(r[COL.code - 1] ?? ''), r]));
    for (const code of Object.keys(typed)) expect({ code, result: byCode.get(code)![COL.result - 1] }).toEqual({ code, result: RESULT_TEXT.not_evaluable });
    expect(byCode.get('2')![COL.result - 1]).not.toBe(RESULT_TEXT.met);
    const unit = await sheetValues(lo, SHEETS.unit);
    expect(unit.find((r) => r[0] === 'Kết quả tự đánh giá')![1]).not.toMatch(/^Đủ điều kiện/);
    const lists = await sheetValues(lo, SHEETS.lists);
    expect(lists[0]![5]).toBe(0.9);
  }, 180_000);
});

describe('TT22: the band is decided by the score itself, in both engines and in a Vietnamese-locale spreadsheet', () => {
  it.each(['exceljs' as const, 'xlsx' as const])('a band between the score and its 2-decimal rounding is not reached; the outcome line reads as the engine wrote it (%s writer)', async (writer) => {
    // The proportional sample's points; 3.2 (a unit fact, met) gets the points that put the score just below a hundredth.
    const first = (await evaluatedWorkbook(writer, 'tt22-100', 'proportional')).report;
    const preset = findPreset('tt22-100')!;
    const others = first.indicators.filter((i) => i.status !== 'not_applicable' && i.code !== '3.2');
    const earned = others.reduce((a, i) => a + i.points!, 0);
    const max = others.reduce((a, i) => a + preset.indicators.find((x) => x.code === i.code)!.points!, 0);
    const scoreWith = (p: number) => ((earned + p) * 100) / (max + p);
    // The case at stake: rounded to 2 decimals the score reaches the next hundredth, the score itself does not.
    const points = [...Array(20).keys()].map((p) => p + 1).find((p) => Math.round(scoreWith(p) * 100) / 100 - scoreWith(p) > 1e-6)!;
    const score = scoreWith(points);
    const band = Math.round(score * 100) / 100;
    const shown = Math.floor(score * 100) / 100;
    expect(score).toBeLessThan(band);
    const edit = (rs: RuleSet): RuleSet => ({
      ...rs,
      bands: [{ label: 'Tốt', min: band }, { label: 'Khá', min: 70 }, { label: 'Trung bình', min: 50 }],
      indicators: rs.indicators.map((i) => (i.code === '3.2' ? { ...i, points } : i)),
    });

    const made = await evaluatedWorkbook(writer, 'tt22-100', 'proportional', {}, edit);
    expect(made.report.outcome).toMatchObject({ score: shown, rating: 'Khá' });
    // The Vietnamese decimal comma, as a document prints it.
    expect(made.report.outcome.text).toBe(`${String(shown).replace('.', ',')} điểm — xếp loại Khá`);
    for (const locale of ['C.UTF-8', 'vi_VN.UTF-8']) {
      const rows = await sheetValues(await recalculated(made.bytes, locale), SHEETS.unit);
      const find = (label: string) => rows.find((r) => r[0] === label)?.[1];
      expect({ locale, score: find('Điểm (thang 100)'), rating: find('Xếp loại'), outcome: find('Kết quả tự đánh giá') }).toEqual({
        locale,
        score: shown,
        rating: 'Khá',
        // A Vietnamese spreadsheet writes B21&"" with a decimal comma: the line is built to read as the engine wrote it.
        outcome: made.report.outcome.text,
      });
    }
  }, 300_000);
});

describe('TT22 with no scored indicator applying: the sheet and the engine both say no score can be computed', () => {
  // Every indicator for vocational institutions only; the sample unit is a THCS.
  const vocationalOnly = (rs: RuleSet): RuleSet => ({ ...rs, indicators: rs.indicators.map((i) => ({ ...i, appliesTo: '[Loại đơn vị] thuộc {Cơ sở giáo dục nghề nghiệp}' })) });

  it.each(['exceljs' as const, 'xlsx' as const])('a text in the score cell, no rating, the outcome line as the engine wrote it, never #DIV/0! or 0 “Chưa đạt” (%s writer)', async (writer) => {
    const made = await evaluatedWorkbook(writer, 'tt22-100', undefined, {}, vocationalOnly);
    expect(made.report.outcome).toEqual({ status: 'not_evaluable', text: 'Không tính được điểm: không có chỉ tiêu chấm điểm nào áp dụng', score: null, rating: null });
    // Said at the rule set's “Cách đánh giá” cell, with what to check.
    const said = made.report.warnings.filter((w) => w.code === 'noScoredIndicator');
    expect(said).toEqual([expect.objectContaining({ sheet: SHEETS.criteria, cell: 'C6', message: expect.stringMatching(/không tính được điểm.*Kiểm tra loại đơn vị/) })]);
    const lo = await recalculated(made.bytes);
    const rows = await sheetValues(lo, SHEETS.unit);
    const find = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect({ score: find('Điểm (thang 100)'), rating: find('Xếp loại') ?? '', outcome: find('Kết quả tự đánh giá') }).toEqual({
      score: RESULT_TEXT.unscored,
      rating: '',
      outcome: made.report.outcome.text,
    });
  }, 180_000);
});

describe('members and learners lists with their totals and signatures under them', () => {
  it('is counted alike by the engine and by the sheet’s formulas: the signers are not members, the learners’ total no class', async () => {
    const wb = await XlsxWorkbook.create('lo.xlsx', NODE_XLSX);
    const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 60, seed: 11 });
    await createSheets(wb, { ...base, members: messyMembers() });
    const name = MEMBER_FIELDS.findIndex((f) => f.key === 'name');
    const under = (cells: Record<number, string>): CellInput[] => Array.from({ length: 12 }, (_, i) => cells[i] ?? null);
    // The list ends on row 64: a total in A, then the signatures and the signers' names in B and L.
    await wb.batch(async (s) => {
      s.write({ sheet: SHEETS.members, mode: 'existing', cells: [{ at: 'A66', rows: [under({ 0: 'Tổng số: 60 người' }), [], under({ [name]: 'Người lập biểu', 11: 'HIỆU TRƯỞNG' }), [], [], under({ [name]: 'Trần Văn Bình', 11: 'Nguyễn Thị Lan' })] }] });
      // The learners' classes end on row 16: their total right under them.
      const learners = (await s.read([SHEETS.learners])).sheets.get(SHEETS.learners)!.rows;
      const last = learners.length;
      const sum = (c: number) => learners.slice(4).reduce((n, r) => n + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
      s.write({ sheet: SHEETS.learners, mode: 'existing', cells: [{ at: `B${last + 1}`, rows: [['Tổng cộng', sum(2), sum(3)]] }] });
    });
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.report.members.map((m) => m.row).at(-1)).toBe(64);
    const lo = await recalculated(await withoutCachedResults(await wb.toBytes()));
    const rows = await sheetValues(lo, SHEETS.criteria);
    const byCode = new Map(rows.map((r) => [String(r[COL.code - 1] ?? ''), r]));
    const shares = result.report.indicators.filter((i) => i.denominator !== null);
    // The members' shares and the learners' one (3.2b).
    expect(shares.map((i) => i.code)).toEqual(expect.arrayContaining(['2.1', '3.2b']));
    expect(shares.map((i) => [i.code, byCode.get(i.code)![COL.numerator - 1], byCode.get(i.code)![COL.denominator - 1]])).toEqual(shares.map((i) => [i.code, i.numerator, i.denominator]));
  }, 180_000);
});

describe('learners listed by grade, each grade with its subtotal', () => {
  it('is summed alike by the engine and by the sheet’s formulas: each class once, no subtotal, no grade heading’s figures, no total', async () => {
    const wb = await XlsxWorkbook.create('lo.xlsx', NODE_XLSX);
    const learners = [[1, '6A', 40, 39], [2, '6B', 38, 37], [null, 'Cộng khối 6', 78, 76], [3, '7A', 41, 38], [4, '7B', 39, 36], ['Khối 7 cộng', null, 80, 74], [null, 'Khối 8', 35, 35], [5, '8A', 35, 35], [null, 'Tổng cộng', 193, 185]];
    await createSheets(wb, { ...sampleUnit({ presetId: 'tt24-co-so-md1', members: 60, seed: 11 }), learners });
    const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const engine = result.report.indicators.find((i) => i.code === '3.2b')!;
    expect([engine.numerator, engine.denominator]).toEqual([185, 193]);
    const rows = await sheetValues(await recalculated(await withoutCachedResults(await wb.toBytes())), SHEETS.criteria);
    const sheet = rows.find((r) => r[COL.code - 1] === '3.2b')!;
    expect([sheet[COL.numerator - 1], sheet[COL.denominator - 1], sheet[COL.result - 1]]).toEqual([185, 193, statusText(engine.status)]);
  }, 180_000);
});
