// Practice (練習用ラボ) through the app's services, as the renderer calls them: a capture relayed to the real lab
// marks every session practice, and the mark reaches the saved report entry; reports:add-run refuses a practice
// run unless the technician's confirmed `savePractice` comes with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import type { LabInfo, Result } from '../../../src/shared/ipc';
import type { Diagnosis } from '../../../src/shared/model';
import { dispatch } from '../../../src/main/ipc-dispatch';
import { createServices, type Services } from '../../../src/main/services';
import { createProfileBackend } from '../../../src/main/services/profiles';
import { createEphemeralCipher } from '../../../src/main/services/secrets';
import { folderExportTarget } from '../../../src/main/services/reports';
import { createEngineRunner } from '../../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../../src/main/worker/node-launcher';
import { diagnosis } from '../store/fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Bound for the device's session through capture and the lab to be recorded, in ms. */
const SESSION_BOUND_MS = 20_000;

const dataDir = mkdtempSync(join(tmpdir(), 'dmd-practice-services-'));
let services: Services;

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
    startLab,
    profiles: createProfileBackend({
      builtinDir: join(ROOT, 'resources/printers'),
      userDir: join(dataDir, 'profiles'),
    }),
    reports: { dir: join(dataDir, 'reports'), exportTarget: folderExportTarget(join(dataDir, 'exports')) },
    openUrl: () => Promise.resolve(),
    emit: () => undefined,
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

describe('practice through the services', () => {
  it(
    'a capture relayed to the lab marks its sessions practice, in the stream and in the saved report',
    async () => {
      const lab = await value<LabInfo>('lab:start', { scenario: 'healthy' });
      const started = await value<{ captureId: string; listening: { address: string; port: number }[] }>(
        'capture:start',
        {
          listen: [{ address: '127.0.0.1', port: 0 }],
          method: 'submission',
          tenantDomains: [lab.tenant.domain],
          relay: {
            host: lab.submission.host,
            address: lab.submission.address,
            port: lab.submission.port,
            requireTls: true,
            extraCaPem: [lab.caPem],
            auth: 'device',
          },
          practice: { scenario: lab.scenario },
        },
      );
      const transport = createTransport({
        host: '127.0.0.1',
        port: started.listening[0]?.port ?? 0,
        secure: false,
        requireTLS: true,
        tls: { rejectUnauthorized: false }, // the test plays a device that accepts the capture's self-signed certificate
        auth: { user: lab.tenant.mailbox, pass: lab.tenant.password },
      });
      await transport.sendMail({
        from: lab.tenant.mailbox,
        to: lab.tenant.internalRecipient,
        subject: 'Scan',
        text: 'scan attached',
      });
      transport.close();
      const deadline = Date.now() + SESSION_BOUND_MS;
      let sessions: { practice?: unknown; session: { messages: { relay?: { ok: boolean } }[] } }[] = [];
      while (Date.now() < deadline && sessions.length === 0) {
        sessions = await value('capture:sessions', started.captureId);
        if (!sessions.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(sessions).toHaveLength(1);
      expect(sessions[0]?.practice).toEqual({ scenario: 'healthy' });
      expect(sessions[0]?.session.messages[0]?.relay?.ok).toBe(true);
      const report = await value<{ id: string }>('reports:create', { job: { customer: 'Practice Co' } });
      expect(
        await value('capture:save', { captureId: started.captureId, index: 0, reportId: report.id }),
      ).toBeNull();
      const saved = await value<{ captures: { practice?: unknown }[] }>('reports:open', report.id);
      expect(saved.captures[0]?.practice).toEqual({ scenario: 'healthy' });
      await value('capture:stop', started.captureId);
      await value('lab:stop');
    },
    SESSION_BOUND_MS * 3,
  );

  it("lab:start says where a practice run leaves from: the connector stand-in, except where the site is not the connector's", async () => {
    const healthy = await value<LabInfo>('lab:start', { scenario: 'healthy' });
    expect(healthy.source).toBe(healthy.tenant.connectorIp);
    const off = await value<LabInfo>('lab:start', { scenario: 'reject-direct-send' });
    expect(off.source).toBeUndefined();
    expect(off.mx.port).toBe(healthy.mx.port); // switched in place: same lab
  });

  it('reports:add-run refuses a practice run without savePractice and takes it with', async () => {
    const d: Diagnosis = diagnosis({ practice: { scenario: 'wrong-password' } });
    const refused = await call('reports:add-run', { job: { customer: 'Contoso' }, diagnosis: d });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/practice run against the built-in lab/);
    expect((await value<{ reports: unknown[] }>('reports:list')).reports).toHaveLength(1); // only the capture test's report
    const saved = await value<{ runs: { diagnosis: Diagnosis }[] }>('reports:add-run', {
      job: { customer: 'Contoso' },
      diagnosis: d,
      savePractice: true,
    });
    expect(saved.runs[0]?.diagnosis.practice).toEqual({ scenario: 'wrong-password' });
  });
});
