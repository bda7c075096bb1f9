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
