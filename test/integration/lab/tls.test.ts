// TLS behaviour of the lab: default (TLS 1.2+, ECDHE only), legacy-tls10, rsa-only-ciphers, the intercepting
// proxy with its own CA, and the silent port. Real TLS handshakes from nodemailer and node's tls client.
import type tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INSPECTION_CA_NAME, LAB_CA_NAME, startLab, type Lab } from '../../../src/lab';
import { send } from './nodemailer-send';
import { RawSmtp } from './smtp-raw';

/** Idle bound for this file's lab, in milliseconds (short so the silent-port test can see it end). */
const IDLE_MS = 1500;

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ limits: { idleMs: IDLE_MS } });
});
afterAll(async () => {
  await lab.close();
});
beforeEach(() => lab.setScenario('healthy'));

const RSA_KX_CLIENT: tls.ConnectionOptions = { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA' };
const ECDHE_CLIENT: tls.ConnectionOptions = { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384' };
const TLS10_CLIENT: tls.ConnectionOptions = { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' };

/** Handshake on the submission endpoint; resolves to the negotiated protocol/cipher or the error's message. */
async function handshake(opts: tls.ConnectionOptions, port = lab.submission.port, host = lab.submission.host) {
  const c = await RawSmtp.connect(port);
  await c.read();
  await c.cmd('EHLO tls.test');
  try {
    const s = await c.starttls(host, { ca: [lab.caPem], ...opts });
    return { ok: true as const, protocol: s.getProtocol(), cipher: s.getCipher().name, socket: s, client: c };
  } catch (err) {
    c.close();
    return { ok: false as const, error: (err as Error & { code?: string }).code ?? (err as Error).message };
  }
}

describe('lab TLS', () => {
  it('healthy: TLS 1.2 with ECDHE works, RSA key exchange and TLS 1.0 fail the handshake', async () => {
    const ecdhe = await handshake(ECDHE_CLIENT);
    expect(ecdhe).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
    if (ecdhe.ok) {
      expect(ecdhe.cipher).toMatch(/^ECDHE-RSA-/);
      expect(ecdhe.socket.getPeerCertificate().issuer.CN).toBe(LAB_CA_NAME);
      ecdhe.client.close();
    }
    expect((await handshake(RSA_KX_CLIENT)).ok).toBe(false);
    expect((await handshake(TLS10_CLIENT)).ok).toBe(false);
  });

  it('legacy-tls10: only TLS 1.0/1.1; a TLS 1.2+ client (nodemailer default) fails, a TLS 1.0 client sends', async () => {
    lab.setScenario('legacy-tls10');
    const modern = await send(lab);
    expect(modern.ok).toBe(false);
    expect(modern.code).toMatch(/ESOCKET|ETLS/);
    const old = await handshake(TLS10_CLIENT);
    expect(old).toMatchObject({ ok: true, protocol: 'TLSv1' });
    if (old.ok) old.client.close();
    const legacy = await send(lab, { tls: { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } });
    expect(legacy.ok, legacy.message).toBe(true);
    expect(lab.received.at(-1)?.tls?.protocol).toMatch(/^TLSv1(\.1)?$/);
  });

  it('rsa-only-ciphers: ECDHE-only and TLS 1.3-only clients fail; an RSA key-exchange client works', async () => {
    lab.setScenario('rsa-only-ciphers');
    expect((await handshake(ECDHE_CLIENT)).ok).toBe(false);
    expect((await handshake({ minVersion: 'TLSv1.3' })).ok).toBe(false);
    const rsa = await handshake(RSA_KX_CLIENT);
    expect(rsa).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
    if (rsa.ok) {
      expect(rsa.cipher).toMatch(/^AES/);
      rsa.client.close();
    }
    expect((await send(lab, { tls: RSA_KX_CLIENT })).ok).toBe(true);
  });

  it.each(['submission', 'mx'] as const)('intercepting-proxy (%s): masked banner, foreign EHLO, inspection CA certificate', async (ep) => {
    lab.setScenario('intercepting-proxy');
    const endpoint = lab[ep];
    const c = await RawSmtp.connect(endpoint.port);
    const greeting = await c.read();
    expect(greeting).toMatch(/^220 [*02 ]+$/);
    expect(greeting).not.toMatch(/Microsoft|outlook/i);
    const ehlo = await c.cmd('EHLO tls.test');
    expect(ehlo).toContain('250-XXXXXXXA');
    expect(ehlo).not.toMatch(/outlook|BINARYMIME|CHUNKING/);
    const s = await c.starttls(endpoint.host, { rejectUnauthorized: false });
    expect(s.authorized).toBe(false);
    expect(s.getPeerCertificate().issuer.CN).toBe(INSPECTION_CA_NAME);
    c.close();
    // A client that trusts only the lab CA refuses the certificate.
    const out = await send(lab, { endpoint: ep, auth: ep === 'mx' ? null : undefined });
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/certificate|self.signed|unable to verify/i);
  });

  it('silent-port: accepts TCP, never greets, and the idle bound ends the session', async () => {
    lab.setScenario('silent-port');
    const out = await send(lab, { endpoint: 'mx', auth: null });
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/greeting|timeout|closed/i);
    const c = await RawSmtp.connect(lab.submission.port);
    const started = Date.now();
    expect(await c.read(IDLE_MS + 5000)).toBe('');
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 100);
    c.close();
  });
});
