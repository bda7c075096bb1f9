/**
 * Files that are not .xlsx workbooks, as officers and clerks really get them: HTML and
 * XML Spreadsheet 2003 "Excel exports" of school software, genuine .ods files, empty files,
 * Word documents and zips of workbooks, Excel's lock file, a sheet whose compressed data is
 * damaged. Each reason says what the file is (not "renamed" when its name is honest) and
 * what to do, in the CLI and in consolidation alike; no zlib wording reaches the user.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { run } from '../../src/cli/main';
import { preflightXlsx, XlsxError, type XlsxFailure } from '../../src/xlsx';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { DEFAULT_LIMITS } from '../../src/xlsx/errors';
import { makeZip } from '../consolidate/corpus';
import { capture } from '../support/cliOutput';

jest.setTimeout(120_000);

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const XML2003 =
  '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">STT</Data></Cell></Row></Table></Worksheet></Workbook>';
const ODS = () => makeZip([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), stored: true }, { name: 'content.xml', data: text('<office:document-content/>') }]);
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DOCX = () =>
  makeZip([
    { name: '[Content_Types].xml', data: text('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: '_rels/.rels', data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: 'word/document.xml', data: text('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') },
  ]);
// Excel's owner file: the user's name, length-prefixed, padded (165 bytes).
const LOCK = () => {
  const b = Buffer.alloc(165, 0x20);
  b[0] = 5;
  b.write('admin', 1, 'latin1');
  b.fill(0, 54, 56);
  return new Uint8Array(b);
};

async function preflightKind(bytes: Uint8Array): Promise<XlsxFailure | 'passed'> {
  try {
    await preflightXlsx(bytes, { inflate: nodeInflate, decode: nodeDecode });
    return 'passed';
  } catch (e) {
    if (e instanceof XlsxError) return e.kind;
    throw e;
  }
}

let dir: string;
let sample: Buffer;
beforeAll(async () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-kinds-'));
  const file = path.join(d, 'ok.xlsx');
  const code = await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs', '--sample', '--members', '30'], capture());
  expect(code).toBe(0);
  sample = fs.readFileSync(file);
  fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-kinds-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The zip part holding sheet `name`, read from the workbook and its relationships. */
async function sheetPart(bytes: Uint8Array, name: string): Promise<string> {
  const dirs = readDirectory(bytes, DEFAULT_LIMITS);
  const part = async (p: string) => Buffer.from(await readEntry(bytes, dirs.entries.get(p)!, nodeInflate, DEFAULT_LIMITS)).toString('utf8');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(await part('xl/workbook.xml'))![1]!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(await part('xl/_rels/workbook.xml.rels'))!;
  return `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
}

/**
 * `bytes` with two bytes flipped from the middle of part `name`'s compressed data on, at the
 * first place where the damaged stream `overruns` its declared size (inflates past it) or,
 * without `overruns`, fails in some other way (a bad code, a distance too far back, the CRC).
 * Told from the stream itself (zlib capped at the declared size), not from what the reader says.
 */
async function flippedIn(bytes: Uint8Array, name: string, overruns = false): Promise<Uint8Array> {
  const e = readDirectory(bytes, DEFAULT_LIMITS).entries.get(name.toLowerCase())!;
  for (let at = e.dataOffset + Math.floor(e.compressedSize / 2); at + 1 < e.dataOffset + e.compressedSize; at += 7) {
    const out = new Uint8Array(bytes);
    out[at] ^= 0xff;
    out[at + 1] ^= 0xff;
    const data = out.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let overran = false;
    try {
      zlib.inflateRawSync(data, { maxOutputLength: e.size });
    } catch (err) {
      // Node's own error: not this test realm's RangeError, so told by its code.
      overran = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    }
    const refused = await readEntry(out, e, nodeInflate, DEFAULT_LIMITS).then(
      () => false,
      () => true,
    );
    if (refused && overran === overruns) return out;
  }
  throw new Error(`no flip in ${name} ${overruns ? 'overruns' : 'fails otherwise'}`);
}

/** What `dvht evaluate` says of `name` holding `bytes` (exit code, stderr). */
/** The sample without its workbook part, every other entry as it was. */
async function withoutMainPart(): Promise<Uint8Array> {
  const kept = [...readDirectory(sample, DEFAULT_LIMITS).entries.values()].filter((e) => e.name !== 'xl/workbook.xml');
  return makeZip(await Promise.all(kept.map(async (e) => ({ name: e.name, data: await readEntry(sample, e, nodeInflate, DEFAULT_LIMITS) }))));
}

async function evaluateSays(name: string, bytes: Uint8Array, lang: 'vi' | 'en' = 'vi'): Promise<{ code: number; message: string }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const io = capture();
  const code = await run(['evaluate', file, ...(lang === 'en' ? ['--lang', 'en'] : [])], io);
  return { code, message: io.stderr.join('\n') };
}

describe('what a file is, from its first bytes', () => {
  it.each([
    ['<meta ...><table>', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<table border=1><tr><td>STT</td></tr></table>'],
    ['a comment first', '<!-- exported by SMAS -->\n<html><body><table><tr><td>STT</td></tr></table></body></html>'],
    ['a BOM and <style>', '\uFEFF<style>td{mso-number-format:"@"}</style><table><tr><td>1</td></tr></table>'],
    ['<head>', '  <head><meta charset="utf-8"></head><body><table></table></body>'],
  ])('an HTML Excel export starting with %s is HTML', async (_what, html) => {
    expect(await preflightKind(text(html))).toBe('html');
  });

  it('an XML Spreadsheet 2003 file is its own kind, a CSV is still CSV', async () => {
    expect(await preflightKind(text(XML2003))).toBe('xmlSpreadsheet');
    expect(await preflightKind(text('STT,Họ và tên\n1,<b>An</b>\n'))).toBe('csv');
  });
});

describe('dvht evaluate on files that are not workbooks', () => {
  it('names HTML and XML Spreadsheet 2003 exports, and says how to save them as .xlsx', async () => {
    expect(await evaluateSays('html-meta.xlsx', text('<meta charset="utf-8"><table><tr><td>STT</td></tr></table>'))).toEqual({ code: 1, message: expect.stringMatching(/trang HTML/) });
    const xml = await evaluateSays('xml2003.xlsx', text(XML2003));
    expect(xml.message).toMatch(/XML Spreadsheet 2003/);
    expect(xml.message).toMatch(/Lưu thành → Sổ làm việc Excel \(\.xlsx\)/);
    expect(xml.message).not.toMatch(/CSV/);
    expect((await evaluateSays('xml2003.xlsx', text(XML2003), 'en')).message).toMatch(/XML Spreadsheet 2003.*Save As → Excel Workbook \(\.xlsx\)/);
  });

  it('does not call a file renamed when its name says what it is', async () => {
    const renamed = await evaluateSays('ods.xlsx', ODS());
    expect(renamed.message).toMatch(/OpenDocument \(\.ods\) đổi tên/);
    const honest = await evaluateSays('ods.ods', ODS());
    expect(honest.message).toMatch(/OpenDocument \(\.ods\)/);
    expect(honest.message).not.toMatch(/đổi tên/);
    expect(honest.message).toMatch(/lưu lại dạng \.xlsx/);
    expect((await evaluateSays('bang.xml', text(XML2003))).message).not.toMatch(/đổi tên/);
  });

  it('says what to do with an empty file, a Word document, a zip of workbooks and a lock file', async () => {
    expect((await evaluateSays('rong.xlsx', new Uint8Array(0))).message).toMatch(/Tệp rỗng \(0 byte\).*Hãy/);
    expect((await evaluateSays('docx.xlsx', DOCX())).message).toMatch(/văn bản Word/);
    const zipped = makeZip([{ name: 'truong.xlsx', data: new Uint8Array(sample) }]);
    expect((await evaluateSays('nen.xlsx', zipped)).message).toMatch(/giải nén/);
    const lock = await evaluateSays('~$ok.xlsx', LOCK());
    expect(lock.message).toMatch(/tệp khóa tạm/);
    expect(lock.message).toMatch(/“ok\.xlsx”/);
    expect((await evaluateSays('~$ok.xlsx', LOCK(), 'en')).message).toMatch(/lock file.*“ok\.xlsx”/);
  });

  // Its sheets, styles and relationships are there: a workbook that lost its main part, not some other zip.
  it('calls a workbook whose main part (xl/workbook.xml) is missing damaged, not “no Excel workbook”', async () => {
    const says = await evaluateSays('mat-phan-chinh.xlsx', await withoutMainPart());
    expect(says.code).toBe(1);
    expect(says.message).toMatch(/^Không mở tệp “.*mat-phan-chinh\.xlsx”: Tệp bị hỏng.*Excel/);
    expect(says.message).not.toMatch(/không phải (sổ|tệp) Excel|xl\/workbook/);
    expect((await evaluateSays('mat-phan-chinh.xlsx', await withoutMainPart(), 'en')).message).toMatch(/^Not opening “.*”: The file is damaged/);
  });

  it('names the sheet whose compressed data is damaged, without zlib wording', async () => {
    const part = await sheetPart(sample, 'Thành viên');
    const says = await evaluateSays('hong.xlsx', await flippedIn(sample, part));
    expect(says.code).toBe(1);
    expect(says.message).toMatch(/trang tính “Thành viên”/);
    expect(says.message).toMatch(/Excel/);
    expect(says.message).not.toMatch(/invalid|distance|zlib|CRC|declared|xl\/worksheets/i);
    expect((await evaluateSays('hong.xlsx', await flippedIn(sample, part), 'en')).message).not.toMatch(/invalid|distance|zlib|CRC|declared|xl\/worksheets/i);
  });

  // A few bytes damaged on a USB stick or in a mail can make a sheet's stream run past its size:
  // the sizes are an honest writer's (ordinary ratio), so it is damage, not a zip bomb.
  it('names the sheet whose damaged data runs past its declared size, as damaged and not as a zip bomb', async () => {
    const part = await sheetPart(sample, 'Thành viên');
    const bytes = await flippedIn(sample, part, true);
    const says = await evaluateSays('hong-vuot.xlsx', bytes);
    expect(says.code).toBe(1);
    expect(says.message).toMatch(/^Không mở tệp “.*hong-vuot\.xlsx”: Tệp bị hỏng: dữ liệu của trang tính “Thành viên”/);
    expect(says.message).toMatch(/Excel/);
    expect(says.message).not.toMatch(/bom nén|quá lớn|invalid|zlib|CRC|declared|xl\/worksheets/i);
    const en = await evaluateSays('hong-vuot.xlsx', bytes, 'en');
    expect(en.message).toMatch(/damaged.*“Thành viên”/);
    expect(en.message).not.toMatch(/zip bomb|too much data|invalid|zlib|CRC|declared|xl\/worksheets/i);
  });

  it('refuses a sheet whose close tag is misspelt (`<v>2</vv>`, which Excel repairs), naming the sheet, and writes nothing', async () => {
    const part = await sheetPart(sample, 'Thành viên');
    const entries = [...readDirectory(sample, DEFAULT_LIMITS).entries.values()];
    const misspelt = makeZip(
      await Promise.all(
        entries.map(async (e) => {
          const data = await readEntry(sample, e, nodeInflate, DEFAULT_LIMITS);
          if (e.name !== part) return { name: e.name, data };
          const xml = Buffer.from(data).toString('utf8');
          const at = xml.indexOf('</v>', xml.indexOf('<row r="6"'));
          return { name: e.name, data: text(`${xml.slice(0, at)}</vv>${xml.slice(at + 4)}`) };
        }),
      ),
    );
    const out = path.join(dir, 'ra.xlsx');
    fs.writeFileSync(path.join(dir, 'sai-the.xlsx'), misspelt);
    const io = capture();
    expect(await run(['evaluate', path.join(dir, 'sai-the.xlsx'), '-o', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/sai-the\.xlsx.*Tệp bị hỏng: dữ liệu của trang tính “Thành viên”/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('a cell formatted at the very last row', () => {
  it('does not refuse the workbook: evaluate and consolidate read it', async () => {
    const file = path.join(dir, 'ok.xlsx');
    fs.writeFileSync(file, sample);
    const script = [
      'import sys, openpyxl',
      'from openpyxl.styles import PatternFill',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'wb["Thành viên"].cell(row=1048576, column=1).fill = PatternFill("solid", fgColor="FFFF00")',
      'wb.save(sys.argv[1])',
    ].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, file]);
    const evaluated = capture();
    expect({ code: await run(['evaluate', file, '-o', path.join(dir, 'ket-qua.xlsx')], evaluated), err: evaluated.stderr }).toEqual({ code: 0, err: [] });
    const consolidated = capture();
    await run(['consolidate', file, '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], consolidated);
    const json = JSON.parse(consolidated.stdout.join('\n')) as { files: { status: string; reasons: string[] }[] };
    expect(json.files.map((f) => f.reasons.join(' ').match(/quá lớn/))).toEqual([null]);
  });
});

describe('dvht consolidate words the same kinds for a received file', () => {
  it('gives each its reason and what the unit should do', async () => {
    const inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(inbox);
    const part = await sheetPart(sample, 'Thành viên');
    const inputs: Record<string, Uint8Array> = {
      'html-meta.xlsx': text('<meta charset="utf-8"><table><tr><td>STT</td></tr></table>'),
      'xml2003.xlsx': text(XML2003),
      'ods.ods': ODS(),
      'rong.xlsx': new Uint8Array(0),
      'docx.xlsx': DOCX(),
      'hong.xlsx': await flippedIn(sample, part),
      'hong-vuot.xlsx': await flippedIn(sample, part, true),
      'mat-phan-chinh.xlsx': await withoutMainPart(),
    };
    for (const [name, bytes] of Object.entries(inputs)) fs.writeFileSync(path.join(inbox, name), bytes);
    const io = capture();
    expect(await run(['consolidate', inbox, '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], io)).toBe(1);
    const json = JSON.parse(io.stdout.join('\n')) as { files: { file: string; status: string; reasons: string[] }[] };
    const reason = (name: string) => json.files.find((f) => path.basename(f.file) === name)!.reasons.join(' ');
    expect(reason('html-meta.xlsx')).toMatch(/trang HTML/);
    expect(reason('xml2003.xlsx')).toMatch(/XML Spreadsheet 2003.*Lưu thành/);
    expect(reason('ods.ods')).not.toMatch(/đổi tên/);
    expect(reason('rong.xlsx')).toMatch(/Tệp rỗng \(0 byte\).*gửi lại/);
    expect(reason('docx.xlsx')).toMatch(/văn bản Word/);
    expect(reason('hong.xlsx')).toMatch(/trang tính “Thành viên”.*gửi lại/);
    expect(reason('hong.xlsx')).not.toMatch(/invalid|distance|CRC|xl\/worksheets/i);
    expect(reason('hong-vuot.xlsx')).toMatch(/^Tệp bị hỏng: dữ liệu của trang tính “Thành viên”.*gửi lại/);
    expect(reason('hong-vuot.xlsx')).not.toMatch(/bom nén/);
    expect(reason('mat-phan-chinh.xlsx')).toMatch(/^Tệp bị hỏng.*gửi lại/);
  });
});
