/** @jest-environment jsdom */
/**
 * The import step's sheet picker offers what `dvht import` offers: the user's visible sheets
 * first (the first of them chosen), the hidden ones after, marked; a very hidden one never.
 */
import { screen } from '@testing-library/react';
import { ImportStep } from '../../src/taskpane/steps/ImportStep';
import { fakePaneHost } from '../support/fakePaneHost';
import { renderStep } from './renderPane';
import { addStaffSheet, SOURCE } from '../import/messySheets';

it('lists the visible sheets first, the hidden ones marked, never a very hidden one', async () => {
  const host = await fakePaneHost({ sample: true });
  const wb = host.excel.workbook;
  wb.addWorksheet('DS cũ').state = 'hidden';
  wb.addWorksheet('Cấu hình').state = 'veryHidden';
  addStaffSheet(wb);
  renderStep(ImportStep, host);
  await screen.findByRole('option', { name: SOURCE });
  const picker = screen.getByRole('combobox', { name: 'Trang danh sách' }) as HTMLSelectElement;
  expect([...picker.options].map((o) => [o.value, o.textContent])).toEqual([
    [SOURCE, SOURCE],
    ['DS cũ', 'DS cũ (trang ẩn)'],
  ]);
  expect(picker.value).toBe(SOURCE);
});
