/**
 * `dvht new-year` on “Người học” with grades' subtotals: last year's typed figures are cleared
 * (a class's, a subtotal's, a grade's heading's, the total's), a subtotal computed by a formula
 * is kept and adds up the new classes once the file is recalculated. On a workbook written by
 * our own writer, by openpyxl (formulas without results) and re-saved by LibreOffice (shared
 * formulas, results cached); every part the add-in does not own stays byte for byte.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { SHEETS } from '../../src/sheets/names';
import { capture, captureText, initSample } from '../support/cliOutput';
import { convert } from '../support/libreoffice';
import { openpyxlSheet } from '../workbook/contract/openpyxlSheet';
import { LEARNERS, LEARNER_FORMULAS } from '../workbook/contract/newYear';
import { recalculatedResults } from '../workbook/contract/recalculate';
import { partsUntouched } from '../support/roundtrip/zipParts';
import { addInParts, sharedKept } from '../support/roundtrip/package';

jest.setTimeout(300_000);

/** Every typed figure of rows 5–11, classes and totals alike. */
const TYPED = ['C5', 'D5', 'C6', 'D6', 'C7', 'D7', 'C9', 'D9', 'C10', 'D10', 'C11'];
const USER_SHEET = 'Ghi chép';

/** The same rows and a user's sheet written by openpyxl, which stores formulas without results. */
const OPENPYXL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['${SHEETS.learners}']
rows = json.loads(r'''${JSON.stringify(LEARNERS.map((r) => r.map((v) => (v !== null && typeof v === 'object' && 'formula' in v ? v.formula : v))))}''')
for i, row in enumerate(rows):
    for j, v in enumerate(row):
        ws.cell(row=5 + i, column=1 + j, value=v)
for r in range(12, 17):
    for c in range(1, 5):
        ws.cell(row=r, column=c).value = None
user = wb.create_sheet('${USER_SHEET}')
user['A1'] = 'Sổ theo dõi của trường'
user['B2'] = '=1+1'
wb.save(sys.argv[2])
`;

/** Indicator 3.2b (learners holding CDHT) as `dvht evaluate --json` reports it. */
async function learnerIndicator(file: string): Promise<{ numerator: number | null; denominator: number | null; status: string }> {
  const io = captureText();
  expect(await run(['evaluate', file, '--json'], io)).toBe(0);
  const found = (JSON.parse(io.stdout) as { indicators: { code: string; numerator: number | null; denominator: number | null; status: string }[] }).indicators.find((i) => i.code === '3.2b')!;
  return { numerator: found.numerator, denominator: found.denominator, status: found.status };
}

let dir: string;
const files: Record<string, string> = {};

/** Rows 5–11 as our writer writes them; rows 12–16 of the sample emptied. */
async function withLearners(file: string): Promise<void> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  await wb.batch(async (s) => s.write({ sheet: SHEETS.learners, mode: 'existing', cells: [{ at: 'A5', rows: LEARNERS }, { at: 'A12', rows: Array.from({ length: 5 }, () => [null, null, null, null]) }] }));
  fs.writeFileSync(file, await wb.toBytes());
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-new-year-learners-'));
  const sample = path.join(dir, 'sample.xlsx');
  expect(await initSample(sample)).toBe(0);
  files.ours = path.join(dir, 'ours.xlsx');
  fs.copyFileSync(sample, files.ours);
  await withLearners(files.ours);
  files.openpyxl = path.join(dir, 'openpyxl.xlsx');
  execFileSync('/usr/bin/python3', ['-c', OPENPYXL, sample, files.openpyxl]);
  const resaved = await convert(files.openpyxl, 'xlsx', path.join(dir, 'lo'));
  files.libreoffice = path.join(dir, 'libreoffice.xlsx');
  fs.renameSync(resaved, files.libreoffice);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(['ours', 'openpyxl', 'libreoffice'])('written by %s', (producer) => {
  let next: string;
  const userSheets = () => (producer === 'ours' ? [] : [USER_SHEET]);

  beforeAll(async () => {
    next = path.join(dir, `${producer}-2026.xlsx`);
    const io = capture();
    expect(await run(['new-year', files[producer]!, '-o', next], io)).toBe(0);
  });

  it('clears every typed figure of “Người học” (classes, subtotal, total) and keeps the formulas as they were', () => {
    const before = openpyxlSheet(fs.readFileSync(files[producer]!), SHEETS.learners).cells;
    const after = openpyxlSheet(fs.readFileSync(next), SHEETS.learners).cells;
    for (const [address, formula] of Object.entries(LEARNER_FORMULAS)) expect([address, after[address]]).toEqual([address, ['f', formula]]);
    for (const address of TYPED) expect([address, after[address]]).toEqual([address, undefined]);
    // Everything else on the sheet (titles, labels, STT, the ratio formulas) as it was.
    const rest = (cells: typeof before) => Object.fromEntries(Object.entries(cells).filter(([a]) => !TYPED.includes(a)));
    expect(rest(after)).toEqual(rest(before));
  });

  it('keeps every part the add-in does not own byte for byte', () => {
    const before = fs.readFileSync(files[producer]!);
    const after = fs.readFileSync(next);
    const owned = new Set([...addInParts(before, userSheets()), ...addInParts(after, userSheets())]);
    expect([...partsUntouched(before, after, owned), ...sharedKept(before, after, userSheets())]).toEqual([]);
  });

  it('evaluated before anything is typed, finds no learners’ figures (the kept subtotal is not calculated, not last year’s 68)', async () => {
    expect(await learnerIndicator(next)).toEqual({ numerator: null, denominator: null, status: 'not_evaluable' });
  });

  it('LibreOffice computes the kept formulas anew: 0 over the blank classes, the new classes’ sum once typed; evaluate then counts the classes', async () => {
    const cleared = await recalculatedResults(fs.readFileSync(next), SHEETS.learners);
    expect([cleared.C8, cleared.D8, cleared.D11]).toEqual([0, 0, 0]);
    const typed = path.join(dir, `${producer}-2026-typed.xlsx`);
    const wb = await XlsxWorkbook.open(fs.readFileSync(next), 'typed.xlsx', NODE_XLSX);
    await wb.batch(async (s) => s.write({ sheet: SHEETS.learners, mode: 'existing', cells: [{ at: 'C5', rows: [[41, 40], [39, 37]] }, { at: 'C9', rows: [[36, 35], [34, 30]] }] }));
    fs.writeFileSync(typed, await wb.toBytes());
    const summed = await recalculatedResults(fs.readFileSync(typed), SHEETS.learners);
    expect([summed.C8, summed.D8, summed.D11]).toEqual([70, 65, 142]);
    // Saved by LibreOffice, as a clerk's save after typing: the classes are counted, the subtotals left out.
    const saved = await convert(typed, 'xlsx', fs.mkdtempSync(path.join(dir, 'saved-')));
    expect(await learnerIndicator(saved)).toEqual({ numerator: 142, denominator: 150, status: 'not_met' });
  });
});
