/**
 * The grid's undo history is bounded as Excel's is: 100 changes, and the sheet parts the changes hold (a paste
 * that grew the members table keeps its sheet's parts whole, megabytes at 5,000 members) within a budget;
 * past either, the oldest changes go first, and Ctrl+Z then finds nothing left to undo.
 */
import { keepChange, UNDO_LEVELS, UNDO_PARTS_BUDGET } from '../../src/hosts/preview/editHistory';

interface Change {
  id: number;
  parts?: (string | null)[];
}

const held = (c: Change) => c.parts ?? [];

describe('the grid’s undo history', () => {
  it('keeps the last 100 changes, as Excel keeps 100 undo levels: the oldest goes first', () => {
    expect(UNDO_LEVELS).toBe(100);
    const undo: Change[] = [];
    for (let id = 1; id <= 101; id++) keepChange(undo, { id }, held);
    expect(undo.map((c) => c.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    // Undone one by one, the 101st Ctrl+Z finds none.
    for (let id = 101; id >= 2; id--) expect(undo.pop()?.id).toBe(id);
    expect(undo.pop()).toBeUndefined();
  });

  it('keeps the parts the changes hold within the budget: the oldest changes go, with every change before them', () => {
    expect(UNDO_PARTS_BUDGET).toBe(64 * 1024 * 1024);
    const limits = { levels: 100, budget: 1000 }; // bytes: two per character, as the tab holds the text
    const text = (c: string) => c.repeat(200); // 400 bytes
    const undo: Change[] = [];
    keepChange(undo, { id: 1 }, held, limits);
    keepChange(undo, { id: 2, parts: [text('a'), null] }, held, limits);
    keepChange(undo, { id: 3 }, held, limits);
    keepChange(undo, { id: 4, parts: [text('b')] }, held, limits);
    expect(undo.map((c) => c.id)).toEqual([1, 2, 3, 4]); // 800 bytes
    keepChange(undo, { id: 5, parts: [text('c')] }, held, limits);
    // 1,200 bytes: the change holding "a" goes, and the change before it (it cannot be undone past a change not kept).
    expect(undo.map((c) => c.id)).toEqual([3, 4, 5]);
  });

  it('counts a text held by two changes once (one change’s after is the next one’s before)', () => {
    const limits = { levels: 100, budget: 1000 };
    const shared = 'x'.repeat(200); // 400 bytes
    const undo: Change[] = [];
    keepChange(undo, { id: 1, parts: ['a'.repeat(100), shared] }, held, limits);
    keepChange(undo, { id: 2, parts: [shared, 'b'.repeat(100)] }, held, limits);
    expect(undo.map((c) => c.id)).toEqual([1, 2]); // 200 + 400 + 200 bytes
  });

  it('keeps the newest change even when its parts alone pass the budget: the paste just made can be undone', () => {
    const limits = { levels: 100, budget: 100 };
    const undo: Change[] = [];
    keepChange(undo, { id: 1 }, held, limits);
    keepChange(undo, { id: 2, parts: ['z'.repeat(1000)] }, held, limits);
    expect(undo.map((c) => c.id)).toEqual([2]);
  });
});
