/**
 * A school's own list with a date of birth column, made by openpyxl (a producer independent of the
 * project's writer), through the commands a clerk runs: `init`, `import`, `evaluate`, and the
 * officer's `consolidate`. Two teachers named alike, born on different dates, are two people: the
 * column comes over into "Thành viên" as the list had it, and nothing says they are listed twice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { capture } from '../support/cliOutput';
import { SHEETS } from '../../src/sheets/names';

jest.setTimeout(120_000);

const LIST_SHEET = 'DS CB-GV-NV';

/** The school's list: title block, header on row 3, two “Nguyễn Thị Lan”, odd birth values below. */
const MAKE_LIST = `
import sys, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
header, epoch, out = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.Workbook()
if epoch == '1904':
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = '${LIST_SHEET}'
ws['A1'] = 'TRƯỜNG THCS NGUYỄN DU'
ws['A2'] = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM HỌC 2024 - 2025'
ws.append(['STT', 'Họ và tên', header, 'Hoàn thành BDTX', 'Tham gia CĐS'])
rows = [
    ('Nguyễn Thị Lan', datetime.datetime(1980, 3, 12)),
    ('Trần Văn Bình', datetime.datetime(1979, 1, 31)),
    ('Nguyễn Thị Lan', datetime.datetime(1992, 7, 5)),
    ('Lê Văn Cường', '12/3/1980'),
    ('Phạm Thị Dung', 1975),
    ('Hoàng Văn Em', None),
]
for i, (name, born) in enumerate(rows):
    ws.append([i + 1, name, born, 'x', 'x'])
    if isinstance(born, datetime.datetime):
        ws.cell(row=ws.max_row, column=3).number_format = 'dd/mm/yyyy'
wb.save(out)
`;

/** The members sheet as openpyxl reads it: the header row, and each row's name and birth cell (value, number format). */
const READ_MEMBERS = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
header_row = next(r for r in range(1, 16) if any(c.value == 'Họ và tên' for c in ws[r]))
headers = [c.value for c in ws[header_row]]
name_col = headers.index('Họ và tên') + 1
birth_col = headers.index(sys.argv[3]) + 1 if sys.argv[3] in headers else None
rows = []
for r in range(header_row + 1, ws.max_row + 1):
    name = ws.cell(row=r, column=name_col).value
    if not name:
        continue
    cell = ws.cell(row=r, column=birth_col) if birth_col else None
    v = cell.value if cell else None
    rows.append([name, v.date().isoformat() if isinstance(v, datetime.datetime) else v, cell.number_format if cell else None])
print(json.dumps({'headers': [h for h in headers if h], 'rows': rows}))
`;

interface MembersRead {
  headers: string[];
  rows: [string, string | number | null, string | null][];
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-birth-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function makeList(header: string, epoch: '1900' | '1904' = '1900'): string {
  const file = path.join(dir, 'ds-can-bo.xlsx');
  execFileSync('/usr/bin/python3', ['-c', MAKE_LIST, header, epoch, file]);
  return file;
}

function readMembers(file: string, birthHeader: string): MembersRead {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_MEMBERS, file, SHEETS.members, birthHeader]).toString()) as MembersRead;
}

async function initUnit(): Promise<string> {
  const file = path.join(dir, 'ho-so', 'truong.xlsx');
  fs.mkdirSync(path.dirname(file));
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025'], capture())).toBe(0);
  return file;
}

const EXPECTED_ROWS: MembersRead['rows'] = [
  ['Nguyễn Thị Lan', '1980-03-12', 'dd/mm/yyyy'],
  ['Trần Văn Bình', '1979-01-31', 'dd/mm/yyyy'],
  ['Nguyễn Thị Lan', '1992-07-05', 'dd/mm/yyyy'],
  ['Lê Văn Cường', '12/3/1980', expect.any(String)],
  ['Phạm Thị Dung', 1975, 'General'],
  ['Hoàng Văn Em', null, expect.any(String)],
];

describe('a staff list with a date of birth column, through init, import, evaluate and consolidate', () => {
  it('carries the column over as the list has it, and two namesakes born on different dates are not said to be listed twice', async () => {
    const list = makeList('Ngày sinh');
    const unit = await initUnit();

    const imported = capture();
    expect(await run(['import', list, '--sheet', LIST_SHEET, '--into', unit], imported)).toBe(0);
    const out = imported.stdout.join('\n');
    expect(out).toContain('C “Ngày sinh” → Ngày sinh / năm sinh (mang sang như danh sách nguồn, để phân biệt người trùng tên)');
    expect(out).toContain('thêm 6, cập nhật 0, không đổi 0');
    // The odd values (a text date, a year, a blank) are no unreadable cells.
    expect(imported.stderr.join('\n')).not.toMatch(/'DS CB-GV-NV'!C\d/);

    const members = readMembers(unit, 'Ngày sinh');
    expect(members.headers).toContain('Ngày sinh');
    expect(members.rows).toEqual(EXPECTED_ROWS);

    const evaluated = capture();
    await run(['evaluate', unit, '--json'], evaluated);
    const warnings: { message: string }[] = JSON.parse(evaluated.stdout.join('\n')).warnings;
    expect(warnings.filter((w) => w.message.includes('Nguyễn Thị Lan'))).toEqual([]);

    const consolidated = capture();
    await run(['consolidate', path.dirname(unit), '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], consolidated);
    const units: { flags: { code: string }[] }[] = JSON.parse(consolidated.stdout.join('\n')).units;
    expect(units).toHaveLength(1);
    expect(units[0]!.flags.map((f) => f.code)).not.toContain('duplicateMember');
  });

  it('--json reports no issue for the odd birth values and maps the column to the date of birth', async () => {
    const list = makeList('Năm sinh');
    const unit = await initUnit();
    const io = capture();
    expect(await run(['import', list, '--sheet', LIST_SHEET, '--into', unit, '--json', '--dry-run'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.mapping['Năm sinh']).toBe('birthDate');
    expect(json.issues).toEqual([]);
    expect(json.rows.map((r: { values: Record<string, unknown> }) => r.values['birthDate'])).toEqual(['12/03/1980', '31/01/1979', '05/07/1992', '12/3/1980', 1975, null]);
  });

  it('reads the dates of a list saved in the 1904 date system as the dates they are; the column keeps the list’s own header', async () => {
    const list = makeList('Năm sinh', '1904');
    const unit = await initUnit();
    expect(await run(['import', list, '--sheet', LIST_SHEET, '--into', unit], capture())).toBe(0);
    const members = readMembers(unit, 'Năm sinh');
    expect(members.headers).toContain('Năm sinh');
    expect(members.headers).not.toContain('Ngày sinh');
    expect(members.rows).toEqual(EXPECTED_ROWS);
  });
});
