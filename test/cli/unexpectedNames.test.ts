/**
 * The last-resort message of a command given several files names the one at fault when the
 * command knows it (the one it was working on), or says plainly that it is not known: never
 * every file given, which sent the user to re-save files that were fine.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import * as importMembers from '../../src/usecases/import/importMembers';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { captureText, initSample } from '../support/cliOutput';
import { addStaffSheet, sourceAndUnit } from '../import/messySheets';

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-unexpected-names-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fault = () => new TypeError("Cannot read properties of undefined (reading 'cells')");
const named = (stderr: string, file: string) => stderr.includes(`“${file}”`);

describe('import (a source and a workbook imported into)', () => {
  it('a fault while reading the source names the source alone, in Vietnamese and in English', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'));
    jest.spyOn(importMembers, 'readSourceSheet').mockRejectedValue(fault());
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into], io)).toBe(1);
    expect(io.stderr.trim()).toBe(
      `Lệnh “import” dừng vì một lỗi không lường trước khi xử lý “${source}”: Cannot read properties of undefined (reading 'cells'). Các tệp đã có không bị ghi đè dở dang. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi chạy lại; nếu vẫn lỗi, gửi tệp cùng dòng thông báo này cho người hỗ trợ.`,
    );
    expect(fs.readFileSync(into).equals(before)).toBe(true);
    const en = captureText();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into, '--lang', 'en'], en)).toBe(1);
    expect(en.stderr).toMatch(/^The command “import” stopped on an unexpected error while handling “[^”]*danh sach\.xlsx”: Cannot read/);
    expect(named(en.stderr, into)).toBe(false);
  });

  it('a fault while importing names the workbook imported into alone', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'));
    jest.spyOn(importMembers, 'applyImport').mockRejectedValue(fault());
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “import” dừng vì một lỗi không lường trước khi xử lý “[^”]*truong\.xlsx”: Cannot read/);
    expect(named(io.stderr, source)).toBe(false);
    expect(fs.readFileSync(into).equals(before)).toBe(true);
  });
});

describe('consolidate (many unit files)', () => {
  it('a fault while taking in one unit, past its reading: no file is named, and the message says which is not known', async () => {
    const files = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'].map((f) => path.join(dir, f));
    expect(await initSample(files[0]!)).toBe(0);
    for (const f of files.slice(1)) fs.copyFileSync(files[0]!, f);
    const add = Consolidation.prototype.add;
    jest.spyOn(Consolidation.prototype, 'add').mockImplementation(function (this: Consolidation, ...args: Parameters<Consolidation['add']>) {
      if (args[0].report.file === 'b.xlsx') throw fault();
      return add.apply(this, args);
    });
    const output = path.join(dir, 'tong-hop.xlsx');
    const io = captureText();
    expect(await run(['consolidate', ...files, '-o', output], io)).toBe(1);
    expect(io.stderr.trim()).toBe(
      "Lệnh “consolidate” dừng vì một lỗi không lường trước: Cannot read properties of undefined (reading 'cells'). Không rõ lỗi ở tệp nào trong các tệp đã cho. Các tệp đã có không bị ghi đè dở dang. Hãy chạy lại; nếu vẫn lỗi, gửi dòng thông báo này cùng các tệp cho người hỗ trợ.",
    );
    expect(fs.existsSync(output)).toBe(false);
    const en = captureText();
    expect(await run(['consolidate', ...files, '-o', output, '--lang', 'en'], en)).toBe(1);
    expect(en.stderr.trim()).toBe(
      "The command “consolidate” stopped on an unexpected error: Cannot read properties of undefined (reading 'cells'). Which of the files given it came from is not known. No existing file was left half-written. Run it again; if it still fails, send this message and the files to support.",
    );
  });

  it('a fault while writing the table names the table alone', async () => {
    const files = ['a.xlsx', 'b.xlsx'].map((f) => path.join(dir, f));
    expect(await initSample(files[0]!)).toBe(0);
    fs.copyFileSync(files[0]!, files[1]!);
    const output = path.join(dir, 'tong-hop.xlsx');
    jest.spyOn(XlsxWorkbook.prototype, 'toBytes').mockRejectedValue(fault());
    const io = captureText();
    expect(await run(['consolidate', ...files, '-o', output], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “consolidate” dừng vì một lỗi không lường trước khi xử lý “[^”]*tong-hop\.xlsx”: Cannot read/);
    for (const f of files) expect(named(io.stderr, f)).toBe(false);
  });
});
