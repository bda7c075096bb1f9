#!/usr/bin/env node
// Entry point of the `dvht` command: the compiled CLI (npm ci runs `prepare`, which builds it).
'use strict';
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('dvht: chưa biên dịch. Chạy: npm run build:node\n');
  process.exit(70);
}
require(main)
  .run(process.argv.slice(2))
  .then((code) => process.exit(code), (e) => {
    process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
    process.exit(70);
  });
