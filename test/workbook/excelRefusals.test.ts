/**
 * Excel's refusals (OfficeExtension.Error: a code, and a message in Office's language that is not
 * meant for end users) reach the user as what Excel was doing, where, and what to do next; never
 * as Office's own words. Through OfficeWorkbook on the counting fake of the Excel API.
 */
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { excelRefusedText, isExcelRefusedError } from '../../src/workbook/excelRefusal';
import { createFakeExcel } from '../support/fakeExcel';

const CELL_EDIT = { code: 'InvalidOperationInCellEditMode', message: "The operation isn't available while Excel is in Edit cell mode." };

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('Excel’s refusals, said to the user', () => {
  it('cell edit mode: press Enter or Esc, then again; in Vietnamese first, in English on demand', async () => {
    const excel = createFakeExcel({ sheets: { 'Thành viên': [['a']] }, failLoads: CELL_EDIT });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(wb.batch((s) => s.read(['Thành viên'])));
    expect(isExcelRefusedError(e)).toBe(true);
    expect(e).toMatchObject({ name: 'ExcelRefusedError', code: 'InvalidOperationInCellEditMode', kind: 'cellEdit' });
    expect(e.message).toMatch(/^Excel đang ở chế độ sửa ô.*Enter.*Esc/);
    expect(e.message).not.toMatch(/Edit cell mode/);
    expect(excelRefusedText('en', e as never)).toMatch(/^Excel is editing a cell.*Enter.*Esc/);
  });

  it('a refused write names the sheets it was writing and says how to lift the lock', async () => {
    const excel = createFakeExcel({ sheets: { 'Thành viên': [['a']] }, failWrites: { code: 'AccessDenied', message: 'You cannot perform the requested operation.' } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(
      wb.batch(async (s) => {
        await s.read(['Thành viên']);
        s.write({ sheet: 'Tổng hợp', mode: 'replace', role: 'summary', cells: [{ at: 'A1', rows: [['x']] }] });
      }),
    );
    expect(e).toMatchObject({ name: 'ExcelRefusedError', code: 'AccessDenied', sheets: ['Tổng hợp'], writing: true });
    expect(e.message).toMatch(/ghi vào trang “Tổng hợp”/);
    expect(e.message).toMatch(/chỉ đọc|Bật chỉnh sửa/);
    expect(e.message).not.toMatch(/cannot perform/);
  });

  describe('a write Excel refuses after taking part of it (a long write goes in several requests)', () => {
    // About 3.6 MB of text: two requests of the write (each kept under 2.8 MB).
    const long = Array.from({ length: 12_000 }, (_, i) => [`Người ${i} ${'x'.repeat(280)}`]);
    const write = async (failWritesFromSync: number) => {
      const excel = createFakeExcel({ sheets: { 'Thành viên': [['a']] }, failWrites: { code: 'Conflict', message: 'Conflict.' }, failWritesFromSync });
      const wb = new OfficeWorkbook(excel.run, excel.supports);
      const e = await refusal(wb.batch(async (s) => s.write({ sheet: 'Thành viên', mode: 'existing', cells: [{ at: 'A2', rows: long }] })));
      return { e, excel };
    };

    it('says the sheet may be half written and to run it again once the cause is dealt with', async () => {
      const { e, excel } = await write(3);
      expect(excel.sheet('Thành viên').value('A2')).toMatch(/^Người 0 /);
      expect(e).toMatchObject({ kind: 'busy', writing: true, partly: true, sheets: ['Thành viên'] });
      expect(e.message).toMatch(/^Excel đang bận .* Excel đã nhận một phần .*trang “Thành viên” có thể đang dở dang.*chạy lại/);
      expect(excelRefusedText('en', e as never)).toMatch(/Excel had taken part of it .*the sheet “Thành viên” may be half written/);
    });

    it('says nothing of the kind when its first request was refused', async () => {
      const { e, excel } = await write(2);
      expect(excel.sheet('Thành viên').value('A2')).toBe('');
      expect(e).toMatchObject({ kind: 'busy', partly: false });
      expect(e.message).not.toMatch(/một phần/);
    });
  });

  it('a refused read names the sheets it was reading', async () => {
    const excel = createFakeExcel({ sheets: { A: [['a']] }, failLoads: { code: 'GeneralException', message: 'There was an internal error while processing the request.' } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(wb.batch((s) => s.read(['Thành viên', 'Tiêu chí'])));
    expect(e).toMatchObject({ kind: 'internal', code: 'GeneralException', writing: false, sheets: ['Thành viên', 'Tiêu chí'] });
    // The code stays: it is what the school's IT teacher passes on to whoever supports them.
    expect(e.message).toMatch(/^Excel báo lỗi khi ĐVHT đọc các trang “Thành viên”, “Tiêu chí” \(mã GeneralException\)/);
  });

  it.each([
    ['MergedRangeConflict', /ô gộp/],
    ['FilteredRangeConflict', /bộ lọc/],
    ['PivotTableRangeConflict', /PivotTable/],
    ['RequestPayloadSizeLimitExceeded', /5 MB/],
    ['Conflict', /người khác cùng sửa/],
    ['InactiveWorkbook', /cửa sổ của sổ này/],
    // office-js#6365: Excel for Mac fails a sheet's names with InvalidSelection while the user looks at another workbook.
    ['InvalidSelection', /cửa sổ của sổ này/],
  ])('%s is said with its cause', async (code, said) => {
    const excel = createFakeExcel({ sheets: { A: [['a']] }, failWrites: { code, message: 'English words' } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(wb.batch(async (s) => s.write({ sheet: 'A', mode: 'existing', cells: [{ at: 'B2', rows: [['x']] }] })));
    expect(e.message).toMatch(said);
    expect(e.message).not.toMatch(/English words/);
    expect(excelRefusedText('en', e as never)).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });

  it('errors that are not Excel’s (a plan the add-in got wrong) pass as they are', async () => {
    const excel = createFakeExcel({ sheets: { A: [['a']] } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(wb.batch(async (s) => s.write({ sheet: 'Gone', mode: 'existing', cells: [{ at: 'A1', rows: [['x']] }] })));
    expect(isExcelRefusedError(e)).toBe(false);
  });

  it('“go to cell” on a sheet the user hid says so, with how to show it, and changes nothing', async () => {
    const excel = createFakeExcel({ sheets: { 'Tổng hợp': [['a']], 'Thành viên': [['b']] }, visibility: { 'Thành viên': 'Hidden' } });
    const wb = new OfficeWorkbook(excel.run, excel.supports);
    const e = await refusal(wb.batch(async (s) => s.select('Thành viên', 'H7')));
    expect(e).toMatchObject({ name: 'ExcelRefusedError', kind: 'hiddenSheet', sheets: ['Thành viên'] });
    expect(e.message).toMatch(/^Trang “Thành viên” đang ẩn.*Bỏ ẩn \(Unhide\)/);
    expect(excelRefusedText('en', e as never)).toMatch(/^The sheet “Thành viên” is hidden.*Unhide/);
    expect([excel.active(), excel.selection(), excel.sheet('Thành viên').visibility]).toEqual(['Tổng hợp', null, 'Hidden']);
  });
});
