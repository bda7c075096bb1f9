/**
 * officer-documents handed a unit's own workbook (not the officer's consolidated one): it says
 * so, naming the file, and points to consolidating the units' files into a new workbook, never
 * into the unit's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOfficerDocuments } from '../../src/usecases/officerDocuments';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { run, type Io } from '../../src/cli/main';
import { unitWorkbook } from '../consolidate/corpus';
import { Consolidation, writeConsolidation } from '../../src/usecases/consolidate';

jest.setTimeout(120_000);

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' });
});

describe('officer-documents on a unit’s workbook', () => {
  it('names the file as a unit’s workbook and asks to consolidate into a new officer workbook, writing nothing', async () => {
    const wb = await XlsxWorkbook.open(bytes, 'truong-nguyen-du.xlsx', NODE_XLSX);
    const r = await generateOfficerDocuments(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('“truong-nguyen-du.xlsx” là sổ tự đánh giá của một đơn vị');
    expect(r.message).toContain('dvht consolidate <thư mục hồ sơ> -o tong-hop.xlsx');
    expect(r.message).not.toContain('-o “truong-nguyen-du.xlsx”');
    const en = await generateOfficerDocuments(wb, { lang: 'en' });
    expect(en.ok).toBe(false);
    if (!en.ok) expect(en.message).toContain('“truong-nguyen-du.xlsx” is a unit’s self-evaluation workbook');
  });

  it('dvht officer-documents exits 1 with that message and leaves the unit’s file as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-officer-unit-'));
    const file = path.join(dir, 'truong.xlsx');
    fs.writeFileSync(file, bytes);
    const io = { stdout: '', stderr: '', out: (s: string) => (io.stdout += s + '\n'), err: (s: string) => (io.stderr += s + '\n') };
    expect(await run(['officer-documents', file], io as Io)).toBe(1);
    expect(io.stderr).toContain(`“${path.basename(file)}” là sổ tự đánh giá của một đơn vị`);
    expect(io.stderr).toContain('dvht consolidate <thư mục hồ sơ> -o tong-hop.xlsx');
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('officer-documents on a consolidated table without units', () => {
  // The CLI prints the message alone: the cell it named ('Tổng hợp đơn vị'!A1) did not say which workbook.
  it('names the workbook and the sheet', async () => {
    const wb = await XlsxWorkbook.create('tong-hop-xa.xlsx', NODE_XLSX);
    await writeConsolidation(wb, new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', asOf: new Date(Date.UTC(2026, 0, 10)) }).finish());
    const r = await generateOfficerDocuments(wb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Sổ “tong-hop-xa\.xlsx”, 'Tổng hợp đơn vị'!A1: bảng chưa có đơn vị nào\./);
    const en = await generateOfficerDocuments(wb, { lang: 'en' });
    if (!en.ok) expect(en.message).toMatch(/^Workbook “tong-hop-xa\.xlsx”, 'Tổng hợp đơn vị'!A1: the table has no unit yet\./);
    expect(en.ok).toBe(false);
  });
});
