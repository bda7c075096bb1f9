/**
 * Every test file runs with this (jest.config.js): Testing Library's `findBy…` and `waitFor` give
 * up after 1 s by default. A pane test's use-case runs on the fake Excel over a sample workbook;
 * on a 2-core CI machine that also runs Chromium and LibreOffice suites it can take longer, and a
 * wait that fails there says nothing about the pane. The waits still wait for their condition;
 * only their ceiling is one a loaded machine meets. Loaded only where there is a DOM (jsdom files),
 * and from @testing-library/dom (whose settings @testing-library/react reads), not from
 * @testing-library/react: that would load react-dom before a test file's jest.mock of it.
 */
if (typeof document !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only the jsdom test files need it
  (require('@testing-library/dom') as typeof import('@testing-library/dom')).configure({ asyncUtilTimeout: 15_000 });
}
