// The engine against a real Postfix (STARTTLS + Cyrus SASL, relay only when authenticated) on loopback:
// AUTH success (and a real --send that Postfix queues), wrong password (AUTH_FAILED, one attempt only), relay denied for an unauthenticated external
// recipient (RELAY_DENIED from Postfix's `554 5.7.1 ... Relay access denied`). Names resolve through a
// private DNS server so the engine sees the same records it would see in the field.
import type { Answer } from 'dns-packet';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../src/lab/dns-server';
import { runDiagnosis } from '../../../src/main/engine/run';
import { DiagnoseRequestSchema, type Diagnosis, type Target } from '../../../src/shared/model';
import { describePeers } from '../../helpers/peers';
import { postfixSkipReason, startPostfix, type PostfixPeer } from '../../helpers/postfix';
import { sleep } from '../../helpers/run-cmd';

const skip = postfixSkipReason();

/** Overall deadline of one diagnosis against the local Postfix, in ms. */
const DIAGNOSIS_TIMEOUT_MS = 30_000;
const EXTERNAL = 'someone@external.example';
/** Polls of Postfix's log while waiting for a delivery line, and the pause between them (ms): 10 s at most. */
const LOG_POLLS = 100;
const LOG_POLL_MS = 100;

function codes(d: Diagnosis): string[] {
  return d.checks.flatMap((c) => c.findings.map((f) => f.code));
}

describePeers('engine vs a private Postfix', skip, () => {
  let pf: PostfixPeer;
  let dns: DnsServer;

  beforeAll(async () => {
    pf = await startPostfix();
    const a = (name: string): Answer => ({ name, type: 'A', ttl: 60, data: '127.0.0.1' });
    const zone = new Map<string, Answer[]>([
      [pf.host, [a(pf.host)]],
      [pf.domain, [{ name: pf.domain, type: 'MX', ttl: 60, data: { preference: 10, exchange: pf.host } }]],
    ]);
    dns = await startDnsServer(zone, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await dns?.close();
    await pf?.stop();
  });

  const diagnose = (target: Partial<Target> & Pick<Target, 'method'>, password?: string, send = false) =>
    runDiagnosis(
      DiagnoseRequestSchema.parse({
        target: {
          host: pf.host,
          connectTo: pf.connectTo,
          dnsServer: `${dns.address}:${dns.port}`,
          ...target,
        },
        device: null,
        send,
        timeoutMs: DIAGNOSIS_TIMEOUT_MS,
        extraCaPem: [pf.caPem],
        ...(password === undefined ? {} : { password }),
      }),
    );
  const status = (d: Diagnosis, id: string) => d.checks.find((c) => c.id === id)?.status;

  it('authenticates after STARTTLS with the right password', async () => {
    const d = await diagnose(
      { method: 'submission', port: 587, user: pf.user, from: pf.user, to: [EXTERNAL] },
      pf.password,
    );
    expect(status(d, 'auth'), JSON.stringify(d.checks, null, 1)).toBe('pass');
    expect(d.verdict).toBe('pass');
    // The certificate chains to the test CA (extraCaPem) under the name the check used, via --connect-to.
    expect(status(d, 'tls.submission.cert')).toBe('pass');
    // Authenticated, Postfix relays to the external recipient (permit_sasl_authenticated).
    expect(status(d, 'envelope.external')).toBe('pass');
    expect(codes(d)).not.toContain('AUTH_FAILED');
    expect(codes(d)).not.toContain('RELAY_DENIED');
    expect(JSON.stringify(d)).not.toContain(pf.password);
    expect(pf.log()).toMatch(/sasl_method=(PLAIN|LOGIN), sasl_username=device@postfix\.test/);
  });

  it('sends a real, labelled test message when asked (--send), and Postfix queues it', async () => {
    const d = await diagnose(
      { method: 'submission', port: 587, user: pf.user, from: pf.user, to: [EXTERNAL] },
      pf.password,
      true,
    );
    const send = d.checks.find((c) => c.id === 'send');
    expect(send?.status, JSON.stringify(send)).toBe('pass');
    const response = send?.details.response;
    const queued = /queued as ([0-9A-F]+)/.exec(typeof response === 'string' ? response : '')?.[1];
    expect(queued).toBeDefined();
    // Postfix's own log: that queue id, from the login mailbox, delivered (to discard:) to the external recipient.
    // Delivery follows the 250 asynchronously: wait for the log line, bounded.
    const delivered = new RegExp(`${queued}: to=<${EXTERNAL}>.*status=sent`);
    for (let i = 0; i < LOG_POLLS && !delivered.test(pf.log()); i += 1) await sleep(LOG_POLL_MS);
    expect(pf.log()).toContain(`${queued}: from=<${pf.user}>`);
    expect(pf.log()).toMatch(delivered);
  });

  it('reports AUTH_FAILED for a wrong password, after exactly one attempt', async () => {
    const before = (pf.log().match(/SASL \w+ authentication failed/g) ?? []).length;
    const wrong = 'Wrong-Passw0rd!';
    const d = await diagnose(
      { method: 'submission', port: 587, user: pf.user, from: pf.user, to: [EXTERNAL] },
      wrong,
    );
    expect(codes(d)).toContain('AUTH_FAILED');
    expect(d.verdict).toBe('fail');
    const failed = d.checks.find((c) => c.findings.some((f) => f.code === 'AUTH_FAILED'));
    expect(failed?.findings.find((f) => f.code === 'AUTH_FAILED')?.evidence?.join('\n')).toMatch(
      /535 5\.7\.8/,
    );
    // Postfix logs each failed attempt: no retry (lockout risk), and the wrong password never in the diagnosis.
    const after = (pf.log().match(/SASL \w+ authentication failed/g) ?? []).length;
    expect(after - before).toBe(1);
    expect(JSON.stringify(d)).not.toContain(wrong);
  });

  it('reports RELAY_DENIED for an unauthenticated external recipient', async () => {
    const d = await diagnose({
      method: 'relay',
      port: 25,
      domain: pf.domain,
      from: `printer@${pf.domain}`,
      to: [EXTERNAL],
    });
    expect(codes(d)).toContain('RELAY_DENIED');
    const denied = d.checks.flatMap((c) => c.findings).find((f) => f.code === 'RELAY_DENIED');
    expect(denied?.evidence?.join('\n')).toMatch(/554 5\.7\.1 .*Relay access denied/);
  });
});
