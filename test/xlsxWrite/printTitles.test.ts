/**
 * Print titles in the file: one _xlnm.Print_Titles name holds the columns repeated at the left
 * and the rows repeated at the top, columns first as Excel writes it ('S'!$A:$B,'S'!$4:$4); a
 * plan that sets one of them keeps the other, whichever order another producer wrote them in
 * (openpyxl writes the rows first). The page order is pageSetup@pageOrder.
 */
import { execFileSync } from 'child_process';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import type { SheetPlan } from '../../src/workbook/port';
import { readParts } from '../support/roundtrip/zipParts';

const SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>';

const titlesOf = (plan: Omit<SheetPlan, 'mode'>, existing: string | null = null, printTitles?: string) =>
  renderSheet({ mode: existing === null ? 'replace' : 'existing', ...plan }, new StylesEditor(null), existing, printTitles === undefined ? {} : { printTitles }).definedNames.find((d) => d.name === '_xlnm.Print_Titles')?.value;

test('columns and rows in one name, columns first as Excel writes them; the page order on pageSetup', () => {
  const plan: SheetPlan = { sheet: "Tổng hợp 'đơn vị'", mode: 'replace', page: { printTitleRows: '5:5', printTitleColumns: 'A:B', pageOrder: 'overThenDown' } };
  expect(titlesOf(plan)).toBe("'Tổng hợp ''đơn vị'''!$A:$B,'Tổng hợp ''đơn vị'''!$5:$5");
  expect(titlesOf({ sheet: 'S', page: { printTitleColumns: '$A:$C' } })).toBe("'S'!$A:$C");
  expect(renderSheet(plan, new StylesEditor(null), null).xml).toContain('<pageSetup pageOrder="overThenDown"/>');
  expect(renderSheet({ sheet: 'S', mode: 'existing', page: { pageOrder: 'overThenDown' } }, new StylesEditor(null), SHEET).xml).toContain('<pageSetup paperSize="9" orientation="landscape" pageOrder="overThenDown"/>');
});

test.each([
  ['our order', "'a,b'!$A:$B,'a,b'!$4:$4", "'a,b'!$A:$B", "'a,b'!$4:$4"],
  ["openpyxl's order", "'a,b'!$4:$4,'a,b'!$A:$B", "'a,b'!$A:$B", "'a,b'!$4:$4"],
  ['no $ signs', "'a,b'!4:4,'a,b'!A:B", "'a,b'!A:B", "'a,b'!4:4"],
])('a plan setting one keeps the other the file holds (%s; a comma in the sheet name)', (_, old, columns, rows) => {
  expect(titlesOf({ sheet: 'a,b', page: { printTitleColumns: 'C:D' } }, SHEET, old)).toBe(`'a,b'!$C:$D,${rows}`);
  expect(titlesOf({ sheet: 'a,b', page: { printTitleRows: '6:7' } }, SHEET, old)).toBe(`${columns},'a,b'!$6:$7`);
  expect(titlesOf({ sheet: 'a,b', page: { printTitleRows: '6:7', printTitleColumns: 'C:C' } }, SHEET, old)).toBe("'a,b'!$C:$C,'a,b'!$6:$7");
  // A plan without print titles leaves the name alone.
  expect(titlesOf({ sheet: 'a,b', page: { scale: 80 } }, SHEET, old)).toBeUndefined();
});

test("columns added in the file to the title rows openpyxl wrote: one name, Excel's order", async () => {
  const py = [
    'import io, sys, openpyxl',
    'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "In"; ws["A1"] = "x"; ws.print_title_rows = "4:4"',
    'b = io.BytesIO(); wb.save(b); sys.stdout.buffer.write(b.getvalue())',
  ].join('\n');
  const made = execFileSync('/usr/bin/python3', ['-c', py]);
  const wb = await XlsxWorkbook.open(new Uint8Array(made), 'in.xlsx', NODE_XLSX);
  await wb.batch(async (s) => s.write({ sheet: 'In', mode: 'existing', page: { printTitleColumns: 'A:B' } }));
  const xml = readParts(await wb.toBytes()).get('xl/workbook.xml')!.data.toString('utf8');
  expect([...xml.matchAll(/<definedName [^>]*name="_xlnm.Print_Titles"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1])).toEqual(["'In'!$A:$B,'In'!4:4"]);
});
