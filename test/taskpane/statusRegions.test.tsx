/** @jest-environment jsdom */
/**
 * What screen readers hear of the pane's other outcome bars (the rule-set view, the switch, the
 * officer's documents, "Sang năm mới", the handout): each outcome said through an always-present
 * status region, that region on the page, empty, before its text; and the button pressed stays
 * focusable (aria-disabled, not disabled) while its work runs, a second press doing nothing.
 */
import { TextDecoder, TextEncoder } from 'util';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useLayoutEffect, useRef, type ReactElement } from 'react';
import { StatusRegion } from '../../src/taskpane/StepFrame';
import { RuleSetView } from '../../src/taskpane/RuleSetView';
import { NewYearStep } from '../../src/taskpane/steps/NewYearStep';
import { HandoutSection } from '../../src/taskpane/steps/HandoutSection';
import { OfficerDocuments } from '../../src/taskpane/steps/OfficerDocuments';
import { DocumentsStep } from '../../src/taskpane/steps/DocumentsStep';
import { NewWorkbookError, type NewWorkbooks, type PaneHost } from '../../src/taskpane/host';
import { SHEETS } from '../../src/sheets/names';
import type { Workbook } from '../../src/workbook/port';
import { failingWorkbook, fakePaneHost, gatedWorkbook, typeInto } from '../support/fakePaneHost';
import { nextFrame, renderStep } from './renderPane';

Object.assign(globalThis, { TextEncoder, TextDecoder });

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
const shown = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
/** The one status region inside `scope` (a section of the pane). */
const regionIn = (scope: HTMLElement) => within(scope).getByRole('status');
const said = () => screen.getByRole('status').textContent;

/** Pressed as a keyboard user does: focused, then activated. */
function press(button: HTMLElement) {
  button.focus();
  fireEvent.click(button);
}

/**
 * While its work runs, the button pressed keeps the focus: not disabled (a browser moves the focus off a
 * disabled button), only said to be (aria-disabled), and pressing it again starts nothing.
 */
function expectFocusKept(button: HTMLElement) {
  expect(button.matches(':disabled')).toBe(false);
  expect(button.getAttribute('aria-disabled')).toBe('true');
  expect(document.activeElement).toBe(button);
}

/** A host making new workbooks as Excel does, each made from `source` once `gate` opens. */
function withNewWorkbooks(host: PaneHost, options: { delivery?: NewWorkbooks['delivery']; gate?: Promise<void>; fail?: Error; source?: Workbook } = {}) {
  const made: string[] = [];
  const newWorkbooks: NewWorkbooks = {
    delivery: options.delivery ?? 'download',
    missing: () => null,
    make: async (name, _from, work) => {
      made.push(name);
      await options.gate;
      if (options.fail) throw options.fail;
      return work(options.source ?? host.workbook);
    },
  };
  return { host: { ...host, newWorkbooks }, made };
}

describe('StatusRegion', () => {
  test('put on the page while work already runs (a view that loads as it opens): empty first, its text after', async () => {
    let first: string | null = null;
    function Probe() {
      const box = useRef<HTMLDivElement>(null);
      // A parent's layout effect runs once the first render is on the page, before any passive effect.
      useLayoutEffect(() => void (first = box.current!.querySelector('[role="status"]')?.textContent ?? null), []);
      return (
        <div ref={box}>
          <StatusRegion busy="Đang đọc trang “Tiêu chí”…" />
        </div>
      );
    }
    shown(<Probe />);
    expect(first).toBe('');
    expect(await screen.findByText('Đang đọc trang “Tiêu chí”…')).toBeTruthy();
  });

  test('on the page, empty, before its work: the work said once it starts', async () => {
    const view = shown(<StatusRegion busy={null} />);
    await act(nextFrame);
    expect(said()).toBe('');
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <StatusRegion busy="Đang lưu…" />
      </FluentProvider>,
    );
    expect(await screen.findByText('Đang lưu…')).toBeTruthy();
  });
});

describe('Sang năm mới', () => {
  test('the region is there before the work; it says the work, then the year made; the button keeps the focus meanwhile', async () => {
    let open!: () => void;
    const { host, made } = withNewWorkbooks(await fakePaneHost({ sample: true }), { gate: new Promise<void>((r) => (open = r)) });
    renderStep(NewYearStep, host);
    expect(said()).toBe('');
    const button = screen.getByRole('button', { name: 'Tạo sổ năm sau' });
    press(button);
    expect(await screen.findByText('Đang tạo sổ năm sau…')).toBeTruthy();
    expectFocusKept(button);
    fireEvent.click(button);
    await act(async () => open());
    expect(await screen.findByText(/^Đã tạo sổ năm 2026/, BAR)).toBeTruthy();
    expect(said()).toMatch(/^Đã tạo sổ năm 2026 \(\d+ thành viên\) và tải về “test-nam-sau\.xlsx”\. Sổ đang mở không bị thay đổi\.$/);
    expect(made).toEqual(['test-nam-sau.xlsx']);
  });

  test('refused (no sheets yet): said with how many errors and the first', async () => {
    renderStep(NewYearStep, withNewWorkbooks(await fakePaneHost()).host);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ năm sau' }));
    expect(await screen.findByText(/^Tệp không có trang “Thông tin đơn vị”/, BAR)).toBeTruthy();
    expect(said()).toBe('Chưa tạo được sổ năm sau: 3 lỗi cần sửa. Tệp không có trang “Thông tin đơn vị”. Hãy tạo các trang bằng ĐVHT (bước Thiết lập) hoặc thêm trang này.');
  });

  test('Excel could not open the new workbook: said with what to do', async () => {
    renderStep(NewYearStep, withNewWorkbooks(await fakePaneHost({ sample: true }), { delivery: 'open', fail: new NewWorkbookError('open', 'GeneralException') }).host);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ năm sau' }));
    const bar = await screen.findByText(/GeneralException/, BAR);
    expect(said()).toBe(bar.textContent);
  });

  test('an unexpected error: said as the error bar says it', async () => {
    renderStep(NewYearStep, withNewWorkbooks(await fakePaneHost({ sample: true }), { fail: new Error('InvalidOperation') }).host);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ năm sau' }));
    expect(await screen.findByText(/InvalidOperation/, BAR)).toBeTruthy();
    expect(said()).toMatch(/^Không thực hiện được\. .*InvalidOperation/);
  });
});

describe('the handout', () => {
  const section = () => screen.getByRole('region', { name: 'Giao bộ tiêu chí cho các đơn vị' });

  test('opened in Excel: said, with what to mend beside it; the button keeps the focus while it runs', async () => {
    let open!: () => void;
    const { host, made } = withNewWorkbooks(await fakePaneHost({ sample: true }), { delivery: 'open', gate: new Promise<void>((r) => (open = r)), source: (await fakePaneHost()).workbook });
    shown(<HandoutSection host={host} lang="vi" presetId="tt24-co-so-md1" body="UBND xã Hòa Bình" tier="cấp xã" />);
    expect(regionIn(section()).textContent).toBe('');
    const button = screen.getByRole('button', { name: 'Mở sổ mẫu trong Excel' });
    press(button);
    expect(await within(section()).findByText('Đang xuất sổ mẫu…')).toBeTruthy();
    expectFocusKept(button);
    fireEvent.click(button);
    await act(async () => open());
    expect(await screen.findByText(/^Đã mở sổ mẫu của bộ tiêu chí/, BAR)).toBeTruthy();
    expect(regionIn(section()).textContent).toMatch(/^Đã mở sổ mẫu của bộ tiêu chí “TT24 · cấp huyện · mức độ 1” \(mã tt24-co-so-md1@/);
    expect(made).toHaveLength(1);
  });

  test('a tier that says no tier: refused, and said', async () => {
    const { host } = withNewWorkbooks(await fakePaneHost({ sample: true }));
    shown(<HandoutSection host={host} lang="vi" presetId="tt24-co-so-md1" body="UBND thành phố Hà Nội" tier="UBND thành phố Hà Nội" />);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất sổ mẫu và tệp bộ tiêu chí' }));
    const bar = await screen.findByText(/^Cấp nhận hồ sơ “UBND thành phố Hà Nội” không cho biết là cấp nào/, BAR);
    expect(regionIn(section()).textContent).toBe(bar.textContent);
  });

  test('Excel could not open it: said', async () => {
    const { host } = withNewWorkbooks(await fakePaneHost({ sample: true }), { delivery: 'open', fail: new NewWorkbookError('open', 'GeneralException') });
    shown(<HandoutSection host={host} lang="vi" presetId="tt24-co-so-md1" body="UBND xã Hòa Bình" tier="cấp xã" />);
    fireEvent.click(screen.getByRole('button', { name: 'Mở sổ mẫu trong Excel' }));
    const bar = await screen.findByText(/GeneralException/, BAR);
    expect(regionIn(section()).textContent).toBe(bar.textContent);
  });
});

describe("the officer's documents", () => {
  const section = () => screen.getByRole('region', { name: 'Văn bản của đơn vị tiếp nhận' });
  const generate = () => screen.getByRole('button', { name: 'Lập biên bản, tờ trình, quyết định' });

  test('no consolidated table in the open workbook: refused, and said; the button keeps the focus while it reads', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    const host = await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) });
    shown(<OfficerDocuments host={host} lang="vi" body="UBND xã Hòa Bình" tier="cấp xã" />);
    expect(regionIn(section()).textContent).toBe('');
    press(generate());
    expect(await within(section()).findByText('Đang lập văn bản…')).toBeTruthy();
    expectFocusKept(generate());
    await act(async () => gate.release());
    const bar = await within(section()).findByText(/^Sổ “test\.xlsx” là sổ tự đánh giá của một đơn vị/, BAR);
    expect(regionIn(section()).textContent).toBe(bar.textContent);
  });

  test('an error: said', async () => {
    shown(<OfficerDocuments host={await fakePaneHost({ wrap: failingWorkbook('InvalidOperation') })} lang="vi" body="UBND xã Hòa Bình" tier="cấp xã" />);
    fireEvent.click(generate());
    expect(await screen.findByText(/InvalidOperation/, BAR)).toBeTruthy();
    expect(regionIn(section()).textContent).toMatch(/^Không thực hiện được\. .*InvalidOperation/);
  });
});

describe('the rule-set view', () => {
  const thresholdOf = (code: string) => screen.getByRole('textbox', { name: `Yêu cầu của chỉ tiêu ${code} (%)` }) as HTMLInputElement;
  const saveButton = () => screen.getByRole('button', { name: /^Lưu vào trang “Tiêu chí”/ });
  const view = (host: PaneHost) => shown(<RuleSetView host={host} lang="vi" onClose={() => undefined} />);

  test('saved: said; the save button keeps the focus while it writes, and after (nothing left to save)', async () => {
    let gate: ReturnType<typeof gatedWorkbook> | null = null;
    const host = await fakePaneHost({ sample: true, wrap: (wb) => ({ label: wb.label, batch: (work) => (gate ?? wb).batch(work) }) });
    view(host);
    await screen.findByText('TT24 · cấp huyện · mức độ 1');
    fireEvent.change(thresholdOf('2.4'), { target: { value: '87,5' } });
    gate = gatedWorkbook(host.excel);
    press(saveButton());
    expect(await screen.findByText('Đang lưu…')).toBeTruthy();
    expectFocusKept(saveButton());
    fireEvent.click(saveButton());
    await act(async () => gate!.release());
    expect(await screen.findByText(/^Đã lưu 1 ô vào trang “Tiêu chí”/, BAR)).toBeTruthy();
    expect(said()).toBe('Đã lưu 1 ô vào trang “Tiêu chí”. Hãy chạy lại bước Đánh giá để cập nhật kết quả.');
    expectFocusKept(saveButton());
  });

  test('not saved (the row moved meanwhile): said with the indicator', async () => {
    const host = await fakePaneHost({ sample: true });
    view(host);
    await screen.findByText('TT24 · cấp huyện · mức độ 1');
    fireEvent.change(thresholdOf('2.4'), { target: { value: '87,5' } });
    await typeInto(host.workbook, SHEETS.criteria, `A${await rowOf(host, '2.4')}`, '9.9');
    fireEvent.click(saveButton());
    expect(await screen.findByText('Chưa lưu', BAR)).toBeTruthy();
    expect(said()).toMatch(/^Chưa lưu\. .*2\.4/);
  });

  test('the sheet cannot be read: said, with the first problem', async () => {
    view(await fakePaneHost());
    expect(await screen.findByText('Chưa đọc được bộ tiêu chí', BAR)).toBeTruthy();
    expect(said()).toMatch(/^Chưa đọc được bộ tiêu chí\. Sổ này chưa có trang “Tiêu chí” dùng được\. .*Tệp không có trang “Tiêu chí”/);
  });

  test('an error while reading: said', async () => {
    view(await fakePaneHost({ sample: true, wrap: failingWorkbook('InvalidOperation') }));
    expect(await screen.findByText(/InvalidOperation/, BAR)).toBeTruthy();
    expect(said()).toMatch(/^Không thực hiện được\. .*InvalidOperation/);
  });
});

describe('Hồ sơ', () => {
  test('the button pressed keeps the focus while the documents are made', async () => {
    let gate!: ReturnType<typeof gatedWorkbook>;
    renderStep(DocumentsStep, await fakePaneHost({ sample: true, wrap: (wb) => (gate = gatedWorkbook(wb)) }));
    const button = screen.getByRole('button', { name: 'Lập hồ sơ' });
    press(button);
    expect(await screen.findByText('Đang lập hồ sơ…')).toBeTruthy();
    expectFocusKept(button);
    await act(async () => gate.release());
    expect(await screen.findByText(/chưa được đánh giá/, BAR)).toBeTruthy();
    expect(document.activeElement).toBe(button);
  });
});

/** The sheet row of an indicator in “Tiêu chí”. */
async function rowOf(host: Awaited<ReturnType<typeof fakePaneHost>>, code: string): Promise<number> {
  const rows = await host.excel.batch(async (s) => (await s.read([SHEETS.criteria])).sheets.get(SHEETS.criteria)!.rows);
  return rows.findIndex((r) => r[0] === code) + 1;
}
