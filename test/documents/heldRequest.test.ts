/**
 * The cover of a dossier whose level-2 request is held (asked before 12 months from the level-1
 * decision, or with no level-1 date): no tờ trình is drawn, so the cover neither lists one nor
 * reads as a request for level 2; it files the self-evaluation, as the outcome says. The refusal
 * names the cell the clerk fixes.
 */
import type { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { evaluatedUnit, sheetLines } from './dossier';

const NOW = new Date(2026, 11, 3, 10, 0, 0);

/** A level-2 sample of 2025 recognised at level 1 on `previous` (null: left blank), evaluated. */
const level2 = (previous: Date | null): Promise<ExcelJsWorkbook> =>
  evaluatedUnit({ members: 12, rate: 1, presetId: 'tt24-co-so-md2', unit: { level: 'Mức độ 2', previousDate: previous, previousLevel: previous ? 'Mức độ 1' : '' }, now: NOW });

/** The cover's lines, in order (merged cells once). */
const coverLines = (wb: ExcelJsWorkbook): string[] => sheetLines(wb, DOCUMENT_SHEETS.bia);

describe('the cover of a held level-2 request', () => {
  it.each([
    ['too soon (level 1 on 10/02/2025)', new Date(2025, 1, 10)],
    ['no level-1 date', null],
  ])('%s: no tờ trình listed, the items renumbered, a self-evaluation dossier with no level asked', async (_, previous) => {
    const wb = await level2(previous);
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error('must draw the others');
    expect(r.documents.map((d) => d.kind)).toContain('bia');
    const lines = coverLines(wb);
    const cover = lines.join('\n');
    expect(cover).not.toMatch(/tờ trình/i);
    expect(cover).not.toContain('ĐỀ NGHỊ CÔNG NHẬN');
    expect(cover).not.toMatch(/MỨC ĐỘ 2/);
    expect(lines).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
    expect(lines).toContain('“ĐƠN VỊ HỌC TẬP”');
    const items = lines.filter((l) => /^\d+\. /.test(l));
    expect(items[0]).toBe('1. Kế hoạch xây dựng “Đơn vị học tập” năm 2025');
    expect(items.map((l) => Number(l.split('.')[0]))).toEqual(items.map((_l, i) => i + 1));
    expect(items.at(-1)).toBe(`${items.length}. Các minh chứng`);
  });

  it('the báo cáo’s purpose asks for no level 2 while the request is held, and does when it is not', async () => {
    const purpose = async (previous: Date) => {
      const wb = await level2(previous);
      if (!(await generateDocuments(wb, { kinds: ['bao-cao'] })).ok) throw new Error('must draw');
      const lines: string[] = [];
      wb.workbook.getWorksheet(DOCUMENT_SHEETS.baoCao)!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && lines.push(c.value))));
      return lines.find((l) => /căn cứ/.test(l)) ?? '';
    };
    const held = await purpose(new Date(2025, 1, 10));
    expect(held).not.toMatch(/căn cứ để đề nghị/);
    expect(held).toMatch(/chuẩn bị đề nghị công nhận mức độ 2 khi đủ điều kiện về thời gian/);
    expect(await purpose(new Date(2025, 0, 10))).toMatch(/Là căn cứ để đề nghị .* xem xét, công nhận “Đơn vị học tập” .*mức độ 2/);
  });

  it('recognised at level 1 in time: the request’s cover, tờ trình first, as before', async () => {
    const wb = await level2(new Date(2025, 0, 10));
    const r = await generateDocuments(wb, { kinds: ['bia'] });
    if (!r.ok) throw new Error('must draw');
    const lines = coverLines(wb);
    expect(lines).toContain('HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN');
    expect(lines.some((l) => /^“ĐƠN VỊ HỌC TẬP” .*MỨC ĐỘ 2$/.test(l))).toBe(true);
    expect(lines).toContain('1. Tờ trình đề nghị công nhận');
  });
});

describe('where a held request is said', () => {
  it('a workbook without the level-1 date row: at the level asked, the cell the clerk can change', async () => {
    const wb = await level2(null);
    const ws = wb.workbook.getWorksheet(SHEETS.unit)!;
    const rowOf = (label: string) => {
      let found = 0;
      ws.eachRow((r, n) => void (!found && r.getCell(1).value === label && (found = n)));
      return found;
    };
    ws.spliceRows(rowOf(UNIT_FIELDS.previousDate), 1);
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error('must draw the others');
    expect(r.warnings.find((w) => w.code === 'requestHeld')).toMatchObject({ sheet: SHEETS.unit, cell: `B${rowOf(UNIT_FIELDS.level)}` });
  });
});
