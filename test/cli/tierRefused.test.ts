/**
 * `dvht handout --tier` and `dvht officer-documents --tier` refuse a tier that names no tier (a
 * city's UBND: a centrally-run city is a province, a provincial city was a district) as `dvht
 * consolidate --tier` does: exit 2, before any file is read or written. A handout made with it
 * would give every unit a warning later; the officer's documents would print it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { batchFiles, consolidatedFile } from '../officer/batch';

jest.setTimeout(120_000);

const CITY = 'UBND thành phố Hà Nội';
// Each command says what the unclear tier would spoil: the units' checks, or the printed documents.
const HANDOUT_VI = /^Cấp nhận hồ sơ “UBND thành phố Hà Nội” không cho biết là cấp nào .*sổ mẫu.*Hãy ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\./;
const HANDOUT_EN = /^The tier “UBND thành phố Hà Nội” that receives the dossiers does not say which tier it is .*starting workbook.*Write “cấp tỉnh”, “cấp huyện” or “cấp xã”\./;
const OFFICER_VI = /^Cấp của đơn vị tiếp nhận “UBND thành phố Hà Nội” không cho biết là cấp nào .*biên bản, tờ trình và quyết định.*Hãy ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\./;
const OFFICER_EN = /^The receiving body’s tier “UBND thành phố Hà Nội” does not say which tier it is .*minutes, the submission and the decision.*Write “cấp tỉnh”, “cấp huyện” or “cấp xã”\./;

let dir: string;
let officer: string;
let officerBytes: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-tier-'));
  officer = path.join(dir, 'tong-hop.xlsx');
  officerBytes = Buffer.from(await (await consolidatedFile((await batchFiles()).slice(0, 2))).toBytes());
  fs.writeFileSync(officer, officerBytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Nothing read is changed: officer-documents writes into its input unless told otherwise.
afterEach(() => expect(fs.readFileSync(officer).equals(officerBytes)).toBe(true));

async function refused(argv: string[]): Promise<string> {
  const io = captureText();
  expect(await run(argv, io)).toBe(2);
  expect(io.stdout).toBe('');
  return io.stderr;
}

describe('a --tier naming no tier is refused before anything is read or written', () => {
  it('dvht handout, from a preset and from the officer’s workbook', async () => {
    const out = path.join(dir, 'so-mau.xlsx');
    const rules = path.join(dir, 'bo.json');
    expect(await refused(['handout', '--preset', 'tt24-co-so-md1', '-o', out, '--rules-file', rules, '--body', CITY, '--tier', CITY])).toMatch(HANDOUT_VI);
    expect(await refused(['handout', officer, '-o', out, '--tier', ` ${CITY} `])).toMatch(HANDOUT_VI);
    expect(await refused(['handout', '--preset', 'tt24-co-so-md1', '-o', out, '--tier', CITY, '--lang', 'en'])).toMatch(HANDOUT_EN);
    expect([fs.existsSync(out), fs.existsSync(rules)]).toEqual([false, false]);
  });

  it('dvht officer-documents, into its own workbook or another', async () => {
    const out = path.join(dir, 'van-ban.xlsx');
    expect(await refused(['officer-documents', officer, '--body', CITY, '--tier', CITY])).toMatch(OFFICER_VI);
    expect(await refused(['officer-documents', officer, '-o', out, '--tier', CITY, '--lang', 'en'])).toMatch(OFFICER_EN);
    expect(fs.existsSync(out)).toBe(false);
    // A tier the body's own name gives is accepted as before.
    const io = captureText();
    expect(await run(['officer-documents', officer, '-o', out, '--body', 'UBND xã Hòa Bình', '--tier', 'UBND xã Hòa Bình'], io)).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('dvht handout with a tier that names one still writes', async () => {
    const out = path.join(dir, 'so-mau-xa.xlsx');
    const io = captureText();
    expect(await run(['handout', '--preset', 'tt24-co-so-md1', '-o', out, '--tier', 'cấp xã'], io)).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
