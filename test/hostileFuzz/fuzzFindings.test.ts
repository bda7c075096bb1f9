/**
 * Damaged workbooks a seeded mutation fuzz of real files found mishandled (2026-12-06): each
 * case is one mutant kept as a regression test. The files are built here from `dvht init
 * --sample`, as the fuzz built them, by removing or rewriting one zip entry.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { makeZip } from '../consolidate/corpus';
import { capture, initSample } from '../support/cliOutput';
import { convert } from '../support/libreoffice';
import { sheetPartOf, zipParts as entries } from './zipParts';

jest.setTimeout(120_000);

let dir: string;
let sample: Uint8Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-fuzz-'));
  const file = path.join(dir, 'mau.xlsx');
  expect(await initSample(file)).toBe(0);
  sample = new Uint8Array(fs.readFileSync(file));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The zip entry of the sheet named `sheet`. */
async function sheetEntry(bytes: Uint8Array, sheet: string): Promise<string> {
  return sheetPartOf(await entries(bytes), sheet);
}

async function without(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  return makeZip((await entries(bytes)).filter((e) => e.name !== name));
}

async function changed(bytes: Uint8Array, name: string, change: (xml: string) => string): Promise<Uint8Array> {
  return makeZip((await entries(bytes)).map((e) => (e.name === name ? { name, data: new Uint8Array(Buffer.from(change(Buffer.from(e.data).toString('utf8')), 'utf8')) } : e)));
}

/** Parse errors of the saved file's XML parts, by an independent parser (Python's expat). */
function xmlErrors(file: string): string[] {
  const script = [
    'import sys, zipfile, xml.etree.ElementTree as E',
    'z = zipfile.ZipFile(sys.argv[1])',
    'for n in z.namelist():',
    '    if n.endswith((".xml", ".rels")):',
    '        try: E.fromstring(z.read(n))',
    '        except Exception as e: print(n, e)',
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('a workbook whose sheet is listed but whose part is gone (a zip cut and “repaired”, an entry lost)', () => {
  let broken: string;
  let beforeBytes: Buffer;

  beforeAll(async () => {
    broken = path.join(dir, 'mat-trang.xlsx');
    fs.writeFileSync(broken, await without(sample, await sheetEntry(sample, 'Thành viên')));
    beforeBytes = fs.readFileSync(broken);
  });

  it.each([
    ['evaluate', ['-o', 'ra-evaluate.xlsx']],
    ['documents', ['-o', 'ra-documents.xlsx']],
    ['new-year', ['-o', 'ra-new-year.xlsx']],
    ['rule-set', ['--preset', 'tt24-co-so-md2', '-o', 'ra-rule-set.xlsx']],
  ])('%s refuses it as damaged, naming the file and the sheet, and writes nothing', async (command, options) => {
    const io = capture();
    const out = options.map((o) => (o.startsWith('ra-') ? path.join(dir, o) : o));
    const code = await run([command, broken, ...out], io);
    const said = io.stderr.join('\n');
    expect({ code, said }).toEqual({ code: 1, said: expect.stringMatching(/mat-trang\.xlsx/) });
    expect(said).toMatch(/Tệp bị hỏng: trang tính “Thành viên”/);
    expect(said).not.toMatch(/đổi tên/);
    expect(fs.existsSync(out[out.length - 1]!)).toBe(false);
    expect(fs.readFileSync(broken).equals(beforeBytes)).toBe(true);
  });

  it('import into it refuses it too, leaving it as it was', async () => {
    const source = path.join(dir, 'ds.xlsx');
    fs.copyFileSync(broken, path.join(dir, 'dich.xlsx'));
    const target = path.join(dir, 'dich.xlsx');
    const script = ['import openpyxl, sys', 'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "DS"', 'ws.append(["STT", "Họ và tên"]); ws.append([1, "Nguyễn Văn An"])', 'wb.save(sys.argv[1])'].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, source]);
    const io = capture();
    expect(await run(['import', source, '--sheet', 'DS', '--into', target], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/dich\.xlsx.*trang tính “Thành viên”/s);
    expect(fs.readFileSync(target).equals(beforeBytes)).toBe(true);
  });

  it('consolidation rejects it with the same reason and consolidates the good unit', async () => {
    const inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(inbox);
    fs.copyFileSync(broken, path.join(inbox, 'mat-trang.xlsx'));
    fs.writeFileSync(path.join(inbox, 'tot.xlsx'), sample);
    expect(await run(['evaluate', path.join(inbox, 'tot.xlsx')], capture())).toBe(0);
    const io = capture();
    const code = await run(['consolidate', inbox, '-o', path.join(dir, 'tong-hop.xlsx'), '--json'], io);
    const json = JSON.parse(io.stdout.join('\n')) as { files: { file: string; status: string; reasons: string[] }[] };
    const byName = new Map(json.files.map((f) => [path.basename(f.file), f]));
    expect(code).toBe(1);
    expect(byName.get('tot.xlsx')).toMatchObject({ status: 'consolidated', reasons: [] });
    expect(byName.get('mat-trang.xlsx')!.status).toBe('rejected');
    expect(byName.get('mat-trang.xlsx')!.reasons.join(' ')).toMatch(/^Tệp bị hỏng: trang tính “Thành viên”.*Đề nghị đơn vị .*gửi lại tệp\.$/);
  });

  it('a sheet whose relationship is missing altogether is refused the same way', async () => {
    const file = path.join(dir, 'mat-lien-ket.xlsx');
    const rid = /<sheet [^>]*name="Thành viên"[^>]*r:id="(rId\d+)"/.exec(Buffer.from((await entries(sample)).find((e) => e.name === 'xl/workbook.xml')!.data).toString('utf8'))![1]!;
    fs.writeFileSync(file, await changed(sample, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(new RegExp(`<Relationship Id="${rid}"[^>]*/>`), '')));
    const io = capture();
    expect(await run(['evaluate', file, '-o', path.join(dir, 'ra-lien-ket.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/mat-lien-ket\.xlsx.*Tệp bị hỏng: trang tính “Thành viên”/s);
  });
});

describe('a stylesheet written as one empty element (<styleSheet/>, a minimal generator’s)', () => {
  it('is filled inside its root: the saved styles.xml is well-formed', async () => {
    const file = path.join(dir, 'kieu-rong.xlsx');
    fs.writeFileSync(file, await changed(sample, 'xl/styles.xml', () => '<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    const out = path.join(dir, 'ra-kieu-rong.xlsx');
    const io = capture();
    expect(await run(['evaluate', file, '-o', out], io)).toBe(0);
    expect(xmlErrors(out)).toEqual([]);
  });
});

describe('a workbook whose package relationships (_rels/.rels) are gone', () => {
  it('is evaluated and saved with them again: LibreOffice opens the result', async () => {
    const file = path.join(dir, 'mat-rels.xlsx');
    fs.writeFileSync(file, await without(sample, '_rels/.rels'));
    const out = path.join(dir, 'ra-mat-rels.xlsx');
    const io = capture();
    expect(await run(['evaluate', file, '-o', out], io)).toBe(0);
    const saved = new Map((await entries(new Uint8Array(fs.readFileSync(out)))).map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
    expect(saved.get('_rels/.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument" Target="xl\/workbook\.xml"/);
    expect(xmlErrors(out)).toEqual([]);
    const csv = await convert(out, 'csv:Text - txt - csv (StarCalc):44,34,76', fs.mkdtempSync(path.join(dir, 'lo-')));
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/Trường THCS A/);
  });
});

describe('a sheet of the add-in saved empty, without its sheetData (<worksheet/>)', () => {
  it('is written into as an empty sheet, not stopped with the writer’s English', async () => {
    const file = path.join(dir, 'danh-muc-rong.xlsx');
    const part = await sheetEntry(sample, 'Danh mục');
    fs.writeFileSync(file, await changed(sample, part, () => '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    const out = path.join(dir, 'ra-danh-muc-rong.xlsx');
    const io = capture();
    const code = await run(['evaluate', file, '-o', out], io);
    expect({ code, err: io.stderr }).toEqual({ code: 0, err: [] });
    expect(xmlErrors(out)).toEqual([]);
    const saved = new Map((await entries(new Uint8Array(fs.readFileSync(out)))).map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
    expect(saved.get(part)).toMatch(/<sheetData>.*<\/sheetData>/s);
  });
});

describe('a sheet listed without its r:id', () => {
  it('is refused as a missing sheet by consolidation as by evaluate, not taken for a sheet renamed', async () => {
    const file = path.join(dir, 'thieu-rid.xlsx');
    fs.writeFileSync(file, await changed(sample, 'xl/workbook.xml', (xml) => xml.replace(/(<sheet name="Thành viên"[^>]*?) r:id="rId\d+"/, '$1')));
    const io = capture();
    expect(await run(['evaluate', file, '-o', path.join(dir, 'ra-thieu-rid.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/Tệp bị hỏng: trang tính “Thành viên”/);
    const consolidated = capture();
    await run(['consolidate', file, '-o', path.join(dir, 'tong-hop-rid.xlsx'), '--json'], consolidated);
    const json = JSON.parse(consolidated.stdout.join('\n')) as { files: { status: string; reasons: string[] }[] };
    expect(json.files.map((f) => [f.status, f.reasons.join(' ')])).toEqual([['rejected', expect.stringMatching(/^Tệp bị hỏng: trang tính “Thành viên”/)]]);
  });
});
