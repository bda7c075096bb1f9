/**
 * One temporary folder per jest run, removed at its end: the tests make a few hundred
 * folders (workbooks, LibreOffice profiles, Chromium profiles) with os.tmpdir(), and the
 * workers and every process they start inherit TMPDIR.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const KEY = 'DVHT_TEST_TMPDIR';

async function setup() {
  // Short, so that LibreOffice's and Chromium's socket paths stay under the 108-byte limit.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-jest-'));
  // Traversable like /tmp itself: some tests run the CLI as another user on files inside.
  fs.chmodSync(dir, 0o755);
  process.env[KEY] = dir;
  process.env.TMPDIR = dir;
}

async function teardown() {
  const dir = process.env[KEY];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = setup;
module.exports.teardown = teardown;
