/**
 * "Sang năm mới" and the handout inside Excel, on the fake of the two Office calls that move
 * whole workbooks: the open workbook's file comes from getFileAsync in slices, the same use-case
 * changes it through the file implementation, and what Excel.createWorkbook is handed is read
 * back by XlsxWorkbook. The open workbook's file is never changed, and every file Office opened
 * is closed, even when a slice fails.
 */
import { excelNewWorkbooks, COPY_API, NEW_WORKBOOK_API } from '../../src/hosts/excel/newWorkbooks';
import * as fileWorkbook from '../../src/hosts/excel/fileWorkbook';
import { NewWorkbookError } from '../../src/taskpane/host';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets, readExistingSetup } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { startNewYear, type NewYearResult } from '../../src/usecases/newYear';
import { handoutRuleSet, handedOutEdited, writeStarterWorkbook } from '../../src/usecases/handout';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { comparable } from '../../src/domain/rules/compare';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { parseUnitWorkbook, UNIT_WORKBOOK_SHEETS } from '../../src/sheets/unitWorkbook';
import { createFakeOfficeFile, type FakeOfficeFileOptions } from '../support/fakeOfficeFile';

let source: Uint8Array;

beforeAll(async () => {
  const wb = await XlsxWorkbook.create('truong-2025.xlsx', NODE_XLSX);
  await createSheets(wb, sampleUnit());
  source = await wb.toBytes();
});

const all = () => true;

function excel(options: Partial<FakeOfficeFileOptions> = {}, supports: (r: string) => boolean = all) {
  const fake = createFakeOfficeFile({ bytes: source, ...options });
  // Jest cannot run webpack's import() of the chunk (the browser test loads it): the same module, given.
  return { fake, maker: excelNewWorkbooks(fake.document as never, fake, supports, async () => fileWorkbook) };
}

const opened = (base64: string) => XlsxWorkbook.open(new Uint8Array(Buffer.from(base64, 'base64')), 'opened.xlsx', NODE_XLSX);

async function unitOf(wb: XlsxWorkbook) {
  const parsed = parseUnitWorkbook(await wb.batch((s) => s.read(UNIT_WORKBOOK_SHEETS)));
  if (!parsed.ok) throw new Error('not a unit workbook');
  return parsed.workbook;
}

describe('new workbooks inside Excel', () => {
  it('"Sang năm mới": next year’s workbook from the open file read in slices, opened by createWorkbook; the open file is unchanged and closed', async () => {
    const before = source.slice();
    // Small slices (iPad gives 64 KB): the file comes in several.
    const { fake, maker } = excel({ maxSlice: 4096 });
    let result: NewYearResult | null = null;
    const made = await maker.make('truong-2025-nam-sau.xlsx', 'copy', async (wb) => {
      result = await startNewYear(wb);
      return result.ok;
    });
    expect(made).toBe(true);
    expect(result).toMatchObject({ ok: true, year: 2026 });
    expect(fake.stats.slicesRead).toBe(Math.ceil(source.length / (4096)));
    expect(fake.stats.slicesRead).toBeGreaterThan(1);
    expect(fake.stats.filesOpen).toBe(0);
    expect(fake.created).toHaveLength(1);

    const next = await unitOf(await opened(fake.created[0]!));
    const last = await unitOf(await XlsxWorkbook.open(source, 'truong-2025.xlsx', NODE_XLSX));
    expect(next.unit.fields.find((f) => f.label === UNIT_FIELDS.year)?.value).toBe(2026);
    expect(next.members.table.rows.map((r) => r.cells[1])).toEqual(last.members.table.rows.map((r) => r.cells[1]));
    expect(next.members.table.rows.length).toBeGreaterThan(10);
    expect(source).toEqual(before);
  });

  it('the starting workbook of the handout is a new file with the sealed rule set, needing no file of the open workbook', async () => {
    const { fake, maker } = excel({ failGetFile: 'must not be read' });
    const rs = await handoutRuleSet({ presetId: 'tt24-co-so-md1' });
    if (!rs.ok) throw new Error(rs.message);
    await maker.make('so-mau.xlsx', 'new', async (wb) => {
      await writeStarterWorkbook(wb, rs.ruleSet, { body: 'UBND xã Hòa Bình', tier: 'cấp xã' });
      return true;
    });
    expect(fake.stats.filesOpened).toBe(0);
    const wb = await opened(fake.created[0]!);
    const criteria = readCriteriaSheet((await wb.batch((s) => s.read([SHEETS.criteria]))).sheets.get(SHEETS.criteria)!).ruleSet;
    expect(criteria.id).toBe(rs.ruleSet.id);
    expect(handedOutEdited({ ...comparable(criteria), id: criteria.id })).toBe(false);
    expect((await readExistingSetup(wb)).ruleSetId).toBe(rs.ruleSet.id);
  });

  it('opens nothing when the use-case refuses', async () => {
    const { fake, maker } = excel();
    await expect(maker.make('x.xlsx', 'copy', async () => false)).resolves.toBe(false);
    expect(fake.created).toEqual([]);
    expect(fake.stats.filesOpen).toBe(0);
  });

  it('names the requirement set a host lacks: ExcelApi 1.8 for both, CompressedFile for a copy only', () => {
    expect(excel({}, (r) => r !== NEW_WORKBOOK_API).maker.missing('new')).toBe('ExcelApi 1.8');
    expect(excel({}, (r) => r !== COPY_API).maker.missing('copy')).toBe('CompressedFile 1.1');
    expect(excel({}, (r) => r !== COPY_API).maker.missing('new')).toBeNull();
    expect(excel().maker.missing('copy')).toBeNull();
  });

  it('says which step Excel refused, and closes the file when a slice fails', async () => {
    const slice = excel({ maxSlice: 4096, failSlice: 1 });
    const error = await slice.maker.make('x.xlsx', 'copy', async () => true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewWorkbookError);
    expect(error).toMatchObject({ step: 'read', detail: 'fake: slice failed' });
    expect(slice.fake.stats.filesOpen).toBe(0);
    expect(slice.fake.created).toEqual([]);

    const create = excel({ failCreate: 'PayloadTooLarge' });
    await expect(create.maker.make('x.xlsx', 'new', async () => true)).rejects.toMatchObject({ step: 'open', detail: 'PayloadTooLarge' });
  });

  it('a file left open elsewhere does not stop the next call: each call closes its own', async () => {
    const { fake, maker } = excel();
    for (let i = 0; i < 3; i++) await maker.make('x.xlsx', 'copy', async () => true);
    expect(fake.stats.filesOpened).toBe(3);
    expect(fake.created).toHaveLength(3);
  });

  it('a picked file is checked before it is read: something else than a workbook is refused with the reason in Vietnamese', async () => {
    const error = await fileWorkbook.openPicked(new TextEncoder().encode('không phải sổ Excel'), 'so-mau.xlsx', 'vi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/[ăâđêôơư]/i);
    expect((await fileWorkbook.openPicked(source, 'so-mau.xlsx', 'vi')).label).toBe('so-mau.xlsx');
  });
});
