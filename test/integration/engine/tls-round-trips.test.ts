// The TLS matrix at its protocol minimum, counted on the wire (at a proxy), not timed. Each probe needs: EHLO, STARTTLS,
// the client's handshake flights (ClientHello; then the key exchange/Finished flight), and EHLO once more only after
// TLS 1.0/1.1 — where Exchange Online completes the handshake and refuses the next command (421 4.7.66). Nothing else:
// no EHLO after a TLS 1.2/1.3 handshake, no QUIT, and no connection of the certificate check's own when a probe already
// verified the chain.
// Every other check too, from the transcript (the bench's counter) and at the proxy for the sessions that sign in and
// send the envelope: AUTH LOGIN carries the user name as its initial response (2 flights, not 3), MAIL and RCPT go
// together when PIPELINING is offered, and the MX session is the same minimum without AUTH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { labDiagnoseRequest } from '../../../src/lab/request';
import { runDiagnosis } from '../../../src/main/engine/run';
import { MATRIX, type ProbeRow } from '../../../src/main/engine/checks/tls-probe';
import type { Diagnosis } from '../../../src/shared/model';
import { startLatencyLab, type LatencyLab } from '../../bench/latency-lab';
import { roundTripsByCheck } from '../../bench/round-trips';

/** One-way delay at the proxy, in ms: small, the count does not depend on it. */
const ONE_WAY_MS = 2;
const TIMEOUT_MS = 60_000;

/** Client flights (bursts after the server spoke) one probe needs for what it learned. */
function minimumFlights(row: ProbeRow): number {
  const smtp = 2; // EHLO, STARTTLS
  if (row.result === 'rejected') return smtp + 1; // ClientHello → the server's alert
  // TLS 1.3: the server's first flight (ServerHello … Finished) answers the ClientHello; the probe needs nothing more.
  if (row.protocol === 'TLSv1.3') return smtp + 1;
  const legacy = row.protocol === 'TLSv1' || row.protocol === 'TLSv1.1';
  // ≤ 1.2: ClientHello; key exchange + Finished; then EHLO only after TLS 1.0/1.1 (its 421 ends the session: no QUIT).
  return smtp + 2 + (legacy ? 1 : 0);
}

let lab: Lab;
let net: LatencyLab;
let d: Diagnosis;
let auto: Diagnosis;
/** Client flights per connection at the submission and MX proxies, for the submission run and the auto run. */
let submissionFlights: number[] = [];
let mxFlights: number[] = [];

beforeAll(async () => {
  lab = await startLab({ scenario: 'healthy' });
  net = await startLatencyLab(lab, ONE_WAY_MS);
  const base = labDiagnoseRequest(
    { ...lab, dnsServer: `${lab.dns.address}:${lab.dns.port}` },
    { timeoutMs: TIMEOUT_MS },
  );
  for (const p of net.proxies.values()) p.resetStats();
  // One check at a time: the submission proxy then sees the connections in a known order.
  d = await runDiagnosis(
    {
      ...base,
      target: { ...base.target, method: 'submission', connectTo: net.connectTo, dnsServer: net.dnsServer },
    },
    { maxConcurrentChecks: 1 },
  );
  submissionFlights = proxyOf(587)
    .connections()
    .map((c) => c.clientFlights);
  for (const p of net.proxies.values()) p.resetStats();
  auto = await runDiagnosis(
    {
      ...base,
      target: { ...base.target, method: 'auto', connectTo: net.connectTo, dnsServer: net.dnsServer },
    },
    { maxConcurrentChecks: 1 },
  );
  mxFlights = proxyOf(25, lab.tenant.mxHost)
    .connections()
    .map((c) => c.clientFlights);
}, 2 * TIMEOUT_MS);

function proxyOf(port: number, host?: string) {
  const rule = lab.connectTo.find((r) => r.port === port && (host === undefined || r.host === host));
  const proxy = net.proxies.get(`${rule?.toHost}:${rule?.toPort}`);
  if (!proxy) throw new Error(`no proxy for port ${port}`);
  return proxy;
}

/** The TLS protocol a check's session negotiated, from its transcript rows. */
const tlsOf = (diagnosis: Diagnosis, check: string) =>
  diagnosis.transcript.find((r) => r.check === check && r.dir === 'tls')?.text.split(/\s/)[0] ?? '';

afterAll(async () => {
  await net?.close();
  await lab?.close();
});

describe('TLS matrix round trips, counted at a proxy', () => {
  it('each probe uses exactly the client flights its protocol needs; the certificate check opens no connection of its own', () => {
    const matrix = d.checks.find((c) => c.id === 'tls.submission.matrix');
    const rows = (matrix?.details as { rows?: ProbeRow[] } | undefined)?.rows ?? [];
    expect(rows.map((r) => r.id)).toEqual(MATRIX.map((m) => m.id));
    const cert = d.checks.find((c) => c.id === 'tls.submission.cert');
    expect(cert?.status).toBe('pass');

    const submission = lab.connectTo.find((r) => r.port === 587);
    const proxy = net.proxies.get(`${submission?.toHost}:${submission?.toPort}`);
    const conns = proxy?.connections() ?? [];
    // TCP probe, the main session, one connection per matrix row — and none for the certificate.
    expect(conns.length).toBe(2 + MATRIX.length);
    expect(conns[0]?.clientFlights).toBe(0); // the TCP probe connects and closes
    const probeFlights = conns.slice(2).map((c) => c.clientFlights);
    expect(probeFlights).toEqual(rows.map(minimumFlights));
    // The healthy lab refuses TLS 1.0/1.1 after the handshake: those rows needed (and got) their EHLO.
    expect(
      rows
        .filter((r) => r.result === 'refused-after')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['1.0', '1.1']);
  });
});

describe('every check at its protocol minimum', () => {
  it('auto: each check used exactly the round trips its work needs (transcript count, as the bench prints it)', () => {
    expect(auto.verdict).not.toBe('fail');
    const rows = roundTripsByCheck(auto, 1);
    expect(rows.filter((r) => r.measured > 0).map((r) => r.id)).toEqual(
      expect.arrayContaining(['auth', 'envelope.internal', 'envelope.mx.internal']),
    );
    expect(rows.filter((r) => r.measured !== r.minimum)).toEqual([]);
  });

  it('the signed-in session at the proxy: EHLO, STARTTLS, ClientHello, Finished+EHLO, AUTH LOGIN <user>, password, MAIL+RCPT, QUIT', () => {
    // TLS 1.3: the client's Finished and the EHLO after it leave together (the server has nothing to say between).
    expect(tlsOf(d, 'smtp.submission.starttls')).toBe('TLSv1.3');
    expect(d.transcript.filter((r) => r.check === 'auth' && r.dir === 'C').map((r) => r.text)).toEqual([
      'AUTH LOGIN <redacted>',
      '<redacted>',
    ]);
    // The QUIT is a flight but not a round trip: its 221 is not awaited.
    expect(submissionFlights[1]).toBe(8);
  });

  it('the Direct Send (MX) session at the proxy: EHLO, STARTTLS, ClientHello, Finished+EHLO, MAIL+RCPT, QUIT', () => {
    expect(tlsOf(auto, 'smtp.mx.starttls')).toBe('TLSv1.3');
    expect(mxFlights[0]).toBe(0); // the TCP probe connects and closes
    expect(mxFlights[1]).toBe(6);
  });
});
