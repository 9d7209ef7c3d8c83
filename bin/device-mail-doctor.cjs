#!/usr/bin/env node
// Thin launcher: the CLI is bundled to out/cli/index.cjs by `npm ci` (prepare) or `npm run build:cli`.
'use strict';
const path = require('node:path');
const args = process.argv.slice(2);
// `--version` alone needs no bundle: the version is package.json's (the bundle's APP_VERSION is built from it).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require(path.join(__dirname, '..', 'package.json')).version}\n`);
  return;
}
const fs = require('node:fs');
const out = path.join(__dirname, '..', 'out', 'cli');
// `explain` has a bundle of its own (a third of the size: less to read and compile); same code, same answers.
const own = args[0] === 'explain' ? path.join(out, 'explain.cjs') : null;
const entry = own && fs.existsSync(own) ? own : path.join(out, 'index.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('device-mail-doctor: not built yet; run `npm run build:cli` first.\n');
  process.exit(2);
}
require(entry).runFromProcess();
