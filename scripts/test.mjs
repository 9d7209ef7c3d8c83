// `npm test`: every gate in one command — build, lint, both typechecks, Vitest (node + renderer),
// Playwright end-to-end. Ends with one line `N passed, N failed` so a run that executed nothing is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('.tmp', { recursive: true });

function run(label, cmd, args, opts = {}) {
  process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, ...opts });
  return r.status === 0;
}

function gate(label, cmd, args) {
  if (run(label, cmd, args)) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(label);
  }
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('build')) gate('build', 'npm', ['run', '--silent', 'build']);
if (want('lint')) gate('lint', 'npx', ['eslint', '.']);
if (want('format')) gate('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
if (want('typecheck')) {
  gate('typecheck (node side)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  gate('typecheck (web side)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
}

if (want('vitest')) {
  const report = '.tmp/vitest-report.json';
  rmSync(report, { force: true });
  const ok = run('vitest', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    results.passed += j.numPassedTests ?? 0;
    results.failed += (j.numFailedTests ?? 0) + (ok || j.numFailedTests ? 0 : 1);
    results.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    if (!ok) failures.push('vitest');
  } else {
    results.failed += 1;
    failures.push('vitest (no report)');
  }
}

if (want('e2e') && existsSync('playwright.config.ts')) {
  const report = '.tmp/playwright-report.json';
  rmSync(report, { force: true });
  const ok = run('playwright', 'npx', ['playwright', 'test'], {
    env: { ...process.env, FORCE_COLOR: '0', PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (existsSync(report)) {
    const s = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
    results.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    results.failed += (s.unexpected ?? 0) + (ok || s.unexpected ? 0 : 1);
    results.skipped += s.skipped ?? 0;
    if (!ok) failures.push('playwright');
  } else {
    results.failed += 1;
    failures.push('playwright (no report)');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
