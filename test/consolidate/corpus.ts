/**
 * The consolidation corpus, built at test time: unit workbooks made and evaluated by the
 * product itself, then altered the way real dossiers go wrong, and hostile files.
 */
import * as zlib from 'zlib';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs/excelJsWorkbook';
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
}

export async function unitWorkbook(spec: UnitSpec): Promise<Uint8Array> {
  const wb = ExcelJsWorkbook.create(`${spec.name}.xlsx`);
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

export const edits = {
  /** The unit's recorded result for an indicator says `result` (column O of 'Tiêu chí'). */
  indicatorResult: (code: string, result: string) => (wb: ExcelJS.Workbook) => setCachedResult(wb.getWorksheet(SHEETS.criteria)!, `O${criteriaRow(wb, code)}`, result),
  /** "Kết quả tự đánh giá" says `text`. */
  outcome: (text: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.unit)!;
    setCachedResult(ws, `B${rowOfLabel(ws, 1, RESULT_FIELDS.outcome)}`, text);
  },
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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
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
