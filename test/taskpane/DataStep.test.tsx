/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { DataStep } from '../../src/taskpane/steps/DataStep';
import { SHEETS } from '../../src/sheets/names';
import { failingWorkbook, fakePaneHost, gatedWorkbook, typeInto } from '../support/fakePaneHost';
import { nextFrame, renderApp, renderStep, settle } from './renderPane';

const check = () => fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

describe('DataStep', () => {
  test('before checking: says what it does, nothing else', async () => {
    renderStep(DataStep, await fakePaneHost({ sample: true }));
    expect(screen.getByRole('heading', { name: 'Kiểm tra dữ liệu' })).toBeTruthy();
    // Nothing else once the unit's data (read as the step is shown) is in its form.
    expect(await screen.findByRole('button', { name: 'Ghi vào sổ' })).toBeTruthy();
    expect(screen.queryByText('Đang kiểm tra dữ liệu…')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });

  test('empty: clean sample data says "Không có vấn đề" and offers the next step', async () => {
    const { goTo } = renderStep(DataStep, await fakePaneHost({ sample: true }));
    check();
    expect(await screen.findByText('Không có vấn đề', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText(/41 thành viên được tính/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp: đánh giá' }));
    expect(goTo).toHaveBeenCalledWith('evaluate');
  });

  test('loading: a spinner while checking, the button disabled', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderStep(DataStep, await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    const button = screen.getByRole('button', { name: 'Kiểm tra dữ liệu' });
    button.focus();
    check();
    expect(await screen.findByText('Đang kiểm tra dữ liệu…')).toBeTruthy();
    // Inactive but still focused: the clerk's place is not lost.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await act(async () => gate.release());
    expect(await screen.findByText('Không có vấn đề', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByText('Đang kiểm tra dữ liệu…')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kiểm tra lại' }));
  });

  test('done with problems: counts, and each problem selects its cell', async () => {
    const host = await fakePaneHost({ sample: true });
    await typeInto(host.excel, SHEETS.members, 'H7', 'có lẽ');
    renderStep(DataStep, host);
    check();
    expect(await screen.findByText(/0 lỗi, 1 điểm cần xem lại; 41/, {}, { timeout: 15_000 })).toBeTruthy();
    // Announced to screen readers in the live region present before the result, with the first point and its cell.
    expect(screen.getByTestId('announce').textContent).toMatch(/^Đã kiểm tra: 0 lỗi, 1 điểm cần xem lại\. 'Thành viên'!H7: “có lẽ” không rõ là Có hay Không/);
    const list = screen.getByRole('list', { name: 'Danh sách vấn đề' });
    expect(within(list).getByText(/“có lẽ” không rõ là Có hay Không/)).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Đến ô Thành viên!H7' }));
    expect(host.shown).toEqual([{ sheet: 'Thành viên', address: 'H7' }]);
  });

  test('missing sheets: a warning that sends the clerk to Thiết lập', async () => {
    const { goTo } = renderStep(DataStep, await fakePaneHost());
    check();
    expect(await screen.findByText('Chưa có đủ các trang', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText(/Hãy tạo các trang ở bước Thiết lập/, BAR)).toBeTruthy();
    // Said to a screen reader as well: the bar is no live region.
    expect(screen.getByTestId('announce').textContent).toMatch(/^Chưa có đủ các trang\. Tệp không có trang “Thông tin đơn vị”.* Hãy tạo các trang ở bước Thiết lập\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'Đến bước Thiết lập' }));
    expect(goTo).toHaveBeenCalledWith('setup');
  });

  test('error: what Excel said, what to do, and a retry', async () => {
    renderStep(DataStep, await fakePaneHost({ sample: true, wrap: failingWorkbook('Tệp đang được người khác sửa') }));
    check();
    // The form above the check could not read either: both say so, each with its retry.
    expect((await screen.findAllByText(/Tệp đang được người khác sửa/, BAR)).length).toBe(2);
    expect(screen.getAllByText(/Hãy thử lại/, BAR)).toHaveLength(2);
    expect(screen.getByTestId('announce').textContent).toMatch(/^Không thực hiện được\. .*Tệp đang được người khác sửa/);
    expect(screen.getAllByRole('button', { name: 'Thử lại' })).toHaveLength(2);
  });

  test('a retry that reads the workbook shows the form and no longer the error, and says it is reading meanwhile', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    // The first read fails; the retry's waits at the gate until released.
    renderStep(DataStep, await fakePaneHost({ sample: true, wrap: (wb) => failingWorkbook('Tệp đang được người khác sửa', 1)((gate = gatedWorkbook(wb))) }));
    expect(await screen.findByText(/Tệp đang được người khác sửa/, BAR, { timeout: 15_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByText('Đang đọc sổ…')).toBeTruthy();
    expect(screen.queryByText(/Tệp đang được người khác sửa/, BAR)).toBeNull();
    await act(async () => gate.release());
    expect(await screen.findByRole('group', { name: 'Đơn vị tự đánh giá' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByText(/Tệp đang được người khác sửa/, BAR)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  test('English', async () => {
    renderStep(DataStep, await fakePaneHost({ sample: true }), 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Check the data' }));
    expect(await screen.findByText('No problems', {}, { timeout: 15_000 })).toBeTruthy();
  });
});

describe('DataStep in the pane, hidden until its tab is chosen', () => {
  test("the unit's data is read when the step is shown, and said then: not before in the hidden panel, and only once its region is on the page", async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    const host = await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) });
    renderApp(host);
    const facts = () => screen.getByRole('region', { name: 'Số liệu của đơn vị', hidden: true });
    const said = () => within(facts()).getAllByRole('status', { hidden: true }).map((r) => r.textContent).join('');
    // A frame on, the first step shown: the hidden step reads nothing, so says nothing.
    await act(nextFrame);
    expect(said()).toBe('');
    fireEvent.click(screen.getByRole('tab', { name: '2. Dữ liệu' }));
    // Shown with its region empty; the read said once that region is on the page (a region shown with its text is often not read out).
    expect(said()).toBe('');
    expect(await within(facts()).findByText('Đang đọc sổ…')).toBeTruthy();
    await act(async () => gate.release());
    expect(await within(facts()).findByRole('button', { name: 'Ghi vào sổ' })).toBeTruthy();
    await settle(host);
    expect(said()).toBe('');
  });
});
