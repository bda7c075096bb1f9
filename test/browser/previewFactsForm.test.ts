/**
 * The pane's form for the unit's own data, in the preview: the answers to the unit-level
 * indicators (Đạt / Không đạt / Không áp dụng and the evidence) and the learner counts are
 * typed into the form, not the grid; the evaluation follows them to “Đủ điều kiện”, and the
 * grid shows in the cells exactly what the form wrote (the ratios that read the counts as “not
 * calculated” until evaluate writes them again).
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { cell, evaluate, openSample, pane, reveal, select, showSheet, shows, step as stepIn } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { LEARNER_HEADER_ROW } from '../../src/sheets/learnersSheet';
import { columnLetter } from '../../src/workbook/a1';

const pages = useBrowserPages();
const step = (page: Page, name: string) => stepIn(pages, page, name);

async function openForm(page: Page): Promise<void> {
  await pane(page).getByRole('tab', { name: /Dữ liệu/ }).click();
  await pane(page).getByRole('button', { name: 'Ghi vào sổ' }).waitFor();
}

async function answer(page: Page, code: string, choice: 'Đạt' | 'Không đạt' | 'Không áp dụng' | 'Chưa ghi'): Promise<void> {
  await pane(page).locator(`[data-fact="${code}"] select`).selectOption({ label: choice });
}

async function save(page: Page): Promise<void> {
  await pane(page).getByRole('button', { name: 'Ghi vào sổ' }).click();
  await pane(page).getByText(/^(Đã ghi \d+ ô vào sổ|Không có gì thay đổi)/).waitFor({ timeout: 30_000 });
}

/** The row of each indicator code in the grid's “Tiêu chí” sheet. */
async function criteriaRows(page: Page, codes: string[]): Promise<Map<string, number>> {
  await showSheet(page, SHEETS.criteria);
  const rows = new Map<string, number>();
  for (let row = 1; row < 200 && rows.size < codes.length; row++) {
    const c = await reveal(page, `${columnLetter(COL.code)}${row}`);
    if ((await c.count()) === 0) break;
    const text = (await c.innerText()).trim();
    if (codes.includes(text)) rows.set(text, row);
  }
  return rows;
}

describe('the unit’s own data typed in the pane’s form, in the preview', () => {
  it('writes answers, evidence and learner counts that the evaluation and the grid both see', async () => {
    const page = await openSample(pages, 'preview facts form');
    await openForm(page);
    const codes = await pane(page).locator('[data-fact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')!));
    expect(codes.length).toBeGreaterThanOrEqual(5);
    const classes = await pane(page).getByRole('textbox', { name: /^Số người học, dòng \d+$/ }).count();
    expect(classes).toBeGreaterThan(0);
    // Every field and its remove button fit in the pane's width (none pushed past its edge).
    const overflow = await pane(page).evaluate((region) => {
      const edge = region.getBoundingClientRect().right;
      return Array.from(region.querySelectorAll('input, select, button'), (el) => el.getBoundingClientRect().right).filter((right) => right > edge + 1).length;
    });
    expect(overflow).toBe(0);

    // One indicator the unit does not meet: evaluated, it is not eligible.
    for (const [i, code] of codes.entries()) {
      await answer(page, code, i === 0 ? 'Không đạt' : 'Đạt');
      await pane(page).getByRole('textbox', { name: `Minh chứng cho chỉ tiêu ${code}`, exact: true }).fill(`Minh chứng số ${i + 1}/2026`);
    }
    for (let line = 1; line <= classes; line++) {
      await pane(page).getByRole('textbox', { name: `Số người học, dòng ${line}`, exact: true }).fill(String(30 + line));
      await pane(page).getByRole('textbox', { name: `Số đạt CDHT, dòng ${line}`, exact: true }).fill(String(30 + line));
    }
    await save(page);
    await step(page, 'answers and learners written from the form');
    // The ratios read the counts just written: not calculated until evaluate, and the grid says so.
    await showSheet(page, SHEETS.learners);
    const ratio = cell(page, `E${LEARNER_HEADER_ROW + 1}`);
    await shows(page, `E${LEARNER_HEADER_ROW + 1}`, 'chưa tính');
    await expect(ratio.getAttribute('title')).resolves.toMatch(/bấm Đánh giá .* để tính; Excel tự tính khi mở tệp/);
    await step(page, 'ratios not calculated yet');
    expect(await evaluate(page)).not.toMatch(/^Đủ điều kiện/);
    await shows(page, `E${LEARNER_HEADER_ROW + 1}`, '100,0%');

    // The grid shows what the form wrote, cell by cell.
    const rows = await criteriaRows(page, codes);
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    const at = (code: string, col: number) => `${columnLetter(col)}${rows.get(code)!}`;
    for (const [i, code] of codes.entries()) {
      await shows(page, at(code, COL.answer), i === 0 ? 'Không đạt' : 'Đạt');
      await shows(page, at(code, COL.evidence), `Minh chứng số ${i + 1}/2026`);
    }

    // Met after all. “Không áp dụng” is not offered for an indicator that applies to the unit (it would leave
    // nothing out: not evaluable). The grid (showing “Tiêu chí”) follows the save.
    await openForm(page);
    const offered = await pane(page).locator(`[data-fact="${codes.at(-1)!}"] select option`).allTextContents();
    expect(offered).toEqual(['Chưa ghi', 'Đạt', 'Không đạt']);
    await answer(page, codes[0]!, 'Đạt');
    await save(page);
    await shows(page, at(codes[0]!, COL.answer), 'Đạt');
    expect(await evaluate(page)).toMatch(/^Đủ điều kiện công nhận/);
    await step(page, 'eligible');

    await showSheet(page, SHEETS.learners);
    for (let line = 1; line <= classes; line++) {
      await shows(page, `C${LEARNER_HEADER_ROW + line}`, String(30 + line));
      await shows(page, `D${LEARNER_HEADER_ROW + line}`, String(30 + line));
    }
    await step(page, 'learner counts in the grid');
  });

  it('keeps what was typed in the grid after the form was read: saving the form writes only what was changed in it', async () => {
    const page = await openSample(pages, 'preview facts form and grid edits');
    await openForm(page);
    const codes = await pane(page).locator('[data-fact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact')!));
    const headcount = pane(page).getByRole('textbox', { name: 'Số người học, dòng 1', exact: true });
    const before = await headcount.inputValue();
    const typed = String(Number(before) + 7);
    const [first, last] = [codes[0]!, codes.at(-1)!];
    const rows = await criteriaRows(page, [last]);
    const answerCell = `${columnLetter(COL.answer)}${rows.get(last)!}`;

    // The clerk types in the grid while the form shows what it read: a learner count, an indicator's answer.
    await showSheet(page, SHEETS.learners);
    const countCell = `C${LEARNER_HEADER_ROW + 1}`;
    await select(page, countCell);
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await shows(page, countCell, typed);
    await showSheet(page, SHEETS.criteria);
    await select(page, answerCell);
    await page.keyboard.type('Không đạt');
    await page.keyboard.press('Enter');
    await shows(page, answerCell, 'Không đạt');

    // Then changes one evidence in the form and saves: the cells typed in the grid stay as typed.
    await pane(page).getByRole('textbox', { name: `Minh chứng cho chỉ tiêu ${first}`, exact: true }).fill('Kế hoạch số 15/KH-THBA');
    await save(page);
    await shows(page, answerCell, 'Không đạt');
    await showSheet(page, SHEETS.learners);
    await shows(page, countCell, typed);
    // And the form shows them now, as the workbook holds them.
    await expect(headcount.inputValue()).resolves.toBe(typed);
    await expect(pane(page).locator(`[data-fact="${last}"] select`).inputValue()).resolves.toBe('not_met');
    await step(page, 'grid edits kept by the form');
  });
});
