// The e2e bridge: stands in for Electron's main process where its binary is absent. It serves the real
// renderer build (out/renderer), injects a window.api built from the same contract as the preload, and answers
// invokes with the SAME services object the app uses (real engine in a worker process, real lab, real profiles).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startLab } from '../../../src/lab';
import { EVENTS, fail, type EventChannel, type EventPayload } from '../../../src/shared/ipc';
import { APP_VERSION } from '../../../src/shared/version';
import { loadAsset } from '../../../src/main/app-assets';
import { dispatch } from '../../../src/main/ipc-dispatch';
import { createServices, type Services } from '../../../src/main/services';
import { createChromiumPdfPrinter } from '../../../src/main/export/pdf';
import { createProfileBackend } from '../../../src/main/services/profiles';
import { folderExportTarget } from '../../../src/main/services/reports';
import { createEphemeralCipher, refusingCipher } from '../../../src/main/services/secrets';
import { createEngineRunner } from '../../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../../src/main/worker/node-launcher';

/** The project root: from the environment when this file runs bundled (see fixtures.ts), else from its path. */
const ROOT = process.env['DMD_PROJECT_ROOT'] ?? resolve(import.meta.dirname, '../../..');
/** Largest invoke body accepted, in bytes (a profile import is at most 2 M characters). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Interval of SSE keep-alive comments, in ms. */
const SSE_KEEPALIVE_MS = 15_000;

export interface BridgeOptions {
  /** Per-test data folder (secrets vault, imported profiles). */
  dataDir: string;
  rendererDir?: string;
  /** What the "OS" reports, e.g. ja-JP or en-US. */
  osLocale?: string;
  /** 'basic_text' makes secret storage refuse, as on a Linux desktop without a keyring. */
  secretBackend?: 'ephemeral' | 'basic_text';
  /** Worker entry; default: the engine worker from source (run with tsx). */
  workerEntry?: string;
  /** Keep one engine worker started ahead, as the app does (src/main/index.ts); default off (see below). */
  prewarm?: boolean;
}

export interface Bridge {
  url: string;
  /** Links the app asked to open externally (after vetting). */
  opened: string[];
  services: Services;
  close(): Promise<void>;
}

async function browserApiScript(token: string): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'test/e2e/bridge/browser-api.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    define: { __BRIDGE_TOKEN__: JSON.stringify(token) },
  });
  return out.outputFiles[0]?.text ?? '';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const rendererDir = opts.rendererDir ?? join(ROOT, 'out/renderer');
  const token = randomBytes(16).toString('hex');
  const apiJs = await browserApiScript(token);
  const streams = new Set<ServerResponse>();
  const opened: string[] = [];

  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    if (!Object.hasOwn(EVENTS, channel)) return;
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const workerEntry = opts.workerEntry ?? join(ROOT, 'src/main/worker/engine-worker.ts');
  const services = createServices({
    identity: {
      name: 'Device Mail Doctor',
      version: APP_VERSION,
      osLocale: opts.osLocale ?? 'ja-JP',
      runtime: 'bridge',
    },
    secretsFile: join(opts.dataDir, 'secrets.json'),
    cipher: opts.secretBackend === 'basic_text' ? refusingCipher('basic_text') : createEphemeralCipher(),
    engine: createEngineRunner(
      // No prewarmed spare by default (the app has one): most e2e tests never diagnose, and CPU is shared. The
      // renderer benchmark turns it on, to time Run → first step event as the app meets it.
      nodeWorkerLauncher({
        entry: workerEntry,
        execArgv: workerEntry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      }),
      { prewarm: opts.prewarm === true },
    ),
    startLab,
    profiles: createProfileBackend({
      builtinDir: join(ROOT, 'resources/printers'),
      userDir: join(opts.dataDir, 'profiles'),
    }),
    reports: {
      dir: join(opts.dataDir, 'reports'),
      exportTarget: folderExportTarget(join(opts.dataDir, 'exports')),
      pdf: createChromiumPdfPrinter(),
    },
    openUrl: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    emit,
  });

  let origin = '';
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'bridge error'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__bridge/api.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(apiJs);
      return;
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': open\n\n');
      streams.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
      req.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(res);
      });
      return;
    }
    if (url.pathname === '/__bridge/test/opened') return sendJson(res, 200, opened);
    if (url.pathname.startsWith('/__bridge/invoke/')) {
      // The bridge's sender check: same origin and the token only our injected script knows.
      if (req.method !== 'POST' || req.headers.origin !== origin || req.headers['x-bridge-token'] !== token) {
        return sendJson(res, 403, fail('forbidden-sender', 'This request did not come from the app page.'));
      }
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length));
      let args: unknown;
      try {
        args = (JSON.parse(await readBody(req)) as { args?: unknown }).args;
      } catch {
        return sendJson(res, 400, fail('invalid-argument', 'The request body is not valid JSON.'));
      }
      if (!Array.isArray(args)) return sendJson(res, 400, fail('invalid-argument', 'args must be an array.'));
      return sendJson(
        res,
        200,
        await dispatch(services, channel, args, (m) => console.warn(`[bridge] ${m}`)),
      );
    }
    if (req.method !== 'GET') return sendJson(res, 405, fail('invalid-argument', 'method not allowed'));
    const asset = await loadAsset(rendererDir, url.pathname);
    let body = asset.body;
    if (asset.status === 200 && asset.headers['Content-Type']?.startsWith('text/html')) {
      // Before the app's first script: window.api exists when the app starts (as with a preload).
      const html = body.toString('utf8');
      const at = html.indexOf('<script');
      const tag = '<script src="/__bridge/api.js"></script>\n    ';
      body = Buffer.from(
        at >= 0 ? html.slice(0, at) + tag + html.slice(at) : html.replace('</head>', `${tag}</head>`),
      );
    }
    res.writeHead(asset.status, asset.headers);
    res.end(body);
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    opened,
    services,
    async close() {
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await services.dispose();
    },
  };
}
