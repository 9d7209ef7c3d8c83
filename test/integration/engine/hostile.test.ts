// The engine against scripted hostile servers on loopback: each misbehaviour ends in the right finding within its
// deadline, nothing throws, and the process's memory stays bounded across the whole suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src/main/engine/run';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { DiagnoseRequestSchema, type Diagnosis } from '../../../src/shared/model';
import {
  behaviours,
  days,
  makeCert,
  smtpScript,
  startScripted,
  type Scripted,
  type TestCert,
} from '../../helpers/hostile-server';

/** Short per-phase deadlines (ms) so each hostile case ends quickly; the margin absorbs a loaded 2-core machine. */
const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_000,
  bannerTimeoutMs: 1_200,
  replyTimeoutMs: 1_200,
  tlsHandshakeTimeoutMs: 1_200,
  authTimeoutMs: 1_500,
  checkTimeoutMs: 6_000,
  sendTimeoutMs: 3_000,
};
const OVERALL_MS = 8_000;
const MARGIN_MS = 4_000;
/** Heap/RSS growth allowed across the whole hostile suite, in bytes. */
const MAX_GROWTH = 64 * 1024 * 1024;

const HOST = 'mail.example.test';
let ca: TestCert;
let good: TestCert;
const servers: Scripted[] = [];
let baseline: NodeJS.MemoryUsage;

async function diagnose(s: Scripted, host = HOST, extra: Record<string, unknown> = {}): Promise<Diagnosis> {
  const started = performance.now();
  const d = await runDiagnosis(
    DiagnoseRequestSchema.parse({
      target: {
        method: 'submission',
        host,
        port: 587,
        user: 'printer@example.test',
        from: 'printer@example.test',
        to: ['someone@example.test'],
        connectTo: [{ host: '', port: 0, toHost: s.address, toPort: s.port }],
      },
      device: null,
      timeoutMs: OVERALL_MS,
      extraCaPem: [ca.certPem],
      password: 'Correct-Horse-9',
      ...extra,
    }),
    { limits: LIMITS },
  );
  expect(performance.now() - started).toBeLessThan(OVERALL_MS + MARGIN_MS);
  return d;
}

async function serve(fn: Parameters<typeof startScripted>[0]): Promise<Scripted> {
  const s = await startScripted(fn);
  servers.push(s);
  return s;
}

const codesOf = (d: Diagnosis, id: string) =>
  d.checks.find((c) => c.id === id)?.findings.map((f) => f.code) ?? [];
const allCodes = (d: Diagnosis) => d.checks.flatMap((c) => c.findings.map((f) => f.code));

describe('engine vs hostile servers', () => {
  beforeAll(() => {
    ca = makeCert({ names: [], cn: 'Hostile Test CA', ca: true, notBefore: days(-1), notAfter: days(30) });
    good = makeCert({
      names: [HOST, 'smtp.office365.com'],
      notBefore: days(-1),
      notAfter: days(30),
      issuer: ca,
    });
    baseline = process.memoryUsage();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('no banner → BANNER_TIMEOUT', async () => {
    const d = await diagnose(await serve(behaviours.noBanner));
    expect(codesOf(d, 'smtp.submission.banner')).toEqual(['BANNER_TIMEOUT']);
    expect(d.verdict).toBe('fail');
  });

  it('banner then close → CONNECTION_DROPPED at EHLO', async () => {
    const d = await diagnose(await serve(behaviours.bannerThenClose));
    expect(d.checks.find((c) => c.id === 'smtp.submission.banner')?.status).toBe('pass');
    expect(codesOf(d, 'smtp.submission.ehlo')).toEqual(['CONNECTION_DROPPED']);
  });

  it('endless 250- reply → SERVER_MISBEHAVED (line limit)', async () => {
    const d = await diagnose(await serve(behaviours.endless250));
    expect(codesOf(d, 'smtp.submission.ehlo')).toEqual(['SERVER_MISBEHAVED']);
    expect(JSON.stringify(d.checks.find((c) => c.id === 'smtp.submission.ehlo'))).toMatch(
      /more than \d+ lines/,
    );
  });

  it('a 10 MB line → SERVER_MISBEHAVED (line length), without buffering it', async () => {
    const d = await diagnose(await serve(behaviours.hugeLine));
    expect(codesOf(d, 'smtp.submission.banner')).toEqual(['SERVER_MISBEHAVED']);
    expect(JSON.stringify(d)).toMatch(/longer than \d+ bytes/);
    expect(JSON.stringify(d).length).toBeLessThan(200_000);
  });

  it('1 byte per second → BANNER_TIMEOUT (the deadline covers the whole reply)', async () => {
    const d = await diagnose(await serve(behaviours.trickle));
    expect(codesOf(d, 'smtp.submission.banner')).toEqual(['BANNER_TIMEOUT']);
  });

  it('binary garbage → NOT_SMTP, escaped in the transcript', async () => {
    const d = await diagnose(await serve(behaviours.garbage));
    expect(codesOf(d, 'smtp.submission.banner')).toEqual(['NOT_SMTP']);
    for (const row of d.transcript) expect(row.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('HTTP on the port → NOT_SMTP', async () => {
    const d = await diagnose(await serve(behaviours.http));
    expect(codesOf(d, 'smtp.submission.banner')).toEqual(['NOT_SMTP']);
    expect(JSON.stringify(d.checks)).toMatch(/HTTP/);
  });

  it('TLS handshake stall → TLS_HANDSHAKE_FAILED, AUTH never sent', async () => {
    const d = await diagnose(await serve(smtpScript({ tls: 'stall' })));
    expect(codesOf(d, 'smtp.submission.starttls')).toEqual(['TLS_HANDSHAKE_FAILED']);
    expect(d.transcript.some((r) => r.dir === 'C' && r.text.startsWith('AUTH'))).toBe(false);
  });

  it('STARTTLS followed by injected plaintext → discarded, SERVER_MISBEHAVED, session continues over TLS', async () => {
    const d = await diagnose(
      await serve(smtpScript({ tls: good, inject: '250 injected-before-handshake\r\n' })),
    );
    const st = d.checks.find((c) => c.id === 'smtp.submission.starttls');
    expect(st?.findings.map((f) => f.code)).toEqual(['SERVER_MISBEHAVED']);
    expect(st?.details.discardedBytes).toBeGreaterThan(0);
    // The injected line never counts as the reply to the EHLO after TLS.
    expect(st?.details.capabilitiesAfterTls).toContain('PIPELINING');
  });

  it('STARTTLS not offered on submission → STARTTLS_NOT_OFFERED, credentials never sent in clear', async () => {
    const d = await diagnose(await serve(smtpScript({ echoAuth: true })));
    expect(codesOf(d, 'smtp.submission.starttls')).toEqual(['STARTTLS_NOT_OFFERED']);
    expect(d.transcript.some((r) => r.dir === 'C' && /^AUTH/.test(r.text))).toBe(false);
  });

  it('self-signed certificate → TLS_CERT_UNTRUSTED (and SMTP_INTERCEPTED on a Microsoft name)', async () => {
    const self = makeCert({ names: ['smtp.office365.com'], notBefore: days(-1), notAfter: days(30) });
    const d = await diagnose(await serve(smtpScript({ tls: self })), 'smtp.office365.com');
    expect(codesOf(d, 'tls.submission.cert')).toEqual(
      expect.arrayContaining(['TLS_CERT_UNTRUSTED', 'SMTP_INTERCEPTED']),
    );
    expect(d.transcript.some((r) => r.dir === 'C' && r.text.startsWith('AUTH'))).toBe(false);
  });

  it('expired certificate → TLS_CERT_EXPIRED', async () => {
    const old = makeCert({ names: [HOST], notBefore: days(-60), notAfter: days(-30), issuer: ca });
    const d = await diagnose(await serve(smtpScript({ tls: old })));
    expect(codesOf(d, 'tls.submission.cert')).toContain('TLS_CERT_EXPIRED');
    expect(codesOf(d, 'smtp.submission.starttls')).toContain('TLS_CERT_EXPIRED');
  });

  it('wrong-name certificate → TLS_CERT_NAME_MISMATCH', async () => {
    const wrong = makeCert({
      names: ['other.example.test'],
      notBefore: days(-1),
      notAfter: days(30),
      issuer: ca,
    });
    const d = await diagnose(await serve(smtpScript({ tls: wrong })));
    expect(codesOf(d, 'tls.submission.cert')).toContain('TLS_CERT_NAME_MISMATCH');
    expect(allCodes(d)).not.toContain('TLS_CERT_EXPIRED');
  });

  it('a trusted certificate passes, AUTH happens exactly once, never more than 8 connections at once (one sign-in)', async () => {
    const s = await serve(smtpScript({ tls: good, echoAuth: true }));
    const d = await diagnose(s);
    expect(s.connections()).toBeGreaterThanOrEqual(7); // session, TCP probe, certificate, 5 matrix probes
    expect(s.maxConcurrent()).toBeLessThanOrEqual(8);
    expect(d.checks.find((c) => c.id === 'tls.submission.cert')?.status).toBe('pass');
    expect(codesOf(d, 'auth')).toEqual(['AUTH_FAILED']);
    expect(d.transcript.filter((r) => r.dir === 'C' && r.text.startsWith('AUTH')).length).toBe(1);
  });

  it('an unsolicited extra reply → SERVER_MISBEHAVED, never misread as the next answer', async () => {
    const d = await diagnose(await serve(smtpScript({ tls: good, extraAfterEhlo: '220 2.0.0 unsolicited' })));
    expect(codesOf(d, 'smtp.submission.starttls')).toEqual(['SERVER_MISBEHAVED']);
    expect(JSON.stringify(d.checks)).toMatch(/nobody asked for/);
  });

  it('354 never arriving → the test send fails within its deadline, nothing delivered', async () => {
    const d = await diagnose(await serve(smtpScript({ tls: good, accept: 'no-354' })), HOST, { send: true });
    const send = d.checks.find((c) => c.id === 'send');
    expect(send?.status).toBe('fail');
    expect(send?.details.possiblyDelivered).toBeUndefined();
  });

  it('no reply after the final dot → "possibly delivered", never resent', async () => {
    const d = await diagnose(await serve(smtpScript({ tls: good, accept: 'no-final' })), HOST, {
      send: true,
    });
    const send = d.checks.find((c) => c.id === 'send');
    expect(send?.status).toBe('warn');
    expect(send?.details.possiblyDelivered).toBe(true);
    expect(
      d.transcript.filter((r) => r.check === 'send' && r.dir === 'C' && /^DATA/.test(r.text)).length,
    ).toBe(1);
  });

  it('memory stays bounded across the hostile suite', () => {
    const now = process.memoryUsage();
    expect(now.heapUsed - baseline.heapUsed).toBeLessThan(MAX_GROWTH);
    expect(now.rss - baseline.rss).toBeLessThan(MAX_GROWTH * 2);
  });
});
