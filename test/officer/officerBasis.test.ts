/**
 * The officer's documents cite what the proposed units' own documents cite: the consolidated
 * table records each unit's bases (a province's plan typed in its rule set's “Căn cứ” cell,
 * the national circular), and the request, the decision and the minutes cite them, each once,
 * higher legal force first. A unit citing no provincial document adds nothing of the kind.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate';
import { PRESETS } from '../../src/domain/rules/presets';
import { readText } from '../../src/domain/values';
import type { SheetData } from '../../src/workbook/port';
import type { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { edits, unitWorkbook } from '../consolidate/corpus';
import { consolidatedFile } from './batch';

jest.setTimeout(120_000);

const TT24 = PRESETS.find((p) => p.id === 'tt24-co-so-md1')!.basis;
const DONG_THAP = 'Kế hoạch số 130/KH-UBND ngày 14/4/2024 của UBND tỉnh Đồng Tháp về triển khai thực hiện quy định về đánh giá, công nhận “Đơn vị học tập”';
const HOA_SEN = 'Trường mầm non Hoa Sen';
const NGUYEN_DU = 'Trường THCS Nguyễn Du';

async function sheet(wb: XlsxWorkbook, name: string): Promise<SheetData> {
  const snap = await wb.batch((s) => s.read([name]));
  return snap.sheets.get(name)!;
}

/** The sheet's texts, one cell a line, a merged range's once. */
const texts = (data: SheetData): string =>
  data.rows
    .flatMap((r) => r.slice(0, 10).map((c) => readText(c ?? null).trim()))
    .filter(Boolean)
    .join('\n');

/** A unit's “Căn cứ” cell in the consolidated table. */
async function recordedBasis(wb: XlsxWorkbook, name: string): Promise<string> {
  const table = await sheet(wb, CONSOLIDATION_SHEETS.units);
  const header = table.rows.findIndex((r) => r.some((c) => readText(c ?? null) === 'STT'));
  const col = table.rows[header]!.findIndex((c) => readText(c ?? null) === 'Căn cứ');
  expect(col).toBeGreaterThan(0);
  return readText(table.rows.find((r) => r.some((c) => readText(c ?? null) === name))![col] ?? null);
}

const count = (text: string, part: string) => text.split(part).length - 1;

async function consolidated(units: { name: string; basis?: string; ruleSet?: string }[]): Promise<XlsxWorkbook> {
  const files = await Promise.all(
    units.map(async (u, i) => {
      const prepare = edits.all(...(u.basis ? [edits.setting('basis', u.basis)] : []), ...(u.ruleSet ? [edits.setting('name', u.ruleSet)] : []));
      return { label: `${i + 1}.xlsx`, bytes: await unitWorkbook({ name: u.name, type: 'Trường THCS', seed: i + 1, prepare }) };
    }),
  );
  return consolidatedFile(files);
}

describe('one unit citing its province’s plan, one citing the circular alone', () => {
  let wb: XlsxWorkbook;
  beforeAll(async () => {
    wb = await consolidated([{ name: HOA_SEN, basis: DONG_THAP }, { name: NGUYEN_DU }]);
    const r = await generateOfficerDocuments(wb);
    if (!r.ok) throw new Error(r.message);
    expect(r.proposed).toBe(2);
  });

  it('the consolidated table records each unit’s bases in “Căn cứ”', async () => {
    expect(await recordedBasis(wb, HOA_SEN)).toBe(`${TT24};\n${DONG_THAP}`);
    expect(await recordedBasis(wb, NGUYEN_DU)).toBe(TT24);
  });

  it('the request and the decision cite the circular, then the province’s plan, one “Căn cứ” line each and each once', async () => {
    for (const kind of ['to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const) {
      const text = texts(await sheet(wb, OFFICER_SHEET[kind]));
      expect(text).toContain(`Căn cứ ${TT24};\nCăn cứ ${DONG_THAP};`);
      expect(count(text, 'Căn cứ Thông tư số 24/2023/TT-BGDĐT')).toBe(1);
      expect(count(text, DONG_THAP)).toBe(1);
    }
  });

  it('the minutes rest on both in one sentence', async () => {
    expect(texts(await sheet(wb, OFFICER_SHEET['bien-ban-tham-dinh']))).toContain(`theo ${TT24} và ${DONG_THAP}, đối chiếu`);
  });
});

describe('units citing no provincial document', () => {
  it('the request cites the circular alone', async () => {
    const wb = await consolidated([{ name: NGUYEN_DU }]);
    const r = await generateOfficerDocuments(wb, { kinds: ['to-trinh-cong-nhan'] });
    if (!r.ok) throw new Error(r.message);
    const text = texts(await sheet(wb, OFFICER_SHEET['to-trinh-cong-nhan']));
    expect(count(text, `Căn cứ ${TT24};`)).toBe(1);
    expect(text).not.toContain('KH-UBND');
  });
});

describe('a unit whose rule set the officer does not know by name', () => {
  it('is cited by the bases the table recorded, and no “basis not known” warning is given', async () => {
    const wb = await consolidated([{ name: HOA_SEN, basis: DONG_THAP, ruleSet: 'Bộ tiêu chí của tỉnh Đồng Tháp năm 2025' }]);
    const r = await generateOfficerDocuments(wb, { kinds: ['to-trinh-cong-nhan'] });
    if (!r.ok) throw new Error(r.message);
    expect(r.proposed).toBe(1);
    expect(r.warnings.filter((w) => w.includes('Không biết căn cứ'))).toEqual([]);
    expect(texts(await sheet(wb, OFFICER_SHEET['to-trinh-cong-nhan']))).toContain(`Căn cứ ${TT24};\nCăn cứ ${DONG_THAP};`);
  });
});

describe('a unit carrying out its commune’s plan (“Thực hiện Kế hoạch số …” in its “Căn cứ” cell)', () => {
  const PLAN = 'Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND xã Hòa Bình về xây dựng xã hội học tập năm 2025';
  let wb: XlsxWorkbook;
  beforeAll(async () => {
    wb = await consolidated([{ name: HOA_SEN, basis: `Thực hiện ${PLAN}` }]);
    const r = await generateOfficerDocuments(wb, { kinds: ['to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] });
    if (!r.ok) throw new Error(r.message);
  });

  it('the consolidated table records the verb with it, and the request and the decision print “Thực hiện”, after the circular', async () => {
    expect(await recordedBasis(wb, HOA_SEN)).toBe(`${TT24};\nThực hiện ${PLAN}`);
    for (const kind of ['to-trinh-cong-nhan', 'quyet-dinh-cong-nhan'] as const) {
      const text = texts(await sheet(wb, OFFICER_SHEET[kind]));
      expect(text).toContain(`Căn cứ ${TT24};\nThực hiện ${PLAN};`);
      expect(text).not.toContain(`Căn cứ ${PLAN}`);
    }
  });
});
