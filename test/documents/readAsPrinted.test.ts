/**
 * The dossier as a hiệu trưởng prints it and the commune officer reads it: drawn a second time
 * from “Mẫu văn bản” it prints as the first time (the number line keeps its room for the
 * handwritten number); a unit whose place or head is not typed yet gets blanks to write in, never
 * a stray comma or colon; a TT22 request lists the documents its cover files.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets, type CreateSheetsOptions } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { unitAbbreviation } from '../../src/documents/templatesSheet';
import { documentSheet } from '../../src/documents/names';
import { printSheets } from './pdf';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function reopened(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

/** A sample unit's workbook, evaluated, its documents drawn `times` times (each from the file as saved). */
async function drawn(options: CreateSheetsOptions, times = 1): Promise<ExcelJsWorkbook> {
  let wb = ExcelJsWorkbook.create('don-vi.xlsx');
  await createSheets(wb, options);
  wb = await reopened(wb);
  if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('the sample must evaluate');
  for (let i = 0; i < times; i++) {
    wb = await reopened(wb);
    const r = await generateDocuments(wb);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  }
  // As drawn, not reloaded: ExcelJS does not read page breaks back from a file.
  return wb;
}

/** Every text of a sheet in reading order (merged cells once). */
function texts(wb: ExcelJsWorkbook, sheet: string): string[] {
  const out: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      if (typeof c.value === 'string') out.push(c.value);
    }),
  );
  return out;
}

const numberLine = (wb: ExcelJsWorkbook, sheet: string) => texts(wb, sheet).find((t) => t.startsWith('Số:'));

describe('documents drawn again from “Mẫu văn bản”', () => {
  it('print the number line with its room for the handwritten number, as the first time', async () => {
    const once = await drawn(sampleUnit({ members: 12 }));
    const twice = await drawn(sampleUnit({ members: 12 }), 2);
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.quyetDinh, DOCUMENT_SHEETS.baoCao, DOCUMENT_SHEETS.bienBan]) {
      expect(numberLine(once, sheet)).toMatch(/^Số: {4,}\//);
      expect(numberLine(twice, sheet)).toBe(numberLine(once, sheet));
    }
  }, 60_000);
});

describe('a unit whose place, head and head’s title are not typed yet', () => {
  let wb: ExcelJsWorkbook;
  beforeAll(async () => {
    const sample = sampleUnit({ members: 12 });
    wb = await drawn({ ...sample, unit: { ...sample.unit, place: '', head: '', headTitle: '' } });
  }, 60_000);

  it('the cover’s last line is a blank to write the place in, not a line starting with a comma', () => {
    const last = texts(wb, DOCUMENT_SHEETS.bia).find((t) => /tháng 01 năm/.test(t))!;
    expect(last).not.toMatch(/^\s*,/);
    expect(last).toMatch(/^…+, tháng 01 năm \d{4}$/);
  });

  it('the plan names the head’s duties and the decision its authority, never “1.: …” or a bare unit name', () => {
    const plan = texts(wb, DOCUMENT_SHEETS.keHoach).join('\n');
    expect(plan).not.toMatch(/1\.\s*:/);
    const decision = texts(wb, DOCUMENT_SHEETS.quyetDinh);
    // The authority: the line above the bases (a school's charter first).
    const authority = decision[decision.findIndex((t) => t.includes('Căn cứ Điều lệ')) - 1];
    expect(authority).not.toBe('TRƯỜNG THCS NGUYỄN DU');
    expect(authority).toMatch(/^THỦ TRƯỞNG /);
    // Signed as a head whose title is not typed yet, as the summary is.
    expect(texts(wb, DOCUMENT_SHEETS.toTrinh)).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('the decision and the minutes leave the chair’s name and title as blanks to write in', () => {
    const decision = texts(wb, DOCUMENT_SHEETS.quyetDinh);
    const first = decision.indexOf('1');
    expect(decision.slice(first, first + 4)).toEqual(['1', '………………………', '………………………', 'Tổ trưởng']);
    const minutes = texts(wb, DOCUMENT_SHEETS.bienBan).join('\n');
    expect(minutes).toContain('- Ông (bà) ………………………, ……………………… – Tổ trưởng;');
  });
});

describe('a TT22 (100-point) request', () => {
  it('lists, as attached, the documents its cover files: the report and minutes by their TT22 names and the registration for next year', async () => {
    const sample = sampleUnit({ members: 12, presetId: 'tt22-100', year: 2023 });
    const wb = await drawn(sample);
    const request = texts(wb, DOCUMENT_SHEETS.toTrinh).find((t) => t.includes('Hồ sơ kèm theo gồm'))!;
    expect(request).toContain('Báo cáo tự đánh giá, xếp loại');
    expect(request).toContain('Biên bản tự kiểm tra, đánh giá, xếp loại');
    expect(request).toContain('Bản đăng ký danh hiệu “Đơn vị học tập” năm 2024');
  }, 60_000);
});

describe('the abbreviation a document number starts with', () => {
  it('is “UBND” for a People’s Committee, as NĐ 30/2020 writes it', () => {
    expect(unitAbbreviation('Ủy ban nhân dân xã Tân Phú')).toBe('UBND');
    expect(unitAbbreviation('UBND xã Tân Phú')).toBe('UBND');
    expect(unitAbbreviation('Uỷ ban nhân dân phường Hòa Bình')).toBe('UBND');
    expect(unitAbbreviation('Trường THCS Nguyễn Du')).toBe('THCSND');
  });
});

describe('the plan’s targets', () => {
  it('read “100% thành viên” where all members are asked, as the plans write it, and “Tối thiểu 90% thành viên” below that', async () => {
    const wb = await drawn(sampleUnit({ members: 12, presetId: 'tt22-100', year: 2023 }));
    const plan = texts(wb, DOCUMENT_SHEETS.keHoach);
    expect(plan).toContain('100% thành viên (10 điểm)');
    expect(plan.join('\n')).not.toContain('Tối thiểu 100%');
    const tt24 = texts(await drawn(sampleUnit({ members: 12 })), DOCUMENT_SHEETS.keHoach);
    expect(tt24).toContain('Tối thiểu 90% thành viên');
  }, 60_000);
});

describe('printed on A4', () => {
  /** The last printed line of each page (the line a reader finds at the foot). */
  const feet = (pages: { text: string }[]) => pages.map((p) => p.text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '');
  /** A section's heading ("III. NHIỆM VỤ, GIẢI PHÁP") or a criterion's (a table's group row, wrapped or not). */
  const HEADING = /^(?:[IVX]+\.\s|\d+\.\s+Tiêu chí|Tiêu chí \d|\(\d+ điểm\)$)/u;

  it('no page of the plan, the report or the registration ends with a heading whose text is on the next page', async () => {
    const school = await drawn(sampleUnit({ members: 40, year: 2026 }));
    const tt22 = await drawn(sampleUnit({ members: 40, presetId: 'tt22-100', year: 2023 }));
    const pages = [
      ...(await printSheets(school, [DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.baoCao])),
      ...(await printSheets(tt22, [DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.baoCao, documentSheet('dang-ky', 'score')])),
    ];
    expect(feet(pages).filter((line) => HEADING.test(line))).toEqual([]);
  }, 120_000);
});

describe('a People’s Committee’s documents', () => {
  it('are signed on behalf of the committee (TM. ỦY BAN NHÂN DÂN, NĐ 30/2020 Điều 13); its chairman’s decision as the chairman', async () => {
    const wb = await drawn(sampleUnit({ members: 12, type: 'UBND cấp xã' }));
    for (const sheet of [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.baoCao]) {
      // The signature's lines beside the recipients': “TM. ỦY BAN NHÂN DÂN” above “CHỦ TỊCH”.
      const all = texts(wb, sheet);
      expect(all).toContain('TM. ỦY BAN NHÂN DÂN');
      expect(all.indexOf('TM. ỦY BAN NHÂN DÂN')).toBeLessThan(all.lastIndexOf('CHỦ TỊCH'));
    }
    const decision = texts(wb, DOCUMENT_SHEETS.quyetDinh);
    expect(decision).toContain('CHỦ TỊCH');
    expect(decision).not.toContain('TM. ỦY BAN NHÂN DÂN');
  }, 60_000);
});
