// The app's certificate credential for client credentials: the renderer sends the text of the file(s) the
// technician chose (a PEM with the certificate and its private key, or the two files together); here it is split,
// parsed and checked to belong together. Nothing is written anywhere: the key lives only for this one request.
import { X509Certificate, createPrivateKey } from 'node:crypto';

/** Largest certificate + key text accepted, in characters (a 4096-bit RSA key and its certificate are ~6 k). */
export const MAX_CLIENT_CERT_CHARS = 65_536;

const CERT_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY_RE = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;
const ENCRYPTED_RE = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

export type ClientCertParsed =
  | { ok: true; certPem: string; keyPem: string; thumbprintSha256: string; notAfter: string }
  | { ok: false; reason: string };

/** Splits and checks a PEM certificate + private key; the reason never quotes the text. */
export function parseClientCert(text: string, nowMs: number = Date.now()): ClientCertParsed {
  if (text.length > MAX_CLIENT_CERT_CHARS)
    return { ok: false, reason: `the certificate file is larger than ${MAX_CLIENT_CERT_CHARS} characters` };
  const certPem = CERT_RE.exec(text)?.[0];
  if (!certPem)
    return { ok: false, reason: 'no certificate (-----BEGIN CERTIFICATE-----) in the chosen file(s)' };
  if (ENCRYPTED_RE.test(text))
    return {
      ok: false,
      reason: 'the private key is encrypted with a passphrase; choose an unencrypted PEM key',
    };
  const keyPem = KEY_RE.exec(text)?.[0];
  if (!keyPem)
    return {
      ok: false,
      reason: 'no private key (-----BEGIN PRIVATE KEY-----) in the chosen file(s): choose the key file too',
    };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return { ok: false, reason: 'the certificate could not be read (not a valid X.509 PEM)' };
  }
  // Entra refuses an expired certificate with an AADSTS code the technician cannot act on; say it plainly first.
  const notAfter = Date.parse(cert.validTo);
  if (Number.isFinite(notAfter) && notAfter < nowMs)
    return {
      ok: false,
      reason: `the certificate expired on ${new Date(notAfter).toISOString().slice(0, 10)}; upload a current certificate to the app registration and choose it here`,
    };
  try {
    if (!cert.checkPrivateKey(createPrivateKey(keyPem)))
      return { ok: false, reason: 'the private key does not belong to the certificate' };
  } catch {
    return { ok: false, reason: 'the private key could not be read (not a valid PEM key)' };
  }
  return {
    ok: true,
    certPem,
    keyPem,
    thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    notAfter: new Date(cert.validTo).toISOString(),
  };
}

/** The forms of the key that the secret gate must look for: the PEM and its base64 body on one line. */
export function keySecretForms(keyPem: string): string[] {
  const body = keyPem
    .split('\n')
    .filter((l) => !l.startsWith('-----') && !l.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  return [keyPem, body].filter((s) => s.length > 0);
}
