/**
 * A workbook is written only under a name Excel opens it by: .xlsx (or the kind of its input,
 * .xlsm for a macro workbook). A clerk's `-o kq.xls`, `-o kq.csv` or `-o kq` once got an
 * .xlsx zip under that name, which Excel calls damaged. Every writing command refuses such a
 * name with exit 2, before anything is written, and says what name to write.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';

jest.setTimeout(120_000);

let dir: string;
let unit: string;
let table: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-outname-'));
  unit = path.join(dir, 'truong.xlsx');
  expect(await run(['init', '-o', unit, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', '--members', '12'], captureText())).toBe(0);
  fs.mkdirSync(path.join(dir, 'ho-so'));
  fs.copyFileSync(unit, path.join(dir, 'ho-so', 'truong.xlsx'));
  table = path.join(dir, 'tong-hop.xlsx');
  expect(await run(['consolidate', path.join(dir, 'ho-so'), '-o', table], captureText())).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every command that writes a workbook, writing to `out`. */
const WRITERS: Record<string, (out: string) => string[]> = {
  init: (out) => ['init', '-o', out, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS A', '--type', 'thcs'],
  evaluate: (out) => ['evaluate', unit, '-o', out],
  documents: (out) => ['documents', unit, '-o', out],
  'new-year': (out) => ['new-year', unit, '-o', out],
  'rule-set': (out) => ['rule-set', unit, '--preset', 'tt24-co-so-md2', '-o', out],
  handout: (out) => ['handout', '--preset', 'tt24-co-so-md1', '-o', out],
  consolidate: (out) => ['consolidate', path.join(dir, 'ho-so'), '-o', out],
  'officer-documents': (out) => ['officer-documents', table, '-o', out],
};

async function refused(argv: string[]): Promise<string> {
  const files = () => fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  const before = new Map(files().map((f) => [f, fs.readFileSync(path.join(dir, f))]));
  const io = captureText();
  expect({ argv, code: await run(argv, io) }).toEqual({ argv, code: 2 });
  expect(io.stdout).toBe('');
  expect(files().sort()).toEqual([...before.keys()].sort());
  for (const [f, bytes] of before) expect(fs.readFileSync(path.join(dir, f)).equals(bytes)).toBe(true);
  return io.stderr.trim();
}

describe('a workbook is written only under an .xlsx name', () => {
  it.each(Object.keys(WRITERS))('%s refuses -o kq.xls, kq.csv and kq (exit 2, nothing written), naming the file and what to write', async (command) => {
    for (const name of ['kq.xls', 'kq.csv', 'kq']) {
      const out = path.join(dir, name);
      const text = await refused(WRITERS[command]!(out));
      expect(text).toContain(`“${out}”`);
      expect(text).toContain('đặt tên tệp kết thúc bằng .xlsx');
      expect(text).toContain(`-o “${path.join(dir, 'kq.xlsx')}”`);
      expect(text).toContain('Chưa có tệp nào được ghi');
    }
  });

  it('a dotted name without a file kind keeps its dots: the suggestion adds .xlsx', async () => {
    const out = path.join(dir, 'ket qua v1.2');
    expect(await refused(WRITERS.evaluate!(out))).toContain(`-o “${out}.xlsx”`);
  });

  it('says it in English with --lang en', async () => {
    const out = path.join(dir, 'kq.xls');
    const text = await refused([...WRITERS.init!(out), '--lang', 'en']);
    expect(text).toContain(`“${out}”`);
    expect(text).toContain('name the file ending in .xlsx');
    expect(text).not.toMatch(/[ăđơư]/);
  });

  it('a workbook misnamed .xls is not written in place: evaluate says to write -o, import to rename it', async () => {
    const misnamed = path.join(dir, 'truong-cu.xls');
    fs.copyFileSync(unit, misnamed);
    try {
      const evaluated = await refused(['evaluate', misnamed]);
      expect(evaluated).toContain(`-o “${path.join(dir, 'truong-cu.xlsx')}”`);
      const imported = await refused(['import', unit, '--sheet', 'Thành viên', '--into', misnamed]);
      expect(imported).toContain(`“${misnamed}”`);
      expect(imported).toContain(`Đổi tên tệp thành “truong-cu.xlsx”`);
      expect(imported).not.toContain('-o “');
    } finally {
      fs.rmSync(misnamed);
    }
  });

  it('.xlsx in any case is a workbook name', async () => {
    const out = path.join(dir, 'KQ.XLSX');
    expect(await run(WRITERS.evaluate!(out), captureText())).toBe(0);
    fs.rmSync(out);
  });
});
