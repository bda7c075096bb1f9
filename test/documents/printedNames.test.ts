/**
 * Names pasted with stray spaces (non-breaking ones from a web page or Word too) or in NFD
 * (Unikey's “Unicode tổ hợp”) print as a name is written:
 * trimmed, one space between words, NFC — the unit, its parent body, the place, the head who signs,
 * the Tổ đánh giá typed in “Mẫu văn bản”. The cells keep what the user typed.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { SHEETS } from '../../src/sheets/names';
import { UNIT_FIELDS } from '../../src/sheets/unitSheet';

const NOW = new Date(2026, 0, 5, 10, 0, 0);
const nfd = (s: string) => s.normalize('NFD');
/** Pasted from a web page or Word: non-breaking spaces too. */
const NBSP = '\u00a0';
const PASTED = {
  name: nfd(`  Trường THCS ${NBSP} Nguyễn Du${NBSP}`),
  parent: nfd(' UBND xã  Hòa Bình  '),
  place: nfd('Hòa   Bình '),
  head: nfd(`${NBSP}Lê Minh${NBSP}${NBSP}Châu `),
};
const TEAM = nfd(`{nguoi_dung_dau} | {chuc_vu} | Tổ trưởng\n  Trần  Thị${NBSP} Hoa | Phó hiệu trưởng | Thư ký \n Đỗ Văn  Nam${NBSP} |  Tổ trưởng chuyên môn | Thành viên`);

/** A run of spaces inside or after a name (the layout's own non-breaking spaces join single words, or indent). */
const STRAY = /(THCS|Nguyễn|Minh|Châu|xã|Hòa|Bình|Trần|Thị|Hoa|Văn|Nam|Du)[ \u00a0]{2,}|[ \u00a0]{2,}(Trường|Nguyễn|Châu|Hòa|Bình|Lê|Trần|Thị|Hoa|Đỗ|Nam)/iu;

/** Every text of a sheet, cell by cell (merged cells once). */
function texts(wb: ExcelJsWorkbook, sheet: string): string[] {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      const v = c.value as { richText?: { text: string }[] } | string | null;
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object' && v.richText) out.push(v.richText.map((r) => r.text).join(''));
    }),
  );
  return out;
}

/** The value cell of a field of “Thông tin đơn vị”. */
function fieldValue(wb: ExcelJsWorkbook, label: string): unknown {
  let found: unknown;
  wb.workbook.getWorksheet(SHEETS.unit)!.eachRow((r) => void (r.getCell(1).value === label && (found = r.getCell(2).value)));
  return found;
}

describe('names pasted with stray spaces, in NFD', () => {
  it('print trimmed, single-spaced, NFC on every document; the cells stay as typed', async () => {
    const made = ExcelJsWorkbook.create('truong.xlsx');
    const sample = sampleUnit({ members: 12 });
    await createSheets(made, { ...sample, unit: { ...sample.unit, ...PASTED } });
    const wb = await ExcelJsWorkbook.fromBuffer(await made.toBuffer(), made.label);
    if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
    // The Tổ đánh giá as the clerk pastes it into “Mẫu văn bản”, then the dossier drawn again.
    if (!(await generateDocuments(wb)).ok) throw new Error('must draw');
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    ws.eachRow((r) => void (r.getCell(1).value === 'to_danh_gia.thanh_vien' && (r.getCell(2).value = TEAM)));
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error('must draw');
    expect(r.unit).toBe('Trường THCS Nguyễn Du');

    // The documents drawn from the templates; “Tổng hợp” is evaluation's own sheet (sheets/summarySheet.ts).
    const kinds = r.documents.filter((d) => d.kind !== 'tong-hop');
    expect(kinds.length).toBe(7);
    for (const d of kinds) {
      const all = texts(wb, d.sheet);
      for (const t of all) expect({ sheet: d.sheet, text: t, nfc: t === t.normalize('NFC') }).toEqual({ sheet: d.sheet, text: t, nfc: true });
      // Less the first-line indents (six non-breaking spaces a paragraph starts with).
      const joined = all.map((t) => t.replace(/^\u00a0{6}(?=\S)/u, '')).join('\n');
      expect({ sheet: d.sheet, stray: STRAY.exec(joined)?.[0] ?? null }).toEqual({ sheet: d.sheet, stray: null });
      expect(joined).toMatch(/TRƯỜNG THCS NGUYỄN DU|Trường THCS Nguyễn Du/);
    }
    // The head signs by the name as written, on a line of its own.
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.baoCao, DOCUMENT_SHEETS.keHoach]) expect(texts(wb, sheet)).toContain('Lê Minh Châu');
    // The decision's members and the minutes' signatures, as typed once in “Mẫu văn bản”.
    const decision = texts(wb, DOCUMENT_SHEETS.quyetDinh);
    for (const name of ['Lê Minh Châu', 'Trần Thị Hoa', 'Đỗ Văn Nam', 'Tổ trưởng chuyên môn']) expect(decision).toContain(name);
    const minutes = texts(wb, DOCUMENT_SHEETS.bienBan);
    expect(minutes).toContain('Trần Thị Hoa');
    expect(minutes.join('\n')).toContain('- Ông (bà) Đỗ Văn Nam, Tổ trưởng chuyên môn – Thành viên;');
    expect(texts(wb, DOCUMENT_SHEETS.bia)).toContain('UBND XÃ HÒA BÌNH');
    expect(texts(wb, DOCUMENT_SHEETS.bia)).toContain('Hòa Bình, tháng 01 năm 2026');

    // “Tổng hợp”, which evaluation draws, heads and signs it the same (its member rows are formulas on “Thành viên”).
    const summary = texts(wb, SHEETS.summary);
    const heading = summary.join('\n');
    expect(STRAY.exec(heading)?.[0] ?? null).toBeNull();
    expect(summary.every((t) => t === t.normalize('NFC'))).toBe(true);
    expect(summary).toContain('Lê Minh Châu');
    expect(heading).toMatch(/TRƯỜNG THCS NGUYỄN DU|Trường THCS Nguyễn Du/);

    // What the user typed stays in the cells.
    expect(fieldValue(wb, UNIT_FIELDS.name)).toBe(PASTED.name);
    expect(fieldValue(wb, UNIT_FIELDS.head)).toBe(PASTED.head);
    let team: unknown;
    ws.eachRow((row) => void (row.getCell(1).value === 'to_danh_gia.thanh_vien' && (team = row.getCell(2).value)));
    expect(team).toBe(TEAM);
  });
});
