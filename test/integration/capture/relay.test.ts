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

beforeAll(async () => {
  if (!HAVE_SWAKS) return;
  lab = await startLab({ scenario: 'healthy' });
  const relay = { host: lab.submission.host, address: lab.submission.address, port: lab.submission.port, requireTls: true, extraCaPem: [lab.caPem], ehloName: 'capture.test' };
  deviceAuth = await startCapture({ listen: [{ address: '127.0.0.1', port: 0 }], method: 'submission', relay: { ...relay, auth: 'device' }, limits: { idleStopMs: 0 } });
  techAuth = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'submission',
    relay: { ...relay, auth: { user: lab.tenant.mailbox, password: lab.tenant.password } },
    limits: { idleStopMs: 0 },
  });
}, 90_000);
afterAll(async () => {
  if (!HAVE_SWAKS) return;
  await deviceAuth.close();
  await techAuth.close();
  await lab.close();
});

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
      '--helo', 'mfp-relay-ok.contoso.local', '--tls', '-a', 'LOGIN', '-au', t.mailbox, '-ap', t.password,
      '--from', t.mailbox, '--to', t.internalRecipient, '--header', 'X-Capture-Test: relay-ok-1',
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
    expect(arrived).toMatchObject({ endpoint: 'submission', authUser: t.mailbox, mailFrom: t.mailbox, rcptTo: [t.internalRecipient] });
    expect(d.findings).toEqual([]);
  });

  it("with the technician's credentials for a device that cannot sign in: delivered", async () => {
    lab.setScenario('healthy');
    const t = lab.tenant;
    const r = await swaks(techAuth.listeners[0]?.port ?? 0, ['--helo', 'mfp-relay-tech.contoso.local', '--from', t.mailbox, '--to', t.internalRecipient, '--header', 'X-Capture-Test: relay-tech-2']);
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
        swaks(port, ['--helo', `mfp-burst-${i}.contoso.local`, '--from', t.mailbox, '--to', t.internalRecipient, '--header', `X-Capture-Test: burst-${i}`]),
      ),
    );
    expect(runs.map((r) => r.exit)).toEqual(Array(8).fill(0));
    for (let i = 0; i < 8; i++) expect(lab.received.some((x) => x.data.includes(`X-Capture-Test: burst-${i}\r\n`))).toBe(true);
  }, 120_000);

  it('an upstream rejection (send-as-denied) is what the device is told, and is diagnosed', async () => {
    lab.setScenario('send-as-denied');
    const t = lab.tenant;
    const before = lab.received.length;
    const r = await swaks(deviceAuth.listeners[0]?.port ?? 0, [
      '--helo', 'mfp-relay-denied.contoso.local', '--tls', '-a', 'LOGIN', '-au', t.mailbox, '-ap', t.password,
      '--from', t.mailbox, '--to', t.internalRecipient,
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
      relay: { host: 'smtp.office365.com', address: '127.0.0.1', port: 9, requireTls: false, extraCaPem: [], ehloName: 'capture.test', auth: null },
      limits: { idleStopMs: 0 },
    });
    try {
      const r = await swaks(dead.listeners[0]?.port ?? 0, ['--helo', 'mfp-relay-dead.contoso.local', '--from', 'copier@contoso.com', '--to', 'boss@contoso.com']);
      expect(r.out).toMatch(/^<[~*-]\* +451 4\.4\.0 Upstream not reachable/m);
      const d = await sessionFor(dead, 'mfp-relay-dead.contoso.local');
      expect(d.session.messages[0]?.relay).toMatchObject({ ok: false, code: null });
    } finally {
      await dead.close();
    }
  });
});
