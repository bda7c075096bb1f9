#!/usr/bin/env node
// Entry point of the `dvht` command: the compiled CLI (npm ci runs `prepare`, which builds it).
'use strict';
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('dvht: chưa biên dịch. Chạy: npm run build:node\n');
  process.exit(1);
}
// main() turns every failure into a message and exit 0, 1 or 2 (never a stack trace).
require(main).main(process.argv.slice(2));
