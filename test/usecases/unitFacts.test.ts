/**
 * The pane's forms (unit answers, learner counts, evaluating body) through the use-case, on
 * Excel (the counting fake of the Excel API) and on a file (the package writer): the same
 * cells typing would fill, one batch, nothing else changed.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { CellValue, Workbook } from '../../src/workbook/port';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';
import { readUnitFacts, saveUnitFacts, checkLearners, type UnitFacts } from '../../src/usecases/unitFacts';
import { SHEETS } from '../../src/sheets/names';
import { DOCUMENT_SHEETS } from '../../src/documents/names';
import { createFakeExcel } from '../support/fakeExcel';
import { sheetRows } from '../support/fakePaneHost';

interface Subject {
  workbook: Workbook;
  batches(): number;
}

const HOSTS: [string, () => Promise<Subject>][] = [
  [
    'Office.js (fake Excel)',
    async () => {
      const excel = createFakeExcel();
      let runs = 0;
      const wb = new OfficeWorkbook(async (f) => (runs++, excel.run(f)), excel.supports);
      return { workbook: wb, batches: () => runs };
    },
  ],
  [
    'file (package writer)',
    async () => {
      const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
      let runs = 0;
      const batch = wb.batch.bind(wb);
      wb.batch = (work) => (runs++, batch(work));
      return { workbook: wb, batches: () => runs };
    },
  ],
];

type Rows = CellValue[][];
const snapshot = async (wb: Workbook) => {
  const out: Record<string, Rows | null> = {};
  for (const s of [SHEETS.unit, SHEETS.criteria, SHEETS.members, SHEETS.learners, SHEETS.lists]) out[s] = await sheetRows(wb, s);
  return out;
};
/** Cells that differ between two reads of a sheet, as "A1" → [before, after]. */
function diff(before: Rows | null, after: Rows | null): Record<string, [CellValue, CellValue]> {
  const out: Record<string, [CellValue, CellValue]> = {};
  const rows = Math.max(before?.length ?? 0, after?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before?.[r]?.length ?? 0, after?.[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const a = before?.[r]?.[c] ?? null;
      const b = after?.[r]?.[c] ?? null;
      if (a !== b && !(a === '' && b === null) && !(a === null && b === '')) out[`${String.fromCharCode(65 + c)}${r + 1}`] = [a, b];
    }
  }
  return out;
}

describe.each(HOSTS)('unit facts on %s', (_name, open) => {
  let subject: Subject;
  let wb: Workbook;
  beforeEach(async () => {
    subject = await open();
    wb = subject.workbook;
    // The sample without answers and without learners: what a new school starts from. A private
    // school, so that the state budget (1.3) does not concern it and “Không áp dụng” is its answer.
    const sample = sampleUnit({ members: 30 });
    await createSheets(wb, { ...sample, unit: { ...sample.unit, isPublic: false }, answers: {}, learners: [] });
  });

  it('reads the blank answers, no learner lines and the default evaluating body', async () => {
    const read = await readUnitFacts(wb);
    if (!read.ok) throw new Error('must read');
    expect(read.facts.facts.map((f) => f.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '3.3', '3.4']);
    expect(read.facts.facts.every((f) => f.answer === '' && f.evidence === '')).toBe(true);
    // Whether each applies to the unit (its “Áp dụng cho”): the state budget does not concern a private school.
    expect(read.facts.facts.filter((f) => f.applies !== true).map((f) => [f.code, f.applies])).toEqual([['1.3', false]]);
    expect(read.facts.learners).toEqual([]);
    expect(read.facts.evaluatingBody).toBe('Tổ đánh giá');
    // The default's first line names the head typed in "Thông tin đơn vị"; the others are blank.
    expect(read.facts.evaluators[0]).toMatchObject({ role: 'Tổ trưởng' });
    expect(read.facts.evaluators[0]!.name).not.toBe('');
    expect(read.facts.evaluators.slice(1)).toEqual([
      { name: '', title: '', role: 'Thư ký' },
      { name: '', title: '', role: 'Thành viên' },
    ]);
  });

  it('a type off the list (“Trường TH”) leaves what hangs on the type untold, as evaluate does, never “Không áp dụng”', async () => {
    const fresh = (await open()).workbook;
    const sample = sampleUnit({ members: 30 });
    await createSheets(fresh, { ...sample, unit: { ...sample.unit, type: 'Trường TH', isPublic: false }, answers: {}, learners: [] });
    const read = await readUnitFacts(fresh);
    if (!read.ok) throw new Error('must read');
    expect(read.facts.facts.filter((f) => f.applies !== true).map((f) => [f.code, f.applies])).toEqual([['1.3', null]]);
  });

  it('writes answers, evidence and learner counts to the cells typing would, in one batch; nothing else changes; the school then passes', async () => {
    const read = await readUnitFacts(wb);
    if (!read.ok) throw new Error('must read');
    const before = await snapshot(wb);
    const batches = subject.batches();
    const facts: UnitFacts['facts'] = read.facts.facts.map((f) => ({ ...f, answer: f.code === '1.3' ? 'not_applicable' : 'met', evidence: f.code === '1.1' ? 'Kế hoạch số 12/KH-THCS' : '' }));
    const learners = [
      { label: '6A', headcount: '40', cdht: '39' },
      { label: '6B', headcount: ' 38 ', cdht: '38' },
    ];
    const saved = await saveUnitFacts(wb, { facts, learners });
    expect(saved.ok).toBe(true);
    expect(subject.batches() - batches).toBe(1);
    const after = await snapshot(wb);
    const criteria = diff(before[SHEETS.criteria]!, after[SHEETS.criteria]!);
    // Only columns I and J of the seven unit-level rows.
    expect(Object.keys(criteria).every((a) => /^[IJ]\d+$/.test(a))).toBe(true);
    expect(Object.values(criteria).map(([, v]) => v).sort()).toEqual(['Không áp dụng', 'Kế hoạch số 12/KH-THCS', 'Đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt', 'Đạt'].sort());
    const learnerCells = diff(before[SHEETS.learners]!, after[SHEETS.learners]!);
    expect(learnerCells).toEqual({ B5: [null, '6A'], C5: [null, 40], D5: [null, 39], B6: [null, '6B'], C6: [null, 38], D6: [null, 38] });
    for (const s of [SHEETS.unit, SHEETS.members, SHEETS.lists]) expect(diff(before[s]!, after[s]!)).toEqual({});

    // Read back as the form shows it.
    const again = await readUnitFacts(wb);
    if (!again.ok) throw new Error('must read');
    expect(again.facts.facts.find((f) => f.code === '1.3')!.answer).toBe('not_applicable');
    expect(again.facts.learners).toEqual([
      { label: '6A', headcount: '40', cdht: '39' },
      { label: '6B', headcount: '38', cdht: '38' },
    ]);
    const evaluated = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20)) });
    if (!evaluated.ok) throw new Error('must evaluate');
    expect(evaluated.report.indicators.find((i) => i.code === '1.3')!.status).toBe('not_applicable');
    expect(evaluated.report.outcome.status).toBe('recognised');

    // Saving the same again writes nothing.
    const same = await saveUnitFacts(wb, { facts, learners });
    expect(same).toMatchObject({ ok: true, written: 0 });
  });

  it('counts the cells the form changed, not the "Mẫu văn bản" sheet drawn to hold the evaluating body', async () => {
    const read = await readUnitFacts(wb);
    if (!read.ok) throw new Error('must read');
    const facts: UnitFacts['facts'] = read.facts.facts.map((f) => ({ ...f, answer: 'met' }));
    const evaluators = read.facts.evaluators.map((e) => (e.role === 'Thư ký' ? { ...e, name: 'Trần Thu Hà' } : e));
    // Seven answers and the one cell that holds the members; the sheet's defaults are not the clerk's.
    expect(await saveUnitFacts(wb, { facts, evaluators })).toMatchObject({ ok: true, written: facts.length + 1 });
    const again = await readUnitFacts(wb);
    expect(again.ok && again.facts.evaluators).toEqual(evaluators);
    const evidence = facts.map((f, i) => (i === 0 ? { ...f, evidence: 'Biên bản số 3/BB' } : f));
    expect(await saveUnitFacts(wb, { facts: evidence, evaluators })).toMatchObject({ ok: true, written: 1 });
  });

  it('a wrong learner line is refused with its line and field, and nothing is written', async () => {
    const before = await snapshot(wb);
    const saved = await saveUnitFacts(wb, { learners: [{ label: '6A', headcount: '40', cdht: '41' }, { label: '6B', headcount: '3,5', cdht: '' }] });
    expect(saved).toEqual({
      ok: false,
      problems: [],
      learnerIssues: [
        { line: 0, field: 'cdht', code: 'moreThanHeadcount' },
        { line: 1, field: 'headcount', code: 'notAWholeNumber' },
        { line: 1, field: 'cdht', code: 'missing' },
      ],
    });
    expect(await snapshot(wb)).toEqual(before);
  });

  it('the evaluating body typed once in the pane is what the Quyết định prints', async () => {
    const members = [
      { name: 'Nguyễn Văn An', title: 'Hiệu trưởng', role: 'Tổ trưởng' },
      { name: 'Lê Thị Bình', title: 'Phó Hiệu trưởng', role: 'Phó Tổ trưởng' },
      { name: 'Trần Thu Hà', title: 'Văn thư', role: 'Thư ký' },
    ];
    expect(await saveUnitFacts(wb, { evaluators: members })).toMatchObject({ ok: true });
    const read = await readUnitFacts(wb);
    expect(read.ok && read.facts.evaluators).toEqual(members);
    const evaluated = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20)) });
    expect(evaluated.ok).toBe(true);
    expect((await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok).toBe(true);
    const printed = JSON.stringify(await sheetRows(wb, DOCUMENT_SHEETS.quyetDinh));
    for (const m of members) expect(printed).toContain(m.name);
    // The template sheet holds the members once; generating again keeps them.
    await saveUnitFacts(wb, { evaluators: [...members.slice(0, 2)] });
    expect((await generateDocuments(wb, { kinds: ['quyet-dinh'] })).ok).toBe(true);
    const again = JSON.stringify(await sheetRows(wb, DOCUMENT_SHEETS.quyetDinh));
    expect(again).toContain('Lê Thị Bình');
    expect(again).not.toContain('Trần Thu Hà');
  });
});

describe('learner lines', () => {
  it('blank lines are dropped, not refused', () => {
    expect(checkLearners([{ label: '', headcount: ' ', cdht: '' }])).toEqual([]);
  });
});

describe('a workbook without "Tiêu chí"', () => {
  it('is refused with the missing sheet named', async () => {
    const wb = await XlsxWorkbook.create('trong.xlsx', NODE_XLSX);
    expect(await readUnitFacts(wb)).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'missingSheet', params: { sheet: SHEETS.criteria } })] });
  });
});
