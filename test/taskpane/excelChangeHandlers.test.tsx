/** @jest-environment jsdom */
/**
 * Inside Excel, the handlers the Evaluate step's out-of-date hint needs live as long as a result is
 * shown: none doubles when a new evaluation replaces the old one, none is left once the step is gone.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { EvaluateStep } from '../../src/taskpane/steps/EvaluateStep';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { t } from '../../src/i18n';
import { createFakeExcel } from '../support/fakeExcel';
import { renderStep } from './renderPane';
import { excelPaneHost, settle } from './paneHosts';

test.each([
  ['1.14', 'one for every sheet'],
  ['1.8', 'one on each sheet, and the collection’s added and deleted'],
])('ExcelApi %s (%s): handlers held while a result is shown, the same after re-evaluating, none after unmount', async (version) => {
  const excel = createFakeExcel({ apiVersion: version });
  const workbook = new OfficeWorkbook(excel.run, excel.supports);
  await createSheets(workbook, sampleUnit({ members: 30 }));
  const { host, over } = excelPaneHost(excel, workbook);
  const view = renderStep(EvaluateStep, host);
  expect(excel.liveHandlers()).toBe(0); // nothing shown, nothing to keep current

  fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
  await screen.findByTestId('outcome');
  await act(over);
  await waitFor(() => expect(excel.liveHandlers()).toBeGreaterThan(0));
  const held = excel.liveHandlers();
  expect(excel.changeHandlers()).toBe(version === '1.14' ? 1 : excel.sheetNames().length);

  // The clerk changes the data and evaluates again: a new result replaces the old one.
  excel.type(SHEETS.members, `F${MEMBER_HEADER_ROW + 1}`, 'Không');
  await act(over);
  for (let i = 0; i < 2; i++) {
    fireEvent.click(screen.getByRole('button', { name: 'Đánh giá lại' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Đang đánh giá/ })).toBeNull());
    await act(over);
  }
  expect(excel.liveHandlers()).toBe(held);

  view.unmount();
  await act(settle);
  await waitFor(() => expect(excel.liveHandlers()).toBe(0));
});

test('ExcelApi 1.7–1.8: a data sheet the clerk deletes after the evaluation says the result is out of date, without waiting for the focus', async () => {
  const excel = createFakeExcel({ apiVersion: '1.8' });
  const workbook = new OfficeWorkbook(excel.run, excel.supports);
  await createSheets(workbook, sampleUnit({ members: 30 }));
  const { host, over } = excelPaneHost(excel, workbook);
  renderStep(EvaluateStep, host);
  fireEvent.click(screen.getByRole('button', { name: 'Đánh giá' }));
  await screen.findByTestId('outcome');
  await act(over);
  await waitFor(() => expect(excel.liveHandlers()).toBeGreaterThan(0));
  const hint = t('vi', 'pane.evaluate.dataChanged');
  expect(screen.queryByText(hint)).toBeNull();
  excel.deleteSheet(SHEETS.learners);
  await act(over);
  expect(await screen.findByText(hint)).toBeTruthy();
});
