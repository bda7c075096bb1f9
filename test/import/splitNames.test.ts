/**
 * Lists exported from the sector's databases and many school lists split the name in two
 * columns, "Họ và tên đệm" | "Tên" (often under a merged "Họ và tên"), to sort by the given
 * name. The member is the whole name: the given name alone would make every "Lan" one person.
 */
import * as ExcelJS from 'exceljs';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { IMPORT_SETTINGS_SHEET } from '../../src/usecases/import/savedMapping';
import { memberRows, roundTrip, unitWorkbook } from './messySheets';

const LIST = 'DS CB-GV-NV';

/** `merged`: "Họ và tên" over the two columns (two header rows); else one header row "Họ đệm" | "Tên". */
function addSplitList(wb: ExcelJS.Workbook, merged: boolean): void {
  const ws = wb.addWorksheet(LIST);
  ws.getCell('A1').value = 'TRƯỜNG MẦM NON HÙNG TIẾN';
  ws.getCell('A2').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM 2024';
  let first: number;
  if (merged) {
    ws.getCell('A4').value = 'STT';
    ws.mergeCells('A4:A5');
    ws.getCell('B4').value = 'Họ và tên';
    ws.mergeCells('B4:C4');
    ws.getCell('B5').value = 'Họ và tên đệm';
    ws.getCell('C5').value = 'Tên';
    ws.getCell('D4').value = 'Chức vụ';
    ws.mergeCells('D4:D5');
    ws.getCell('E4').value = 'LĐTT';
    ws.mergeCells('E4:E5');
    first = 6;
  } else {
    ws.getRow(4).values = ['STT', 'Họ đệm', 'Tên', 'Chức vụ', 'LĐTT'];
    first = 5;
  }
  const rows = [
    [1, 'Nguyễn Thị', 'Lan', 'Hiệu trưởng', 'x'],
    [2, 'Trần Thị', 'Lan', 'Giáo viên', 'x'],
    [3, 'Lê Văn', 'Hùng', 'Giáo viên', null],
  ];
  rows.forEach((r, i) => (ws.getRow(first + i).values = r));
  ws.getCell(`A${first + 3}`).value = 'Tổng cộng: 3';
}

async function school(merged: boolean) {
  const wb = await unitWorkbook();
  addSplitList(wb.workbook, merged);
  return roundTrip(wb);
}

describe('a name split in "Họ và tên đệm" | "Tên"', () => {
  it.each([
    ['under a merged “Họ và tên”', true],
    ['in one header row', false],
  ])('is imported whole, %s', async (_, merged) => {
    const wb = await school(merged);
    const p = await previewImport(wb, { sheet: LIST });
    expect(p.ok).toBe(true);
    expect(p.columns.filter((c) => c.col <= 3).map((c) => c.target)).toEqual(['ordinal', 'familyName', 'name']);
    expect(p.rows.map((r) => r.name)).toEqual(['Nguyễn Thị Lan', 'Trần Thị Lan', 'Lê Văn Hùng']);
    // Two Lan are two people, not one listed twice.
    expect(p.notices.map((n) => n.code)).not.toContain('import.notice.duplicateName');
    const result = await applyImport(wb, { sheet: LIST });
    expect(result.applied).toBe(true);
    const saved = await roundTrip(wb);
    const members = memberRows(saved.workbook);
    expect(members.map((m) => [m['Họ và tên'], m['Chức vụ / vị trí việc làm'], m['Danh hiệu thi đua']])).toEqual([
      ['Nguyễn Thị Lan', 'Hiệu trưởng', 'Lao động tiên tiến'],
      ['Trần Thị Lan', 'Giáo viên', 'Lao động tiên tiến'],
      ['Lê Văn Hùng', 'Giáo viên', null],
    ]);
    // No column of its own in "Thành viên": the family name is part of "Họ và tên".
    expect(Object.keys(members[0]!)).not.toContain('Họ và tên đệm');
    // Next time, the saved mapping finds the same three people.
    const again = await previewImport(saved, { sheet: LIST });
    expect(again.mappingSource).toBe('saved');
    expect(again.diff.unchanged.map((e) => e.name)).toEqual(['Nguyễn Thị Lan', 'Trần Thị Lan', 'Lê Văn Hùng']);
    expect(again.diff.added).toEqual([]);
  });

  it('a mapping saved before the family name was read (version 2) proposes that column afresh', async () => {
    const wb = await school(true);
    await applyImport(wb, { sheet: LIST });
    const settings = wb.workbook.getWorksheet(IMPORT_SETTINGS_SHEET)!;
    // What version 2 wrote for such a list: the family-name column left out, having nowhere to go.
    settings.eachRow((row) => {
      if (row.getCell(1).value === 'Phiên bản cấu hình') row.getCell(2).value = 2;
      if (row.getCell(1).value === 'Họ và tên / Họ và tên đệm') row.getCell(2).value = '(không nhập)';
    });
    const legacy = await roundTrip(wb);
    const p = await previewImport(legacy, { sheet: LIST });
    expect(p.columns.find((c) => c.col === 2)).toMatchObject({ target: 'familyName', origin: 'auto' });
    expect(p.columns.find((c) => c.col === 3)).toMatchObject({ target: 'name', origin: 'saved' });
    expect(p.rows.map((r) => r.name)).toEqual(['Nguyễn Thị Lan', 'Trần Thị Lan', 'Lê Văn Hùng']);
  });
});

// No sub-labels: the members start right under the merged "Họ và tên", family names left, given names right.
it('a "Họ và tên" merged over two columns with the members right under it: the first member is read and every name is whole', async () => {
  const wb = await unitWorkbook();
  const ws = wb.workbook.addWorksheet(LIST);
  ws.getRow(1).values = ['STT', 'Họ và tên', null, 'Chức vụ'];
  ws.mergeCells('B1:C1');
  ws.getRow(2).values = [1, 'Nguyễn Văn', 'An', 'Giáo viên'];
  ws.getRow(3).values = [2, 'Trần Thị', 'Bình', 'Giáo viên'];
  const p = await previewImport(await roundTrip(wb), { sheet: LIST }, { now: new Date(2025, 11, 20) });
  expect(p.header).toMatchObject({ top: 1, bottom: 1, dataStart: 2 });
  expect(p.rows.map((r) => [r.row, r.name, r.values.position])).toEqual([
    [2, 'Nguyễn Văn An', 'Giáo viên'],
    [3, 'Trần Thị Bình', 'Giáo viên'],
  ]);
});
