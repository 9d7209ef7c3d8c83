// The Electron-free services object end to end, through dispatch() as both the Electron ipc layer and the e2e
// bridge call it: the real engine in a real worker process against the real lab, real profiles, vetted links.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import type {
  DiagnoseEventPayload,
  DiagnoseFailedPayload,
  EventChannel,
  LabInfo,
  Result,
} from '../../../src/shared/ipc';
import { dispatch } from '../../../src/main/ipc-dispatch';
import { createServices, type Services } from '../../../src/main/services';
import { createProfileBackend } from '../../../src/main/services/profiles';
import { createEphemeralCipher } from '../../../src/main/services/secrets';
import { folderExportTarget } from '../../../src/main/services/reports';
import { createEngineRunner } from '../../../src/main/worker/engine-runner';
import { nodeWorkerLauncher } from '../../../src/main/worker/node-launcher';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Bound for one diagnosis against the lab including a cold worker start on a busy machine, in ms. */
const RUN_BOUND_MS = 60_000;

const dataDir = mkdtempSync(join(tmpdir(), 'dmd-services-'));
const events: { channel: EventChannel; payload: unknown }[] = [];
const opened: string[] = [];
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
    openUrl: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
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

/** Waits (bounded) for the run's done or failed event. */
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

function labRequest(lab: LabInfo, password: string, timeoutMs = 30_000) {
  const { tenant } = lab;
  return {
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
    password,
    timeoutMs,
  };
}

describe('services', () => {
  it('reports app info from the injected identity and cipher', async () => {
    const info = await value<{ suggestedLang: string; secretStorage: { encrypted: boolean } }>('app:info');
    expect(info.suggestedLang).toBe('en');
    expect(info.secretStorage.encrypted).toBe(true);
  });

  it('lists local interfaces including loopback', async () => {
    const list = await value<{ address: string; internal: boolean }[]>('net:interfaces');
    expect(list).toContainEqual(expect.objectContaining({ address: '127.0.0.1', internal: true }));
  });

  it(
    'diagnoses the lab in a worker: wrong password streams events and ends with AUTH_FAILED',
    async () => {
      const lab = await value<LabInfo>('lab:start', { scenario: 'wrong-password' });
      expect(lab.dnsServer).toMatch(/^127\.0\.0\.1:\d+$/);
      const { runId } = await value<{ runId: string }>(
        'diagnose:start',
        labRequest(lab, 'definitely-wrong-pw'),
      );
      const end = await runEnd(runId);
      expect('event' in end && end.event.type).toBe('done');
      if (!('event' in end) || end.event.type !== 'done') return;
      const codes = end.event.diagnosis.checks.flatMap((c) => c.findings.map((f) => f.code));
      expect(codes).toContain('AUTH_FAILED');
      const mine = events.filter(
        (e) => e.channel === 'diagnose:event' && (e.payload as DiagnoseEventPayload).runId === runId,
      );
      expect(mine.some((e) => (e.payload as DiagnoseEventPayload).event.type === 'check-started')).toBe(true);
      expect(JSON.stringify(mine)).not.toContain('definitely-wrong-pw');
    },
    RUN_BOUND_MS,
  );

  it(
    'saves the diagnosis as a report, lists, exports, deletes and restores it; a leaked password blocks the write',
    async () => {
      const lab = await value<LabInfo>('lab:start', { scenario: 'healthy' });
      const { runId } = await value<{ runId: string }>(
        'diagnose:start',
        labRequest(lab, lab.tenant.password),
      );
      const end = await runEnd(runId);
      if (!('event' in end) || end.event.type !== 'done') throw new Error('no diagnosis');
      const diagnosis = end.event.diagnosis;
      const report = await value<{ id: string; runs: unknown[] }>('reports:add-run', {
        job: { customer: 'Contoso', site: 'Osaka 2F' },
        diagnosis,
      });
      expect(report.runs).toHaveLength(1);
      const listing = await value<{ reports: { id: string; customer: string }[] }>('reports:list', {
        customer: 'contoso',
      });
      expect(listing.reports.map((r) => r.id)).toEqual([report.id]);
      const exported = await value<{ path: string; bytes: number }>('reports:export', {
        id: report.id,
        format: 'html',
        lang: 'ja',
      });
      expect(exported.path.startsWith(join(dataDir, 'exports'))).toBe(true);
      expect(readFileSync(exported.path, 'utf8')).toContain('Contoso');
      const pdf = await call('reports:export', { id: report.id, format: 'pdf', lang: 'en' });
      expect(pdf.ok || pdf.error.code).toBe('unavailable'); // no printer injected in this test
      // The session's password (used by the run above) must never reach a report.
      const leaky = {
        ...diagnosis,
        transcript: [
          ...diagnosis.transcript,
          { t: 1, dir: 'C' as const, text: `PASS ${lab.tenant.password}` },
        ],
      };
      const blocked = await call('reports:add-run', { id: report.id, diagnosis: leaky });
      expect(blocked.ok).toBe(false);
      if (!blocked.ok) {
        expect(blocked.error.code).toBe('secret-detected');
        expect(blocked.error.message).not.toContain(lab.tenant.password);
      }
      expect(await value('reports:delete', report.id)).toBeNull();
      expect((await value<{ reports: unknown[] }>('reports:list')).reports).toHaveLength(0);
      expect((await value<{ id: string }>('reports:restore', report.id)).id).toBe(report.id);
      expect((await call('reports:open', 'no-such-report')).ok).toBe(false);
    },
    RUN_BOUND_MS,
  );

  it(
    'captures what a device sends, streams it, saves it to a report, and treats its password as a session secret',
    async () => {
      const started = await value<{ captureId: string; listening: { address: string; port: number }[] }>(
        'capture:start',
        {
          listen: [{ address: '127.0.0.1', port: 0 }],
          method: 'submission',
        },
      );
      const { port } = started.listening[0]!;
      const devicePassword = 'Dev1ce-Pa55word!';
      const transport = createTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        requireTLS: true,
        tls: { rejectUnauthorized: false }, // the test plays a device that accepts the capture's self-signed certificate
        auth: { user: 'scanner@contoso.com', pass: devicePassword },
      });
      await transport.sendMail({
        from: 'scanner@contoso.com',
        to: 'someone@contoso.com',
        subject: 'Scan',
        text: 'scan attached',
      });
      transport.close();
      const deadline = Date.now() + 20_000;
      let sessions: { session: unknown; findings: unknown[] }[] = [];
      while (Date.now() < deadline && sessions.length === 0) {
        sessions = await value('capture:sessions', started.captureId);
        if (!sessions.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(sessions).toHaveLength(1);
      expect(
        events.some(
          (e) =>
            e.channel === 'capture:event' &&
            (e.payload as { captureId: string }).captureId === started.captureId,
        ),
      ).toBe(true);
      expect(JSON.stringify(sessions)).not.toContain(devicePassword);
      const report = await value<{ id: string }>('reports:create', { job: { customer: 'Capture Co' } });
      expect(
        await value('capture:save', { captureId: started.captureId, index: 0, reportId: report.id }),
      ).toBeNull();
      const saved = await value<{ captures: unknown[] }>('reports:open', report.id);
      expect(saved.captures).toHaveLength(1);
      // The device's password is now a session secret: a report write carrying it is blocked.
      const blocked = await call('reports:save', {
        report: { ...saved, notes: [{ at: new Date().toISOString(), text: `pw ${devicePassword}` }] },
      });
      expect(blocked.ok || blocked.error.code).toBe('secret-detected');
      expect(await value('capture:stop', started.captureId)).toBeNull();
      expect((await call('capture:stop', 'cap-unknown')).ok).toBe(false);
    },
    RUN_BOUND_MS,
  );

  it(
    "a capture's listener password is a session secret: a report save or export carrying it (any form) is blocked",
    async () => {
      const listenerPassword = 'qz7k-m3wp-x9tb-h4nr';
      const started = await value<{ captureId: string }>('capture:start', {
        listen: [{ address: '127.0.0.1', port: 0 }],
        method: 'submission',
        // Relay with the technician's sign-in (never contacted here: no device sends anything).
        relay: {
          host: 'smtp.office365.com',
          address: '127.0.0.1',
          port: 9,
          requireTls: true,
          auth: { user: 'tech@contoso.com', password: 'Tech-Relay-Pw-1' },
        },
        listenerPassword,
      });
      const report = await value<{ id: string; notes: unknown[] }>('reports:create', {
        job: { customer: 'Listener Co' },
      });
      const opened = await value<Record<string, unknown>>('reports:open', report.id);
      for (const text of [
        `device pw ${listenerPassword}`,
        `AUTH PLAIN ${Buffer.from(`\0mfp\0${listenerPassword}`).toString('base64')}`,
      ]) {
        const blocked = await call('reports:save', {
          report: { ...opened, notes: [{ at: new Date().toISOString(), text }] },
        });
        expect(blocked.ok || blocked.error.code, text).toBe('secret-detected');
        if (!blocked.ok) expect(blocked.error.message).not.toContain(listenerPassword);
      }
      // What was saved (the clean report) exports, and the export holds no form of it.
      const exported = await value<{ path: string }>('reports:export', {
        id: report.id,
        format: 'html',
        lang: 'en',
      });
      expect(readFileSync(exported.path, 'utf8')).not.toContain(listenerPassword);
      expect(await value('capture:stop', started.captureId)).toBeNull();
    },
    RUN_BOUND_MS,
  );

  it(
    'switching scenarios keeps the same lab (ports, CA), and cancel ends a silent-port run',
    async () => {
      const a = await value<LabInfo>('lab:start', { scenario: 'healthy' });
      const b = await value<LabInfo>('lab:start', { scenario: 'silent-port' });
      expect(b.scenario).toBe('silent-port');
      expect(b.submission.port).toBe(a.submission.port);
      expect(b.caPem).toBe(a.caPem);
      const { runId } = await value<{ runId: string }>('diagnose:start', labRequest(b, 'x-password', 60_000));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await value('diagnose:cancel', runId)).toEqual({ cancelled: true });
      const end = await runEnd(runId);
      if ('event' in end && end.event.type === 'done') expect(end.event.diagnosis.cancelled).toBe(true);
      else expect('error' in end && end.error.code).toBe('cancelled');
      expect(await value('lab:stop')).toBeNull();
    },
    RUN_BOUND_MS,
  );

  it('lists bundled profiles and imports a valid one; an invalid import names the field', async () => {
    const listing = await value<{ files: { origin: string; profile: { id: string } }[] }>('profiles:list');
    expect(listing.files.map((f) => f.profile.id)).toContain('ricoh');
    const ricoh = JSON.parse(readFileSync(join(ROOT, 'resources/printers/ricoh.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const mine = {
      ...ricoh,
      id: 'my-ricoh',
      models: (ricoh['models'] as { id: string }[]).map((m) => ({ ...m, id: `my-${m.id}` })),
    };
    const imported = await value<{ file: { origin: string } }>('profiles:import', {
      text: JSON.stringify(mine),
    });
    expect(imported.file.origin).toBe('user');
    const after = await value<{ files: { origin: string; profile: { id: string } }[] }>('profiles:list');
    expect(after.files).toContainEqual(
      expect.objectContaining({
        origin: 'user',
        profile: expect.objectContaining({ id: 'my-ricoh' }) as unknown,
      }),
    );
    const broken = {
      ...mine,
      models: [{ ...(mine.models[0] as object), capabilities: { maxTls: { value: '9.9' } } }],
    };
    const r = await call('profiles:import', { text: JSON.stringify(broken) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-profile');
      expect(r.error.message).toMatch(/models\[0\]\.capabilities/);
      expect(r.error.issues?.length).toBeGreaterThan(0);
    }
  });

  it('opens vetted links only, including vendor documentation hosts from the profiles', async () => {
    expect((await call('shell:open-external', { url: 'https://manuals.ricoh.com/mfp/x.htm' })).ok).toBe(true);
    expect((await call('shell:open-external', { url: 'https://evil.example/' })).ok).toBe(false);
    expect(opened).toEqual(['https://manuals.ricoh.com/mfp/x.htm']);
  });
});
