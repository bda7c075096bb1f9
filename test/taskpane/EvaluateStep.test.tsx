/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { EvaluateStep } from '../../src/taskpane/steps/EvaluateStep';
import { SHEETS } from '../../src/sheets/names';
import { failingWorkbook, fakePaneHost, gatedWorkbook, sheetRows, typeInto } from '../support/fakePaneHost';
import { renderStep } from './renderPane';
import { WorkbookProtectedError } from '../../src/workbook/protection';
import type { Workbook } from '../../src/workbook/port';
import { COL } from '../../src/sheets/criteriaSheet';
import { columnLetter } from '../../src/workbook/a1';

const run = () => fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
const indicator = (code: string) => document.querySelector(`[data-indicator="${code}"]`) as HTMLElement;

describe('EvaluateStep', () => {
  test('before running: the button only', async () => {
    renderStep(EvaluateStep, await fakePaneHost({ sample: true }));
    expect(screen.getByRole('heading', { level: 2, name: 'Đánh giá' })).toBeTruthy();
    expect(screen.queryByTestId('outcome')).toBeNull();
  });

  test('done: outcome, every criterion and indicator with figure, requirement and mark; results written', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(EvaluateStep, host);
    run();
    expect((await screen.findByTestId('outcome')).textContent).toMatch(/^Đủ điều kiện công nhận/);
    for (const code of ['1', '2', '3']) expect(screen.getByRole('heading', { level: 3, name: new RegExp(`^Tiêu chí ${code}:`) })).toBeTruthy();
    expect(document.querySelectorAll('[data-indicator]')).toHaveLength(14);
    const i21 = indicator('2.1');
    expect(within(i21).getByText(/Kết quả: \d+(,\d)?% \(\d+\/41\)/)).toBeTruthy();
    expect(within(i21).getByText(/Yêu cầu: từ 90% trở lên/)).toBeTruthy();
    // A mark is words and an icon, not colour alone.
    const badge = i21.querySelector('[data-status]')!;
    expect(['Đạt', 'Không đạt']).toContain(badge.textContent);
    expect(badge.querySelector('svg')).toBeTruthy();
    expect(within(indicator('1.1')).getByText(/Đơn vị tự đánh giá · Yêu cầu: Đạt/)).toBeTruthy();
    const rows = (await sheetRows(host.excel, SHEETS.criteria))!;
    expect(rows.some((r) => r[0] === '2.1' && (r[14] === 'Đạt' || r[14] === 'Không đạt'))).toBe(true);
  });

  // The out-of-date hint: test/taskpane/staleHint.test.tsx, over the Excel and the preview hosts.

  test('“Xem các điểm cần xem lại” shows the points in this step, each leading to its cell (the “Dữ liệu” step lists none until checked)', async () => {
    const host = await fakePaneHost({ sample: true });
    await typeInto(host.excel, SHEETS.members, 'H7', 'có lẽ');
    const { goTo } = renderStep(EvaluateStep, host);
    run();
    await screen.findByTestId('outcome');
    fireEvent.click(screen.getByRole('button', { name: 'Xem các điểm cần xem lại' }));
    expect(goTo).not.toHaveBeenCalled();
    const heading = screen.getByRole('heading', { level: 3, name: 'Các điểm cần xem lại (1)' });
    expect(document.activeElement).toBe(heading);
    const list = screen.getByRole('list', { name: 'Danh sách vấn đề' });
    expect(within(list).getByText(/“có lẽ” không rõ là Có hay Không/)).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Đến ô Thành viên!H7' }));
    expect(host.shown).toEqual([{ sheet: 'Thành viên', address: 'H7' }]);
  });

  test('level 2 asked before 12 months after level 1: the indicators met, the request held, no request letter offered', async () => {
    const host = await fakePaneHost({ sample: { presetId: 'tt24-co-so-md2', members: 12, rate: 1 } });
    const rows = (await sheetRows(host.excel, SHEETS.unit))!;
    const row = rows.findIndex((r) => r[0] === 'Ngày công nhận lần trước') + 1;
    await typeInto(host.excel, SHEETS.unit, `B${row}`, '10/02/2025');
    renderStep(EvaluateStep, host);
    run();
    const outcome = (await screen.findByTestId('outcome')).textContent!;
    expect(outcome).toMatch(/^Đạt các tiêu chí, chỉ tiêu “Đơn vị học tập” cấp huyện mức độ 2 nhưng chưa đề nghị được mức độ 2: .*10\/02\/2026/);
    expect(screen.getByTestId('next-step').textContent).toContain('không có tờ trình đề nghị mức độ 2');
  });

  test('score rule sets show points and the rating with a decimal comma', async () => {
    renderStep(EvaluateStep, await fakePaneHost({ sample: { presetId: 'tt22-100' } }));
    run();
    expect((await screen.findByTestId('outcome')).textContent).toMatch(/^\d+(,\d+)? điểm — xếp loại (Tốt|Khá|Trung bình|Chưa đạt)$/);
    expect(within(indicator('3.1')).getByText(/25 điểm|0 điểm/)).toBeTruthy();
  });

  test('an indicator that does not apply is marked "Không áp dụng"', async () => {
    renderStep(EvaluateStep, await fakePaneHost({ sample: { presetId: 'tt24-tinh-md1' } }));
    run();
    await screen.findByTestId('outcome');
    expect(indicator('3.5').querySelector('[data-status]')!.textContent).toBe('Không áp dụng');
  });

  test('loading: spinner, button disabled', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderStep(EvaluateStep, await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    run();
    expect(await screen.findByText('Đang đánh giá…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đánh giá' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => gate.release());
    expect(await screen.findByTestId('outcome')).toBeTruthy();
  });

  test('missing sheets send the clerk to Thiết lập', async () => {
    const { goTo } = renderStep(EvaluateStep, await fakePaneHost());
    run();
    fireEvent.click(await screen.findByRole('button', { name: 'Đến bước Thiết lập' }));
    expect(goTo).toHaveBeenCalledWith('setup');
  });

  test('blocked by an error in the data: a screen reader hears it said, with the cell to fix (not only a bar that is never announced)', async () => {
    const host = await fakePaneHost({ sample: true });
    const rows = (await sheetRows(host.excel, SHEETS.criteria))!;
    const row = rows.findIndex((r) => typeof r[COL.threshold - 1] === 'number') + 1;
    await typeInto(host.excel, SHEETS.criteria, `${columnLetter(COL.threshold)}${row}`, 'chín mươi');
    renderStep(EvaluateStep, host);
    run();
    await screen.findByText('Chưa đánh giá được');
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(new RegExp(`^Chưa đánh giá được: 1 lỗi cần sửa\\. .*${columnLetter(COL.threshold)}${row}`));
    expect(status.textContent).toContain('chín mươi');
  });

  test('an unexpected error is said to a screen reader too', async () => {
    renderStep(EvaluateStep, await fakePaneHost({ sample: true, wrap: failingWorkbook('RichApi.Error') }));
    run();
    await screen.findByText('Không thực hiện được');
    expect(screen.getByRole('status').textContent).toMatch(/^Không thực hiện được\. .*RichApi\.Error\. Hãy thử lại/);
  });

  test('error: shown with what to do, never a blank pane', async () => {
    renderStep(EvaluateStep, await fakePaneHost({ sample: true, wrap: failingWorkbook('RichApi.Error') }));
    run();
    expect(await screen.findByText('Không thực hiện được')).toBeTruthy();
    // In the bar (the status region says it too, for screen readers).
    expect(screen.getByText(/RichApi.Error\. Hãy thử lại/, { ignore: 'script, style, [data-testid="announce"]' })).toBeTruthy();
  });

  test.each([
    ['vi', /^Sổ đang mở đang được bảo vệ cấu trúc .*“Tổng hợp”.*Xem lại \(Review\) → Bảo vệ sổ làm việc/],
    ['en', /^The open workbook has its structure protected .*“Tổng hợp”.*Review → Protect Workbook/],
  ] as const)('the user’s protection is said as it is, with what to do (%s), not as an unexpected error', async (lang, said) => {
    const refusing = (wb: Workbook): Workbook => ({ label: wb.label, batch: () => Promise.reject(new WorkbookProtectedError('structure', null, 'Tổng hợp')) });
    renderStep(EvaluateStep, await fakePaneHost({ sample: true, wrap: refusing }), lang);
    fireEvent.click(screen.getByRole('button', { name: lang === 'vi' ? 'Đánh giá' : 'Evaluate' }));
    expect(await screen.findByText(said)).toBeTruthy();
    expect(screen.queryByText(/Đã có lỗi|An error occurred/)).toBeNull();
  });
});
