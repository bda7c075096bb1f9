/**
 * The layers of src/, lowest first, and what each may import (README, "Code layout").
 * A layer imports only itself and the layers listed for it; run by `npm run lint:deps`.
 */
const LAYERS = {
  // Rules, values, evaluation: pure TypeScript.
  domain: [],
  // Every sentence and every figure as a user reads it (catalogue, percentages, dates).
  i18n: ['domain'],
  // The bounded .xlsx reader.
  xlsx: ['domain'],
  // The workbook port and its two implementations (office/, xlsx/).
  workbook: ['domain', 'i18n', 'xlsx'],
  // The sheets the add-in draws and reads (plans over the port), the document block builder.
  sheets: ['domain', 'i18n', 'workbook'],
  // The dossier documents, drawn with the block builder of sheets/.
  documents: ['domain', 'i18n', 'workbook', 'sheets'],
  // Use-cases: take a workbook, call the domain.
  usecases: ['domain', 'i18n', 'xlsx', 'workbook', 'sheets', 'documents'],
  // Node-only helpers of the command line and the scripts (files, the package's own version).
  node: ['domain'],
  // Entries and UI, on top.
  taskpane: ['domain', 'i18n', 'usecases', 'workbook'],
  workers: ['domain', 'i18n', 'xlsx', 'usecases'],
  cli: ['domain', 'i18n', 'xlsx', 'workbook', 'usecases', 'node'],
  hosts: ['domain', 'i18n', 'xlsx', 'workbook', 'usecases', 'taskpane'],
};

// Single modules of an otherwise forbidden layer a layer may import.
const EXCEPTIONS = {
  // The preview sizes rows without a height by the text measure the file writer fits rows with.
  hosts: ['^src/sheets/documentLayout\\.ts$'],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
  const forbidden = Object.keys(LAYERS).filter((l) => l !== layer && !allowed.includes(l));
  return {
    name: `layer-${layer}`,
    comment: `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (README, "Code layout")`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${forbidden.join('|')})/`, ...(EXCEPTIONS[layer] ? { pathNot: EXCEPTIONS[layer] } : {}) },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-module-cycle',
      comment: 'Two modules that import each other, through any path.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two folders that import each other, through any path (sub-folders included).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'adapters-only-at-the-edges',
      comment: 'Only entries (cli, hosts, workers) pick a workbook implementation; the rest talk to the port.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|hosts|workers|workbook)/' },
      to: { path: '^src/workbook/(office|xlsx)/' },
    },
    {
      name: 'node-only-in-node-entries',
      comment: 'Node built-ins run in the CLI, src/node and the file adapter only; the pane and the preview run in a browser.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|node|workbook/xlsx/files|xlsx/inflateNode|xlsx/deflateNode)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
