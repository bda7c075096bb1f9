/**
 * Browser build → build/web: the pane inside Excel (taskpane.html), the ribbon's function
 * file (commands.html), the preview without Excel (preview.html), and the consolidation
 * worker once src/workers/consolidate.worker.ts exists.
 *
 * Switches (environment variables):
 *   ADDIN_URL=https://host/path/  rewrite the manifest's https://localhost:3000/ URLs
 *   OFFICE_JS=cdn                 load Office.js from Microsoft's CDN (AppSource asks for it);
 *                                 otherwise the copy in office-js/ next to the pages is used
 * webpack --env copyOfficeJs=false: leave office-js/ out (the browser tests serve a fake there).
 * webpack --env offline=true: the preview's service worker (sw.js) and web app manifest, so that
 *   the hosted preview works offline and installs as an app (scripts/release.js sets it).
 * --env officeJs=cdn / --env addinUrl=…: the same as the variables, for scripts that build in-process.
 * --env outputPath=DIR: build there instead of build/web.
 * A production build for a hosting address (ADDIN_URL / --env addinUrl, as npm run release makes)
 * names its scripts by their content (shared.1a2b3c4d.js), so that a page of a new release never
 * runs with a script an Office web view or a browser kept from the old one, and adds web.config
 * for IIS (docs/hosting.md).
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { normaliseAddinUrl, rewriteManifest } = require('./scripts/manifestUrl');
const { version } = require('./package.json');

const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
/** Pages sharing the pane's code. */
const PAGES = new Set(['taskpane', 'preview']);
const WORKER = path.resolve(__dirname, 'src/workers/consolidate.worker.ts');
const SERVICE_WORKER = './src/hosts/preview/offline/serviceWorker.ts';
const PRECACHE_PLACEHOLDER = /(["'])__DVHT_PRECACHE__\1/;
/** What the service worker keeps: the pages and what they load, not maps, the manifest for Office, IIS's settings or itself. */
const NOT_PRECACHED = /(\.map|\.LICENSE\.txt|^manifest\.xml|^sw\.js|^web\.config)$/;
/** Scripts found by their name: the browser checks sw.js at every visit; the pane starts its worker by name. */
const FIXED_NAMES = new Set(['sw', 'consolidate.worker']);

/**
 * Writes the release's file list and a digest of their contents into sw.js, once every other
 * file is final (minified, pages written, renamed by their real content hash): a changed file
 * gives a changed sw.js, which is how browsers notice a new release.
 */
class PrecacheList {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PrecacheList', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecacheList', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        const files = Object.keys(assets)
          .filter((name) => !NOT_PRECACHED.test(name))
          .sort();
        const digest = crypto.createHash('sha256');
        for (const name of files) digest.update(name).update('\0').update(assets[name].buffer()).update('\0');
        const precache = JSON.stringify({ build: digest.digest('hex').slice(0, 16), files });
        const code = assets['sw.js'].source().toString();
        if (!PRECACHE_PLACEHOLDER.test(code)) throw new Error('sw.js: precache placeholder not found');
        compilation.updateAsset('sw.js', new sources.RawSource(code.replace(PRECACHE_PLACEHOLDER, () => JSON.stringify(precache))));
      });
    });
  }
}

/**
 * A message of the catalogues (src/i18n), for a page that shows it without the pane's scripts:
 * the two TypeScript files hold one object literal each, transpiled and run here.
 */
function messages(key) {
  const ts = require('typescript');
  const load = (file, name) => {
    const source = fs.readFileSync(path.join(__dirname, 'src', 'i18n', file), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const mod = { exports: {} };
    new Function('module', 'exports', 'require', outputText)(mod, mod.exports, require);
    const text = mod.exports[name][key];
    if (typeof text !== 'string') throw new Error(`src/i18n/${file}: no message ${key}`);
    return text;
  };
  return { vi: load('vi.ts', 'vi'), en: load('en.ts', 'en') };
}

/** Only our own origin; the CDN only in the CDN build. Fluent (Griffel) inserts <style> at run time. */
function contentSecurityPolicy(cdn) {
  const office = cdn ? ` ${OFFICE_CDN_ORIGIN}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    `frame-src 'self'${office}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const cdn = (env.officeJs ?? process.env.OFFICE_JS) === 'cdn';
  const addinUrl = env.addinUrl ?? process.env.ADDIN_URL;
  const offline = String(env.offline) === 'true';
  const copyOfficeJs = !cdn && String(env.copyOfficeJs) !== 'false';
  const officeJs = cdn ? OFFICE_CDN : 'office-js/office.js';
  const csp = contentSecurityPolicy(cdn);
  const hosted = production && Boolean(addinUrl);
  const hashed = (name) => (hosted && !FIXED_NAMES.has(name) ? '[name].[contenthash:8].js' : '[name].js');

  const entry = {
    taskpane: './src/hosts/excel/taskpane.tsx',
    commands: './src/hosts/excel/commands.ts',
    preview: './src/hosts/preview/index.tsx',
    help: './src/hosts/help/index.ts',
  };
  // Written by another change; the build works with or without it.
  if (fs.existsSync(WORKER)) entry['consolidate.worker'] = WORKER;
  if (offline) entry.sw = SERVICE_WORKER;

  const page = (name, template, chunks, params = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      templateParameters: { csp, officeJs, webManifest: offline, ...params },
      inject: 'body',
      scriptLoading: 'defer',
    });

  return {
    entry,
    output: {
      // scripts/start.js gives each dev server its own folder (two servers in one checkout).
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'build/web'),
      filename: (pathData) => hashed(pathData.chunk.name),
      chunkFilename: hashed(),
      clean: true,
    },
    // eval-based source maps would need 'unsafe-eval' in the CSP.
    devtool: 'source-map',
    target: 'web',
    // No page bundles ExcelJS: the preview reads and writes .xlsx with the project's own package code.
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true, // `npm run typecheck` does the type checking
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', './src/hosts/excel/taskpane.html', ['taskpane'], { legacyWebview: messages('host.legacyWebview') }),
      page('commands', './src/hosts/excel/commands.html', ['commands']),
      // The preview and the guide never load Office.js: their CSP keeps to 'self' in the CDN build too.
      page('preview', './src/hosts/preview/preview.html', ['preview'], { csp: contentSecurityPolicy(false) }),
      page('help', './src/hosts/help/help.html', ['help'], { csp: contentSecurityPolicy(false) }),
      // The installation guide names the address the pages are hosted at: only when it is known.
      ...(addinUrl ? [page('HUONG-DAN-CAI-DAT', './src/hosts/install/HUONG-DAN-CAI-DAT.html', [], { csp: contentSecurityPolicy(false), url: normaliseAddinUrl(addinUrl), version })] : []),
      // One version source (package.json) for the pages, the worker and the workbooks they write.
      new webpack.DefinePlugin({ __DVHT_VERSION__: JSON.stringify(version), __DVHT_OFFLINE__: JSON.stringify(offline) }),
      ...(offline ? [new PrecacheList()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // ES5, not bundled: it runs where the pane's scripts cannot (src/hosts/excel/legacyWebview.js).
          { from: 'src/hosts/excel/legacyWebview.js', to: 'legacy-webview.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // Office's four-part <Version> follows package.json, the one version source.
            transform: (content) => {
              const xml = content.toString('utf8').replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
              if (!addinUrl) return xml;
              // The development notes are no use to whoever hosts or installs the release: say what it is.
              const note = `<!-- ĐVHT cho Excel ${version}, bản phát hành cho / release for ${normaliseAddinUrl(addinUrl)} (npm run release). -->`;
              return rewriteManifest(xml.replace(/<!--[\s\S]*?-->/, () => note), addinUrl);
            },
          },
          // IIS serves no file whose extension it does not know (app.webmanifest): docs/hosting.md.
          ...(addinUrl ? [{ from: 'scripts/release/web.config', to: 'web.config' }] : []),
          ...(offline ? [{ from: 'src/hosts/preview/offline/app.webmanifest', to: 'app.webmanifest' }] : []),
          // Office.js loads its other files relative to its own URL: copy the folder as it is,
          // marked minimized so that terser does not spend minutes on 86 MB of scripts.
          ...(copyOfficeJs ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } }] : []),
        ],
      }),
    ],
    optimization: {
      // webpack's default (two passes), without putting a function used once in place of its name
      // (reduce_funcs): inside a function that runs per file, that makes a closure per call, and
      // V8 keeps a closure's optimised code only while the closure lives, so the consolidation's
      // reading workers compiled such functions again after each full garbage collection.
      minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } },
      splitChunks: {
        cacheGroups: {
          // The pane, Fluent and React, used by both pages: minified once, cached once.
          shared: { name: 'shared', chunks: (chunk) => PAGES.has(chunk.name), minChunks: 2, enforce: true, priority: -10 },
        },
      },
    },
    performance: { hints: false },
    stats: production ? 'normal' : 'minimal',
    devServer: {
      static: false,
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
