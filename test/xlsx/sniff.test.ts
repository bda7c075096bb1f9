/**
 * A text file given for a workbook is called CSV only when it looks like one (a separator on
 * most lines, as many on most); a script, a note or a log is a text file, said so without CSV.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sniff } from '../../src/xlsx/sniff';
import { XlsxError } from '../../src/xlsx/errors';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';

function kind(text: string | Uint8Array): string {
  try {
    sniff(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  } catch (e) {
    if (e instanceof XlsxError) return e.kind;
    throw e;
  }
  return 'zip';
}

const SCRIPT = ['#!/usr/bin/env python3', 'import os', '', 'def main():', '    print("xin chào")', '    return 0', '', 'if __name__ == "__main__":', '    main()', ''].join('\n');

describe('text that is not a workbook', () => {
  it.each([
    ['comma-separated, with a BOM', '\ufeffSTT,Họ và tên,Chấp hành kỷ luật lao động\n1,Nguyễn Văn An,Có\n2,Trần Thị Bình,Có\n'],
    ['semicolon-separated (Excel in Vietnamese)', 'STT;Họ và tên;Chức vụ\r\n1;Nguyễn Văn An;Hiệu trưởng\r\n2;Trần Thị Bình;Giáo viên\r\n'],
    ['tab-separated', 'STT\tHọ và tên\n1\tNguyễn Văn An\n2\tTrần Thị Bình\n'],
    ['quoted fields holding commas', 'STT,Họ và tên,Ghi chú\n1,"Nguyễn Văn An","Tổ Toán, Tin"\n2,Trần Thị Bình,\n'],
    ['one header line', 'STT,Họ và tên,Chức vụ'],
    ['a title line above the table', 'DANH SÁCH CÁN BỘ\nSTT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,Hiệu trưởng\n2,Trần Thị Bình,Giáo viên\n3,Lê Văn Cường,Giáo viên\n'],
  ])('%s is CSV', (_what, text) => {
    expect(kind(text)).toBe('csv');
  });

  it('Excel’s “Unicode Text” (UTF-16, tabs) is CSV', () => {
    const body = Buffer.from('STT\tHọ và tên\r\n1\tNguyễn Văn An\r\n', 'utf16le');
    expect(kind(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body])))).toBe('csv');
  });

  it.each([
    ['a Python script', SCRIPT],
    ['a note', 'Nhớ gửi hồ sơ trước ngày 15/01.\nGọi cô Hoa để hỏi danh sách lớp.\n'],
    ['a log with a comma here and there', 'bắt đầu lúc 8:00\nđọc tệp ds.xlsx, 40 dòng\nxong\nlỗi: không có mạng\nthử lại sau\n'],
  ])('%s is a text file, not CSV', (_what, text) => {
    expect(kind(text)).toBe('text');
  });
});

describe('dvht on a text file that is not CSV', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-sniff-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says it is a text file, not a renamed CSV (vi and en)', async () => {
    const file = path.join(dir, 'some-script.py');
    fs.writeFileSync(file, SCRIPT);
    const vi = captureText();
    expect(await run(['evaluate', file], vi)).toBe(1);
    expect(vi.stderr).toContain(`“${file}”`);
    expect(vi.stderr).toContain('tệp văn bản');
    expect(vi.stderr).not.toContain('CSV');
    const en = captureText();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(1);
    expect(en.stderr).toContain('a text file');
    expect(en.stderr).not.toContain('CSV');
    expect(fs.readFileSync(file, 'utf8')).toBe(SCRIPT);
  });

  it('a CSV is still called CSV', async () => {
    const file = path.join(dir, 'ds.xlsx');
    fs.writeFileSync(file, 'STT,Họ và tên\n1,Nguyễn Văn An\n2,Trần Thị Bình\n');
    const io = captureText();
    expect(await run(['evaluate', file], io)).toBe(1);
    expect(io.stderr).toContain('CSV đổi tên');
  });
});
