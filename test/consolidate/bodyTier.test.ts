/**
 * The consolidating body's tier (`dvht consolidate --tier`, the pane's “Cấp”) against what each
 * unit asks for: a dossier whose rule set is received by other tiers (a cấp tỉnh recognition at
 * a cấp xã body), or addressed by the unit to a body of another tier, is flagged. What evaluate
 * already warns of at the unit's cell (a tier its own rule set does not list) is not said twice;
 * without `--tier` nothing is checked against the body.
 */
import type { ConsolidationResult } from '../../src/usecases/consolidate';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';
import { isBlockingRemark } from '../../src/usecases/officerTable';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { SETTINGS } from '../../src/sheets/criteriaSheet';
import { evaluateWorkbook } from '../../src/usecases/evaluate';

jest.setTimeout(120_000);

const AS_OF = new Date(2025, 11, 28);

let files: { label: string; bytes: Uint8Array }[];
beforeAll(async () => {
  const specs: { file: string; name: string; presetId?: string; type?: string; tier: string | null }[] = [
    { file: 'tinh-gui-tinh.xlsx', name: 'Trường THPT A', presetId: 'tt24-tinh-md1', type: 'Trường THPT', tier: 'cấp tỉnh' },
    { file: 'tinh-bo-trong.xlsx', name: 'Trường THPT B', presetId: 'tt24-tinh-md2', type: 'Trường THPT', tier: null },
    { file: 'tinh-gui-xa.xlsx', name: 'Trường THPT C', presetId: 'tt24-tinh-md1', type: 'Trường THPT', tier: 'cấp xã' },
    { file: 'huyen-gui-tinh.xlsx', name: 'Trường THCS D', tier: 'cấp tỉnh' },
    { file: 'huyen-ubnd-cap-xa.xlsx', name: 'Trường THCS E', tier: 'UBND cấp xã' },
    { file: 'tt22-gui-huyen.xlsx', name: 'Trường tiểu học F', presetId: 'tt22-100', type: 'Trường tiểu học', tier: 'cấp huyện' },
  ];
  files = await Promise.all(
    specs.map(async (s, i) => ({
      label: `ho-so/${s.file}`,
      bytes: await unitWorkbook({ name: s.name, type: s.type ?? 'Trường THCS', presetId: s.presetId, members: 20, seed: i + 1, prepare: edits.unitField('receiverTier', s.tier) }),
    })),
  );
});

const tierFlags = (r: ConsolidationResult, file: string) =>
  r.units.find((u) => u.file === `ho-so/${file}`)!.record.flags.filter((f) => f.code === 'tierMismatch').map((f) => f.message);
const at = (file: string, text: string) => new RegExp(`^Tệp “ho-so/${file.replace(/\./g, '\\.')}”, 'Thông tin đơn vị'!B\\d+: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('the consolidating body’s tier against each unit’s request', () => {
  it('at a cấp xã body: flags cấp tỉnh dossiers, and a unit that addressed its dossier to another tier', async () => {
    const r = (await consolidatedInProcess(files, AS_OF, false, null, 'cấp xã')).result;
    const tinh = (level: number) =>
      `Hồ sơ đề nghị công nhận “Đơn vị học tập” cấp tỉnh mức độ ${level} (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều ${level === 1 ? 12 : 13}) do đơn vị tổng hợp cấp tỉnh nhận (bộ tiêu chí “TT24 · cấp tỉnh · mức độ ${level}”, mục “Cấp nhận hồ sơ”); đơn vị tổng hợp này là cấp xã: chuyển hồ sơ đến đúng cấp, hoặc hỏi lại đơn vị về bộ tiêu chí.`;
    // Whether the unit typed cấp tỉnh or nothing: its rule set says where it goes.
    expect(tierFlags(r, 'tinh-gui-tinh.xlsx')).toEqual([tinh(1)]);
    expect(tierFlags(r, 'tinh-bo-trong.xlsx')).toEqual([tinh(2)]);
    // Typed cấp xã on a cấp tỉnh rule set: evaluate's warning at its cell already says so, once.
    const own = tierFlags(r, 'tinh-gui-xa.xlsx');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/hồ sơ “Đơn vị học tập” cấp tỉnh mức độ 1 \(Thông tư số 24\/2023\/TT-BGDĐT ngày 11\/12\/2023, Điều 12\) gửi đơn vị tổng hợp “cấp xã”, nhưng bộ tiêu chí ghi cấp nhận hồ sơ là cấp tỉnh/);
    // A cấp huyện rule set may go to a cấp xã body, but this unit wrote it to a cấp tỉnh one.
    expect(tierFlags(r, 'huyen-gui-tinh.xlsx')).toEqual([
      expect.stringMatching(at('huyen-gui-tinh.xlsx', 'đơn vị ghi gửi hồ sơ cho đơn vị tổng hợp “cấp tỉnh”, nhưng đơn vị tổng hợp này là cấp xã: hỏi lại đơn vị hồ sơ có gửi đúng nơi không.')),
    ]);
    // “UBND cấp xã” is the tier cấp xã.
    expect(tierFlags(r, 'huyen-ubnd-cap-xa.xlsx')).toEqual([]);
    // TT22 names no receiving tier: only what the unit typed is checked.
    expect(tierFlags(r, 'tt22-gui-huyen.xlsx')).toEqual([expect.stringMatching(at('tt22-gui-huyen.xlsx', 'đơn vị ghi gửi hồ sơ cho đơn vị tổng hợp “cấp huyện”, nhưng đơn vị tổng hợp này là cấp xã: hỏi lại đơn vị hồ sơ có gửi đúng nơi không.'))]);
    // In the file report too, as a reason to review.
    expect(r.files.find((f) => f.file === 'ho-so/tinh-gui-tinh.xlsx')).toMatchObject({ status: 'flagged', reasons: expect.arrayContaining([tinh(1)]) });
    // A body cannot recognise what another tier recognises: kept out of its decision. A dossier
    // addressed elsewhere is the officer's to judge.
    expect(isBlockingRemark(tinh(1))).toBe(true);
    expect(isBlockingRemark(tierFlags(r, 'huyen-gui-tinh.xlsx')[0]!)).toBe(false);
  });

  it('at a cấp tỉnh body: the cấp tỉnh dossiers pass, units that wrote another tier are flagged', async () => {
    const r = (await consolidatedInProcess(files, AS_OF, false, null, 'Cấp tỉnh')).result;
    expect(tierFlags(r, 'tinh-gui-tinh.xlsx')).toEqual([]);
    expect(tierFlags(r, 'tinh-bo-trong.xlsx')).toEqual([]);
    expect(tierFlags(r, 'huyen-gui-tinh.xlsx')).toEqual([]);
    expect(tierFlags(r, 'huyen-ubnd-cap-xa.xlsx')).toEqual([
      expect.stringMatching(at('huyen-ubnd-cap-xa.xlsx', 'đơn vị ghi gửi hồ sơ cho đơn vị tổng hợp “UBND cấp xã”, nhưng đơn vị tổng hợp này là cấp tỉnh: hỏi lại đơn vị hồ sơ có gửi đúng nơi không.')),
    ]);
  });

  it('without --tier checks nothing against the body (evaluate’s own warning stays)', async () => {
    const r = (await consolidatedInProcess(files, AS_OF, false, null, '')).result;
    expect(files.map((f) => tierFlags(r, f.label.slice('ho-so/'.length)).length)).toEqual([0, 0, 1, 0, 0, 0]);
  });
});

describe('bodies typed by their names, by the units and by the officer', () => {
  let named: { label: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    const specs = [
      { file: 'tinh-so.xlsx', name: 'Trường THPT G', presetId: 'tt24-tinh-md1', type: 'Trường THPT', tier: 'Sở GD&ĐT' },
      { file: 'huyen-ubnd-xa.xlsx', name: 'Trường MN H', tier: 'UBND xã Hùng Tiến' },
      { file: 'huyen-thanh-pho.xlsx', name: 'Trường THCS I', tier: 'UBND thành phố Hà Nội' },
    ];
    named = await Promise.all(
      specs.map(async (s, i) => ({
        label: `ho-so/${s.file}`,
        bytes: await unitWorkbook({ name: s.name, type: s.type ?? 'Trường THCS', presetId: s.presetId, members: 20, seed: 40 + i, prepare: edits.unitField('receiverTier', s.tier) }),
      })),
    );
  });

  it('at “Sở Giáo dục và Đào tạo tỉnh Long An”: the Sở is the province tier, a commune’s UBND another tier, a city’s UBND no tier (the unit is told to write it)', async () => {
    const r = (await consolidatedInProcess(named, AS_OF, false, null, 'Sở Giáo dục và Đào tạo tỉnh Long An')).result;
    expect(tierFlags(r, 'tinh-so.xlsx')).toEqual([]);
    expect(tierFlags(r, 'huyen-ubnd-xa.xlsx')).toEqual([
      expect.stringMatching(
        at('huyen-ubnd-xa.xlsx', 'đơn vị ghi gửi hồ sơ cho đơn vị tổng hợp “UBND xã Hùng Tiến”, nhưng đơn vị tổng hợp này là cấp tỉnh: hỏi lại đơn vị hồ sơ có gửi đúng nơi không.'),
      ),
    ]);
    const city = tierFlags(r, 'huyen-thanh-pho.xlsx');
    expect(city).toHaveLength(1);
    expect(city[0]).toMatch(/“UBND thành phố Hà Nội” không cho biết đơn vị tổng hợp thuộc cấp nào .*Ghi cấp của đơn vị tổng hợp: “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\.$/);
  });

  it('at “UBND xã Hùng Tiến”: a cấp tỉnh dossier is flagged as another tier’s', async () => {
    const r = (await consolidatedInProcess(named, AS_OF, false, null, 'UBND xã Hùng Tiến')).result;
    expect(tierFlags(r, 'tinh-so.xlsx')).toEqual([expect.stringMatching(/^Hồ sơ đề nghị công nhận “Đơn vị học tập” cấp tỉnh mức độ 1 \(Thông tư số 24\/2023\/TT-BGDĐT ngày 11\/12\/2023, Điều 12\) do .*đơn vị tổng hợp này là cấp xã: chuyển hồ sơ đến đúng cấp/)]);
    expect(tierFlags(r, 'huyen-ubnd-xa.xlsx')).toEqual([]);
  });

  it('an officer whose --tier names no tier is told so before any file is read (exit 2), not each unit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-tier-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.xlsx'), named[0]!.bytes);
      const io = captureText();
      const out = path.join(dir, 'tong-hop.xlsx');
      expect(await run(['consolidate', path.join(dir, 'a.xlsx'), '-o', out, '--body', 'UBND thành phố Hà Nội', '--tier', 'UBND thành phố Hà Nội'], io)).toBe(2);
      expect(io.stderr).toMatch(/Cấp của đơn vị tổng hợp “UBND thành phố Hà Nội” không cho biết là cấp nào .*ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”/);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rule set whose own “Cấp nhận hồ sơ” names no tier', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await unitWorkbook({ name: 'Trường THCS K', members: 20, seed: 60, prepare: edits.all(edits.setting('receiverTiers', 'UBND thành phố Hà Nội'), edits.unitField('receiverTier', 'cấp xã')) });
  });

  it('is warned at the rule set’s cell on evaluating, with what was typed and what to write; the unit’s tier is not said to mismatch', async () => {
    const wb = await XlsxWorkbook.open(bytes, 'k.xlsx', NODE_XLSX);
    const row = (await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!.rows.findIndex((r) => r[1] === SETTINGS.receiverTiers) + 1;
    const result = await evaluateWorkbook(wb, { now: AS_OF, dryRun: true });
    if (!result.ok) throw new Error('must evaluate');
    const tiers = result.report.warnings.filter((w) => ['receiverTierUnknown', 'tierMismatch', 'tierUnknown'].includes(w.code));
    expect(tiers).toEqual([expect.objectContaining({ code: 'receiverTierUnknown', sheet: SHEETS.criteria, cell: `C${row}` })]);
    expect(row).toBeGreaterThan(0);
    expect(tiers[0]!.message).toMatch(/^'Tiêu chí'!C\d+: “UBND thành phố Hà Nội” trong mục “Cấp nhận hồ sơ” của bộ tiêu chí không cho biết là cấp nào .*Ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\.$/);
  });

  it('and is not compared at consolidation: the officer is told of the rule set’s cell, the dossier is not sent back as another tier’s', async () => {
    const r = (await consolidatedInProcess([{ label: 'ho-so/k.xlsx', bytes }], AS_OF, false, null, 'cấp xã')).result;
    const flags = tierFlags(r, 'k.xlsx');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatch(/^Tệp “ho-so\/k\.xlsx”, 'Tiêu chí'!C\d+: “UBND thành phố Hà Nội” trong mục “Cấp nhận hồ sơ” của bộ tiêu chí không cho biết là cấp nào/);
    expect(flags.some(isBlockingRemark)).toBe(false);
  });
});
