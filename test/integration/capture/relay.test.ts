// Relay-through against the lab (a simulated Exchange Online on loopback): the device's message is forwarded
// with the technician's settings, it arrives upstream, and the upstream's real answer (also a rejection) is
// what the device is told.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { startCapture, type CaptureHandle } from '../../../src/main/capture/index';
import type { CaptureDiagnosis } from '../../../src/shared/capture';
import { describePeers } from '../../helpers/peers';
import { HAVE_SWAKS, SWAKS_MISSING, swaks } from './devices';

/** Wait for a session's diagnosis after the client exits, in ms. */
const SESSION_WAIT_MS = 20_000;

let lab: Lab;
let deviceAuth: CaptureHandle;
let techAuth: CaptureHandle;
/** The password the technician sets on the listener and types into the device (with the technician's sign-in). */
const LISTENER_PASSWORD = 'listener-Pa55-for-test';

beforeAll(async () => {
  if (!HAVE_SWAKS) return;
  lab = await startLab({ scenario: 'healthy' });
  const relay = {
    host: lab.submission.host,
    address: lab.submission.address,
    port: lab.submission.port,
    requireTls: true,
    extraCaPem: [lab.caPem],
    ehloName: 'capture.test',
  };
  deviceAuth = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'submission',
    relay: { ...relay, auth: 'device' },
    limits: { idleStopMs: 0 },
  });
  techAuth = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'submission',
    relay: { ...relay, auth: { user: lab.tenant.mailbox, password: lab.tenant.password } },
    listenerPassword: LISTENER_PASSWORD,
    limits: { idleStopMs: 0 },
  });
}, 90_000);
afterAll(async () => {
  if (!HAVE_SWAKS) return;
  await deviceAuth.close();
  await techAuth.close();
  await lab.close();
});

/** swaks flags for a device that signs in to the listener with the listener password (any user name). */
const listenerLogin = (password = LISTENER_PASSWORD): string[] => [
  '--tls',
  '-a',
  'LOGIN',
  '-au',
  'mfp',
  '-ap',
  password,
];

async function sessionFor(h: CaptureHandle, ehlo: string): Promise<CaptureDiagnosis> {
  const deadline = Date.now() + SESSION_WAIT_MS;
  for (let n = h.sessions.length; Date.now() < deadline; n++) {
    const found = h.sessions.find((d) => d.session.ehlo === ehlo);
    if (found) return found;
    await h.waitFor(n + 1, Math.max(1, deadline - Date.now()));
  }
  throw new Error(`no session with EHLO ${ehlo}`);
}

describePeers('relay-through to the lab', SWAKS_MISSING, () => {
  it("with the device's own credentials: the message arrives upstream and the device gets the upstream's 250", async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const r = await swaks(deviceAuth.listeners[0]?.port ?? 0, [
      '--helo',
      'mfp-relay-ok.contoso.local',
      '--tls',
      '-a',
      'LOGIN',
      '-au',
      t.mailbox,
      '-ap',
      t.password,
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
      '--header',
      'X-Capture-Test: relay-ok-1',
    ]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(deviceAuth, 'mfp-relay-ok.contoso.local');
    const m = d.session.messages[0];
    expect(m?.relay).toMatchObject({ ok: true, code: 250 });
    // The device saw the upstream's own reply text, not ours.
    const upstreamText = (m?.relay?.reply ?? '').replace(/^250 /, '');
    expect(upstreamText.length).toBeGreaterThan(3);
    expect(r.out).toContain(upstreamText);
    const arrived = lab.received.find((x) => x.data.includes('X-Capture-Test: relay-ok-1'));
    expect(arrived).toMatchObject({
      endpoint: 'submission',
      authUser: t.mailbox,
      mailFrom: t.mailbox,
      rcptTo: [t.internalRecipient],
    });
    expect(d.findings).toEqual([]);
  });

  it("with the technician's credentials for a device that cannot sign in: delivered", async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const r = await swaks(techAuth.listeners[0]?.port ?? 0, [
      '--helo',
      'mfp-relay-tech.contoso.local',
      ...listenerLogin(),
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
      '--header',
      'X-Capture-Test: relay-tech-2',
    ]);
    expect(r.exit, r.out).toBe(0);
    expect(lab.received.some((x) => x.data.includes('X-Capture-Test: relay-tech-2'))).toBe(true);
    const d = await sessionFor(techAuth, 'mfp-relay-tech.contoso.local');
    expect(d.session.messages[0]?.relay?.ok).toBe(true);
  });

  it('eight devices at once through one mailbox: relays queue within the 3-connection limit, all delivered', async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const port = techAuth.listeners[0]?.port ?? 0;
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        swaks(port, [
          '--helo',
          `mfp-burst-${i}.contoso.local`,
          ...listenerLogin(),
          '--from',
          t.mailbox,
          '--to',
          t.internalRecipient,
          '--header',
          `X-Capture-Test: burst-${i}`,
        ]),
      ),
    );
    expect(runs.map((r) => r.exit)).toEqual(Array(8).fill(0));
    for (let i = 0; i < 8; i++)
      expect(lab.received.some((x) => x.data.includes(`X-Capture-Test: burst-${i}\r\n`))).toBe(true);
  }, 120_000);

  it('an upstream rejection (send-as-denied) is what the device is told, and is diagnosed', async () => {
    lab.setScenario('send-as-denied');
    const t = lab.tenant;
    const before = lab.received.length;
    const r = await swaks(deviceAuth.listeners[0]?.port ?? 0, [
      '--helo',
      'mfp-relay-denied.contoso.local',
      '--tls',
      '-a',
      'LOGIN',
      '-au',
      t.mailbox,
      '-ap',
      t.password,
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
    ]);
    expect(r.exit).not.toBe(0);
    expect(r.out).toMatch(/^<[~*-]\* +554 5\.2\.252 SendAsDenied/m);
    const d = await sessionFor(deviceAuth, 'mfp-relay-denied.contoso.local');
    expect(d.session.messages[0]?.relay).toMatchObject({ ok: false, code: 554 });
    expect(d.session.messages[0]?.reply).toMatch(/^554 5\.2\.252 SendAsDenied/);
    expect(d.findings.map((f) => f.code)).toContain('SEND_AS_DENIED');
    expect(lab.received.length).toBe(before);
    lab.setScenario('healthy');
  });

  it('an unreachable upstream gives the device a 451, never a false 250', async () => {
    const dead = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'relay',
      // Port 9 (discard) on loopback: nothing listens there in the test environment.
      relay: {
        host: 'smtp.office365.com',
        address: '127.0.0.1',
        port: 9,
        requireTls: false,
        extraCaPem: [],
        ehloName: 'capture.test',
        auth: null,
      },
      tenantDomains: ['contoso.com'],
      limits: { idleStopMs: 0 },
    });
    try {
      const r = await swaks(dead.listeners[0]?.port ?? 0, [
        '--helo',
        'mfp-relay-dead.contoso.local',
        '--from',
        'copier@contoso.com',
        '--to',
        'boss@contoso.com',
      ]);
      expect(r.out).toMatch(/^<[~*-]\* +451 4\.4\.0 Upstream not reachable/m);
      const d = await sessionFor(dead, 'mfp-relay-dead.contoso.local');
      expect(d.session.messages[0]?.relay).toMatchObject({ ok: false, code: null });
    } finally {
      await dead.close();
    }
  });
});

describePeers('relay-through is never an open relay', SWAKS_MISSING, () => {
  it('a client that skips AUTH (device-credential relay) gets 530 5.7.57, nothing is relayed, and the session records it', async () => {
    lab.setScenario('healthy');
    const before = lab.received.length;
    const r = await swaks(deviceAuth.listeners[0]?.port ?? 0, [
      '--helo',
      'spammer-noauth.example',
      '--from',
      lab.tenant.mailbox,
      '--to',
      'victim@outside.example',
    ]);
    expect(r.exit).not.toBe(0);
    expect(r.out).toMatch(/^<[~*-]\* +530 5\.7\.57 Client not authenticated/m);
    const d = await sessionFor(deviceAuth, 'spammer-noauth.example');
    expect(d.session.refused).toEqual([
      expect.objectContaining({ stage: 'MAIL', address: lab.tenant.mailbox }),
    ]);
    expect(d.session.messages).toEqual([]);
    expect(d.findings.map((f) => f.code)).toContain('CLIENT_NOT_AUTHENTICATED');
    expect(d.verdict).toBe('fail');
    expect(lab.received.length).toBe(before);
  });

  it("with the technician's sign-in: no listener sign-in → 530; a wrong listener password → 535; nothing is relayed", async () => {
    lab.setScenario('healthy');
    const before = lab.received.length;
    const port = techAuth.listeners[0]?.port ?? 0;
    const anon = await swaks(port, [
      '--helo',
      'spammer-tech-noauth.example',
      '--from',
      lab.tenant.mailbox,
      '--to',
      'victim@outside.example',
    ]);
    expect(anon.out).toMatch(/^<[~*-]\* +530 5\.7\.57 /m);
    const wrong = await swaks(port, [
      '--helo',
      'spammer-tech-wrong.example',
      ...listenerLogin('guessed-password'),
      '--from',
      lab.tenant.mailbox,
      '--to',
      'victim@outside.example',
    ]);
    expect(wrong.exit).not.toBe(0);
    expect(wrong.out).toMatch(/^<[~*-]\* +535 5\.7\.3 Authentication unsuccessful/m);
    expect((await sessionFor(techAuth, 'spammer-tech-noauth.example')).findings.map((f) => f.code)).toContain(
      'CLIENT_NOT_AUTHENTICATED',
    );
    expect(lab.received.length).toBe(before);
  });

  it("Direct Send relay without sign-in: only the tenant's domains; an outside recipient gets 550 5.7.54 and a finding", async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const tenantDomain = t.internalRecipient.slice(t.internalRecipient.indexOf('@') + 1);
    const ds = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'direct-send',
      relay: {
        host: lab.mx.host,
        address: lab.mx.address,
        port: lab.mx.port,
        requireTls: false,
        extraCaPem: [lab.caPem],
        ehloName: 'capture.test',
        auth: null,
      },
      tenantDomains: [tenantDomain],
      limits: { idleStopMs: 0 },
    });
    try {
      const before = lab.received.length;
      const out = await swaks(ds.listeners[0]?.port ?? 0, [
        '--helo',
        'mfp-ds-outside.contoso.local',
        '--from',
        t.mailbox,
        '--to',
        'victim@outside.example',
      ]);
      expect(out.out).toMatch(
        /^<[~*-]\* +550 5\.7\.54 SMTP; Unable to relay recipient in non-accepted domain/m,
      );
      const d = await sessionFor(ds, 'mfp-ds-outside.contoso.local');
      expect(d.findings.map((f) => f.code)).toContain('RELAY_DENIED');
      expect(lab.received.length).toBe(before);
      const inside = await swaks(ds.listeners[0]?.port ?? 0, [
        '--helo',
        'mfp-ds-inside.contoso.local',
        '--from',
        t.mailbox,
        '--to',
        t.internalRecipient,
        '--header',
        'X-Capture-Test: ds-inside',
      ]);
      expect(inside.exit, inside.out).toBe(0);
      expect(lab.received.some((x) => x.data.includes('X-Capture-Test: ds-inside'))).toBe(true);
    } finally {
      await ds.close();
    }
  });

  it('refuses to start a relay that would be open (technician sign-in without a listener password; no sign-in and no domains)', async () => {
    const relay = {
      host: lab.submission.host,
      address: lab.submission.address,
      port: lab.submission.port,
      requireTls: true,
      extraCaPem: [lab.caPem],
      ehloName: 'capture.test',
    };
    await expect(
      startCapture({
        listen: [{ address: '127.0.0.1', port: 0 }],
        method: 'submission',
        relay: { ...relay, auth: { user: 'a@b.c', password: 'x' } },
      }),
    ).rejects.toThrow(/listener password/);
    await expect(
      startCapture({
        listen: [{ address: '127.0.0.1', port: 0 }],
        method: 'relay',
        relay: { ...relay, auth: null },
      }),
    ).rejects.toThrow(/--domain/);
  });
});
