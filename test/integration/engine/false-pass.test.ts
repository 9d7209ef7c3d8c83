// No false passes (issue 15): a server whose certificate never arrives (an oversized chain ends the handshake
// first) fails the certificate check with TLS_CERT_NOT_RECEIVED — the server's side, never "update the firmware" —
// and the ticket never lists the certificate as ruled out; AUTH answered with 454 then a disconnect, or dropped
// without a reply, fails (SERVICE_UNAVAILABLE / CONNECTION_DROPPED with the stage), never "works".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { runDiagnosis } from '../../../src/main/engine/run';
import { renderTicket } from '../../../src/main/export/ticket';
import { createReportStore } from '../../../src/main/store/report-store';
import { saveDiagnosisAsReport } from '../../../src/main/store/save-diagnosis';
import { DiagnoseRequestSchema, type Diagnosis } from '../../../src/shared/model';
import {
  days,
  makeCert,
  smtpScript,
  startScripted,
  type Scripted,
  type TestCert,
} from '../../helpers/hostile-server';

/** Short per-phase deadlines (ms) so each case ends quickly. */
const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_000,
  bannerTimeoutMs: 1_500,
  replyTimeoutMs: 1_500,
  tlsHandshakeTimeoutMs: 2_000,
  authTimeoutMs: 2_000,
  checkTimeoutMs: 8_000,
  sendTimeoutMs: 3_000,
};
const OVERALL_MS = 10_000;
/** Certificates in the oversized chain (OpenSSL clients accept a certificate message of at most 100 KB). */
const CHAIN_LENGTH = 500;
const HOST = 'mail.example.test';

let ca: TestCert;
let good: TestCert;
const servers: Scripted[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'dmd-false-pass-'));

async function diagnose(s: Scripted): Promise<Diagnosis> {
  return runDiagnosis(
    DiagnoseRequestSchema.parse({
      target: {
        method: 'submission',
        host: HOST,
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
    }),
    { limits: LIMITS },
  );
}

async function serve(script: Parameters<typeof smtpScript>[0]): Promise<Scripted> {
  const s = await startScripted(smtpScript(script));
  servers.push(s);
  return s;
}

const check = (d: Diagnosis, pred: (id: string) => boolean) => d.checks.filter((c) => pred(c.id));
const codes = (d: Diagnosis) => d.checks.flatMap((c) => c.findings.map((f) => f.code));

beforeAll(() => {
  ca = makeCert({ names: [], cn: 'False-pass Test CA', ca: true, notBefore: days(-1), notAfter: days(30) });
  good = makeCert({ names: [HOST], notBefore: days(-1), notAfter: days(30), issuer: ca });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('no false passes', () => {
  it(`a ${CHAIN_LENGTH}-certificate chain: the certificate check fails (not received, server side), no vendor blame, not "ruled out" in the ticket`, async () => {
    const s = await serve({
      tls: { keyPem: good.keyPem, certPem: good.certPem + ca.certPem.repeat(CHAIN_LENGTH - 1) },
    });
    const d = await diagnose(s);
    const cert = check(d, (id) => /cert/i.test(id));
    expect(cert.length).toBeGreaterThan(0);
    for (const c of cert) expect(c.status).toBe('fail');
    expect(cert.flatMap((c) => c.findings.map((f) => f.code))).toContain('TLS_CERT_NOT_RECEIVED');
    const notReceived = d.checks.flatMap((c) => c.findings).find((f) => f.code === 'TLS_CERT_NOT_RECEIVED');
    expect(notReceived?.params?.reason).toMatch(/certificate chain larger than TLS clients accept/);
    // The main session fails at TLS too, and says the same — never TLS_HANDSHAKE_FAILED ("update the firmware").
    expect(
      codes(d),
      JSON.stringify(d.checks.map((c) => [c.id, c.status, c.findings.map((f) => [f.code, f.params])])),
    ).not.toContain('TLS_HANDSHAKE_FAILED');
    expect(d.checks.some((c) => c.status === 'pass' && /cert/i.test(c.id))).toBe(false);
    const store = await createReportStore(dir);
    const report = await saveDiagnosisAsReport(store, d, {}, []);
    const ticket = renderTicket(report, { lang: 'en', format: 'text' });
    const ruledOut = ticket.slice(ticket.indexOf('Already ruled out'));
    expect(ruledOut).not.toMatch(/certificate/i);
  }, 30_000);

  it('AUTH answered 454 then a disconnect: the sign-in check fails (a temporary AUTH failure, issue 11), verdict not "works"', async () => {
    const s = await serve({ tls: good, authThenClose: '454 4.7.0 Temporary authentication failure' });
    const d = await diagnose(s);
    const auth = d.checks.find((c) => c.id === 'auth');
    expect(auth?.status).toBe('fail');
    // 454 4.7.0 has its own finding (RFC 4954: temporary failure, not a wrong password); an unknown 4xx at AUTH
    // would be SERVICE_UNAVAILABLE with the stage. Either way the sign-in failed.
    expect(auth?.findings[0]?.code).toBe('AUTH_TEMPORARY_FAILURE');
    expect(d.checks.some((c) => c.status === 'fail')).toBe(true);
  }, 30_000);

  it('AUTH dropped without a reply: CONNECTION_DROPPED with the stage, never a pass', async () => {
    const s = await serve({ tls: good, authThenClose: 'drop' });
    const d = await diagnose(s);
    const auth = d.checks.find((c) => c.id === 'auth');
    expect(auth?.status).toBe('fail');
    expect(auth?.findings[0]).toMatchObject({ code: 'CONNECTION_DROPPED', params: { stage: 'auth' } });
  }, 30_000);
});
