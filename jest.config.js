/**
 * Unit and component tests run on the TypeScript sources (no build needed). The workbook
 * contract runs twice, under UTC and under Vietnam's time zone: dates written by the add-in
 * must be the wall-clock time the user sees, wherever the tests run.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^office-addin-manifest$': 'office-addin-manifest/lib/officeApp.js',
  },
  // A promise rejection nobody handled fails the test (no silent failures in the pane or the CLI).
  // Each test starts with an empty browser storage (the language chosen before).
  // Testing Library's waits get a ceiling a loaded 2-core CI machine meets (slowMachineWaits.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/failOnUnhandledRejection.ts', '<rootDir>/test/support/freshStorage.ts', '<rootDir>/test/support/slowMachineWaits.ts'],
};

const CONTRACT = '**/test/workbook/contract.test.ts';

const inZone = (timezone) => ({
  ...base,
  displayName: `contract ${timezone}`,
  testMatch: [CONTRACT],
  testEnvironment: '<rootDir>/test/support/timezoneEnvironment.js',
  testEnvironmentOptions: { timezone },
});

module.exports = {
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/tempRoot.js',
  globalTeardown: '<rootDir>/test/support/tempTeardown.js',
  projects: [
    { ...base, displayName: 'tests', testMatch: ['**/*.test.ts', '**/*.test.tsx'], testPathIgnorePatterns: ['/node_modules/', '/test/workbook/contract\\.test\\.ts$'] },
    inZone('UTC'),
    inZone('Asia/Ho_Chi_Minh'),
  ],
};
