// TLS behaviour of the lab: default (TLS 1.2+, ECDHE only; TLS 1.0/1.1 → 421 4.7.66 after the handshake), legacy-tls10, rsa-only-ciphers, the intercepting
// proxy with its own CA, and the silent port. Real TLS handshakes from nodemailer and node's tls client.
import type tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INSPECTION_CA_NAME, LAB_CA_NAME, startLab, type Lab } from '../../../src/lab';
import { send } from './nodemailer-send';
import { RawSmtp, parseReply } from './smtp-raw';

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

const RSA_KX_CLIENT: tls.ConnectionOptions = {
  maxVersion: 'TLSv1.2',
  ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA',
};
const ECDHE_CLIENT: tls.ConnectionOptions = {
  maxVersion: 'TLSv1.2',
  ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
};
const TLS10_CLIENT: tls.ConnectionOptions = {
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1',
  ciphers: 'DEFAULT@SECLEVEL=0',
};
const TLS11_CLIENT: tls.ConnectionOptions = {
  minVersion: 'TLSv1.1',
  maxVersion: 'TLSv1.1',
  ciphers: 'DEFAULT@SECLEVEL=0',
};
/** A TLS 1.0 client whose only suites use RSA key exchange (old MFP firmware). */
const TLS10_RSA_CLIENT: tls.ConnectionOptions = {
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1',
  ciphers: 'AES128-SHA:AES256-SHA:@SECLEVEL=0',
};

/** Handshake on the submission endpoint; resolves to the negotiated protocol/cipher or the error's message. */
async function handshake(
  opts: tls.ConnectionOptions,
  port = lab.submission.port,
  host = lab.submission.host,
) {
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
  it('healthy: TLS 1.2 with ECDHE works (EHLO 250), RSA key exchange fails the handshake', async () => {
    const ecdhe = await handshake(ECDHE_CLIENT);
    expect(ecdhe).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
    if (ecdhe.ok) {
      expect(ecdhe.cipher).toMatch(/^ECDHE-RSA-/);
      expect(ecdhe.socket.getPeerCertificate().issuer.CN).toBe(LAB_CA_NAME);
      expect(await ecdhe.client.cmd('EHLO tls.test')).toMatch(/^250-/);
      ecdhe.client.close();
    }
    expect((await handshake(RSA_KX_CLIENT)).ok).toBe(false);
    expect((await handshake(TLS10_RSA_CLIENT)).ok).toBe(false);
  });

  it.each([
    ['TLS 1.0', TLS10_CLIENT, 'TLSv1'],
    ['TLS 1.1', TLS11_CLIENT, 'TLSv1.1'],
  ] as const)(
    'healthy: a %s handshake completes, then EHLO gets 421 4.7.66 and the connection closes',
    async (_name, opts, protocol) => {
      const before = lab.received.length;
      const old = await handshake(opts);
      expect(old).toMatchObject({ ok: true, protocol });
      if (!old.ok) return;
      expect(old.cipher).toMatch(/^ECDHE-RSA-AES(128|256)-SHA$/);
      const reply = await old.client.cmd('EHLO tls.test');
      expect(reply).toMatch(
        /^421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported\. Please upgrade\/update your client to support TLS 1\.2\. Visit https:\/\/aka\.ms\/smtp_auth_tls\. \[/,
      );
      expect(parseReply(reply)).toEqual({ code: 421, enhanced: '4.7.66', suffixed: true });
      // The server hung up: nothing more is read, and a later command is never answered.
      expect(await old.client.read()).toBe('');
      old.client.close();
      expect(lab.received.length).toBe(before);
    },
  );

  it('healthy: nodemailer limited to TLS 1.0 fails with 421 4.7.66; the MX endpoint still refuses TLS 1.0 in the handshake', async () => {
    const out = await send(lab, { tls: TLS10_CLIENT });
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/4\.7\.66/);
    expect((await handshake(TLS10_CLIENT, lab.mx.port, lab.mx.host)).ok).toBe(false);
  });

  it('legacy-tls10: only TLS 1.0/1.1; a TLS 1.2+ client (nodemailer default) fails, a TLS 1.0 client sends', async () => {
    lab.setScenario('legacy-tls10');
    const modern = await send(lab);
    expect(modern.ok).toBe(false);
    expect(modern.code).toMatch(/ESOCKET|ETLS/);
    const old = await handshake(TLS10_CLIENT);
    expect(old).toMatchObject({ ok: true, protocol: 'TLSv1' });
    // The legacy endpoint proceeds normally after an old handshake: no 421 4.7.66.
    if (old.ok) expect(await old.client.cmd('EHLO tls.test')).toMatch(/^250-/);
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

  it.each(['submission', 'mx'] as const)(
    'intercepting-proxy (%s): masked banner, foreign EHLO, inspection CA certificate',
    async (ep) => {
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
    },
  );

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
