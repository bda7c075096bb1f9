/**
 * Lets the bench `require` the TypeScript sources (src/**, test/support/fakeExcel.ts) the
 * way jest does, without ts-node: each .ts file is transpiled alone (isolatedModules) to
 * CommonJS on first load. The Office.js workbook and the counting fake are not part of the
 * Node build (tsconfig.node.json), so compiling them here is the only way to reach them.
 */
'use strict';
const fs = require('fs');
const ts = require('typescript');

const OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

function register() {
  for (const ext of ['.ts', '.tsx']) {
    if (require.extensions[ext]) continue;
    require.extensions[ext] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: OPTIONS, fileName: filename });
      module._compile(outputText, filename);
    };
  }
}

module.exports = { register };
