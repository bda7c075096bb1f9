/**
 * Every test file runs with this (jest.config.js): the pane keeps the language chosen in the
 * browser's storage (taskpane/langChoice.ts), so a test that switches to English would start
 * the next test of its file in English. Each test starts with none.
 */
afterEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
