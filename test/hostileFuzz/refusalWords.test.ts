/**
 * The words of a refusal of a damaged workbook. The seeded mutation fuzz (2026-12-06) found 278
 * reasons carrying the reader's English and a zip part's path (“unterminated <c>”, “local
 * header of xl/worksheets/sheet3.xml: CRC”): a school clerk can act on neither. Here every kind
 * of damage is made once to every part of a sample workbook (cut, not XML, a stray or misspelt
 * close tag, bad UTF-8, a wrong CRC, the part gone), plus seeded random mutants of the whole file; each
 * refusal must be Vietnamese, name the file, and say a sheet by its tab's name. Consolidation's
 * reasons, in its JSON and in “Báo cáo tệp”, are the same words.
 *
 * More random mutants: DVHT_FUZZ_MUTANTS=500 npx jest … test/hostileFuzz/refusalWords.test.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { makeZip } from '../consolidate/corpus';
import { capture, initSample } from '../support/cliOutput';
import { fileReport } from '../support/fileReport';
import { sheetPartOf, zipParts, type ZipPart as Entry } from './zipParts';
import { rng } from '../../src/usecases/sampleData';

jest.setTimeout(300_000);

const RANDOM_MUTANTS = Number(process.env.DVHT_FUZZ_MUTANTS ?? 60);

/** Words of the reader's own (English) failure details: none may reach a Vietnamese message. */
const PARSER_WORDS =
  /\b(unterminated|unclosed|elements?|root|local header|central directory|entry|entries|ZIP64|duplicate|overlap|stored size|signature|compressed|size|CRC|method|extra field|formula|text|CDATA|invalid|UTF-8|declared|bytes|not loaded|no <)\b/i;
/** A zip part's path or an XML tag: the inside of the file, not what the user sees. */
const INSIDE = /\b(xl|docProps|_rels|customXml)\/|\[Content_Types\]|\.xml\b|\.rels\b|<\/?[A-Za-z]/;

let dir: string;
let sample: Uint8Array;
let parts: Entry[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-words-'));
  const file = path.join(dir, 'mau.xlsx');
  expect(await initSample(file)).toBe(0);
  // Evaluated, so that consolidation reads it through.
  expect(await run(['evaluate', file], capture())).toBe(0);
  sample = new Uint8Array(fs.readFileSync(file));
  parts = await zipParts(sample);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

function withPart(name: string, change: (e: Entry) => Entry | null): Uint8Array {
  return makeZip(parts.flatMap((e) => (e.name === name ? (change(e) ?? []) : [e])));
}

const MEMBERS = 'Thành viên';

const sheetPart = (tab: string) => sheetPartOf(parts, tab);

/** `</x>` before the third start tag (or the last one). */
function strayCloseTag(xml: string): string {
  const starts = [...xml.matchAll(/<[A-Za-z]/g)];
  const at = starts[Math.min(2, starts.length - 1)]?.index ?? 0;
  return `${xml.slice(0, at)}</x>${xml.slice(at)}`;
}

/** The last close tag but one misspelt (`</definedName>` → `</defWnedName>`): nesting stays balanced, names do not match. */
function misnamedCloseTag(xml: string): string {
  const closes = [...xml.matchAll(/<\/[A-Za-z:]+/g)];
  const close = closes[Math.max(0, closes.length - 2)];
  if (!close) return xml;
  const at = close.index + close[0].length - 1;
  return `${xml.slice(0, at)}W${xml.slice(at)}`;
}

/** Every kind of damage, once to every XML part. */
function eachPartMutants(): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  parts.forEach((p, i) => {
    if (!/\.(xml|rels)$/.test(p.name)) return;
    const at = (s: string) => `p${String(i).padStart(2, '0')}-${s}.xlsx`;
    out.set(at('cat'), withPart(p.name, (e) => ({ ...e, data: e.data.subarray(0, Math.floor(e.data.length * 0.6)) })));
    out.set(at('khong-xml'), withPart(p.name, (e) => ({ ...e, data: bytes('not xml at all') })));
    out.set(at('the-dong-thua'), withPart(p.name, (e) => ({ ...e, data: bytes(strayCloseTag(text(e.data))) })));
    out.set(at('the-sai-ten'), withPart(p.name, (e) => ({ ...e, data: bytes(misnamedCloseTag(text(e.data))) })));
    out.set(at('sai-ma'), withPart(p.name, (e) => ({ ...e, data: new Uint8Array([...e.data.subarray(0, e.data.length - 20), 0xff, 0xfe, ...e.data.subarray(e.data.length - 20)]) })));
    out.set(at('sai-crc'), withPart(p.name, (e) => ({ ...e, crc: 0x1234567 })));
    out.set(at('mat'), withPart(p.name, () => null));
    // A member's row or cell past Excel's grid (XFD1048576): no program writes it, a flipped digit does.
    if (p.name === sheetPart(MEMBERS)) {
      out.set(at('o-ngoai-luoi'), withPart(p.name, (e) => ({ ...e, data: bytes(text(e.data).replace('<row r="6"', '<row r="5000006"')) })));
      out.set(at('cot-ngoai-luoi'), withPart(p.name, (e) => ({ ...e, data: bytes(text(e.data).replace('<c r="B6"', '<c r="ZZZZ6"')) })));
    }
  });
  return out;
}

/** Damage to the zip's own structure, said as the file's damage rather than as a hostile name. */
function zipMutants(): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  // The first directory entry's name length 4 too long: its name runs into the next entry's signature (“…xmlPK\x01\x02”).
  const longName = new Uint8Array(sample);
  const central = Buffer.from(longName).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  new DataView(longName.buffer).setUint16(central + 28, new DataView(longName.buffer).getUint16(central + 28, true) + 4, true);
  out.set('z-ten-qua-dai.xlsx', longName);
  return out;
}

/** Seeded random mutants of the file's bytes: bits flipped, the file cut. */
function randomMutants(count: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    // Seeded (the sample data's generator): the same mutants on every run.
    const next = rng(31_000 + i);
    const b = new Uint8Array(sample);
    if (i % 3 === 2) {
      out.set(`r${String(i).padStart(3, '0')}-cut.xlsx`, b.subarray(0, Math.floor(next() * b.length)));
      continue;
    }
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) b[Math.floor(next() * b.length)]! ^= 1 << Math.floor(next() * 8);
    out.set(`r${String(i).padStart(3, '0')}-flip.xlsx`, b);
  }
  return out;
}

describe('a damaged workbook is refused in Vietnamese a clerk can act on', () => {
  let mutants: Map<string, Uint8Array>;
  let inbox: string;

  beforeAll(() => {
    mutants = new Map([...eachPartMutants(), ...zipMutants(), ...randomMutants(RANDOM_MUTANTS)]);
    inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(inbox);
    for (const [name, b] of mutants) fs.writeFileSync(path.join(inbox, name), b);
  });

  /** What in `said` a clerk could not act on. */
  function faults(message: string, file: string): string[] {
    const found: string[] = [];
    // The file's own name is the user's words, whatever it holds.
    const said = file ? message.split(path.join(inbox, file)).join('') : message;
    // An unexpected error is a fault of ours, said with the runtime's English.
    if (said.includes('không lường trước')) found.push('an unexpected error');
    const english = PARSER_WORDS.exec(said);
    if (english) found.push(`parser's English “${english[0]}”`);
    const inside = INSIDE.exec(said);
    if (inside) found.push(`inside of the file “${inside[0]}”`);
    // eslint-disable-next-line no-control-regex -- bytes of the zip shown as text
    if (/[\u0000-\u0008\u000b-\u001f]/.test(said)) found.push('control characters');
    if (file && !message.includes(file)) found.push('the file is not named');
    return found;
  }

  it('evaluate, documents and new-year name the file and say no English and no part of the zip', async () => {
    const bad: Record<string, string> = {};
    let refused = 0;
    for (const name of mutants.keys()) {
      const file = path.join(inbox, name);
      for (const command of ['evaluate', 'documents', 'new-year']) {
        const io = capture();
        const out = path.join(dir, `ra-${command}.xlsx`);
        const code = await run([command, file, '-o', out, '--lang', 'vi'], io);
        fs.rmSync(out, { force: true });
        if (code === 0) continue;
        refused++;
        const said = io.stderr.join('\n');
        const found = faults(said, name);
        if (found.length) bad[`${command} ${name}`] = `${found.join('; ')}: ${said}`;
      }
    }
    // Most mutants are refused: the check is not vacuous.
    expect(refused).toBeGreaterThan(mutants.size);
    expect(bad).toEqual({});
  });

  it('in English too, the inside of the file is not said', async () => {
    const bad: Record<string, string> = {};
    for (const name of [...mutants.keys()].filter((n) => n.startsWith('p'))) {
      const io = capture();
      if ((await run(['evaluate', path.join(inbox, name), '-o', path.join(dir, 'ra.xlsx'), '--lang', 'en'], io)) === 0) continue;
      const said = io.stderr.join('\n');
      const inside = INSIDE.exec(said);
      if (inside || !said.includes(name)) bad[name] = said;
    }
    expect(bad).toEqual({});
  });

  it('consolidation gives the same words, in its JSON and in “Báo cáo tệp”', async () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    const io = capture();
    await run(['consolidate', inbox, '-o', out, '--json', '--lang', 'vi'], io);
    const json = JSON.parse(io.stdout.join('\n')) as { files: { file: string; status: string; reasons: string[] }[] };
    const rejected = json.files.filter((f) => f.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(mutants.size / 2);
    const bad: Record<string, string> = {};
    for (const f of rejected) {
      const found = faults(f.reasons.join(' '), '');
      if (found.length) bad[path.basename(f.file)] = `${found.join('; ')}: ${f.reasons.join(' ')}`;
    }
    expect(bad).toEqual({});
    const report = await fileReport(out);
    const differ = rejected.filter((f) => report.get(path.basename(f.file))?.reasons !== f.reasons.join('\n'));
    expect(differ.map((f) => [path.basename(f.file), f.reasons, report.get(path.basename(f.file))])).toEqual([]);
  });

  it('a zip directory read past a name is damage, not a name pointing outside the file', async () => {
    const io = capture();
    expect(await run(['evaluate', path.join(inbox, 'z-ten-qua-dai.xlsx'), '-o', path.join(dir, 'ra.xlsx')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/: Tệp bị hỏng: cấu trúc bên trong tệp bị sai lệch/);
  });

  it('a damaged sheet part is said by the sheet’s name on its tab', async () => {
    const index = parts.findIndex((p) => p.name === sheetPart(MEMBERS));
    const tab = MEMBERS;
    for (const kind of ['cat', 'khong-xml', 'sai-ma', 'sai-crc', 'o-ngoai-luoi', 'cot-ngoai-luoi']) {
      const name = `p${String(index).padStart(2, '0')}-${kind}.xlsx`;
      const io = capture();
      expect(await run(['evaluate', path.join(inbox, name), '-o', path.join(dir, 'ra.xlsx')], io)).toBe(1);
      expect({ name, said: io.stderr.join('\n') }).toEqual({ name, said: expect.stringMatching(new RegExp(`trang tính “${tab}”`, 'i')) });
      // Damage, not size: deleting empty rows would not mend it.
      expect(io.stderr.join('\n')).not.toMatch(/quá lớn/);
    }
  });
});
