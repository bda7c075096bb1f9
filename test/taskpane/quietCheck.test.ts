/** A check worked out once the asks stop: one at a time, only the answer no later ask made out of date shown. */
import { quietCheck } from '../../src/taskpane/quietCheck';

describe('quietCheck', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A check whose runs answer when the test says, each with its own answer. */
  function checks() {
    const runs: { answer(value: string): Promise<void>; current: () => boolean }[] = [];
    const shown: string[] = [];
    const check = quietCheck<string>(
      100,
      (current) =>
        new Promise<string>((resolve) => {
          runs.push({ current, answer: async (value) => (resolve(value), await jest.advanceTimersByTimeAsync(0)) });
        }),
      (answer) => shown.push(answer),
    );
    return { check, runs, shown };
  }

  it('runs once the asks have stopped for the quiet spell, not once per ask', async () => {
    const { check, runs, shown } = checks();
    for (let i = 0; i < 5; i++) {
      check.ask();
      await jest.advanceTimersByTimeAsync(60);
    }
    expect(runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1);
    await runs[0]!.answer('a');
    expect(shown).toEqual(['a']);
  });

  it('an ask while a check runs: its answer is dropped, and the next runs only after it', async () => {
    const { check, runs, shown } = checks();
    check.ask();
    await jest.advanceTimersByTimeAsync(100);
    check.ask();
    expect(runs[0]!.current()).toBe(false);
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toHaveLength(1);
    await runs[0]!.answer('old');
    expect(runs).toHaveLength(2);
    expect(runs[1]!.current()).toBe(true);
    await runs[1]!.answer('new');
    expect(shown).toEqual(['new']);
  });

  it('ask(0) checks at once; cancel drops the waiting check and the answer of the running one', async () => {
    const { check, runs, shown } = checks();
    check.ask(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    check.cancel();
    await runs[0]!.answer('late');
    check.ask();
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
    expect(shown).toEqual([]);
  });
});
