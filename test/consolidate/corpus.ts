/**
 * The consolidation corpus, built at test time: unit workbooks made and evaluated by the
 * product itself, then altered the way real dossiers go wrong, and hostile files.
 */
import * as zlib from 'zlib';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets, type UnitDetails } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { COL, SETTINGS } from '../../src/sheets/criteriaSheet';
import { RESULT_FIELDS, UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { foldKey } from '../../src/domain/text';
import type * as ExcelJS from 'exceljs';

export const EVALUATED_AT = new Date(2025, 11, 20, 9, 0, 0);

export interface UnitSpec {
  name: string;
  type?: string;
  presetId?: string;
  members?: number;
  seed?: number;
  rate?: number;
  year?: number;
  level?: string;
  isPublic?: boolean;
  previousDate?: Date | null;
  previousLevel?: string;
  answers?: Record<string, string>;
  evaluatedAt?: Date;
  /** Evaluate with the product before saving (default true). */
  evaluate?: boolean;
  /** Changes made before the evaluation (the unit's own edits of its rule set, say). */
  prepare?: (wb: ExcelJS.Workbook) => void;
  /** Changes made with Excel after the evaluation (or instead of it). */
  edit?: (wb: ExcelJS.Workbook) => void;
  /** Saved in the 1904 date system (Excel for Mac's old default): its dates are 1904 serials. */
  date1904?: boolean;
}

export async function unitWorkbook(spec: UnitSpec): Promise<Uint8Array> {
  const wb = ExcelJsWorkbook.create(`${spec.name}.xlsx`);
  if (spec.date1904) wb.workbook.properties.date1904 = true;
  const sample = sampleUnit({ presetId: spec.presetId, members: spec.members ?? 60, seed: spec.seed ?? 1, rate: spec.rate ?? 1 });
  const unit: UnitDetails = {
    ...sample.unit,
    name: spec.name,
    type: spec.type ?? sample.unit.type,
    year: spec.year ?? 2025,
    isPublic: spec.isPublic ?? true,
    previousDate: spec.previousDate ?? null,
    previousLevel: spec.previousLevel ?? '',
    ...(spec.level ? { level: spec.level } : {}),
  };
  await createSheets(wb, { ...sample, unit, answers: { ...sample.answers, ...spec.answers } });
  spec.prepare?.(wb.workbook);
  if (spec.evaluate !== false) {
    const r = await evaluateWorkbook(wb, { now: spec.evaluatedAt ?? EVALUATED_AT });
    if (!r.ok) throw new Error(`corpus unit ${spec.name} did not evaluate: ${r.problems.map((p) => p.message).join('; ')}`);
  }
  let out = wb;
  if (spec.edit) {
    out = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
    spec.edit(out.workbook);
  }
  return out.toBuffer();
}

/** Row of a label in column A/B of a sheet (unit fields, criteria settings). */
function rowOfLabel(ws: ExcelJS.Worksheet, col: number, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (foldKey(String(ws.getCell(r, col).value ?? '')) === foldKey(label)) return r;
  throw new Error(`no ${label} in ${ws.name}`);
}

/** Row of an indicator or criterion code in 'Tiêu chí'. */
export function criteriaRow(wb: ExcelJS.Workbook, code: string): number {
  const ws = wb.getWorksheet(SHEETS.criteria)!;
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, COL.code).value ?? '') === code) return r;
  throw new Error(`no indicator ${code}`);
}

/** Replaces the cached result of a formula cell, as if the unit typed over what it saw. */
export function setCachedResult(ws: ExcelJS.Worksheet, address: string, result: string | number): void {
  const cell = ws.getCell(address);
  const v = cell.value as { formula?: string } | null;
  cell.value = v && typeof v === 'object' && v.formula ? ({ formula: v.formula, result } as ExcelJS.CellFormulaValue) : result;
}

/** A cell of the result block of 'Thông tin đơn vị' (“Điểm (thang 100)”, “Xếp loại” …) says `value`, as if typed over. */
const resultCell = (key: keyof typeof RESULT_FIELDS, value: string | number) => (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(SHEETS.unit)!;
  setCachedResult(ws, `B${rowOfLabel(ws, 1, RESULT_FIELDS[key])}`, value);
};

export const edits = {
  /** The unit's recorded result for an indicator says `result` (column O of 'Tiêu chí'). */
  indicatorResult: (code: string, result: string) => (wb: ExcelJS.Workbook) => setCachedResult(wb.getWorksheet(SHEETS.criteria)!, `O${criteriaRow(wb, code)}`, result),
  /** "Kết quả tự đánh giá" says `text`. */
  outcome: (text: string) => resultCell('outcome', text),
  result: resultCell,
  /** A member value changed after the evaluation, without evaluating again. */
  member: (index: number, key: string, value: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.members)!;
    ws.getCell(5 + index, MEMBER_FIELDS.findIndex((f) => f.key === key) + 1).value = value;
  },
  unitField: (key: keyof typeof UNIT_FIELDS, value: string | number | Date | null) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.unit)!;
    ws.getCell(`B${rowOfLabel(ws, 1, UNIT_FIELDS[key])}`).value = value;
  },
  setting: (key: keyof typeof SETTINGS, value: string | number) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.criteria)!;
    ws.getCell(`C${rowOfLabel(ws, 2, SETTINGS[key])}`).value = value;
  },
  threshold: (code: string, value: number) => (wb: ExcelJS.Workbook) => {
    wb.getWorksheet(SHEETS.criteria)!.getCell(criteriaRow(wb, code), COL.threshold).value = value;
  },
  removeSheet: (name: string) => (wb: ExcelJS.Workbook) => wb.removeWorksheet(wb.getWorksheet(name)!.id),
  all:
    (...fs: ((wb: ExcelJS.Workbook) => void)[]) =>
    (wb: ExcelJS.Workbook) => {
      for (const f of fs) f(wb);
    },
};

// ---------------------------------------------------------------- hostile files

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Size written in the directory (default: the real one). */
  declaredSize?: number;
  stored?: boolean;
  flags?: number;
  /** CRC-32 written in both headers (default: the data's real one). */
  crc?: number;
}

/**
 * A workbook of one sheet, “Tổng hợp”, whose sheetData holds `sheetData` (`prefixed`: its tags
 * x:-prefixed, as the Open XML SDK writes them), for the reader's spans of rows.
 */
export function summaryOnlyWorkbook(sheetData: string, prefixed = false): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const sheet = prefixed
    ? `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:sheetData>${sheetData.replace(/<(\/?)(row|c|v|f|is|t)([ >/])/g, '<$1x:$2$3')}</x:sheetData></x:worksheet>`
    : `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${sheetData}</sheetData><rowBreaks count="0"/></worksheet>`;
  return makeZip([
    { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
    { name: '_rels/.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: text(`<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: text(sheet) },
  ]);
}

/** A hand-made zip, so sizes and names can lie. */
export function makeZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.stored ? Buffer.from(e.data) : zlib.deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const CFB_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file whose directory names `stream` (UTF-16LE), as Excel writes them. */
export function cfbFile(stream: string): Uint8Array {
  const out = Buffer.alloc(4096);
  Buffer.from(CFB_HEADER).copy(out, 0);
  Buffer.from(stream, 'utf16le').copy(out, 1024);
  return new Uint8Array(out);
}

export const hostile = {
  encrypted: () => cfbFile('EncryptedPackage'),
  legacyXls: () => cfbFile('Workbook'),
  csv: () => new Uint8Array(Buffer.from('\ufeffSTT,Họ và tên,Chấp hành kỷ luật lao động\n1,Nguyễn Văn An,Có\n2,Trần Thị Bình,Có\n', 'utf8')),
  html: () => new Uint8Array(Buffer.from('<html><body><table><tr><td>STT</td></tr></table></body></html>', 'utf8')),
  empty: () => new Uint8Array(0),
  pdf: () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe])])),
  truncated: (good: Uint8Array) => good.subarray(0, Math.floor(good.length * 0.6)),
  /** A workbook part that declares 1 KB but inflates to 32 MB. */
  zipBombActual: () =>
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.alloc(32 * 1024 * 1024, 0x20), declaredSize: 1024 },
    ]),
  /** A part that declares 3 GB. */
  zipBombDeclared: () =>
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 3_000_000_000 },
    ]),
  /** Entity expansion in the workbook part. */
  billionLaughs: () =>
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      {
        name: 'xl/workbook.xml',
        data: Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><workbook><sheets><sheet name="&lol2;" r:id="rId1"/></sheets></workbook>',
        ),
      },
    ]),
  /** A .docx-like zip: no workbook part. */
  notWorkbookZip: () => makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]),
};

// ---------------------------------------------------------------- hand-made workbooks (test/hardening)

export type SheetRow = (string | number | null)[];

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A worksheet part and its shared strings, as Excel writes them (text shared, numbers inline). */
export function sheetParts(rows: SheetRow[]): { sheetXml: string; shared: string[] } {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${colName(c + 1)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          if (!index.has(v)) index.set(v, shared.push(v) - 1);
          return `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return { sheetXml: `${XML_DECL}<worksheet xmlns="${SML}"><sheetData>${body}</sheetData></worksheet>`, shared };
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function sharedStringsXml(shared: string[]): string {
  const items = shared.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('');
  return `${XML_DECL}<sst xmlns="${SML}" count="${shared.length}" uniqueCount="${shared.length}">${items}</sst>`;
}

export interface HandMadeSpec {
  /** The one sheet's name (default "Danh sách"). */
  sheet?: string;
  rows?: SheetRow[];
  /** Replaces the worksheet part built from `rows` (bytes as given: may be invalid UTF-8). */
  sheetXml?: string | Uint8Array;
  /** Replaces the shared strings part. */
  sharedXml?: string | Uint8Array;
  /** Size the directory declares for the worksheet part. */
  sheetDeclaredSize?: number;
  /** More entries, after the workbook's own. */
  extra?: { name: string; data: Uint8Array; declaredSize?: number }[];
}

/**
 * A minimal workbook of one sheet, zipped by hand so any part can lie or be hostile. Without
 * hostility ExcelJS, the reader and the import all read it like one saved by Excel.
 */
export function handMadeWorkbook(spec: HandMadeSpec = {}): Uint8Array {
  const sheet = spec.sheet ?? 'Danh sách';
  const built = sheetParts(spec.rows ?? [['STT', 'Họ và tên'], [1, 'Nguyễn Văn An']]);
  const bytes = (x: string | Uint8Array) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : x);
  const ct =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  const rootRels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML_DECL}<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels =
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return makeZip([
    { name: '[Content_Types].xml', data: bytes(ct) },
    { name: '_rels/.rels', data: bytes(rootRels) },
    { name: 'xl/workbook.xml', data: bytes(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: bytes(wbRels) },
    { name: 'xl/worksheets/sheet1.xml', data: bytes(spec.sheetXml ?? built.sheetXml), declaredSize: spec.sheetDeclaredSize },
    { name: 'xl/sharedStrings.xml', data: bytes(spec.sharedXml ?? sharedStringsXml(built.shared)) },
    ...(spec.extra ?? []),
  ]);
}

/** Text with a byte sequence that is not UTF-8 (a Windows-1258 "ê" among UTF-8 text). */
function withBadByte(text: string): Uint8Array {
  const at = text.indexOf('\u0000');
  return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from([0xea]), Buffer.from(text.slice(at + 1), 'utf8')]);
}

/** The hostile corpus of test/hardening: each built from `base` rows so only one thing is wrong. */
export const hostileWorkbooks = {
  /** The sheet part declares 1 KB and inflates to 32 MB. */
  zipBombActual: (sheet?: string) =>
    handMadeWorkbook({ sheet, sheetXml: `<worksheet><sheetData>${' '.repeat(32 * 1024 * 1024)}</sheetData></worksheet>`, sheetDeclaredSize: 1024 }),
  /** The sheet part declares 3 GB. */
  zipBombDeclared: (sheet?: string) => handMadeWorkbook({ sheet, sheetDeclaredSize: 3_000_000_000 }),
  /** Honest sizes, but 48 MB of blanks squeezed about 1000 to 1. */
  zipBombRatio: (sheet?: string) => handMadeWorkbook({ sheet, sheetXml: `<worksheet><sheetData>${' '.repeat(48 * 1024 * 1024)}</sheetData></worksheet>` }),
  /** Entity expansion in the sheet part. */
  billionLaughs: (sheet?: string) => {
    const ents = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    return handMadeWorkbook({
      sheet,
      sheetXml: `${XML_DECL}<!DOCTYPE worksheet [<!ENTITY lol0 "lol">${ents}]><worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
    });
  },
  /** `depth` nested elements inside the sheet data. */
  deepNesting: (sheet?: string, depth = 100_000) =>
    handMadeWorkbook({ sheet, sheetXml: `${XML_DECL}<worksheet xmlns="${SML}"><sheetData>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</sheetData></worksheet>` }),
  /** Every row Excel allows, one number each. */
  millionRows: (sheet?: string) => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    return handMadeWorkbook({ sheet, sheetXml: `${XML_DECL}<worksheet xmlns="${SML}"><sheetData>${rows.join('')}</sheetData></worksheet>` });
  },
  /** A name typed in another code page, inline in the sheet part. */
  invalidUtf8Sheet: (sheet?: string) =>
    handMadeWorkbook({
      sheet,
      sheetXml: withBadByte(
        `${XML_DECL}<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Nguy\u0000n Văn An</t></is></c></row></sheetData></worksheet>`,
      ),
    }),
  /** The same in the shared strings. */
  invalidUtf8Shared: (sheet?: string) =>
    handMadeWorkbook({ sheet, sharedXml: withBadByte(sharedStringsXml(['STT', 'Họ và tên', 'Nguy\u0000n Văn An'])) }),
  /** A sheet part cut off inside a formula (a copy that stopped half-way, then zipped again). */
  unterminatedTag: (sheet?: string) =>
    handMadeWorkbook({
      sheet,
      sheetXml: `${XML_DECL}<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="2"><c r="A2"><f>SUM(B1:B9`,
    }),
  /** The sheet part ends after a whole row, before </sheetData>: read as it is, the rows after the cut would be lost unsaid. */
  sheetCutAfterRow: (sheet?: string) => {
    const rows = [['STT', 'Họ và tên'], [1, 'Nguyễn Văn An'], [2, 'Trần Thị Bình']];
    const { sheetXml } = sheetParts(rows);
    return handMadeWorkbook({ sheet, rows, sheetXml: sheetXml.slice(0, sheetXml.lastIndexOf('</row>') + '</row>'.length) });
  },
  /** The shared strings end after a whole item, before </sst>: the later strings would read as empty cells. */
  stringsCutAfterItem: (sheet?: string) => {
    const rows = [['STT', 'Họ và tên'], [1, 'Nguyễn Văn An'], [2, 'Trần Thị Bình']];
    const xml = sharedStringsXml(sheetParts(rows).shared);
    return handMadeWorkbook({ sheet, rows, sharedXml: xml.slice(0, xml.indexOf('</si>') + '</si>'.length) });
  },
  /** One more part whose name climbs out of the folder (`name` as written in the zip). */
  pathTraversal: (name: string, sheet?: string) => handMadeWorkbook({ sheet, extra: [{ name, data: Buffer.from('<evil/>') }] }),
};

// ---------------------------------------------------------------- consolidation in process

import { consolidateFiles, readUnitFile, type ConsolidationResult, type FileOutcome } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { Consolidation } from '../../src/usecases/consolidate/aggregate';
import type { Lang } from '../../src/i18n';

/**
 * `files` consolidated into a new file workbook as the CLI does it, read back. `drawn`: rows
 * drawn by the file writer as the files arrive, here last file first (workers hand them back in any order).
 */
export async function consolidatedInProcess(
  files: { label: string; bytes: Uint8Array }[],
  asOf: Date,
  drawn = false,
  ruleSet: RuleSet | null = null,
  /** The consolidating body's tier (`--tier`); '' when not given. */
  tier = 'cấp xã',
): Promise<{ result: ConsolidationResult; workbook: XlsxWorkbook }> {
  const workbook = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  const result = await consolidateFiles(
    workbook,
    files.map((f) => ({ label: f.label, size: f.bytes.length })),
    async (indices, onOutcome) => {
      const read: [FileOutcome, number][] = [];
      for (const i of indices) read.push([await readUnitFile(files[i]!.bytes, files[i]!.label, { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang: 'vi' }), i]);
      for (const [outcome, i] of drawn ? read.reverse() : read) onOutcome(outcome, i);
      return true;
    },
    { body: 'UBND xã Hòa Bình', tier, lang: 'vi', asOf, ruleSet, ...(drawn ? { drawRows: () => workbook.drawRowsAhead() } : {}) },
  );
  return { result: result!, workbook: await XlsxWorkbook.open(await workbook.toBytes(), workbook.label, NODE_XLSX) };
}

/** One unit's file read and aggregated alone (no table drawn), as a commune in `lang` would: its record and flags. */
export async function aggregatedAlone(bytes: Uint8Array, label: string, asOf: Date, lang: Lang = 'vi') {
  const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', asOf, lang });
  c.add(await readUnitFile(bytes, label, { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang }));
  return c.finish();
}

// Kept beside the one builder that needs them, so the top of the file stays as it was.
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { DEFAULT_LIMITS } from '../../src/xlsx/errors';

/** The same workbook, zipped again with more entries (names as given: they may be unsafe). */
export async function withExtraEntries(bytes: Uint8Array, extra: { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  return makeZip([...(await entriesOf(bytes)), ...extra]);
}

/** The same workbook, zipped again with each part's bytes passed through `change` (by its name). */
export async function withChangedEntries(bytes: Uint8Array, change: (name: string, data: Uint8Array) => Uint8Array): Promise<Uint8Array> {
  return makeZip((await entriesOf(bytes)).map((e) => ({ name: e.name, data: change(e.name, e.data) })));
}

async function entriesOf(bytes: Uint8Array): Promise<{ name: string; data: Uint8Array }[]> {
  const entries: { name: string; data: Uint8Array }[] = [];
  for (const e of readDirectory(bytes, DEFAULT_LIMITS).entries.values()) entries.push({ name: e.name, data: await readEntry(bytes, e, nodeInflate, DEFAULT_LIMITS) });
  return entries;
}
