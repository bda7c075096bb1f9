/**
 * @jest-environment jsdom
 *
 * Inside Excel, a batch Excel refuses (here: a cell still being edited) is said in the pane's
 * language with what to do, never as "Đã có lỗi: <Office's English>", and the pane works again
 * once the user did it.
 */
import { fireEvent, screen } from '@testing-library/react';
import { EvaluateStep } from '../../src/taskpane/steps/EvaluateStep';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel, type FakeExcelOptions } from '../support/fakeExcel';
import { fakePaneHost } from '../support/fakePaneHost';
import { renderStep } from './renderPane';
import { ProblemList } from '../../src/taskpane/ProblemList';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { ExcelRefusedError } from '../../src/workbook/excelRefusal';

const CELL_EDIT = { code: 'InvalidOperationInCellEditMode', message: "The operation isn't available while Excel is in Edit cell mode." };

describe.each([
  ['vi', 'Đánh giá', /^Excel đang ở chế độ sửa ô .*Nhấn Enter hoặc Esc/, 'Thử lại', 'Đến bước Thiết lập'],
  ['en', 'Evaluate', /^Excel is editing a cell .*Press Enter or Esc/, 'Try again', 'Go to Set-up'],
] as const)('an Excel refusal in the pane (%s)', (lang, evaluate, said, retry, setup) => {
  it('is said with what to do; once done, “try again” works', async () => {
    const options: FakeExcelOptions = { sheets: { Sheet1: [] }, failLoads: CELL_EDIT };
    const excel = createFakeExcel(options);
    const host = await fakePaneHost({ wrap: () => new OfficeWorkbook(excel.run, excel.supports) });
    renderStep(EvaluateStep, host, lang);
    fireEvent.click(screen.getByRole('button', { name: evaluate }));
    expect(await screen.findByText(said)).toBeTruthy();
    expect(screen.queryByText(/Edit cell mode|Đã có lỗi|Something went wrong/)).toBeNull();
    // The user pressed Enter: Excel answers again, and so does the pane (this workbook has no sheets yet).
    delete options.failLoads;
    fireEvent.click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByRole('button', { name: setup })).toBeTruthy();
  });

  it('“go to cell” refused by Excel says so in the pane’s language too', async () => {
    const host = await fakePaneHost({ showCellError: new ExcelRefusedError('cellEdit', CELL_EDIT.code, { writing: false, sheets: ['Thành viên'] }) });
    render(
      <FluentProvider theme={webLightTheme}>
        <ProblemList problems={[{ severity: 'error', sheet: 'Thành viên', cell: 'H7', message: 'x' }]} host={host} lang={lang} />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: lang === 'vi' ? 'Đến ô Thành viên!H7' : 'Go to Thành viên!H7' }));
    expect(await screen.findByText(said)).toBeTruthy();
  });
});
