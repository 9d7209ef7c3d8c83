// Shell benchmark: what running the engine in its own process costs and buys, and what the IPC layer adds.
//   node --import tsx test/bench/shell.ts [--reps N]
// Prints: engine worker cold start (bundled like the app's build, and from source via tsx); argument validation
// per diagnose:start; the host's event-loop delay (p99/max) during a lab diagnosis run in-process versus in the
// worker (the window's process stays free); and the e2e bridge's HTTP invoke round trip.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { startLab } from '../../src/lab';
import { IPC_SCHEMAS } from '../../src/main/ipc-schemas';
import { DiagnoseRequestSchema, type DiagnoseRequest } from '../../src/shared/model';
import { runDiagnosis } from '../../src/main/engine/run';
import { createEngineRunner } from '../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../src/main/worker/node-launcher';
import { startBridge } from '../e2e/bridge/server';

const ROOT = resolve(import.meta.dirname, '../..');
/** Repetitions allowed on the command line (bounds the run). */
const MAX_REPS = 50;
/** Bound on one worker start or one diagnosis, in ms. */
const STEP_BOUND_MS = 60_000;
/** Invokes timed against the bridge. */
const BRIDGE_CALLS = 200;
/** zod validations timed. */
const VALIDATIONS = 2000;

const { values } = parseArgs({ options: { reps: { type: 'string', default: '5' } } });
const reps = Math.min(MAX_REPS, Math.max(1, Number.parseInt(values.reps, 10) || 5));
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const withTimeout = <T>(p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, rej) =>
      setTimeout(() => rej(new Error(`${what} exceeded ${STEP_BOUND_MS} ms`)), STEP_BOUND_MS),
    ),
  ]);

async function workerStart(entry: string, execArgv: string[]): Promise<number> {
  const t0 = performance.now();
  const child = fork(entry, [], {
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  await withTimeout(new Promise((r) => child.once('message', r)), 'worker start');
  const t = performance.now() - t0;
  child.kill('SIGKILL');
  return t;
}

const tmp = mkdtempSync(join(tmpdir(), 'dmd-bench-shell-'));
try {
  await build({
    entryPoints: { 'engine-worker': join(ROOT, 'src/main/worker/engine-worker.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  // Bundled output must resolve node_modules from the project: run it from a copy path under ROOT/.tmp.
  const bundled = join(ROOT, '.tmp', `bench-engine-worker-${process.pid}.mjs`);
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  copyFileSync(join(tmp, 'engine-worker.mjs'), bundled);

  const coldBundled: number[] = [];
  const coldTsx: number[] = [];
  for (let i = 0; i < reps; i++) {
    coldBundled.push(await workerStart(bundled, []));
    coldTsx.push(await workerStart(join(ROOT, 'src/main/worker/engine-worker.ts'), ['--import', 'tsx']));
  }
  console.log(`engine worker cold start (fork → ready), ${reps} runs:`);
  console.log(`  bundled (as built): median ${ms(q(coldBundled, 0.5))}, max ${ms(Math.max(...coldBundled))}`);
  console.log(`  from source (tsx):  median ${ms(q(coldTsx, 0.5))}, max ${ms(Math.max(...coldTsx))}`);

  const lab = await startLab({ scenario: 'healthy' });
  const request: DiagnoseRequest = DiagnoseRequestSchema.parse({
    target: {
      method: 'auto',
      user: lab.tenant.mailbox,
      from: lab.tenant.mailbox,
      to: [lab.tenant.internalRecipient],
      domain: lab.tenant.domain,
      connectTo: lab.connectTo,
      dnsServer: `${lab.dns.address}:${lab.dns.port}`,
    },
    device: null,
    extraCaPem: [lab.caPem],
    password: lab.tenant.password,
    timeoutMs: 60_000,
  });

  const raw = [{ ...request }];
  const t0 = performance.now();
  for (let i = 0; i < VALIDATIONS; i++) IPC_SCHEMAS['diagnose:start'].parse(raw);
  console.log(
    `diagnose:start argument validation (zod): ${(((performance.now() - t0) * 1000) / VALIDATIONS).toFixed(1)} µs per call`,
  );

  async function loopDelayDuring(
    run: () => Promise<unknown>,
  ): Promise<{ p99: number; max: number; total: number }> {
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const t = performance.now();
    await withTimeout(run(), 'diagnosis');
    h.disable();
    return { p99: h.percentile(99) / 1e6, max: h.max / 1e6, total: performance.now() - t };
  }
  // As in the app: one spare worker is started ahead, so a run does not wait for a process to start.
  const runner = createEngineRunner(nodeWorkerLauncher({ entry: bundled }), { prewarm: true });
  const inWorker = () =>
    new Promise<void>((res, rej) => {
      runner.start(request, {
        onEvent: (e) => e.type === 'done' && res(),
        onFailed: (e) => rej(new Error(e.message)),
      });
    });
  const inProc: { p99: number; max: number; total: number }[] = [];
  const worker: { p99: number; max: number; total: number }[] = [];
  await runDiagnosis(request); // warm the in-process engine (JIT, modules) so both sides compare warm runs
  for (let i = 0; i < reps; i++) {
    inProc.push(await loopDelayDuring(() => runDiagnosis(request)));
    await new Promise((r) => setTimeout(r, 1000)); // let the spare worker finish starting
    worker.push(await loopDelayDuring(inWorker));
  }
  const show = (xs: { p99: number; max: number; total: number }[]) =>
    `loop delay p99 ${ms(
      q(
        xs.map((x) => x.p99),
        0.5,
      ),
    )}, max ${ms(
      q(
        xs.map((x) => x.max),
        0.5,
      ),
    )}; run ${ms(
      q(
        xs.map((x) => x.total),
        0.5,
      ),
    )} (medians)`;
  console.log(`host event loop during a healthy lab diagnosis (${reps} runs each):`);
  console.log(`  engine in-process:   ${show(inProc)}`);
  console.log(`  engine in a worker (prewarmed spare): ${show(worker)}`);
  runner.dispose();
  await lab.close();

  const dataDir = join(tmp, 'bridge');
  const bridge = await startBridge({ dataDir, workerEntry: bundled });
  const origin = new URL(bridge.url).origin;
  const apiJs = await (await fetch(new URL('/__bridge/api.js', bridge.url))).text();
  const token = /"([0-9a-f]{32})"/.exec(apiJs)?.[1] ?? '';
  const rtts: number[] = [];
  for (let i = 0; i < BRIDGE_CALLS; i++) {
    const t = performance.now();
    const res = await fetch(new URL('/__bridge/invoke/app%3Ainfo', bridge.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-bridge-token': token },
      body: '{"args":[]}',
    });
    await res.json();
    rtts.push(performance.now() - t);
  }
  console.log(
    `bridge invoke round trip (app:info, ${BRIDGE_CALLS} calls): median ${ms(q(rtts, 0.5))}, p95 ${ms(q(rtts, 0.95))}`,
  );
  await bridge.close();
  rmSync(bundled, { force: true });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
