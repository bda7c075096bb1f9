/**
 * Every test file runs with this (jest.config.js): a promise rejection nobody handled fails
 * the test during which it surfaced, with its reason, instead of passing unseen.
 */
const unhandled: unknown[] = [];
const record = (reason: unknown) => {
  unhandled.push(reason);
};

beforeAll(() => {
  process.on('unhandledRejection', record);
});

afterEach(async () => {
  // Node reports an unhandled rejection after the microtasks of the turn that made it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (unhandled.length === 0) return;
  const reasons = unhandled.splice(0).map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r)));
  throw new Error(`Unhandled promise rejection:\n${reasons.join('\n')}`);
});

afterAll(() => {
  process.off('unhandledRejection', record);
});
