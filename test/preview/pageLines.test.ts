/** @jest-environment jsdom */
/**
 * The grid fits rows to wrapped text as the browser lays it out (pageLines), which is costly by the
 * thousand: sheetView runs again on every edit, so a text laid out once is never laid out again.
 */
import { pageLines } from '../../src/hosts/preview/SheetGrid';
import type { WrapRequest } from '../../src/hosts/preview/sheetView';

const calibri = () => ({ family: 'Calibri, Carlito, sans-serif', sizePt: 11, bold: false, italic: false });
const notes = (n: number, tag = ''): WrapRequest[] =>
  Array.from({ length: n }, (_, i) => ({ text: `ghi chú ${tag}${i}`, units: 30, widthPx: 215, font: calibri() }));

/** The texts a measure puts into the page to lay out. */
function laidOut(run: () => void): string[] {
  const texts: string[] = [];
  const append = jest.spyOn(Node.prototype, 'appendChild');
  try {
    run();
    // What went into the page (a parent in the document), then taken out again: its innermost elements' texts.
    append.mock.calls.forEach(([node], i) => {
      if (!(node instanceof HTMLElement) || !(append.mock.contexts[i] as Node).isConnected) return;
      texts.push(...[node, ...node.querySelectorAll('*')].filter((el) => !el.children.length).map((el) => el.textContent ?? ''));
    });
  } finally {
    append.mockRestore();
  }
  return texts;
}

it('a sheet measured again (an edit redraws it) lays out none of its texts again, nor a text twice', () => {
  const sheet = [...notes(300), ...notes(300)];
  const first = laidOut(() => pageLines(sheet));
  expect(first).toHaveLength(300);
  // Fonts made afresh for the new view, as sheetView does: the same font.
  expect(laidOut(() => pageLines(sheet.map((r) => ({ ...r, font: calibri() }))))).toEqual([]);
});

it('an edit lays out only the text it changed', () => {
  const sheet = notes(300, 'e');
  pageLines(sheet);
  const edited = sheet.map((r, i) => (i === 7 ? { ...r, text: 'ghi chú mới' } : r));
  expect(laidOut(() => pageLines(edited))).toEqual(['ghi chú mới']);
});

it('a big sheet, more texts than the cache keeps of all sheets: measured again, none laid out again', () => {
  const sheet = [...notes(12_000, 'a'), ...notes(12_000, 'b')];
  expect(laidOut(() => pageLines(sheet))).toHaveLength(24_000);
  expect(laidOut(() => pageLines(sheet))).toEqual([]);
});
