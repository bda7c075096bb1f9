/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { failingWorkbook, fakePaneHost, gatedWorkbook } from '../support/fakePaneHost';
import { renderStep } from './renderPane';

const generate = () => fireEvent.click(screen.getByRole('button', { name: 'Lập trang Tổng hợp' }));

describe('SummaryStep', () => {
  test('before: nothing drawn', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(SummaryStep, host);
    expect(host.excel.workbook.getWorksheet('Tổng hợp')).toBeUndefined();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('done: the summary sheet exists and is shown', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(SummaryStep, host);
    generate();
    expect(await screen.findByText('Đã lập trang “Tổng hợp”')).toBeTruthy();
    expect(host.excel.workbook.getWorksheet('Tổng hợp')).toBeDefined();
    expect(host.shown).toEqual([{ sheet: 'Tổng hợp', address: 'A1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Mở trang “Tổng hợp”' }));
    await screen.findByText('Đã lập trang “Tổng hợp”');
    expect(host.shown).toHaveLength(2);
  });

  test('loading', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderStep(SummaryStep, await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    generate();
    expect(await screen.findByText('Đang lập trang Tổng hợp…')).toBeTruthy();
    await act(async () => gate.release());
    expect(await screen.findByText('Đã lập trang “Tổng hợp”')).toBeTruthy();
  });

  test('missing sheets', async () => {
    const { goTo } = renderStep(SummaryStep, await fakePaneHost());
    generate();
    fireEvent.click(await screen.findByRole('button', { name: 'Đến bước Thiết lập' }));
    expect(goTo).toHaveBeenCalledWith('setup');
  });

  test('error', async () => {
    renderStep(SummaryStep, await fakePaneHost({ sample: true, wrap: failingWorkbook('GeneralException') }));
    generate();
    expect(await screen.findByText(/GeneralException/, { ignore: 'script, style, [data-testid="announce"]' })).toBeTruthy();
    expect(screen.getByTestId('announce').textContent).toMatch(/^Không thực hiện được\. Đã có lỗi: GeneralException\./);
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
