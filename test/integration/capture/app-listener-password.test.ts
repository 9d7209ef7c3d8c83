// The app's capture service (what capture:start runs in main) with relay-through to the lab using the technician's
// typed sign-in: refused without a listener password; with one, a device that skips AUTH gets 530 and nothing is
// relayed, a device that signs in to the listener with it is relayed. The listener password reaches the
// session-secret list (so report writes and exports are scanned for it) before any session is recorded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { createCaptureService, type CaptureStartArgs } from '../../../src/main/services/capture';
import type { CaptureDiagnosis } from '../../../src/shared/capture';
import type { SessionSecrets } from '../../../src/shared/secrets';
import { describePeers } from '../../helpers/peers';
import { HAVE_SWAKS, SWAKS_MISSING, swaks } from './devices';

/** Wait for a session's diagnosis after the client exits, in ms. */
const SESSION_WAIT_MS = 20_000;
/** Poll interval while waiting for a session, in ms. */
const POLL_MS = 100;
const LISTENER_PASSWORD = 'Kp7w-Xq3m-Tz9r-Hb4n';

let lab: Lab;
const secrets: SessionSecrets[] = [];
const service = createCaptureService({
  emit: () => {},
  onSecrets: (s) => secrets.push(...s),
  addToReport: () => Promise.resolve({ ok: true, value: null }),
});

beforeAll(async () => {
  if (HAVE_SWAKS) lab = await startLab({ scenario: 'healthy' });
}, 90_000);
afterAll(async () => {
  await service.dispose();
  if (HAVE_SWAKS) await lab.close();
});

function args(listenerPassword?: string): CaptureStartArgs {
  return {
    listen: [{ address: '127.0.0.1', port: 0, implicitTls: false }],
    method: 'submission',
    tenantDomains: [],
    relay: {
      host: lab.submission.host,
      address: lab.submission.address,
      port: lab.submission.port,
      requireTls: true,
      extraCaPem: [lab.caPem],
      auth: { user: lab.tenant.mailbox, password: lab.tenant.password },
    },
    ...(listenerPassword === undefined ? {} : { listenerPassword }),
  };
}

async function sessionFor(captureId: string, ehlo: string): Promise<CaptureDiagnosis> {
  const deadline = Date.now() + SESSION_WAIT_MS;
  while (Date.now() < deadline) {
    const r = service.sessions(captureId);
    const found = r.ok ? r.value.find((d) => d.session.ehlo === ehlo) : undefined;
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`no session with EHLO ${ehlo}`);
}

describePeers("the app's capture with the technician's sign-in", SWAKS_MISSING, () => {
  it('is refused without a listener password (never an open relay)', async () => {
    const r = await service.start(args());
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(r.ok ? '' : r.error.message).toMatch(/listener password/);
    // The reason travels as a field issue, so the app words it for its form (not the CLI's flag).
    expect(r.ok ? [] : r.error.issues).toEqual([{ path: 'openRelay', message: 'listener-password' }]);
  });

  it('with a listener password: no AUTH → 530 and nothing relayed; AUTH with it → relayed; the password is a session secret', async () => {
    const started = await service.start(args(LISTENER_PASSWORD));
    if (!started.ok) throw new Error(started.error.message);
    expect(secrets).toContainEqual({ password: LISTENER_PASSWORD });
    const port = started.value.listening[0]?.port ?? 0;
    const t = lab.tenant;
    const before = lab.received.length;

    const anon = await swaks(port, [
      '--helo',
      'app-noauth.example',
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
    ]);
    expect(anon.exit).not.toBe(0);
    expect(anon.out).toMatch(/^<[~*-]\* +530 5\.7\.57 /m);
    expect(
      (await sessionFor(started.value.captureId, 'app-noauth.example')).findings.map((f) => f.code),
    ).toContain('CLIENT_NOT_AUTHENTICATED');
    expect(lab.received.length).toBe(before);

    const signedIn = await swaks(port, [
      '--helo',
      'app-listener-auth.example',
      '--tls',
      '-a',
      'LOGIN',
      '-au',
      'mfp',
      '-ap',
      LISTENER_PASSWORD,
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
      '--header',
      'X-Capture-Test: app-listener-pw',
    ]);
    expect(signedIn.exit, signedIn.out).toBe(0);
    const arrived = lab.received.find((x) => x.data.includes('X-Capture-Test: app-listener-pw'));
    // Upstream it is the technician's mailbox that signed in, not the device's listener login.
    expect(arrived).toMatchObject({ endpoint: 'submission', authUser: t.mailbox });
    const d = await sessionFor(started.value.captureId, 'app-listener-auth.example');
    expect(d.session.messages[0]?.relay).toMatchObject({ ok: true, code: 250 });
    expect(JSON.stringify(d)).not.toContain(LISTENER_PASSWORD);
    await service.stop(started.value.captureId);
  });
});
