/**
 * `dvht rule-set`: a unit's workbook switched to another rule set on real files (a preset, a
 * handed-out .json or starting workbook): answers kept by indicator code, what has no place
 * said, the level requested following the set, the last evaluation's results cleared, the
 * user's sheets untouched byte for byte, a protected workbook refused; evaluating afterwards
 * uses the new thresholds.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { findPreset } from '../../src/domain/rules/presets';
import { handoutFile, sealRuleSet } from '../../src/usecases/handout';
import { readCriteriaSheet, COL } from '../../src/sheets/criteriaSheet';
import { readUnitSheet } from '../../src/sheets/unitSheet';
import { SHEETS } from '../../src/sheets/names';
import { sheetParts as parts, unmarkSheet } from '../support/sheetParts';
import { protectWithOpenpyxl } from '../support/openpyxlProtect';

jest.setTimeout(90_000);

function capture(): Io & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), text: () => [...stdout, ...stderr].join('\n') };
}

let dir: string;
/** Level 1 at district level, evaluated, beside the unit's own "Tổng hợp" and "Ghi chú" (ours took "Tổng hợp (ĐVHT)"). */
let evaluated: string;
/** The level-2 set a district hands out after the units started, without indicator 1.5. */
let handedOut: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-rule-set-'));
  evaluated = path.join(dir, 'truong.xlsx');
  expect(await run(['init', '-o', evaluated, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--year', '2025', '--sample', '--members', '30'], capture())).toBe(0);
  execFileSync('/usr/bin/python3', [
    '-c',
    "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.create_sheet('Tổng hợp'); ws['A1'] = 'Bảng tổng hợp của trường'; wb.create_sheet('Ghi chú')['A1'] = 'Sổ của trường'; t = wb['Tiêu chí']; [t.cell(r, 10).__setattr__('value', 'MC-' + str(t.cell(r, 1).value)) for r in range(1, t.max_row + 1) if str(t.cell(r, 1).value or '') in ('1.4', '1.5', '2.1')]; wb.save(sys.argv[1])",
    evaluated,
  ]);
  expect(await run(['evaluate', evaluated], capture())).toBe(0);
  const md2 = findPreset('tt24-co-so-md2')!;
  handedOut = path.join(dir, 'bo-tieu-chi.json');
  fs.writeFileSync(handedOut, handoutFile(sealRuleSet({ ...md2, indicators: md2.indicators.filter((i) => i.code !== '1.5') })));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function copy(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(evaluated, file);
  return file;
}

async function open(file: string) {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  return wb.batch(async (s) => (await s.read([SHEETS.unit, SHEETS.criteria, SHEETS.members, 'Tổng hợp (ĐVHT)'])).sheets);
}

/** Column I and J of each indicator row, by code. */
function answers(criteria: import('../../src/workbook/port').SheetData): Record<string, [unknown, unknown]> {
  const parsed = readCriteriaSheet(criteria);
  return Object.fromEntries(parsed.rows.filter((r) => r.indicator).map((r) => [r.code, [criteria.rows[r.row - 1]![COL.answer - 1] ?? null, criteria.rows[r.row - 1]![COL.evidence - 1] ?? null]]));
}

describe('dvht rule-set to the rule set the workbook already holds', () => {
  it('unchanged: nothing written, the evaluation kept, and it says so', async () => {
    const file = copy('cung-bo.xlsx');
    const bytes = fs.readFileSync(file);
    const io = capture();
    expect(await run(['rule-set', file, '--preset', 'tt24-co-so-md1'], io)).toBe(0);
    expect(io.text()).toBe('Sổ “' + file + '” đang dùng đúng bộ tiêu chí “TT24 · cấp huyện · mức độ 1” (trang “Tiêu chí” không bị sửa): không có gì phải đổi, kết quả đánh giá được giữ.');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('its thresholds edited: redrawn from the set, so the edit is undone', async () => {
    const file = copy('cung-bo-da-sua.xlsx');
    execFileSync('/usr/bin/python3', ['-c', "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); t = wb['Tiêu chí']; [t.cell(r, 5).__setattr__('value', 0.5) for r in range(1, t.max_row + 1) if t.cell(r, 1).value == '2.3']; wb.save(sys.argv[1])", file]);
    const io = capture();
    expect(await run(['rule-set', file, '--preset', 'tt24-co-so-md1'], io)).toBe(0);
    const rs = readCriteriaSheet((await open(file)).get(SHEETS.criteria)!).ruleSet;
    expect(rs.indicators.find((i) => i.code === '2.3')!.threshold).toBe(0.9);
  });
});

describe('dvht rule-set with a handed-out rule set', () => {
  let file: string;
  let io: ReturnType<typeof capture>;
  let before: Awaited<ReturnType<typeof open>>;
  let partsBefore: ReturnType<typeof parts>;
  beforeAll(async () => {
    file = copy('doi-bo.xlsx');
    before = await open(file);
    partsBefore = parts(file);
    io = capture();
    expect(await run(['rule-set', file, '--rules', handedOut], io)).toBe(0);
  });

  it('redraws “Tiêu chí” in place from the new set: same sheet, mark and tab order', async () => {
    const after = await open(file);
    const rs = readCriteriaSheet(after.get(SHEETS.criteria)!).ruleSet;
    expect(rs.id).toMatch(/^tt24-co-so-md2@[0-9a-f]{16}$/);
    expect(rs.indicators.find((i) => i.code === '3.2a')!.threshold).toBe(0.95);
    expect(rs.indicators.map((i) => i.code)).not.toContain('1.5');
    expect(parts(file).map(([n, role]) => [n, role])).toEqual(partsBefore.map(([n, role]) => [n, role]));
  });

  it('keeps the answers and evidence of every indicator the new set asks the same, none of one it asks otherwise', async () => {
    const old = answers(before.get(SHEETS.criteria)!);
    const now = answers((await open(file)).get(SHEETS.criteria)!);
    for (const code of ['1.1', '1.2', '1.3', '1.4', '3.3']) expect([code, now[code]]).toEqual([code, old[code]]);
    // 3.4 asks “Tập thể lao động tiên tiến” at level 1 and “xuất sắc” at level 2: level 1's “Đạt” is not level 2's.
    expect(old['3.4']![0]).toBe('Đạt');
    expect(now['3.4']).toEqual([null, null]);
    expect(now['1.4']![1]).toBe('MC-1.4');
    // A counted indicator's evidence is kept too; its column I stays the add-in's.
    expect(now['2.1']).toEqual(['(tự tính)', 'MC-2.1']);
    expect(now['1.5']).toBeUndefined();
  });

  it('reports the answer it dropped, by code and value', () => {
    expect(io.stderr.join('\n')).toMatch(/Bỏ 2 câu trả lời .*chỉ tiêu 1\.5 \(“Đạt”; “MC-1\.5”\), bộ mới không có chỉ tiêu này; chỉ tiêu 3\.4 \(“Đạt”; “[^”]+”\): chỉ tiêu 3\.4 của bộ mới có nội dung khác \(Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc” trở lên\), hãy trả lời lại/);
    expect(io.stdout.join('\n')).toContain('từ “TT24 · cấp huyện · mức độ 1” sang “TT24 · cấp huyện · mức độ 2”');
    // As the pane's confirmation says: the old sheet's edited thresholds are not carried over.
    expect(io.stdout.join('\n')).toContain('Ngưỡng và điều kiện nay theo bộ mới: những gì đã sửa trong trang “Tiêu chí” cũ không được giữ.');
  });

  it('sets the level requested to the new set’s, and says so', async () => {
    expect(readUnitSheet((await open(file)).get(SHEETS.unit)!).info.level).toBe('Mức độ 2');
    expect(io.stdout.join('\n')).toContain('Mức độ đề nghị công nhận ở trang “Thông tin đơn vị” nay là “Mức độ 2”');
  });

  it('clears the last evaluation’s results and says to evaluate again', async () => {
    const after = await open(file);
    const criteria = after.get(SHEETS.criteria)!;
    const parsed = readCriteriaSheet(criteria);
    const results = parsed.rows.flatMap((r) => (criteria.rows[r.row - 1] ?? []).slice(COL.applicable - 1, COL.earned)).filter((v) => v !== null && v !== '');
    expect(results).toEqual([]);
    const unit = readUnitSheet(after.get(SHEETS.unit)!);
    expect(Object.values(unit.resultRows).map((r) => after.get(SHEETS.unit)!.rows[r - 1]?.[1] ?? null)).toEqual(Object.values(unit.resultRows).map(() => null));
    expect(after.get('Tổng hợp (ĐVHT)')!.rows.flat().filter((v) => v !== null)).toEqual(['Bộ tiêu chí đã đổi sang “TT24 · cấp huyện · mức độ 2”: chưa đánh giá lại. Bấm “Đánh giá” để ghi bản tổng hợp theo bộ mới.']);
    expect(io.stdout.join('\n')).toMatch(/đã được xóa .*hãy đánh giá lại/);
  });

  it('leaves the user’s sheets, one named like ours, byte for byte', () => {
    for (const name of ['Tổng hợp', 'Ghi chú']) expect(parts(file).find(([n]) => n === name)).toEqual(partsBefore.find(([n]) => n === name));
  });

  it('then evaluates with the new thresholds and without the dropped indicator', async () => {
    const ev = capture();
    await run(['evaluate', file, '--json'], ev);
    const report = JSON.parse(ev.stdout.join('\n')) as { ruleSet: { name: string }; indicators: { code: string; required: number | null }[] };
    expect(report.ruleSet.name).toBe('TT24 · cấp huyện · mức độ 2');
    expect(report.indicators.find((i) => i.code === '3.2a')!.required).toBe(0.95);
    expect(report.indicators.find((i) => i.code === '3.2b')!.required).toBe(0.97);
    expect(report.indicators.map((i) => i.code)).not.toContain('1.5');
  });
});

describe('dvht rule-set: sources and outputs', () => {
  it('takes a preset, writes to -o and leaves the input as it was; --json says what was kept and dropped', async () => {
    const file = copy('preset.xlsx');
    const bytes = fs.readFileSync(file);
    const out = path.join(dir, 'preset-tt22.xlsx');
    const io = capture();
    expect(await run(['rule-set', file, '--preset', 'tt22-100', '-o', out, '--json'], io)).toBe(0);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const r = JSON.parse(io.stdout.join('\n')) as { to: { id: string }; kept: string[]; dropped: { code: string; reason: string }[]; level: string | null };
    expect(r.to.id).toBe('tt22-100');
    // Thông tư 22/2020 asks other things under 1.1–1.3, 2.1 and 3.3: no answer or evidence of Thông tư 24/2023's goes there.
    expect(r.kept).toEqual([]);
    expect(r.dropped.map((d) => [d.code, d.reason])).toEqual([['1.1', 'reworded'], ['1.2', 'reworded'], ['1.3', 'reworded'], ['1.4', 'missing'], ['1.5', 'missing'], ['2.1', 'reworded'], ['3.3', 'reworded'], ['3.4', 'missing']]);
    // TT22 rates rather than recognises a level: the level requested is left as it was.
    expect(r.level).toBeNull();
    expect(readUnitSheet((await open(out)).get(SHEETS.unit)!).info.level).toBe('Mức độ 1');
  });

  it('says which answers followed their indicator to another code (the district’s 3.4 is the province’s 3.3)', async () => {
    const file = copy('sang-tinh.xlsx');
    const io = capture();
    expect(await run(['rule-set', file, '--preset', 'tt24-tinh-md1'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Câu trả lời và minh chứng đi theo nội dung chỉ tiêu, không theo mã: chỉ tiêu 3.4 → 3.3.');
    const now = answers((await open(file)).get(SHEETS.criteria)!);
    expect(now['3.3']![0]).toBe('Đạt');
  });

  it('takes the starting workbook (“sổ mẫu”) a body handed out, its seal checked', async () => {
    const starter = path.join(dir, 'so-mau.xlsx');
    expect(await run(['handout', '--preset', 'tt24-tinh-md2', '-o', starter], capture())).toBe(0);
    const file = copy('so-mau-nhan.xlsx');
    const io = capture();
    expect(await run(['rule-set', file, '--rules', starter], io)).toBe(0);
    expect(readCriteriaSheet((await open(file)).get(SHEETS.criteria)!).ruleSet.id).toMatch(/^tt24-tinh-md2@/);
  });

  it('refuses a handed-out file edited since (exit 2), writing nothing', async () => {
    const edited = path.join(dir, 'sua.json');
    fs.writeFileSync(edited, fs.readFileSync(handedOut, 'utf8').replace('"threshold": 0.95', '"threshold": 0.5'));
    const file = copy('sua.xlsx');
    const bytes = fs.readFileSync(file);
    const io = capture();
    expect(await run(['rule-set', file, '--rules', edited], io)).toBe(2);
    expect(io.text()).toContain('đã bị sửa sau khi xuất');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it.each([
    ['no rule set', [] as string[]],
    ['both sources', ['--preset', 'tt24-co-so-md2', '--rules', 'x.json']],
  ])('wrong usage (%s): exit 2 with the presets to choose from', async (_, options) => {
    const file = copy('sai.xlsx');
    const io = capture();
    expect(await run(['rule-set', file, ...options], io)).toBe(2);
    expect(io.text()).toContain('dvht rule-set TỆP.xlsx (--preset MÃ | --rules');
    expect(io.text()).toContain('tt24-tinh-md2');
  });

  it('an unknown preset: exit 2 with the presets to choose from', async () => {
    const io = capture();
    expect(await run(['rule-set', copy('sai2.xlsx'), '--preset', 'tt24-md3'], io)).toBe(2);
    expect(io.text()).toMatch(/Không có bộ tiêu chí “tt24-md3”\. Các bộ tiêu chí có sẵn cho --preset:\n\s+tt24-co-so-md1/);
  });
});

describe('dvht rule-set and a “Tiêu chí” drawn before marks', () => {
  it('is recognised by its content, redrawn in place and marked; no second sheet', async () => {
    const file = copy('chua-danh-dau.xlsx');
    unmarkSheet(file, 'criteria');
    expect(parts(file).find(([n]) => n === 'Tiêu chí')?.[1]).toBeNull();
    expect(await run(['rule-set', file, '--preset', 'tt24-co-so-md2'], capture())).toBe(0);
    expect(parts(file).filter(([n]) => n.startsWith('Tiêu chí')).map(([n, role]) => [n, role])).toEqual([['Tiêu chí', '"criteria"']]);
    expect(readCriteriaSheet((await open(file)).get(SHEETS.criteria)!).ruleSet.id).toBe('tt24-co-so-md2');
  });
});

describe('dvht rule-set on a workbook whose structure is protected (Review → Protect Workbook)', () => {
  it('redraws “Tiêu chí” and the summary where they are (no sheet added or deleted), and the lock stays', async () => {
    const file = path.join(dir, 'cau-truc.xlsx');
    fs.writeFileSync(file, protectWithOpenpyxl(fs.readFileSync(evaluated), { structure: true }));
    const before = parts(file).map(([n]) => n);
    expect(await run(['rule-set', file, '--preset', 'tt24-co-so-md2'], capture())).toBe(0);
    expect(parts(file).map(([n]) => n)).toEqual(before);
    expect(readCriteriaSheet((await open(file)).get(SHEETS.criteria)!).ruleSet.id).toBe('tt24-co-so-md2');
    const workbookXml = execFileSync('/usr/bin/python3', ['-c', "import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())", file], { encoding: 'utf8' });
    expect(workbookXml).toMatch(/<workbookProtection[^>]*lockStructure="(1|true)"/);
  });
});

describe('dvht rule-set refuses, writing nothing', () => {
  async function refused(file: string) {
    const bytes = fs.readFileSync(file);
    const io = capture();
    const code = await run(['rule-set', file, '--preset', 'tt24-co-so-md2'], io);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(io.text()).not.toMatch(/\n\s+at |Error:/);
    return { code, message: io.text() };
  }

  it('a protected “Tiêu chí” (Review → Protect Sheet), naming the sheet', async () => {
    const file = path.join(dir, 'bao-ve.xlsx');
    fs.writeFileSync(file, protectWithOpenpyxl(fs.readFileSync(evaluated), { sheets: { 'Tiêu chí': {} } }));
    const r = await refused(file);
    expect(r.code).toBe(1);
    expect(r.message).toMatch(/^Sổ “bao-ve.xlsx”: trang “Tiêu chí” đang được bảo vệ/);
  });

  it('a workbook whose “Tiêu chí” is the user’s own sheet, not the add-in’s: said, and the sheet untouched', async () => {
    const file = path.join(dir, 'cua-nguoi-dung.xlsx');
    execFileSync('/usr/bin/python3', ['-c', "import openpyxl, sys; wb = openpyxl.Workbook(); wb.active.title = 'Tiêu chí'; wb.active['A1'] = 'Tiêu chí khen thưởng của trường'; wb.save(sys.argv[1])", file]);
    const r = await refused(file);
    expect(r.code).toBe(1);
    expect(r.message).toContain('Chưa đổi được bộ tiêu chí của');
    expect(r.message).toContain('Trang “Tiêu chí” của sổ không phải trang bộ tiêu chí do ĐVHT tạo');
  });

  it('a workbook without “Tiêu chí”', async () => {
    const file = path.join(dir, 'thieu.xlsx');
    execFileSync('/usr/bin/python3', ['-c', "import openpyxl, sys; wb = openpyxl.Workbook(); wb.active.title = 'Ghi chú'; wb.save(sys.argv[1])", file]);
    const r = await refused(file);
    expect(r.code).toBe(1);
    expect(r.message).toContain('Tệp không có trang “Tiêu chí”');
  });
});
