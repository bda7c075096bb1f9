/** @jest-environment jsdom */
/**
 * The pane's handout says what the CLI says of a variant whose changes cite no local document
 * (its name, its “Căn cứ”, the “Nguồn” of each changed indicator), beside what was handed out.
 */
import type { ReactElement } from 'react';
import { TextDecoder, TextEncoder } from 'util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { HandoutSection } from '../../src/taskpane/steps/HandoutSection';
import type { NewWorkbooks } from '../../src/taskpane/host';
import { readRuleSet, saveRuleSetEdits } from '../../src/usecases/ruleSetEditing';
import { fakePaneHost } from '../support/fakePaneHost';

Object.assign(globalThis, { TextEncoder, TextDecoder });

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
const shown = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

test('a threshold raised in the rule-set view, nothing else: handed out, and each missing citation named at its cell', async () => {
  const made: string[] = [];
  const newWorkbooks: NewWorkbooks = { delivery: 'open', missing: () => null, make: async (name) => (made.push(name), true) };
  const host = { ...(await fakePaneHost({ sample: true })), newWorkbooks };
  const read = await readRuleSet(host.workbook);
  if (!read.ok) throw new Error('no rule set');
  const row = read.ruleSet.indicators.find((i) => i.code === '2.2')!;
  expect(await saveRuleSetEdits(host.workbook, [{ row: row.row, code: '2.2', threshold: 0.95 }])).toEqual({ ok: true, written: 1 });

  shown(<HandoutSection host={host} lang="vi" presetId="" body="Sở GD&ĐT Đồng Tháp" tier="cấp tỉnh" />);
  fireEvent.click(screen.getByRole('button', { name: 'Mở sổ mẫu trong Excel' }));
  expect(await screen.findByText(/^Đã mở sổ mẫu/, BAR)).toBeTruthy();
  expect(made).toHaveLength(1);
  expect(screen.getByText(/^Bộ tiêu chí này khác bộ mẫu nhưng vẫn mang tên/)).toBeTruthy();
  expect(screen.getByText(/^Mục “Căn cứ” \('Tiêu chí'!C5\)/)).toBeTruthy();
  expect(screen.getByText(new RegExp(`^Cột “Nguồn” chưa ghi văn bản của địa phương: chỉ tiêu 2.2 yêu cầu 95% \\(mẫu: 90%\\), nhưng ô 'Tiêu chí'!H${row.row} `))).toBeTruthy();
});
