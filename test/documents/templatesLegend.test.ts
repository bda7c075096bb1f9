/**
 * “Mẫu văn bản”'s legend (columns E–F: each {name} and what it is) follows the release: a sheet drawn
 * by an earlier one gets the names it does not list, below its last entry, and nothing it holds changes.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { generateDocuments } from '../../src/usecases/documents';
import { DOCUMENT_SHEETS } from '../../src/documents';
import { PLACEHOLDERS } from '../../src/documents/templates';
import { TEMPLATE_HEADER_ROW } from '../../src/documents/templatesSheet';

const NOW = new Date(Date.UTC(2025, 11, 20, 3, 0, 0));
const NEW = ['{ngay_cong_nhan_truoc}', '{danh_hieu_truoc}'];

async function withDocuments(): Promise<ExcelJsWorkbook> {
  const wb = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(wb, sampleUnit({ members: 12 }));
  const ev = await evaluateWorkbook(wb, { now: NOW });
  if (!ev.ok) throw new Error('the sample must evaluate');
  await generate(wb);
  return wb;
}

async function generate(wb: ExcelJsWorkbook): Promise<void> {
  const r = await generateDocuments(wb, { kinds: ['to-trinh'] });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
}

/** Every cell's value by address. */
function cellsOf(wb: ExcelJsWorkbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!.eachRow((row) => row.eachCell((c) => void out.set(c.address, c.value)));
  return out;
}

/** The legend's names in column E, top to bottom. */
function legendNames(wb: ExcelJsWorkbook): string[] {
  return [...cellsOf(wb)].filter(([a, v]) => /^E\d+$/.test(a) && typeof v === 'string' && v.startsWith('{')).map(([, v]) => v as string);
}

/** The sheet as an earlier release drew it: the legend without the names given (the entries below move up). */
function asEarlierRelease(wb: ExcelJsWorkbook, without: string[]): void {
  const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
  const entries: [unknown, unknown][] = [];
  for (let r = TEMPLATE_HEADER_ROW + 1; typeof ws.getCell(r, 5).value === 'string'; r++) entries.push([ws.getCell(r, 5).value, ws.getCell(r, 6).value]);
  const kept = entries.filter(([name]) => !without.includes(name as string));
  entries.forEach((_, i) => {
    ws.getCell(TEMPLATE_HEADER_ROW + 1 + i, 5).value = (kept[i]?.[0] ?? null) as string | null;
    ws.getCell(TEMPLATE_HEADER_ROW + 1 + i, 6).value = (kept[i]?.[1] ?? null) as string | null;
  });
}

describe('Mẫu văn bản: the legend of placeholders', () => {
  it('a new sheet lists every placeholder once', async () => {
    const wb = await withDocuments();
    expect(legendNames(wb)).toEqual(Object.keys(PLACEHOLDERS).map((n) => `{${n}}`));
  });

  it('a sheet from an earlier release gets the names it lacks below its last entry, and keeps every cell it had', async () => {
    const wb = await withDocuments();
    asEarlierRelease(wb, NEW);
    const before = cellsOf(wb);
    const lastEntry = Math.max(...[...before.keys()].filter((a) => /^[EF]\d+$/.test(a)).map((a) => Number(a.slice(1))));
    await generate(wb);
    const after = cellsOf(wb);
    for (const [address, value] of before) expect([address, after.get(address)]).toEqual([address, value]);
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    expect([1, 2].map((i) => ws.getCell(lastEntry + i, 5).value)).toEqual(NEW);
    expect(ws.getCell(lastEntry + 1, 6).value).toBe(PLACEHOLDERS.ngay_cong_nhan_truoc);
    expect([...legendNames(wb)].sort()).toEqual(Object.keys(PLACEHOLDERS).map((n) => `{${n}}`).sort());
    // Once listed, never again.
    await generate(wb);
    expect(legendNames(wb)).toHaveLength(Object.keys(PLACEHOLDERS).length);
  });

  it('nothing the unit wrote below the legend is written over: the names go below it', async () => {
    const wb = await withDocuments();
    asEarlierRelease(wb, NEW);
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    let free = TEMPLATE_HEADER_ROW + 1;
    while (ws.getCell(free, 5).value !== null) free++;
    ws.getCell(free, 6).value = 'Ghi chú của tổ văn thư';
    await generate(wb);
    expect(ws.getCell(free, 6).value).toBe('Ghi chú của tổ văn thư');
    expect(ws.getCell(free, 5).value).toBeNull();
    expect(ws.getCell(free + 1, 5).value).toBe(NEW[0]);
  });

  it('a legend the unit took away is not drawn again', async () => {
    const wb = await withDocuments();
    const ws = wb.workbook.getWorksheet(DOCUMENT_SHEETS.templates)!;
    for (let r = TEMPLATE_HEADER_ROW; r <= TEMPLATE_HEADER_ROW + Object.keys(PLACEHOLDERS).length; r++) {
      ws.getCell(r, 5).value = null;
      ws.getCell(r, 6).value = null;
    }
    await generate(wb);
    expect(legendNames(wb)).toEqual([]);
  });
});
