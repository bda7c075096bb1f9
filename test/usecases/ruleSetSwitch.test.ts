/**
 * switchRuleSet on the tests' ExcelJS workbook: which answers follow their code and which are
 * dropped (and why), what a dry run (the pane's confirmation) says without writing, and that a
 * workbook switched twice without an evaluation between is not said to have lost results.
 * Then, in the file host and inside Excel: a shorter set leaves below its table what a sheet
 * drawn fresh has there, nothing of the old table.
 */
import { execFileSync } from 'child_process';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel, type FakeSheet } from '../support/fakeExcel';
import { columnLetter, parseRange } from '../../src/workbook/a1';
import type { Workbook } from '../../src/workbook/port';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { droppedText, movedText, switchRuleSet } from '../../src/usecases/ruleSetSwitch';
import { sampleUnit } from '../../src/usecases/sampleData';
import { findPreset } from '../../src/domain/rules/presets';
import type { RuleSet } from '../../src/domain/rules/ruleSet';
import { COL, readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';

async function unitWorkbook(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  return wb;
}

async function criteria(wb: ExcelJsWorkbook) {
  return wb.batch(async (s) => readCriteriaSheet((await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!));
}

/** Types an answer and its evidence on the indicator's row of “Tiêu chí”. */
async function setAnswer(wb: ExcelJsWorkbook, code: string, answer: string, evidence: string): Promise<void> {
  const row = (await criteria(wb)).rows.find((r) => r.code === code)!.row;
  await wb.batch(async (s) => s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: `${columnLetter(COL.answer)}${row}`, rows: [[answer]] }, { at: `${columnLetter(COL.evidence)}${row}`, rows: [[evidence]] }] }));
}

/** Level 2, where the unit's own answer 1.1 is counted from the members instead. */
function countedOneOne(): RuleSet {
  const md2 = findPreset('tt24-co-so-md2')!;
  return { ...md2, id: 'md2-1.1-dem', indicators: md2.indicators.map((i) => (i.code === '1.1' ? { ...i, measure: { kind: 'members', condition: '[Họ và tên] <> ""' }, threshold: 0.5 } : i)) };
}

describe('switchRuleSet', () => {
  it('drops an answer whose indicator the new set counts itself, saying why; the others follow their indicator', async () => {
    const wb = await unitWorkbook();
    const r = await switchRuleSet(wb, countedOneOne());
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
    // 3.4 of level 1 is “Tập thể lao động tiên tiến”, of level 2 “Tập thể lao động xuất sắc”: the unit's “Đạt” for the one says nothing of the other.
    expect(r.dropped).toEqual([
      { code: '1.1', answer: 'Đạt', evidence: '', reason: 'computed' },
      { code: '3.4', answer: 'Đạt', evidence: 'Hồ sơ lưu tại văn phòng', reason: 'reworded', asks: 'Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc” trở lên' },
    ]);
    expect(r.kept).toEqual(expect.arrayContaining(['1.1', '1.2', '1.5', '3.3']));
    expect(r.kept).not.toContain('3.4');
    const after = await criteria(wb);
    expect(after.ruleSet.id).toBe('md2-1.1-dem');
    expect(Object.fromEntries(Object.entries(after.answers).map(([code, a]) => [code, a.value]))).toEqual({ '1.2': 'Đạt', '1.3': 'Đạt', '1.4': 'Đạt', '1.5': 'Đạt', '3.3': 'Đạt', '3.4': null });
    expect(droppedText('vi', r.dropped[1]!)).toBe('chỉ tiêu 3.4 (“Đạt”; “Hồ sơ lưu tại văn phòng”): chỉ tiêu 3.4 của bộ mới có nội dung khác (Đơn vị đạt danh hiệu “Tập thể lao động xuất sắc” trở lên), hãy trả lời lại');
  });

  it('carries an answer to the indicator of the same text under another code, and says so', async () => {
    const wb = await unitWorkbook();
    await setAnswer(wb, '3.4', 'Đạt', 'QĐ khen thưởng số 12/QĐ-UBND');
    // Level 1 of the district (3.4 “Tập thể lao động tiên tiến”) → level 1 of the province (there it is 3.3).
    const r = await switchRuleSet(wb, findPreset('tt24-tinh-md1')!);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
    expect(r.moved).toEqual([{ from: '3.4', to: '3.3' }]);
    const after = await criteria(wb);
    expect(after.answers['3.3']?.value).toBe('Đạt');
    const row = after.rows.find((x) => x.code === '3.3')!.row;
    const sheet = await wb.batch(async (s) => (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!);
    expect(sheet.rows[row - 1]![COL.evidence - 1]).toBe('QĐ khen thưởng số 12/QĐ-UBND');
    // The province's 3.4 (digital transformation) and 3.1 (counted from the members) get no answer of another indicator.
    expect(after.answers['3.4']?.value).toBeNull();
    expect(r.dropped.map((d) => [d.code, d.reason])).toEqual([['3.3', 'reworded']]);
    expect(movedText('vi', r.moved)).toBe('Câu trả lời và minh chứng đi theo nội dung chỉ tiêu, không theo mã: chỉ tiêu 3.4 → 3.3.');
  });

  it('a dry run says what would be dropped and writes nothing; no answer goes to an indicator that asks something else', async () => {
    const wb = await unitWorkbook();
    const before = await criteria(wb);
    const r = await switchRuleSet(wb, findPreset('tt22-100')!, { dryRun: true });
    // Thông tư 22/2020's indicators share codes with Thông tư 24/2023's, none their text.
    expect(r.ok && r.dropped.map((d) => `${d.code} ${d.reason}`)).toEqual(['1.1 reworded', '1.2 reworded', '1.3 reworded', '1.4 missing', '1.5 missing', '3.3 reworded', '3.4 missing']);
    expect(r.ok && r.kept).toEqual([]);
    expect(await criteria(wb)).toEqual(before);
  });

  it('says results were cleared only when an evaluation had written some', async () => {
    const wb = await unitWorkbook();
    expect((await evaluateWorkbook(wb)).ok).toBe(true);
    const first = await switchRuleSet(wb, findPreset('tt24-co-so-md2')!);
    expect(first.ok && first.resultsCleared).toBe(true);
    const second = await switchRuleSet(wb, findPreset('tt24-tinh-md2')!);
    expect(second.ok && second.resultsCleared).toBe(false);
    expect(second.ok && second.from.id).toBe('tt24-co-so-md2');
  });
});

/** Level 1 with its first criterion only: a table 11 rows shorter than the preset's. */
function firstCriterionOnly(): RuleSet {
  const md1 = findPreset('tt24-co-so-md1')!;
  return { ...md1, id: 'md1-tc1', criteria: md1.criteria.slice(0, 1), indicators: md1.indicators.filter((i) => i.code.startsWith('1.')) };
}

/** The last row of the drawn table, and the last the old (longer) one had. */
async function tableEnd(wb: Workbook): Promise<number> {
  return wb.batch(async (s) => {
    const parsed = readCriteriaSheet((await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!);
    return parsed.rows.at(-1)!.row;
  });
}

/** A unit evaluated under level 1, a note of the user's beside the table's last rows (column R), switched to the shorter set. */
async function switchedToShorter(wb: Workbook): Promise<{ oldEnd: number; newEnd: number }> {
  await createSheets(wb, sampleUnit({ members: 12 }));
  expect((await evaluateWorkbook(wb)).ok).toBe(true);
  const oldEnd = await tableEnd(wb);
  await wb.batch(async (s) => s.write({ sheet: SHEETS.criteria, mode: 'existing', cells: [{ at: `R${oldEnd}`, rows: [['Ghi chú của trường']] }] }));
  const r = await switchRuleSet(wb, firstCriterionOnly());
  expect(r.ok).toBe(true);
  return { oldEnd, newEnd: await tableEnd(wb) };
}

/** Each cell of these ranges ("I17:I72"), sorted. */
function cellsOf(ranges: string[]): string[] {
  const out: string[] = [];
  for (const range of ranges) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(`${col}:${row}`);
  }
  return out.sort();
}

/** What openpyxl finds in "Tiêu chí" below `from`, columns A–P: rows' own heights, cells with a value or a format; and every list-validated cell. */
function fileBelow(bytes: Uint8Array, from: number): { heights: Record<string, number>; cells: string[]; validated: string[] } {
  const py = `
import io, sys, json, openpyxl
ws = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))[sys.argv[1]]
start = int(sys.argv[2])
heights = {str(r): d.ht for r, d in ws.row_dimensions.items() if r >= start and d.ht is not None}
cells = sorted(c.coordinate for row in ws.iter_rows(min_row=start, max_col=16) for c in row if c.value is not None or c.has_style)
print(json.dumps({'heights': heights, 'cells': cells, 'ranges': [p for v in ws.data_validations.dataValidation for p in str(v.sqref).split()]}))
`;
  const o = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, SHEETS.criteria, String(from)], { input: bytes, encoding: 'utf8' })) as { heights: Record<string, number>; cells: string[]; ranges: string[] };
  return { heights: o.heights, cells: o.cells, validated: cellsOf(o.ranges) };
}

/** The same inside Excel (the fake): values and heights below `from` in A–P, validated cells. */
function excelBelow(sheet: FakeSheet, from: number): { values: string[]; heights: number[]; validated: string[] } {
  const values = sheet.rows.flatMap((line, r) => (r + 1 < from ? [] : (line ?? []).slice(0, 16).flatMap((c, i) => (c && c.value !== '' && c.value !== null ? [`${i + 1}:${r + 1}`] : []))));
  return { values, heights: [...sheet.rowHeights.keys()].filter((r) => r >= from), validated: cellsOf(sheet.validations.map((v) => v.address)) };
}

describe('switchRuleSet to a shorter set', () => {
  it('in a file: below the new table, what a fresh sheet has there (no old heights, answer list, values or formats); the user’s column R kept', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    const { oldEnd, newEnd } = await switchedToShorter(wb);
    expect(oldEnd - newEnd).toBe(11);
    const fresh = await XlsxWorkbook.create('moi.xlsx', NODE_XLSX);
    await createSheets(fresh, { ...sampleUnit({ members: 12 }), ruleSet: firstCriterionOnly() });
    const switched = fileBelow(await wb.toBytes(), newEnd + 1);
    const drawn = fileBelow(await fresh.toBytes(), newEnd + 1);
    // The row of the user's note still holds text: a file, which cannot measure it, keeps its height.
    delete switched.heights[String(oldEnd)];
    expect(switched).toEqual(drawn);
    const after = await wb.batch(async (s) => (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!);
    expect(after.rows[oldEnd - 1]![17]).toBe('Ghi chú của trường');
  });

  it('inside Excel: below the new table, no old value, height or answer list; the user’s column R kept', async () => {
    const excel = createFakeExcel();
    const { oldEnd, newEnd } = await switchedToShorter(new OfficeWorkbook(excel.run, excel.supports));
    const fresh = createFakeExcel();
    await createSheets(new OfficeWorkbook(fresh.run, fresh.supports), { ...sampleUnit({ members: 12 }), ruleSet: firstCriterionOnly() });
    expect(excelBelow(excel.sheet(SHEETS.criteria), newEnd + 1)).toEqual(excelBelow(fresh.sheet(SHEETS.criteria), newEnd + 1));
    expect(excel.sheet(SHEETS.criteria).rows[oldEnd - 1]![17]!.value).toBe('Ghi chú của trường');
  });
});
