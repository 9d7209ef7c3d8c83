// Playwright fixtures: every test gets its own bridge process (the app's main-process services, real engine and
// lab) with a fresh temp data folder, and a page showing the real renderer build with window.api injected.
//   import { test, expect, screenshot } from './fixtures';
//   test('...', async ({ app }) => { await app.getByRole(...) ... });
// Options: test.use({ osLocale: 'en-US', secretBackend: 'basic_text' }).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where screenshots of each screen go (the brief's fixed location). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
/** How long the bridge may take to start (tsx compile + esbuild of the page script), in ms. */
const BRIDGE_START_MS = 30_000;
/** How long the bridge may take to close before it is killed, in ms. */
const BRIDGE_STOP_MS = 5_000;

export interface BridgeHandle {
  /** The app's URL (http://127.0.0.1:PORT/). */
  url: string;
  /** This test's data folder (secrets vault, imported profiles). */
  dataDir: string;
  /** Links the app opened externally so far (after vetting). */
  opened(): Promise<string[]>;
}

interface Options {
  osLocale: string;
  secretBackend: 'ephemeral' | 'basic_text';
  /** Folder of the renderer build; default out/renderer (`npm run build`), env E2E_RENDERER_DIR overrides. */
  rendererDir: string;
}

interface BridgeBuild {
  main: string;
  worker: string;
}

/** Bundles the bridge and the engine worker from source once per Playwright worker (node_modules stay external),
 *  so each test starts plain Node processes instead of compiling TypeScript on every start. */
async function buildBridge(): Promise<BridgeBuild> {
  const outdir = join(ROOT, '.tmp', `e2e-bridge-${process.pid}`);
  await build({
    entryPoints: { main: join(ROOT, 'test/e2e/bridge/main.ts'), 'engine-worker': join(ROOT, 'src/main/worker/engine-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { main: join(outdir, 'main.mjs'), worker: join(outdir, 'engine-worker.mjs') };
}

function startBridgeProcess(bundle: BridgeBuild, dataDir: string, opts: Options): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', bundle.main, '--data', dataDir, '--locale', opts.osLocale,
      '--secret-backend', opts.secretBackend, '--renderer', opts.rendererDir, '--worker-entry', bundle.worker],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DMD_PROJECT_ROOT: ROOT } },
  );
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bridge did not start within ${BRIDGE_START_MS} ms`));
    }, BRIDGE_START_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited during start (code ${code ?? 'signal'})`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      try {
        resolveStart({ child, url: (JSON.parse(line) as { url: string }).url });
      } catch {
        child.kill('SIGKILL');
        reject(new Error(`bridge said: ${line.slice(0, 200)}`));
      }
    });
  });
}

function stopBridgeProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), BRIDGE_STOP_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

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
    const { child, url } = await startBridgeProcess(bridgeBuild, dataDir, { osLocale, secretBackend, rendererDir });
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
