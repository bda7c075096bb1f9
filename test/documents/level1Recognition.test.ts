/**
 * A level-2 request rests on the level-1 recognition (TT24: level 2 twelve months after the
 * level-1 decision): its tờ trình cites that decision among its grounds, by the date typed on
 * “Thông tin đơn vị” (“Ngày công nhận lần trước”), the number left dotted to write in (the sheet
 * has no field for it: the unit types it once in “Mẫu văn bản”), and the báo cáo likewise. A
 * level-1 request cites none, no empty line left.
 */
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { FORMER_DEFAULTS } from '../../src/documents/templates';
import type { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { evaluatedUnit, printed, printedLines } from './dossier';

const NOW = new Date(2026, 0, 5, 10, 0, 0);
const UNIT = 'Trường THCS Nguyễn Du';
const CITED = `Căn cứ Quyết định số …… ngày 10/01/2025 công nhận ${UNIT} đạt “Đơn vị học tập” cấp huyện mức độ 1;`;

/** A level-2 unit of 2025 recognised at level 1 on 10/01/2025: in time for the deadline 15/01/2026. */
const level2 = () => evaluatedUnit({ presetId: 'tt24-co-so-md2', members: 12, rate: 1, unit: { level: 'Mức độ 2', previousDate: new Date(2025, 0, 10), previousLevel: 'Mức độ 1' }, now: NOW });

async function drawn(wb: ExcelJsWorkbook) {
  const r = await generateDocuments(wb, { kinds: ['to-trinh', 'bao-cao'] });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

/** The row of a key in “Mẫu văn bản” (column A), 1-based. */
function templateRow(wb: ExcelJsWorkbook, key: string): number {
  let found = 0;
  wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.eachRow((row, r) => void (!found && row.getCell(1).value === key && (found = r)));
  return found;
}

describe('a level-2 request after level 1', () => {
  it('its tờ trình cites the level-1 decision by date, after the legal bases, before the self-evaluation', async () => {
    const wb = await level2();
    await drawn(wb);
    const lines = printedLines(wb, DOCUMENT_SHEETS.toTrinh);
    const at = lines.indexOf(CITED);
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toMatch(/^Căn cứ Thông tư số 24\/2023\/TT-BGDĐT/);
    expect(lines[at + 1]).toBe(`Căn cứ kết quả tự đánh giá “Đơn vị học tập” năm 2025 của ${UNIT}.`);
    expect(lines.join('\n')).toMatch(/kính trình .* công nhận .* đạt “Đơn vị học tập” cấp huyện mức độ 2 năm 2025/);
  });

  it('its báo cáo cites it among its grounds', async () => {
    const wb = await level2();
    await drawn(wb);
    const lines = printedLines(wb, DOCUMENT_SHEETS.baoCao);
    const at = lines.indexOf(CITED);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(new RegExp(`^Thực hiện .*, ${UNIT} báo cáo kết quả tự đánh giá`));
  });

  it('the number the unit types once in “Mẫu văn bản” is printed', async () => {
    const wb = await level2();
    await drawn(wb);
    const cell = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.getCell(templateRow(wb, 'to_trinh.can_cu'), 2);
    cell.value = String(cell.value).replace('số ……', 'số 45/QĐ-UBND');
    await drawn(wb);
    expect(printed(wb, DOCUMENT_SHEETS.toTrinh)).toContain(`Căn cứ Quyết định số 45/QĐ-UBND ngày 10/01/2025 công nhận ${UNIT} đạt`);
  });

  it('a “Mẫu văn bản” of an earlier release, its grounds as then written, cites it too', async () => {
    const wb = await level2();
    await drawn(wb);
    const sheet = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    for (const key of ['to_trinh.can_cu', 'bao_cao.mo_dau'] as const) sheet.getCell(templateRow(wb, key), 2).value = FORMER_DEFAULTS[key]!.at(-1)!;
    await drawn(wb);
    expect(printedLines(wb, DOCUMENT_SHEETS.toTrinh)).toContain(CITED);
    expect(printedLines(wb, DOCUMENT_SHEETS.baoCao)).toContain(CITED);
  });
});

describe('a level-1 request', () => {
  it('cites no earlier recognition and leaves no empty ground', async () => {
    const wb = await evaluatedUnit({ members: 12, rate: 1, now: NOW });
    await drawn(wb);
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.baoCao]) {
      const text = printed(wb, sheet);
      expect(text).not.toContain('Quyết định số ……');
      expect(text).not.toMatch(/\{|\bngày\s*công nhận|Căn cứ\s*;/);
    }
    expect(printed(wb, DOCUMENT_SHEETS.baoCao)).toMatch(new RegExp(`^Thực hiện .*, ${UNIT} báo cáo kết quả tự đánh giá`, 'm'));
  });
});
