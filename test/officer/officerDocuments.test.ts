/**
 * The officer's documents from a consolidated batch (file workbook, as the CLI writes it):
 * who is proposed at which level, who is not and why, the officer's own words kept when
 * drawn again, the officer's edits of the table honoured, and refusals with a message.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OFFICER_FORMER_DEFAULTS } from '../../src/documents/officer/templates';
import { generateOfficerDocuments, OFFICER_SHEET, OFFICER_TEMPLATES_SHEET, type OfficerResult } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import JSZip from 'jszip';
import { heightFor, MARKER_COL, SIZE } from '../../src/sheets/documentLayout';
import { columnLetter } from '../../src/workbook/a1';
import { readText } from '../../src/domain/values';
import { foldKey } from '../../src/domain/text';
import { run, type Io } from '../../src/cli/main';
import type { SheetData } from '../../src/workbook/port';
import { BATCH, batchFiles, consolidatedFile } from './batch';
import { sheetParts } from '../support/sheetParts';

jest.setTimeout(180_000);

type Ok = Extract<OfficerResult, { ok: true }>;
let files: { label: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = await batchFiles();
});

async function generated(wb: XlsxWorkbook, options: Parameters<typeof generateOfficerDocuments>[1] = {}): Promise<Ok> {
  const r = await generateOfficerDocuments(wb, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}

async function sheet(wb: XlsxWorkbook, name: string): Promise<SheetData> {
  const snap = await wb.batch((s) => s.read([name]));
  return snap.sheets.get(name)!;
}

/** The minutes' remark cell of a unit of the batch (its name folded, its year: every unit of BATCH is of 2025). */
const remarkKey = (name: string) => `tham_dinh.y_kien#${foldKey(name)}|2025`;

/** A row's height (pt) as the saved file has it. */
async function rowHeight(wb: XlsxWorkbook, name: string, row: number): Promise<number | null> {
  const zip = await JSZip.loadAsync(await wb.toBytes());
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!.replace(/^\/?(xl\/)?/, 'xl/');
  const part = await zip.file(target)!.async('string');
  const ht = new RegExp(`<row [^>]*r="${row}"[^>]*>`).exec(part)?.[0].match(/ ht="([\d.]+)"/)?.[1];
  return ht === undefined ? null : Number(ht);
}

const rowText = (row: readonly unknown[]) => row.map((c) => readText((c ?? null) as never)).join(' | ');

/** The 1-based row whose hidden marker names `key`. */
function markedRow(data: SheetData, key: string): number {
  return data.rows.findIndex((r) => readText(r[MARKER_COL - 1] ?? null).startsWith(`${key}@`)) + 1;
}

describe('who goes into the decision', () => {
  let wb: XlsxWorkbook;
  let result: Ok;
  beforeAll(async () => {
    wb = await consolidatedFile(files);
    result = await generated(wb, { signer: 'Nguyễn Văn Bình' });
  });

  it('proposes exactly the units whose self-assessment agrees with their data and is not stale, at their level', () => {
    const byName = new Map(result.units.map((u) => [u.name, u.level]));
    expect(BATCH.map((b) => [b.spec.name, byName.get(b.spec.name)])).toEqual(BATCH.map((b) => [b.spec.name, b.level]));
    expect(result.proposed).toBe(BATCH.filter((b) => b.level !== null).length);
    expect(result.notProposed).toBe(BATCH.filter((b) => b.level === null).length);
  });

  it('gives the table\'s reason for each unit kept out: disagreement, stale data', () => {
    const reasons = (name: string) => result.units.find((u) => u.name === name)!.reasons.join(' ');
    expect(reasons('Trường THCS Chu Văn An')).toMatch(/Chỉ tiêu 2\.1: tự đánh giá Đạt nhưng số liệu 79,7% < 90%/);
    expect(reasons('Trường tiểu học Lê Lợi')).toMatch(/Số liệu trong hồ sơ đã được sửa sau lần tự đánh giá ngày \d\d\/\d\d\/\d{4};/);
    expect(reasons('Trường THCS Lý Tự Trọng')).toMatch(/Số liệu trong hồ sơ đã được sửa sau lần tự đánh giá ngày \d\d\/\d\d\/\d{4};/);
    // Not recognised from its own data: nothing to disagree with, the outcome is the reason.
    expect(reasons('Trường mầm non Hoa Sen')).toBe('');
  });

  it('tells the officer every indicator a kept-out unit misses, once: those its findings name, then the others', () => {
    const why = result.units.find((u) => u.name === 'Trường THCS Chu Văn An')!.why;
    expect(why).toMatch(/^Chỉ tiêu 2\.1: tự đánh giá Đạt nhưng số liệu 79,7% < 90%\. .*Cũng chưa đạt chỉ tiêu 2\.2: \d+,\d% < 90%; .*3\.2a: \d+,\d% < 90%\.$/);
    expect(why.match(/79,7%/g)).toHaveLength(1);
    expect(result.units.find((u) => u.name === 'Trường mầm non Hoa Sen')!.why).toMatch(/^tính lại Không đạt \(chưa đạt chỉ tiêu 2\.1: /);
  });

  // NĐ 30/2020 Phụ lục I: the issuing body and the signing authority are named in full (only a parent body may be abbreviated).
  it('names the UBND in full at the head of its decision and in its authority line, though typed “UBND xã …”', async () => {
    const decision = (await sheet(wb, OFFICER_SHEET['quyet-dinh-cong-nhan'])).rows.map(rowText).join('\n');
    // On two lines, as UBND headings are written (the name was cut between “HÒA” and “BÌNH”): each beside its
    // line of the national name, the commune's name (underlined) beside the motto.
    expect(decision).toMatch(/^ỦY BAN NHÂN DÂN[ |]*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[ |]*\nXÃ HÒA BÌNH[ |]*Độc lập - Tự do - Hạnh phúc/m);
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH');
    expect(decision).not.toMatch(/UBND XÃ/);
  });

  it('keeps the year of the annex title and of the summary lines with the word before it (a year alone on a line)', async () => {
    const decision = (await sheet(wb, OFFICER_SHEET['quyet-dinh-cong-nhan'])).rows.map(rowText).join('\n');
    expect(decision).toMatch(/^DANH SÁCH ĐƠN VỊ ĐẠT .* NĂM\u00a0\d{4}$/m);
    expect(decision).toMatch(/\| Về việc công nhận .* năm\u00a0\d{4}[ |]*$/m);
  });

  it('draws the three documents after the consolidation\'s sheets, and the officer\'s templates sheet', async () => {
    const names = (await wb.batch((s) => s.read([]))).sheetNames;
    const at = (n: string) => names.indexOf(n);
    expect(at(CONSOLIDATION_SHEETS.files)).toBeGreaterThan(at(CONSOLIDATION_SHEETS.units));
    expect([at(OFFICER_SHEET['bien-ban-tham-dinh']), at(OFFICER_SHEET['to-trinh-cong-nhan']), at(OFFICER_SHEET['quyet-dinh-cong-nhan'])]).toEqual([1, 2, 3].map((i) => at(CONSOLIDATION_SHEETS.files) + i));
    expect(result.templates).toEqual({ sheet: OFFICER_TEMPLATES_SHEET, status: 'created' });
  });

  it('lists every unit in the minutes, each in its list, with the officer\'s remark cell pre-filled', async () => {
    const data = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    const second = data.rows.findIndex((r) => /^2\. Đơn vị chưa đủ điều kiện/.test(readText(r[0] ?? null))) + 1;
    expect(second).toBeGreaterThan(0);
    for (const b of BATCH) {
      const r = markedRow(data, remarkKey(b.spec.name));
      expect({ unit: b.spec.name, second: r > second }).toEqual({ unit: b.spec.name, second: b.level === null });
    }
    // A unit kept out by its own data: the minutes say which indicators it does not meet, with its figures, and what
    // it said of itself; the “Tính lại” column beside it already gives the result, so the reason does not repeat it.
    const remark = (name: string) => {
      const row = data.rows[markedRow(data, remarkKey(name)) - 1]!;
      const col = readText(row[MARKER_COL - 1] ?? null).split('@')[1]!;
      return readText(row[col.charCodeAt(0) - 65] ?? null);
    };
    const failed = remark('Trường mầm non Hoa Sen');
    expect(failed).toMatch(/^Chưa đạt chỉ tiêu \d+\.\w+: \d+,\d% < \d+%.*\. Đơn vị tự đánh giá: .+\.$/);
    expect(failed).not.toMatch(/Tính lại/);
    // A finding that names an indicator says it once: not again among the indicators not met.
    const disagreed = remark('Trường THCS Chu Văn An');
    expect(disagreed).toMatch(/Chỉ tiêu 2\.1: tự đánh giá Đạt nhưng số liệu 79,7% < 90%\./);
    expect(disagreed.match(/79,7%/g)).toHaveLength(1);
    const expired = rowText(data.rows[markedRow(data, remarkKey('Phòng Văn hóa - Xã hội')) - 1]!);
    expect(expired).toMatch(/Khớp số liệu\./);
    expect(expired).toMatch(/đã hết thời hạn 36 tháng/);
  });

  it('draws a proposed unit\'s row one line tall: its name and the default remark each fit their column', async () => {
    const data = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    const name = BATCH.find((b) => b.level !== null && !/Phòng/.test(b.spec.name))!.spec.name;
    const row = markedRow(data, remarkKey(name));
    expect(rowText(data.rows[row - 1]!)).toMatch(/\| Khớp số liệu\. \|/);
    expect(await rowHeight(wb, OFFICER_SHEET['bien-ban-tham-dinh'], row)).toBe(heightFor(1, SIZE.table));
  });
});

describe('the officer\'s words', () => {
  it('keeps what the officer wrote on the minutes and in the templates when the documents are drawn again', async () => {
    const wb = await consolidatedFile(files);
    await generated(wb);
    const data = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    const key = remarkKey('Trường THCS Chu Văn An');
    const row = markedRow(data, key);
    const col = readText(data.rows[row - 1]![MARKER_COL - 1] ?? null).split('@')[1]!;
    const words = 'Đơn vị tự đánh giá chỉ tiêu 2.1 sai; đã trao đổi với Hiệu trưởng ngày 05/01.';
    const templates = await sheet(wb, OFFICER_TEMPLATES_SHEET);
    const bodyRow = templates.rows.findIndex((r) => r[0] === 'chung.uy_ban') + 1;
    await wb.batch(async (s) => {
      s.write({ sheet: OFFICER_SHEET['bien-ban-tham-dinh'], mode: 'existing', cells: [{ at: `${col}${row}`, rows: [[words]] }] });
      s.write({ sheet: OFFICER_TEMPLATES_SHEET, mode: 'existing', cells: [{ at: `B${bodyRow}`, rows: [['Ủy ban nhân dân xã Hòa Bình']] }] });
    });
    const again = await generated(wb);
    expect(again.templates.status).toBe('used');
    const redrawn = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    expect(rowText(redrawn.rows[markedRow(redrawn, key) - 1]!)).toContain(words);
    const decision = (await sheet(wb, OFFICER_SHEET['quyet-dinh-cong-nhan'])).rows.map(rowText).join('\n');
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH');
    expect(decision).not.toContain('CHỦ TỊCH UBND');
  });

  it('takes today’s remarks where the templates sheet holds an earlier release’s defaults verbatim', async () => {
    const wb = await consolidatedFile(files);
    await generated(wb);
    const templates = await sheet(wb, OFFICER_TEMPLATES_SHEET);
    const rowOf = (key: string) => templates.rows.findIndex((r) => r[0] === key) + 1;
    await wb.batch(async (s) =>
      s.write({
        sheet: OFFICER_TEMPLATES_SHEET,
        mode: 'existing',
        cells: (['tham_dinh.y_kien_dat', 'tham_dinh.y_kien_chua_dat'] as const).map((key) => ({ at: `B${rowOf(key)}`, rows: [[OFFICER_FORMER_DEFAULTS[key]![0]!]] })),
      }),
    );
    await generated(wb);
    const minutes = (await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh'])).rows.map(rowText).join('\n');
    expect(minutes).not.toMatch(/Tính lại:|Số liệu khớp kết quả tự đánh giá/);
    expect(minutes).toMatch(/Khớp số liệu\./);
    expect(minutes).toMatch(/Chưa đạt chỉ tiêu \d/);
  });

  it('keeps the officer’s remark from minutes drawn before units were keyed by name and year (name|type)', async () => {
    const wb = await consolidatedFile(files);
    await generated(wb);
    const data = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    const row = markedRow(data, remarkKey('Trường THCS Chu Văn An'));
    const col = readText(data.rows[row - 1]![MARKER_COL - 1] ?? null).split('@')[1]!;
    const words = 'Đã trao đổi với Hiệu trưởng ngày 05/01.';
    await wb.batch(async (s) =>
      s.write({ sheet: OFFICER_SHEET['bien-ban-tham-dinh'], mode: 'existing', cells: [{ at: `${columnLetter(MARKER_COL)}${row}`, rows: [[`tham_dinh.y_kien#Trường THCS Chu Văn An|Trường THCS@${col}`]] }, { at: `${col}${row}`, rows: [[words]] }] }),
    );
    await generated(wb);
    const redrawn = await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']);
    expect(rowText(redrawn.rows[markedRow(redrawn, remarkKey('Trường THCS Chu Văn An')) - 1]!)).toContain(words);
  });

  it('a remark the officer deleted from the table\'s “Ghi chú” no longer keeps the unit out', async () => {
    const wb = await consolidatedFile(files);
    const table = await sheet(wb, CONSOLIDATION_SHEETS.units);
    const header = table.rows.findIndex((r) => r[0] === 'STT');
    const remarksCol = table.rows[header]!.findIndex((c) => c === 'Ghi chú') + 1;
    const row = table.rows.findIndex((r) => r[1] === 'Trường THCS Lý Tự Trọng') + 1;
    await wb.batch(async (s) => s.write({ sheet: CONSOLIDATION_SHEETS.units, mode: 'existing', cells: [{ at: `${columnLetter(remarksCol)}${row}`, rows: [['• Đã đối chiếu bản giấy: số liệu sửa đúng, kết quả không đổi.']] }] }));
    const r = await generated(wb);
    expect(r.units.find((u) => u.name === 'Trường THCS Lý Tự Trọng')?.level).toBe(1);
  });
});

describe('refusals', () => {
  it('a workbook without a consolidated table: a message naming the sheet and what to do, nothing written', async () => {
    const wb = await XlsxWorkbook.create('trong.xlsx', NODE_XLSX);
    const before = await wb.toBytes();
    const r = await generateOfficerDocuments(wb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/chưa có trang “Tổng hợp đơn vị”.*dvht consolidate/);
    expect(Buffer.from(await wb.toBytes()).equals(Buffer.from(before))).toBe(true);
  });
});

describe('dvht officer-documents', () => {
  const capture = () => {
    const io = { stdout: '', stderr: '', out: (s: string) => (io.stdout += s + '\n'), err: (s: string) => (io.stderr += s + '\n') };
    return io as Io & { stdout: string; stderr: string };
  };

  it('leaves a user’s own “Mẫu văn bản tổng hợp” byte for byte and writes the officer’s texts beside it, saying so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-officer-'));
    const file = path.join(dir, 'tong-hop.xlsx');
    const wb = await consolidatedFile(files);
    await wb.batch(async (s) => s.write({ sheet: OFFICER_TEMPLATES_SHEET, mode: 'ensure', cells: [{ at: 'A1', rows: [['Mẫu công văn của phòng'], ['Kính gửi: …']] }] }));
    fs.writeFileSync(file, await wb.toBytes());
    const before = sheetParts(file).find(([n]) => n === OFFICER_TEMPLATES_SHEET)!;
    const io = capture();
    expect(await run(['officer-documents', file], io)).toBe(0);
    expect(io.stdout + io.stderr).toContain('Mẫu văn bản tổng hợp (ĐVHT)');
    for (let run2 = 0; run2 < 2; run2++) {
      const after = sheetParts(file);
      expect(after.find(([n]) => n === OFFICER_TEMPLATES_SHEET)).toEqual(before);
      expect(after.filter(([n]) => n.startsWith(OFFICER_TEMPLATES_SHEET)).map(([n, role]) => [n, role]).sort()).toEqual([
        ['Mẫu văn bản tổng hợp (ĐVHT)', '"officer-templates"'],
        [OFFICER_TEMPLATES_SHEET, null],
      ]);
      expect(await run(['officer-documents', file], capture())).toBe(0);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--office names who examines and submits: it heads the request under the UBND, which it asks, never itself', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-officer-'));
    const file = path.join(dir, 'tong-hop.xlsx');
    fs.writeFileSync(file, await (await consolidatedFile(files)).toBytes());
    expect(await run(['officer-documents', file, '--office', 'Phòng Văn hóa - Xã hội', '--only', 'to-trinh-cong-nhan'], capture())).toBe(0);
    const wb = await XlsxWorkbook.open(fs.readFileSync(file), 'tong-hop.xlsx', NODE_XLSX);
    const request = (await sheet(wb, OFFICER_SHEET['to-trinh-cong-nhan'])).rows.map(rowText).join('\n');
    expect(request).toMatch(/UBND XÃ HÒA BÌNH[ |]*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[ |]*\n[ |]*PHÒNG VĂN HÓA - XÃ HỘI/);
    expect(request).toContain('Phòng Văn hóa - Xã hội kính trình Chủ tịch UBND xã Hòa Bình');
    expect(request).toContain('/TTr-PVHXH');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the documents into the consolidated workbook and names the units kept out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-officer-'));
    const file = path.join(dir, 'tong-hop.xlsx');
    fs.writeFileSync(file, await (await consolidatedFile(files)).toBytes());
    const io = capture();
    expect(await run(['officer-documents', file, '--signer', 'Nguyễn Văn Bình', '--body', 'Phòng Văn hóa - Xã hội xã Hòa Bình'], io)).toBe(0);
    expect(io.stdout).toMatch(/Đã lập 3 văn bản .*Đề nghị công nhận 3 đơn vị; chưa đủ điều kiện 5 đơn vị\./);
    expect(io.stdout).toMatch(/- Trường tiểu học Lê Lợi: Số liệu trong hồ sơ đã được sửa sau lần tự đánh giá ngày \d\d\/\d\d\/\d{4};/);
    // A unit whose own data fall short: the recomputed result and the indicators it misses, not its name alone.
    expect(io.stdout).toMatch(/- Trường mầm non Hoa Sen: tính lại Không đạt \(chưa đạt chỉ tiêu \d\.\d\w?: [\d,]+% < \d+%.*\)\.$/m);
    const wb = await XlsxWorkbook.open(fs.readFileSync(file), 'tong-hop.xlsx', NODE_XLSX);
    const request = (await sheet(wb, OFFICER_SHEET['to-trinh-cong-nhan'])).rows.map(rowText).join('\n');
    // On two lines, broken before the place (as the office's documents head it), not inside its name.
    expect(request).toContain('PHÒNG VĂN HÓA - XÃ HỘI\nXÃ HÒA BÌNH');
    expect(request).toContain('Nguyễn Văn Bình');

    const bad = capture();
    expect(await run(['officer-documents', file, '--only', 'bien-ban'], bad)).toBe(2);
    expect(bad.stderr).toMatch(/bien-ban-tham-dinh, to-trinh-cong-nhan, quyet-dinh-cong-nhan/);
    const none = capture();
    const empty = path.join(dir, 'trong.xlsx');
    fs.writeFileSync(empty, await (await XlsxWorkbook.create('trong.xlsx', NODE_XLSX)).toBytes());
    expect(await run(['officer-documents', empty], none)).toBe(1);
    expect(none.stderr).toMatch(/chưa có trang “Tổng hợp đơn vị”/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
