/**
 * Evaluate through the ExcelJS workbook on real .xlsx bytes: write-back, idempotence, and
 * the promise that nothing a user typed changes.
 */
import * as ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { COL, TABLE_HEADER_ROW } from '../../src/sheets/criteriaSheet';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { RESULT_FIELDS, UNIT_FIELDS, unitResultRow } from '../../src/sheets/unitSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));

async function sampleWorkbook(members = 42): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members }));
  return roundTrip(wb);
}

async function roundTrip(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer(), wb.label);
}

type CellDump = Map<string, string>;

/** Every cell of every sheet: its value and formula, as ExcelJS models them. */
function dump(wb: ExcelJS.Workbook): CellDump {
  const out: CellDump = new Map();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        if (v === null || v === undefined || v === '') return;
        out.set(`${ws.name}!${r}:${c}`, JSON.stringify(v));
      });
    });
  });
  return out;
}

/** Cells the add-in owns: result columns, result rows, hidden lists, the summary sheet. */
function isOwned(key: string, membersResultFrom: number): boolean {
  const m = /^(.*)!(\d+):(\d+)$/.exec(key)!;
  const [sheet, r, c] = [m[1]!, Number(m[2]), Number(m[3])];
  if (sheet === SHEETS.summary) return true;
  if (sheet === SHEETS.criteria) return r > TABLE_HEADER_ROW && c >= COL.applicable;
  if (sheet === SHEETS.members) return r >= 4 && c >= membersResultFrom && c < membersResultFrom + 4;
  if (sheet === SHEETS.lists) return c >= 6;
  if (sheet === SHEETS.unit) return c === 2 && r >= unitResultRow('outcome') && r < unitResultRow('outcome') + Object.keys(RESULT_FIELDS).length;
  return false;
}

describe('evaluate on a real .xlsx', () => {
  it('writes figures, results, per-member scores, the outcome and the summary', async () => {
    const wb = await sampleWorkbook();
    const result = await evaluateWorkbook(wb, { now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await roundTrip(wb);
    const snap = await after.batch((s) => s.read([SHEETS.criteria, SHEETS.unit, SHEETS.summary, SHEETS.members]));
    const criteria = snap.sheets.get(SHEETS.criteria)!.rows;
    const row21 = criteria.find((r) => r[0] === '2.1')!;
    const r21 = result.report.indicators.find((i) => i.code === '2.1')!;
    expect(row21[COL.numerator - 1]).toBe(r21.numerator);
    expect(row21[COL.denominator - 1]).toBe(r21.denominator);
    expect(row21[COL.result - 1]).toBe(r21.status === 'met' ? 'Đạt' : 'Không đạt');
    const unit = snap.sheets.get(SHEETS.unit)!.rows;
    expect(unit.find((r) => r[0] === 'Kết quả tự đánh giá')![1]).toEqual(result.report.outcome.status === 'recognised' ? expect.stringContaining('Đủ điều kiện') : 'Chưa đủ điều kiện công nhận');
    expect(unit.find((r) => r[0] === 'Số thành viên được tính')![1]).toBe(41);
    expect(unit.find((r) => r[0] === 'Dấu dữ liệu')![1]).toBe(result.report.fingerprint);
    const summary = snap.sheets.get(SHEETS.summary)!.rows;
    // The title follows the NĐ 30 heading block (issuing body, national heading).
    expect(summary.map((r) => r[0])).toContain('BẢN TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU');
    expect(summary.some((r) => r[0] === '2.1' && r[6] === row21[COL.result - 1])).toBe(true);
    expect(summary.filter((r) => typeof r[0] === 'number').length).toBe(42);
    // Formulas, not pasted numbers, stand behind each figure.
    const ws = after.workbook.getWorksheet(SHEETS.criteria)!;
    const r = criteria.indexOf(row21) + 1;
    expect(ws.getCell(r, COL.numerator).formula).toMatch(/^SUMPRODUCT\(/);
    expect(ws.getCell(r, COL.result).formula).toContain('Đạt');
  });

  it('the sheets are Vietnamese whatever the pane’s language: a TT22 outcome as its formula words it', async () => {
    const wb = ExcelJsWorkbook.create('tt22.xlsx');
    await createSheets(wb, sampleUnit({ presetId: 'tt22-100', members: 20 }));
    const result = await evaluateWorkbook(wb, { now: NOW, lang: 'en' });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const ws = (await roundTrip(wb)).workbook.getWorksheet(SHEETS.unit)!;
    const row = unitResultRow('outcome');
    const { score, rating } = result.report.outcome;
    expect(ws.getCell(row, 2).formula).toContain('&" điểm — xếp loại "&');
    expect((ws.getCell(row, 2).value as { result: unknown }).result).toBe(`${String(score).replace('.', ',')} điểm — xếp loại ${rating}`);
  });

  it('evaluating twice gives the same workbook', async () => {
    const wb = await sampleWorkbook();
    await evaluateWorkbook(wb, { now: NOW });
    const once = dump((await roundTrip(wb)).workbook);
    await evaluateWorkbook(wb, { now: NOW });
    const twice = dump((await roundTrip(wb)).workbook);
    expect([...twice.entries()]).toEqual([...once.entries()]);
  });

  it('never changes a cell the user typed — in any sheet, including their own', async () => {
    const wb = await sampleWorkbook();
    // The user's own additions: a sheet, a formula, a note, a column after ours.
    const raw = wb.workbook;
    raw.addWorksheet('Ghi chép riêng').getCell('B2').value = '=SUM(1,2) là chữ';
    raw.getWorksheet('Ghi chép riêng')!.getCell('C3').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    const members = raw.getWorksheet(SHEETS.members)!;
    members.getCell(5, MEMBER_FIELDS.length + 6).value = 'cột riêng của trường';
    members.getCell(6, MEMBER_FIELDS.findIndex((f) => f.key === 'note') + 1).value = '+84 912 345 678';
    members.getCell(7, MEMBER_FIELDS.findIndex((f) => f.key === 'discipline') + 1).value = 'ok';
    const before = dump((await roundTrip(wb)).workbook);
    const resultFrom = MEMBER_FIELDS.length + 1;
    const result = await evaluateWorkbook(wb, { now: NOW });
    expect(result.ok).toBe(true);
    const after = dump((await roundTrip(wb)).workbook);
    let compared = 0;
    for (const [key, value] of before) {
      if (isOwned(key, resultFrom)) continue;
      expect({ key, value: after.get(key) }).toEqual({ key, value });
      compared++;
    }
    expect(compared).toBeGreaterThan(900);
  });

  it('missing sheets: a clear message per sheet and nothing written', async () => {
    const wb = ExcelJsWorkbook.create('trong.xlsx');
    wb.workbook.addWorksheet('Sheet1').getCell('A1').value = 'Danh sách';
    const before = dump(wb.workbook);
    const result = await evaluateWorkbook(wb);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('“Thông tin đơn vị”'),
      expect.stringContaining('“Tiêu chí”'),
      expect.stringContaining('“Thành viên”'),
    ]);
    expect(dump(wb.workbook)).toEqual(before);
  });

  it('a user-edited threshold in the sheet is the rule that counts', async () => {
    const wb = await sampleWorkbook();
    const first = await evaluateWorkbook(wb, { now: NOW });
    if (!first.ok) throw new Error('sample must evaluate');
    const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === '2.4') row = i;
    });
    ws.getCell(row, COL.threshold).value = 0.99;
    const second = await evaluateWorkbook(wb, { now: NOW });
    if (!second.ok) throw new Error('must evaluate');
    expect(second.report.indicators.find((i) => i.code === '2.4')).toMatchObject({ required: 0.99, status: 'not_met' });
    expect(second.report.fingerprint).not.toBe(first.report.fingerprint);
  });

  it('an indicator the user adds is evaluated like the others', async () => {
    const wb = await sampleWorkbook();
    const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
    const last = ws.rowCount + 1;
    ws.getRow(last).values = ['3.5', 'Thành viên tham gia Gia đình học tập', 'Thành viên', '[Gia đình học tập] = có', 0.8, null, 'Tất cả', '[L] địa phương'];
    const result = await evaluateWorkbook(wb, { now: NOW });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join());
    expect(result.report.indicators.find((i) => i.code === '3.5')).toMatchObject({ criterion: '3', denominator: 41 });
  });
});

describe('what the unit asks for against its rule set, warned at the cell', () => {
  /** The row of a field of "Thông tin đơn vị", found by its label. */
  function unitRow(wb: ExcelJsWorkbook, label: string): number {
    let found = 0;
    wb.workbook.getWorksheet(SHEETS.unit)!.eachRow((row, r) => {
      if (!found && row.getCell(1).value === label) found = r;
    });
    return found;
  }

  /** The sample asking for level 2 with a previous recognition typed as `date`, evaluated on NOW. */
  async function level2Asked(date: string) {
    const wb = await sampleWorkbook(12);
    const ws = wb.workbook.getWorksheet(SHEETS.unit)!;
    ws.getCell(unitRow(wb, UNIT_FIELDS.level), 2).value = 'Mức độ 2';
    ws.getCell(unitRow(wb, UNIT_FIELDS.previousDate), 2).value = date;
    const result = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!result.ok) throw new Error('must evaluate');
    return { wb, warnings: result.report.warnings };
  }

  it('level 2 asked of a level-1 rule set, with a level-1 recognition 4 months old: two warnings, each at its cell', async () => {
    const { wb, warnings } = await level2Asked('01/09/2025');
    const w = (code: string) => warnings.find((x) => x.code === code);
    expect(w('levelMismatch')).toMatchObject({ sheet: SHEETS.unit, cell: `B${unitRow(wb, UNIT_FIELDS.level)}` });
    expect(w('levelMismatch')!.message).toContain('“Đơn vị học tập” cấp huyện mức độ 1');
    expect(w('level2TooSoon')).toMatchObject({ sheet: SHEETS.unit, cell: `B${unitRow(wb, UNIT_FIELDS.previousDate)}` });
    expect(w('level2TooSoon')!.message).toContain('01/09/2026');
    expect(w('tierMismatch')).toBeUndefined();
  });

  it('a previous recognition dated after the day of the evaluation is a typo to check, not a reason to wait', async () => {
    const { wb, warnings } = await level2Asked('15/03/2027');
    expect(warnings.map((x) => x.code)).not.toContain('level2TooSoon');
    const future = warnings.find((x) => x.code === 'previousDateFuture')!;
    expect(future).toMatchObject({ sheet: SHEETS.unit, cell: `B${unitRow(wb, UNIT_FIELDS.previousDate)}` });
    expect(future.message).toContain('15/03/2027');
  });

  it('a provincial rule set sent to a commune body is warned at the tier cell; the sample as created is not warned at all', async () => {
    const plain = await sampleWorkbook(12);
    const ok = await evaluateWorkbook(plain, { now: NOW, dryRun: true });
    if (!ok.ok) throw new Error('must evaluate');
    expect(ok.report.warnings.filter((x) => ['levelMismatch', 'level2NoPrevious', 'level2TooSoon', 'tierMismatch'].includes(x.code))).toEqual([]);

    const wb = ExcelJsWorkbook.create('tinh.xlsx');
    // The sample of a provincial rule set goes to the province: addressed here to the commune's body instead.
    const sample = sampleUnit({ members: 12, presetId: 'tt24-tinh-md1' });
    await createSheets(wb, { ...sample, unit: { ...sample.unit, receiver: 'UBND xã Hòa Bình', receiverTier: 'cấp xã' } });
    const result = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!result.ok) throw new Error('must evaluate');
    const tier = result.report.warnings.find((x) => x.code === 'tierMismatch')!;
    expect(tier).toMatchObject({ sheet: SHEETS.unit, cell: `B${unitRow(wb, UNIT_FIELDS.receiverTier)}` });
    expect(tier.message).toContain('cấp xã');
  });
});

describe('what the unit typed about itself, warned at the cell with what to do', () => {
  function unitRow(wb: ExcelJsWorkbook, label: string): number {
    let found = 0;
    wb.workbook.getWorksheet(SHEETS.unit)!.eachRow((row, r) => {
      if (!found && row.getCell(1).value === label) found = r;
    });
    return found;
  }

  async function warningsAfter(edits: Partial<Record<keyof typeof UNIT_FIELDS, string | number | null>>) {
    const wb = await sampleWorkbook(12);
    const ws = wb.workbook.getWorksheet(SHEETS.unit)!;
    for (const [key, value] of Object.entries(edits)) ws.getCell(unitRow(wb, UNIT_FIELDS[key as keyof typeof UNIT_FIELDS]), 2).value = value;
    const result = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join());
    const at = (key: keyof typeof UNIT_FIELDS) => ({ sheet: SHEETS.unit, cell: `B${unitRow(wb, UNIT_FIELDS[key])}` });
    return { warnings: result.report.warnings, at, report: result.report };
  }

  it('the sample as created has nothing to say', async () => {
    const { warnings } = await warningsAfter({});
    expect(warnings.filter((w) => w.sheet === SHEETS.unit)).toEqual([]);
  });

  it('a blank unit name', async () => {
    const { warnings, at } = await warningsAfter({ name: null });
    const w = warnings.find((x) => x.code === 'unitNameMissing')!;
    expect(w).toMatchObject(at('name'));
    expect(w.message).toContain("'Thông tin đơn vị'!B4");
    expect(w.message).toMatch(/ghi tên đơn vị/i);
  });

  it('a unit name far longer than any unit’s: its length, not its text, is said at its cell', async () => {
    const name = 'Trường Tiểu học ' + 'Nguyễn Du '.repeat(40);
    const { warnings, at } = await warningsAfter({ name });
    const w = warnings.find((x) => x.code === 'unitNameTooLong')!;
    expect(w).toMatchObject(at('name'));
    expect(w.message).toContain("'Thông tin đơn vị'!B4");
    expect(w.message).toContain(String(name.trim().length));
    expect(w.message).not.toContain('Nguyễn Du Nguyễn Du');
    const usual = await warningsAfter({ name: 'Trường Trung học cơ sở và Trung học phổ thông Nguyễn Bỉnh Khiêm, xã Hòa Bình' });
    expect(usual.warnings.find((x) => x.code === 'unitNameTooLong')).toBeUndefined();
  });

  it('a year typed as text, or one no evaluation can be for', async () => {
    for (const year of ['năm 2025', 1800, 2025.5]) {
      const { warnings, at } = await warningsAfter({ year });
      const w = warnings.find((x) => x.code === 'unitYearInvalid')!;
      expect(w).toMatchObject(at('year'));
      expect(w.message).toContain(String(year));
      expect(w.message).toContain('2025');
    }
  });

  it('a unit type not in the list', async () => {
    const { warnings, at } = await warningsAfter({ type: 'Trường cấp 2' });
    const w = warnings.find((x) => x.code.startsWith('unitTypeUnknown'))!;
    expect(w).toMatchObject(at('type'));
    expect(w.message).toContain('Trường cấp 2');
    expect(w.message).toMatch(/chọn .*danh sách/i);
    // Spelled in another case or Unicode form, it is the type in the list.
    const same = await warningsAfter({ type: 'trường thcs'.normalize('NFD') });
    expect(same.warnings.find((x) => x.code.startsWith('unitTypeUnknown'))).toBeUndefined();
  });

  it('a unit type typed short or misspelt: the type offered is the nearest listed one', async () => {
    for (const [typed, example] of [
      ['Mầm non', 'Trường mầm non'],
      ['thcs', 'Trường THCS'],
      ['Trường TH', 'Trường tiểu học'],
      ['TH', 'Trường tiểu học'],
      ['Trường MG', 'Trường mầm non'],
      ['MN', 'Trường mầm non'],
      ['THPT Chuyên', 'Trường THPT'],
      ['GDTX', 'Trung tâm GDNN-GDTX'],
      ['Trường cấp 2', 'Trường THCS'],
      ['Truong tieu hoc', 'Trường tiểu học'],
      ['Trường tiểu hoc', 'Trường tiểu học'],
      ['UBND xã', 'UBND cấp xã'],
    ] as const) {
      const w = (await warningsAfter({ type: typed })).warnings.find((x) => x.code.startsWith('unitTypeUnknown'))!;
      expect({ typed, example: w.message.match(/(?:có lẽ là|probably) “([^”]*)”/)?.[1] }).toEqual({ typed, example });
    }
  });

  it('a unit type not in the list leaves the indicators bound to the type undecided: not evaluable, as a blank type (never “Không áp dụng”)', async () => {
    const { warnings, report, at } = await warningsAfter({ type: 'Trường TH' });
    expect(report.indicators.find((i) => i.code === '3.2b')!.status).toBe('not_evaluable');
    expect(report.outcome.status).toBe('not_evaluable');
    // Said once at the type's cell: the indicators left undecided and the type it likely means, in one warning.
    const atType = warnings.filter((x) => x.cell === at('type').cell && x.sheet === at('type').sheet);
    expect(atType).toHaveLength(1);
    expect(atType[0]!.message).toMatch(/“Trường TH”.*3\.2b chưa đánh giá được.*có lẽ là “Trường tiểu học”/);
  });

  it('a previous recognition date that is no day of the calendar', async () => {
    const { warnings, at } = await warningsAfter({ previousDate: '31/02/2024', previousLevel: 'Mức độ 1' });
    const w = warnings.find((x) => x.code === 'unitDateInvalid')!;
    expect(w).toMatchObject(at('previousDate'));
    expect(w.message).toContain('31/02/2024');
    expect(w.message).toContain('dd/mm/yyyy');
  });
});

describe('a sheet emptied of its rows', () => {
  it('the criteria sheet: the message names the sheet and says how to get it back', async () => {
    const wb = await sampleWorkbook(12);
    const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
    ws.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
    const result = await evaluateWorkbook(wb, { now: NOW });
    expect(result.ok).toBe(false);
    const message = result.problems.map((p) => p.message).join('\n');
    expect(message).toContain('“Tiêu chí”');
    expect(message).toContain('“Mã”');
    expect(message).toMatch(/tạo lại|chép lại/i);
  });
});
