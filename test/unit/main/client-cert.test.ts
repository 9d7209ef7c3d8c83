// The certificate credential as the app reads it from the chosen file(s): split into certificate and key, checked
// to belong together and to be current; every refusal says what to do and never quotes the key.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { keySecretForms, MAX_CLIENT_CERT_CHARS, parseClientCert } from '../../../src/main/oauth/client-cert';

/** A self-signed certificate for `keyPem`, valid between the two dates. */
function certFor(keyPem: string, from: Date, to: Date): string {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = from;
  cert.validity.notAfter = to;
  const name = [{ name: 'commonName', value: 'Test App' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

const rsa = () =>
  generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
const keyPem = rsa();
const now = Date.parse('2026-12-02T00:00:00Z');
const current = certFor(keyPem, new Date('2026-01-01'), new Date('2027-01-01'));

describe('parseClientCert', () => {
  it('accepts the certificate and key in one text, in either order, and gives the SHA-256 thumbprint', () => {
    for (const text of [`${current}\n${keyPem}`, `${keyPem}\n${current}`]) {
      const r = parseClientCert(text, now);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) continue;
      expect(r.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r.notAfter).toBe('2027-01-01T00:00:00.000Z');
      expect(r.keyPem).toContain('BEGIN RSA PRIVATE KEY');
    }
  });

  it('refuses an expired certificate, a foreign key, a missing part, an encrypted key and an oversized text', () => {
    const expired = certFor(keyPem, new Date('2020-01-01'), new Date('2021-01-01'));
    const cases: [string, RegExp][] = [
      [`${expired}\n${keyPem}`, /expired on 2021-01-01/],
      [`${current}\n${rsa()}`, /does not belong/],
      [current, /no private key/],
      [keyPem, /no certificate/],
      [
        `${current}\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n`,
        /encrypted/,
      ],
      ['x'.repeat(MAX_CLIENT_CERT_CHARS + 1), /larger than/],
      [
        `-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n${keyPem}`,
        /could not be read/,
      ],
    ];
    const keyLine = keyPem.split('\n')[1] ?? '-';
    for (const [text, reason] of cases) {
      const r = parseClientCert(text, now);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toMatch(reason);
      expect(r.reason).not.toContain(keyLine);
    }
  });

  it('gives the key forms the secret gate looks for: the PEM and its base64 body on one line', () => {
    const [pem, body] = keySecretForms(keyPem);
    expect(pem).toBe(keyPem);
    expect(body).toMatch(/^[A-Za-z0-9+/=]{400,}$/);
    expect(keyPem.replace(/-----[^-]+-----|\s/g, '')).toBe(body);
  });
});
