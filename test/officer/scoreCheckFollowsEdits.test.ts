/**
 * A TT22 unit (100-point score, Tốt/Khá/Trung bình/Chưa đạt) in the consolidated table: its row holds the
 * unit's recorded score and rating (“Điểm tự đánh giá”, “Xếp loại tự đánh giá”) beside the recomputed ones,
 * so “Thẩm định” re-checks a score disagreement from the row itself, as it does a TT24 unit's self-assessment:
 * the officer who corrects either figure sees whether they still disagree, and the documents read it so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOfficerDocuments, type OfficerResult } from '../../src/usecases/officerDocuments';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { CellValue } from '../../src/domain/values';
import { t, type Lang } from '../../src/i18n';
import { convert } from '../support/libreoffice';
import { checkCell, checkText, flagFormula, type CheckRow } from '../../src/usecases/consolidate/check';
import { edits, unitWorkbook } from '../consolidate/corpus';
import { COMMUNE, consolidateInto, consolidatedFile, unitsTable } from './batch';
import { openpyxlEdit, openpyxlValues } from './openpyxlCells';

jest.setTimeout(300_000);

const UNITS = CONSOLIDATION_SHEETS.units;
const TT22 = 'tt22-100';
const H = {
  outcome: 'Kết quả (tính lại)',
  score: 'Điểm',
  recordedScore: 'Điểm tự đánh giá',
  rating: 'Xếp loại',
  recordedRating: 'Xếp loại tự đánh giá',
  recorded: 'Tự đánh giá của đơn vị',
  check: 'Thẩm định',
  remarks: 'Ghi chú',
} as const;
const RECOGNISED = 'Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1';

// TT22: every indicator met, 100 points, Tốt; its self-assessment says so.
const A = 'Trường TH Nguyễn Bỉnh Khiêm';
// 1.3 and 3.2 not met: 80 points, Khá. B typed 90 over its score; C typed 95 and Tốt over both.
const B = 'Trường TH Bình An';
const C = 'Trường TH Hòa Bình';
// TT24: one agreeing (in this batch of other rule sets, remarked on the columns it leaves blank), one whose self-assessment was typed over as recognised.
const D = 'Trường THCS Nguyễn Du';
const E = 'Trường mầm non Hoa Sen';
const NAMES = [A, B, C, D, E];
const KHA = { '1.3': 'Không đạt', '3.2': 'Không đạt' };

let files: { label: string; bytes: Uint8Array }[];
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-score-check-'));
  files = [
    { label: 'a.xlsx', bytes: await unitWorkbook({ name: A, type: 'Trường tiểu học', presetId: TT22, seed: 2 }) },
    { label: 'b.xlsx', bytes: await unitWorkbook({ name: B, type: 'Trường tiểu học', presetId: TT22, seed: 3, answers: KHA, edit: edits.result('score', 90) }) },
    { label: 'c.xlsx', bytes: await unitWorkbook({ name: C, type: 'Trường tiểu học', presetId: TT22, seed: 4, answers: KHA, edit: edits.all(edits.result('score', 95), edits.result('rating', 'Tốt')) }) },
    { label: 'd.xlsx', bytes: await unitWorkbook({ name: D, type: 'Trường THCS', members: 20, seed: 1 }) },
    { label: 'e.xlsx', bytes: await unitWorkbook({ name: E, type: 'Trường mầm non', members: 20, rate: 0.8, seed: 5, edit: edits.outcome(RECOGNISED) }) },
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const consolidated = (lang: Lang) => consolidatedFile(files, null, COMMUNE, lang);

const table = unitsTable;

type Ok = Extract<OfficerResult, { ok: true }>;
async function documents(wb: XlsxWorkbook): Promise<Ok> {
  const r = await generateOfficerDocuments(wb);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** A remark line of “Ghi chú” holding the score's disagreement, in either language. */
const SCORE_REMARK = /Điểm tự đánh giá|Self-assessed score/;

describe.each(['vi', 'en'] as Lang[])('a table consolidated in %s', (lang) => {
  const ok = t(lang, 'consolidate.check.ok');
  const review = (count: number) => t(lang, 'consolidate.check.review', { count });
  const remarkCount = (text: CellValue) => (typeof text === 'string' && text.trim() !== '' ? text.split('\n').length : 0);

  it('shows a TT22 unit’s recorded score and rating beside the recomputed ones, and “Thẩm định” says the score’s disagreement', async () => {
    const cells = await consolidated(lang).then(table);
    const at = (h: string) => cells.headings.indexOf(h);
    // Each figure the unit recorded right after the one recomputed.
    expect([at(H.recordedScore) - at(H.score), at(H.recordedRating) - at(H.rating)]).toEqual([1, 1]);
    const figures = (name: string) => [H.score, H.recordedScore, H.rating, H.recordedRating].map((h) => cells.value(name, h));
    expect(figures(A)).toEqual([100, 100, 'Tốt', 'Tốt']);
    expect(figures(B)).toEqual([80, 90, 'Khá', 'Khá']);
    expect(figures(C)).toEqual([80, 95, 'Khá', 'Tốt']);
    // TT24 rows: no score, nothing recorded of one.
    expect(figures(D)).toEqual([null, null, null, null]);
    expect(figures(E)).toEqual([null, null, null, null]);
    // The disagreement is the remark: one line each, counted once; the agreeing unit is not flagged for it.
    for (const name of [B, C]) expect(String(cells.value(name, H.remarks)).split('\n').filter((l) => SCORE_REMARK.test(l))).toHaveLength(1);
    expect(String(cells.value(A, H.remarks) ?? '')).not.toMatch(SCORE_REMARK);
    expect(NAMES.map((n) => cells.isFormula(n, H.check))).toEqual([true, true, true, true, true]);
    expect(NAMES.map((n) => cells.value(n, H.check))).toEqual(NAMES.map((n) => (remarkCount(cells.value(n, H.remarks)) ? review(remarkCount(cells.value(n, H.remarks))) : ok)));
    expect(cells.value(A, H.check)).toBe(ok);
  });

  /**
   * A: the officer finds the unit's own score was 90 and writes it in; B: the unit sent its corrected
   * self-assessment, 80; C: its remark deleted, its row left as it is.
   */
  const officerEdits = (): Record<string, Record<string, number | string>> => ({
    [A]: { [H.recordedScore]: 90 },
    [B]: { [H.recordedScore]: 80 },
    [C]: { [H.remarks]: '' },
  });

  it('recalculated by LibreOffice after the officer’s edits, “Thẩm định” follows the row’s figures, and its colour with it', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    const file = path.join(dir, `tong-hop-${lang}.xlsx`);
    fs.writeFileSync(file, await wb.toBytes());
    const spec: [string, string | number][] = Object.entries(officerEdits()).flatMap(([name, values]) => Object.entries(values).map(([heading, value]) => [cells.at(name, heading), value] as [string, string | number]));
    const flagAt = (name: string) => cells.at(name, H.check).replace(/^[A-Z]+/, 'ZZ');
    for (const name of NAMES) spec.push([flagAt(name), flagFormula(cells.at(name, H.check), lang)]);
    // Rows of every shape the score rule meets below the table, each with the check's formula on its own cells.
    const shapeAt = (i: number, heading: string) => cells.at(A, heading).replace(/\d+$/, String(200 + i));
    const refs = (i: number) => ({
      result: shapeAt(i, H.outcome),
      recorded: shapeAt(i, H.recorded),
      remarks: shapeAt(i, H.remarks),
      score: shapeAt(i, H.score),
      recordedScore: shapeAt(i, H.recordedScore),
      rating: shapeAt(i, H.rating),
      recordedRating: shapeAt(i, H.recordedRating),
    });
    SHAPES.forEach((row, i) => {
      const r = refs(i);
      spec.push([r.result, row.result], [r.recorded, row.recorded], [r.remarks, row.remarks]);
      for (const k of ['score', 'recordedScore', 'rating', 'recordedRating'] as const) spec.push([r[k], row.score?.[k] ?? '']);
      spec.push([shapeAt(i, H.check), checkCell(r, row, lang).formula]);
    });
    const unedited = path.join(dir, `sans-${lang}.xlsx`);
    const edited = path.join(dir, `sua-${lang}.xlsx`);
    openpyxlEdit(file, UNITS, [], unedited);
    openpyxlEdit(file, UNITS, spec, edited);
    const [asDrawn, afterEdits] = await Promise.all([convert(unedited, 'xlsx', path.join(dir, `lo-drawn-${lang}`)), convert(edited, 'xlsx', path.join(dir, `lo-edited-${lang}`))]);
    const checks = NAMES.map((n) => cells.at(n, H.check));
    // Unedited, LibreOffice finds what the consolidation cached.
    expect(read(asDrawn, checks)).toEqual(NAMES.map((n) => cells.value(n, H.check)));
    const others = (name: string) => remarkCount(cells.value(name, H.remarks)) - 1;
    // A disagrees now (one more to review), B agrees (its remark no longer counts), C still disagrees with its remark gone; D, E as drawn.
    expect(read(afterEdits, checks)).toEqual([review(remarkCount(cells.value(A, H.remarks)) + 1), others(B) ? review(others(B)) : ok, review(1), cells.value(D, H.check), cells.value(E, H.check)]);
    expect(read(afterEdits, NAMES.map(flagAt))).toEqual([true, others(B) > 0, true, remarkCount(cells.value(D, H.remarks)) > 0, true]);
    const shapes = read(afterEdits, SHAPES.map((_, i) => shapeAt(i, H.check)));
    expect(shapes).toEqual(SHAPES.map((row) => checkText(row, lang)));
    expect(shapes).toEqual([ok, review(1), ok, review(1), review(1), ok, review(1), ok, ok, review(1), review(2), ok]);
  });

  it('the officer’s documents follow the edited figures, not the remark they no longer bear out', async () => {
    const wb = await consolidated(lang);
    const cells = await table(wb);
    await wb.batch(async (s) => {
      for (const [name, values] of Object.entries(officerEdits())) {
        for (const [heading, value] of Object.entries(values)) s.write({ sheet: UNITS, mode: 'existing', cells: [{ at: cells.at(name, heading), rows: [[value === '' ? null : value]] }] });
      }
    });
    const r = await documents(wb);
    const unit = (name: string) => r.units.find((u) => u.name === name)!;
    const finding = (score: string, rating: string, computed: string) => t(lang, 'officer.finding.score', { recorded: `${score} — ${rating}`, computed });
    // A: the score the officer wrote disagrees with its data: kept out for it, in the table's words.
    expect(unit(A)).toMatchObject({ rating: null, reasons: [finding('90', 'Tốt', t(lang, 'outcome.score', { score: '100', rating: 'Tốt' }))] });
    // B: its figures agree now: proposed with its rating.
    expect(unit(B)).toMatchObject({ rating: 'Khá', reasons: [] });
    // C: its remark deleted, its figures still disagreeing: the row's own cells keep it out.
    expect(unit(C)).toMatchObject({ rating: null, reasons: [finding('95', 'Tốt', t(lang, 'outcome.score', { score: '80', rating: 'Khá' }))] });
    // TT24 units as before.
    expect(unit(D)).toMatchObject({ level: 1, reasons: [] });
    expect(unit(E).level).toBeNull();
  });
});

describe('the recorded score’s columns in a batch of TT24 units only', () => {
  /** The 1-based columns of the table headed `headings`, and those hidden. */
  async function columns(files: { label: string; bytes: Uint8Array }[]) {
    const wb = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
    await consolidateInto(wb, files, null, COMMUNE, 'vi');
    const sheet = (await (await XlsxWorkbook.open(await wb.toBytes(), wb.label, NODE_XLSX)).batch((s) => s.read([UNITS], { layout: true }))).sheets.get(UNITS)!;
    const header = sheet.rows.find((r) => r[0] === 'STT')!;
    return { at: (h: string) => header.indexOf(h) + 1, hidden: sheet.hiddenColumns ?? [] };
  }

  it('are there, blank and hidden (the table prints as it did); shown where a unit scores', async () => {
    const tt24 = await columns(files.filter((f) => ['d.xlsx', 'e.xlsx'].includes(f.label)));
    expect([H.recordedScore, H.recordedRating].map(tt24.at).every((c) => c > 0)).toBe(true);
    expect(tt24.hidden).toEqual([H.recordedScore, H.recordedRating].map(tt24.at));
    const mixed = await columns(files);
    expect(mixed.hidden).toEqual([]);
  });
});

/** Score rows of every shape, and a TT24 row beside them. */
const SHAPES: CheckRow[] = [
  { result: 'Xếp loại Khá', recorded: '80 điểm — xếp loại Khá', remarks: '', score: { score: 80, recordedScore: 80, rating: 'Khá', recordedRating: 'Khá' } },
  // Within the tolerance (two decimals) they agree; a rating of another case or spacing too; beyond it one to review.
  { result: 'Xếp loại Khá', recorded: '', remarks: '', score: { score: 80, recordedScore: 80.01, rating: 'Khá', recordedRating: 'Khá' } },
  { result: 'Xếp loại Khá', recorded: '', remarks: '', score: { score: 80, recordedScore: 80.004, rating: ' khá ', recordedRating: 'KHÁ' } },
  // Ratings differ alone: one.
  { result: 'Xếp loại Khá', recorded: '', remarks: '', score: { score: 80, recordedScore: 80, rating: 'Khá', recordedRating: 'Tốt' } },
  // Disagree, the remark standing (named after its file): counted once.
  { result: 'Xếp loại Khá', recorded: '', remarks: "• Tệp “b.xlsx”: Điểm tự đánh giá 90 ('Thông tin đơn vị'!B24) nhưng tính lại: 80 điểm — xếp loại Khá", score: { score: 80, recordedScore: 90, rating: 'Khá', recordedRating: 'Khá' } },
  // Agree, the remark (in English) still there: it no longer counts.
  { result: 'Rated Khá', recorded: '', remarks: '• Self-assessed score 90 — Khá but recomputed: 80 points — rated Khá', score: { score: 80, recordedScore: 80, rating: 'Khá', recordedRating: 'Khá' } },
  // A score recorded where none is recomputed (not evaluable), and the reverse.
  { result: 'Chưa đánh giá được', recorded: '', remarks: '', score: { score: null, recordedScore: 75, rating: null, recordedRating: 'Khá' } },
  // Nothing recorded (a unit not evaluated, said by its own remark): decides nothing.
  { result: 'Xếp loại Khá', recorded: '', remarks: '', score: { score: 80, recordedScore: null, rating: 'Khá', recordedRating: null } },
  // Nothing recomputed, nothing recorded but text: “Không tính được điểm” both ways agree.
  { result: 'Chưa đánh giá được', recorded: '', remarks: '', score: { score: null, recordedScore: 'Không tính được điểm', rating: null, recordedRating: null } },
  // Recomputed score, the recorded one text: disagree.
  { result: 'Xếp loại Khá', recorded: '', remarks: '', score: { score: 80, recordedScore: 'tám mươi', rating: 'Khá', recordedRating: 'Khá' } },
  // A TT24 row disagreeing, no score cells: its own rule, and an officer's note.
  { result: 'Không đạt', recorded: RECOGNISED, remarks: 'Đã gọi điện cho đơn vị.' },
  { result: 'Đạt mức độ 1', recorded: RECOGNISED, remarks: '' },
];

const read = (f: string, at: string[]) => openpyxlValues(f, UNITS, at);

