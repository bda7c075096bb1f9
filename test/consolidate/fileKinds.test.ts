/**
 * Files an officer keeps beside the units' workbooks: an earlier consolidation, the blank
 * starting workbook handed out, byte-identical copies of one unit, and the output named as an
 * input. Each is recognised and said for what it is, in the CLI and in “Báo cáo tệp”.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureText as capture } from '../support/cliOutput';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { XlsxPackage } from '../../src/xlsx/package';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { unitWorkbook } from './corpus';
import { fileReport } from '../support/fileReport';

jest.setTimeout(120_000);

interface JsonFile {
  file: string;
  status: string;
  reasons: string[];
}
interface Json {
  summary: Record<string, number>;
  units: { file: string; name: string; flags: { code: string; message: string }[] }[];
  files: JsonFile[];
}

async function consolidate(args: string[]): Promise<{ code: number; io: ReturnType<typeof capture>; json: Json | null }> {
  const io = capture();
  const code = await run(['consolidate', ...args], io);
  return { code, io, json: args.includes('--json') && io.stdout ? (JSON.parse(io.stdout) as Json) : null };
}

describe('consolidate: files that are not a unit’s workbook', () => {
  let dir: string;
  let unitA: Uint8Array;
  let unitB: Uint8Array;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-kinds-'));
    unitA = await unitWorkbook({ name: 'Trường THCS A', type: 'Trường THCS', members: 20 });
    unitB = await unitWorkbook({ name: 'Trường THCS B', type: 'Trường THCS', members: 20, seed: 2 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const folder = (name: string, files: Record<string, Uint8Array>) => {
    const d = path.join(dir, name);
    for (const [f, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
      fs.writeFileSync(path.join(d, f), bytes);
    }
    return d;
  };

  it('skips an earlier consolidation in the folder with a short note, not as a rejected file', async () => {
    const cin = folder('cin', { 'a.xlsx': unitA, 'b.xlsx': unitB });
    expect((await consolidate([cin, '-o', path.join(cin, 'tong.xlsx')])).code).toBe(0);
    const out = path.join(cin, 'tong2.xlsx');
    const { code, json } = await consolidate([cin, '-o', out, '--json']);
    expect(code).toBe(0);
    const tong = json!.files.find((f) => f.file.endsWith('tong.xlsx'))!;
    expect(tong).toMatchObject({ status: 'skipped', reasons: ['Đây là bảng tổng hợp đơn vị (do ĐVHT lập), không phải sổ đánh giá của một đơn vị: bỏ qua.'] });
    expect(json!.summary).toMatchObject({ files: 3, units: 2, rejected: 0, skipped: 1 });
    expect((await fileReport(out)).get('tong.xlsx')).toEqual({ status: 'Bỏ qua', reasons: tong.reasons[0] });

    const plain = await consolidate([cin, '-o', out]);
    expect(plain.code).toBe(0);
    expect(plain.io.stderr).toContain('tong.xlsx: Đây là bảng tổng hợp đơn vị');
    expect(plain.io.stderr).not.toContain('bị từ chối');
  });

  it('knows a consolidation by its sheets’ marks when the officer renamed them', async () => {
    const d = folder('renamed', { 'a.xlsx': unitA });
    const tong = path.join(dir, 'tong-renamed.xlsx');
    await consolidate([d, '-o', tong]);
    // Renamed in workbook.xml only (ExcelJS would drop the sheet-scoped marks): what Excel does on a rename.
    const pkg = await XlsxPackage.open(fs.readFileSync(tong), NODE_XLSX);
    const both = (s: string) => s.replaceAll(CONSOLIDATION_SHEETS.units, 'Tổng hợp 2025').replaceAll(CONSOLIDATION_SHEETS.files, 'Tệp 2025');
    pkg.setPart('xl/workbook.xml', both((await pkg.text('xl/workbook.xml'))!));
    fs.writeFileSync(path.join(d, 'cu.xlsx'), await pkg.toBytes(nodeDeflate));
    const { code, json } = await consolidate([d, '-o', path.join(dir, 'tong-renamed-2.xlsx'), '--json']);
    expect(code).toBe(0);
    expect(json!.files.find((f) => f.file.endsWith('cu.xlsx'))).toMatchObject({ status: 'skipped' });
  });

  it('gives a workbook of another kind one reason, the missing sheets named once', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'danh sách';
    const d = folder('other', { 'a.xlsx': unitA, 'khac.xlsx': new Uint8Array(await wb.xlsx.writeBuffer()) });
    const { code, json } = await consolidate([d, '-o', path.join(dir, 'tong-other.xlsx'), '--json']);
    expect(code).toBe(1);
    const reasons = json!.files.find((f) => f.file.endsWith('khac.xlsx'))!.reasons;
    expect(reasons).toEqual(['Không phải sổ đánh giá ĐVHT đọc được: tệp không có các trang “Thông tin đơn vị”, “Tiêu chí”, “Thành viên”.']);
  });

  it('refuses an output that is also one of the inputs, naming the problem', async () => {
    const f = path.join(dir, 'same.xlsx');
    fs.writeFileSync(f, unitA);
    const { code, io } = await consolidate([f, '-o', f]);
    expect(code).toBe(2);
    expect(io.stderr).toContain('Tệp ghi ra (-o) không thể đồng thời là tệp cần tổng hợp');
    expect(io.stderr).not.toContain('Không có tệp nào');
    expect(fs.readFileSync(f)).toEqual(Buffer.from(unitA));
  });

  it('skips the blank starting workbook handed out to the units, not counted as a unit', async () => {
    const d = folder('handout', { 'a.xlsx': unitA });
    expect(await run(['handout', '--preset', 'tt24-co-so-md1', '-o', path.join(d, 'sổ mẫu.xlsx')], capture())).toBe(0);
    const out = path.join(dir, 'tong-handout.xlsx');
    const { code, json } = await consolidate([d, '-o', out, '--json']);
    expect(code).toBe(0);
    const mau = json!.files.find((f) => f.file.endsWith('sổ mẫu.xlsx'))!;
    expect(mau).toMatchObject({ status: 'skipped', reasons: ['Sổ mẫu chưa điền (chưa có tên đơn vị, chưa có thành viên): bỏ qua.'] });
    expect(json!.summary).toMatchObject({ units: 1, skipped: 1 });
    expect(json!.units.map((u) => u.name)).toEqual(['Trường THCS A']);
    expect((await fileReport(out)).get('sổ mẫu.xlsx')).toEqual({ status: 'Bỏ qua', reasons: mau.reasons[0] });
  });

  it('reports byte-identical copies of a unit as identical, never as an older evaluation, and the kept one as not to review', async () => {
    const d = folder('copies', { 'a.xlsx': unitA, 'sub/Trường B.xlsx': unitA });
    const out = path.join(dir, 'tong-copies.xlsx');
    const { code, json } = await consolidate([d, '-o', out, '--json']);
    expect(code).toBe(0);
    expect(json!.summary).toMatchObject({ units: 1, duplicates: 1 });
    const [kept, dropped] = json!.units[0]!.file.endsWith('a.xlsx') ? ['a.xlsx', 'Trường B.xlsx'] : ['Trường B.xlsx', 'a.xlsx'];
    const copy = json!.files.find((f) => f.file.endsWith(dropped))!;
    expect(copy.status).toBe('duplicate');
    expect(copy.reasons).toEqual([expect.stringMatching(new RegExp(`^Bản trùng, giống hệt tệp “.*${kept}”: không tổng hợp lại\\.$`))]);
    // A copy is no conflict: the unit kept is consolidated as if it had come once.
    expect(json!.units[0]!.flags).toEqual([]);
    expect(json!.files.find((f) => f.file.endsWith(kept))).toMatchObject({ status: 'consolidated', reasons: [] });
    const text = JSON.stringify(json);
    expect(text).not.toContain('cũ hơn');
    const report = await fileReport(out);
    expect(report.get(dropped)!.reasons).toBe(copy.reasons[0]);
    expect(report.get(kept)).toEqual({ status: 'Đã tổng hợp', reasons: '' });
  });

  it('accounts for every file it found in its done line and on both sheets: consolidated, duplicates (identical copies among them), skipped, rejected', async () => {
    const older = await unitWorkbook({ name: 'Trường THCS B', type: 'Trường THCS', members: 20, seed: 2, evaluatedAt: new Date(2025, 10, 1, 8, 0, 0) });
    const d = folder('all-kinds', { 'a.xlsx': unitA, 'a-ban-sao.xlsx': unitA, 'b.xlsx': unitB, 'b-cu.xlsx': older, 'hong.xlsx': new TextEncoder().encode('không phải tệp Excel') });
    expect(await run(['handout', '--preset', 'tt24-co-so-md1', '-o', path.join(d, 'so-mau.xlsx')], capture())).toBe(0);
    const out = path.join(dir, 'tong-all-kinds.xlsx');
    const summary = '6 tệp: 2 tệp đã tổng hợp (1 đơn vị cần xem lại), 2 tệp trùng không tổng hợp (1 bản giống hệt), 1 tệp bỏ qua, 1 tệp bị từ chối';
    const vi = await consolidate([d, '-o', out]);
    expect(vi.code).toBe(1);
    expect(vi.io.stdout.trim()).toBe(`Đã tổng hợp 2 đơn vị từ ${summary}. Đã ghi “${out}”.`);
    const en = await consolidate([d, '-o', out, '--lang', 'en']);
    expect(en.io.stdout.trim()).toBe(`Consolidated 2 units from 6 files: 2 consolidated (to review: 1), 2 duplicates left out (identical copies: 1), 1 skipped, 1 rejected. Wrote “${out}”.`);
    const { json } = await consolidate([d, '-o', out, '--json']);
    const s = json!.summary;
    expect(s).toMatchObject({ files: 6, units: 2, duplicates: 2, identical: 1, skipped: 1, rejected: 1, flagged: 1 });
    expect(s.units! + s.duplicates! + s.skipped! + s.rejected!).toBe(s.files);
    // The sheets, in the dossier's Vietnamese whatever the command's language.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet(CONSOLIDATION_SHEETS.units)!.getCell('C3').value)).toContain(` từ ${summary} (xem trang “${CONSOLIDATION_SHEETS.files}”).`);
    expect(String(wb.getWorksheet(CONSOLIDATION_SHEETS.files)!.getCell('A2').value)).toBe(`${summary}. Xem 'Tổng hợp đơn vị'!A1.`);
  });

  it('says a copy was never evaluated rather than older, and older only from an earlier evaluation', async () => {
    const never = await unitWorkbook({ name: 'Trường THCS A', type: 'Trường THCS', members: 20, evaluate: false });
    const earlier = await unitWorkbook({ name: 'Trường THCS A', type: 'Trường THCS', members: 20, evaluatedAt: new Date(2025, 10, 1, 8, 0, 0) });
    const d = folder('versions', { '1-chua-danh-gia.xlsx': never, '2-moi.xlsx': unitA, '3-cu.xlsx': earlier });
    const { json } = await consolidate([d, '-o', path.join(dir, 'tong-versions.xlsx'), '--json']);
    expect(json!.units.map((u) => path.basename(u.file))).toEqual(['2-moi.xlsx']);
    const reasons = (name: string) => json!.files.find((f) => f.file.endsWith(name))!.reasons;
    expect(reasons('1-chua-danh-gia.xlsx')).toEqual([expect.stringMatching(/^Trùng đơn vị với tệp “.*2-moi\.xlsx”; bản này chưa được đánh giá nên không tổng hợp\.$/)]);
    expect(reasons('3-cu.xlsx')).toEqual([expect.stringMatching(/^Trùng đơn vị với tệp “.*2-moi\.xlsx”; bản này đánh giá ngày 01\/11\/2025, cũ hơn nên không tổng hợp\.$/)]);
    // Copies that differ are a conflict: the unit kept is still to review, once per other copy.
    expect(json!.units[0]!.flags.map((f) => f.code)).toEqual(['duplicate', 'duplicate']);
    expect(json!.files.find((f) => f.file.endsWith('2-moi.xlsx'))!.status).toBe('flagged');
  });
});
