/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { STEPS } from '../../src/taskpane/steps';
import type { StepProps } from '../../src/taskpane/steps/registry';
import { fakePaneHost } from '../support/fakePaneHost';
import { renderApp, settle } from './renderPane';

/**
 * The core tabs come first, in order, by accessible name (Fluent keeps a hidden bold copy
 * of each label). Steps other features register follow them.
 */
function expectTabs(names: string[]) {
  const tabs = screen.getAllByRole('tab');
  expect(tabs).toHaveLength(STEPS.length);
  expect(names.map((name) => tabs.indexOf(screen.getByRole('tab', { name })))).toEqual(names.map((_, i) => i));
}

describe('App', () => {
  test('the four core steps as tabs, in order, in Vietnamese for a Vietnamese Office', async () => {
    const host = await fakePaneHost({ sample: true, locale: 'vi-VN' });
    renderApp(host);
    await settle(host);
    expect(screen.getByRole('heading', { level: 1, name: 'ĐVHT — Đơn vị học tập' })).toBeTruthy();
    expectTabs(['1. Thiết lập', '2. Dữ liệu', '3. Đánh giá', '4. Tổng hợp']);
    expect(screen.getByRole('tab', { name: '1. Thiết lập' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: 'Thiết lập' })).toBeTruthy();
  });

  test('Vietnamese in an English Office too; the switch changes every string, and is kept for the next time', async () => {
    const english = await fakePaneHost({ locale: 'en-US' });
    const first = renderApp(english);
    await settle(english);
    expectTabs(['1. Thiết lập', '2. Dữ liệu', '3. Đánh giá', '4. Tổng hợp']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), { target: { value: 'en' } });
    expectTabs(['1. Set-up', '2. Data', '3. Evaluate', '4. Summary']);
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeTruthy();
    // The pane opened again (Excel keeps the web view's storage): in English.
    first.unmount();
    const vietnamese = await fakePaneHost({ locale: 'vi-VN' });
    renderApp(vietnamese);
    await settle(vietnamese);
    expectTabs(['1. Set-up', '2. Data', '3. Evaluate', '4. Summary']);
  });

  test('a step can send the clerk to another (missing sheets → Thiết lập), and form input survives tab changes', async () => {
    const host = await fakePaneHost();
    renderApp(host);
    fireEvent.change(screen.getByRole('textbox', { name: /Tên đơn vị/ }), { target: { value: 'UBND xã Tân Phú' } });
    fireEvent.click(screen.getByRole('tab', { name: '2. Dữ liệu' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Kiểm tra dữ liệu' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    // The check reads the whole workbook: on a busy machine that takes more than findBy's default second.
    fireEvent.click(await screen.findByRole('button', { name: 'Đến bước Thiết lập' }, { timeout: 15_000 }));
    await settle(host);
    expect(screen.getByRole('tab', { name: '1. Thiết lập' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByRole('textbox', { name: /Tên đơn vị/ }) as HTMLInputElement).value).toBe('UBND xã Tân Phú');
  });

  test('sent to another step by a button of this one, the keys go to that step’s tab, not to the page (the button is hidden with its step)', async () => {
    const host = await fakePaneHost();
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '2. Dữ liệu' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const go = await screen.findByRole('button', { name: 'Đến bước Thiết lập' }, { timeout: 15_000 });
    go.focus();
    fireEvent.click(go);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: '1. Thiết lập' }));
    // Choosing a tab by its own keys leaves the focus where the tab list keeps it.
    const data = screen.getByRole('tab', { name: '2. Dữ liệu' });
    data.focus();
    fireEvent.click(data);
    expect(document.activeElement).toBe(data);
    // And kept there once the step shown has read the workbook.
    await settle(host);
    expect(document.activeElement).toBe(data);
  });

  test('steps registered later appear by themselves; one needing a missing capability is disabled', async () => {
    const Extra = (p: StepProps) => <p>extra {p.lang}</p>;
    const before = STEPS.length;
    STEPS.push({ id: 'test-extra', title: 'pane.step.summary', component: Extra }, { id: 'test-needs', title: 'pane.step.data', component: Extra, requires: 'ExcelApi 1.99' });
    try {
      const host = await fakePaneHost({ unsupported: ['ExcelApi 1.99'] });
      renderApp(host);
      expect(screen.getAllByRole('tab')).toHaveLength(before + 2);
      fireEvent.click(screen.getByRole('tab', { name: `${before + 1}. Tổng hợp` }));
      await settle(host);
      expect(screen.getByText('extra vi')).toBeTruthy();
      const blocked = screen.getByRole('tab', { name: `${before + 2}. Dữ liệu` });
      expect(blocked.hasAttribute('disabled') || blocked.getAttribute('aria-disabled') === 'true').toBe(true);
    } finally {
      STEPS.splice(before, 2);
    }
  });
});
