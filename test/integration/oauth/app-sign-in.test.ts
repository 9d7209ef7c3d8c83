// App-only sign-in (client credentials) as the app does it: the services object through dispatch() (what the
// Electron ipc layer and the e2e bridge call), msal-node in main against the lab's identity platform, with a client
// secret or the lab app's certificate + key text, then a diagnosis signing in with XOAUTH2 as the app, saved and
// exported. Property: for any client secret, neither it, the key nor the token reaches a result, event, report
// or export (secretForms(): plain, escaped, base64 at any offset, XOAUTH2 initial response).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { dispatch } from '../../../src/main/ipc-dispatch';
import { keySecretForms } from '../../../src/main/oauth/client-cert';
import { createServices, type Services } from '../../../src/main/services';
import { createProfileBackend } from '../../../src/main/services/profiles';
import { folderExportTarget } from '../../../src/main/services/reports';
import { createEphemeralCipher } from '../../../src/main/services/secrets';
import { createEngineRunner } from '../../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../../src/main/worker/node-launcher';
import type {
  DiagnoseEventPayload,
  DiagnoseFailedPayload,
  EventChannel,
  LabInfo,
  OauthAppSignedIn,
  Result,
} from '../../../src/shared/ipc';
import { findSecret, secretForms } from '../../../src/shared/secrets';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Bound for one diagnosis against the lab including a cold worker start on a busy machine, in ms. */
const RUN_BOUND_MS = 60_000;

const dataDir = mkdtempSync(join(tmpdir(), 'dmd-oauth-app-'));
const events: { channel: EventChannel; payload: unknown }[] = [];
let services: Services;
/** The running lab as main sees it (its app's private key is not in LabInfo, by design). */
let labInMain: Lab | null = null;

beforeAll(() => {
  services = createServices({
    identity: { name: 'Device Mail Doctor', version: 'test', osLocale: 'en-US', runtime: 'bridge' },
    secretsFile: join(dataDir, 'secrets.json'),
    cipher: createEphemeralCipher(),
    engine: createEngineRunner(
      nodeWorkerLauncher({
        entry: join(ROOT, 'src/main/worker/engine-worker.ts'),
        execArgv: ['--import', 'tsx'],
      }),
    ),
    startLab: async (o) => {
      labInMain = await startLab(o);
      return labInMain;
    },
    profiles: createProfileBackend({
      builtinDir: join(ROOT, 'resources/printers'),
      userDir: join(dataDir, 'profiles'),
    }),
    reports: { dir: join(dataDir, 'reports'), exportTarget: folderExportTarget(join(dataDir, 'exports')) },
    openUrl: () => Promise.resolve(),
    emit: (channel, payload) => events.push({ channel, payload }),
  });
});
afterAll(async () => {
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = <T>(channel: string, ...args: unknown[]) =>
  dispatch(services, channel, args) as Promise<Result<T>>;
const value = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
  const r = await call<T>(channel, ...args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const appSignIn = (lab: LabInfo, cred: { clientSecret?: string; certificate?: { text: string } }) =>
  call<OauthAppSignedIn>('oauth:app-sign-in', {
    tenant: lab.tenant.domain,
    clientId: lab.tenant.oauth.confidentialClientId,
    lab: true,
    ...cred,
  });

async function runEnd(runId: string): Promise<DiagnoseEventPayload | DiagnoseFailedPayload> {
  const deadline = Date.now() + RUN_BOUND_MS;
  while (Date.now() < deadline) {
    const end = events.find(
      (e) =>
        (e.channel === 'diagnose:failed' && (e.payload as DiagnoseFailedPayload).runId === runId) ||
        (e.channel === 'diagnose:event' &&
          (e.payload as DiagnoseEventPayload).runId === runId &&
          (e.payload as DiagnoseEventPayload).event.type === 'done'),
    );
    if (end) return end.payload as DiagnoseEventPayload | DiagnoseFailedPayload;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${runId} did not end within ${RUN_BOUND_MS} ms`);
}

const filesUnder = (root: string): string[] =>
  readdirSync(root).flatMap((n) =>
    statSync(join(root, n)).isDirectory() ? filesUnder(join(root, n)) : [join(root, n)],
  );

describe('app-only sign-in in the app (client credentials, msal-node in main, lab identity platform)', () => {
  let lab: LabInfo;
  beforeAll(async () => {
    lab = await value<LabInfo>('lab:start', { scenario: 'oauth-healthy-app' });
  }, 60_000);

  it(
    'client secret → app token (roles SMTP.SendAsApp) → XOAUTH2 as the app: 235, saved and exported clean',
    async () => {
      const secret = lab.tenant.oauth.clientSecret;
      const r = await value<OauthAppSignedIn>('oauth:app-sign-in', {
        tenant: lab.tenant.domain,
        clientId: lab.tenant.oauth.confidentialClientId,
        lab: true,
        clientSecret: secret,
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.claims).toMatchObject({
        aud: ['https://outlook.office365.com'],
        roles: ['SMTP.SendAsApp'],
        kind: 'app',
      });
      expect(r.findings).toEqual([]);
      const { tenant } = lab;
      const { runId } = await value<{ runId: string }>('diagnose:start', {
        target: {
          method: 'submission',
          user: tenant.mailbox,
          from: tenant.mailbox,
          to: [tenant.internalRecipient],
          domain: tenant.domain,
          connectTo: lab.connectTo,
          dnsServer: lab.dnsServer,
        },
        device: null,
        extraCaPem: [lab.caPem],
        oauthToken: r.token,
        timeoutMs: 30_000,
      });
      const end = await runEnd(runId);
      if (!('event' in end) || end.event.type !== 'done')
        throw new Error(`no diagnosis: ${JSON.stringify(end)}`);
      const d = end.event.diagnosis;
      const codes = d.checks.flatMap((c) => c.findings.map((f) => f.code));
      expect(codes).not.toContain('OAUTH_REJECTED');
      expect(codes).not.toContain('AUTH_FAILED');
      expect(d.transcript.some((row) => row.dir === 'S' && row.text.startsWith('235'))).toBe(true);
      expect(d.transcript.some((row) => row.dir === 'C' && /^AUTH XOAUTH2/.test(row.text))).toBe(true);

      const report = await value<{ id: string }>('reports:add-run', {
        job: { customer: 'Contoso' },
        diagnosis: d,
      });
      const exported = await value<{ path: string }>('reports:export', {
        id: report.id,
        format: 'html',
        lang: 'ja',
      });
      const texts = [
        JSON.stringify(events),
        readFileSync(exported.path, 'utf8'),
        ...filesUnder(join(dataDir, 'reports')).map((f) => readFileSync(f, 'utf8')),
      ];
      const forms = secretForms({ user: tenant.mailbox, clientSecret: secret, oauthToken: r.token });
      for (const t of texts) expect(findSecret(t, forms)).toBeNull();
      // The secret gate knows the secret: a report carrying it is refused.
      const leaky = { ...d, transcript: [...d.transcript, { t: 1, dir: 'C' as const, text: `x ${secret}` }] };
      const blocked = await call('reports:add-run', { id: report.id, diagnosis: leaky });
      expect(blocked.ok ? 'written' : blocked.error.code).toBe('secret-detected');
    },
    RUN_BOUND_MS * 2,
  );

  it('certificate + private key text (as read from the chosen file): msal signs an assertion the lab accepts', async () => {
    const o = labInMain?.tenant.oauth;
    if (!o) throw new Error('the lab is not running in main');
    const r = await appSignIn(lab, { certificate: { text: `${o.clientCertPem}\n${o.clientKeyPem}` } });
    expect(r.ok && r.value.ok, JSON.stringify(r)).toBe(true);
    // The key is a session secret now: a report carrying its base64 body is refused.
    const body = keySecretForms(o.clientKeyPem)[1] ?? '';
    expect(body.length).toBeGreaterThan(100);
    const end = events.filter((e) => e.channel === 'diagnose:event').at(-1)?.payload as DiagnoseEventPayload;
    if (end.event.type !== 'done') throw new Error('no diagnosis to reuse');
    const leaky = { ...end.event.diagnosis, transcript: [{ t: 1, dir: 'C' as const, text: body }] };
    const blocked = await call('reports:add-run', { job: { customer: 'Contoso' }, diagnosis: leaky });
    expect(blocked.ok ? 'written' : blocked.error.code).toBe('secret-detected');
  }, 30_000);

  it('bad certificate input: clear invalid-argument errors, nothing quoted back', async () => {
    const o = labInMain?.tenant.oauth;
    if (!o) throw new Error('the lab is not running in main');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const cases: [string, RegExp][] = [
      [o.clientCertPem, /no private key/],
      [o.clientKeyPem, /no certificate/],
      [`${o.clientCertPem}\n${String(other)}`, /does not belong/],
      [
        `${o.clientCertPem}\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----`,
        /encrypted/,
      ],
    ];
    for (const [text, message] of cases) {
      const r = await appSignIn(lab, { certificate: { text } });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid-argument');
      expect(r.error.message).toMatch(message);
      expect(r.error.message).not.toContain(o.clientKeyPem.split('\n')[1] ?? '-');
    }
    const both = await appSignIn(lab, { clientSecret: 'abc', certificate: { text: o.clientCertPem } });
    expect(both.ok ? 'ok' : both.error.code).toBe('invalid-argument');
    const none = await appSignIn(lab, {});
    expect(none.ok ? 'ok' : none.error.message).toMatch(/client secret or a certificate/);
  });

  it('any wrong client secret: OAUTH_CLIENT_CREDENTIAL_INVALID, the secret in no result, event, report or export', async () => {
    const secretArb = fc
      .string({ minLength: 12, maxLength: 60, unit: 'binary-ascii' })
      .filter((s) => !/[\x00-\x20\x7f]/.test(s) && s !== lab.tenant.oauth.clientSecret);
    await fc.assert(
      fc.asyncProperty(secretArb, async (secret) => {
        const r = await appSignIn(lab, { clientSecret: secret });
        expect(r.ok && !r.value.ok && r.value.finding.code, JSON.stringify(r)).toBe(
          'OAUTH_CLIENT_CREDENTIAL_INVALID',
        );
        const report = await value<{ id: string }>('reports:create', { job: { customer: 'Contoso' } });
        const exported = await value<{ path: string }>('reports:export', {
          id: report.id,
          format: 'html',
          lang: 'en',
        });
        const forms = secretForms({ clientSecret: secret });
        for (const t of [JSON.stringify(r), JSON.stringify(events), readFileSync(exported.path, 'utf8')])
          expect(findSecret(t, forms)).toBeNull();
        // And the gate refuses a report that carries it (here in the job's technician field).
        const saved = await value<{ job: object }>('reports:open', report.id);
        const leak = await call('reports:save', {
          report: { ...saved, job: { ...saved.job, technician: `k ${secret}` } },
        });
        expect(leak.ok ? 'written' : leak.error.code).toBe('secret-detected');
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
