/**
 * The summary sheet "Tổng hợp" prints at a scale that fits its columns one page wide, with a
 * manual break before each page (fit-to printing ignores manual breaks in Excel and LibreOffice):
 * the signature block never stands alone on the last page, a heading never ends a page.
 */
import type { SheetPlan, Workbook } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_SUMMARY_TITLE, SUMMARY_HEADER_ROW } from '../../src/sheets/summarySheet';
import { heightFor, LIBREOFFICE_PT_PER_UNIT, lineCount, MARGINS_CM } from '../../src/sheets/documentLayout';
import { readUnitFacts, saveUnitFacts } from '../../src/usecases/unitFacts';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { columnText, printSheets, squeeze, type PdfPage } from './pdf';

/** Every plan a workbook is given, kept as it passes. */
function recording(inner: Workbook, plans: SheetPlan[]): Workbook {
  return {
    label: inner.label,
    batch: (work) =>
      inner.batch((s) =>
        work({
          read: (names, options) => s.read(names, options),
          write: (plan) => {
            plans.push(plan);
            s.write(plan);
          },
          select: (sheet, address) => s.select(sheet, address),
        }),
      ),
  };
}

/** Realistic positions too long for the position column's one line. */
const LONG_POSITIONS = ['Phó Hiệu trưởng phụ trách chuyên môn', 'Tổ trưởng tổ Khoa học tự nhiên', 'Nhân viên thư viện - thiết bị'];
const POSITION = MEMBER_FIELDS.findIndex((f) => f.key === 'position');

/** The sample unit, its members from the third on given the long positions in turn when `long`. */
function unitOf(members: number, options: { presetId?: string; long?: boolean } = {}) {
  const unit = sampleUnit({ members, ...(options.presetId ? { presetId: options.presetId } : {}) });
  const rows = unit.members!;
  if (options.long) rows.forEach((row, i) => i >= 2 && i % 5 === 2 && (row[POSITION] = LONG_POSITIONS[(i - 2) / 5 % LONG_POSITIONS.length]!));
  return { ...unit, members: rows };
}

async function summaryPlan(members: number, presetId?: string, long = false): Promise<{ plan: SheetPlan; members: number; wb: XlsxWorkbook }> {
  const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
  await createSheets(wb, unitOf(members, { ...(presetId ? { presetId } : {}), long }));
  const plans: SheetPlan[] = [];
  const result = await evaluateWorkbook(recording(wb, plans), { now: new Date(2025, 11, 20) });
  if (!result.ok) throw new Error('the sample must evaluate');
  return { plan: plans.find((p) => p.sheet === SHEETS.summary)!, members: result.report.members.length, wb };
}

const textAt = (plan: SheetPlan, row: number, col = 0): unknown => {
  for (const b of plan.cells ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.at)!;
    const line = b.rows[row - Number(m[2])];
    if (line && m[1]!.charCodeAt(0) - 65 <= col) {
      const v = line[col - (m[1]!.charCodeAt(0) - 65)];
      if (v !== undefined && v !== null) return v;
    }
  }
  return undefined;
};

/** The summary's rows that matter to its pages, read from the plan's cells. */
function layoutOf(plan: SheetPlan, members: number) {
  const last = Number(/(\d+)$/.exec(plan.page!.printArea!)![1]);
  let membersTitle = 0;
  let signature = 0;
  const criteria: number[] = [];
  for (let r = 1; r <= last; r++) {
    const a = textAt(plan, r);
    if (a === MEMBER_SUMMARY_TITLE) membersTitle = r;
    if (typeof a === 'string' && r > SUMMARY_HEADER_ROW && a.startsWith('Tiêu chí ')) criteria.push(r);
    if (!signature && r > membersTitle && membersTitle && [...Array(8).keys()].some((c) => textAt(plan, r, c) === '(Ký, ghi rõ họ tên, đóng dấu)')) signature = r;
  }
  const header = membersTitle + 1;
  return { last, membersTitle, header, membersLast: header + members, totals: header + members + 1, signature, criteria };
}

/** Rows of each printed page, from the plan's breaks. */
function pagesOf(plan: SheetPlan, last: number): [number, number][] {
  const starts = [1, ...(plan.page!.rowBreaks ?? [])];
  return starts.map((s, i) => [s, (starts[i + 1] ?? last + 1) - 1]);
}

const CM_TO_PT = 72 / 2.54;
/** Landscape A4 inside the margins, in points. */
const PAGE = { width: (29.7 - MARGINS_CM.left - MARGINS_CM.right) * CM_TO_PT, height: (21 - MARGINS_CM.top - MARGINS_CM.bottom) * CM_TO_PT };

function checkPages(plan: SheetPlan, members: number): [number, number][] {
  const page = plan.page!;
  const L = layoutOf(plan, members);
  // Printed at a scale, never fitted: fit-to would drop the breaks.
  expect(page.fitToWidth).not.toBe(true);
  expect(page.scale).toBeGreaterThanOrEqual(10);
  expect(page.scale).toBeLessThanOrEqual(100);
  // Excel draws a column 7·w + 5 px wide (Calibri 11): the columns fit the page at that scale.
  const width = (plan.columns ?? []).reduce((a, c) => a + (7 * c.width! + 5) * 0.75, 0);
  expect((width * page.scale!) / 100).toBeLessThanOrEqual(PAGE.width);
  expect(page.printTitleRows).toBe(`${L.header}:${L.header}`);
  const pages = pagesOf(plan, L.last);
  expect(pages.length - 1).toBeLessThanOrEqual(1023);
  // Each page fits at the scale: the plan's heights, one 13 pt line for a row it leaves to the host, the repeated header.
  const set = new Map((plan.rowHeights ?? []).map((h) => [h.index, h.height]));
  // The member rows are the plan's to size: what prints is what the pages were counted with.
  for (let r = L.header + 1; r <= L.membersLast; r++) expect({ r, set: set.has(r) }).toEqual({ r, set: true });
  const height = (r: number) => set.get(r) ?? heightFor(1, 13);
  for (const [from, to] of pages) {
    let used = from > L.header ? height(L.header) : 0;
    for (let r = from; r <= to; r++) used += height(r);
    expect({ from, to, printed: (used * page.scale!) / 100 <= PAGE.height }).toEqual({ from, to, printed: true });
  }
  const [lastFrom] = pages[pages.length - 1]!;
  // The signature's page holds member rows (or, with none, the totals row) above it.
  expect(lastFrom).toBeLessThanOrEqual(members ? L.membersLast : L.totals);
  expect(lastFrom).toBeLessThan(L.signature);
  const breaks = page.rowBreaks ?? [];
  // No heading ends a page: the member list's title and header, a criterion above its first indicator.
  for (const r of [L.membersTitle, L.header, SUMMARY_HEADER_ROW, ...L.criteria]) expect({ r, last: breaks.includes(r + 1) }).toEqual({ r, last: false });
  return pages;
}

describe('the summary sheet\'s printed pages', () => {
  // 17–19 members left the signature alone at the top of the last page when fitted to the width (LibreOffice);
  // with a line a member, 27–34 and 54–61 fill a page up to the signature.
  it.each([0, 1, 5, 18, 30, 45, 57, 120])('%i members: breaks on every page, the signature with the last member rows', async (n) => {
    const { plan, members } = await summaryPlan(n);
    expect(members).toBe(n);
    const pages = checkPages(plan, members);
    if (n >= 45) expect(pages.length).toBeGreaterThan(2);
  });

  // Neither host grows a row of a file it opens (LibreOffice cut "Phó Hiệu trưởng" to "Phó Hiệu"):
  // each member row is set to its longest wrapped text, a line as tall as Excel makes a 13 pt
  // Times New Roman line (16.5 pt, 22 px), no taller.
  it('every member row\'s height is set: a line of 13 pt Times New Roman each, for its longest text', async () => {
    const { plan, members } = await summaryPlan(40, undefined, true);
    const L = layoutOf(plan, members);
    const set = new Map((plan.rowHeights ?? []).map((h) => [h.index, h.height]));
    const rows = unitOf(40, { long: true }).members;
    rows.forEach((row, i) => {
      const h = set.get(L.header + 1 + i);
      const position = row[POSITION] as string;
      // "Giáo viên" fits a line; the long ones wrap to two or more.
      const lines = position === 'Giáo viên' ? 1 : LONG_POSITIONS.includes(position) ? 2 : 0;
      expect({ i, position, whole: h !== undefined && h % 16.5 === 0, lines: lines === 1 ? h === 16.5 : lines === 2 ? h! >= 33 : true }).toEqual({ i, position, whole: true, lines: true });
    });
    expect(rows.filter((row) => LONG_POSITIONS.includes(row[POSITION] as string)).length).toBeGreaterThan(5);
    checkPages(plan, members);
  });

  // The member list is most of the pages: a name and a common position each print on one line.
  it('a common position ("Tổ trưởng chuyên môn") and the sample\'s names fit one line of the member list', async () => {
    const { plan, members } = await summaryPlan(48);
    const L = layoutOf(plan, members);
    const set = new Map((plan.rowHeights ?? []).map((h) => [h.index, h.height]));
    const rows = unitOf(48).members;
    expect(rows.filter((row) => row[POSITION] === 'Tổ trưởng chuyên môn').length).toBeGreaterThan(0);
    rows.forEach((row, i) => expect({ i, position: row[POSITION], height: set.get(L.header + 1 + i) }).toEqual({ i, position: row[POSITION], height: 16.5 }));
    const position = plan.columns![2]!.width!;
    for (const common of ['Tổ trưởng chuyên môn', 'Phó Hiệu trưởng', 'Nhân viên thư viện', 'Tổ phó chuyên môn']) expect({ common, lines: lineCount(common, position - 1, 13) }).toEqual({ common, lines: 1 });
  });

  // Neither host grows a row: an indicator whose evidence wraps to more lines than its text is as tall as the evidence.
  it('an indicator row is as tall as its evidence when that is its longest text', async () => {
    const wb = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(wb, unitOf(20));
    const read = await readUnitFacts(wb);
    if (!read.ok) throw new Error('must read');
    const evidence = 'Kế hoạch số 12/KH-THCS ngày 05/9/2025; biên bản họp hội đồng sư phạm tháng 9; sổ theo dõi bồi dưỡng của các tổ chuyên môn';
    const saved = await saveUnitFacts(wb, { facts: read.facts.facts.map((f) => (f.code === '1.1' ? { ...f, evidence } : f)) });
    expect(saved.ok).toBe(true);
    const plans: SheetPlan[] = [];
    const result = await evaluateWorkbook(recording(wb, plans), { now: new Date(2025, 11, 20) });
    if (!result.ok) throw new Error('the sample must evaluate');
    const plan = plans.find((p) => p.sheet === SHEETS.summary)!;
    const row = [...Array(60).keys()].find((r) => textAt(plan, r) === '1.1')!;
    const widths = plan.columns!.map((c) => c.width!);
    const lines = lineCount(evidence, widths[5]! - 1, 13);
    expect(lines).toBeGreaterThan(lineCount(textAt(plan, row, 1) as string, widths[1]! - 1, 13));
    expect(plan.rowHeights!.find((h) => h.index === row)!.height).toBe(heightFor(lines, 13));
  });

  it('the file holds the scale and the breaks, not fit-to-page', async () => {
    const { plan, wb } = await summaryPlan(48);
    const saved = await XlsxWorkbook.open(await wb.toBytes(), 'x', NODE_XLSX);
    const xml = (await saved.pkg.text(saved.pkg.findSheet(SHEETS.summary)!.path!))!;
    expect(xml).not.toMatch(/fitToPage="(1|true)"/);
    expect(xml).toContain(`<pageSetup paperSize="9" scale="${plan.page!.scale}" orientation="landscape"/>`);
    const breaks = plan.page!.rowBreaks!;
    expect(breaks.length).toBeGreaterThan(1);
    expect(xml).toContain(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  });

  it('a scored rule set (eight columns) prints smaller, its columns still one page wide', async () => {
    const seven = (await summaryPlan(20)).plan.page!.scale!;
    const { plan, members } = await summaryPlan(20, 'tt22-100');
    checkPages(plan, members);
    expect(plan.page!.scale!).toBeLessThan(seven);
  });
});

/** Each printed line of the words drawn from `left` to `right` on a page, squeezed. */
function lineTexts(page: PdfPage, left: number, right: number): string[] {
  const lines = new Map<number, string[]>();
  for (const w of [...page.words].filter((w) => w.x >= left && w.x < right).sort((a, b) => a.y - b.y || a.x - b.x)) {
    const y = Math.round(w.y);
    lines.set(y, [...(lines.get(y) ?? []), w.text]);
  }
  return [...lines.values()].map((words) => squeeze(words.join('')));
}

describe('the summary printed by LibreOffice', () => {
  const NOTE = squeeze('(Ký, ghi rõ họ tên, đóng dấu)');
  // 18 and 48 members: fitted to the width, the signature stood alone at the top of the last page. 30 and 57: with a
  // line a member, the members fill a page up to the signature, which would start the next one alone.
  it.each([18, 30, 48, 57])('%i members: the signature\'s page holds the last member rows and the totals, the block whole', async (n) => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    const unit = unitOf(n);
    await createSheets(wb, unit);
    const result = await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) });
    if (!result.ok) throw new Error('the sample must evaluate');
    const pages = (await printSheets(wb, [SHEETS.summary])).map((p) => squeeze(p.text));
    const signed = pages.findIndex((p) => p.includes(NOTE));
    const last = result.report.members[result.report.members.length - 1]!;
    expect({ signed, pages: pages.length }).toEqual({ signed: pages.length - 1, pages: pages.length });
    expect(pages[signed]).toContain(squeeze('Tổng số:'));
    expect(pages[signed]).toContain(squeeze(last.name));
    expect(pages[signed]).toContain(squeeze(unit.unit.head!));
  });

  // Neither LibreOffice nor Excel grows a row of a file it opens: a position cut to its first line ("Phó Hiệu").
  // The common ones print on one line each.
  it('a long position prints whole, a common one on one line', async () => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    const unit = unitOf(48, { long: true });
    await createSheets(wb, unit);
    const result = await evaluateWorkbook(wb, { now: new Date(2025, 11, 20) });
    if (!result.ok) throw new Error('the sample must evaluate');
    // Column C ("Chức vụ") as LibreOffice draws it: from the left margin past A and B, at the sheet's scale.
    const ws = wb.workbook.getWorksheet(SHEETS.summary)!;
    const unitPt = (LIBREOFFICE_PT_PER_UNIT * ws.pageSetup.scale!) / 100;
    const left = MARGINS_CM.left * CM_TO_PT + unitPt * (ws.getColumn(1).width! + ws.getColumn(2).width!);
    const right = left + unitPt * ws.getColumn(3).width!;
    const pages = await printSheets(wb, [SHEETS.summary]);
    const printed = pages.map((p) => squeeze(columnText(p, left - 2, right - 2))).join('');
    for (const position of LONG_POSITIONS) {
      const given = unit.members.filter((row) => row[POSITION] === position).length;
      expect(given).toBeGreaterThan(0);
      expect({ position, printed: printed.split(squeeze(position)).length - 1 }).toEqual({ position, printed: given });
    }
    const lines = pages.flatMap((p) => lineTexts(p, left - 2, right - 2));
    for (const position of ['Tổ trưởng chuyên môn', 'Nhân viên thư viện']) {
      const given = unit.members.filter((row) => row[POSITION] === position).length;
      expect(given).toBeGreaterThan(0);
      expect({ position, oneLine: lines.filter((l) => l === squeeze(position)).length }).toEqual({ position, oneLine: given });
    }
  });
});
