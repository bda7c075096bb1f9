#!/usr/bin/env node
/**
 * `npm run start:desktop`: sideload manifest.xml into desktop Excel (Windows, macOS) with
 * Microsoft's office-addin-debugging, fetched by npx on demand. It is not a dependency: it
 * cannot install on Linux (keytar), where `npm ci` must still work.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.log(
    [
      `Desktop Excel does not exist on ${process.platform}, so there is nothing to sideload into here.`,
      '',
      'Use Excel on the web instead:',
      '  1. npm start            (serves the add-in on https://localhost:3000)',
      '  2. In Excel on the web, open a workbook → Home → Add-ins → More add-ins (or Insert > Add-ins)',
      '     → Upload My Add-in → choose manifest.xml from this folder.',
      '     The browser must trust the certificate: open https://localhost:3000/taskpane.html once and accept it.',
      '',
      'No Excel at all? The same pane runs in the browser preview: https://localhost:3000/preview.html',
    ].join('\n'),
  );
  process.exit(0);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// --dev-server: starts `npm start` unless something already listens on port 3000.
const args = ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm start', '--dev-server-port', '3000'];
const result = spawnSync(npx, args, {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
