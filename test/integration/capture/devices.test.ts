// Capture mode against real clients acting as the device: each capture must yield the right findings.
// swaks (TLS 1.0-1.3, AUTH LOGIN/PLAIN, From ≠ login, no AUTH, implicit TLS, RSA-only ciphers),
// openssl s_client -starttls smtp -tls1, and a raw client sending bare LF.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCapture, type CaptureHandle } from '../../../src/main/capture/index';
import type { CaptureDiagnosis } from '../../../src/shared/capture';
import { findSecret, secretForms } from '../../../src/shared/secrets';
import { describePeers } from '../../helpers/peers';
import { OPENSSL_MISSING, SWAKS_MISSING, opensslStarttls, rawSession, swaks } from './devices';

/** Wait for a session to be diagnosed after its client exits, in ms. */
const SESSION_WAIT_MS = 15_000;
const USER = 'scanner@contoso.com';
const passwords: string[] = [];

let sub: CaptureHandle;
let direct: CaptureHandle;

beforeAll(async () => {
  sub = await startCapture({
    listen: [
      { address: '127.0.0.1', port: 0 },
      { address: '127.0.0.1', port: 0, implicitTls: true },
    ],
    method: 'submission',
    upstreamMaxMessageBytes: 200_000,
    limits: { idleStopMs: 0 },
  });
  direct = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'direct-send',
    tenantDomains: ['contoso.com'],
    limits: { idleStopMs: 0 },
  });
}, 60_000);
afterAll(async () => {
  await sub.close();
  await direct.close();
});

const port = (h: CaptureHandle, implicit = false) =>
  h.listeners.find((l) => l.implicitTls === implicit)?.port ?? 0;

/** The diagnosed session whose EHLO name is `ehlo` (each test greets with its own name). */
async function sessionFor(h: CaptureHandle, ehlo: string): Promise<CaptureDiagnosis> {
  const deadline = Date.now() + SESSION_WAIT_MS;
  for (let n = h.sessions.length; Date.now() < deadline; n++) {
    const found = h.sessions.find((d) => d.session.ehlo === ehlo);
    if (found) return found;
    await h.waitFor(n + 1, Math.max(1, deadline - Date.now()));
  }
  throw new Error(`no session with EHLO ${ehlo}`);
}

const codes = (d: CaptureDiagnosis) => d.findings.map((f) => f.code).sort();

function auth(mech: 'LOGIN' | 'PLAIN', password: string, user = USER): string[] {
  passwords.push(password);
  return ['-a', mech, '-au', user, '-ap', password];
}

describePeers('swaks as the device', SWAKS_MISSING, () => {
  const base = (ehlo: string) => ['--to', 'boss@contoso.com', '--from', USER, '--helo', ehlo];

  it.each([
    ['tlsv1', '1.0', 'TLSv1'],
    ['tlsv1_1', '1.1', 'TLSv1.1'],
  ])(
    'STARTTLS with %s only: TLS_VERSION_UNSUPPORTED, and the offer is read from the ClientHello',
    async (proto, version, negotiated) => {
      const ehlo = `mfp-${proto.replace('_', '-')}.contoso.local`;
      const r = await swaks(port(sub), [
        ...base(ehlo),
        '--tls',
        '--tls-protocol',
        proto,
        '--tls-cipher',
        'DEFAULT@SECLEVEL=0',
        ...auth('LOGIN', `Old-${proto}-pw1`),
      ]);
      expect(r.exit, r.out).toBe(0);
      const d = await sessionFor(sub, ehlo);
      expect(d.session.tls?.protocol).toBe(negotiated);
      // A TLS <= 1.2 ClientHello states only its highest version.
      expect(d.session.tls?.offered?.versions.at(-1)).toBe(version);
      expect(codes(d)).toEqual(['TLS_VERSION_UNSUPPORTED']);
      expect(d.findings[0]?.predicted).toBe(true);
      expect(d.findings[0]?.params?.version).toBe(`TLS ${version}`);
      expect(d.verdict).toBe('fail');
    },
  );

  it.each([
    ['tlsv1_2', 'TLSv1.2', 'LOGIN'],
    ['tlsv1_3', 'TLSv1.3', 'PLAIN'],
  ] as const)('STARTTLS %s with AUTH %s, From = login: no findings', async (proto, negotiated, mech) => {
    const ehlo = `mfp-ok-${proto.replace('_', '-')}.contoso.local`;
    const pw = `Good${mech}pw42`;
    const r = await swaks(port(sub), [...base(ehlo), '--tls', '--tls-protocol', proto, ...auth(mech, pw)]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.tls?.protocol).toBe(negotiated);
    expect(d.session.auth).toMatchObject({
      mechanism: mech,
      user: USER,
      passwordSent: true,
      passwordLength: pw.length,
      riskyCharacters: [],
    });
    expect(d.session.messages[0]).toMatchObject({
      mailFrom: USER,
      rcptTo: ['boss@contoso.com'],
      bareLf: 0,
      bareCr: 0,
    });
    expect(d.session.messages[0]?.headers.some((h) => h.name === 'Subject')).toBe(true);
    expect(codes(d)).toEqual([]);
    expect(d.verdict).toBe('pass');
  });

  it('From different from the login mailbox: SEND_AS_DENIED (predicted) naming both', async () => {
    const ehlo = 'mfp-sendas.contoso.local';
    const r = await swaks(port(sub), [
      '--to',
      'boss@contoso.com',
      '--from',
      'scans@contoso.com',
      '--helo',
      ehlo,
      '--tls',
      ...auth('LOGIN', 'SendAs-pw-77'),
    ]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(codes(d)).toEqual(['SEND_AS_DENIED']);
    expect(d.findings[0]).toMatchObject({
      predicted: true,
      params: { sender: 'scans@contoso.com', mailbox: USER },
    });
  });

  it('no AUTH on submission: CLIENT_NOT_AUTHENTICATED', async () => {
    const ehlo = 'mfp-noauth.contoso.local';
    const r = await swaks(port(sub), [...base(ehlo), '--tls']);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.auth).toBeNull();
    expect(codes(d)).toEqual(['CLIENT_NOT_AUTHENTICATED']);
  });

  it('no STARTTLS on submission, AUTH in the clear: STARTTLS_REQUIRED', async () => {
    const ehlo = 'mfp-plain.contoso.local';
    const r = await swaks(port(sub), [...base(ehlo), ...auth('PLAIN', 'Plain-text-pw9')]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.tls).toBeNull();
    expect(codes(d)).toEqual(['STARTTLS_REQUIRED']);
  });

  it('implicit TLS ("SSL", port 465): PORT_465_UNSUPPORTED', async () => {
    const ehlo = 'mfp-ssl.contoso.local';
    const r = await swaks(port(sub, true), [...base(ehlo), '--tlsc', ...auth('LOGIN', 'Implicit-pw-5')]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.tls?.mode).toBe('implicit');
    expect(d.session.tls?.offered?.versions).toContain('1.2');
    expect(codes(d)).toEqual(['PORT_465_UNSUPPORTED']);
  });

  it('TLS 1.2 offering only RSA key exchange: TLS_CIPHER_MISMATCH', async () => {
    const ehlo = 'mfp-rsa.contoso.local';
    const r = await swaks(port(sub), [
      ...base(ehlo),
      '--tls',
      '--tls-protocol',
      'tlsv1_2',
      '--tls-cipher',
      'AES128-SHA:AES256-GCM-SHA384',
      ...auth('LOGIN', 'Rsa-only-pw-3'),
    ]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.tls?.offered?.kex).toEqual({ ecdhe: false, dhe: false, rsa: true, tls13: false });
    expect(d.session.tls?.offered?.ciphers).toContain('AES128-SHA (0x002f)');
    expect(codes(d)).toEqual(['TLS_CIPHER_MISMATCH']);
  });

  it('password with characters old firmware mangles: counted and flagged, never kept', async () => {
    const ehlo = 'mfp-risky.contoso.local';
    const pw = 'p&ss w%rd+"\\é';
    const r = await swaks(port(sub), [...base(ehlo), '--tls', ...auth('PLAIN', pw)]);
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.auth?.passwordLength).toBe([...pw].length);
    expect(d.session.auth?.riskyCharacters).toEqual([
      'non-ascii',
      '&',
      '%',
      '+',
      'space',
      'quote',
      'backslash',
    ]);
    expect(codes(d)).toEqual(['AUTH_FAILED']);
    expect(d.verdict).toBe('warn');
  });

  it('attachment names/types and a message over the upstream limit: MESSAGE_TOO_LARGE', async () => {
    const ehlo = 'mfp-big.contoso.local';
    const dir = mkdtempSync(path.join(tmpdir(), 'dmd-capture-att-'));
    const file = path.join(dir, 'scan.pdf');
    writeFileSync(file, Buffer.alloc(250_000, 0x25));
    const r = await swaks(port(sub), [
      ...base(ehlo),
      '--tls',
      ...auth('LOGIN', 'Big-scan-pw-1'),
      '--attach-type',
      'application/pdf',
      '--attach-name',
      'scan 0001.pdf',
      '--attach',
      `@${file}`,
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.exit, r.out).toBe(0);
    const d = await sessionFor(sub, ehlo);
    expect(d.session.messages[0]?.attachments).toEqual([{ name: 'scan 0001.pdf', type: 'application/pdf' }]);
    expect(d.session.messages[0]?.size).toBeGreaterThan(250_000);
    expect(codes(d)).toEqual(['MESSAGE_TOO_LARGE']);
  });

  it('direct-send to an external recipient: RELAY_DENIED; internal only: clean', async () => {
    const ext = await swaks(port(direct), [
      '--to',
      'friend@fabrikam.example',
      '--from',
      'copier@contoso.com',
      '--helo',
      'mfp-ext.contoso.local',
    ]);
    const int = await swaks(port(direct), [
      '--to',
      'boss@contoso.com',
      '--from',
      'copier@contoso.com',
      '--helo',
      'mfp-int.contoso.local',
    ]);
    expect(ext.exit + int.exit).toBe(0);
    expect(codes(await sessionFor(direct, 'mfp-ext.contoso.local'))).toEqual(['RELAY_DENIED']);
    expect(codes(await sessionFor(direct, 'mfp-int.contoso.local'))).toEqual([]);
  });
});

describePeers('openssl s_client as the device', OPENSSL_MISSING, () => {
  it('-starttls smtp -tls1: TLS 1.0 negotiated and offered, TLS_VERSION_UNSUPPORTED', async () => {
    const r = await opensslStarttls(port(sub), ['-tls1', '-cipher', 'DEFAULT@SECLEVEL=0']);
    expect(r.out).toMatch(/Protocol\s*:\s*TLSv1\b/);
    const d = await sessionFor(sub, 'mfp-openssl.example');
    expect(d.session.tls?.protocol).toBe('TLSv1');
    expect(d.session.tls?.offered?.versions).toEqual(['1.0']);
    expect(codes(d)).toEqual(['TLS_VERSION_UNSUPPORTED']);
  });

  it('a handshake that cannot complete (NULL cipher only) is still recorded with the offer: TLS_HANDSHAKE_FAILED', async () => {
    await opensslStarttls(
      port(sub),
      ['-tls1_2', '-cipher', 'NULL-SHA:@SECLEVEL=0'],
      'mfp-nullcipher.example',
    );
    const d = await sessionFor(sub, 'mfp-nullcipher.example');
    expect(d.session.tls).toMatchObject({ mode: 'starttls', protocol: null, cipher: null });
    expect(d.session.tls?.offered?.ciphers).toContain('0x0002');
    expect(codes(d)).toEqual(['TLS_HANDSHAKE_FAILED']);
  });
});

describe('a raw client as firmware that sends bare line feeds', () => {
  it('bare LF (and a bare CR) in the message: BARE_LINEFEED with counts', async () => {
    const body =
      'From: copier@contoso.com\r\nTo: boss@contoso.com\r\nSubject: scan\r\n\r\nline one\nline two\nline three\rend\r\n.\r\n';
    await rawSession(port(direct), [
      { send: 'EHLO mfp-barelf.contoso.local\r\n', expect: /^250/ },
      { send: 'MAIL FROM:<copier@contoso.com>\r\n', expect: /^250/ },
      { send: 'RCPT TO:<boss@contoso.com>\r\n', expect: /^250/ },
      { send: 'DATA\r\n', expect: /^354/ },
      { send: body, expect: /^250/ },
      { send: 'QUIT\r\n', expect: /^221/ },
    ]);
    const d = await sessionFor(direct, 'mfp-barelf.contoso.local');
    expect(d.session.messages[0]).toMatchObject({ bareLf: 2, bareCr: 1 });
    expect(codes(d)).toEqual(['BARE_LINEFEED']);
  });
});

describe('plain SMTP spoken to the implicit-TLS port', () => {
  it('is recorded as a session of its own: PORT_465_UNSUPPORTED and TLS_MODE_MISMATCH', async () => {
    const before = sub.sessions.length;
    const sock = net.connect(port(sub, true), '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write('EHLO mfp-plain-on-465.contoso.local\r\n');
    await new Promise((r) => sock.once('close', r));
    const all = await sub.waitFor(before + 1, SESSION_WAIT_MS);
    const d = all.find((x) => x.session.tls?.mode === 'implicit' && x.session.tls.protocol === null);
    expect(d?.session.tls?.note).toMatch(/not a TLS handshake/);
    expect(d ? codes(d) : []).toEqual(['PORT_465_UNSUPPORTED', 'TLS_MODE_MISMATCH']);
  });
});

describe('what the capture keeps', () => {
  it('no password of any session appears in any recorded session, in any encoding', () => {
    const text = JSON.stringify([...sub.sessions, ...direct.sessions]);
    expect(passwords.length).toBeGreaterThan(5);
    for (const pw of passwords)
      expect(findSecret(text, secretForms({ user: USER, password: pw }))).toBeNull();
  });
});
