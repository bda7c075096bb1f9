/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DocumentsStep } from '../../src/taskpane/steps/DocumentsStep';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { failingWorkbook, fakePaneHost, sheetRows, typeInto } from '../support/fakePaneHost';
import { SHEETS } from '../../src/sheets/names';
import { RESULT_FIELDS, UNIT_FIELDS } from '../../src/sheets/unitSheet';
import { COL } from '../../src/sheets/criteriaSheet';

/** The row of a field of “Thông tin đơn vị”, 1-based. */
const unitRow = (rows: unknown[][] | null, label: string) => rows!.findIndex((r) => r[0] === label) + 1;
import { renderStep } from '../taskpane/renderPane';

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
/** What the step's status region says (a screen reader reads it out when it changes). */
const said = () => screen.getByRole('status').textContent;

const generate = () => fireEvent.click(screen.getByRole('button', { name: 'Lập hồ sơ' }));

async function evaluatedHost() {
  const host = await fakePaneHost({ sample: true });
  const ev = await evaluateWorkbook(host.workbook);
  if (!ev.ok) throw new Error('the sample must evaluate');
  return host;
}

describe('DocumentsStep', () => {
  test('generates the chosen documents and opens each sheet', async () => {
    const host = await evaluatedHost();
    renderStep(DocumentsStep, host);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Biên bản tự đánh giá' }));
    generate();
    expect(await screen.findByText(/Đã lập 7 văn bản/, BAR)).toBeTruthy();
    expect(said()).toMatch(/^Đã lập 7 văn bản\./);
    expect(host.excel.workbook.getWorksheet('Tờ trình')).toBeDefined();
    expect(host.excel.workbook.getWorksheet('Biên bản tự đánh giá')).toBeUndefined();
    fireEvent.click(screen.getByText('Mở trang “Báo cáo tự đánh giá”'));
    fireEvent.click(screen.getByText('Sửa nội dung mẫu (trang “Mẫu văn bản”)'));
    await screen.findByText(/Đã lập 7 văn bản/, BAR);
    expect(host.shown).toEqual([
      { sheet: 'Báo cáo tự đánh giá', address: 'A1' },
      { sheet: 'Mẫu văn bản', address: 'A1' },
    ]);
  });

  test('level 2 asked too soon: the others drawn, the tờ trình refused in its own bar, said with what to do', async () => {
    const host = await fakePaneHost({ sample: { presetId: 'tt24-co-so-md2', members: 12, rate: 1 } });
    await typeInto(host.excel, SHEETS.unit, `B${unitRow(await sheetRows(host.excel, SHEETS.unit), UNIT_FIELDS.previousDate)}`, '10/02/2025');
    const ev = await evaluateWorkbook(host.workbook);
    if (!ev.ok) throw new Error('must evaluate');
    renderStep(DocumentsStep, host);
    generate();
    expect(await screen.findByText(/Đã lập 7 văn bản/, BAR)).toBeTruthy();
    expect(screen.getByText(/^Chưa lập tờ trình: Đạt các tiêu chí, chỉ tiêu .*10\/02\/2026/, BAR)).toBeTruthy();
    expect(said()).toMatch(/Chưa lập tờ trình/);
    expect(host.excel.workbook.getWorksheet('Tờ trình')).toBeUndefined();
  });

  test('a unit not recognised: the others drawn as a self-evaluation, no tờ trình, said why in its own bar going to the result', async () => {
    const host = await fakePaneHost({ sample: { members: 20, rate: 0.5 } });
    const ev = await evaluateWorkbook(host.workbook);
    if (!ev.ok || ev.report.outcome.status !== 'not_recognised') throw new Error('this sample must fall short');
    renderStep(DocumentsStep, host);
    generate();
    expect(await screen.findByText(/Đã lập 7 văn bản/, BAR)).toBeTruthy();
    const bar = screen.getByText(/^Chưa lập tờ trình: kết quả tự đánh giá là “Chưa đủ điều kiện công nhận/, BAR).closest<HTMLElement>('.fui-MessageBar')!;
    expect(bar.textContent).toContain('HỒ SƠ TỰ ĐÁNH GIÁ');
    expect(said()).toMatch(/Chưa lập tờ trình/);
    expect(host.excel.workbook.getWorksheet('Tờ trình')).toBeUndefined();
    const row = unitRow(await sheetRows(host.excel, SHEETS.unit), RESULT_FIELDS.outcome);
    fireEvent.click(within(bar).getByRole('button', { name: `Đến ô ${SHEETS.unit}!B${row}` }));
    await waitFor(() => expect(host.shown).toEqual([{ sheet: SHEETS.unit, address: `B${row}` }]));
  });

  test('level 2 held: its bar goes to the level-1 date the clerk must fix, as every result bar goes to its cell', async () => {
    for (const date of ['10/02/2025', null]) {
      const host = await fakePaneHost({ sample: { presetId: 'tt24-co-so-md2', members: 12, rate: 1 } });
      const row = unitRow(await sheetRows(host.excel, SHEETS.unit), UNIT_FIELDS.previousDate);
      await typeInto(host.excel, SHEETS.unit, `B${row}`, date);
      if (!(await evaluateWorkbook(host.workbook)).ok) throw new Error('must evaluate');
      // Asked as the problem list asks: the user goes there, the grid takes the keys.
      const asked: unknown[] = [];
      const show = host.showCell;
      host.showCell = (sheet, address, options) => (asked.push(options), show(sheet, address, options));
      const { unmount } = renderStep(DocumentsStep, host);
      generate();
      // The bar's own button (the list of points below has the same hold's warning at that cell too).
      const bar = (await screen.findByText(/^Chưa lập tờ trình: /, BAR)).closest<HTMLElement>('.fui-MessageBar')!;
      fireEvent.click(within(bar).getByRole('button', { name: `Đến ô ${SHEETS.unit}!B${row}` }));
      await waitFor(() => expect(host.shown).toEqual([{ sheet: SHEETS.unit, address: `B${row}` }]));
      expect(asked).toEqual([{ focus: true }]);
      unmount();
    }
  });

  test('a requirement lowered below the preset: said among the points, in evaluation’s words, with its cell', async () => {
    const host = await fakePaneHost({ sample: true });
    const criteria = await sheetRows(host.excel, SHEETS.criteria);
    const row = criteria!.findIndex((r) => r[COL.code - 1] === '3.1') + 1;
    const cell = `${String.fromCharCode(64 + COL.threshold)}${row}`;
    await typeInto(host.excel, SHEETS.criteria, cell, 0.85);
    const ev = await evaluateWorkbook(host.workbook);
    if (!ev.ok) throw new Error('must evaluate');
    const warned = ev.problems.find((p) => p.code === 'ruleSetEdited')!;
    expect(warned).toMatchObject({ sheet: SHEETS.criteria, cell });
    renderStep(DocumentsStep, host);
    generate();
    expect(await screen.findByText(/Đã lập 8 văn bản/, BAR)).toBeTruthy();
    expect(screen.getByText(warned.message, BAR)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Đến ô ${SHEETS.criteria}!${cell}` }));
    await waitFor(() => expect(host.shown).toEqual([{ sheet: SHEETS.criteria, address: cell }]));
  });

  test('nothing chosen: the button waits and says why', async () => {
    renderStep(DocumentsStep, await evaluatedHost());
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    expect((screen.getByRole('button', { name: 'Lập hồ sơ' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Hãy chọn ít nhất một văn bản.')).toBeTruthy();
  });

  test('not evaluated yet: says so and leads to the Đánh giá step', async () => {
    const host = await fakePaneHost({ sample: true });
    const { goTo } = renderStep(DocumentsStep, host);
    generate();
    expect(await screen.findByText(/chưa được đánh giá/, BAR)).toBeTruthy();
    expect(said()).toMatch(/chưa được đánh giá/);
    fireEvent.click(screen.getByRole('button', { name: 'Đến bước Đánh giá' }));
    expect(goTo).toHaveBeenCalledWith('evaluate');
    expect(host.excel.workbook.getWorksheet('Tờ trình')).toBeUndefined();
  });

  test('missing sheets lead back to set-up', async () => {
    const { goTo } = renderStep(DocumentsStep, await fakePaneHost());
    generate();
    fireEvent.click(await screen.findByRole('button', { name: 'Đến bước Thiết lập' }));
    expect(goTo).toHaveBeenCalledWith('setup');
    expect(said()).toMatch(/^Chưa có đủ các trang\. /);
  });

  test('an Excel error is shown with a retry', async () => {
    renderStep(DocumentsStep, await fakePaneHost({ sample: true, wrap: failingWorkbook('GeneralException') }));
    generate();
    expect(await screen.findByText(/GeneralException/, BAR)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
    expect(said()).toMatch(/^Không thực hiện được\. Đã có lỗi: GeneralException\./);
  });
});
