/**
 * A file found damaged only while a command reads it (past the checks at opening: here a cell
 * pointing past the shared strings) is named alone: a command that reads two files names the
 * one whose reading failed, not both, and the other is left as it was.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText, initSample } from '../support/cliOutput';
import { withChangedEntries } from '../consolidate/corpus';
import { addStaffSheet, sourceAndUnit } from '../import/messySheets';

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-read-failure-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every worksheet's first text cell pointing at a shared string the file does not hold. */
async function damaged(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const broken = await withChangedEntries(bytes, (name, data) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return data;
    const text = Buffer.from(data).toString('utf8');
    return new Uint8Array(Buffer.from(text.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="(?:s|inlineStr)">.*?<\/c>/, '<c r="$1"$2 t="s"><v>99999</v></c>'), 'utf8'));
  });
  fs.writeFileSync(file, broken);
}

/** Every worksheet's relationships turned into another kind of part: found only when the sheet is written anew. */
async function relsDamaged(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.writeFileSync(file, await withChangedEntries(bytes, (name, data) => (/worksheets\/_rels\/[^/]+\.rels$/.test(name) ? new Uint8Array(Buffer.from('<?xml version="1.0"?><Types/>')) : data)));
}

const named = (stderr: string, file: string) => stderr.includes(`“${file}”`);

describe('import names only the file whose reading failed', () => {
  it('a damaged source: the source, not the workbook imported into', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'));
    await damaged(source);
    const before = fs.readFileSync(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “import” dừng khi đọc “[^”]*danh sach\.xlsx”: Tệp bị hỏng/);
    expect(named(io.stderr, into)).toBe(false);
    expect(fs.readFileSync(into).equals(before)).toBe(true);
  });

  it('a damaged workbook imported into: it, not the source', async () => {
    const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb, 'first', 'DS'));
    await damaged(into);
    const io = captureText();
    expect(await run(['import', source, '--sheet', 'DS', '--into', into, '--dry-run'], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “import” dừng khi đọc “[^”]*truong\.xlsx”: Tệp bị hỏng/);
    expect(named(io.stderr, source)).toBe(false);
  });
});

describe('a handed-out starting workbook read for its rule set', () => {
  const starter = async () => {
    const file = path.join(dir, 'so-mau.xlsx');
    expect(await run(['handout', '--preset', 'tt24-co-so-md2', '-o', file], captureText())).toBe(0);
    await damaged(file);
    return file;
  };

  it('rule-set --rules: the starting workbook, not the unit workbook', async () => {
    const unit = path.join(dir, 'truong.xlsx');
    expect(await initSample(unit)).toBe(0);
    const rules = await starter();
    const before = fs.readFileSync(unit);
    const io = captureText();
    expect(await run(['rule-set', unit, '--rules', rules], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “rule-set” dừng khi đọc “[^”]*so-mau\.xlsx”: Tệp bị hỏng/);
    expect(named(io.stderr, unit)).toBe(false);
    expect(fs.readFileSync(unit).equals(before)).toBe(true);
  });

  it('init --rules: the starting workbook (no file was named at all)', async () => {
    const rules = await starter();
    const io = captureText();
    expect(await run(['init', '-o', path.join(dir, 'moi.xlsx'), '--rules', rules, '--unit', 'Trường A', '--type', 'thcs'], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “init” dừng khi đọc “[^”]*so-mau\.xlsx”: Tệp bị hỏng/);
  });
});

describe('consolidate into an existing workbook', () => {
  it('a damaged officer workbook: it, not the units read', async () => {
    const unit = path.join(dir, 'don-vi', 'truong.xlsx');
    fs.mkdirSync(path.dirname(unit));
    expect(await initSample(unit)).toBe(0);
    const out = path.join(dir, 'tong-hop.xlsx');
    expect(await run(['consolidate', path.dirname(unit), '-o', out], captureText())).toBe(0);
    await relsDamaged(out);
    const before = fs.readFileSync(out);
    const io = captureText();
    expect(await run(['consolidate', path.dirname(unit), '-o', out], io)).toBe(1);
    expect(io.stderr).toMatch(/^Lệnh “consolidate” dừng khi đọc “[^”]*tong-hop\.xlsx”: Tệp bị hỏng/);
    expect(named(io.stderr, path.dirname(unit))).toBe(false);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });
});
