/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImportStep } from '../../src/taskpane/steps/ImportStep';
import { failingWorkbook, fakePaneHost } from '../support/fakePaneHost';
import { renderStep } from '../taskpane/renderPane';
import { addContractSheet, addStaffSheet, CONTRACT, fieldCol, memberRows, SOURCE } from './messySheets';
import { cellChanges, previewImport } from '../../src/usecases/import/importMembers';
import { changeLine, keptSummary } from '../../src/usecases/import/wording';

const NEXT = 'DS 2026';
import { SHEETS } from '../../src/sheets/names';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { FileRefusedError } from '../../src/usecases/xlsxReason';
import { XlsxError } from '../../src/xlsx/errors';

/** The bars and lists on screen, not the status regions' sentences for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
const said = () => screen.queryAllByTestId('announce').map((e) => e.textContent);

describe('ImportStep', () => {
  test('preview: mapping with a dropdown per column, first rows, unreadable cells that jump to the source, counts; then Nhập', async () => {
    const host = await fakePaneHost();
    await createSheets(host.excel, { ...sampleUnit({}), members: [] });
    addStaffSheet(host.excel.workbook);
    const { goTo } = renderStep(ImportStep, host);
    const sheetSelect = (await screen.findByRole('combobox', { name: 'Trang danh sách' })) as HTMLSelectElement;
    await screen.findByRole('option', { name: SOURCE });
    expect(sheetSelect.value).toBe(SOURCE);
    expect(screen.queryByRole('option', { name: SHEETS.members })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));

    const nameMap = (await screen.findByRole('combobox', { name: 'Nhập cột “Họ và tên” vào' })) as HTMLSelectElement;
    expect(nameMap.value).toBe('name');
    const birth = screen.getByRole('combobox', { name: 'Nhập cột “Năm sinh” vào' }) as HTMLSelectElement;
    expect(birth.value).toBe('birthDate');
    expect(birth.selectedOptions[0]!.textContent).toBe('Ngày sinh / năm sinh (mang sang như danh sách nguồn, để phân biệt người trùng tên)');
    // The first rows' table heads the date of birth as the list does, the header it keeps in “Thành viên”.
    const heads = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(heads).toContain('Năm sinh');
    expect(heads.filter((h) => h?.startsWith('Ngày sinh / năm sinh'))).toEqual([]);
    expect(screen.getByText('Thêm 6, cập nhật 0, không đổi 0, không còn trong danh sách 0.', BAR)).toBeTruthy();
    // A screen reader hears the counts of the preview (the table and the counts are no live region).
    expect(said()).toEqual(['Thêm 6, cập nhật 0, không đổi 0, không còn trong danh sách 0.']);
    expect(screen.getByText('Nguyễn Văn An', BAR)).toBeTruthy();
    const issues = screen.getByRole('list');
    expect(within(issues).getByText(/'DS CB-GV-NV'!G12/)).toBeTruthy();
    fireEvent.click(within(issues).getAllByRole('button')[0]!);
    await waitFor(() => expect(host.shown[0]).toEqual({ sheet: SOURCE, address: 'G12' }));

    // A correction re-reads the preview with the user's choice.
    fireEvent.change(screen.getByRole('combobox', { name: 'Nhập cột “Ghi chú” vào' }), { target: { value: '' } });
    await screen.findByRole('combobox', { name: 'Nhập cột “Ghi chú” vào' });
    const apply = await screen.findByRole('button', { name: 'Nhập' });
    apply.focus();
    fireEvent.click(apply);
    expect(await screen.findByText('Đã nhập vào trang “Thành viên”', BAR)).toBeTruthy();
    expect(said()).toContain('Đã nhập vào trang “Thành viên”. Thêm 6, cập nhật 0, không đổi 0, không còn trong danh sách 0.');
    // The pressed button keeps the focus; the next step is said and offered.
    expect(document.activeElement).toBe(apply);
    expect(screen.getByTestId('next-step').textContent).toBe(' Bước tiếp theo: kiểm tra dữ liệu, rồi đánh giá.');
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp: kiểm tra dữ liệu' }));
    expect(goTo).toHaveBeenCalledWith('data');
    const rows = memberRows(host.excel.workbook);
    expect(rows).toHaveLength(6);
    expect(rows[1]!['Ghi chú']).toBeNull();
  });

  test('re-import: lists the cells it will change, keeps what the list leaves blank unless asked to empty it', async () => {
    const host = await fakePaneHost();
    await createSheets(host.excel, { ...sampleUnit({}), members: [] });
    addStaffSheet(host.excel.workbook);
    addStaffSheet(host.excel.workbook, 'nextYear', NEXT);
    renderStep(ImportStep, host);
    await screen.findByRole('option', { name: NEXT });
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nhập' }));
    await screen.findByText('Đã nhập vào trang “Thành viên”', BAR);
    // The clerk types a note and “Gia đình học tập” for every member in “Thành viên”.
    const members = host.excel.workbook.getWorksheet(SHEETS.members)!;
    for (const r of memberRows(host.excel.workbook)) {
      members.getCell(r.row as number, fieldCol('note')).value = `Ghi chú ${String(r['Mã định danh'])}`;
      members.getCell(r.row as number, fieldCol('learningFamily')).value = 'Không';
    }

    fireEvent.change(screen.getByRole('combobox', { name: 'Trang danh sách' }), { target: { value: NEXT } });
    fireEvent.click(screen.getByRole('button', { name: 'Đọc lại' }));
    // The message of the import before is not left up beside the new preview.
    await waitFor(() => expect(screen.queryByText('Đã nhập vào trang “Thành viên”')).toBeNull());
    const keeping = await previewImport(host.excel, { sheet: NEXT }, { lang: 'vi' });
    expect(keeping.diff.kept.length).toBe(8);
    await screen.findByText(`${keptSummary('vi', keeping.diff.kept, 10)} Muốn xóa cả các ô này, chọn “Xóa cả ô mà danh sách nguồn để trống”.`, BAR);
    const shownChanges = () => within(screen.getByRole('list', { name: /^Các ô sẽ thay đổi/ })).getAllByRole('listitem').map((li) => li.textContent);
    expect(shownChanges()).toEqual(cellChanges(keeping.diff).map((c) => changeLine('vi', c)));

    const clear = screen.getByRole('checkbox', { name: 'Xóa cả ô mà danh sách nguồn để trống' });
    expect((clear as HTMLInputElement).checked).toBe(false);
    fireEvent.click(clear);
    const clearing = await previewImport(host.excel, { sheet: NEXT }, { lang: 'vi', clearBlanks: true });
    const all = cellChanges(clearing.diff).map((c) => changeLine('vi', c));
    expect(all.length).toBe(11);
    await waitFor(() => expect(shownChanges()).toEqual([...all.slice(0, 10), 'và 1 ô khác']));
    expect(screen.getByRole('heading', { name: 'Các ô sẽ thay đổi ở trang “Thành viên” (11)' })).toBeTruthy();

    fireEvent.click(clear);
    await waitFor(() => expect(shownChanges()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Nhập' }));
    await screen.findByText('Đã nhập vào trang “Thành viên”', BAR);
    // Said in the preview and again in the result.
    const shown = document.body.cloneNode(true) as HTMLElement;
    shown.querySelectorAll('[data-testid="announce"]').forEach((e) => e.remove());
    expect(shown.textContent!.split(keptSummary('vi', keeping.diff.kept, 10)).length - 1).toBe(2);
    // And to a screen reader with the result.
    expect(said().filter((text) => text!.includes(keptSummary('vi', keeping.diff.kept, 10)))).toHaveLength(1);
    const an = memberRows(host.excel.workbook).find((r) => r['Mã định danh'] === 'CB003')!;
    expect([an['Ghi chú'], an['Gia đình học tập']]).toEqual(['Ghi chú CB003', 'Không']);
  });

  test('a second list of the unit (its contract workers) adds its people and marks nobody when “only adds” is ticked', async () => {
    const host = await fakePaneHost();
    await createSheets(host.excel, { ...sampleUnit({}), members: [] });
    addStaffSheet(host.excel.workbook);
    addContractSheet(host.excel.workbook);
    renderStep(ImportStep, host);
    await screen.findByRole('option', { name: CONTRACT });
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nhập' }));
    await screen.findByText('Đã nhập vào trang “Thành viên”', BAR);

    fireEvent.change(screen.getByRole('combobox', { name: 'Trang danh sách' }), { target: { value: CONTRACT } });
    fireEvent.click(screen.getByRole('button', { name: 'Đọc lại' }));
    // Without the choice, the six on the staff list would be marked as gone: the preview says so, and how not to.
    await screen.findByText('Thêm 2, cập nhật 0, không đổi 0, không còn trong danh sách 6.', { ...BAR, exact: false });
    expect(screen.getByText(/chọn “Danh sách này chỉ bổ sung thành viên/, BAR)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Danh sách này chỉ bổ sung thành viên/ }));
    await screen.findByText('Thêm 2, cập nhật 0, không đổi 0, không còn trong danh sách 0.', { ...BAR, exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Nhập' }));
    await screen.findByText('Đã nhập vào trang “Thành viên”', BAR);
    const rows = memberRows(host.excel.workbook);
    expect(rows).toHaveLength(8);
    // Not counted: only the staff list's hidden row (someone who left), not the six missing from the contract list.
    expect(rows.filter((r) => r['Tính vào tổng số'] === 'Không').map((r) => r['Ghi chú'])).toEqual([expect.stringMatching(/^Dòng ẩn ở danh sách nhập/)]);
  });

  test('a sheet without a header says so', async () => {
    const host = await fakePaneHost({ sample: true });
    host.excel.workbook.addWorksheet('Sổ ghi chép').getCell('A1').value = 'Ghi chép';
    renderStep(ImportStep, host);
    await screen.findByRole('option', { name: 'Sổ ghi chép' });
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    expect(await screen.findByText(/Không tìm thấy dòng tiêu đề/, BAR)).toBeTruthy();
    expect(said()).toEqual([expect.stringMatching(/Không tìm thấy dòng tiêu đề/)]);
  });

  test('a workbook whose sheets cannot be listed shows the reason, with a retry', async () => {
    const host = await fakePaneHost({ sample: true, wrap: failingWorkbook('Excel đang bận') });
    renderStep(ImportStep, host);
    expect(await screen.findByText(/Excel đang bận/, BAR)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });

  test('an uploaded file whose sheets cannot be read shows the reason (no unhandled rejection)', async () => {
    const host = await fakePaneHost({ sample: true });
    const broken = { name: 'hong.xlsx' } as File;
    const files = { pick: async () => [broken], open: async () => failingWorkbook('tệp hỏng ở sheet1.xml')(host.excel) };
    renderStep(ImportStep, { ...host, files });
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn tệp Excel…' }));
    expect(await screen.findByText(/hong\.xlsx.*tệp hỏng ở sheet1\.xml/, BAR)).toBeTruthy();
  });
});

describe('ImportStep, a list file the reader refuses (the preview)', () => {
  test('says the reader’s reason once, with what to do, not wrapped in a second one', async () => {
    const base = await fakePaneHost();
    const reason = 'Đây là tệp văn bản CSV đổi tên, không phải sổ Excel. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.';
    const host = { ...base, files: { pick: async () => [new File(['a;b'], 'danh sach.xlsx')], open: () => Promise.reject(new FileRefusedError(reason, new XlsxError('csv', ''))) } };
    renderStep(ImportStep, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn tệp Excel…' }));
    expect(await screen.findByText(`Không mở được “danh sach.xlsx”: ${reason}`, BAR)).toBeTruthy();
  });
});
