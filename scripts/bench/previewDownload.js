#!/usr/bin/env node
/**
 * The browser preview's download of an evaluated workbook, in Chromium (playwright-core and
 * /usr/bin/chromium, as test/browser does, on the same production build): a workbook of N
 * members made by `dvht init --sample` is opened in the preview and evaluated there (its
 * members and summary sheets are then new parts to compress), then "Tải về .xlsx" is clicked.
 * Timed inside the page: from the click to the moment the page hands the finished Blob to
 * URL.createObjectURL (the bytes are ready; what the browser does with the file after is
 * not ours). Best and median of `runs` clicks on the same evaluated workbook.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const root = path.join(__dirname, '..', '..');

async function previewDownload(members, dir, runs = 3) {
  require('./tsHook').register();
  const { buildPages } = require(path.join(root, 'test', 'browser', 'support', 'build.ts'));
  const { serveBuild } = require(path.join(root, 'test', 'browser', 'support', 'server.ts'));
  const { launch } = require(path.join(root, 'test', 'browser', 'support', 'browser.ts'));
  const file = path.join(dir, `preview-${members}.xlsx`);
  fs.rmSync(file, { force: true });
  const init = spawnSync(process.execPath, [path.join(root, 'bin', 'dvht.js'), 'init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Bench', '--type', 'thcs', '--sample', '--members', String(members)], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`dvht init: ${init.stderr}`);
  await buildPages();
  const server = await serveBuild();
  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/preview.html`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp .xlsx' }).click()]);
    await chooser.setFiles(file);
    await page.getByText(/Đã mở/).waitFor({ timeout: 120_000 });
    const pane = page.getByRole('region', { name: 'Ngăn ĐVHT' });
    await pane.getByRole('tab', { name: /Đánh giá/ }).click();
    await pane.getByRole('button', { name: 'Đánh giá', exact: true }).click();
    await pane.getByTestId('outcome').waitFor({ timeout: 300_000 });
    const samples = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const [download, timing] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.evaluate(async () => {
          const button = [...globalThis.document.querySelectorAll('button')].find((b) => b.textContent?.includes('Tải về .xlsx'));
          if (!button) throw new Error('no “Tải về .xlsx” button');
          const original = URL.createObjectURL;
          const ready = new Promise((resolve) => {
            URL.createObjectURL = (blob) => {
              const at = performance.now();
              URL.createObjectURL = original;
              resolve({ at, size: blob.size });
              return original.call(URL, blob);
            };
          });
          const clicked = performance.now();
          button.click();
          const r = await ready;
          return { ms: r.at - clicked, size: r.size };
        }),
      ]);
      await download.path();
      samples.push(timing.ms);
      bytes = timing.size;
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
    const sorted = [...samples].sort((a, b) => a - b);
    return { members, samples, min: sorted[0], median: sorted[(sorted.length - 1) >> 1], bytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The bench table's row: median click-to-Blob time, target ≤ 0.5 s at 5,000 members. */
function previewRow(result) {
  return {
    label: `preview: tải về / download, ${result.members.toLocaleString('en-US')} TV (Chromium, median of ${result.samples.length})`,
    cells: [{ value: result.median, kind: 'ms', ...(result.members === 5000 ? { ok: result.median <= 500 } : {}) }, { value: result.bytes, kind: 'bytes' }],
    target: '≤ 0.5 s @ 5.000',
  };
}

module.exports = { previewDownload, previewRow };

if (require.main === module) {
  const { parseOptions, numbers } = require('./args');
  const options = parseOptions(process.argv.slice(2), 'Usage: node scripts/bench/previewDownload.js [--members N] [--runs N]\n  Times the preview’s download of an evaluated workbook in Chromium (needs npm run build:node).', {
    members: { value: 'N', help: 'members in the workbook (default 5000)' },
    runs: { value: 'N', help: 'downloads timed (default 3)' },
  });
  const [members] = numbers(options.get('members') ?? '5000', 'members');
  const [runs] = numbers(options.get('runs') ?? '3', 'runs');
  const dir = path.join(root, 'bench-output');
  fs.mkdirSync(dir, { recursive: true });
  previewDownload(members, dir, runs).then(
    (r) => {
      const { render } = require('./table');
      process.stdout.write(`${render(['Xem thử / Preview', 'thời gian / time', 'tệp / file', 'Mục tiêu / Target'], [previewRow(r)])}\n${JSON.stringify(r)}\n`);
    },
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
}
