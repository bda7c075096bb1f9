/**
 * What a school clerk types and how `evaluate` reads it (a tester's pass as a clerk): both
 * correct spellings of a title (sĩ / sỹ), crosses for "no", a decimal comma, learner figures
 * and a blank requirement — each counted as the sheet's formulas count it, or said with what to write.
 */
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook, rewordResult } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { COL } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { readYesNo, type CellValue } from '../../src/domain/values';
import { cellAddress } from '../../src/workbook/a1';
import { MemoryWorkbook } from '../property/memoryWorkbook';

const NOW = new Date(Date.UTC(2025, 11, 20));
const colOf = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

async function workbook(members = 20): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createSheets(wb, sampleUnit({ members }));
  return wb;
}

/** Index of the first member row in "Thành viên" (0-based), below the header. */
function firstMember(wb: MemoryWorkbook): number {
  const rows = wb.rows(SHEETS.members);
  return rows.findIndex((r) => r[colOf('name')] === MEMBER_FIELDS[colOf('name')]!.header) + 1;
}

async function run(wb: MemoryWorkbook, dryRun = true) {
  const r = await evaluateWorkbook(wb, { now: NOW, dryRun });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

describe('a title in its other correct spelling (sỹ for sĩ)', () => {
  it('counts as the title for 3.1, with no warning, and the sheet formulas list it too', async () => {
    const typed = async (title: string) => {
      const wb = await workbook();
      const rows = wb.rows(SHEETS.members);
      const first = firstMember(wb);
      for (let i = 0; i < 3; i++) rows[first + i]![colOf('emulationTitle')] = title;
      return { wb, r: await run(wb, false) };
    };
    const si = await typed('Chiến sĩ thi đua cơ sở');
    const sy = await typed('Chiến sỹ thi đua cơ sở');
    const nfd = await typed('Chiến sỹ thi đua cơ sở'.normalize('NFD'));
    const of = (r: Awaited<ReturnType<typeof run>>) => r.report.indicators.find((i) => i.code === '3.1')!;
    expect(of(sy.r).numerator).toBe(of(si.r).numerator);
    expect(of(nfd.r).numerator).toBe(of(si.r).numerator);
    for (const r of [sy.r, nfd.r]) expect(r.report.warnings.filter((w) => w.code === 'unknownTitle')).toEqual([]);
    // The members' formulas match against the lists of "Danh mục": both spellings, both Unicode forms.
    const listed = sy.wb.rows(SHEETS.lists).flat();
    for (const s of ['Chiến sỹ thi đua cơ sở', 'Chiến sĩ thi đua cơ sở']) {
      expect(listed).toContain(s.normalize('NFC'));
      expect(listed).toContain(s.normalize('NFD'));
    }
  });
});

describe('a title the import would read, typed without diacritics', () => {
  it('says which title it looks like and to write it so', async () => {
    const wb = await workbook();
    wb.rows(SHEETS.members)[firstMember(wb)]![colOf('emulationTitle')] = 'lao dong tien tien';
    const w = (await run(wb)).report.warnings.find((x) => x.code === 'titleSpelling')!;
    expect(w.message).toContain('“lao dong tien tien”');
    expect(w.message).toContain('ghi là “Lao động tiên tiến”');
  });
});

describe('crosses for "no"', () => {
  it.each(['✗', '✘', '×'])('%j reads as no, as ✓ reads as yes', (v) => {
    expect(readYesNo(v)).toBe('no');
    expect(readYesNo('✓')).toBe('yes');
  });
  it('a cross in a yes/no column is no warning, and counts as not met', async () => {
    const wb = await workbook();
    wb.rows(SHEETS.members)[firstMember(wb)]![colOf('discipline')] = '✗';
    const r = await run(wb);
    expect(r.report.warnings.filter((w) => w.code === 'ambiguousYesNo')).toEqual([]);
  });
});

describe('a yes/no typed without diacritics', () => {
  it('is said with what to write, and where a unit adds its own spellings', async () => {
    const wb = await workbook();
    wb.rows(SHEETS.members)[firstMember(wb)]![colOf('discipline')] = 'co';
    const w = (await run(wb)).report.warnings.find((x) => x.code === 'ambiguousYesNo')!;
    expect(w.message).toContain('“co”');
    expect(w.message).toContain(`“${SHEETS.lists}”`);
  });
});

describe('a score with a decimal comma stored as text', () => {
  it('asks to type it again as a number, never prescribes the dot', async () => {
    const wb = await workbook();
    wb.rows(SHEETS.members)[firstMember(wb)]![colOf('cdhtScore')] = '85,5';
    const w = (await run(wb)).report.warnings.find((x) => x.code === 'invalidNumber')!;
    expect(w.message).toContain('“85,5”');
    expect(w.message).not.toMatch(/dấu chấm/);
    expect(w.message).toMatch(/dạng chữ/);
  });
});

describe('learner figures that are no whole number', () => {
  it('are shown the Vietnamese way in Vietnamese (0,97), the English way in English', async () => {
    const wb = await workbook();
    const rows = wb.rows(SHEETS.learners);
    const r = rows.findIndex((row, i) => i > 2 && typeof row[2] === 'number');
    rows[r]![2] = 0.97;
    const result = await run(wb);
    const w = result.report.warnings.find((x) => x.code === 'learnerCountInvalid')!;
    expect(w.message).toContain('“0,97”');
    const en = rewordResult(result, 'en');
    if (!en.ok) throw new Error('must evaluate');
    expect(en.report.warnings.find((x) => x.code === 'learnerCountInvalid')!.message).toContain('0.97');
  });
});

describe('a blank requirement in "Tiêu chí"', () => {
  it('is said to be blank, with what to write', async () => {
    const wb = await workbook();
    const rows = wb.rows(SHEETS.criteria);
    const r = rows.findIndex((row) => row[0] === '2.1');
    rows[r]![COL.threshold - 1] = null as CellValue;
    const result = await evaluateWorkbook(wb, { now: NOW, dryRun: true });
    expect(result.ok).toBe(false);
    const p = result.problems.find((x) => x.cell === cellAddress(r + 1, COL.threshold))!;
    expect(p.message).toContain('còn trống');
    expect(p.message).not.toContain('“”');
    expect(p.message).toMatch(/ví dụ 90%/);
  });
});
