/**
 * `dvht init --sample --type …`: the sample is a unit of that type (a commune's UBND is no
 * school), through evaluate and the documents, whose signature is its head's; and a unit of
 * its rule set, whose dossier goes to a body of a tier that receives it: evaluate warns of
 * nothing in the sample's own made-up details.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-sample-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ran(argv: string[]): Promise<void> {
  const io = captureText();
  expect({ code: await run(argv, io), err: io.stderr }).toEqual({ code: 0, err: '' });
}

/** Every text cell of the sheets `which` keeps, by sheet. */
async function texts(file: string, which: (sheet: string) => boolean): Promise<Map<string, string[]>> {
  const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), 'x');
  const out = new Map<string, string[]>();
  wb.workbook.eachSheet((ws) => {
    if (!which(ws.name)) return;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && cells.push(cell.value))));
    out.set(ws.name, cells);
  });
  return out;
}

describe('dvht init --sample follows --type', () => {
  it('a commune People’s Committee: no school in its members, no learners, its Chủ tịch signs the documents', async () => {
    const file = path.join(dir, 'xa.xlsx');
    await ran(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'UBND xã Hòa Bình', '--type', 'ubnd-xa', '--year', '2025', '--sample']);
    await ran(['evaluate', file]);
    await ran(['documents', file]);
    // The lists and the criteria name every type of unit; the templates' hints speak of schools among others.
    const sheets = await texts(file, (s) => !['Danh mục', 'Tiêu chí', 'Mẫu văn bản'].includes(s));
    expect(sheets.has('Người học')).toBe(false);
    const school = [...sheets].flatMap(([sheet, cells]) => cells.filter((c) => /Hiệu trưởng|HIỆU TRƯỞNG|Giáo viên|Tổ Khoa học|lớp 6A/.test(c)).map((c) => `${sheet}: ${c}`));
    expect(school).toEqual([]);
    expect(sheets.get('Thành viên')).toEqual(expect.arrayContaining(['Chủ tịch', 'Phó Chủ tịch', 'Văn phòng - Thống kê']));
    expect(sheets.get('Quyết định thành lập')).toEqual(expect.arrayContaining([expect.stringContaining('CHỦ TỊCH UBND XÃ HÒA BÌNH')]));
  });

  it('a kindergarten: its groups by age in “Người học”', async () => {
    const file = path.join(dir, 'mn.xlsx');
    await ran(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Mầm non Hoa Sen', '--type', 'mn', '--year', '2025', '--sample']);
    const learners = (await texts(file, (s) => s === 'Người học')).get('Người học')!;
    expect(learners).toEqual(expect.arrayContaining(['Nhà trẻ 24-36 tháng', 'Mẫu giáo 5-6 tuổi A']));
    expect(learners.filter((c) => /^\d+[A-C]$/.test(c))).toEqual([]);
  });
});

describe('dvht init --sample follows its rule set', () => {
  const TYPES = ['thpt', 'thcs', 'mn', 'ubnd-xa', 'co-quan', 'dai-hoc'];
  const PRESETS = ['tt24-co-so-md1', 'tt24-co-so-md2', 'tt24-tinh-md1', 'tt24-tinh-md2', 'tt22-100'];

  it.each(PRESETS)('%s: evaluate warns of nothing in “Thông tin đơn vị” for any type', async (preset) => {
    const warned: string[] = [];
    for (const type of TYPES) {
      const file = path.join(dir, `${preset}-${type}.xlsx`);
      // The year as init takes it by default (this year) for one type, 2025 for the others.
      const year = type === 'thcs' ? [] : ['--year', '2025'];
      await ran(['init', '-o', file, '--preset', preset, '--unit', 'Trường A', '--type', type, '--sample', '--members', '12', ...year]);
      const io = captureText();
      await run(['evaluate', file, '--json'], io);
      const warnings = (JSON.parse(io.stdout) as { warnings: { sheet: string; message: string }[] }).warnings;
      warned.push(...warnings.filter((w) => w.sheet === 'Thông tin đơn vị').map((w) => `${type}: ${w.message}`));
    }
    expect(warned).toEqual([]);
  });
});
