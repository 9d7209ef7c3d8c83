// Builds and starts the e2e bridge (the app's main-process services, real engine and lab, serving the renderer build
// with window.api injected) as a plain Node process. Used by the Playwright fixtures and the renderer benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');
/** How long the bridge may take to start (tsx compile + esbuild of the page script), in ms. */
const BRIDGE_START_MS = 30_000;
/** How long the bridge may take to close before it is killed, in ms. */
const BRIDGE_STOP_MS = 5_000;

export interface BridgeOptions {
  osLocale: string;
  secretBackend: 'ephemeral' | 'basic_text';
  /** Folder of the renderer build; default out/renderer (`npm run build`), env E2E_RENDERER_DIR overrides. */
  rendererDir: string;
  /** Keep one engine worker started ahead, as the app does (the renderer benchmark); default off. */
  prewarm?: boolean;
}

export interface BridgeBuild {
  main: string;
  worker: string;
}

/** Bundles the bridge and the engine worker from source once per Playwright worker (node_modules stay external),
 *  so each test starts plain Node processes instead of compiling TypeScript on every start. */
export async function buildBridge(): Promise<BridgeBuild> {
  const outdir = join(ROOT, '.tmp', `e2e-bridge-${process.pid}`);
  await build({
    entryPoints: {
      main: join(ROOT, 'test/e2e/bridge/main.ts'),
      'engine-worker': join(ROOT, 'src/main/worker/engine-worker.ts'),
    },
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

export function startBridgeProcess(
  bundle: BridgeBuild,
  dataDir: string,
  opts: BridgeOptions,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      bundle.main,
      '--data',
      dataDir,
      '--locale',
      opts.osLocale,
      '--secret-backend',
      opts.secretBackend,
      '--renderer',
      opts.rendererDir,
      '--worker-entry',
      bundle.worker,
      ...(opts.prewarm ? ['--prewarm'] : []),
    ],
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

export function stopBridgeProcess(child: ChildProcess): Promise<void> {
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
