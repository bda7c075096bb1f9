/**
 * Every command that writes, on every file of the round-trip corpus: whatever the add-in
 * does not own is byte for byte what it was (names, uncompressed bytes, stored CRC), the
 * shared parts still carry the user's names, protection, relationships and content types,
 * and a user sheet that carries one of the add-in's names is still there, untouched.
 *
 * A file whose structure the user locked (Review → Protect Workbook) is refused by every one of
 * them, and stays byte for byte what it was; its twin with only the windows locked is written.
 *
 * The add-in owns: its sheets (every sheet the corpus file does not list as the user's, and
 * the parts reachable from them) and the shared parts it must edit (SHARED_PARTS in
 * test/support/roundtrip/package.ts), which sharedKept checks element by element instead.
 *
 * On the ExcelJS path (before the new file writer, 2026-12-02) 40 of these 50 cases fail, as
 * expected; only "init on an existing file" passes (it refuses). Why, per corpus file:
 * - openpyxl chart+comments / table+names: refused on read ("Cannot read properties of
 *   undefined (reading 'anchors')" / "(reading 'name')"), exit 1.
 * - LibreOffice table+names: ExcelJS crashes ("reading 'theme'"); the CLI guard now says so
 *   in words, exit 1 (it was exit 70 with a stack trace).
 * - LibreOffice chart+comments: chart, drawings, VML, custom properties dropped; user sheets
 *   and their rels rewritten; comment author becomes "Author".
 * - hand-made pivot/chart: pivot cache, records, table, chart and drawing (text box) dropped;
 *   the sheet holding sparklines and the x14 validation rewritten without them.
 * - hand-made comments/links: threaded comments, persons, external link, custom properties,
 *   sheet-scoped names, the named constant and workbook protection lost.
 * - .xlsm: vbaProject.bin dropped, the workbook's content type becomes plain .xlsx.
 * - user "Tổng hợp" / "Tờ trình": the user's sheet part is overwritten by the add-in's sheet
 *   (evaluate / documents) or rewritten (the others); user "TỔNG HỢP" is deleted by evaluate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run, type Io } from '../../src/cli/main';
import { baseWorkbook, buildCorpus, CORPUS_NAMES, type CorpusFile } from '../support/roundtrip/corpus';
import { partsUntouched, type PartDifference } from '../support/roundtrip/zipParts';
import { addInParts, sharedKept } from '../support/roundtrip/package';
import { addStaffSheet, SOURCE } from '../import/messySheets';

jest.setTimeout(180_000);

let dir: string;
let corpus: Map<string, CorpusFile>;
let staffList: string;
let otherUnit: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-roundtrip-'));
  corpus = new Map((await buildCorpus(path.join(dir, 'corpus'))).map((c) => [c.name, c]));
  const inputs = fs.mkdtempSync(path.join(dir, 'inputs-'));
  otherUnit = await baseWorkbook(inputs);
  const staff = new ExcelJS.Workbook();
  addStaffSheet(staff);
  staffList = path.join(inputs, 'ds-can-bo.xlsx');
  await staff.xlsx.writeFile(staffList);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Each command that writes, pointed at the corpus file `f` as the workbook it writes into
 * (documents needs an evaluated workbook, so it runs after evaluate).
 */
const COMMANDS: Record<string, (f: string) => string[][]> = {
  evaluate: (f) => [['evaluate', f]],
  import: (f) => [['import', staffList, '--sheet', SOURCE, '--into', f]],
  'documents (after evaluate)': (f) => [['evaluate', f], ['documents', f]],
  'consolidate (into a unit\'s workbook: refused)': (f) => [['consolidate', otherUnit, '-o', f]],
};

function capture(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (s) => lines.push(s), err: (s) => lines.push(s) };
}

/** Runs the commands in turn on a copy of a corpus file; stops at the first that fails. */
async function onCopy(name: string, commands: (f: string) => string[][]) {
  const c = corpus.get(name)!;
  const file = path.join(fs.mkdtempSync(path.join(dir, 'case-')), c.name);
  fs.copyFileSync(c.file, file);
  const before = fs.readFileSync(file);
  const io = capture();
  let code = 0;
  for (const argv of commands(file)) if ((code = await run(argv, io)) !== 0) break;
  return { c, file, before, after: fs.readFileSync(file), code, output: io.lines.join('\n') };
}

const describeDiff = (d: PartDifference) => `${d.kind} ${d.part}: ${d.detail}`.slice(0, 300);

describe.each(CORPUS_NAMES)('%s', (name) => {
  it('init on the existing file refuses and leaves it as it was (init only creates)', async () => {
    const r = await onCopy(name, (f) => [['init', '-o', f, '--preset', 'tt24-co-so-md1', '--unit', 'A', '--type', 'thcs']]);
    expect(r.code).toBe(2);
    expect(r.after.equals(r.before)).toBe(true);
  });

  it.each(Object.keys(COMMANDS))('%s keeps every part the add-in does not own', async (command) => {
    const r = await onCopy(name, COMMANDS[command]!);
    expect(r.output).not.toMatch(/\n\s+at |node:internal/);
    if (command.startsWith('consolidate')) {
      // Every corpus file is a unit's workbook: an officer's table is never written into one.
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/là sổ tự đánh giá của một đơn vị .*chưa ghi gì/);
      expect(r.after.equals(r.before)).toBe(true);
      return;
    }
    if (r.c.structureLocked) {
      // Every command adds or redraws a sheet: refused before anything is written.
      expect(r.code).toBe(1);
      expect(r.output).toMatch(new RegExp(`^Sổ “${name}” đang được bảo vệ cấu trúc .*Bảo vệ sổ làm việc \\(Protect Workbook\\)`));
      expect(r.after.equals(r.before)).toBe(true);
      return;
    }
    expect({ code: r.code, output: r.code === 0 ? '' : r.output }).toEqual({ code: 0, output: '' });
    const owned = new Set([...addInParts(r.before, r.c.userSheets), ...addInParts(r.after, r.c.userSheets)]);
    const differences = [...partsUntouched(r.before, r.after, owned), ...sharedKept(r.before, r.after, r.c.userSheets)].map(describeDiff);
    expect(differences).toEqual([]);
  });
});
