/**
 * "Sang năm mới" and the members' notes: a note says something of the member's year ("Nghỉ thai
 * sản từ tháng 3", often why they were not counted) and belongs to that year, as the counted flag
 * it explains does. The new year's workbook starts with the column empty; who the member is stays.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { startNewYear } from '../../src/usecases/newYear';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { HIDDEN_NOTE, REMOVED_NOTE } from '../../src/usecases/import/importMembers';

const header = (key: string) => MEMBER_FIELDS.find((f) => f.key === key)!.header;

/** The cell holding `heading` on `sheet` (the members sheet unless said). */
function headingAt(wb: ExcelJsWorkbook, heading: string, sheet: string = SHEETS.members): { row: number; col: number } {
  const ws = wb.workbook.getWorksheet(sheet)!;
  let at: { row: number; col: number } | null = null;
  ws.eachRow((r, row) => r.eachCell((c, col) => void (!at && c.value === heading && (at = { row, col }))));
  return at!;
}

/** The members sheet's column under `heading`, data rows only (from the row below the heading). */
function column(wb: ExcelJsWorkbook, heading: string): unknown[] {
  const ws = wb.workbook.getWorksheet(SHEETS.members)!;
  const { row, col } = headingAt(wb, heading);
  return Array.from({ length: ws.rowCount - row }, (_, i) => ws.getCell(row + 1 + i, col).value).filter((_, i) => ws.getCell(row + 1 + i, 2).value !== null);
}

describe('startNewYear and the members’ notes', () => {
  it('clears “Ghi chú” with the year’s other member columns and says so; names, positions and teams stay', async () => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const notes = column(wb, header('note'));
    expect(notes).toContain('Nghỉ thai sản từ tháng 3');
    const names = column(wb, header('name'));
    const positions = column(wb, header('position'));
    const teams = column(wb, header('team'));

    const result = await startNewYear(wb);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    expect(result.clearedMemberColumns).toContain(header('note'));
    // Emptied too, but back to its default (counted), as the message's first clause says: not listed as cleared.
    expect(result.clearedMemberColumns).not.toContain(header('counted'));
    expect(column(wb, header('counted')).filter((v) => v !== null && v !== '')).toEqual([]);
    expect(column(wb, header('note')).filter((v) => v !== null && v !== '')).toEqual([]);
    expect(column(wb, header('name'))).toEqual(names);
    expect(column(wb, header('position'))).toEqual(positions);
    expect(column(wb, header('team'))).toEqual(teams);
  });
});

describe('startNewYear and the members an import marked as gone', () => {
  it('keeps a member who left (gone from the imported list, or hidden in it) not counted, with the import’s mark alone', async () => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const ws = wb.workbook.getWorksheet(SHEETS.members)!;
    const counted = headingAt(wb, header('counted'));
    const note = headingAt(wb, header('note'));
    const gone = `${REMOVED_NOTE} “DS” (05/12/2026)`;
    const hidden = `${HIDDEN_NOTE} “DS” (dòng 9)`;
    ws.getCell(counted.row + 2, counted.col).value = 'Không';
    ws.getCell(note.row + 2, note.col).value = gone;
    ws.getCell(counted.row + 4, counted.col).value = 'Không';
    ws.getCell(note.row + 4, note.col).value = `Nghỉ việc từ tháng 9; ${hidden}`;
    // Not counted for a reason of this year only: counted again next year, the note cleared.
    ws.getCell(counted.row + 6, counted.col).value = 'Không';
    ws.getCell(note.row + 6, note.col).value = 'Nghỉ thai sản từ tháng 3';

    const result = await startNewYear(wb);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    const countedAfter = column(wb, header('counted'));
    const notesAfter = column(wb, header('note'));
    expect(countedAfter[1]).toBe('Không');
    expect(notesAfter[1]).toBe(gone);
    expect(countedAfter[3]).toBe('Không');
    expect(notesAfter[3]).toBe(hidden);
    expect(countedAfter.filter((v, i) => i !== 1 && i !== 3 && v !== null && v !== '')).toEqual([]);
    expect(notesAfter.filter((v, i) => i !== 1 && i !== 3 && v !== null && v !== '')).toEqual([]);
  });
});

describe('startNewYear and the columns the rule set reads', () => {
  it('clears a condition column respelt by the unit (kỉ for kỷ) and one only the rule set names, as this year’s answers', async () => {
    const wb = ExcelJsWorkbook.create('truong.xlsx');
    await createSheets(wb, sampleUnit({ members: 12 }));
    const members = wb.workbook.getWorksheet(SHEETS.members)!;
    const criteria = wb.workbook.getWorksheet(SHEETS.criteria)!;
    // The unit respells the discipline heading; the engine reads it as the same column.
    const discipline = headingAt(wb, header('discipline'));
    const respelt = header('discipline').replace('kỷ', 'kỉ');
    members.getCell(discipline.row, discipline.col).value = respelt;
    // A column of the unit's own that an indicator's condition now reads (a local rule set's column).
    const language = headingAt(wb, header('language'));
    members.getCell(language.row, language.col).value = 'Sinh hoạt chuyên đề';
    const code = headingAt(wb, '2.4', SHEETS.criteria);
    criteria.getCell(code.row, 4).value = '[Sinh hoạt chuyên đề] = Có';
    // A column the unit keeps for itself, which nothing reads: not the new year's to clear.
    const own = headingAt(wb, header('disciplinary'));
    members.getCell(own.row, own.col).value = 'Ghi chép riêng của trường';
    members.getCell(own.row + 1, own.col).value = 'giữ';
    for (let i = 1; i <= 12; i++) {
      members.getCell(discipline.row + i, discipline.col).value = 'Có';
      members.getCell(language.row + i, language.col).value = 'Có';
    }

    const result = await startNewYear(wb);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    expect(result.clearedMemberColumns).toEqual(expect.arrayContaining([respelt, 'Sinh hoạt chuyên đề']));
    expect(column(wb, respelt).filter((v) => v !== null && v !== '')).toEqual([]);
    expect(column(wb, 'Sinh hoạt chuyên đề').filter((v) => v !== null && v !== '')).toEqual([]);
    expect(result.clearedMemberColumns).not.toContain('Ghi chép riêng của trường');
    expect(members.getCell(own.row + 1, own.col).value).toBe('giữ');
  });
});
