/**
 * `npm run test:unit`: the inner loop, without Chromium and LibreOffice (the suites that
 * drive them run in `npm test`, which CI runs).
 */
const config = require('./jest.config');

const NEEDS_BROWSER_OR_OFFICE = [
  '<rootDir>/test/browser/', // Chromium
  '<rootDir>/test/integration/', // LibreOffice recalculation
  '<rootDir>/test/documents/documents.test.ts', // LibreOffice → PDF
  '<rootDir>/test/consolidate/consolidate.test.ts', // LibreOffice-written workbooks in the corpus
  '<rootDir>/test/consolidate/xlsxReader.test.ts', // idem
];

module.exports = {
  ...config,
  projects: config.projects.map((p) => ({ ...p, testPathIgnorePatterns: [...(p.testPathIgnorePatterns ?? ['/node_modules/']), ...NEEDS_BROWSER_OR_OFFICE] })),
};
