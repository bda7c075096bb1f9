/**
 * The consolidation output as a file: written into an officer's existing workbook by the
 * project's file writer, every part that is not the consolidation's own stays byte for byte
 * (a user sheet holding our sheet's name, custom properties, the officer's own sheet; never a
 * unit's workbook, which consolidation refuses: test/workbook/contract/consolidateTarget.ts);
 * the two sheets read back equal the rows planned in memory, cell for cell; both print on A4
 * with their heading repeated. The CLI's way — unit rows drawn as each file arrives, in any
 * order — writes the very bytes of the whole plan written at the end.
 */
import { consolidateFiles, planConsolidation, readUnitFile, CONSOLIDATION_SHEETS, type ConsolidationResult, type FileOutcome } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { dateToSerial } from '../../src/workbook/plan';
import { openXlsx } from '../../src/xlsx';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { columnLetter, columnNumber, parseCell, parseRange } from '../../src/workbook/a1';
import type { CellInput, SheetPlan } from '../../src/workbook/port';
import type { CellValue } from '../../src/domain/values';
import { Package, NS, sheetXml } from '../support/roundtrip/inject';
import { partsUntouched } from '../support/roundtrip/zipParts';
import { addInParts, closure, sharedKept, sheets } from '../support/roundtrip/package';
import { readParts } from '../support/roundtrip/zipParts';
import { edits, unitWorkbook } from './corpus';
import { heightFor } from '../../src/sheets/documentLayout';
import { FILES_HEADER_ROW } from '../../src/usecases/consolidate/layout';
import { DATA_FONT_SIZE } from '../../src/sheets/styles';

jest.setTimeout(120_000);

const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw };

let officer: Uint8Array;
const OFFICER_DXF = '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
const OFFICER_RULE = '<conditionalFormatting sqref="B2:B20"><cfRule type="expression" dxfId="0" priority="1"><formula>B2=""</formula></cfRule></conditionalFormatting>';
const units: { label: string; bytes: Uint8Array }[] = [];
beforeAll(async () => {
  // The officer's own workbook: a sheet of theirs, another that holds our sheet's name, and
  // custom document properties.
  const own = await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  await own.batch(async (s) => s.write({ sheet: 'Theo dõi hồ sơ', mode: 'ensure', cells: [{ at: 'A1', rows: [['Đơn vị', 'Ngày nhận hồ sơ'], ['Trường THCS Nguyễn Du', '02/12/2025']] }] }));
  const p = await Package.load(await own.toBytes());
  await p.addSheet(CONSOLIDATION_SHEETS.units, sheetXml({ rows: [['Bảng của tôi, không được ghi đè'], [1, 2, 3]] }));
  // A colour rule of the officer's own on their sheet, its style the workbook's first differential format.
  await p.edit('xl/styles.xml', (xml) => xml.replace(/<dxfs count="0"\/>/, `<dxfs count="1">${OFFICER_DXF}</dxfs>`));
  const tracking = sheets(readParts(await p.bytes())).find((x) => x.name === 'Theo dõi hồ sơ')!.part;
  await p.edit(tracking, (xml) => xml.replace('</sheetData>', `</sheetData>${OFFICER_RULE}`));
  await p.put(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Mã hồ sơ"><vt:lpwstr>HS-2025-07</vt:lpwstr></property></Properties>',
    'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  );
  await p.rel('', `${NS.rel}/custom-properties`, 'docProps/custom.xml');
  officer = await p.bytes();
  units.push(
    { label: 'ho-so/01-thcs.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', seed: 3, rate: 0.95 }) },
    { label: 'ho-so/02-mam-non.xlsx', bytes: await unitWorkbook({ name: 'Trường mầm non Hoa Sen', type: 'Trường mầm non', seed: 4, rate: 0.7 }) },
    { label: 'ho-so/03-hong.xlsx', bytes: new TextEncoder().encode('không phải tệp Excel') },
    // Codes no other unit has (a TT22 rule set) arriving after rows were drawn; a duplicate
    // (the older copy dropped, the newer flagged); recognitions that raise date flags.
    { label: 'ho-so/04-tieu-hoc-tt22.xlsx', bytes: await unitWorkbook({ name: 'Trường tiểu học Kim Đồng', type: 'Trường tiểu học', presetId: 'tt22-100', seed: 5 }) },
    { label: 'ho-so/05-thcs-ban-cu.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', seed: 3, rate: 0.95, evaluatedAt: new Date(2025, 11, 10, 8, 0, 0) }) },
    {
      label: 'ho-so/06-thpt-muc-do-2.xlsx',
      bytes: await unitWorkbook({ name: 'Trường THPT Lê Quý Đôn', type: 'Trường THPT', presetId: 'tt24-tinh-md2', level: 'Mức độ 2', previousDate: new Date(2025, 2, 15), previousLevel: 'Mức độ 1' }),
    },
    { label: 'ho-so/07-het-han.xlsx', bytes: await unitWorkbook({ name: 'Phòng Văn hóa - Xã hội', type: 'Cơ quan nhà nước', previousDate: new Date(2021, 5, 1), previousLevel: 'Mức độ 1' }) },
    // A year that is not one: flagged as the file is added, its “Năm” left blank.
    { label: 'ho-so/08-nam-bang-chu.xlsx', bytes: await unitWorkbook({ name: 'Trường tiểu học Võ Thị Sáu', type: 'Trường tiểu học', seed: 6, prepare: edits.unitField('year', 'năm 2025') }) },
  );
});

const AS_OF = new Date(2025, 11, 28);

/**
 * `bytes` null: a new workbook. `drawn`: the CLI's way, rows drawn by the file writer as the
 * files arrive, here last file first (workers hand them back in any order).
 */
async function consolidateInto(bytes: Uint8Array | null, drawn = false): Promise<{ workbook: XlsxWorkbook; result: ConsolidationResult; after: Uint8Array }> {
  const workbook = bytes ? await XlsxWorkbook.open(bytes, 'tong-hop.xlsx', NODE_XLSX) : await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX);
  const received = units.map((u) => ({ label: u.label, size: u.bytes.length }));
  const result = await consolidateFiles(
    workbook,
    received,
    async (indices, onOutcome) => {
      const read: [FileOutcome, number][] = [];
      for (const i of indices) read.push([await readUnitFile(units[i]!.bytes, units[i]!.label, { ...READ, lang: 'vi' }), i]);
      for (const [outcome, i] of drawn ? read.reverse() : read) onOutcome(outcome, i);
      return true;
    },
    { body: 'UBND xã Hòa Bình', tier: 'cấp xã', lang: 'vi', asOf: AS_OF, ...(drawn ? { drawRows: () => workbook.drawRowsAhead() } : {}) },
  );
  return { workbook, result: result!, after: await workbook.toBytes() };
}

/** What a planned cell reads back as: the value, a date's serial, a formula's cached result; '' is a blank cell. */
function expected(c: CellInput): CellValue {
  if (c instanceof Date) return dateToSerial(c);
  if (c !== null && typeof c === 'object') return expected((c.result ?? null) as CellInput);
  return c === '' ? null : c;
}

/** The plan's cells as the grid a reader returns (row arrays cut after their last value). */
function plannedGrid(plan: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const block of plan.cells ?? []) {
    const { row, col } = parseCell(block.at);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        const v = expected(c);
        if (v === null) return;
        const line = (grid[row - 1 + r] ??= []);
        line[col - 1 + k] = v;
      }),
    );
  }
  // A formula filled down a column reads back as its cached result on each row.
  for (const fill of plan.fills ?? []) {
    const r = parseRange(fill.range);
    fill.results?.forEach((v, i) => {
      if (v !== null) (grid[r.top - 1 + i] ??= [])[r.left - 1] = v;
    });
  }
  return Array.from(grid, (line) => Array.from(line ?? [], (v) => v ?? null));
}

describe('consolidation output in an existing workbook', () => {
  it.each([false, true])('keeps every part that is not the consolidation’s own, byte for byte, across two runs (rows drawn ahead: %s)', async (drawn) => {
    const userSheets = sheets(readParts(officer)).map((s) => s.name);
    const first = await consolidateInto(officer, drawn);
    const second = await consolidateInto(first.after, drawn);
    for (const after of [first.after, second.after]) {
      const owned = new Set([...addInParts(officer, userSheets), ...addInParts(after, userSheets)]);
      expect([...partsUntouched(officer, after, owned), ...sharedKept(officer, after, userSheets)]).toEqual([]);
    }
    // Ours went beside the officer's sheet of the same name, and was found again the second time.
    expect(first.workbook.takeWarnings()).toContainEqual({ code: 'sheetTaken', sheet: CONSOLIDATION_SHEETS.units, detail: `${CONSOLIDATION_SHEETS.units} (ĐVHT)` });
    expect(sheets(readParts(second.after)).map((s) => s.name)).toEqual([...userSheets, `${CONSOLIDATION_SHEETS.units} (ĐVHT)`, CONSOLIDATION_SHEETS.stats, CONSOLIDATION_SHEETS.files]);
  });

  it.each([false, true])('reads back exactly the rows planned in memory, both sheets, figures and formulas’ results included (rows drawn ahead: %s)', async (drawn) => {
    const { result, after } = await consolidateInto(officer, drawn);
    expect(result.summary).toMatchObject({ files: 8, units: 6, rejected: 1, duplicates: 1 });
    expect(result.units.find((u) => u.record.name === 'Trường tiểu học Võ Thị Sáu')!.record.flags.map((f) => f.code)).toContain('badYear');
    // The cases drawn differently at the end are there: flags, a TT22 unit's own codes.
    expect(result.summary.flagged).toBeGreaterThanOrEqual(3);
    expect(result.units.map((u) => u.record.ruleSet.id)).toContain('tt22-100');
    // Pass rates (counted as files arrive) are those of the kept units only, the dropped duplicate left out,
    // each of the one indicator its code stands for in the table (the TT22 unit's same codes are others).
    const figures = result.units.flatMap((u) => u.record.indicators).filter((i) => result.indicatorIds.get(i.code) === i.identity);
    const codes = [...new Set(figures.map((i) => i.code))];
    expect(result.passRates.map((p) => [p.code, p.met, p.evaluated]).sort()).toEqual(
      codes.map((code) => [code, figures.filter((i) => i.code === code && i.status === 'met').length, figures.filter((i) => i.code === code && (i.status === 'met' || i.status === 'not_met')).length]).sort(),
    );
    const file = await openXlsx(after, READ);
    const written = `${CONSOLIDATION_SHEETS.units} (ĐVHT)`;
    const [unitsPlan, statsPlan, filesPlan] = planConsolidation(result, 'vi', undefined, written).plans;
    const snapshot = await file.read([written, CONSOLIDATION_SHEETS.stats, CONSOLIDATION_SHEETS.files]);
    expect(snapshot.sheets.get(written)!.rows).toEqual(plannedGrid(unitsPlan));
    expect(snapshot.sheets.get(CONSOLIDATION_SHEETS.stats)!.rows).toEqual(plannedGrid(statsPlan));
    expect(snapshot.sheets.get(CONSOLIDATION_SHEETS.files)!.rows).toEqual(plannedGrid(filesPlan));
    // The officer's own sheet of that name still holds what they typed.
    expect((await file.read([CONSOLIDATION_SHEETS.units])).sheets.get(CONSOLIDATION_SHEETS.units)!.rows).toEqual([['Bảng của tôi, không được ghi đè'], [1, 2, 3]]);
  });

  it.each([false, true])('colours the rows to review by a rule of its own, its style after the officer’s, whose rule keeps its own (rows drawn ahead: %s)', async (drawn) => {
    const { after } = await consolidateInto(officer, drawn);
    const parts = readParts(after);
    const styles = parts.get('xl/styles.xml')!.data.toString('utf8');
    // The table's “Thẩm định”, then the file report's status (“cần xem lại” while the unit's remarks are not blank).
    const fill = '<fill><patternFill><bgColor rgb="FFFCE4D6"/></patternFill></fill>';
    expect(styles).toContain(`<dxfs count="3">${OFFICER_DXF}<dxf><font><b/></font>${fill}</dxf><dxf>${fill}</dxf></dxfs>`);
    const xml = (name: string) => parts.get(sheets(parts).find((x) => x.name === name)!.part)!.data.toString('utf8');
    expect(xml('Theo dõi hồ sơ')).toContain(OFFICER_RULE);
    const ours = xml(`${CONSOLIDATION_SHEETS.units} (ĐVHT)`);
    expect(ours.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g)).toEqual([
      expect.stringMatching(/^<conditionalFormatting sqref="([A-Z]+)6:\1\d+"><cfRule type="expression" dxfId="1" priority="1"><formula>AND\(\1(6)&lt;&gt;"",\1\2&lt;&gt;"Khớp số liệu"\)<\/formula><\/cfRule><\/conditionalFormatting>$/),
    ]);
    expect(xml(CONSOLIDATION_SHEETS.files).match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g)).toEqual([
      '<conditionalFormatting sqref="C5:C12"><cfRule type="expression" dxfId="2" priority="1"><formula>C5="Đã tổng hợp — cần xem lại"</formula></cfRule></conditionalFormatting>',
    ]);
  });

  it('draws the outcome and pass-rate charts on the statistics sheet, over the figures it wrote, which count the units table where it was written', async () => {
    const { after } = await consolidateInto(officer);
    const parts = readParts(after);
    const stats = sheets(parts).find((s) => s.name === CONSOLIDATION_SHEETS.stats)!;
    const charts = [...closure(parts, stats.part)].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => parts.get(p)!.data.toString('utf8'));
    expect(charts).toHaveLength(2);
    expect(charts.find((c) => c.includes('<c:pieChart>'))).toMatch(/Số đơn vị theo kết quả/);
    expect(charts.find((c) => c.includes('<c:barChart>'))).toMatch(/Tỷ lệ đơn vị đạt theo chỉ tiêu/);
    // Their series read the sheet they are drawn on.
    for (const c of charts) for (const ref of c.match(/<c:f>[^<]*<\/c:f>/g)!) expect(ref).toMatch(/^<c:f>'Thống kê kết quả'!\$/);
    // The counts are COUNTIFs over our units table, which took another name beside the officer's sheet.
    const xml = parts.get(stats.part)!.data.toString('utf8');
    expect(xml).toMatch(/<f>COUNTIF\('Tổng hợp đơn vị \(ĐVHT\)'!\$[A-Z]+\$6:\$[A-Z]+\$\d+,A8\)<\/f>/);
    // Neither units sheet, the officer's or ours, got a drawing.
    for (const name of [CONSOLIDATION_SHEETS.units, `${CONSOLIDATION_SHEETS.units} (ĐVHT)`]) {
      const sheet = sheets(parts).find((s) => s.name === name)!;
      expect([...closure(parts, sheet.part)].filter((p) => p.includes('chart'))).toEqual([]);
    }
    // The sheets in their order: the table, its statistics, the file report.
    const names = sheets(parts).map((s) => s.name);
    expect(names.slice(names.indexOf(`${CONSOLIDATION_SHEETS.units} (ĐVHT)`))).toEqual([`${CONSOLIDATION_SHEETS.units} (ĐVHT)`, CONSOLIDATION_SHEETS.stats, CONSOLIDATION_SHEETS.files]);
  });

  it('prints the unit table on A4 landscape at a readable scale (not fitted to one page wide), the heading row at the top and STT and the name at the left of every page, over then down; the file report one page wide', async () => {
    const { after } = await consolidateInto(officer);
    const parts = readParts(after);
    const wb = parts.get('xl/workbook.xml')!.data.toString('utf8');
    const list = sheets(parts);
    const sheetXml = (name: string) => {
      const index = list.findIndex((s) => s.name === name);
      return { index, xml: parts.get(list[index]!.part)!.data.toString('utf8') };
    };
    const units = `${CONSOLIDATION_SHEETS.units} (ĐVHT)`;
    const table = sheetXml(units);
    expect(table.xml).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(table.xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(table.xml).toMatch(/<pageSetup [^>]*pageOrder="overThenDown"/);
    // 11 pt text printed at ≥ 8 pt.
    const scale = Number(/<pageSetup [^>]*scale="(\d+)"/.exec(table.xml)?.[1]);
    expect((DATA_FONT_SIZE * scale) / 100).toBeGreaterThanOrEqual(8);
    expect(table.xml).not.toMatch(/fitToWidth=|fitToPage="1"/);
    // STT and the unit's name, then the heading row: Excel's order.
    const ref = (a: string) => `'${units}'!${a}`;
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${table.index}">${ref('$A:$B')},${ref('$5:$5')}</definedName>`);
    // The file report's 186 characters of columns fit one A4 landscape width (printPages.test.ts: at 8 pt or more).
    const files = sheetXml(CONSOLIDATION_SHEETS.files);
    expect(files.xml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"\/>/);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${files.index}">'${CONSOLIDATION_SHEETS.files}'!$4:$4</definedName>`);
    // Its units cite different bases (a TT22 unit among TT24 ones): the “Căn cứ” column prints; the two after it
    // (the file, the remarks whole, which the file report prints) do not.
    const printArea = new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${table.index}">'Tổng hợp đơn vị \\(ĐVHT\\)'!\\$A\\$5:\\$([A-Z]+)\\$(\\d+)</definedName>`).exec(wb);
    const filtered = /ref="A\d+:([A-Z]+)\d+"/.exec(/<autoFilter [^>]*>/.exec(table.xml)![0])![1]!;
    expect(printArea?.[1]).toBe(columnLetter(columnNumber(filtered) - 2));
    // The statistics: one A4 landscape width, no heading rows of the table repeated over them.
    const stats = sheetXml(CONSOLIDATION_SHEETS.stats);
    expect(stats.xml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"\/>/);
    expect(wb).not.toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${stats.index}"`);
  });

  it.each([false, true])('gives each unit row and the pass-rate headings the height of their longest wrapped text, no fixed height (rows drawn ahead: %s)', async (drawn) => {
    const { result, after } = await consolidateInto(null, drawn);
    const parts = readParts(after);
    const rowsOf = (name: string) => {
      const xml = parts.get(sheets(parts).find((s) => s.name === name)!.part)!.data.toString('utf8');
      const rowAttrs = new Map([...xml.matchAll(/<row ([^>]*?)\/?>/g)].map((m) => [Number(/\br="(\d+)"/.exec(m[1]!)![1]), m[1]!]));
      return { rowAttrs, height: (r: number) => Number(/\bht="([\d.]+)"/.exec(rowAttrs.get(r) ?? '')?.[1] ?? 0) };
    };
    const { rowAttrs, height } = rowsOf(CONSOLIDATION_SHEETS.units);
    const { layout } = planConsolidation(result, 'vi');
    result.units.forEach((u, i) => {
      const r = layout.firstRow + i;
      // Each remark is a line at least; the outcome wraps in its column.
      expect({ unit: u.record.name, tall: height(r) >= heightFor(Math.max(2, u.record.flags.length), 11) }).toEqual({ unit: u.record.name, tall: true });
      expect(rowAttrs.get(r)).not.toMatch(/customHeight/);
    });
    // The pass-rate table's headings wrap, and so does each indicator's text (the charts are below it).
    const stats = rowsOf(CONSOLIDATION_SHEETS.stats);
    expect(stats.height(layout.ratesHeaderRow)).toBeGreaterThanOrEqual(heightFor(3, 11));
    const rate = result.passRates.findIndex((p) => p.code === '1.2');
    expect(stats.height(layout.ratesHeaderRow + 1 + rate)).toBeGreaterThanOrEqual(heightFor(2, 11));
    expect(stats.rowAttrs.get(layout.ratesHeaderRow + 1 + rate)).not.toMatch(/customHeight/);
  });

  it.each([false, true])('gives each file report row the height of its longest wrapped text, no fixed height (rows drawn ahead: %s)', async (drawn) => {
    const { result, after } = await consolidateInto(null, drawn);
    const parts = readParts(after);
    const ours = sheets(parts).find((s) => s.name === CONSOLIDATION_SHEETS.files)!;
    const xml = parts.get(ours.part)!.data.toString('utf8');
    const rowAttrs = new Map([...xml.matchAll(/<row ([^>]*?)\/?>/g)].map((m) => [Number(/\br="(\d+)"/.exec(m[1]!)![1]), m[1]!]));
    const height = (r: number) => Number(/\bht="([\d.]+)"/.exec(rowAttrs.get(r) ?? '')?.[1] ?? 0);
    const rows = result.files.map((f, i) => ({ file: f.file, reasons: f.reasons, height: height(FILES_HEADER_ROW + 1 + i), attrs: rowAttrs.get(FILES_HEADER_ROW + 1 + i) }));
    // Each reason is a line at least; one of more than 120 characters wraps in its column (80 wide).
    const least = (reasons: string[]) => Math.max(reasons.length, ...reasons.map((x) => (x.length > 120 ? 2 : 1)));
    const wrapped = rows.filter((r) => least(r.reasons) > 1);
    expect(wrapped.length).toBeGreaterThanOrEqual(3);
    for (const r of wrapped) expect({ file: r.file, tall: r.height >= heightFor(least(r.reasons), 11) }).toEqual({ file: r.file, tall: true });
    for (const r of rows) expect(r.attrs).not.toMatch(/customHeight/);
    // A file with nothing to say keeps the sheet's default height.
    const quiet = rows.filter((r) => r.reasons.length === 0);
    expect(quiet.length).toBeGreaterThanOrEqual(1);
    for (const r of quiet) expect({ file: r.file, height: r.height }).toEqual({ file: r.file, height: 0 });
  });

  it('writes the same bytes whether the unit rows are drawn as files arrive or planned at the end, into a new or an existing workbook', async () => {
    for (const bytes of [null, officer]) {
      const planned = readParts((await consolidateInto(bytes, false)).after);
      const drawn = readParts((await consolidateInto(bytes, true)).after);
      expect([...drawn.keys()]).toEqual([...planned.keys()]);
      for (const [name, part] of planned) expect({ name, xml: drawn.get(name)!.data.toString('utf8') }).toEqual({ name, xml: part.data.toString('utf8') });
    }
  });
});
