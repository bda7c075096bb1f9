/**
 * `dvht import`: which sheet of the source is read. A clerk types the name as it looks on the
 * tab: spaces at its ends, doubled or non-breaking spaces inside, and case are forgiven when
 * one sheet answers. Without --sheet, a source of one sheet is read from it (said so); one of
 * several lists them. A workbook named after the source without --into is pointed to --into.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { addContractSheet, addStaffSheet, sourceAndUnit } from '../import/messySheets';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-import-sheet-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The staff list under the tab name "DS CB-GV-NV " (a trailing space), beside the contract workers'. */
const spaced = () => sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS CB-GV-NV '), (wb) => addContractSheet(wb));

describe('the sheet named by --sheet', () => {
  it.each([['DS CB-GV-NV'], ['ds  cb-gv-nv'], ['DS\u00a0CB-GV-NV'], [' DS CB-GV-NV ']])('“%s” finds the sheet “DS CB-GV-NV ”', async (asked) => {
    const { source, into } = await spaced();
    const io = captureText();
    expect({ code: await run(['import', source, '--sheet', asked, '--into', into], io), err: io.stderr }).toMatchObject({ code: 0 });
    expect(io.stdout).toContain('thêm 6');
    expect(io.stdout).toContain('từ trang “DS CB-GV-NV ”');
  });

  it('two sheets that differ only in spaces are not guessed between: both are named', async () => {
    const { source, into } = await sourceAndUnit(
      dir,
      (wb) => addStaffSheet(wb, 'first', 'DS CB-GV-NV '),
      (wb) => addStaffSheet(wb, 'first', 'DS  CB-GV-NV'),
    );
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS CB-GV-NV', '--into', into], io)).toBe(1);
    expect(io.stderr).toContain('“DS CB-GV-NV ”, “DS  CB-GV-NV”');
    expect(fs.readFileSync(into).equals(before)).toBe(true);
  });

  it('a sheet that is not there: the sheets are listed in quotes, a trailing space visible', async () => {
    const { source, into } = await spaced();
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'Giáo viên', '--into', into], io)).toBe(1);
    expect(io.stderr).toContain('Không có trang “Giáo viên”. Các trang có: “DS CB-GV-NV ”, “Hợp đồng”.');
  });
});

describe('no --sheet', () => {
  it('a source of several sheets: exit 2, nothing written, the sheets listed and how to name one', async () => {
    const { source, into } = await spaced();
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--into', into], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('--sheet');
    expect(io.stderr).toContain('“DS CB-GV-NV ”, “Hợp đồng”');
    expect(io.stderr).not.toContain('dvht --help');
    expect(fs.readFileSync(into).equals(before)).toBe(true);
    const en = captureText();
    expect(await run(['import', source, '--into', into, '--lang', 'en'], en)).toBe(2);
    expect(en.stderr).toContain('Which sheet to import (--sheet)?');
    expect(en.stderr).toContain('“DS CB-GV-NV ”, “Hợp đồng”');
  });

  it('a source of one sheet is read from it, and the output says which', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'Sheet1'));
    const io = captureText();
    expect(await run(['import', source, '--into', into], io)).toBe(0);
    expect(io.stdout).toContain('chỉ có một trang, “Sheet1”');
    expect(io.stdout).toContain('thêm 6');
    const json = captureText();
    expect(await run(['import', source, '--into', into, '--json', '--dry-run'], json)).toBe(0);
    expect(JSON.parse(json.stdout).sheet).toBe('Sheet1');
  });
});

describe('the workbook to import into, named without --into', () => {
  it('is refused (exit 2, nothing written) with the option to write', async () => {
    const { source, into } = await spaced();
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS CB-GV-NV', into], io)).toBe(2);
    expect(io.stderr).toContain(`--into "${into}"`);
    expect(fs.readFileSync(into).equals(before)).toBe(true);
    const en = captureText();
    expect(await run(['import', source, '--sheet', 'DS CB-GV-NV', into, '--lang', 'en'], en)).toBe(2);
    expect(en.stderr).toContain(`--into "${into}"`);
  });
});

/**
 * Sheets a clerk does not see in Excel: a very hidden one (only a macro or the VBA editor shows it)
 * is never listed nor suggested; a hidden one (Excel's Unhide shows it) is not read without being
 * named, and is listed marked as hidden. Either is read when --sheet names it.
 */
describe('hidden sheets of the source', () => {
  const settings = (state: 'hidden' | 'veryHidden', name = 'Cấu hình') => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = 'Họ và tên';
    ws.getCell('A2').value = 'Nguyễn Văn Macro';
    ws.state = state;
  };

  it('a very hidden sheet before the staff list: the list is the only sheet the clerk sees, and it is read', async () => {
    const { source, into } = await sourceAndUnit(dir, settings('veryHidden'), (wb) => addStaffSheet(wb, 'first', 'DS'));
    const io = captureText();
    expect({ code: await run(['import', source, '--into', into], io), err: io.stderr }).toMatchObject({ code: 0 });
    expect(io.stdout).toContain('“DS”');
    expect(io.stdout).toContain('thêm 6');
    expect(io.stdout + io.stderr).not.toContain('Cấu hình');
  });

  it('several sheets beside a very hidden one: it is neither listed nor the example', async () => {
    const { source, into } = await sourceAndUnit(dir, settings('veryHidden'), (wb) => addStaffSheet(wb, 'first', 'DS'), (wb) => addContractSheet(wb));
    const io = captureText();
    expect(await run(['import', source, '--into', into], io)).toBe(2);
    expect(io.stderr).toContain('Các trang của');
    expect(io.stderr).toContain('“DS”, “Hợp đồng”');
    expect(io.stderr).toContain('--sheet "DS"');
    expect(io.stderr).not.toContain('Cấu hình');
    // Nor when a name is not found.
    const missing = captureText();
    expect(await run(['import', source, '--sheet', 'Giáo viên', '--into', into], missing)).toBe(1);
    expect(missing.stderr).toContain('Các trang có: “DS”, “Hợp đồng”.');
  });

  it('a hidden sheet is not read without being named: listed as hidden, never the example', async () => {
    const { source, into } = await sourceAndUnit(dir, settings('hidden', 'DS cũ'), (wb) => addStaffSheet(wb, 'first', 'DS'));
    const io = captureText();
    expect({ code: await run(['import', source, '--into', into, '--dry-run'], io), err: io.stderr }).toMatchObject({ code: 0 });
    expect(io.stdout).toContain('“DS”');
    // Said, so a clerk who hid the real list knows it was left out and how to take it.
    expect(io.stdout).toContain('“DS cũ” (trang ẩn)');
    const en = captureText();
    expect(await run(['import', source, '--into', into, '--dry-run', '--lang', 'en'], en)).toBe(0);
    expect(en.stdout).toContain('“DS cũ” (hidden)');
    const json = captureText();
    expect(await run(['import', source, '--into', into, '--dry-run', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout).sheet).toBe('DS');

    const several = await sourceAndUnit(path.join(dir), settings('hidden', 'DS cũ'), (wb) => addContractSheet(wb), (wb) => addStaffSheet(wb, 'first', 'DS'));
    const list = captureText();
    expect(await run(['import', several.source, '--into', several.into], list)).toBe(2);
    expect(list.stderr).toContain('“Hợp đồng”, “DS”, “DS cũ” (trang ẩn)');
    expect(list.stderr).toContain('--sheet "Hợp đồng"');
  });

  it.each([['veryHidden'], ['hidden']] as const)('a %s sheet named with --sheet is read', async (state) => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'), (wb) => (addStaffSheet(wb, 'first', 'Lưu').state = state));
    const io = captureText();
    expect({ code: await run(['import', source, '--sheet', 'lưu', '--into', into, '--dry-run', '--json'], io), err: io.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(io.stdout).sheet).toBe('Lưu');
  });
});

describe('empty sheets of the source', () => {
  it('the staff list beside the empty Sheet2 and Sheet3 a new workbook came with is read, the empty ones said', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'), (wb) => wb.addWorksheet('Sheet2'), (wb) => wb.addWorksheet('Sheet3'));
    const io = captureText();
    expect({ code: await run(['import', source, '--into', into], io), err: io.stderr }).toMatchObject({ code: 0 });
    expect(io.stdout).toContain('“DS”');
    expect(io.stdout).toContain('“Sheet2” (trống), “Sheet3” (trống)');
    expect(io.stdout).toContain('thêm 6');
  });

  it('two lists and an empty sheet: the clerk is asked, the empty one marked and never the example', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => wb.addWorksheet('Sheet1'), (wb) => addStaffSheet(wb, 'first', 'DS'), (wb) => addContractSheet(wb));
    const io = captureText();
    expect(await run(['import', source, '--into', into], io)).toBe(2);
    expect(io.stderr).toContain('“DS”, “Hợp đồng”, “Sheet1” (trống)');
    expect(io.stderr).toContain('--sheet "DS"');
  });
});

it('asked among several sheets, the example is the one that looks like a staff list, not the first tab', async () => {
  const { source, into } = await sourceAndUnit(
    dir,
    (wb) => {
      const ws = wb.addWorksheet('Thống kê');
      ws.getRow(1).values = ['Tổng số', 'Nam', 'Nữ'];
      ws.getRow(2).values = [7, 3, 4];
    },
    (wb) => addStaffSheet(wb, 'first', 'DS'),
    (wb) => addContractSheet(wb),
  );
  const io = captureText();
  expect(await run(['import', source, '--into', into], io)).toBe(2);
  expect(io.stderr).toContain('“Thống kê”, “DS”, “Hợp đồng”');
  expect(io.stderr).toContain('--sheet "DS"');
});
