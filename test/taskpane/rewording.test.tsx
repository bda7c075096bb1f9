/** @jest-environment jsdom */
/**
 * Steps whose messages come from a use-case keep them as keys and parameters: switching the
 * pane's language after a message is shown words it again, with nothing run again.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import type { Lang } from '../../src/i18n';
import type { PaneHost } from '../../src/taskpane/host';
import type { StepProps } from '../../src/taskpane/steps/registry';
import { DocumentsStep } from '../../src/taskpane/steps/DocumentsStep';
import { ImportStep } from '../../src/taskpane/steps/ImportStep';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { fakePaneHost } from '../support/fakePaneHost';
import { addStaffSheet, SOURCE } from '../import/messySheets';

function renderSwitchable(Step: ComponentType<StepProps>, host: PaneHost) {
  const at = (lang: Lang) => (
    <FluentProvider theme={webLightTheme}>
      <Step host={host} lang={lang} goTo={() => undefined} />
    </FluentProvider>
  );
  const view = render(at('vi'));
  return { switchTo: (lang: Lang) => view.rerender(at(lang)) };
}

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };

describe('switching language after a message is shown', () => {
  test('Documents: the refusal and its button are worded again', async () => {
    const host = await fakePaneHost({ sample: true });
    let batches = 0;
    const counted: PaneHost = { ...host, workbook: { label: host.workbook.label, batch: (work) => (batches++, host.workbook.batch(work)) } };
    const { switchTo } = renderSwitchable(DocumentsStep, counted);
    fireEvent.click(screen.getByRole('button', { name: 'Lập hồ sơ' }));
    // Worded for a clerk: what the empty cell is and what to do, not only where.
    expect(await screen.findByText(/^Sổ “test\.xlsx” chưa được đánh giá \('Thông tin đơn vị'!B\d+, ô “Dấu dữ liệu” mà ĐVHT ghi khi đánh giá, còn trống\) nên chưa có kết quả .* Hãy sang bước “Đánh giá”, bấm nút “Đánh giá”, rồi quay lại lập hồ sơ\.$/, BAR)).toBeTruthy();
    switchTo('en');
    expect(screen.getByText(/^Workbook “test\.xlsx” has not been evaluated/, BAR)).toBeTruthy();
    // The screen reader's sentence follows the language too.
    expect(screen.getByTestId('announce').textContent).toMatch(/^Workbook “test\.xlsx” has not been evaluated/);
    expect(screen.getByRole('button', { name: 'Go to Evaluate' })).toBeTruthy();
    expect(screen.queryByText(/chưa được đánh giá/)).toBeNull();
    expect(batches).toBe(1);
  });

  test('Import: the cells it cannot read are worded again, what they should hold too', async () => {
    const host = await fakePaneHost();
    await createSheets(host.excel, { ...sampleUnit({}), members: [] });
    addStaffSheet(host.excel.workbook);
    const { switchTo } = renderSwitchable(ImportStep, host);
    await screen.findByRole('option', { name: SOURCE });
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    const issue = () => screen.getAllByText(/'DS CB-GV-NV'!G12/)[0]!.textContent!;
    await screen.findAllByText(/'DS CB-GV-NV'!G12/);
    expect(issue()).toMatch(/\(cột “.*”\).*Cần: .*Ô này được để trống khi nhập\.$/);
    switchTo('en');
    expect(issue()).toMatch(/\(column “.*”\).*Expected: .*Imported as empty\.$/);
    expect(issue()).not.toMatch(/Cần:|hoặc|một số/);
  });
});
