/**
 * Excel draws each frozen pane on its own: text in the frozen columns stops at their edge, however
 * empty the cells beyond it (the preview draws it so too: test/browser/previewFrozen.test.ts). The
 * lines above a sheet's table that sit in its frozen columns must fit them; longer ones start in
 * the first column that scrolls, where they run on.
 */
import { drawMembersSheet } from '../../src/sheets/membersSheet';
import { drawCriteriaSheet } from '../../src/sheets/criteriaSheet';
import { PRESETS } from '../../src/domain/rules/presets';
import { cutAtFrozenEdge, shownCells } from './planCells';

test('the members sheet’s title and hints are whole on screen: nothing is cut at the frozen name column', () => {
  const plan = drawMembersSheet();
  expect(cutAtFrozenEdge(plan, 4)).toEqual([]);
  // What the clerk must know before typing is still there.
  const texts = shownCells(plan).filter((c) => c.row < 4).map((c) => String(c.value)).join(' ');
  expect(texts).toContain('Tính vào tổng số');
  expect(texts).toContain('Có / Không');
  expect(texts).toContain('cột xám');
});

test('the criteria sheet’s lines above its table fit its frozen code and text columns', () => {
  for (const rs of PRESETS) expect(cutAtFrozenEdge(drawCriteriaSheet(rs), 17)).toEqual([]);
});
