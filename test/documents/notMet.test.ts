/**
 * A unit whose self-evaluation does not reach what it would ask for (TT24: “Chưa đủ điều kiện công
 * nhận”; TT22: rated “Chưa đạt”) files its self-evaluation, as a held level-2 request does: no tờ
 * trình (a letter asking for what the data deny contradicts itself), the cover titled “HỒ SƠ TỰ
 * ĐÁNH GIÁ” without one, the báo cáo and the biên bản asking for nothing and naming what to mend;
 * said, with the indicators to mend, where the outcome is.
 */
import { generateDocuments, type DocumentKind } from '../../src/usecases/documents';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS } from '../../src/sheets/unitSheet';
import { COL } from '../../src/sheets/criteriaSheet';
import type { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { evaluatedUnit, printed, sheetLines } from './dossier';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

/** The 1-based row whose column `col` holds `value`. */
function rowOf(wb: ExcelJsWorkbook, sheet: string, value: string, col = 1): number {
  let found = 0;
  wb.workbook.getWorksheet(sheet)!.eachRow((row, r) => void (!found && row.getCell(col).value === value && (found = r)));
  return found;
}

async function drawn(wb: ExcelJsWorkbook, kinds?: DocumentKind[]) {
  const r = await generateDocuments(wb, kinds ? { kinds } : {});
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

const failing = () => evaluatedUnit({ members: 20, rate: 0.5, now: NOW });

describe('a TT24 unit not recognised', () => {
  it('files its self-evaluation: no tờ trình, said first with what to mend, at the outcome’s cell', async () => {
    const wb = await failing();
    const r = await drawn(wb);
    expect(r.figures.outcome.status).toBe('not_recognised');
    expect(r.documents.map((d) => d.kind)).not.toContain('to-trinh');
    expect(r.documents).toHaveLength(7);
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
    const said = r.warnings[0]!;
    expect(said).toMatchObject({ severity: 'error', code: 'requestNotSupported', sheet: SHEETS.unit, cell: `B${rowOf(wb, SHEETS.unit, RESULT_FIELDS.outcome)}` });
    expect(said.message).toMatch(/^Chưa lập tờ trình: /);
    expect(said.message).toContain('Chưa đủ điều kiện công nhận');
    expect(said.message).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
    expect(said.message).toContain('đánh giá lại');
    const unmet = r.figures.indicators.filter((i) => i.status === 'not_met').map((i) => i.code);
    expect(unmet.length).toBeGreaterThan(0);
    for (const code of unmet) expect(said.message).toContain(`${code}: `);
    // Said once: not again as a letter drawn “chưa nên gửi”.
    expect(r.warnings.filter((w) => w.code === 'requestNotSupported')).toHaveLength(1);
    expect(said.message).not.toContain('chưa nên gửi');
  });

  it('its cover files the self-evaluation, the tờ trình not listed, the items numbered again', async () => {
    const wb = await failing();
    await drawn(wb);
    const lines = sheetLines(wb, DOCUMENT_SHEETS.bia);
    expect(lines).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
    expect(lines).toContain('“ĐƠN VỊ HỌC TẬP”');
    expect(lines.join('\n')).not.toMatch(/tờ trình|ĐỀ NGHỊ CÔNG NHẬN|MỨC ĐỘ 1/i);
    const items = lines.filter((l) => /^\d+\. /.test(l));
    expect(items[0]).toBe('1. Kế hoạch xây dựng “Đơn vị học tập” năm 2025');
    expect(items.map((l) => Number(l.split('.')[0]))).toEqual(items.map((_l, i) => i + 1));
  });

  it('its báo cáo asks for nothing and names what to mend; its biên bản concludes alike', async () => {
    const wb = await failing();
    const r = await drawn(wb, ['bao-cao', 'bien-ban']);
    const unmet = r.figures.indicators.filter((i) => i.status === 'not_met').map((i) => i.code).join(', ');
    const report = printed(wb, DOCUMENT_SHEETS.baoCao);
    expect(report).not.toMatch(/căn cứ để đề nghị|Đề nghị .* xem xét, công nhận/);
    expect(report).toMatch(/Là căn cứ để .* khắc phục/);
    expect(report).toContain(`chưa đề nghị công nhận “Đơn vị học tập” cấp huyện mức độ 1 năm 2025; tiếp tục khắc phục các chỉ tiêu chưa đạt (${unmet}) trong năm 2026.`);
    const minutes = printed(wb, DOCUMENT_SHEETS.bienBan);
    expect(minutes).toContain('Chưa đủ điều kiện công nhận');
    expect(minutes).toContain(`chưa đề nghị công nhận “Đơn vị học tập” cấp huyện mức độ 1 năm 2025; cần khắc phục các chỉ tiêu chưa đạt (${unmet}).`);
  });

  it('the tờ trình asked alone: nothing written, refused with the same words', async () => {
    const wb = await failing();
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    if (r.ok) throw new Error('must be refused');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', code: 'requestNotSupported' });
    expect(r.problems[0]!.message).toMatch(/^Chưa lập tờ trình: /);
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
  });

  it('a tờ trình drawn while it passed is named, not to be sent, as a held request’s is', async () => {
    const wb = await evaluatedUnit({ members: 20, rate: 1, now: NOW });
    expect((await drawn(wb)).documents.map((d) => d.kind)).toContain('to-trinh');
    // Indicator 1.1 answered “Không đạt” now: the unit falls short.
    wb.workbook.getWorksheet(SHEETS.criteria)!.getCell(rowOf(wb, SHEETS.criteria, '1.1', COL.code), COL.answer).value = 'Không đạt';
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    const r = await drawn(wb);
    expect(r.documents.map((d) => d.kind)).not.toContain('to-trinh');
    const said = r.warnings.find((w) => w.code === 'requestNotSupported')!;
    expect(said.message).toContain(`Trang “${DOCUMENT_SHEETS.toTrinh}” lập trước đây vẫn đề nghị công nhận: không gửi trang đó.`);
    expect(sheetLines(wb, DOCUMENT_SHEETS.bia)).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
  });

  it('recognised: the request’s dossier as before, nothing said of a letter', async () => {
    const wb = await evaluatedUnit({ members: 20, rate: 1, now: NOW });
    const r = await drawn(wb);
    expect(r.documents.map((d) => d.kind)).toContain('to-trinh');
    expect(r.warnings.filter((w) => w.code === 'requestNotSupported')).toEqual([]);
    expect(sheetLines(wb, DOCUMENT_SHEETS.bia)).toContain('HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN');
    expect(printed(wb, DOCUMENT_SHEETS.baoCao)).toMatch(/Đề nghị .* xem xét, công nhận .* đạt “Đơn vị học tập” cấp huyện mức độ 1 năm 2025\./);
    expect(printed(wb, DOCUMENT_SHEETS.bienBan)).not.toContain('chưa đề nghị công nhận');
  });
});

describe('a TT22 unit', () => {
  it('rated “Chưa đạt”: no tờ trình, a self-evaluation dossier, the report asking for no rating', async () => {
    const wb = await evaluatedUnit({ presetId: 'tt22-100', members: 20, rate: 0.3, now: NOW });
    const r = await drawn(wb);
    expect(r.figures.outcome.text).toMatch(/Chưa đạt/);
    expect(r.documents.map((d) => d.kind)).not.toContain('to-trinh');
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
    expect(r.warnings[0]).toMatchObject({ severity: 'error', code: 'requestNotSupported' });
    expect(r.warnings[0]!.message).toMatch(/^Chưa lập tờ trình: .*Chưa đạt/);
    expect(sheetLines(wb, DOCUMENT_SHEETS.bia)).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
    const report = printed(wb, DOCUMENT_SHEETS.baoCao);
    expect(report).not.toMatch(/căn cứ để đề nghị|Đề nghị .* xem xét, công nhận/);
    expect(report).toContain('chưa đề nghị công nhận danh hiệu “Đơn vị học tập” năm 2025');
    expect(printed(wb, DOCUMENT_SHEETS.bienBan)).toContain('chưa đề nghị công nhận danh hiệu “Đơn vị học tập” năm 2025');
    // The Bản đăng ký for next year is still filed (the Đắk Lắk plan's dossier).
    expect(r.documents.map((d) => d.kind)).toContain('dang-ky');
  });

  it('rated in a band of its rule set (Trung bình): recognisable, its request drawn', async () => {
    const wb = await evaluatedUnit({ presetId: 'tt22-100', members: 20, now: NOW });
    const r = await drawn(wb);
    expect(r.figures.outcome.text).toMatch(/xếp loại Trung bình/);
    expect(r.documents.map((d) => d.kind)).toContain('to-trinh');
    expect(r.warnings.filter((w) => w.code === 'requestNotSupported')).toEqual([]);
    expect(printed(wb, DOCUMENT_SHEETS.baoCao)).toContain('Đề nghị');
  });
});
