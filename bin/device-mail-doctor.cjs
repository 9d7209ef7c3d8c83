#!/usr/bin/env node
// Thin launcher: the CLI is bundled to out/cli/index.cjs by `npm ci` (prepare) or `npm run build:cli`.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'out', 'cli', 'index.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('device-mail-doctor: not built yet; run `npm run build:cli` first.\n');
  process.exit(2);
}
require(entry).runFromProcess();
