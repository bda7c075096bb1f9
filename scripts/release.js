#!/usr/bin/env node
/**
 * npm run release -- --url https://HOST/PATH/ [--out release] [--no-pack]
 *
 * What a province or school hosts: a production build whose manifest points at that address
 * and loads Office.js from Microsoft's CDN (as AppSource expects), the preview with its
 * service worker (offline after the first visit), the installation guide; then
 *   OUT/web/                          the folder to put at https://HOST/PATH/
 *   OUT/dvht-excel-VERSION-web.zip    the same folder, reproducible byte for byte
 *   OUT/dvht-excel-VERSION.tgz        the dvht command (npm install -g ./dvht-excel-VERSION.tgz)
 * Exit codes: 0 done, 1 the build failed, 2 wrong usage.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { normaliseAddinUrl } = require('./manifestUrl');
const { listFiles, zipFolder } = require('./release/zip');
const { unreleasedChanges, versionNote } = require('./release/changelog');

const ROOT = path.join(__dirname, '..');
const { name: PACKAGE, version: VERSION } = require('../package.json');

/** Files that Office or a browser reads as pages: none may point at a development server. */
const PAGE = /\.(html|xml|webmanifest)$/;

function usage(message) {
  const err = new Error(message);
  err.exitCode = 2;
  return err;
}

function parse(argv) {
  const opts = { url: undefined, out: path.join(ROOT, 'release'), pack: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--url') opts.url = value();
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--no-pack') opts.pack = false;
    else throw usage(`Không hiểu “${argv[i]}”. Cách dùng: npm run release -- --url https://MÁY-CHỦ/ĐƯỜNG-DẪN/ [--out THƯ-MỤC] [--no-pack]\n` +
      `Unknown “${argv[i]}”. Usage: npm run release -- --url https://HOST/PATH/ [--out DIR] [--no-pack]`);
  }
  if (!opts.url) throw usage('Thiếu --url: địa chỉ https nơi sẽ đặt các trang, ví dụ --url https://so-gd.example.vn/dvht/\n' +
    'Missing --url: the https address the pages will be hosted at, e.g. --url https://edu.example.vn/dvht/');
  try {
    opts.url = normaliseAddinUrl(opts.url);
  } catch (e) {
    throw usage(`Địa chỉ --url phải là https://… (Office chỉ nạp add-in qua https).\n${e.message}`);
  }
  return opts;
}

/** The production pages for `url` into `dir`. */
async function buildSite(url, dir) {
  const webpack = require('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = makeConfig({ officeJs: 'cdn', addinUrl: url, offline: 'true', copyOfficeJs: 'false' }, { mode: 'production' });
  config.mode = 'production';
  config.context = ROOT;
  // No source maps in what schools download: smaller, and nothing of the build machine in it.
  config.devtool = false;
  config.output = { ...config.output, path: dir, clean: true };
  config.stats = 'errors-warnings';
  await new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  const local = listFiles(dir).filter((f) => PAGE.test(f) && /localhost|127\.0\.0\.1/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
  if (local.length) throw new Error(`Bản phát hành còn trỏ tới máy phát triển / The release still points at a development server: ${local.join(', ')}`);
}

/** `npm pack` of the CLI (its `prepare` compiles build/node first); returns the .tgz path. */
function packCli(outDir) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', outDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
  return path.join(outDir, filename);
}

async function release({ url, out, pack = true }) {
  const web = path.join(out, 'web');
  fs.mkdirSync(out, { recursive: true });
  await buildSite(url, web);
  const zip = path.join(out, `${PACKAGE}-${VERSION}-web.zip`);
  fs.writeFileSync(zip, zipFolder(web, `${PACKAGE}-${VERSION}`));
  const tgz = pack ? packCli(out) : undefined;
  return { web, zip, tgz };
}

/** The checkout's commit, when it is a git checkout with git at hand. */
function commitId() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  const opts = parse(process.argv.slice(2));
  const { web, zip, tgz } = await release(opts);
  console.log(
    `ĐVHT ${VERSION} cho / for ${opts.url}\n` +
      `  ${path.relative(process.cwd(), web)}/  → đặt tại / host at ${opts.url} (hướng dẫn / guide: ${opts.url}HUONG-DAN-CAI-DAT.html)\n` +
      `  ${path.relative(process.cwd(), zip)}` +
      (tgz ? `\n  ${path.relative(process.cwd(), tgz)}  → npm install -g ./${path.basename(tgz)}` : '') +
      `\n  Máy chủ, tiêu đề HTTP, cập nhật / server, headers, updates: docs/hosting.md`,
  );
  const note = versionNote({ version: VERSION, unreleased: unreleasedChanges(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')), commit: commitId() });
  if (note) console.error(`\n${note}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.exitCode ? e.message : e && e.stack ? e.stack : e);
    process.exit(e.exitCode ?? 1);
  });
}

module.exports = { parse, buildSite, packCli, release };
