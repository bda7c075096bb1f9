/**
 * The round-trip corpus itself: every file holds what it claims, the add-in's sheets and
 * the user's, valid CRCs, and opens in LibreOffice; and the comparison helpers see every
 * kind of difference they are meant to report.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { buildCorpus, CORPUS_NAMES, type CorpusFile } from '../support/roundtrip/corpus';
import { readParts, partsUntouched } from '../support/roundtrip/zipParts';
import { addInParts, sharedKept, sheets } from '../support/roundtrip/package';
import { sofficePath } from '../support/libreoffice';
import { SHEETS } from '../../src/sheets/names';

jest.setTimeout(180_000);

let dir: string;
let corpus: CorpusFile[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-corpus-'));
  corpus = await buildCorpus(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ADD_IN = [SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.lists];

describe('the round-trip corpus', () => {
  it('has the files the issue lists, from each producer', () => {
    expect(corpus.map((c) => c.name)).toEqual([...CORPUS_NAMES]);
    expect(corpus.map((c) => c.producer)).toEqual(['openpyxl', 'openpyxl', 'libreoffice', 'libreoffice', 'hand', 'hand', 'hand', 'hand', 'hand', 'hand', 'hand']);
  });

  it('each file holds what it claims, the add-in’s sheets, the user’s sheets, and valid CRCs', () => {
    const missing: string[] = [];
    for (const c of corpus) {
      const bytes = fs.readFileSync(c.file);
      const parts = readParts(bytes);
      for (const claim of c.claims) {
        const ok = [...parts.values()].some((p) => claim.part.test(p.name) && (claim.contains === undefined || (typeof claim.contains === 'string' ? p.data.toString('utf8').includes(claim.contains) : claim.contains.test(p.data.toString('utf8')))));
        if (!ok) missing.push(`${c.name}: ${claim.what}`);
      }
      const names = sheets(parts).map((s) => s.name);
      for (const s of [...ADD_IN, ...c.userSheets]) if (!names.includes(s)) missing.push(`${c.name}: sheet “${s}”`);
      for (const p of parts.values()) if (zlib.crc32(p.data) !== p.crc) missing.push(`${c.name}: CRC of ${p.name}`);
      // The user's sheets are not parts the add-in owns.
      const owned = addInParts(bytes, c.userSheets);
      for (const s of sheets(parts)) if (c.userSheets.includes(s.name) && owned.has(s.part)) missing.push(`${c.name}: “${s.name}” counted as the add-in's`);
    }
    expect(missing).toEqual([]);
  });

  it('every file opens in LibreOffice and keeps the user’s sheets there', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'lo-open-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
    // One LibreOffice run for the whole corpus (each start costs seconds).
    await new Promise<void>((resolve, reject) =>
      execFile(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...corpus.map((c) => c.file)], { timeout: 170_000 }, (err, _o, stderr) =>
        err ? reject(new Error(`${err.message} ${stderr}`)) : resolve(),
      ),
    );
    fs.rmSync(profile, { recursive: true, force: true });
    const problems: string[] = [];
    for (const c of corpus) {
      const converted = path.join(out, c.name.replace(/\.xlsm$/, '.xlsx'));
      if (!fs.existsSync(converted)) {
        problems.push(`${c.name}: LibreOffice wrote nothing`);
        continue;
      }
      const names = sheets(readParts(fs.readFileSync(converted))).map((s) => s.name);
      for (const s of [...ADD_IN, ...c.userSheets]) if (!names.includes(s)) problems.push(`${c.name}: no sheet “${s}” after LibreOffice`);
    }
    expect(problems).toEqual([]);
  });
});

describe('partsUntouched and sharedKept', () => {
  const zip = async (files: Record<string, string>) => {
    const z = new JSZip();
    for (const [k, v] of Object.entries(files)) z.file(k, v);
    return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
  /** Writes a wrong CRC into the central directory entry of `name`. */
  const corruptCrc = (bytes: Uint8Array, name: string) => {
    const b = Buffer.from(bytes);
    for (let p = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), b.length); p >= 0; p = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
      if (b.subarray(p + 46, p + 46 + b.readUInt16LE(p + 28)).toString() === name) b.writeUInt32LE((b.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16);
    }
    return new Uint8Array(b);
  };

  it('lists every difference outside the owned parts, and nothing inside them', async () => {
    const before = await zip({ 'a.xml': '<a/>', 'b.xml': '<b>1</b>', 'c.xml': '<c/>', 'ours.xml': '<o/>' });
    expect(partsUntouched(before, before, [])).toEqual([]);
    const after = await zip({ 'a.xml': '<a/>', 'b.xml': '<b>2</b>', 'd.xml': '<d/>', 'ours.xml': '<o>new</o>', 'ours2.xml': '' });
    expect(partsUntouched(before, after, ['ours.xml', 'ours2.xml']).map(({ part, kind }) => `${kind} ${part}`)).toEqual(['bytes b.xml', 'removed c.xml', 'added d.xml']);
    expect(partsUntouched(before, after, ['ours.xml', 'ours2.xml'])[0]!.detail).toContain('"<b>1</b>" → "<b>2</b>"');
    expect(partsUntouched(before, corruptCrc(before, 'a.xml'), []).map(({ part, kind }) => `${kind} ${part}`)).toEqual(['crc a.xml']);
    expect(partsUntouched(before, after, (n) => n !== 'a.xml')).toEqual([]);
  });

  it('sharedKept sees a lost sheet-scoped name, workbook protection, relationship and content type', async () => {
    const file = corpus.find((c) => c.name === 'tay-binh-luan-lien-ket.xlsx')!;
    const before = fs.readFileSync(file.file);
    expect(sharedKept(before, before, file.userSheets)).toEqual([]);
    const z = await JSZip.loadAsync(before);
    const wb = (await z.file('xl/workbook.xml')!.async('string')).replace(/<definedName name="DS" localSheetId="\d+">'Tổ Văn'[^<]*<\/definedName>/, '').replace(/<workbookProtection[^>]*\/>/, '');
    z.file('xl/workbook.xml', wb);
    const ct = (await z.file('[Content_Types].xml')!.async('string')).replace('application/vnd.ms-excel.threadedcomments+xml', 'application/xml');
    z.file('[Content_Types].xml', ct);
    const rels = (await z.file('_rels/.rels')!.async('string')).replace(/<Relationship [^>]*custom-properties[^>]*\/>/, '');
    z.file('_rels/.rels', rels);
    const after = await z.generateAsync({ type: 'uint8array' });
    expect(sharedKept(before, after, file.userSheets).map((d) => d.detail)).toEqual([
      "defined name DS (sheet “Tổ Văn”) = 'Tổ Văn'!$A$2:$A$5",
      'workbook protection <workbookProtection lockStructure="1" workbookPassword="CC3D"/>',
      'relationship custom-properties → docProps/custom.xml',
      'content type of xl/threadedComments/threadedComment1.xml: application/vnd.ms-excel.threadedcomments+xml → application/xml',
    ]);
  });
});
