// The listener's certificate, made on the spot at every start (never written to disk): a self-signed RSA leaf
// naming the addresses the technician listens on. RSA (not ECDSA) so that devices offering only RSA key
// exchange can still complete the handshake and show us what they negotiate.
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** RSA modulus size, in bits (2048: old device stacks handle it, OpenSSL level 2 accepts it). */
const RSA_BITS = 2048;
/** Validity, in days before and after now (tolerates a skewed device clock both ways). */
const VALID_BEFORE_DAYS = 2;
const VALID_AFTER_DAYS = 30;
export const CAPTURE_CERT_CN = 'Device Mail Doctor capture';

export interface CaptureCertificate {
  keyPem: string;
  certPem: string;
  /** SHA-256 fingerprint, to show the technician (some devices display it). */
  fingerprint256: string;
}

/** `names`: IP addresses and host names to put in subjectAltName (wildcard addresses are skipped). */
export function generateCaptureCertificate(names: readonly string[]): CaptureCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - VALID_BEFORE_DAYS * 86_400_000);
  cert.validity.notAfter = new Date(now + VALID_AFTER_DAYS * 86_400_000);
  const subject = [{ name: 'commonName', value: CAPTURE_CERT_CN }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  const altNames = [...new Set(names)]
    .filter((n) => n !== '' && n !== '0.0.0.0' && n !== '::')
    .map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    ...(altNames.length ? [{ name: 'subjectAltName', altNames }] : []),
  ]);
  // forge signs with its own RSA (a few hundred ms once per start): fine for one certificate.
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { keyPem: privateKey, certPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
