/** The pane's progress: at most one update per interval, the latest value, the last one not lost. */
import { latestEvery } from '../../src/taskpane/latestEvery';

describe('latestEvery', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('shows the first value at once, then the latest once per interval, and the last after it', () => {
    const shown: number[] = [];
    const progress = latestEvery<number>(100, (v) => shown.push(v));
    for (let i = 1; i <= 1000; i++) {
      progress.push(i);
      if (i % 10 === 0) jest.advanceTimersByTime(4); // a file every 0.4 ms
    }
    expect(shown.length).toBeLessThanOrEqual(5);
    expect(shown[0]).toBe(1);
    jest.advanceTimersByTime(100);
    expect(shown.at(-1)).toBe(1000);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });

  it('a value pushed after a quiet interval is shown at once', () => {
    const shown: string[] = [];
    const progress = latestEvery<string>(100, (v) => shown.push(v));
    progress.push('a');
    jest.advanceTimersByTime(500);
    progress.push('b');
    expect(shown).toEqual(['a', 'b']);
  });

  it('cancel drops the value not shown yet', () => {
    const shown: number[] = [];
    const progress = latestEvery<number>(100, (v) => shown.push(v));
    progress.push(1);
    progress.push(2);
    progress.cancel();
    jest.advanceTimersByTime(1000);
    expect(shown).toEqual([1]);
  });
});
