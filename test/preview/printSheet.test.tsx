/** @jest-environment jsdom */
/**
 * Print titles below a title block, as the add-in's own sheets and clerks' lists have them (a title in
 * rows 1–3, the column headings in row 4 repeated on each page): on paper, as in Excel and LibreOffice,
 * the rows above the print titles come first, the titles in their place after them, and the titles head
 * only the pages from there on. And a line of text longer than its cell runs on over the empty cells to its
 * right on paper too (a sheet's title in A1), up to the first filled one.
 */
import { render } from '@testing-library/react';
import { PrintSheet } from '../../src/hosts/preview/PrintSheet';
import type { PrintSetup } from '../../src/hosts/preview/packageModel';
import { sheetView } from '../../src/hosts/preview/sheetView';
import { sheetModel } from './sheetModel';

function printed(rows: string[][], print: Partial<PrintSetup>) {
  const model = sheetModel({
    values: rows,
    print: { orientation: 'portrait', orientationSet: false, margins: { top: 2, bottom: 2, left: 2, right: 2 }, fit: null, scale: 100, printArea: null, rowBreaks: [], columnBreaks: [], titleRows: null, titleColumns: null, overThenDown: false, header: {}, footer: {}, firstPage: null, evenPages: null, ...print },
  });
  const { container } = render(<PrintSheet view={sheetView(model, 'vi-VN', undefined, false)} print={model.print} />);
  // Each printed table: the rows heading it on every page it spans (thead), then its rows (tbody), by their first cell.
  return [...container.querySelectorAll('table')].map((table) => ({
    head: [...table.querySelectorAll('thead tr')].map((tr) => tr.querySelector('td')?.textContent ?? ''),
    body: [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent ?? ''),
    pageBreakBefore: table.style.breakBefore === 'page',
  }));
}

const members = (n: number) => Array.from({ length: n }, (_, i) => [`Người ${i + 1}`, 'x']);

describe('print titles below the rows that come before them', () => {
  it('the title block first, then the title row in its place heading the rest of the sheet', () => {
    const tables = printed([['DANH SÁCH THÀNH VIÊN'], ['Ghi Có / Không'], [], ['Họ và tên', 'Chấp hành'], ...members(120)], { titleRows: { first: 4, last: 4 } });
    expect(tables).toEqual([
      { head: [], body: ['DANH SÁCH THÀNH VIÊN', 'Ghi Có / Không', ''], pageBreakBefore: false },
      { head: ['Họ và tên'], body: members(120).map((r) => r[0]), pageBreakBefore: false },
    ]);
  });

  it('title rows at the top of the sheet head every page, as before', () => {
    const tables = printed([['Họ và tên', 'Chấp hành'], ...members(50)], { titleRows: { first: 1, last: 1 } });
    expect(tables).toEqual([{ head: ['Họ và tên'], body: members(50).map((r) => r[0]), pageBreakBefore: false }]);
  });

  it('over, then down: pages of rows above the title rows are printed without them, the pages after with them', () => {
    // 40 columns, each holding the row's name: every group of columns shows it first.
    const wide = (name: string) => Array.from({ length: 40 }, () => name);
    const rows = [...Array.from({ length: 150 }, (_, i) => wide(`Dòng ${i + 1}`)), wide('Họ và tên'), ...members(150).map((r) => wide(r[0]!))];
    const tables = printed(rows, { scale: 50, overThenDown: true, titleRows: { first: 151, last: 151 } });
    const kinds = tables.map((t) => ({ head: t.head, rows: t.body.every((r) => r.startsWith('Dòng')) ? 'before' : t.body.every((r) => r.startsWith('Người')) ? 'after' : 'mixed' }));
    expect(kinds.filter((k) => k.rows === 'before').every((k) => k.head.length === 0)).toBe(true);
    expect(kinds.filter((k) => k.rows === 'after').every((k) => k.head.join() === 'Họ và tên')).toBe(true);
    expect(kinds.filter((k) => k.rows === 'mixed')).toEqual([]);
    // Each row once in every group of columns.
    const groups = tables.filter((t) => t.body.includes('Dòng 1')).length;
    expect(groups).toBeGreaterThan(1);
    expect(tables.flatMap((t) => t.body)).toHaveLength(300 * groups);
  });
});

describe('text longer than its cell, on paper', () => {
  /** Each printed row: its cells as [text, columns spanned]. */
  function cells(rows: (string | number | null)[][]) {
    const model = sheetModel({ values: rows });
    const { container } = render(<PrintSheet view={sheetView(model, 'vi-VN', undefined, false)} print={model.print} />);
    return [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => [td.textContent, td.colSpan]));
  }

  it('runs on over the empty cells to its right, as Excel prints it, up to the first filled cell', () => {
    const title = 'DANH SÁCH THÀNH VIÊN VÀ KẾT QUẢ HỌC TẬP, BỒI DƯỠNG';
    expect(cells([[title, null, null, null], ['Ghi Có / Không', null, 'x', null], ['STT', 'Họ và tên', 'Chấp hành', 'Ghi chú']])).toEqual([
      [[title, 4]],
      [['Ghi Có / Không', 2], ['x', 2]],
      [['STT', 1], ['Họ và tên', 1], ['Chấp hành', 1], ['Ghi chú', 1]],
    ]);
  });

  it('a number stays in its cell', () => {
    expect(cells([[123456789, null]])).toEqual([[['123456789', 1], ['', 1]]]);
  });
});
