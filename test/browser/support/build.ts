/**
 * One production build of the pages for the browser tests, into test-output/browser/web
 * (not build/web, which `npm start` may be serving). Rebuilt only when a source is newer
 * than the last build, so re-running the tests does not pay the minute of webpack again.
 */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const WEB_ROOT = path.join(ROOT, 'test-output', 'browser', 'web');
const STAMP = path.join(WEB_ROOT, '.built');
const SOURCES = ['src', 'webpack.config.js', 'tsconfig.json', 'test/browser/support', 'test/support/fakeExcel.ts', 'package-lock.json'];

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function upToDate(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.every((s) => !fs.existsSync(path.join(ROOT, s)) || newest(path.join(ROOT, s)) < built);
}

const LOCK = path.join(ROOT, 'test-output', 'browser', '.building');
/** A lock older than this belongs to a run that died. */
const STALE_LOCK_MS = 10 * 60_000;

/** Test files run in parallel workers: one builds, the others wait for it. */
export async function buildPages(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    if (upToDate()) return;
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const lock = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    await build();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

async function build(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack is loaded only when a build is needed
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS JavaScript
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => import('webpack').Configuration;
  const config = makeConfig({ copyOfficeJs: false }, { mode: 'production' });
  config.mode = 'production';
  config.context = ROOT;
  config.output = { ...config.output, path: WEB_ROOT };
  config.entry = { ...(config.entry as Record<string, string>), 'fake-office': './test/browser/support/fakeOffice.ts' };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  fs.writeFileSync(STAMP, new Date().toISOString());
}
