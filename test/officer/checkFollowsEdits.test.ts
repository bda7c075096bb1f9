/**
 * The officer works in the consolidated table: after phoning a unit, corrects its recomputed result
 * (“Kết quả (tính lại)”) or its self-assessment (“Tự đánh giá của đơn vị”). “Thẩm định” said what it
 * said at consolidation time, and the documents kept a unit out for a disagreement the row no longer
 * shows (or proposed one whose row now disagrees). “Thẩm định” is now a formula over the row's own
 * cells (its cached text the same rule worked here, recalculated here by LibreOffice after edits saved
 * by another program), and the documents read the row by the same rule, whether or not the host recalculated.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOfficerDocuments, type OfficerResult } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { columnLetter } from '../../src/workbook/a1';
import { readText } from '../../src/domain/values';
import { t, type Lang } from '../../src/i18n';
import { convert } from '../support/libreoffice';
import { checkCell, checkText, flagFormula, type CheckRow } from '../../src/usecases/consolidate/check';
import { openpyxlSheet } from '../workbook/contract/openpyxlSheet';
import { readParts } from '../support/roundtrip/zipParts';
import { edits, unitWorkbook } from '../consolidate/corpus';
import { COMMUNE, consolidateInto, consolidatedFile, unitsTable } from './batch';
import { openpyxlEdit, openpyxlFills, openpyxlValues } from './openpyxlCells';
import { createFakeExcel } from '../support/fakeExcel';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';

jest.setTimeout(300_000);

const UNITS = CONSOLIDATION_SHEETS.units;
const RECOGNISED = 'Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1';
const NOT_RECOGNISED = 'Chưa đủ điều kiện công nhận';
const OUTCOME = 'Kết quả (tính lại)';
const RECORDED = 'Tự đánh giá của đơn vị';
const CHECK = 'Thẩm định';
const REMARKS = 'Ghi chú';
/** The row's cells “Thẩm định” reads, by their headings (the scores and ratings blank on a TT24 unit's row). */
const CHECK_HEADINGS = { result: OUTCOME, recorded: RECORDED, remarks: REMARKS, score: 'Điểm', recordedScore: 'Điểm tự đánh giá', rating: 'Xếp loại', recordedRating: 'Xếp loại tự đánh giá' } as const;
const checkRefs = (at: (heading: string) => string) => Object.fromEntries(Object.entries(CHECK_HEADINGS).map(([k, h]) => [k, at(h)])) as Record<keyof typeof CHECK_HEADINGS, string>;

const A = 'Trường mầm non Hoa Sen';
const B = 'Trường THCS Nguyễn Du';
const C = 'Trường THCS Chu Văn An';
const D = 'Trường tiểu học Kim Đồng';

let files: { label: string; bytes: Uint8Array }[];
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-check-'));
  files = [
    // Their data fall short, their self-assessments were typed over as recognised: one remark each, the disagreement.
    { label: 'a.xlsx', bytes: await unitWorkbook({ name: A, type: 'Trường mầm non', members: 20, rate: 0.8, seed: 5, edit: edits.outcome(RECOGNISED) }) },
    { label: 'c.xlsx', bytes: await unitWorkbook({ name: C, type: 'Trường THCS', members: 20, rate: 0.8, seed: 6, edit: edits.outcome(RECOGNISED) }) },
    { label: 'd.xlsx', bytes: await unitWorkbook({ name: D, type: 'Trường tiểu học', members: 20, rate: 0.8, seed: 8, edit: edits.outcome(RECOGNISED) }) },
    // Agrees with its data.
    { label: 'b.xlsx', bytes: await unitWorkbook({ name: B, type: 'Trường THCS', members: 20, seed: 1 }) },
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const consolidated = (lang: Lang) => consolidatedFile(files, null, COMMUNE, lang);

/** The table's cells (unitsTable), their values as text. */
async function table(wb: XlsxWorkbook) {
  const cells = await unitsTable(wb);
  return { ...cells, value: (name: string, heading: string) => readText(cells.value(name, heading)) };
}

type Ok = Extract<OfficerResult, { ok: true }>;
async function documents(wb: XlsxWorkbook): Promise<Ok> {
  const r = await generateOfficerDocuments(wb);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe.each(['vi', 'en'] as Lang[])('a table consolidated in %s', (lang) => {
  const recognisedLabel = t(lang, 'consolidate.outcome.recognised', { level: 'mức độ 1' });
  const notRecognisedLabel = t(lang, 'consolidate.outcome.notRecognised');
  const ok = t(lang, 'consolidate.check.ok');
  const review = (count: number) => t(lang, 'consolidate.check.review', { count });
  /**
   * A: the school sent its corrected figures, the officer writes the result they give; B: the officer
   * found B's data wrong and writes “Không đạt”; C: the unit owns it does not meet, its self-assessment
   * corrected; D: its remark deleted, its row left as it is.
   */
  const officerEdits = () => ({
    [A]: { [OUTCOME]: recognisedLabel },
    [B]: { [OUTCOME]: notRecognisedLabel },
    [C]: { [RECORDED]: NOT_RECOGNISED },
    [D]: { [REMARKS]: '' },
  });

  it('as drawn: “Thẩm định” is a formula over the row, its cached text what the consolidation found', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    expect([A, B, C, D].map((n) => cells.isFormula(n, CHECK))).toEqual([true, true, true, true]);
    expect([A, B, C, D].map((n) => cells.value(n, CHECK))).toEqual([review(1), ok, review(1), review(1)]);
  });

  it('as drawn: “Thẩm định” is one formula filled down its column (a shared formula), and a row to review is coloured by a rule on it, not by a fill that would stay', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    const bytes = await wb.toBytes();
    const column = cells.at(A, CHECK).replace(/\d+$/, '');
    const rows = [A, B, C, D].map((n) => Number(cells.at(n, CHECK).replace(/^[A-Z]+/, ''))).sort((a, b) => a - b);
    const range = `${column}${rows[0]}:${column}${rows[rows.length - 1]}`;
    const xml = unitsSheetXml(bytes);
    expect(xml.match(/<f t="shared" ref="[^"]+" si="\d+">/g)?.filter((f) => f.includes(`ref="${range}"`))).toHaveLength(1);
    expect(openpyxlSheet(bytes, UNITS).conditionalFormats).toEqual([{ range, formula: flagFormula(`${column}${rows[0]}`, lang).slice(1), fill: 'FFFCE4D6', bold: true, fontColor: null }]);
    // No static fill on the cells themselves: it would outlive the officer's edits.
    expect(openpyxlFills(file(bytes), UNITS, [A, B, C, D].map((n) => cells.at(n, CHECK)))).toEqual([null, null, null, null]);
  });

  it('inside Excel: “Thẩm định” written once and copied down its column, each row’s formula on its own cells, the rows to review coloured by a rule on it', async () => {
    const excel = createFakeExcel();
    await consolidateInto(new OfficeWorkbook(excel.run, excel.supports), files, null, COMMUNE, lang);
    const sheet = excel.sheet(UNITS);
    const cell = (r: number, c: number) => sheet.rows[r - 1]?.[c - 1];
    const heading = (h: string) => sheet.rows[4]!.findIndex((x) => x?.value === h) + 1;
    const at = (r: number, h: string) => `${columnLetter(heading(h))}${r}`;
    const rows = [6, 7, 8, 9];
    expect(rows.map((r) => cell(r, heading(CHECK))?.formula)).toEqual(rows.map((r) => checkCell(checkRefs((h) => at(r, h)), { result: '', recorded: '', remarks: '' }, lang).formula));
    expect(sheet.conditionalFormats).toEqual([{ address: `${at(6, CHECK)}:${at(9, CHECK)}`, type: 'Custom', formula: flagFormula(at(6, CHECK), lang), fill: '#FCE4D6', bold: true }]);
    // The colour is the rule's only: no cell of the table is filled with it.
    expect(sheet.formats.filter((f) => f.key === 'fill.color' && f.value === '#FCE4D6')).toEqual([]);
  });

  it('the officer’s documents follow the edited row, not the remark it no longer bears out', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    const recordedB = cells.value(B, RECORDED);
    await wb.batch(async (s) => {
      for (const [name, values] of Object.entries(officerEdits())) {
        for (const [heading, value] of Object.entries(values)) s.write({ sheet: UNITS, mode: 'existing', cells: [{ at: cells.at(name, heading), rows: [[value === '' ? null : value]] }] });
      }
    });
    const r = await documents(wb);
    const unit = (name: string) => r.units.find((u) => u.name === name)!;
    // A: result and self-assessment agree now; its only remark, the disagreement, no longer stands.
    expect(unit(A)).toMatchObject({ level: 1, reasons: [] });
    // B: the row disagrees now: kept out for it, in the table's words.
    expect(unit(B)).toMatchObject({ level: null, reasons: [t(lang, 'officer.finding.outcome', { recorded: recordedB, computed: notRecognisedLabel })] });
    // C: both say it does not meet: no disagreement left, kept out by its result.
    expect(unit(C)).toMatchObject({ level: null, reasons: [] });
    expect(unit(C).why).toContain(notRecognisedLabel);
    // D: its remark deleted, its row still disagreeing: the row's own cells keep it out, as its check says.
    expect(unit(D)).toMatchObject({ level: null, reasons: [t(lang, 'officer.finding.outcome', { recorded: RECOGNISED, computed: cells.value(D, OUTCOME) })] });
  });

  it('recalculated by LibreOffice after edits saved by another program, “Thẩm định” says what the documents read', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    const file = path.join(dir, `tong-hop-${lang}.xlsx`);
    fs.writeFileSync(file, await wb.toBytes());
    const edited = path.join(dir, `sua-${lang}.xlsx`);
    const spec = Object.entries(officerEdits()).flatMap(([name, values]) => Object.entries(values).map(([heading, value]) => [cells.at(name, heading), value]));
    // Rows of every shape the rule meets below the table, each with the check's formula on its own cells.
    const shapeAt = (i: number, heading: string) => cells.at(A, heading).replace(/\d+$/, String(200 + i));
    const shapeRefs = (i: number) => checkRefs((h) => shapeAt(i, h));
    // The conditional format's formula on each unit's row, in a spare column.
    const flagAt = (name: string) => cells.at(name, CHECK).replace(/^[A-Z]+/, 'ZZ');
    for (const name of [A, B, C, D]) spec.push([flagAt(name), flagFormula(cells.at(name, CHECK), lang)]);
    SHAPES.forEach((row, i) => {
      spec.push([shapeRefs(i).result, row.result], [shapeRefs(i).recorded, row.recorded], [shapeRefs(i).remarks, row.remarks]);
      spec.push([shapeAt(i, CHECK), checkCell(shapeRefs(i), row, lang).formula]);
    });
    // openpyxl keeps no formula's cached result: LibreOffice computes every one on opening (the unedited file too).
    const unedited = path.join(dir, `sans-${lang}.xlsx`);
    openpyxlEdit(file, UNITS, [], unedited);
    openpyxlEdit(file, UNITS, spec, edited);
    const [asDrawn, afterEdits] = await Promise.all([convert(unedited, 'xlsx', path.join(dir, `lo-drawn-${lang}`)), convert(edited, 'xlsx', path.join(dir, `lo-edited-${lang}`))]);
    const checks = [A, B, C, D].map((n) => cells.at(n, CHECK));
    // Unedited, LibreOffice finds what the consolidation cached.
    expect(read(asDrawn, checks)).toEqual([A, B, C, D].map((n) => cells.value(n, CHECK)));
    expect(read(afterEdits, checks)).toEqual([ok, review(1), ok, review(1)]);
    // The colouring rule, worked by LibreOffice on each edited row as its conditional format is: the rows still to review.
    expect(read(afterEdits, [A, B, C, D].map((n) => flagAt(n)))).toEqual([false, true, false, true]);
    const shapes = read(afterEdits, SHAPES.map((_, i) => shapeAt(i, CHECK)));
    expect(shapes).toEqual(SHAPES.map((row) => checkText(row, lang)));
    expect(shapes).toEqual([ok, ok, review(1), review(2), review(1), ok, review(1), ok, ok, review(1), review(1)]);
  });
});

const read = (f: string, at: string[]) => openpyxlValues(f, UNITS, at);
let saved = 0;
/** The bytes saved to a file of the test's folder. */
function file(bytes: Uint8Array): string {
  const f = path.join(dir, `saved-${saved++}.xlsx`);
  fs.writeFileSync(f, bytes);
  return f;
}

/** The units sheet's XML: the sheet whose heading row holds “Thẩm định”. */
function unitsSheetXml(bytes: Uint8Array): string {
  const sheets = [...readParts(bytes)].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, p]) => p.data.toString('utf8'));
  return sheets.find((x) => x.includes(`<t>${CHECK}</t>`))!;
}

/** Rows of every shape: the words in other cases and spacing, unknown words, blank lines, either language. */
const SHAPES: CheckRow[] = [
  { result: 'Đạt mức độ 1', recorded: RECOGNISED, remarks: '' },
  // Agree, whatever the case and spacing: the disagreement's remark no longer counts.
  { result: '  đạt   mức độ 1 ', recorded: 'đủ điều kiện CÔNG NHẬN mức độ 1', remarks: '• Kết quả tự đánh giá ghi “x” (ô B20) nhưng tính lại: “y”' },
  // Disagree with no remark: one.
  { result: 'Không đạt', recorded: RECOGNISED, remarks: '' },
  // A self-assessment typed “Đạt”: not a word of the unit's, it decides nothing.
  { result: 'Không đạt', recorded: 'Đạt', remarks: '• a\n• b' },
  // Ratings (TT22): the remarks alone.
  { result: 'Xếp loại Khá', recorded: 'Xếp loại Tốt', remarks: '• a' },
  // Line breaks alone are no remark.
  { result: 'Chưa đánh giá được', recorded: 'Chưa đánh giá được', remarks: '\n\n' },
  // A held recognition agrees with a recognised result; the remark named after its file.
  { result: 'Đạt', recorded: 'Đạt các tiêu chí, chỉ tiêu mức độ 2 nhưng chưa đủ thời gian', remarks: '• Tệp “a.xlsx”: Kết quả tự đánh giá ghi “x” nhưng tính lại: “y”\n• khác' },
  { result: 'Does not meet', recorded: NOT_RECOGNISED, remarks: '' },
  { result: '', recorded: '', remarks: '' },
  // Disagree, its remark (in English) standing: counted once.
  { result: 'Meets level 1', recorded: NOT_RECOGNISED, remarks: '• The recorded self-assessment says “x” but recomputed: “y”' },
  // An officer's note alone counts, as the remarks do.
  { result: 'Không đạt', recorded: NOT_RECOGNISED, remarks: 'Đã gọi điện cho đơn vị.' },
];

