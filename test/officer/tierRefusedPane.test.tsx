/** @jest-environment jsdom */
/**
 * The pane's handout and officer's documents take the tier typed in “Cấp của đơn vị tổng hợp”:
 * one naming no tier (a city's UBND) is refused there as the CLI refuses it, with the same words,
 * before the workbook is read or a new one made.
 */
import type { ReactElement } from 'react';
import { TextDecoder, TextEncoder } from 'util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { HandoutSection } from '../../src/taskpane/steps/HandoutSection';
import { OfficerDocuments } from '../../src/taskpane/steps/OfficerDocuments';
import type { NewWorkbooks } from '../../src/taskpane/host';
import { fakePaneHost } from '../support/fakePaneHost';

Object.assign(globalThis, { TextEncoder, TextDecoder });

const CITY = 'UBND thành phố Hà Nội';
const OFFICER_REFUSED = /^Cấp của đơn vị tiếp nhận “UBND thành phố Hà Nội” không cho biết là cấp nào .*biên bản, tờ trình và quyết định.*Hãy ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\.$/;
const HANDOUT_REFUSED = /^Cấp nhận hồ sơ “UBND thành phố Hà Nội” không cho biết là cấp nào .*sổ mẫu.*Hãy ghi “cấp tỉnh”, “cấp huyện” hoặc “cấp xã”\.$/;

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
const shown = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

test('the officer’s documents: refused, nothing read or written', async () => {
  const host = await fakePaneHost();
  const read = jest.spyOn(host.workbook, 'batch');
  shown(<OfficerDocuments host={host} lang="vi" body={CITY} tier={CITY} />);
  fireEvent.click(screen.getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' }));
  expect(await screen.findByText(OFFICER_REFUSED, BAR)).toBeTruthy();
  expect(read).not.toHaveBeenCalled();
});

test('the handout: refused before a starting workbook is made; a tier that names one is handed out', async () => {
  const made: string[] = [];
  const newWorkbooks: NewWorkbooks = { delivery: 'open', missing: () => null, make: async (name) => (made.push(name), true) };
  const host = { ...(await fakePaneHost()), newWorkbooks };
  const view = shown(<HandoutSection host={host} lang="vi" presetId="tt24-co-so-md1" body={CITY} tier={CITY} />);
  fireEvent.click(screen.getByRole('button', { name: 'Mở sổ mẫu trong Excel' }));
  expect(await screen.findByText(HANDOUT_REFUSED, BAR)).toBeTruthy();
  expect(made).toEqual([]);
  view.unmount();

  shown(<HandoutSection host={host} lang="vi" presetId="tt24-co-so-md1" body="UBND xã Hòa Bình" tier="cấp xã" />);
  fireEvent.click(screen.getByRole('button', { name: 'Mở sổ mẫu trong Excel' }));
  expect(await screen.findByText(/^Đã mở sổ mẫu/, BAR)).toBeTruthy();
  expect(made).toEqual(['so-mau-tt24-co-so-md1.xlsx']);
});

test('in English too', async () => {
  const host = await fakePaneHost();
  shown(<OfficerDocuments host={host} lang="en" body={CITY} tier={CITY} />);
  fireEvent.click(screen.getByRole('button', { name: /minutes/i }));
  expect(await screen.findByText(/^The receiving body’s tier “UBND thành phố Hà Nội” does not say which tier it is/, BAR)).toBeTruthy();
});
