// End-to-end: the real renderer build in Debian's Chromium, window.api bridged to the real main-process
// services (test/e2e/bridge). Electron's binary is absent here; test/e2e/fixtures.ts starts what a test needs.
import { defineConfig } from '@playwright/test';

/** Chromium flags for a quiet, offline, deterministic headless browser (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  /** Whole-test bound, in ms: a diagnosis against the lab plus a cold worker start on a busy 2-core machine. */
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: process.env['CI'] ? 1 : 2,
  fullyParallel: false,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? 'test-results/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
