/**
 * `dvht import`: which sheet of the source is read. A clerk types the name as it looks on the
 * tab: spaces at its ends, doubled or non-breaking spaces inside, and case are forgiven when
 * one sheet answers. Without --sheet, a source of one sheet is read from it (said so); one of
 * several lists them. A workbook named after the source without --into is pointed to --into.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
