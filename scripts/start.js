#!/usr/bin/env node
/**
 * `npm start`: a development build of the add-in served over https://localhost:3000 (Office
 * only loads add-ins over https), rebuilt on change. Works without Excel: open the preview.
 * Uses the Office dev certificate when `npx office-addin-dev-certs install` made one,
 * otherwise webpack-dev-server's own self-signed certificate.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

const PORT = Number(process.env.PORT || 3000);
const ROOT = path.join(__dirname, '..');

/** The certificate office-addin-dev-certs installs (and Excel then trusts), if present. */
function officeDevCert() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  const out = {};
  for (const [k, f] of Object.entries(files)) out[k] = fs.readFileSync(path.join(dir, f));
  return out;
}

/**
 * Each server builds into its own folder, named by its port: a second `PORT=3001 npm start`
 * in the same checkout neither cleans nor overwrites the first one's files (nor build/web,
 * which the release and the tests use).
 */
function outputFolder(port) {
  return path.join(ROOT, 'build', `dev-${port}`);
}

async function main() {
  const out = outputFolder(PORT);
  const config = makeConfig({ outputPath: out }, { mode: 'development' });
  config.mode = 'development';
  const cert = officeDevCert();
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port: PORT,
      server: cert ? { type: 'https', options: cert } : 'https',
      // On disk too (build/dev-PORT), so `manifest.xml` and the pages can be inspected or served otherwise.
      devMiddleware: { writeToDisk: true },
      client: { overlay: { warnings: false, errors: true } },
      open: false,
    },
    webpack(config),
  );
  try {
    await server.start();
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') {
      console.error(`Port ${PORT} is already in use (another npm start?). Stop it, or run: PORT=3001 npm start (Excel expects 3000).`);
      process.exit(1);
    }
    throw e;
  }
  const base = `https://localhost:${PORT}/`;
  console.log(
    [
      '',
      'ĐVHT for Excel is being served (the first build takes ~30 s; it rebuilds when files change).',
      '',
      `  Preview without Excel:  ${base}preview.html`,
      `  Task pane (in Excel):   ${base}taskpane.html`,
      `  Files on disk:          ${path.relative(process.cwd(), out) || out}`,
      '',
      cert
        ? '  Certificate: ~/.office-addin-dev-certs (trusted if `npx office-addin-dev-certs install` succeeded).'
        : '  Certificate: self-signed by webpack-dev-server; the browser warns once (Advanced → Proceed).\n' +
          '  For Excel, trust a certificate first: npx office-addin-dev-certs install, then restart npm start.',
      '',
      '  Sideload into Excel on the web: open a workbook → Home → Add-ins → More add-ins →',
      `    Upload My Add-in → ${path.relative(process.cwd(), path.join(ROOT, 'manifest.xml')) || 'manifest.xml'}`,
      '  Desktop Excel (Windows/macOS): npm run start:desktop',
      '',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

module.exports = { outputFolder };
