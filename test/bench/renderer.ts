// Renderer benchmark: production bundle size (JS/CSS bytes and gzip) and time to first screen in Debian's
// Chromium (median of N cold launches), printed next to a baseline measured in the same run — an empty page
// served the same way — so the numbers say what the app itself costs on this machine; then, with the app's real
// services behind window.api (the e2e bridge), the time from Run to the first step event and to the verdict.
//   node --import tsx test/bench/renderer.ts [--runs N]
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildRenderer } from './renderer-build';
import { runToFirstStep } from './run-to-first-step';

/** Cold launches measured per page (odd, so the median is one run). */
const DEFAULT_RUNS = 7;
/** Longest a single page may take to show its first heading before the run counts as failed, in ms. */
const FIRST_SCREEN_TIMEOUT_MS = 30_000;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** An empty page with the same CSP and a heading: the baseline for "first screen". */
const BASELINE_HTML = `<!doctype html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>baseline</title></head><body><h1>baseline</h1></body></html>`;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/baseline.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(BASELINE_HTML);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
    }),
  );
}

/** One cold launch: browser start → navigation → first <h1> in the DOM. Returns [in-page ms, wall ms]. */
async function firstScreen(url: string): Promise<[number, number]> {
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Records when the first heading exists, relative to navigation start (performance.now() in the page).
    // (A string, not a function: tsx's name-keeping helper does not exist inside the page.)
    await page.addInitScript(`(() => {
      const seen = () => { if (window.__firstScreen === undefined && document.querySelector('h1')) window.__firstScreen = performance.now(); };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', seen);
    })();`);
    await page.goto(url);
    await page.waitForFunction(
      () => (globalThis as unknown as { __firstScreen?: number }).__firstScreen !== undefined,
      undefined,
      { timeout: FIRST_SCREEN_TIMEOUT_MS },
    );
    const inPage = await page.evaluate(
      () => (globalThis as unknown as { __firstScreen: number }).__firstScreen,
    );
    return [inPage, performance.now() - t0];
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || DEFAULT_RUNS) : DEFAULT_RUNS;
  const out = mkdtempSync(join(tmpdir(), 'dmd-renderer-bench-'));
  try {
    const tBuild = performance.now();
    await buildRenderer(out);
    const buildMs = performance.now() - tBuild;

    const rows = files(out).map((f) => {
      const data = readFileSync(f);
      return { file: f.slice(out.length + 1), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
    });
    const sum = (ext: string, k: 'bytes' | 'gzip') =>
      rows.filter((r) => r.file.endsWith(ext)).reduce((a, r) => a + r[k], 0);
    console.log(`renderer build: ${buildMs.toFixed(0)} ms`);
    console.table(rows);
    console.log(`JS  total: ${sum('.js', 'bytes')} B (gzip ${sum('.js', 'gzip')} B)`);
    console.log(`CSS total: ${sum('.css', 'bytes')} B (gzip ${sum('.css', 'gzip')} B)`);

    const { server, url } = await serve(out);
    try {
      const app: [number, number][] = [];
      const base: [number, number][] = [];
      // Interleave app and baseline so machine load affects both alike.
      for (let i = 0; i < runs; i++) {
        base.push(await firstScreen(`${url}/baseline.html`));
        app.push(await firstScreen(`${url}/`));
      }
      const report = (label: string, xs: [number, number][]) => ({
        page: label,
        'first screen (ms after navigation start, median)': Number(median(xs.map((x) => x[0])).toFixed(1)),
        'launch → first screen (ms wall, median)': Number(median(xs.map((x) => x[1])).toFixed(0)),
        runs: xs.length,
      });
      console.table([report('baseline (empty page)', base), report('Device Mail Doctor', app)]);
      const delta = median(app.map((x) => x[0])) - median(base.map((x) => x[0]));
      console.log(
        `app costs ${delta.toFixed(1)} ms over the baseline to its first screen (Chromium ${CHROMIUM}, ${runs} cold launches each, no window.api: boot errors are caught)`,
      );
    } finally {
      server.close();
    }

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const t = await runToFirstStep(browser, out, Math.max(3, runs));
      const warm = (xs: number[]) => median(xs.slice(1)).toFixed(0);
      console.log(
        `\nRun → first step event: ${t.firstStep[0]?.toFixed(0)} ms cold (first run: the engine worker started ahead may still be loading), ${warm(t.firstStep)} ms warm (a worker started ahead, as in the app) (median of ${t.firstStep.length - 1})`,
      );
      console.log(
        `Run → verdict (lab, auto, no added latency): ${t.done[0]?.toFixed(0)} ms cold, ${warm(t.done)} ms warm`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
