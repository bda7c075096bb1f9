/**
 * A unit started from what its consolidating body handed out (`init --rules` with the .json or
 * the starting workbook) carries that body and tier in “Thông tin đơn vị”, as the starting
 * workbook itself does: otherwise its dossier is addressed to nobody, or to the sample's made-up
 * province, and consolidation flags it as sent to another tier.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { readUnitSheet } from '../../src/sheets/unitSheet';
import { SHEETS } from '../../src/sheets/names';
import { readText } from '../../src/domain/values';

jest.setTimeout(90_000);

async function receiverOf(file: string): Promise<{ body: string; tier: string }> {
  const wb = await XlsxWorkbook.open(fs.readFileSync(file), path.basename(file), NODE_XLSX);
  const data = await wb.batch(async (s) => (await s.read([SHEETS.unit])).sheets.get(SHEETS.unit)!);
  const info = readUnitSheet(data).info;
  return { body: readText(info.receiver), tier: readText(info.receiverTier) };
}

let dir: string;
let rulesFile: string;
let starter: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-handout-receiver-'));
  rulesFile = path.join(dir, 'bo-tieu-chi.json');
  starter = path.join(dir, 'so-mau.xlsx');
  const io = captureText();
  expect(await run(['handout', '--preset', 'tt24-co-so-md1', '-o', starter, '--rules-file', rulesFile, '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã', '--year', '2026'], io)).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the small file names the body and tier it was handed out by', () => {
  const json = JSON.parse(fs.readFileSync(rulesFile, 'utf8')) as { receiver?: unknown };
  expect(json.receiver).toEqual({ body: 'UBND xã Hòa Bình', tier: 'cấp xã' });
});

test.each([
  ['the .json', () => rulesFile],
  ['the starting workbook', () => starter],
])('init --rules with %s fills in the body and tier, with or without --sample', async (_what, rules) => {
  for (const sample of [[], ['--sample', '--seed', '3']]) {
    const out = path.join(dir, `unit-${path.extname(rules())}-${sample.length}.xlsx`);
    const io = captureText();
    expect(await run(['init', '-o', out, '--rules', rules(), '--unit', 'Sở Tư pháp', '--type', 'co-quan', '--year', '2026', ...sample], io)).toBe(0);
    expect(await receiverOf(out)).toEqual({ body: 'UBND xã Hòa Bình', tier: 'cấp xã' });
  }
});

test('a unit made from the handout is not said to send its dossier to another tier', async () => {
  const out = path.join(dir, 'thcs.xlsx');
  expect(await run(['init', '-o', out, '--rules', rulesFile, '--unit', 'Sở Tư pháp', '--type', 'co-quan', '--year', '2026', '--sample', '--seed', '5'], captureText())).toBe(0);
  const io = captureText();
  await run(['evaluate', out], io);
  expect(io.stdout + io.stderr).not.toMatch(/cấp tỉnh/);
});

test('a .json handed out before it named its body still starts a unit, with the body left to fill', async () => {
  const old = JSON.parse(fs.readFileSync(rulesFile, 'utf8')) as Record<string, unknown>;
  delete old.receiver;
  const oldFile = path.join(dir, 'cu.json');
  fs.writeFileSync(oldFile, JSON.stringify(old));
  const out = path.join(dir, 'old.xlsx');
  expect(await run(['init', '-o', out, '--rules', oldFile, '--unit', 'Sở Tư pháp', '--type', 'co-quan', '--year', '2026'], captureText())).toBe(0);
  expect(await receiverOf(out)).toEqual({ body: '', tier: '' });
});
