/**
 * The grid draws each cell in its style's font, as Excel does (styles.xml: cellXfs → fontId → fonts),
 * with the metric twins Linux has, and fits a row with no stored height to its wrapped text in that
 * font: the add-in's sheets are in Times New Roman, a clerk's own sheet often in Calibri 11.
 */
import type { Page } from 'playwright-core';
import { useBrowserPages } from './support/browser';
import { eachWindow, grid, madeWorkbook, openFile, reveal, rowsOffReckoning, settled, showSheet, textCutOff } from './support/grid';
import { SHEETS } from '../../src/sheets/names';
import { sampleUnit } from '../../src/usecases/sampleData';
import { createSheets } from '../../src/usecases/createSheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';

const pages = useBrowserPages();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The font a cell's text is drawn in (its text's element, as computed). */
const fontOf = async (page: Page, address: string) =>
  (await reveal(page, address)).evaluate((td) => {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    const style = getComputedStyle(walker.nextNode()!.parentElement!);
    return {
      family: style.fontFamily,
      size: style.fontSize,
      weight: style.fontWeight,
      style: style.fontStyle,
      // Set on the cell, drawn under its text (a decoration reaches the text inside).
      underline: getComputedStyle(td).textDecorationLine,
      color: style.color,
    };
  });

describe('the grid draws each cell in its own font', () => {
  it('a clerk’s Calibri 11 notes wrapped in a narrow column, no heights stored: every line shown, the grid at rest', async () => {
    const page = await openFile(pages, 'preview calibri notes', madeWorkbook('fonts'));
    await showSheet(page, 'Ghi chú hẹp');
    const note = await fontOf(page, 'B2');
    expect(note.family).toMatch(/^Calibri, Carlito,/);
    expect(note.size).toBe('14.67px');
    const cut = new Set<string>();
    await eachWindow(page, async () => {
      for (const address of await textCutOff(page)) cut.add(address);
    });
    expect([...cut]).toEqual([]);
    expect(await rowsOffReckoning(page, ['Ghi chú hẹp'])).toEqual([]);
  });

  it('fonts a clerk set: family with its Linux twin, size, bold, italic, underline and colour', async () => {
    const page = await openFile(pages, 'preview clerk fonts', madeWorkbook('fonts'));
    await showSheet(page, 'Phông');
    const times = await fontOf(page, 'A1');
    expect(times).toMatchObject({ size: '16px', weight: '400', style: 'normal' });
    expect(times.family).toMatch(/^"Times New Roman", "Liberation Serif", Tinos,.*serif$/);
    const arial = await fontOf(page, 'A2');
    expect(arial).toMatchObject({ size: '13.33px', weight: '700', style: 'italic', underline: 'underline', color: 'rgb(192, 0, 0)' });
    expect(arial.family).toMatch(/^Arial, "Liberation Sans", Arimo,.*sans-serif$/);
    const cambria = await fontOf(page, 'A3');
    expect(cambria).toMatchObject({ size: '18.67px' });
    expect(cambria.family).toMatch(/^Cambria, Caladea,.*serif$/);
    expect((await fontOf(page, 'A4')).family).toMatch(/^Calibri, Carlito,.*sans-serif$/);
  });

  it('the add-in’s own sheets, as `dvht init --sample` writes them, are drawn in Times New Roman', async () => {
    const workbook = await XlsxWorkbook.create('truong.xlsx', NODE_XLSX);
    await createSheets(workbook, sampleUnit());
    const page = await openFile(pages, 'preview sample in times', { name: 'truong.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.toBytes()) });
    await showSheet(page, SHEETS.members);
    await settled(page);
    // Every cell drawn with text: its family.
    const drawn = await grid(page).evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('tbody td[data-address]')]
        .filter((td) => td.textContent)
        .map((td) => {
          const style = getComputedStyle(document.createTreeWalker(td, NodeFilter.SHOW_TEXT).nextNode()!.parentElement!);
          return { address: td.dataset.address!, family: style.fontFamily };
        }),
    );
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.filter((c) => !/^"Times New Roman", "Liberation Serif"/.test(c.family))).toEqual([]);
  });
});
