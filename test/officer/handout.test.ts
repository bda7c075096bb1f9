/**
 * The rule set an officer hands out, end to end through dvht: the officer edits a threshold
 * in the workbook's "Tiêu chí", exports the units' starting workbook and the small file; a
 * unit started from it has exactly those thresholds; consolidation without any option flags
 * the unit that edited its copy, and the officer's decision leaves that unit out.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { sealInId } from '../../src/usecases/handout';

jest.setTimeout(180_000);

let dir: string;
const at = (f: string) => path.join(dir, f);
const io = (): Io & { text: () => string } => {
  const lines: string[] = [];
  return { out: (s) => lines.push(s), err: (s) => lines.push(s), text: () => lines.join('\n') };
};
async function dvht(...argv: string[]): Promise<string> {
  const out = io();
  const code = await run(argv, out);
  if (code !== 0) throw new Error(`dvht ${argv[0]} → ${code}: ${out.text()}`);
  return out.text();
}

async function ruleSetOf(file: string): Promise<RuleSet> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  const data = (await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!;
  return readCriteriaSheet(data).ruleSet;
}

/** Sets an indicator's requirement in "Tiêu chí" (as a user types it in Excel). */
async function setThreshold(file: string, code: string, value: number): Promise<void> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  await wb.batch(async (s) => {
    const data = (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!;
    const row = readCriteriaSheet(data).rows.find((r) => r.code === code)!.row;
    s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: `E${row}`, rows: [[value]] }] });
  });
  fs.writeFileSync(file, await wb.toBytes());
}

/** Sets a cell of an indicator's row in "Tiêu chí" (column H: its source, G: what it applies to, A: its code). */
async function setCell(file: string, code: string, column: string, value: string): Promise<void> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  await wb.batch(async (s) => {
    const data = (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!;
    const row = readCriteriaSheet(data).rows.find((r) => r.code === code)!.row;
    s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: `${column}${row}`, rows: [[value]] }] });
  });
  fs.writeFileSync(file, await wb.toBytes());
}
const setSource = (file: string, code: string, value: string) => setCell(file, code, 'H', value);

/** Sets a setting of "Tiêu chí" (its value in column C, beside its label in B). */
async function setSetting(file: string, label: string, value: string): Promise<void> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  await wb.batch(async (s) => {
    const data = (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!;
    const row = data.rows.findIndex((r) => r[1] === label) + 1;
    s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: `C${row}`, rows: [[value]] }] });
  });
  fs.writeFileSync(file, await wb.toBytes());
}

const threshold = (rs: RuleSet, code: string) => rs.indicators.find((i) => i.code === code)!.threshold;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-handout-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('hands out the edited rule set; units start with exactly its thresholds; consolidation flags the unit that changed its copy', async () => {
  // The officer's workbook: the commune asks 60% foreign-language certificates, not 50%.
  await dvht('init', '-o', at('xa.xlsx'), '--preset', 'tt24-co-so-md1', '--unit', 'UBND xã Hòa Bình', '--type', 'ubnd-xa');
  await setThreshold(at('xa.xlsx'), '2.4', 0.6);
  const officer = await ruleSetOf(at('xa.xlsx'));
  expect(await dvht('handout', at('xa.xlsx'), '-o', at('so-mau.xlsx'), '--rules-file', at('bo-tieu-chi.json'), '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã')).toMatch(/Đã xuất bộ tiêu chí/);

  // The starting workbook and the small file carry the officer's rules, sealed.
  const starter = await ruleSetOf(at('so-mau.xlsx'));
  expect(sealInId(starter.id)).not.toBeNull();
  expect(threshold(starter, '2.4')).toBe(0.6);
  expect(starter.indicators).toEqual(officer.indicators);

  // Two units start from the file; one lowers 2.1 to 50% before evaluating.
  for (const [file, unit] of [['a.xlsx', 'Trường THCS Nguyễn Du'], ['b.xlsx', 'Trường THCS Chu Văn An']]) {
    await dvht('init', '-o', at(file!), '--rules', at('bo-tieu-chi.json'), '--unit', unit!, '--type', 'thcs', '--year', '2025', '--sample');
    expect((await ruleSetOf(at(file!))).indicators).toEqual(officer.indicators);
  }
  // A unit given only the starting workbook (the pane's Excel route makes no .json) starts from it the same way.
  await dvht('init', '-o', at('tu-so-mau.xlsx'), '--rules', at('so-mau.xlsx'), '--unit', 'Trường THCS Lý Tự Trọng', '--type', 'thcs', '--year', '2025');
  expect(await ruleSetOf(at('tu-so-mau.xlsx'))).toEqual(starter);
  await setThreshold(at('b.xlsx'), '2.1', 0.5);
  for (const f of ['a.xlsx', 'b.xlsx']) await dvht('evaluate', at(f));

  // Consolidation with no option at all.
  const out = io();
  await run(['consolidate', at('a.xlsx'), at('b.xlsx'), '-o', at('tong-hop.xlsx'), '--json'], out);
  const json = JSON.parse(out.text().slice(out.text().indexOf('{'))) as { units: { name: string; flags: { code: string; message: string }[] }[] };
  const flags = (name: string) => json.units.find((u) => u.name === name)!.flags;
  expect(flags('Trường THCS Nguyễn Du').filter((f) => f.code.startsWith('ruleSet'))).toEqual([]);
  expect(flags('Trường THCS Chu Văn An')).toContainEqual({ code: 'ruleSetEdited', message: expect.stringMatching(/khác bộ “.*” do đơn vị tổng hợp giao/) });

  // The officer's decision leaves the edited copy out, with that reason.
  const docs = await dvht('officer-documents', at('tong-hop.xlsx'));
  expect(docs).toMatch(/- Trường THCS Chu Văn An: .*do đơn vị tổng hợp giao/);
});

it('consolidate --rule-set takes the handed-out file or starting workbook: a unit that kept the plain preset is judged by it and told so', async () => {
  await dvht('init', '-o', at('p.xlsx'), '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Lê Lợi', '--type', 'thcs', '--year', '2025', '--sample');
  await dvht('evaluate', at('p.xlsx'));
  for (const reference of [at('bo-tieu-chi.json'), at('so-mau.xlsx')]) {
    const out = io();
    const output = at(`tong-hop-${path.extname(reference).slice(1)}.xlsx`);
    expect(await run(['consolidate', at('a.xlsx'), at('b.xlsx'), at('p.xlsx'), '-o', output, '--rule-set', reference, '--json'], out)).toBe(0);
    const json = JSON.parse(out.text().slice(out.text().indexOf('{'))) as {
      ruleSet: { name: string } | null;
      units: { name: string; indicators: { code: string; required: number | null }[]; flags: { code: string; message: string }[] }[];
    };
    const unit = (name: string) => json.units.find((u) => u.name === name)!;
    expect(json.ruleSet?.name).toBe('TT24 · cấp huyện · mức độ 1');
    // The commune's 60% rules the unit that kept the preset's 50%, and the unit that lowered 2.1.
    for (const name of ['Trường THCS Lê Lợi', 'Trường THCS Chu Văn An']) expect(unit(name).indicators.find((i) => i.code === '2.4')!.required).toBe(0.6);
    expect(unit('Trường THCS Chu Văn An').indicators.find((i) => i.code === '2.1')!.required).toBe(0.9);
    expect(unit('Trường THCS Lê Lợi').flags).toContainEqual({ code: 'ruleSet', message: expect.stringContaining('chỉ tiêu 2.4 yêu cầu 50% (bộ đối chiếu: 60%)') });
    expect(unit('Trường THCS Nguyễn Du').flags.filter((f) => f.code.startsWith('ruleSet'))).toEqual([]);
  }
  const out = io();
  expect(await run(['consolidate', at('a.xlsx'), '-o', at('tong-hop-x.xlsx'), '--rule-set', 'bo-cua-tinh'], out)).toBe(2);
  expect(out.text()).toContain('Không có bộ tiêu chí “bo-cua-tinh”. --rule-set nhận mã một bộ tiêu chí có sẵn (xem: dvht presets), hoặc tệp bộ tiêu chí (.json) hay sổ mẫu (.xlsx) do dvht handout xuất.');
});

it('an edited threshold still citing only the preset’s source is named at its “Nguồn” cell; one citing the local document is not', async () => {
  await dvht('init', '-o', at('tinh.xlsx'), '--preset', 'tt24-co-so-md1', '--unit', 'Sở GD&ĐT Đồng Tháp', '--type', 'co-quan');
  await setThreshold(at('tinh.xlsx'), '2.1', 0.95);
  await setThreshold(at('tinh.xlsx'), '2.2', 0.95);
  await setSource(at('tinh.xlsx'), '2.1', '[L] Công văn số 123/SGDĐT-GDTX ngày 10/01/2025 của Sở GD&ĐT Đồng Tháp');
  const said = await dvht('handout', at('tinh.xlsx'), '-o', at('so-mau-tinh.xlsx'));
  expect(said).toContain(
    "Cột “Nguồn” chưa ghi văn bản của địa phương: chỉ tiêu 2.2 yêu cầu 95% (mẫu: 90%), nhưng ô 'Tiêu chí'!H25 vẫn ghi như bộ mẫu “TT24 · cấp huyện · mức độ 1”, nên các đơn vị đọc yêu cầu này như của văn bản gốc.",
  );
  expect(said).not.toContain('chỉ tiêu 2.1 yêu cầu');
  expect(said).toMatch(/Đã xuất bộ tiêu chí/);
  // Its name and its “Căn cứ” are still the preset's: units, documents and the consolidated table could not tell them apart.
  expect(said).toContain("Bộ tiêu chí này khác bộ mẫu nhưng vẫn mang tên “TT24 · cấp huyện · mức độ 1” ('Tiêu chí'!C4)");
  expect(said).toContain("Mục “Căn cứ” ('Tiêu chí'!C5) vẫn chỉ ghi như bộ mẫu");

  await setSetting(at('tinh.xlsx'), 'Tên bộ tiêu chí', 'TT24 · cấp huyện · mức độ 1 · tỉnh Đồng Tháp 2025');
  await setSetting(at('tinh.xlsx'), 'Căn cứ', 'Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023\nCông văn số 123/SGDĐT-GDTX ngày 10/01/2025 của Sở GD&ĐT Đồng Tháp');
  const renamed = await dvht('handout', at('tinh.xlsx'), '-o', at('so-mau-tinh-2.xlsx'));
  expect(renamed).not.toMatch(/vẫn mang tên|Mục “Căn cứ”/);

  // A citation without the document's number and date is no citation.
  await setSource(at('tinh.xlsx'), '2.2', '[L] theo hướng dẫn của Sở');
  const vague = await dvht('handout', at('tinh.xlsx'), '-o', at('so-mau-tinh-3.xlsx'));
  expect(vague).toContain("Ô 'Tiêu chí'!H25 (nguồn của chỉ tiêu 2.2, đã sửa so với bộ mẫu) ghi “[L] theo hướng dẫn của Sở”, chưa có số và ngày của văn bản.");
  expect(vague).not.toContain("'Tiêu chí'!H24");
});

it('a sheet every unit would fail to evaluate (an unreadable “Áp dụng cho”, a unit field that does not exist, a code twice) is refused at its cell, nothing written', async () => {
  const cases: [string, string, string, string][] = [
    // The parser's detail in Vietnamese, not in the code's English (“expected [column]”).
    ['2.4', 'G', 'Trừ trường mầm non', "'Tiêu chí'!G27: chỉ tiêu 2.4: không đọc được điều kiện “Trừ trường mầm non” (cần tên cột trong ngoặc vuông, ví dụ [Loại đơn vị])"],
    ['2.4', 'G', '[Huyện] thuộc {Mỹ Đức}', "'Tiêu chí'!G27: chỉ tiêu 2.4: trang “Thông tin đơn vị” không có mục “Huyện”"],
    ['2.4', 'D', '', "'Tiêu chí'!D27: chỉ tiêu 2.4 đo theo thành viên nhưng chưa ghi điều kiện đạt"],
    ['2.4', 'A', '2.3', "'Tiêu chí'!A27: mã chỉ tiêu 2.3 bị trùng"],
  ];
  for (const [i, [code, column, value, said]] of cases.entries()) {
    const file = at(`loi-${i}.xlsx`);
    await dvht('init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Sở GD&ĐT', '--type', 'co-quan');
    await setCell(file, code, column, value);
    const out = io();
    expect(await run(['handout', file, '-o', at(`so-mau-loi-${i}.xlsx`), '--rules-file', at(`bo-loi-${i}.json`)], out)).toBe(1);
    expect(out.text()).toContain(`Chưa lấy được bộ tiêu chí từ “loi-${i}.xlsx”: ${said}`);
    expect(fs.existsSync(at(`so-mau-loi-${i}.xlsx`)) || fs.existsSync(at(`bo-loi-${i}.json`))).toBe(false);
  }
});

it('a rule-set file edited by hand is refused, nothing created', async () => {
  const file = at('bo-tieu-chi.json');
  const tampered = at('bo-sua-tay.json');
  const o = JSON.parse(fs.readFileSync(file, 'utf8'));
  o.ruleSet.indicators.find((i: { code: string }) => i.code === '2.4').threshold = 0.3;
  fs.writeFileSync(tampered, JSON.stringify(o));
  const out = io();
  expect(await run(['init', '-o', at('c.xlsx'), '--rules', tampered, '--unit', 'Trường THCS Lê Lợi', '--type', 'thcs'], out)).toBe(2);
  expect(out.text()).toMatch(/đã bị sửa sau khi xuất/);
  expect(fs.existsSync(at('c.xlsx'))).toBe(false);
});
