/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { RuleSetView } from '../../src/taskpane/RuleSetView';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import type { PaneHost } from '../../src/taskpane/host';
import { failingWorkbook, fakePaneHost, gatedWorkbook, sheetRows } from '../support/fakePaneHost';

function renderView(host: PaneHost) {
  const onClose = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <RuleSetView host={host} lang="vi" onClose={onClose} />
    </FluentProvider>,
  );
  return { onClose };
}

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
/** Said to be unavailable (aria-disabled): never disabled, so it keeps the focus (a disabled button loses it). */
const unavailable = (name: string | RegExp) => screen.getByRole('button', { name }).getAttribute('aria-disabled') === 'true';

const item = (code: string) => document.querySelector(`[data-indicator="${code}"]`) as HTMLElement;
const thresholdOf = (code: string) => screen.getByRole('textbox', { name: `Yêu cầu của chỉ tiêu ${code} (%)` }) as HTMLInputElement;

describe('RuleSetView', () => {
  test('done: every indicator with requirement, condition, applicability and legal source', async () => {
    renderView(await fakePaneHost({ sample: true }));
    expect(await screen.findByText('TT24 · cấp huyện · mức độ 1')).toBeTruthy();
    expect(screen.getByText(/Căn cứ: Thông tư số 24\/2023\/TT-BGDĐT/)).toBeTruthy();
    expect(document.querySelectorAll('[data-indicator]')).toHaveLength(14);
    expect(thresholdOf('2.1').value).toBe('90');
    expect(thresholdOf('2.4').value).toBe('50');
    expect((screen.getByRole('textbox', { name: 'Điều kiện đạt của chỉ tiêu 2.1' }) as HTMLInputElement).value).toBe('[Chấp hành kỷ luật lao động] = có');
    expect(within(item('2.3')).getByText('Nguồn thứ cấp — nên đối chiếu')).toBeTruthy();
    expect(within(item('2.3')).getByText('Nguồn: [S] Thông tư 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6 khoản 2 (theo Mẫu số 4, CV 681/SGDĐT-GDTrH&TX ngày 07/5/2024 của Sở GDĐT Đồng Tháp)')).toBeTruthy();
    expect(within(item('1.1')).getByText('Văn bản pháp luật')).toBeTruthy();
    expect(within(item('3.3')).getByText('Thực tiễn địa phương')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Chỉ tiêu 1.3 áp dụng cho' }) as HTMLInputElement).value).toMatch(/^\[Loại đơn vị\] thuộc/);
    // Unit facts have no percentage to edit.
    expect(screen.queryByRole('textbox', { name: 'Yêu cầu của chỉ tiêu 1.1 (%)' })).toBeNull();
    expect(unavailable(/Lưu vào trang “Tiêu chí”/)).toBe(true);
  });

  test('editing a requirement (87,5) saves it into the sheet and nothing else', async () => {
    const host = await fakePaneHost({ sample: true });
    const before = (await sheetRows(host.excel, SHEETS.criteria))!;
    renderView(host);
    await screen.findByText('TT24 · cấp huyện · mức độ 1');
    fireEvent.change(thresholdOf('2.4'), { target: { value: '87,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu vào trang “Tiêu chí” (1 chỉ tiêu)' }));
    expect(await screen.findByText(/Đã lưu 1 ô vào trang “Tiêu chí”/, BAR)).toBeTruthy();
    const after = (await sheetRows(host.excel, SHEETS.criteria))!;
    const r = after.findIndex((row) => row[0] === '2.4');
    expect(after[r]![COL.threshold - 1]).toBe(0.875);
    after[r]![COL.threshold - 1] = before[r]![COL.threshold - 1]!;
    expect(after).toEqual(before);
    expect(thresholdOf('2.4').value).toBe('87,5');
  });

  test('an invalid requirement or condition is said next to the field and cannot be saved', async () => {
    renderView(await fakePaneHost({ sample: true }));
    await screen.findByText('TT24 · cấp huyện · mức độ 1');
    fireEvent.change(thresholdOf('2.1'), { target: { value: '120' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Điều kiện đạt của chỉ tiêu 2.2' }), { target: { value: '[Hoàn thành bồi dưỡng bắt buộc] =' } });
    expect(within(item('2.1')).getByText(/yêu cầu phải là tỷ lệ từ 0 đến 100/)).toBeTruthy();
    expect(within(item('2.2')).getByText(/không đọc được điều kiện \(cần một số, “có” hoặc “không”\)/)).toBeTruthy();
    expect(unavailable(/Lưu vào trang/)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ các thay đổi' }));
    expect(thresholdOf('2.1').value).toBe('90');
  });

  test('a requirement typed as a fraction (0,95) is not taken for 0,95%: said, with the percentage meant; “≥ 95” reads as 95', async () => {
    renderView(await fakePaneHost({ sample: true }));
    await screen.findByText('TT24 · cấp huyện · mức độ 1');
    fireEvent.change(thresholdOf('2.1'), { target: { value: '0,95' } });
    expect(within(item('2.1')).getByText('Chỉ tiêu 2.1: ô này ghi theo phần trăm, nên “0,95” là 0,95%. Nếu yêu cầu là 95%, hãy ghi 95.')).toBeTruthy();
    expect(unavailable(/Lưu vào trang/)).toBe(true);
    fireEvent.change(thresholdOf('2.1'), { target: { value: '0.9%' } });
    expect(within(item('2.1')).getByText('Chỉ tiêu 2.1: ô này ghi theo phần trăm, nên “0,9” là 0,9%. Nếu yêu cầu là 90%, hãy ghi 90.')).toBeTruthy();
    fireEvent.change(thresholdOf('2.1'), { target: { value: '≥ 95' } });
    expect(within(item('2.1')).queryByText(/phần trăm/)).toBeNull();
    expect(unavailable('Lưu vào trang “Tiêu chí” (1 chỉ tiêu)')).toBe(false);
  });

  test('loading', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderView(await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    expect(await screen.findByText('Đang đọc trang “Tiêu chí”…')).toBeTruthy();
    await act(async () => gate.release());
    expect(await screen.findByText('TT24 · cấp huyện · mức độ 1')).toBeTruthy();
  });

  test('empty: no criteria sheet yet says how to create it', async () => {
    const { onClose } = renderView(await fakePaneHost());
    expect(await screen.findByText('Chưa đọc được bộ tiêu chí', BAR)).toBeTruthy();
    expect(screen.getByText(/Hãy đóng khung này, chọn bộ tiêu chí và bấm “Tạo các trang”/, BAR)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(onClose).toHaveBeenCalled();
  });

  test('error', async () => {
    renderView(await fakePaneHost({ sample: true, wrap: failingWorkbook('InvalidOperation') }));
    expect(await screen.findByText(/InvalidOperation/, BAR)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
