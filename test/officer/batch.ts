/**
 * One consolidated batch for the officer's tests: unit workbooks made and evaluated by the
 * product (test/consolidate/corpus.ts), some gone wrong the way real dossiers do, read and
 * consolidated in process into an officer's workbook (the file writer, as the CLI writes).
 */
import { readUnitFile, consolidateFiles } from '../../src/usecases/consolidate';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import type { Workbook } from '../../src/workbook/port';
import type { Lang } from '../../src/i18n';
import type { CellValue } from '../../src/domain/values';
import { columnLetter } from '../../src/workbook/a1';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate/layout';
import { edits, unitWorkbook, type UnitSpec } from '../consolidate/corpus';

export const AS_OF = new Date(2026, 0, 10);

/** Which list each unit must end in, and why. */
export const BATCH: { file: string; spec: UnitSpec; level: 1 | 2 | null }[] = [
  { file: '01-thcs-nguyen-du.xlsx', spec: { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' }, level: 1 },
  // The commune's own UBND: recognised by the level above, never proposed to its own chairman.
  { file: '02-ubnd-xa.xlsx', spec: { name: 'UBND xã Hòa Bình', type: 'UBND cấp xã', seed: 2 }, level: null },
  {
    file: '03-muc-do-2.xlsx',
    spec: { name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', presetId: 'tt24-co-so-md2', level: 'Mức độ 2', previousDate: new Date(2024, 1, 5), previousLevel: 'Mức độ 1', seed: 3 },
    level: 2,
  },
  // An earlier recognition expired: said beside the unit, not in its way.
  { file: '04-het-han.xlsx', spec: { name: 'Phòng Văn hóa - Xã hội', type: 'Cơ quan nhà nước', previousDate: new Date(2021, 5, 1), previousLevel: 'Mức độ 1', seed: 4 }, level: 1 },
  { file: '05-khong-dat.xlsx', spec: { name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', rate: 0.8, seed: 5 }, level: null },
  {
    file: '06-tu-danh-gia-sai.xlsx',
    spec: { name: 'Trường THCS Chu Văn An', type: 'Trường THCS', rate: 0.8, seed: 6, edit: edits.all(edits.indicatorResult('2.1', 'Đạt'), edits.outcome('Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1')) },
    level: null,
  },
  {
    file: '07-sua-sau-danh-gia.xlsx',
    spec: { name: 'Trường tiểu học Lê Lợi', type: 'Trường tiểu học', seed: 7, edit: edits.all(...[0, 2, 4, 6, 8, 10, 12, 14].map((i) => edits.member(i, 'discipline', 'Không'))) },
    level: null,
  },
  // Data changed after the evaluation though the result would stay: stale, so not proposed.
  { file: '08-sua-nhe.xlsx', spec: { name: 'Trường THCS Lý Tự Trọng', type: 'Trường THCS', seed: 8, edit: edits.member(1, 'discipline', 'Không') }, level: null },
];

/** The batch's files, made once per test file. */
export async function batchFiles(units = BATCH): Promise<{ label: string; bytes: Uint8Array }[]> {
  return Promise.all(units.map(async (u) => ({ label: u.file, bytes: await unitWorkbook(u.spec) })));
}

/** The receiving body the batch is consolidated for (`--body`, `--tier`). */
export const COMMUNE = { body: 'UBND xã Hòa Bình', tier: 'cấp xã' };

/** Consolidates `files` into `target` as the CLI and the pane do (`lang`: as `--lang`). */
export async function consolidateInto(target: Workbook, files: { label: string; bytes: Uint8Array }[], ruleSet: RuleSet | null = null, receiving = COMMUNE, lang?: Lang): Promise<void> {
  const result = await consolidateFiles(
    target,
    files.map((f) => ({ label: f.label, size: f.bytes.length })),
    async (indices, onOutcome) => {
      for (const i of indices) onOutcome(await readUnitFile(files[i]!.bytes, files[i]!.label, { inflate: nodeInflate, ...(lang ? { lang } : {}) }), i);
      return true;
    },
    { ...receiving, ruleSet, asOf: AS_OF, ...(lang ? { lang } : {}) },
  );
  if (!result) throw new Error('consolidation cancelled');
}

/** A new officer's file workbook holding the consolidation of `files` (`lang`: as `--lang`). */
export async function consolidatedFile(files: { label: string; bytes: Uint8Array }[], ruleSet: RuleSet | null = null, receiving = COMMUNE, lang?: Lang): Promise<XlsxWorkbook> {
  const wb = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  await consolidateInto(wb, files, ruleSet, receiving, lang);
  return XlsxWorkbook.open(await wb.toBytes(), wb.label, NODE_XLSX);
}

/** The consolidated table's cells by unit name and heading: their values as stored, addresses, and which hold formulas. */
export async function unitsTable(wb: XlsxWorkbook) {
  const units = CONSOLIDATION_SHEETS.units;
  const read = await wb.batch((s) => s.read([units], { formulas: [units] }));
  const sheet = read.sheets.get(units)!;
  const headings = sheet.rows[sheet.rows.findIndex((r) => r[0] === 'STT')]!;
  const col = (heading: string) => headings.findIndex((c) => c === heading);
  const row = (name: string) => sheet.rows.findIndex((r) => r[1] === name);
  const at = (name: string, heading: string) => `${columnLetter(col(heading) + 1)}${row(name) + 1}`;
  return {
    headings,
    value: (name: string, heading: string): CellValue => sheet.rows[row(name)]![col(heading)] ?? null,
    at,
    isFormula: (name: string, heading: string) => sheet.formulas?.has(at(name, heading)) === true,
  };
}
