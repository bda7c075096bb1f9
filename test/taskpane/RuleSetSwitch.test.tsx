/**
 * @jest-environment jsdom
 *
 * “Đổi bộ tiêu chí” in the Setup step of a workbook that already has its "Tiêu chí": offered
 * with the presets and the handed-out file as sources, it says what will be dropped and waits for
 * the clerk's confirmation before redrawing; a protected sheet is refused, nothing written.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SetupStep } from '../../src/taskpane/steps/SetupStep';
import { findPreset } from '../../src/domain/rules/presets';
import { handoutFile, sealRuleSet } from '../../src/usecases/handout';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { readCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { readUnitSheet } from '../../src/sheets/unitSheet';
import { SHEETS } from '../../src/sheets/names';
import { PreviewWorkbook } from '../../src/hosts/preview/previewWorkbook';
import type { Workbook } from '../../src/workbook/port';
import { fakePaneHost } from '../support/fakePaneHost';
import { protectWithOpenpyxl } from '../support/openpyxlProtect';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel } from '../support/fakeExcel';
import { excelPaneHost, previewPaneHost, withNodeWebApis } from './paneHosts';
import { renderStep } from './renderPane';

const wait = { timeout: 20_000 };
jest.setTimeout(60_000);

withNodeWebApis();

async function sheets(wb: Workbook) {
  const read = (await wb.batch((s) => s.read([SHEETS.criteria, SHEETS.unit]))).sheets;
  return { ruleSet: readCriteriaSheet(read.get(SHEETS.criteria)!).ruleSet, unit: readUnitSheet(read.get(SHEETS.unit)!).info };
}

/** The bars on screen, not the status region's sentence for screen readers. */
const BAR = { ignore: 'script, style, [data-testid="announce"]' };
/** What the switch's status region says (a screen reader reads it out when it changes). */
const said = () => within(screen.getByRole('region', { name: 'Đổi bộ tiêu chí' })).getByRole('status').textContent;

const switchButton = () => screen.findByRole('button', { name: 'Đổi bộ tiêu chí' }, wait) as Promise<HTMLButtonElement>;

describe('the Setup step switches the rule set of a prepared workbook', () => {
  test('the set in use cannot be chosen again; another is confirmed first, saying what is dropped, then written', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(SetupStep, host);
    expect(await screen.findByText(/Sổ này đã có trang “Tiêu chí” \(bộ “TT24 · cấp huyện · mức độ 1”\)/, undefined, wait)).toBeTruthy();
    // Said to be unavailable, not disabled: it keeps the focus when it becomes so (after a switch).
    await waitFor(async () => expect((await switchButton()).getAttribute('aria-disabled')).toBe('true'), wait);
    expect(screen.getByText('Sổ đang dùng bộ tiêu chí này.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /TT22\/2020/ }));
    (await switchButton()).focus();
    fireEvent.click(await switchButton());
    expect(await screen.findByText(/Đổi sang “TT22\/2020 · 100 điểm”\?/, BAR, wait)).toBeTruthy();
    // Thông tư 22/2020 has no 1.4; its 1.1 asks something else than Thông tư 24/2023's.
    expect(screen.getByText(/^Sẽ bỏ \d+ câu trả lời: chỉ tiêu 1\.1 \(“Đạt”; “[^”]+”\): chỉ tiêu 1\.1 của bộ mới có nội dung khác \(Có kế hoạch .*; chỉ tiêu 1\.4 \(“Đạt”; “Hồ sơ lưu tại văn phòng”\), bộ mới không có chỉ tiêu này; /, BAR)).toBeTruthy();
    // The question is said to screen readers too (its bar is no live region).
    expect(said()).toMatch(/^Đổi sang “TT22\/2020 · 100 điểm”\? .* Sẽ bỏ \d+ câu trả lời: /);
    // Nothing is written before the clerk confirms.
    expect((await sheets(host.workbook)).ruleSet.id).toBe('tt24-co-so-md1');

    const yes = screen.getByRole('button', { name: 'Đổi và vẽ lại trang “Tiêu chí”' });
    yes.focus();
    fireEvent.click(yes);
    // The answer's button is gone: the focus is back on the button that asked, kept there while the switch runs and after.
    expect(document.activeElement).toBe(await switchButton());
    expect(await screen.findByText(/Đã đổi sang bộ tiêu chí “TT22\/2020 · 100 điểm”/, BAR, wait)).toBeTruthy();
    expect(screen.getByText(/Bỏ \d+ câu trả lời không còn chỗ trong bộ mới/, BAR)).toBeTruthy();
    expect(said()).toMatch(/^Đã đổi sang bộ tiêu chí “TT22\/2020 · 100 điểm” .* Bỏ \d+ câu trả lời không còn chỗ trong bộ mới/);
    expect((await switchButton()).matches(':disabled')).toBe(false);
    expect(document.activeElement).toBe(await switchButton());
    expect((await sheets(host.workbook)).ruleSet.id).toBe('tt22-100');
    // Read again: the workbook's set is now the one chosen.
    expect(await screen.findByText(/\(bộ “TT22\/2020 · 100 điểm”\)/, undefined, wait)).toBeTruthy();
  });

  test('“Thôi” leaves the workbook as it was', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(SetupStep, host);
    await switchButton();
    fireEvent.click(screen.getByRole('radio', { name: /cấp tỉnh · mức độ 2/ }));
    fireEvent.click(await switchButton());
    const no = await screen.findByRole('button', { name: 'Thôi' }, wait);
    no.focus();
    fireEvent.click(no);
    expect(screen.queryByText(/Đổi sang “/)).toBeNull();
    // The answer's button is gone: the focus is back on the button that asked.
    expect(document.activeElement).toBe(await switchButton());
    expect((await sheets(host.workbook)).ruleSet.id).toBe('tt24-co-so-md1');
  });

  test('the rule set handed out (its file) is a source too: switched, and the level requested follows', async () => {
    const host = await fakePaneHost({ sample: true });
    renderStep(SetupStep, host);
    await switchButton();
    const md2 = { ...findPreset('tt24-co-so-md2')!, name: 'Bộ tiêu chí của UBND xã Tân Phú' };
    fireEvent.change(screen.getByLabelText('Mở tệp bộ tiêu chí được giao…'), { target: { files: [new File([handoutFile(sealRuleSet(md2))], 'bo-tieu-chi.json')] } });
    expect(((await screen.findByRole('radio', { name: /UBND xã Tân Phú/ }, wait)) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(await switchButton());
    expect(await screen.findByText(/Đổi sang “Bộ tiêu chí của UBND xã Tân Phú”\?/, BAR, wait)).toBeTruthy();
    // Level 2's 3.4 (“Tập thể lao động xuất sắc”) is not level 1's (“tiên tiến”): its answer is not carried.
    expect(screen.getByText(/^Sẽ bỏ 1 câu trả lời: chỉ tiêu 3\.4 .*hãy trả lời lại\.$/, BAR)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đổi và vẽ lại trang “Tiêu chí”' }));
    expect(await screen.findByText('Mức độ đề nghị công nhận ở trang “Thông tin đơn vị” nay là “Mức độ 2”.', BAR, wait)).toBeTruthy();
    const after = await sheets(host.workbook);
    expect(after.ruleSet.id).toMatch(/^tt24-co-so-md2@/);
    expect(after.unit.level).toBe('Mức độ 2');
  });

  test('inside Excel (fake Excel): the same switch, through the Office workbook', async () => {
    const excel = createFakeExcel();
    const workbook = new OfficeWorkbook(excel.run, excel.supports);
    await createSheets(workbook, sampleUnit({ members: 5 }));
    const { host } = excelPaneHost(excel, workbook);
    renderStep(SetupStep, host);
    await switchButton();
    fireEvent.click(screen.getByRole('radio', { name: /cấp tỉnh · mức độ 2/ }));
    fireEvent.click(await switchButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Đổi và vẽ lại trang “Tiêu chí”' }, wait));
    expect(await screen.findByText(/Đã đổi sang bộ tiêu chí “TT24 · cấp tỉnh · mức độ 2”/, BAR, wait)).toBeTruthy();
    const after = await sheets(workbook);
    expect(after.ruleSet.id).toBe('tt24-tinh-md2');
    expect(after.unit.level).toBe('Mức độ 2');
    expect(excel.sheetNames()).toEqual(expect.arrayContaining([SHEETS.criteria]));
  });

  test('a protected “Tiêu chí” (preview, a file protected by openpyxl): refused, naming the sheet, nothing written', async () => {
    const blank = PreviewWorkbook.create('truong.xlsx');
    await createSheets(blank, sampleUnit({ members: 5 }));
    const file = await PreviewWorkbook.open(protectWithOpenpyxl(await blank.toBuffer(), { sheets: { 'Tiêu chí': {} } }), 'truong.xlsx');
    const host = previewPaneHost(file);
    renderStep(SetupStep, host);
    await switchButton();
    fireEvent.click(screen.getByRole('radio', { name: /cấp huyện · mức độ 2/ }));
    fireEvent.click(await switchButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Đổi và vẽ lại trang “Tiêu chí”' }, wait));
    expect(await screen.findByText(/trang “Tiêu chí” đang được bảo vệ/, BAR, wait)).toBeTruthy();
    expect(said()).toMatch(/trang “Tiêu chí” đang được bảo vệ/);
    expect((await sheets(host.workbook)).ruleSet.id).toBe('tt24-co-so-md1');
  });
});
