// "Run → first step event" in the app: the real renderer build in Debian's Chromium, window.api bridged to the real
// main-process services (the e2e bridge: engine worker, lab). The page calls the same api the Run button calls and
// times, in the page, from the call to the first step event it receives and to the diagnosis' end. The bridge keeps
// one engine worker started ahead, as the app does: the first run may still wait for it (cold, right after the
// bridge started); later runs show the warm figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildBridge, startBridgeProcess, stopBridgeProcess } from '../e2e/bridge/launch';

/** How long one lab diagnosis may take in the page before the run counts as failed, in ms. */
const RUN_TIMEOUT_MS = 60_000;

export interface RunTimings {
  /** ms from the api call to the first step event, per run (first = cold worker). */
  firstStep: number[];
  /** ms from the api call to the `done` event, per run. */
  done: number[];
}

export async function runToFirstStep(
  browser: Browser,
  rendererDir: string,
  runs: number,
): Promise<RunTimings> {
  const bundle = await buildBridge();
  const dataDir = mkdtempSync(join(tmpdir(), 'dmd-bench-app-'));
  const { child, url } = await startBridgeProcess(bundle, dataDir, {
    osLocale: 'en-US',
    secretBackend: 'ephemeral',
    rendererDir,
    // As the app runs (src/main/index.ts: one engine worker started ahead): without it every "warm" run still paid
    // for starting a worker process, which the app's Run never does after the first.
    prewarm: true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.waitForFunction(() => typeof (globalThis as unknown as { api?: unknown }).api === 'object');
    const out: RunTimings = { firstStep: [], done: [] };
    for (let i = 0; i < runs; i += 1) {
      // A string, not a function: tsx's helpers do not exist inside the page.
      const [first, done] = await page.evaluate<[number, number]>(`(async () => {
        const api = globalThis.api;
        const lab = await api.labStart({ scenario: 'healthy' });
        if (!lab.ok) throw new Error('lab: ' + JSON.stringify(lab.error));
        const l = lab.value;
        const request = {
          target: { method: 'auto', domain: l.tenant.domain, from: l.tenant.mailbox, to: [l.tenant.internalRecipient],
                    user: l.tenant.mailbox, connectTo: l.connectTo, dnsServer: l.dnsServer },
          device: null, timeoutMs: ${RUN_TIMEOUT_MS}, extraCaPem: [l.caPem], password: l.tenant.password,
        };
        return await new Promise((resolve, reject) => {
          let first = null;
          let runId = null;
          const t0 = performance.now();
          const timer = setTimeout(() => reject(new Error('no done event')), ${RUN_TIMEOUT_MS});
          const off = api.onDiagnoseEvent((p) => {
            if (runId !== null && p.runId !== runId) return;
            if (first === null) first = performance.now() - t0;
            if (p.event.type === 'done') { clearTimeout(timer); off(); resolve([first, performance.now() - t0]); }
          });
          api.diagnoseStart(request).then((r) => { if (!r.ok) { clearTimeout(timer); off(); reject(new Error(JSON.stringify(r.error))); } else runId = r.value.runId; });
        });
      })()`);
      out.firstStep.push(first);
      out.done.push(done);
    }
    await page.close();
    return out;
  } finally {
    await stopBridgeProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(bundle.main, '..'), { recursive: true, force: true });
  }
}
