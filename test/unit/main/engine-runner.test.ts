// The engine worker's process management against real child processes (Node fork, same protocol as Electron's
// utilityProcess): events stream in order, crashes/defects/deadlines end as diagnose:failed, Cancel is honoured
// or enforced by a kill, concurrency is bounded, and secrets never appear in a failure message.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcError } from '../../../src/shared/ipc';
import { DiagnoseRequestSchema, type StepEvent } from '../../../src/shared/model';
import {
  createEngineRunner,
  type EngineRunner,
  type EngineRunnerOptions,
} from '../../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../../src/main/worker/node-launcher';

const entry = fileURLToPath(new URL('./fixtures/scripted-worker.ts', import.meta.url));
const launcher = nodeWorkerLauncher({ entry, execArgv: ['--import', 'tsx'] });
/** Generous bound for one scripted run on a busy 2-core machine, in ms. */
const RUN_BOUND_MS = 20_000;

let runner: EngineRunner | null = null;
afterEach(() => runner?.dispose());

function request(host: string, timeoutMs = 60_000) {
  return DiagnoseRequestSchema.parse({
    target: { method: 'submission', host, user: 'tech@contoso.com' },
    device: null,
    timeoutMs,
    password: 'Sup3r-Secret-PW',
  });
}

function run(host: string, opts: EngineRunnerOptions = {}, timeoutMs?: number) {
  runner = createEngineRunner(launcher, opts);
  const events: StepEvent[] = [];
  let runId: string | null = null;
  const ended = new Promise<{ failed: IpcError | null }>((resolve) => {
    runId = runner!.start(request(host, timeoutMs), {
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'done') resolve({ failed: null });
      },
      onFailed: (failed) => resolve({ failed }),
    });
  });
  return { events, ended, runId: () => runId };
}

describe('engine runner (real worker processes)', () => {
  it(
    'streams events in order and ends with done',
    async () => {
      const r = run('ok');
      const { failed } = await r.ended;
      expect(failed).toBeNull();
      expect(r.events.map((e) => e.type)).toEqual([
        'check-started',
        'transcript',
        'transcript',
        'transcript',
        'done',
      ]);
      expect(runner!.activeRuns()).toBe(0);
    },
    RUN_BOUND_MS,
  );

  it(
    'caps the live transcript stream of a flooding run but still delivers done',
    async () => {
      const r = run('flood');
      expect((await r.ended).failed).toBeNull();
      const rows = r.events.filter((e) => e.type === 'transcript').length;
      expect(rows).toBe(2000);
      expect(r.events.at(-1)?.type).toBe('done');
    },
    RUN_BOUND_MS,
  );

  it(
    'reports a crashed worker as a failure with its exit code',
    async () => {
      const r = run('crash');
      const { failed } = await r.ended;
      expect(failed?.code).toBe('internal');
      expect(failed?.message).toContain('exit code 3');
    },
    RUN_BOUND_MS,
  );

  it(
    'reports an engine defect without the password in the message',
    async () => {
      const r = run('throw');
      const { failed } = await r.ended;
      expect(failed?.code).toBe('internal');
      expect(failed?.message).toContain('engine defect');
      expect(failed?.message).not.toContain('Sup3r-Secret-PW');
    },
    RUN_BOUND_MS,
  );

  it(
    'a cancel the engine honours ends with a cancelled diagnosis',
    async () => {
      const r = run('abortable');
      await new Promise((res) => setTimeout(res, 300)); // let the worker start
      expect(runner!.cancel(r.runId()!)).toBe(true);
      const { failed } = await r.ended;
      expect(failed).toBeNull();
      const done = r.events.at(-1);
      expect(done?.type === 'done' && done.diagnosis.cancelled).toBe(true);
    },
    RUN_BOUND_MS,
  );

  it(
    'a cancel the engine ignores is enforced by killing the worker after the grace period',
    async () => {
      const r = run('hang', { cancelGraceMs: 200 });
      await new Promise((res) => setTimeout(res, 300));
      const t0 = Date.now();
      runner!.cancel(r.runId()!);
      const { failed } = await r.ended;
      expect(failed?.code).toBe('cancelled');
      expect(Date.now() - t0).toBeLessThan(200 + 10_000); // within the grace + a generous margin
      expect(runner!.activeRuns()).toBe(0);
    },
    RUN_BOUND_MS,
  );

  it(
    'kills a run that outlives its own deadline',
    async () => {
      const r = run('hang', { deadlineMarginMs: 100 }, 1000);
      const { failed } = await r.ended;
      expect(failed?.code).toBe('internal');
      expect(failed?.message).toMatch(/deadline/);
    },
    RUN_BOUND_MS,
  );

  it(
    'with prewarm, a run takes the spare worker and a new spare is started; dispose kills the spare',
    async () => {
      const launched: { killed: boolean }[] = [];
      const counting = () => {
        const w = launcher();
        const rec = { killed: false };
        launched.push(rec);
        return { ...w, kill: () => ((rec.killed = true), w.kill()) };
      };
      runner = createEngineRunner(counting, { prewarm: true });
      expect(launched).toHaveLength(1); // the spare
      await new Promise<void>((resolve, reject) => {
        runner!.start(request('ok'), {
          onEvent: (e) => e.type === 'done' && resolve(),
          onFailed: (e) => reject(new Error(e.message)),
        });
      });
      expect(launched).toHaveLength(2); // the spare ran the diagnosis; a new spare waits
      expect(launched[0]!.killed).toBe(true); // the finished run's worker is gone
      runner.dispose();
      expect(launched[1]!.killed).toBe(true);
    },
    RUN_BOUND_MS,
  );

  it('refuses more concurrent runs than allowed, and cancel of an unknown run is false', () => {
    runner = createEngineRunner(launcher, { maxConcurrent: 1 });
    const cb = { onEvent: () => {}, onFailed: () => {} };
    expect(runner.start(request('hang'), cb)).not.toBeNull();
    expect(runner.start(request('hang'), cb)).toBeNull();
    expect(runner.cancel('no-such-run')).toBe(false);
  });
});
