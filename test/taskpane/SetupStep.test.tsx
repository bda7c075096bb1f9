/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import { SetupStep } from '../../src/taskpane/steps/SetupStep';
import { PRESETS } from '../../src/domain/rules/presets';
import { SHEETS } from '../../src/sheets/names';
import { failingWorkbook, fakePaneHost, gatedWorkbook, sheetRows } from '../support/fakePaneHost';
import { renderStep, settle } from './renderPane';
import { handoutFile, sealRuleSet } from '../../src/usecases/handout';

const create = () => fireEvent.click(screen.getByRole('button', { name: 'Tạo các trang' }));

function fillUnit() {
  fireEvent.change(screen.getByRole('textbox', { name: /Tên đơn vị/ }), { target: { value: 'Trường Tiểu học Kim Đồng' } });
  fireEvent.change(screen.getByRole('combobox', { name: /Loại đơn vị/ }), { target: { value: 'Trường tiểu học' } });
  fireEvent.click(screen.getByRole('radio', { name: 'Có' }));
  fireEvent.change(screen.getByRole('textbox', { name: /Năm đánh giá/ }), { target: { value: '2025' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Đơn vị tổng hợp/ }), { target: { value: 'UBND xã Tân Phú' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }), { target: { value: 'cấp xã' } });
}

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

describe('SetupStep', () => {
  test('empty: every preset with its basis, a labelled form, nothing created yet', async () => {
    const host = await fakePaneHost();
    renderStep(SetupStep, host);
    // What the step reads as it is shown (an empty workbook) changes none of this.
    await settle(host);
    for (const p of PRESETS) {
      expect(screen.getByRole('radio', { name: new RegExp(p.name) })).toBeTruthy();
      expect(screen.getByText(p.recognition ? `Công nhận ${p.recognition}` : p.basis)).toBeTruthy();
    }
    expect((screen.getByRole('radio', { name: new RegExp(PRESETS[0]!.name) }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('combobox', { name: /Loại đơn vị/ })).toBeTruthy();
    expect(screen.queryByText('Đã chuẩn bị sổ đánh giá')).toBeNull();
  });

  test('missing name and type are said next to the fields; nothing is written', async () => {
    const host = await fakePaneHost();
    renderStep(SetupStep, host);
    await settle(host);
    create();
    expect(screen.getByText('Hãy nhập tên đơn vị.')).toBeTruthy();
    expect(screen.getByText(/Hãy chọn loại đơn vị/)).toBeTruthy();
    // A screen reader hears that the form needs fixing (the bar is no live region).
    expect(screen.getByRole('status').textContent).toBe('Hãy sửa các ô được đánh dấu ở trên rồi bấm lại “Tạo các trang”.');
    expect(host.excel.workbook.worksheets).toHaveLength(0);
  });

  test('done: the sheets are created with the chosen rule set and the typed details', async () => {
    const host = await fakePaneHost();
    const { goTo } = renderStep(SetupStep, host);
    fireEvent.click(screen.getByRole('radio', { name: /TT22\/2020/ }));
    fillUnit();
    create();
    expect(await screen.findByText('Đã chuẩn bị sổ đánh giá', BAR)).toBeTruthy();
    expect(screen.getByText(/Đã tạo: “Thông tin đơn vị”, “Tiêu chí”, “Thành viên”, “Người học”, “Danh mục”\./, BAR)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^Đã chuẩn bị sổ đánh giá\. Đã tạo: “Thông tin đơn vị”, .*\. Tiếp theo: /);
    const unit = (await sheetRows(host.excel, SHEETS.unit))!;
    const value = (label: string) => unit.find((r) => r[0] === label)?.[1];
    expect(value('Tên đơn vị')).toBe('Trường Tiểu học Kim Đồng');
    expect(value('Loại đơn vị')).toBe('Trường tiểu học');
    expect(value('Công lập')).toBe('Có');
    expect(value('Năm đánh giá')).toBe(2025);
    expect(value('Đơn vị tổng hợp (nơi nhận hồ sơ)')).toBe('UBND xã Tân Phú');
    expect(value('Cấp của đơn vị tổng hợp')).toBe('cấp xã');
    const criteria = (await sheetRows(host.excel, SHEETS.criteria))!;
    expect(criteria.some((r) => r[2] === 'tt22-100')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp: kiểm tra dữ liệu' }));
    expect(goTo).toHaveBeenCalledWith('data');
  });

  test('sheets that already hold data are reported as kept', async () => {
    renderStep(SetupStep, await fakePaneHost({ sample: true }));
    fillUnit();
    create();
    expect(await screen.findByText(/Giữ nguyên vì đã có dữ liệu: “Thông tin đơn vị”/, BAR)).toBeTruthy();
    // The step's own region (the rule-set switch, shown for a workbook with its “Tiêu chí”, has its own).
    const stepStatus = screen.getAllByRole('status').filter((r) => !r.closest('section[aria-label="Đổi bộ tiêu chí"]'));
    expect(stepStatus.map((r) => r.textContent)).toEqual([expect.stringMatching(/Giữ nguyên vì đã có dữ liệu: “Thông tin đơn vị”/)]);
  });

  test('loading: form disabled while creating; the button pressed keeps the focus, said to be unavailable', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderStep(SetupStep, await fakePaneHost({ wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    fillUnit();
    const button = screen.getByRole('button', { name: 'Tạo các trang' });
    button.focus();
    create();
    expect(await screen.findByText('Đang tạo các trang…')).toBeTruthy();
    // Not disabled: a browser moves the focus off a disabled button.
    expect(button.matches(':disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    expect((screen.getByRole('textbox', { name: /Tên đơn vị/ }) as HTMLInputElement).disabled).toBe(true);
    await act(async () => gate.release());
    expect(await screen.findByText('Đã chuẩn bị sổ đánh giá')).toBeTruthy();
  });

  test('error', async () => {
    renderStep(SetupStep, await fakePaneHost({ wrap: failingWorkbook('Sổ đang ở chế độ chỉ đọc') }));
    fillUnit();
    create();
    expect(await screen.findByText(/Sổ đang ở chế độ chỉ đọc/, BAR)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^Không thực hiện được\. .*Sổ đang ở chế độ chỉ đọc/);
  });

  test('the rule-set view opens from here and closes back to the form, the focus back on the button that opened it', async () => {
    renderStep(SetupStep, await fakePaneHost({ sample: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem và sửa bộ tiêu chí' }));
    expect(await screen.findByRole('heading', { name: 'Bộ tiêu chí', level: 2 })).toBeTruthy();
    const close = screen.getByRole('button', { name: 'Đóng' });
    close.focus();
    fireEvent.click(close);
    expect(screen.getByRole('button', { name: 'Tạo các trang' })).toBeTruthy();
    // Not dropped to the page (the button pressed is gone with the view).
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Xem và sửa bộ tiêu chí' }));
  });

  test('a prepared workbook: the form shows its unit and rule set', async () => {
    renderStep(SetupStep, await fakePaneHost({ sample: { presetId: 'tt22-100' } }));
    expect(await screen.findByText(/Sổ này đã có trang “Thông tin đơn vị”/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Tên đơn vị/ }) as HTMLInputElement).value).toBe('Trường THCS Nguyễn Du');
    expect((screen.getByRole('combobox', { name: /Loại đơn vị/ }) as HTMLSelectElement).value).toBe('Trường THCS');
    expect((screen.getByRole('radio', { name: /TT22\/2020/ }) as HTMLInputElement).checked).toBe(true);
  });

  test('a rule-set file handed out by the consolidating body: offered first, chosen, and its thresholds written; an edited file refused', async () => {
    const base = PRESETS[0]!;
    const first = base.indicators.findIndex((i) => typeof i.threshold === 'number');
    const raised = sealRuleSet({
      ...base,
      name: 'Bộ tiêu chí của UBND xã Tân Phú',
      indicators: base.indicators.map((i, n) => (n === first ? { ...i, threshold: 0.97 } : i)),
    });
    expect(handoutFile(raised)).toContain('0.97');
    const host = await fakePaneHost();
    renderStep(SetupStep, host);
    const input = screen.getByLabelText('Mở tệp bộ tiêu chí được giao…') as HTMLInputElement;

    const edited = handoutFile(raised).replace('0.97', '0.5');
    fireEvent.change(input, { target: { files: [new File([edited], 'bo-tieu-chi.json', { type: 'application/json' })] } });
    // A busy machine may take a while to read the file: wait generously (behaviour, not timing).
    const wait = { timeout: 20_000 };
    expect(await screen.findByText(/Tệp bộ tiêu chí “bo-tieu-chi.json” đã bị sửa sau khi xuất/, {}, wait)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /UBND xã Tân Phú/ })).toBeNull();

    fireEvent.change(input, { target: { files: [new File([handoutFile(raised, { body: 'UBND xã Tân Phú', tier: 'cấp xã' })], 'bo-tieu-chi.json', { type: 'application/json' })] } });
    const offered = (await screen.findByRole('radio', { name: /Bộ tiêu chí của UBND xã Tân Phú/ }, wait)) as HTMLInputElement;
    expect(offered.checked).toBe(true);
    expect(screen.queryByText(/đã bị sửa sau khi xuất/)).toBeNull();
    // The body that handed the file out is where the dossier goes: filled in for the clerk.
    expect((screen.getByRole('textbox', { name: /Đơn vị tổng hợp/ }) as HTMLInputElement).value).toBe('UBND xã Tân Phú');
    expect((screen.getByRole('textbox', { name: /Cấp của đơn vị tổng hợp/ }) as HTMLInputElement).value).toBe('cấp xã');
    fillUnit();
    create();
    expect(await screen.findByText('Đã chuẩn bị sổ đánh giá', {}, wait)).toBeTruthy();
    const criteria = (await sheetRows(host.excel, SHEETS.criteria))!;
    expect(criteria.some((r) => r[2] === raised.id)).toBe(true);
    expect(criteria.flat()).toContain(0.97);
  });
});
