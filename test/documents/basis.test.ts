/**
 * What a unit's documents cite as “Căn cứ”: exactly what its rule set's “Căn cứ” cell cites,
 * as the unit typed it (a province's plan, its number and date), with the national circular
 * its preset rests on where that applies, higher legal force first (NĐ 30/2020), each basis
 * on its own “Căn cứ” line and never twice.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { SETTINGS } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';
import { PRESETS } from '../../src/domain/rules/presets';
import { basisParts, citedBases } from '../../src/documents/bases';
import { CHARTERS, FORMER_DEFAULTS } from '../../src/documents/templates';
import { UNIT_TYPE_IDS } from '../../src/domain/unitTypes';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const TT24 = PRESETS.find((p) => p.id === 'tt24-co-so-md1')!.basis;
const DONG_THAP = 'Kế hoạch số 130/KH-UBND ngày 14/4/2024 của UBND tỉnh Đồng Tháp về triển khai thực hiện quy định về đánh giá, công nhận “Đơn vị học tập”';

/** A TT24 unit for 2025 (a THCS unless `type` says) whose “Căn cứ” cell holds `basis` (the preset's when undefined), evaluated and its documents drawn. */
async function documentsWith(basis?: string, type?: string): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  const sample = sampleUnit({ members: 20 });
  await createSheets(wb, type ? { ...sample, unit: { ...sample.unit, type } } : sample);
  if (basis !== undefined) {
    wb.workbook.getWorksheet(SHEETS.criteria)!.eachRow((row) => {
      if (row.getCell(2).value === SETTINGS.basis) row.getCell(3).value = basis;
    });
  }
  if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
  const r = await generateDocuments(wb, { kinds: ['to-trinh', 'ke-hoach', 'quyet-dinh', 'bao-cao'] });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return wb;
}

const sheetText = (wb: ExcelJsWorkbook, sheet: string): string => {
  const texts: string[] = [];
  wb.workbook.getWorksheet(sheet)!.eachRow((row) => {
    for (let c = 1; c <= 10; c++) {
      const cell = row.getCell(c);
      // A merged range's other cells repeat its first one's value.
      if (cell.isMerged && cell.master !== cell) continue;
      if (typeof cell.value === 'string') texts.push(cell.value.trim());
    }
  });
  return texts.join('\n');
};

const CHARTER_32 =
  'Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo';

const count = (text: string, part: string) => text.split(part).length - 1;
const LETTERS = [DOCUMENT_SHEETS.toTrinh, DOCUMENT_SHEETS.keHoach, DOCUMENT_SHEETS.quyetDinh];

describe('a unit citing its province’s plan in its rule set’s “Căn cứ”', () => {
  let wb: ExcelJsWorkbook;
  beforeAll(async () => {
    wb = await documentsWith(DONG_THAP);
  }, 60_000);

  it('the plan, the request and the decision cite the circular, then the province’s plan as typed, one “Căn cứ” line each', () => {
    for (const sheet of LETTERS) {
      const text = sheetText(wb, sheet);
      expect(text).toContain(`Căn cứ ${TT24};\nCăn cứ ${DONG_THAP};`);
      expect(count(text, 'Căn cứ Thông tư số 24/2023/TT-BGDĐT')).toBe(1);
      expect(count(text, `Căn cứ ${DONG_THAP}`)).toBe(1);
    }
  });

  it('the self-assessment report rests on both in its opening sentence', () => {
    expect(sheetText(wb, DOCUMENT_SHEETS.baoCao)).toContain(`Thực hiện ${TT24} và ${DONG_THAP}, Trường`);
  });

  it('the plan no longer asks the unit to write the local document it has cited already, and leads into its content without “xây dựng kế hoạch xây dựng”', () => {
    const plan = sheetText(wb, DOCUMENT_SHEETS.keHoach);
    expect(plan).not.toContain('Đơn vị viết: Căn cứ kế hoạch, công văn hướng dẫn của địa phương');
    expect(plan).toContain(`Căn cứ ${DONG_THAP};\nCăn cứ tình hình thực tế, Trường THCS Nguyễn Du ban hành kế hoạch xây dựng “Đơn vị học tập” năm 2025 như sau:`);
  });
});

describe('a unit whose “Căn cứ” cell lists both, in its own words', () => {
  it('cites each once, with no “Căn cứ” doubled and the circular first', async () => {
    const wb = await documentsWith(`Căn cứ ${DONG_THAP};\nThông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ Giáo dục và Đào tạo.`);
    for (const sheet of LETTERS) {
      const text = sheetText(wb, sheet);
      expect(text).toContain(`Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ Giáo dục và Đào tạo;\nCăn cứ ${DONG_THAP};`);
      expect(text).not.toMatch(/Căn cứ\s+Căn cứ/);
      expect(count(text, 'Căn cứ Thông tư số 24/2023/TT-BGDĐT')).toBe(1);
    }
  }, 60_000);
});

describe('a unit citing no provincial document', () => {
  it('cites the circular alone and is still asked for its local document in the plan', async () => {
    const wb = await documentsWith();
    for (const sheet of LETTERS) {
      const text = sheetText(wb, sheet);
      expect(text).toContain(`Căn cứ ${TT24};`);
      expect(count(text, 'Căn cứ Thông tư số 24/2023/TT-BGDĐT')).toBe(1);
      expect(text).not.toContain('KH-UBND');
    }
    expect(sheetText(wb, DOCUMENT_SHEETS.keHoach)).toContain('Đơn vị viết: Căn cứ kế hoạch, công văn hướng dẫn của địa phương');
    expect(sheetText(wb, DOCUMENT_SHEETS.baoCao)).toContain(`Thực hiện ${TT24}, Trường`);
  }, 60_000);
});

describe('citedBases', () => {
  const tt22 = PRESETS.find((p) => p.id === 'tt22-100')!;
  const DAK_LAK = 'Quyết định số 2316/QĐ-UBND ngày 28/9/2020 của UBND tỉnh Đắk Lắk';

  it('adds the preset’s circular only while it is in force: TT22 for 2023, not for 2025', () => {
    expect(citedBases({ id: tt22.id, basis: DAK_LAK }, 2023)).toEqual([tt22.basis, DAK_LAK]);
    expect(citedBases({ id: tt22.id, basis: DAK_LAK }, 2025)).toEqual([DAK_LAK]);
  });

  it('a rule set of the unit’s own (no preset) cites what it says, nothing more', () => {
    expect(citedBases({ id: 'tuy-chinh', basis: DONG_THAP }, 2025)).toEqual([DONG_THAP]);
    expect(citedBases({ id: 'tuy-chinh', basis: '' }, 2025)).toEqual([]);
  });

  it('splits on lines and “;”, drops the default verb “Căn cứ”, keeps “Thực hiện” and “Theo” as typed, and drops a basis typed twice', () => {
    expect(basisParts(`Thực hiện ${DONG_THAP};\n- Căn cứ ${DAK_LAK}.\n${DONG_THAP}`)).toEqual([`Thực hiện ${DONG_THAP}`, DAK_LAK]);
    expect(basisParts(`căn cứ vào ${DAK_LAK};\ntheo ${DONG_THAP}`)).toEqual([DAK_LAK, `Theo ${DONG_THAP}`]);
  });

  it('lists the legal texts by force first, then what the unit carries out (“Thực hiện”), then “Theo”', () => {
    expect(citedBases({ id: 'tt24-co-so-md1', basis: `Thực hiện ${DONG_THAP};\nTheo Hướng dẫn số 5/HD-SGDĐT;\nCăn cứ ${DAK_LAK}` }, 2025)).toEqual([
      TT24,
      DAK_LAK,
      `Thực hiện ${DONG_THAP}`,
      'Theo Hướng dẫn số 5/HD-SGDĐT',
    ]);
  });
});

describe('the “Căn cứ” paragraphs as NĐ 30/2020 sets them', () => {
  let wb: ExcelJsWorkbook;
  beforeAll(async () => {
    wb = await documentsWith(DONG_THAP);
  }, 60_000);

  it('the decision rests first on the head’s competence (a THCS: its charter), then on the texts, and ends “Theo đề nghị …” with a full stop', () => {
    expect(sheetText(wb, DOCUMENT_SHEETS.quyetDinh)).toContain(
      `Căn cứ ${CHARTER_32};\nCăn cứ ${TT24};\nCăn cứ ${DONG_THAP};\nTheo đề nghị của bộ phận phụ trách.\nQUYẾT ĐỊNH:`,
    );
  });

  it('a templates sheet still holding the former order takes the new one; one the unit rewrote stays', async () => {
    const sheet = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    let row = 0;
    sheet.eachRow((r, n) => void (r.getCell(1).value === 'quyet_dinh.can_cu' && (row = n)));
    const cell = sheet.getCell(row, 2);
    cell.value = FORMER_DEFAULTS['quyet_dinh.can_cu']![0]!;
    if (!(await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok) throw new Error('must generate');
    expect(cell.value).toBe('Căn cứ {can_cu_tham_quyen};\nCăn cứ {can_cu};\nTheo đề nghị của bộ phận phụ trách.');
    cell.value = 'Căn cứ Điều lệ trường trung học;\nCăn cứ {can_cu};\nTheo đề nghị của Tổ trưởng chuyên môn.';
    if (!(await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok) throw new Error('must generate');
    expect(sheetText(wb, DOCUMENT_SHEETS.quyetDinh)).toContain(`Căn cứ Điều lệ trường trung học;\nCăn cứ ${TT24};\nCăn cứ ${DONG_THAP};\nTheo đề nghị của Tổ trưởng chuyên môn.`);
  });

  it('the request’s last basis ends with a full stop: the paragraph after it is a sentence of its own', () => {
    expect(sheetText(wb, DOCUMENT_SHEETS.toTrinh)).toContain('Căn cứ kết quả tự đánh giá “Đơn vị học tập” năm 2025 của Trường THCS Nguyễn Du.\nNăm 2025,');
  });
});

describe('a unit whose “Căn cứ” cell says what it carries out: “Thực hiện Kế hoạch số …”', () => {
  const PLAN = 'Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND xã Hòa Bình về xây dựng xã hội học tập năm 2025';
  let wb: ExcelJsWorkbook;
  beforeAll(async () => {
    wb = await documentsWith(`Thực hiện ${PLAN};\nCăn cứ ${DONG_THAP}`);
  }, 60_000);

  it('the plan, the request and the decision print it with “Thực hiện”, after the legal texts (NĐ 30/2020)', () => {
    for (const sheet of LETTERS) {
      const text = sheetText(wb, sheet);
      expect(text).toContain(`Căn cứ ${TT24};\nCăn cứ ${DONG_THAP};\nThực hiện ${PLAN};`);
      expect(text).not.toContain(`Căn cứ ${PLAN}`);
      expect(text).not.toContain(`Căn cứ Thực hiện`);
    }
  });

  it('inside a sentence the verb is the template’s: “Thực hiện A, B và C, Trường …”', () => {
    expect(sheetText(wb, DOCUMENT_SHEETS.baoCao)).toContain(`Thực hiện ${TT24}; ${DONG_THAP} và ${PLAN}, Trường`);
  });

  it('the plan does not ask again for the local document', () => {
    expect(sheetText(wb, DOCUMENT_SHEETS.keHoach)).not.toContain('Đơn vị viết: Căn cứ kế hoạch');
  });
});

describe('the competence line of the unit’s own decision (NĐ 30/2020: the text giving the signer the power first)', () => {
  const MN = 'Điều lệ Trường mầm non ban hành kèm theo Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo';
  const TH = 'Điều lệ Trường tiểu học ban hành kèm theo Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo';
  const competence = (wb: ExcelJsWorkbook) => sheetText(wb, DOCUMENT_SHEETS.quyetDinh).split('\n').find((l) => l.startsWith('Căn cứ'));

  it.each([
    ['Trường mầm non', MN],
    ['Trường tiểu học', TH],
    ['Trường THPT', CHARTER_32],
    ['Trường phổ thông nhiều cấp học', CHARTER_32],
  ])('a %s cites its charter', async (type, charter) => {
    expect(competence(await documentsWith(undefined, type))).toBe(`Căn cứ ${charter};`);
  }, 60_000);

  it('the charters are keyed by unit types the workbook offers', () => {
    expect(Object.keys(CHARTERS).filter((id) => !(id in UNIT_TYPE_IDS))).toEqual([]);
  });

  it('an agency (no charter of the kind) keeps the head’s functions, duties and powers', async () => {
    expect(competence(await documentsWith(undefined, 'Cơ quan nhà nước'))).toBe('Căn cứ chức năng, nhiệm vụ, quyền hạn của Hiệu trưởng Trường THCS Nguyễn Du;');
  }, 60_000);

  it('a unit that rewrote the line in “Mẫu văn bản” keeps its own', async () => {
    const wb = await documentsWith();
    const sheet = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    sheet.eachRow((r) => void (r.getCell(1).value === 'quyet_dinh.can_cu' && (r.getCell(2).value = 'Căn cứ Quyết định số 12/QĐ-UBND về thành lập trường;\nCăn cứ {can_cu};\nTheo đề nghị của Tổ trưởng.')));
    if (!(await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok) throw new Error('must generate');
    expect(competence(wb)).toBe('Căn cứ Quyết định số 12/QĐ-UBND về thành lập trường;');
  }, 60_000);
});
