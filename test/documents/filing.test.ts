/**
 * The unit's dossier as it is filed (reference §5, the Hà Nội plan): Bìa; Tờ trình; Kế hoạch;
 * Quyết định thành lập; Báo cáo; Biên bản; Bản tổng hợp — in the cover's list, the request's
 * list and the sheets' order. The Bản đăng ký is numbered like every NĐ 30 document; under TT24,
 * which recognises rather than awards a title, its sheet is “Đăng ký công nhận” (found by its
 * mark, so a sheet an earlier release called “Đăng ký danh hiệu” stays that sheet).
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments, type DocumentKind } from '../../src/usecases/documents';
import { DANG_KY_DANH_HIEU, DOCUMENT_KINDS, DOCUMENT_SHEETS } from '../../src/documents';
import { FORMER_DEFAULTS } from '../../src/documents/templates';
import { ROLE } from '../../src/usecases/ownSheets';
import { SHEETS } from '../../src/sheets/names';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function evaluated(presetId?: string): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12, presetId }));
  const ev = await evaluateWorkbook(wb, { now: NOW });
  if (!ev.ok) throw new Error('must evaluate');
  return wb;
}

async function documents(wb: ExcelJsWorkbook, kinds?: DocumentKind[]) {
  const r = await generateDocuments(wb, kinds ? { kinds } : {});
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

/** Each cell's text, trimmed, once per row (ExcelJS repeats a merged cell's value in every cell it covers). */
const texts = (wb: ExcelJsWorkbook, sheet: string): string[] => {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) => {
    const seen = new Set<string>();
    row.eachCell((c) => void (typeof c.value === 'string' && seen.add(c.value.trim())));
    out.push(...seen);
  });
  return out;
};
const names = (wb: ExcelJsWorkbook) => wb.workbook.worksheets.map((w) => w.name);

describe('filing order: the Biên bản before the Bản tổng hợp', () => {
  it('the kinds, the sheets and the cover’s list, under both wordings', async () => {
    expect(DOCUMENT_KINDS.indexOf('bien-ban')).toBe(DOCUMENT_KINDS.indexOf('tong-hop') - 1);
    for (const preset of [undefined, 'tt22-100']) {
      const wb = await evaluated(preset);
      await documents(wb);
      expect(names(wb).indexOf(DOCUMENT_SHEETS.bienBan)).toBe(names(wb).indexOf(SHEETS.summary) - 1);
      const cover = texts(wb, DOCUMENT_SHEETS.bia);
      const at = (start: string) => cover.findIndex((l) => l.startsWith(start));
      expect(at('5. Biên bản')).toBeGreaterThan(0);
      expect(at('6. Bản tổng hợp')).toBe(at('5. Biên bản') + 1);
    }
  });

  it('the request lists the dossier in that order', async () => {
    const wb = await evaluated();
    await documents(wb, ['to-trinh']);
    const list = texts(wb, DOCUMENT_SHEETS.toTrinh).find((l) => l.startsWith('Hồ sơ kèm theo gồm:'))!;
    expect(list.indexOf('Biên bản tự đánh giá')).toBeGreaterThan(0);
    expect(list.indexOf('Biên bản tự đánh giá')).toBeLessThan(list.indexOf('Bản tổng hợp'));
  });

  it('a cover list still holding the earlier default takes the new order; one the unit rewrote stays', async () => {
    const wb = await evaluated();
    await documents(wb, ['bia']);
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    let row = 0;
    ws.eachRow((r, i) => void (r.getCell(1).value === 'bia.danh_muc' && (row = i)));
    ws.getCell(row, 2).value = FORMER_DEFAULTS['bia.danh_muc']![0]!;
    await documents(wb, ['bia']);
    expect(String(ws.getCell(row, 2).value)).toMatch(/5\. Biên bản tự đánh giá\n6\. Bản tổng hợp/);
    ws.getCell(row, 2).value = '1. Tờ trình\n2. Bản tổng hợp\n3. Biên bản';
    await documents(wb, ['bia']);
    expect(ws.getCell(row, 2).value).toBe('1. Tờ trình\n2. Bản tổng hợp\n3. Biên bản');
  });
});

describe('the Bản đăng ký', () => {
  it('has its number line, as NĐ 30 gives every document', async () => {
    const wb = await evaluated();
    await documents(wb, ['dang-ky']);
    expect(texts(wb, DOCUMENT_SHEETS.dangKy)).toContain('Số:        /ĐK-THCSND');
  });

  it('is “Đăng ký công nhận” under TT24 and “Đăng ký danh hiệu” under TT22, each carrying the same mark', async () => {
    expect([DOCUMENT_SHEETS.dangKy, DANG_KY_DANH_HIEU]).toEqual(['Đăng ký công nhận', 'Đăng ký danh hiệu']);
    for (const [preset, sheet, other] of [[undefined, DOCUMENT_SHEETS.dangKy, DANG_KY_DANH_HIEU], ['tt22-100', DANG_KY_DANH_HIEU, DOCUMENT_SHEETS.dangKy]] as const) {
      const wb = await evaluated(preset);
      const r = await documents(wb, ['dang-ky']);
      expect(r.documents).toEqual([{ kind: 'dang-ky', sheet, kept: 0 }]);
      expect(names(wb)).not.toContain(other);
      const roles = (await wb.batch((s) => s.read([], { marks: [sheet] }))).roles!;
      expect(roles.get(sheet)).toBe(ROLE.dangKy);
    }
  });

  it('a TT24 workbook whose Bản đăng ký an earlier release drew as “Đăng ký danh hiệu” keeps that sheet and its name', async () => {
    const wb = await evaluated();
    await wb.batch(async (s) => s.write({ sheet: DANG_KY_DANH_HIEU, mode: 'replace', role: ROLE.dangKy, cells: [{ at: 'A1', rows: [['BẢN ĐĂNG KÝ']] }] }));
    const r = await documents(wb, ['dang-ky']);
    expect(r.documents).toEqual([{ kind: 'dang-ky', sheet: DANG_KY_DANH_HIEU, kept: 0 }]);
    expect(names(wb)).not.toContain(DOCUMENT_SHEETS.dangKy);
    expect(texts(wb, DANG_KY_DANH_HIEU)).toContain('Số:        /ĐK-THCSND');
  });
});
