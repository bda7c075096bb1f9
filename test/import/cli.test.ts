/** `dvht import` on files: exit codes, the atomic write, the source file left alone. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { readWorkbookFile } from '../support/exceljs/files';
import { addCdhtSheet, addStaffSheet, fieldCol, memberRows, sourceAndUnit, SOURCE } from './messySheets';
import { SHEETS } from '../../src/sheets/names';
import { columnLetter } from '../../src/workbook/a1';
import { capture } from '../support/cliOutput';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-import-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const files = () => sourceAndUnit(dir, (wb) => addStaffSheet(wb), (wb) => addCdhtSheet(wb));

describe('dvht import', () => {
  it('imports, prints the mapping and the counts, and never touches the source file', async () => {
    const { source, into } = await files();
    const sourceBytes = fs.readFileSync(source);
    const io = capture();
    expect(await run(['import', source, '--sheet', SOURCE, '--into', into], io)).toBe(0);
    expect(fs.readFileSync(source).equals(sourceBytes)).toBe(true);
    const out = io.stdout.join('\n');
    expect(out).toContain('C “Họ và tên” → Họ và tên');
    expect(out).toContain('N “Năm sinh” → Ngày sinh / năm sinh (mang sang như danh sách nguồn, để phân biệt người trùng tên)');
    expect(out).toContain('thêm 6, cập nhật 0, không đổi 0');
    expect(io.stderr.join('\n')).toContain("'DS CB-GV-NV'!G12");
    const rows = memberRows((await readWorkbookFile(into)).workbook);
    expect(rows.map((r) => r['Họ và tên'])).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Minh Đức', 'Lê Thị Hoa', 'Võ Thị Hạnh']);
    // No temporary file left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['danh sach.xlsx', 'truong.xlsx']);
  });

  it('--json reports the mapping, rows, issues and diff; --dry-run writes nothing', async () => {
    const { source, into } = await files();
    const before = fs.readFileSync(into);
    const io = capture();
    expect(await run(['import', source, '--sheet', SOURCE, '--into', into, '--json', '--dry-run'], io)).toBe(0);
    expect(fs.readFileSync(into).equals(before)).toBe(true);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.applied).toBe(false);
    expect(json.mapping['Họ và tên']).toBe('name');
    expect(json.issues.map((i: { cell: string }) => i.cell)).toEqual(['G12', 'H13', 'L13', 'C18']);
    expect(json.diff.added).toHaveLength(6);
  });

  it('reports a source cell whose formula was never calculated (saved by openpyxl), not an empty or an error cell', async () => {
    const { source, into } = await files();
    const saved = path.join(dir, 'openpyxl.xlsx');
    // openpyxl stores no result for a formula: a yes/no cell and a name typed as formulas.
    const script = ['import sys, openpyxl', 'wb = openpyxl.load_workbook(sys.argv[1])', `ws = wb['${SOURCE}']`, "ws['G9'] = '=\"x\"'", "ws['C10'] = '=\"Trần Thị Bình\"'", 'wb.save(sys.argv[2])'].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, source, saved]);
    const io = capture();
    expect(await run(['import', saved, '--sheet', SOURCE, '--into', into, '--json', '--dry-run'], io)).toBe(0);
    const issues: { cell: string; reason: string; message: string }[] = JSON.parse(io.stdout.join('\n')).issues;
    const g9 = issues.find((i) => i.cell === 'G9')!;
    expect(g9.reason).toBe('formulaNotCalculated');
    expect(g9.message).toMatch(/^'DS CB-GV-NV'!G9 \(cột “.*”\): công thức chưa được tính — tệp nguồn được lưu bằng một chương trình không tính công thức/);
    expect(g9.message).toContain('Mở tệp nguồn bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại');
    const c10 = issues.find((i) => i.cell === 'C10')!;
    expect(c10.reason).toBe('formulaNotCalculated');
    expect(c10.message).toContain("'DS CB-GV-NV'!C10: công thức ở ô họ và tên chưa được tính");
    expect(io.stdout.join('\n')).not.toContain('#UNCALCULATED');
  });

  it('a re-import keeps values the list leaves blank and lists the cells it changes; --clear-blanks empties them', async () => {
    const { source, into } = await files();
    await run(['import', source, '--sheet', SOURCE, '--into', into], capture());
    const typed = await readWorkbookFile(into);
    const an = memberRows(typed.workbook).find((r) => r['Mã định danh'] === 'CB001')!.row as number;
    typed.workbook.getWorksheet(SHEETS.members)!.getCell(an, fieldCol('note')).value = 'Nghỉ thai sản';
    fs.writeFileSync(into, await typed.toBuffer());
    const next = path.join(dir, 'ds 2026.xlsx');
    const src = ExcelJsWorkbook.create('ds 2026.xlsx');
    addStaffSheet(src.workbook, 'nextYear');
    fs.writeFileSync(next, await src.toBuffer());
    const noteAt = `'${SHEETS.members}'!${columnLetter(fieldCol('note'))}${an}`;

    const dry = capture();
    expect(await run(['import', next, '--sheet', SOURCE, '--into', into, '--dry-run'], dry)).toBe(0);
    const out = dry.stdout.join('\n');
    expect(out).toContain(`Nguyễn Văn An, '${SHEETS.members}'!${columnLetter(fieldCol('digital'))}${an}: Tham gia chuyển đổi số: Có → Không`);
    expect(out).toContain(`Giữ nguyên 1 ô đã có ở trang “${SHEETS.members}” mà danh sách để trống: ${noteAt} (Ghi chú của Nguyễn Văn An: “Nghỉ thai sản”)`);
    expect(out).toContain('--clear-blanks');
    const json = capture();
    expect(await run(['import', next, '--sheet', SOURCE, '--into', into, '--dry-run', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join('\n')).diff.kept).toEqual([{ name: 'Nguyễn Văn An', sourceRow: 9, target: 'note', header: 'Ghi chú', cell: `${columnLetter(fieldCol('note'))}${an}`, value: 'Nghỉ thai sản' }]);

    const clearing = capture();
    expect(await run(['import', next, '--sheet', SOURCE, '--into', into, '--clear-blanks', '--json'], clearing)).toBe(0);
    const cleared = JSON.parse(clearing.stdout.join('\n'));
    expect(cleared.diff.kept).toEqual([]);
    expect(cleared.diff.updated[0].changes).toContainEqual({ target: 'note', header: 'Ghi chú', cell: `${columnLetter(fieldCol('note'))}${an}`, before: 'Nghỉ thai sản', after: '' });
    expect(memberRows((await readWorkbookFile(into)).workbook).find((r) => r.row === an)!['Ghi chú']).toBeNull();
  });

  it('takes a mapping file, and rejects one naming unknown columns (exit 2)', async () => {
    const { source, into } = await files();
    const mapping = path.join(dir, 'ghep.json');
    fs.writeFileSync(mapping, JSON.stringify({ 'Ghi chú': null, D: 'Tổ / bộ phận', Tổ: '' }));
    const io = capture();
    expect(await run(['import', source, '--sheet', SOURCE, '--into', into, '--mapping', mapping, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.mapping).toMatchObject({ 'Ghi chú': null, 'Chức vụ': 'team', Tổ: null });
    fs.writeFileSync(mapping, JSON.stringify({ 'Không có cột này': 'name' }));
    const bad = capture();
    expect(await run(['import', source, '--sheet', SOURCE, '--into', into, '--mapping', mapping], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toContain('Không có cột này');
  });

  it('--cdht-only merges results into known members', async () => {
    const { source, into } = await files();
    await run(['import', source, '--sheet', SOURCE, '--into', into], capture());
    const io = capture();
    expect(await run(['import', source, '--sheet', 'CDHT 2025', '--into', into, '--cdht-only'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('cập nhật 2, không đổi 1, không khớp 2');
    const rows = memberRows((await readWorkbookFile(into)).workbook);
    expect(rows[0]!['Điểm CDHT']).toBe(88);
  });

  it('exit codes: 2 for usage, 1 for a target without unit sheets, a missing sheet or no header', async () => {
    const { source, into } = await files();
    const io = capture();
    expect(await run(['import', source, '--sheet', SOURCE], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--into');
    expect(await run(['import', '--sheet', SOURCE, '--into', into], capture())).toBe(2);
    expect(await run(['import', source, '--into', into], capture())).toBe(2);

    const bare = path.join(dir, 'moi.xlsx');
    const w = ExcelJsWorkbook.create('moi.xlsx');
    w.workbook.addWorksheet('Sheet1');
    fs.writeFileSync(bare, await w.toBuffer());
    const noInit = capture();
    const bareBytes = fs.readFileSync(bare);
    expect(await run(['import', source, '--sheet', SOURCE, '--into', bare], noInit)).toBe(1);
    expect(noInit.stderr.join('\n')).toContain('dvht init');
    expect(fs.readFileSync(bare).equals(bareBytes)).toBe(true);

    const missing = capture();
    expect(await run(['import', source, '--sheet', 'Không có', '--into', into], missing)).toBe(1);
    expect(missing.stderr.join('\n')).toContain(SOURCE);

    const empty = path.join(dir, 'trong.xlsx');
    const e = ExcelJsWorkbook.create('trong.xlsx');
    e.workbook.addWorksheet('Trang 1').getCell('A1').value = 'Không có tiêu đề';
    fs.writeFileSync(empty, await e.toBuffer());
    const noHeader = capture();
    expect(await run(['import', empty, '--sheet', 'Trang 1', '--into', into], noHeader)).toBe(1);
    expect(noHeader.stderr.join('\n')).toContain('dòng tiêu đề');
  });
});
