// Playwright fixtures: every test gets its own bridge process (the app's main-process services, real engine and
// lab) with a fresh temp data folder, and a page showing the real renderer build with window.api injected.
//   import { test, expect, screenshot } from './fixtures';
//   test('...', async ({ app }) => { await app.getByRole(...) ... });
// Options: test.use({ osLocale: 'en-US', secretBackend: 'basic_text' }).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  buildBridge,
  startBridgeProcess,
  stopBridgeProcess,
  type BridgeBuild,
  type BridgeOptions,
} from './bridge/launch';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where screenshots of each screen go (the brief's fixed location). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

export interface BridgeHandle {
  /** The app's URL (http://127.0.0.1:PORT/). */
  url: string;
  /** This test's data folder (secrets vault, imported profiles). */
  dataDir: string;
  /** Links the app opened externally so far (after vetting). */
  opened(): Promise<string[]>;
}

type Options = BridgeOptions;

export const test = base.extend<Options & { bridge: BridgeHandle; app: Page }, { bridgeBuild: BridgeBuild }>({
  bridgeBuild: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const bundle = await buildBridge();
      await use(bundle);
      rmSync(dirname(bundle.main), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  osLocale: ['ja-JP', { option: true }],
  secretBackend: ['ephemeral', { option: true }],
  rendererDir: [process.env['E2E_RENDERER_DIR'] ?? join(ROOT, 'out/renderer'), { option: true }],

  bridge: async ({ bridgeBuild, osLocale, secretBackend, rendererDir }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dmd-e2e-'));
    const { child, url } = await startBridgeProcess(bridgeBuild, dataDir, {
      osLocale,
      secretBackend,
      rendererDir,
    });
    try {
      await use({
        url,
        dataDir,
        opened: async () => (await (await fetch(new URL('/__bridge/test/opened', url))).json()) as string[],
      });
    } finally {
      await stopBridgeProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },

  app: async ({ page, bridge }, use) => {
    await page.goto(bridge.url);
    await page.waitForFunction(() => typeof (globalThis as unknown as { api?: unknown }).api === 'object');
    await use(page);
  },
});

/** Saves a full-window screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Screenshots at both sizes the app must read well at (1366×768, then 1024×768), leaving the page at 1366×768. */
export async function shootBothSizes(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1366x768`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, `${name}-1024x768`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Opens a screen from the sidebar and waits until it is the one shown. */
export async function goTo(page: Page, screen: string): Promise<void> {
  await page.locator(`.sidebar [data-screen="${screen}"]`).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', screen);
}

export { expect };
