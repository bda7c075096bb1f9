/**
 * A staff list's long texts ("Phó Hiệu trưởng phụ trách chuyên môn kiêm Chủ tịch Công đoàn", a
 * note of a few lines) wrap in “Thành viên”'s narrower columns: the rows import writes get the
 * height of their wrapped text. LibreOffice and the preview draw a row at its stored height, so a
 * row of three lines left at one line's height printed its lines over the next member's.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { capture } from '../support/cliOutput';
import { SHEETS } from '../../src/sheets/names';
import { heightFor } from '../../src/sheets/documentLayout';
import { DATA_FONT_SIZE } from '../../src/sheets/styles';

jest.setTimeout(120_000);

const LONG_POSITION = 'Phó Hiệu trưởng phụ trách chuyên môn kiêm Chủ tịch Công đoàn';
const LONG_NOTE = 'Nghỉ thai sản từ tháng 3 đến hết tháng 8 năm 2025, đã đi làm lại từ đầu tháng 9';

const MAKE_LIST = `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'DS'
ws.append(['STT', 'Họ và tên', 'Chức vụ', 'Tổ chuyên môn', 'Ghi chú'])
for row in eval(sys.argv[2]):
    ws.append(row)
wb.save(sys.argv[1])
`;

/** Each member row's stored height (None when it has none), by the member's name, as openpyxl reads the file. */
const READ_HEIGHTS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
header = next(r for r in range(1, 16) if any(c.value == 'Họ và tên' for c in ws[r]))
col = [c.value for c in ws[header]].index('Họ và tên') + 1
out = {}
for r in range(header + 1, ws.max_row + 1):
    name = ws.cell(row=r, column=col).value
    if name:
        out[name] = ws.row_dimensions[r].height
print(json.dumps(out))
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-import-heights-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function list(file: string, rows: (string | number)[][]): string {
  const out = path.join(dir, file);
  execFileSync('/usr/bin/python3', ['-c', MAKE_LIST, out, JSON.stringify(rows)]);
  return out;
}

const heights = (file: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_HEIGHTS, file, SHEETS.members], { encoding: 'utf8' })) as Record<string, number | null>;

async function imported(source: string, into: string): Promise<void> {
  const out = capture();
  expect(await run(['import', source, '--sheet', 'DS', '--into', into], out)).toBe(0);
}

test('members added with long texts get rows as tall as their wrapped lines; one-line members keep the default', async () => {
  const unit = path.join(dir, 'truong.xlsx');
  expect(await run(['init', '-o', unit, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--year', '2025'], capture())).toBe(0);
  await imported(list('ds.xlsx', [[1, 'Nguyễn Thị Lan', LONG_POSITION, 'Tổ Khoa học tự nhiên và Công nghệ', LONG_NOTE], [2, 'Trần Văn Nam', 'Giáo viên', 'Tổ Toán', '']]), unit);
  const h = heights(unit);
  expect(h['Nguyễn Thị Lan']).toBeGreaterThanOrEqual(heightFor(3, DATA_FONT_SIZE));
  expect(h['Trần Văn Nam']).toBeNull();
  // A re-import that makes the text longer fits the row again.
  await imported(list('ds2.xlsx', [[1, 'Nguyễn Thị Lan', 'Giáo viên', 'Tổ Toán', ''], [2, 'Trần Văn Nam', LONG_POSITION, 'Tổ Toán', LONG_NOTE]]), unit);
  expect(heights(unit)['Trần Văn Nam']).toBeGreaterThanOrEqual(heightFor(3, DATA_FONT_SIZE));
});
