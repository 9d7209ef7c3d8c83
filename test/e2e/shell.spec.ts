// Smoke test of the shell in Chromium: window.api (built from the contract, as in the preload) round-trips to
// the real main-process services through the bridge — app info, argument validation, lab, profiles, secrets,
// vetted links — and a practice diagnosis streams step events to the page and ends with a diagnosis.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron } from '@playwright/test';
import { API_NAMES, type Api, type DiagnoseEventPayload, type IpcError } from '../../src/shared/ipc';
import { expect, test } from './fixtures';

type Win = { api: Api };

const ROOT = resolve(import.meta.dirname, '../..');
/** The electron package writes path.txt only once its binary is installed (it cannot be downloaded here). */
const hasElectron = existsSync(join(ROOT, 'node_modules/electron/path.txt'));

test('window.api exposes exactly the contract names, frozen', async ({ app }) => {
  const names = await app.evaluate(() => Object.keys((globalThis as unknown as Win).api).sort());
  expect(names).toEqual(API_NAMES);
  const frozen = await app.evaluate(() => {
    const w = globalThis as unknown as { api: unknown };
    try {
      w.api = {};
    } catch {
      // strict-mode assignment to a read-only property
    }
    return Object.isFrozen(w.api) && typeof (w.api as Record<string, unknown>)['appInfo'] === 'function';
  });
  expect(frozen).toBe(true);
});

test('appInfo round-trips with the OS locale and secret storage status', async ({ app }) => {
  const info = await app.evaluate(() => (globalThis as unknown as Win).api.appInfo());
  expect(info.ok).toBe(true);
  if (!info.ok) return;
  expect(info.value).toMatchObject({ runtime: 'bridge', osLocale: 'ja-JP', suggestedLang: 'ja' });
  expect(info.value.secretStorage).toEqual({ available: true, backend: 'ephemeral-aes', encrypted: true });
});

test('bad arguments come back as a Result naming the field, not a throw', async ({ app }) => {
  const r = await app.evaluate(() =>
    (globalThis as unknown as Win).api.diagnoseStart({
      target: { method: 'submission', from: 'a@b.c\r\nRCPT TO:<x@y.z>' },
      device: null,
    }),
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('invalid-argument');
  expect(r.error.message).toContain('target.from');
});

test('requests without the page token are refused', async ({ bridge }) => {
  const res = await fetch(new URL('/__bridge/invoke/app%3Ainfo', bridge.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(bridge.url).origin },
    body: JSON.stringify({ args: [] }),
  });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: IpcError }).error.code).toBe('forbidden-sender');
});

test('profiles list includes the bundled Ricoh family', async ({ app }) => {
  const r = await app.evaluate(() => (globalThis as unknown as Win).api.profilesList());
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.value.files.map((f) => f.profile.id)).toContain('ricoh');
});

test('secrets round-trip encrypted; the vault on disk never holds the password', async ({ app, bridge }) => {
  const secret = 'Pa55-w0rd-for-e2e';
  const out = await app.evaluate(async (s) => {
    const api = (globalThis as unknown as Win).api;
    const remembered = await api.secretRemember({ key: 'scan@contoso.com', secret: s });
    const recalled = await api.secretRecall({ key: 'scan@contoso.com' });
    return { remembered, recalled };
  }, secret);
  expect(out.remembered.ok).toBe(true);
  expect(out.recalled).toEqual({ ok: true, value: secret });
  const vault = readFileSync(join(bridge.dataDir, 'secrets.json'), 'utf8');
  expect(vault).not.toContain(secret);
  expect(vault).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
  const forgotten = await app.evaluate(async () => {
    const api = (globalThis as unknown as Win).api;
    await api.secretForget({ key: 'scan@contoso.com' });
    return api.secretRecall({ key: 'scan@contoso.com' });
  });
  expect(forgotten).toEqual({ ok: true, value: null });
});

test.describe('without a keyring (basic_text)', () => {
  test.use({ secretBackend: 'basic_text' });
  test('remembering a password is refused with a reason', async ({ app }) => {
    const r = await app.evaluate(() =>
      (globalThis as unknown as Win).api.secretRemember({ key: 'k', secret: 'x' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('insecure-backend');
  });
});

test('only vetted https links are opened', async ({ app, bridge }) => {
  const results = await app.evaluate(async () => {
    const api = (globalThis as unknown as Win).api;
    return Promise.all(
      [
        'https://learn.microsoft.com/ja-jp/exchange/mail-flow-best-practices/',
        'http://learn.microsoft.com/',
        'https://evil.example/',
        'file:///etc/passwd',
      ].map(async (url) => (await api.openExternal({ url })).ok),
    );
  });
  expect(results).toEqual([true, false, false, false]);
  expect(await bridge.opened()).toEqual([
    'https://learn.microsoft.com/ja-jp/exchange/mail-flow-best-practices/',
  ]);
});

test('a practice diagnosis against the lab streams events and ends with a diagnosis', async ({ app }) => {
  const outcome = await app.evaluate(async () => {
    const api = (globalThis as unknown as Win).api;
    const lab = await api.labStart({ scenario: 'wrong-password' });
    if (!lab.ok) return { error: lab.error.message };
    const events: DiagnoseEventPayload[] = [];
    const finished = new Promise<void>((resolve) => {
      api.onDiagnoseEvent((p) => {
        events.push(p);
        if (p.event.type === 'done') resolve();
      });
      api.onDiagnoseFailed(() => resolve());
    });
    const { tenant } = lab.value;
    const started = await api.diagnoseStart({
      target: {
        method: 'submission',
        user: tenant.mailbox,
        from: tenant.mailbox,
        to: [tenant.internalRecipient],
        domain: tenant.domain,
        connectTo: lab.value.connectTo,
        dnsServer: lab.value.dnsServer,
      },
      device: null,
      extraCaPem: [lab.value.caPem],
      password: 'not-the-lab-password',
      timeoutMs: 30_000,
    });
    if (!started.ok) return { error: started.error.message };
    await finished;
    await api.labStop();
    const done = events.at(-1)?.event;
    return {
      runIds: [...new Set(events.map((e) => e.runId))],
      runId: started.value.runId,
      types: [...new Set(events.map((e) => e.event.type))],
      codes: done?.type === 'done' ? done.diagnosis.checks.flatMap((c) => c.findings.map((f) => f.code)) : [],
    };
  });
  expect(outcome).not.toHaveProperty('error');
  expect(outcome.runIds).toEqual([outcome.runId]);
  expect(outcome.types).toEqual(expect.arrayContaining(['check-started', 'check-finished', 'done']));
  expect(outcome.codes).toContain('AUTH_FAILED');
});

test('in real Electron: the window is app://renderer, sandboxed, and window.api matches the contract', async () => {
  test.skip(
    !hasElectron,
    'Electron binary not installed here (it cannot be downloaded); runs where it is present',
  );
  test.skip(!existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` first');
  const electron = await _electron.launch({ args: [ROOT], cwd: ROOT });
  try {
    const win = await electron.firstWindow();
    expect(win.url()).toBe('app://renderer/index.html');
    const names = await win.evaluate(() => Object.keys((globalThis as unknown as Win).api).sort());
    expect(names).toEqual(API_NAMES);
    // No Node in the page: sandboxed, context-isolated.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const info = await win.evaluate(() => (globalThis as unknown as Win).api.appInfo());
    expect(info.ok && info.value.runtime).toBe('electron');
  } finally {
    await electron.close();
  }
});
