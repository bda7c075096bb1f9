/**
 * The file report's formulas on the units table (fileReportCells.ts), where LibreOffice is not asked:
 * the files MATCH could not find alone keep their text, a file name MATCH would read as a pattern is
 * escaped, and the longest formula stays far within Excel's 8,192 characters (it reads the remarks, never spells them).
 */
import { fileReportCells } from '../../src/usecases/consolidate/fileReportCells';

const TABLE = { sheet: 'Tổng hợp đơn vị', file: 40, remarks: 41, firstRow: 6, lastRow: 10_005 };

test('a file MATCH cannot tell from another (it ignores case), or whose name is longer than MATCH reads, keeps its text', () => {
  const long = `ho-so/${'x'.repeat(250)}.xlsx`;
  const cells = fileReportCells(TABLE, ['a/Truong.xlsx', 'a/truong.xlsx', 'b.xlsx', long], { file: 'B' }, 'vi');
  expect(cells.row(5, 'a/Truong.xlsx', '• x')).toBeNull();
  expect(cells.row(6, 'a/truong.xlsx', '')).toBeNull();
  expect(cells.row(7, long, '')).toBeNull();
  expect(cells.row(8, 'b.xlsx', '• x')).toEqual({
    reasons: { formula: expect.stringMatching(/^=IFERROR\(INDEX\('Tổng hợp đơn vị'!\$AO\$6:\$AO\$10005,MATCH\(B8,'Tổng hợp đơn vị'!\$AN\$6:\$AN\$10005,0\)\)&"",".*"\)$/), result: '• x' },
    status: { formula: expect.stringMatching(/^=IF\(IFERROR\(INDEX\(.*MATCH\(B8,.*\)&"","\?"\)="","Đã tổng hợp","Đã tổng hợp — cần xem lại"\)$/), result: 'Đã tổng hợp — cần xem lại' },
  });
  expect(cells.row(8, 'b.xlsx', '')!.status.result).toBe('Đã tổng hợp');
});

test('a name with ~ * ? is matched as written; the longest formula is short', () => {
  const name = `ho-so/${'~*?'.repeat(20)}.xlsx`;
  const sheet = `${"O'Brien".padEnd(25, 'x')} (ĐVHT)`;
  const cells = fileReportCells({ ...TABLE, sheet, lastRow: 1_048_576 }, [name], { file: 'B' }, 'en');
  const row = cells.row(1_048_576, name, 'x'.repeat(32_000))!;
  expect(row.reasons.formula).toContain('MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(B1048576,"~","~~"),"*","~*"),"?","~?"),');
  expect(row.reasons.formula).toContain(`'${sheet.replace(/'/g, "''")}'!$AN$6:$AN$1048576`);
  expect(row.status.formula).toContain('"Consolidated — to review"');
  for (const f of [row.reasons.formula, row.status.formula]) expect(f.length).toBeLessThan(1_000);
});
