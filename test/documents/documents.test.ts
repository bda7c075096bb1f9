/**
 * The dossier's documents from an evaluated sample workbook: printed with LibreOffice to
 * PDF, every page A4, the headings, the unit and every figure of the evaluation on paper;
 * regeneration keeps what the unit wrote; stale or unevaluated workbooks are refused.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments, type GenerateResult } from '../../src/usecases/documents';
import { DANG_KY_DANH_HIEU, DOCUMENT_KINDS, DOCUMENT_SHEET, DOCUMENT_SHEETS } from '../../src/documents';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../src/sheets/documentBlocks';
import { indicatorPercent } from '../../src/documents/context';
import { formatThreshold } from '../../src/i18n/format';
import { MARKER_COL } from '../../src/sheets/documentLayout';
import { defaultTemplates, FORMER_DEFAULTS } from '../../src/documents/templates';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { isA4Landscape, isA4Portrait, printSheets, squeeze, type PdfPage } from './pdf';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const UNIT = 'Trường THCS Nguyễn Du';

async function evaluatedSample(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 42 }));
  const again = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
  const ev = await evaluateWorkbook(again, { now: NOW });
  if (!ev.ok) throw new Error('the sample must evaluate');
  return ExcelJsWorkbook.fromBuffer(await again.toBuffer(), again.label);
}

async function generated(wb: ExcelJsWorkbook, kinds?: (typeof DOCUMENT_KINDS)[number][]) {
  const result = await generateDocuments(wb, kinds ? { kinds } : {});
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { result, wb };
}

type Ok = Extract<GenerateResult, { ok: true }>;

/** Splits the PDF's pages into documents: each one starts with the national heading. */
function documentsOf(pages: PdfPage[]): PdfPage[][] {
  const docs: PdfPage[][] = [];
  for (const p of pages) {
    if (squeeze(p.text).includes(squeeze(NATIONAL_NAME)) || docs.length === 0) docs.push([p]);
    else docs.at(-1)!.push(p);
  }
  return docs;
}

function findRow(wb: ExcelJsWorkbook, sheet: string, test: (text: string) => boolean, col = 1): number {
  const ws = wb.workbook.getWorksheet(sheet)!;
  let found = 0;
  ws.eachRow((row, r) => {
    const v = row.getCell(col).value;
    if (!found && typeof v === 'string' && test(v)) found = r;
  });
  return found;
}

describe('documents printed to PDF', () => {
  let result: Ok;
  let docs: PdfPage[][];
  let pages: PdfPage[];

  beforeAll(async () => {
    const g = await generated(await evaluatedSample());
    result = g.result;
    pages = await printSheets(g.wb, DOCUMENT_KINDS.map((k) => DOCUMENT_SHEET[k]), process.env.DVHT_KEEP_PDF);
    docs = documentsOf(pages);
  }, 120_000);

  it('prints the eight documents in the Hà Nội plan\'s filing order, every page A4 (documents portrait, the summary table landscape)', () => {
    expect(result.documents.map((d) => d.kind)).toEqual([...DOCUMENT_KINDS]);
    expect(docs).toHaveLength(8);
    const titles = ['HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN', 'TỜ TRÌNH', 'KẾ HOẠCH', 'QUYẾT ĐỊNH', 'BÁO CÁO', 'BIÊN BẢN', 'BẢN TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ', 'BẢN ĐĂNG KÝ'];
    docs.forEach((doc, i) => expect(squeeze(doc[0]!.text)).toContain(squeeze(titles[i]!)));
    for (const [i, doc] of docs.entries()) for (const p of doc) expect(DOCUMENT_KINDS[i] === 'tong-hop' ? isA4Landscape(p) : isA4Portrait(p)).toBe(true);
    // The cover, the letter and the decision are one page each; the others stay short enough to file.
    expect(docs.map((d) => d.length)).toEqual([1, 1, expect.any(Number), 1, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);
    // The summary's per-person annex grows with the members; the others stay short enough to file.
    docs.forEach((d, i) => expect(d.length).toBeLessThanOrEqual(DOCUMENT_KINDS[i] === 'tong-hop' ? 6 : 4));
  });

  it('no preset name, file name or internal word is printed; the circular cited is the rule set\'s', () => {
    const all = squeeze(pages.map((p) => p.text).join(''));
    for (const word of ['TT24 ·', 'seed', 'cấp cơ sở', 'cấp huyện cũ', 'Thông tư số 22/2020']) expect(all).not.toContain(squeeze(word));
    expect(all).toContain(squeeze('Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo'));
  });

  it('every document but the cover carries the NĐ 30 heading, the unit and the signer', () => {
    for (const doc of docs.slice(1)) {
      const first = squeeze(doc[0]!.text);
      expect(first).toContain(squeeze(NATIONAL_NAME));
      expect(first).toContain(squeeze(NATIONAL_MOTTO));
      expect(first).toContain(squeeze(UNIT.toLocaleUpperCase('vi')));
      expect(first).toContain(squeeze('UBND XÃ HÒA BÌNH'));
      expect(first).toContain(squeeze('Hòa Bình, ngày'));
      expect(squeeze(doc.map((p) => p.text).join(''))).toContain(squeeze('Nguyễn Thị Lan'));
    }
    const [, toTrinh, keHoach, quyetDinh, baoCao, , , dangKy] = docs.map((d) => squeeze(d.map((p) => p.text).join('')));
    expect(keHoach).toContain(squeeze('Số: /KH-THCSND'));
    expect(quyetDinh).toContain(squeeze('Số: /QĐ-THCSND'));
    expect(toTrinh).toContain(squeeze('Số: /TTr-THCSND'));
    expect(baoCao).toContain(squeeze('Số: /BC-THCSND'));
    for (const text of [toTrinh, keHoach, quyetDinh, baoCao, dangKy]) expect(text).toContain(squeeze('Nơi nhận:'));
  });

  it('the tờ trình asks for the official title of the rule set, cites its legal basis, names the receiving body and the outcome', () => {
    const text = squeeze(docs[1]!.map((p) => p.text).join(''));
    expect(text).toContain(squeeze('Về việc đề nghị công nhận “Đơn vị học tập” cấp huyện mức độ 1 năm 2025'));
    expect(text).toContain(squeeze('xem xét, công nhận Trường THCS Nguyễn Du đạt “Đơn vị học tập” cấp huyện mức độ 1 năm 2025'));
    expect(text).toContain(squeeze('Hồ sơ kèm theo gồm: Kế hoạch xây dựng “Đơn vị học tập” năm 2025; Quyết định thành lập Tổ đánh giá; Báo cáo tự đánh giá'));
    expect(text).toContain(squeeze('Kính gửi: UBND xã Hòa Bình.'));
    expect(text).toContain(squeeze(`${result.figures.countedMembers} thành viên được tính`));
    expect(text).toContain(squeeze(result.figures.outcome.text));
  });

  it('the report prints every indicator figure as the evaluation has it, the data period and the places to write', () => {
    const text = squeeze(docs[4]!.map((p) => p.text).join(''));
    expect(text).toContain(squeeze('từ ngày 01/01/2025 đến ngày 31/12/2025'));
    expect(text).toContain(squeeze('Tiêu chí, chỉ tiêu đánh giá: tiêu chí, chỉ tiêu công nhận “Đơn vị học tập” cấp huyện mức độ 1 theo Thông tư số 24/2023/TT-BGDĐT'));
    for (const i of result.figures.indicators) {
      if (i.status === 'not_applicable') {
        expect(text).toContain(squeeze(`Chỉ tiêu ${i.code}:`));
        continue;
      }
      if (i.value !== null && i.denominator !== null && i.required !== null) {
        const who = i.code === '3.2b' ? 'người học' : 'thành viên';
        expect(text).toContain(squeeze(`Kết quả: ${i.numerator}/${i.denominator} ${who}, đạt ${indicatorPercent(i)}. Tự đánh giá: ${i.status === 'met' ? 'Đạt' : 'Không đạt'}`));
        expect(text).toContain(squeeze(`Yêu cầu: ≥ ${formatThreshold(i.required)}`));
      } else expect(text).toContain(squeeze(`Chỉ tiêu ${i.code}:`));
    }
    for (const c of result.figures.criteria) expect(text).toContain(squeeze(`Kết luận tiêu chí ${c.code}: ${c.status === 'met' ? 'Đạt' : 'Không đạt'}`));
    expect(text).toContain(squeeze('[Đơn vị viết: quy mô'));
    expect(text).toContain(squeeze(`tự đánh giá: ${result.figures.outcome.text}`));
  });

  it('the summary, the minutes and the registration agree with the evaluation', () => {
    const [, , , , , minutes, summary, registration] = docs.map((d) => squeeze(d.map((p) => p.text).join('')));
    for (const i of result.figures.indicators) {
      expect(summary).toContain(squeeze(i.code));
      if (i.value === null || i.denominator === null) continue;
      // The summary's cells are live formulas formatted 0.0% (LibreOffice prints a dot).
      const pct = `${(Math.round(i.value * 1000) / 10).toFixed(1)}%`;
      expect([summary.includes(pct), summary.includes(pct.replace('.', ','))]).toContain(true);
      // A table cell may wrap "447/453 (98,7%)" over two lines, interleaved with its neighbours.
      for (const text of [minutes, registration]) {
        expect(text).toContain(`${i.numerator}/${i.denominator}`);
        expect(text).toContain(`(${indicatorPercent(i)})`);
      }
    }
    expect(summary).toContain(squeeze(result.figures.outcome.text));
    expect(minutes).toContain(squeeze(`Kết luận của Tổ đánh giá: ${result.figures.outcome.text}`));
    expect(minutes).toContain(squeeze('TỔ TRƯỞNG'));
    expect(minutes).toContain(squeeze('Ông (bà) Nguyễn Thị Lan, Hiệu trưởng – Tổ trưởng'));
    // TT24 speaks of công nhận: no danh hiệu or xếp loại of the unit.
    expect(registration).toContain(squeeze('Xây dựng “Đơn vị học tập” năm 2026'));
    expect(registration).toContain(squeeze('phấn đấu được công nhận “Đơn vị học tập” cấp huyện mức độ 1'));
    for (const text of [minutes, registration]) expect(text).not.toMatch(/xếploại|Danhhiệu“Đơnvị/);
    // The header cell wraps; its words are interleaved with its neighbours' in the text layer.
    expect(registration).toContain(squeeze('Chỉ tiêu phấn'));
  });
  it('the cover names the unit, the official title, the year and the documents inside', () => {
    const cover = squeeze(docs[0]!.map((p) => p.text).join(''));
    for (const line of ['UBND XÃ HÒA BÌNH', 'TRƯỜNG THCS NGUYỄN DU', 'HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN', '“ĐƠN VỊ HỌC TẬP” CẤP HUYỆN MỨC ĐỘ 1', 'NĂM 2025', '1. Tờ trình đề nghị công nhận', '3. Quyết định thành lập Tổ đánh giá', 'Nơi nộp: UBND xã Hòa Bình', 'Hòa Bình, tháng 01 năm 2026']) {
      expect(cover).toContain(squeeze(line));
    }
  });

  it('the plan cites the legal basis and aims at every indicator of the rule set, with the 15/01 deadline', () => {
    const plan = squeeze(docs[2]!.map((p) => p.text).join(''));
    expect(plan).toContain(squeeze('Xây dựng “Đơn vị học tập” năm 2025'));
    expect(plan).toContain(squeeze('Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023'));
    expect(plan).toContain(squeeze('II. CHỈ TIÊU PHẤN ĐẤU'));
    expect(plan).toContain(squeeze('Phấn đấu được công nhận “Đơn vị học tập” cấp huyện mức độ 1 năm 2025'));
    for (const i of result.figures.indicators) {
      expect(plan).toContain(squeeze(i.code));
      if (i.required !== null && i.status !== 'not_applicable') expect(plan).toContain(squeeze(`Tối thiểu ${formatThreshold(i.required)}`));
    }
    expect(plan).toContain(squeeze('Mỗi thành viên phấn đấu đạt từ 90% trở lên'));
    for (const task of ['1. Hiệu trưởng:', '2. Các tổ chuyên môn, bộ phận:', '3. Ban Chấp hành Công đoàn:', 'Trước ngày 15/01/2026: gửi hồ sơ về UBND xã Hòa Bình']) expect(plan).toContain(squeeze(task));
    expect(plan).toContain(squeeze('[Đơn vị viết: tuyên truyền'));
  });

  it('the decision sets up the Tổ đánh giá with the members typed once, whom the minutes list', () => {
    const decision = squeeze(docs[3]!.map((p) => p.text).join(''));
    for (const line of ['QUYẾT ĐỊNH', 'Về việc thành lập Tổ đánh giá “Đơn vị học tập” năm 2025', 'HIỆU TRƯỞNG TRƯỜNG THCS NGUYỄN DU', 'Căn cứ Thông tư số 24/2023/TT-BGDĐT', 'QUYẾT ĐỊNH:', 'Điều 1. Thành lập Tổ đánh giá', 'Nguyễn Thị Lan', 'Tổ trưởng', 'Thư ký', 'Điều 2.', 'trước ngày 15/01/2026', 'Điều 3.']) {
      expect(decision).toContain(squeeze(line));
    }
  });

  it('the per-person annex marks the members not counted, and its totals are the documents\' member count', () => {
    const summary = squeeze(docs[6]!.map((p) => p.text).join(''));
    const all = result.figures.countedMembers + 1; // the sample leaves one member out of the denominator
    expect(summary).toContain(squeeze(`Tổng số: ${all} người; được tính: ${result.figures.countedMembers}; không tính: 1`));
    expect(summary.split(squeeze('Không tính')).length - 1).toBe(1);
  });
});

describe('generating again', () => {
  it('updates the figures and keeps what the unit wrote, on the documents and in the templates', async () => {
    const { wb } = await generated(await evaluatedSample());
    const raw = wb.workbook;
    // The unit writes its account, changes a target and adjusts a template text.
    const own = 'Trường có 42 cán bộ, giáo viên, nhân viên; năm học 2025 nhà trường tổ chức 12 chuyên đề bồi dưỡng.\nKhó khăn: cơ sở vật chất còn thiếu.';
    const narrativeRow = findRow(wb, DOCUMENT_SHEETS.baoCao, (t) => t.startsWith('[Đơn vị viết: quy mô'));
    expect(narrativeRow).toBeGreaterThan(0);
    raw.getWorksheet(DOCUMENT_SHEETS.baoCao)!.getCell(narrativeRow, 1).value = own;
    const targetRow = findRow(wb, DOCUMENT_SHEETS.dangKy, (t) => t.startsWith('dang_ky.muc_tieu#2.1@'), MARKER_COL);
    const targetCol = /@([A-Z]+)$/.exec(raw.getWorksheet(DOCUMENT_SHEETS.dangKy)!.getCell(targetRow, MARKER_COL).value as string)![1]!;
    raw.getWorksheet(DOCUMENT_SHEETS.dangKy)!.getCell(`${targetCol}${targetRow}`).value = '100%';
    // The Bản đăng ký's (the unit now falls short: its tờ trình is not drawn again, notMet.test.ts).
    const templateRow = findRow(wb, DOCUMENT_SHEETS.templates, (t) => t === 'dang_ky.kinh_gui');
    raw.getWorksheet(DOCUMENT_SHEETS.templates)!.getCell(templateRow, 2).value = 'Kính gửi: Ủy ban nhân dân xã Hòa Bình (Văn phòng HĐND và UBND).';

    // New data: six more members break discipline; evaluate again.
    const members = raw.getWorksheet(SHEETS.members)!;
    const discipline = MEMBER_FIELDS.findIndex((f) => f.key === 'discipline') + 1;
    for (let r = MEMBER_HEADER_ROW + 1; r <= MEMBER_HEADER_ROW + 6; r++) members.getCell(r, discipline).value = 'Không';
    const again = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
    const ev = await evaluateWorkbook(again, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    const second = await generateDocuments(again);
    if (!second.ok) throw new Error(second.problems[0]!.message);
    expect(second.templates.status).toBe('used');
    expect(second.documents.find((d) => d.kind === 'bao-cao')!.kept).toBe(1);
    expect(second.documents.find((d) => d.kind === 'dang-ky')!.kept).toBe(1);

    const after = await ExcelJsWorkbook.fromBuffer(await again.toBuffer(), again.label);
    const i21 = ev.report.indicators.find((i) => i.code === '2.1')!;
    expect(i21.numerator).toBeLessThanOrEqual(ev.report.countedMembers - 6 + 1);
    const pages = await printSheets(after, [DOCUMENT_SHEETS.baoCao, DOCUMENT_SHEETS.dangKy]);
    const all = squeeze(pages.map((p) => p.text).join(''));
    expect(all).toContain(squeeze(own.replace('\n', ' ')));
    expect(all).toContain(squeeze(`Kết quả: ${i21.numerator}/${i21.denominator} thành viên, đạt ${indicatorPercent(i21)}`));
    expect(all).toContain(squeeze('Kính gửi: Ủy ban nhân dân xã Hòa Bình (Văn phòng HĐND và UBND).'));
    expect(all).toContain(squeeze('100%'));
    // The template sheet keeps the unit's wording; the document cell keeps the unit's text.
    expect(after.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.getCell(templateRow, 2).value).toBe('Kính gửi: Ủy ban nhân dân xã Hòa Bình (Văn phòng HĐND và UBND).');
    const keptRow = findRow(after, DOCUMENT_SHEETS.baoCao, (t) => t === own);
    expect(keptRow).toBeGreaterThan(0);
    // Its row grew to show the whole text.
    expect(after.workbook.getWorksheet(DOCUMENT_SHEETS.baoCao)!.getRow(keptRow).height).toBeGreaterThan(30);
  }, 120_000);

  it('a text whose place is gone is printed at the end, not dropped', async () => {
    const { wb } = await generated(await evaluatedSample(), ['bien-ban']);
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.bienBan)!;
    const row = findRow(wb, DOCUMENT_SHEETS.bienBan, (t) => t.startsWith('[Thư ký ghi'));
    ws.getCell(row, 1).value = 'Ý kiến thống nhất 100%.';
    ws.getCell(row, MARKER_COL).value = 'bien_ban.y_kien_cu@A';
    const second = await generateDocuments(wb, { kinds: ['bien-ban'] });
    expect(second.ok).toBe(true);
    const after = await ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
    expect(findRow(after, DOCUMENT_SHEETS.bienBan, (t) => t === 'Ý kiến thống nhất 100%.')).toBeGreaterThan(0);
  });
});

describe('refusals and warnings', () => {
  it('an unevaluated workbook: a message naming the cell, nothing written', async () => {
    const wb = ExcelJsWorkbook.create('moi.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const names = wb.workbook.worksheets.map((w) => w.name);
    const r = await generateDocuments(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/chưa được đánh giá \('Thông tin đơn vị'!B\d+/);
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(names);
  });

  it('a unit with no name: refused at the name cell (every document prints it), nothing written', async () => {
    const wb = ExcelJsWorkbook.create('khong-ten.xlsx');
    await createSheets(wb, { ...sampleUnit({ members: 12 }), unit: { ...sampleUnit().unit, name: '' } });
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    expect(ev.report.warnings.find((w) => w.code === 'unitNameMissing')).toMatchObject({ sheet: SHEETS.unit, cell: 'B4' });
    const names = wb.workbook.worksheets.map((w) => w.name);
    const r = await generateDocuments(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'unitNameMissing', sheet: SHEETS.unit, cell: 'B4' })]);
    expect(r.problems[0]!.message).toContain("'Thông tin đơn vị'!B4");
    expect(wb.workbook.worksheets.map((w) => w.name)).toEqual(names);
  });

  it('data changed since the evaluation: refused, so no stale figure is printed', async () => {
    const wb = await evaluatedSample();
    const members = wb.workbook.getWorksheet(SHEETS.members)!;
    members.getCell(MEMBER_HEADER_ROW + 1, MEMBER_FIELDS.findIndex((f) => f.key === 'discipline') + 1).value = 'Không';
    const r = await generateDocuments(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toContain('đã thay đổi sau lần đánh giá gần nhất');
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
  });

  it('files the documents in order even when the summary did not exist yet', async () => {
    const wb = ExcelJsWorkbook.create('khong-tong-hop.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const ev = await evaluateWorkbook(wb, { now: NOW, summary: false });
    if (!ev.ok) throw new Error('must evaluate');
    expect(wb.workbook.getWorksheet(SHEETS.summary)).toBeUndefined();
    await generated(wb);
    const order = wb.workbook.worksheets.map((w) => w.name);
    const filed: string[] = DOCUMENT_KINDS.map((k) => DOCUMENT_SHEET[k]);
    expect(order.filter((n) => filed.includes(n))).toEqual(filed);
    expect(order.indexOf(DOCUMENT_SHEETS.bia)).toBe(order.indexOf(SHEETS.learners) + 1);
  });

  it('a unit not recognised gets no request letter: refused at the outcome cell, with the indicators to mend (notMet.test.ts)', async () => {
    const sample = await evaluatedSample();
    const ok = await generateDocuments(sample, { kinds: ['to-trinh'] });
    if (!ok.ok) throw new Error('must generate');
    expect(ok.warnings.filter((w) => w.code === 'requestNotSupported')).toEqual([]);

    const wb = ExcelJsWorkbook.create('chua-dat.xlsx');
    await createSheets(wb, sampleUnit({ members: 20, rate: 0.5 }));
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok || ev.report.outcome.status !== 'not_recognised') throw new Error('this sample must fall short');
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    if (r.ok) throw new Error('the letter alone must be refused');
    const refused = r.problems.find((w) => w.code === 'requestNotSupported');
    expect(refused).toMatchObject({ sheet: SHEETS.unit, cell: expect.stringMatching(/^B\d+$/) });
    // What to mend, with its figures, in words that fit the pane and the CLI alike (no “bước Đánh giá”).
    const unmet = ev.evaluation.indicators.filter((i) => i.status === 'not_met').map((i) => i.code);
    expect(unmet.length).toBeGreaterThan(0);
    for (const code of unmet) expect(refused!.message).toMatch(new RegExp(`${code.replace('.', '\\.')}: [\\d,]+% < `));
    expect(refused!.message).not.toContain('bước Đánh giá');
    expect(refused!.message).toContain('đánh giá lại');
    expect(wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)).toBeUndefined();
  });

  it('the tờ trình never asks for a level the rule set does not evaluate; the mismatch is warned at the level cell', async () => {
    const wb = ExcelJsWorkbook.create('muc-do-2.xlsx');
    await createSheets(wb, { ...sampleUnit({ members: 12 }), unit: { ...sampleUnit().unit, level: 'Mức độ 2', previousDate: new Date(2023, 1, 10), previousLevel: 'Mức độ 1' } });
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    if (!r.ok) throw new Error('must generate');
    expect(r.warnings.find((w) => w.code === 'levelMismatch')).toMatchObject({ sheet: SHEETS.unit, cell: expect.stringMatching(/^B\d+$/) });
    const texts: string[] = [];
    wb.workbook.getWorksheet(DOCUMENT_SHEETS.toTrinh)!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    // The year bound to the word before it (documentBlocks.lastWordsTogether); on two lines, “mức độ 1” kept whole.
    expect(texts).toContain('Về việc đề nghị công nhận “Đơn vị học tập” cấp huyện\nmức độ 1 năm\u00a02025');
    expect(texts.join('\n')).not.toContain('mức độ 2');
  });

  it('a templates sheet from an earlier release, still holding its hard-coded TT24 citation, cites the rule set\'s TT22 instead', async () => {
    const wb = ExcelJsWorkbook.create('tt22-cu.xlsx');
    await createSheets(wb, sampleUnit({ members: 12, presetId: 'tt22-100' }));
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    await generated(wb, ['to-trinh']);
    const row = findRow(wb, DOCUMENT_SHEETS.templates, (t) => t === 'to_trinh.can_cu');
    const cell = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.getCell(row, 2);
    cell.value = FORMER_DEFAULTS['to_trinh.can_cu']![0]!;
    await generated(wb, ['to-trinh']);
    expect(cell.value).toBe(defaultTemplates('score').get('to_trinh.can_cu'));
    expect(findRow(wb, DOCUMENT_SHEETS.toTrinh, (t) => t.includes('Căn cứ Thông tư số 22/2020/TT-BGDĐT'))).toBeGreaterThan(0);
    expect(findRow(wb, DOCUMENT_SHEETS.toTrinh, (t) => t.includes('24/2023'))).toBe(0);
    // A text the unit rewrote is theirs: never replaced.
    cell.value = 'Căn cứ Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk;';
    await generated(wb, ['to-trinh']);
    expect(cell.value).toBe('Căn cứ Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk;');
  });

  it('a placeholder typo in the templates is reported with its cell and printed as typed', async () => {
    const { wb } = await generated(await evaluatedSample(), ['to-trinh']);
    const row = findRow(wb, DOCUMENT_SHEETS.templates, (t) => t === 'to_trinh.kinh_gui');
    wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.getCell(row, 2).value = 'Kính gửi: {don_vi_tong_hopp}.';
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    if (!r.ok) throw new Error('must generate');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(`'Mẫu văn bản'!B${row}: “{don_vi_tong_hopp}”`));
    expect(findRow(wb, DOCUMENT_SHEETS.toTrinh, (t) => t === 'Kính gửi: {don_vi_tong_hopp}.', 2)).toBeGreaterThan(0);
  });

  it('a template row the unit deleted comes back from the defaults, appended below', async () => {
    const { wb } = await generated(await evaluatedSample(), ['to-trinh']);
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    const row = findRow(wb, DOCUMENT_SHEETS.templates, (t) => t === 'to_trinh.tieu_de');
    ws.getCell(row, 1).value = null;
    ws.getCell(row, 2).value = null;
    const last = ws.rowCount;
    const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
    if (!r.ok) throw new Error('must generate');
    expect(r.templates).toEqual({ sheet: DOCUMENT_SHEETS.templates, status: 'added', added: 1 });
    expect(ws.getCell(last + 1, 1).value).toBe('to_trinh.tieu_de');
  });
});

describe('under a TT22 rule set: its legal basis and its words (xếp loại, Hội đồng), never TT24\'s', () => {
  let text: string;
  let pages: PdfPage[];
  beforeAll(async () => {
    const wb = ExcelJsWorkbook.create('tt22.xlsx');
    await createSheets(wb, sampleUnit({ members: 20, presetId: 'tt22-100' }));
    const ev = await evaluateWorkbook(wb, { now: NOW });
    if (!ev.ok) throw new Error('must evaluate');
    await generated(wb, ['to-trinh', 'ke-hoach', 'quyet-dinh', 'bao-cao', 'bien-ban', 'dang-ky']);
    pages = await printSheets(wb, [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.quyetDinh, DOCUMENT_SHEETS.baoCao, DOCUMENT_SHEETS.bienBan, DANG_KY_DANH_HIEU]);
    text = squeeze(pages.map((p) => p.text).join(''));
  }, 120_000);

  it('cites TT22 wherever the documents say “Căn cứ” or “Thực hiện”, and nowhere TT24', () => {
    expect(text).toContain(squeeze('Căn cứ Thông tư số 22/2020/TT-BGDĐT ngày 06/8/2020'));
    expect(text).toContain(squeeze('Thực hiện Thông tư số 22/2020/TT-BGDĐT'));
    expect(text).not.toContain('24/2023');
    for (const p of pages) expect(isA4Portrait(p) || isA4Landscape(p)).toBe(true);
  });

  it('speaks of danh hiệu, xếp loại and the Hội đồng tự kiểm tra', () => {
    for (const line of ['Về việc đề nghị công nhận danh hiệu “Đơn vị học tập” năm 2025', 'Về việc thành lập Hội đồng tự kiểm tra “Đơn vị học tập” năm 2025', 'Chủ tịch Hội đồng', 'Tự kiểm tra, đánh giá, xếp loại “Đơn vị học tập” năm 2025', 'Kết luận của Hội đồng tự kiểm tra:', 'CHỦ TỊCH HỘI ĐỒNG', 'Danh hiệu “Đơn vị học tập” năm 2026', 'xếp loại tốt', 'điểm']) {
      expect(text).toContain(squeeze(line));
    }
    expect(text).not.toContain(squeeze('Tổ đánh giá'));
  });
});

describe('every sheet the add-in creates prints on A4', () => {
  it('data sheets, the templates and every document: A4 on every page, tables fit to the page width', async () => {
    const { wb } = await generated(await evaluatedSample());
    const names = wb.workbook.worksheets.map((w) => w.name);
    for (const s of [SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.lists, DOCUMENT_SHEETS.templates]) expect(names).toContain(s);
    const pages = await printSheets(wb, names);
    expect(pages.length).toBeGreaterThan(names.length);
    for (const [i, p] of pages.entries()) expect({ page: i + 1, a4: isA4Portrait(p) || isA4Landscape(p) }).toEqual({ page: i + 1, a4: true });
    // The criteria table prints on one page wide, landscape: its grey figures beside its codes.
    const criteria = pages.find((p) => squeeze(p.text).includes(squeeze('BỘ TIÊU CHÍ ĐÁNH GIÁ')))!;
    expect(isA4Landscape(criteria)).toBe(true);
    for (const header of ['Mã', 'Nội dung', 'Nguồn', 'Áp dụng', 'Số đạt', 'Tổng số']) expect(criteria.text).toContain(header);
  }, 180_000);
});
