// Certificates the lab generates at every start (never committed): a lab CA that signs the "Microsoft" leaves,
// and a separate "inspection" CA for the intercepting-proxy scenario, whose certificate is NOT exposed as caPem,
// so a client trusting only the lab CA sees what it would see behind a TLS-inspecting firewall.
// node-forge builds the X.509 structures; node's crypto generates the RSA keys (much faster than forge's).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** RSA modulus size of every lab key, in bits (2048: accepted at OpenSSL security level 2). */
const RSA_BITS = 2048;
/** Validity of lab certificates, in days before and after "now" (clock skew on the test machine). */
const VALID_BEFORE_DAYS = 1;
const VALID_AFTER_DAYS = 30;

export const LAB_CA_NAME = 'Device Mail Doctor Lab CA';
export const INSPECTION_CA_NAME = 'Device Mail Doctor Lab Inspection CA (simulated firewall TLS inspection)';

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

export interface LabCertificates {
  /** The lab CA (trust it via --ca / extraCaPem). */
  caPem: string;
  /** Leaf for smtp.office365.com (submission endpoint). */
  submission: KeyAndCert;
  /** Leaf for *.mail.protection.outlook.com (MX endpoint). */
  mx: KeyAndCert;
  /** Inspection CA (not trusted by anyone) and its leaf covering both names. */
  inspectionCaPem: string;
  inspection: KeyAndCert;
}

interface Issuer {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function newKeyPair(): { privatePem: string; privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privatePem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function baseCert(publicKey: forge.pki.rsa.PublicKey, subject: forge.pki.CertificateField[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive serial: leading byte below 0x80.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - VALID_BEFORE_DAYS * 86_400_000);
  cert.validity.notAfter = new Date(now + VALID_AFTER_DAYS * 86_400_000);
  cert.setSubject(subject);
  return cert;
}

function makeCa(commonName: string): Issuer & { certPem: string } {
  const keys = newKeyPair();
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Device Mail Doctor Lab (simulation, not Microsoft)' },
  ];
  const cert = baseCert(keys.publicKey, subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey, certPem: forge.pki.certificateToPem(cert) };
}

function makeLeaf(issuer: Issuer, commonName: string, dnsNames: string[], keys: ReturnType<typeof newKeyPair>): KeyAndCert {
  const cert = baseCert(keys.publicKey, [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Device Mail Doctor Lab (simulation, not Microsoft)' },
  ]);
  cert.setIssuer(issuer.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: dnsNames.map((value) => ({ type: 2, value })) },
  ]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return { keyPem: keys.privatePem, certPem: forge.pki.certificateToPem(cert) };
}

/** Generates every lab certificate (about a second of CPU: four RSA keys). */
export function generateLabCertificates(): LabCertificates {
  const ca = makeCa(LAB_CA_NAME);
  const inspectionCa = makeCa(INSPECTION_CA_NAME);
  // One leaf key per CA is enough for a lab: the names differ, the key does not matter to any check.
  const labLeafKey = newKeyPair();
  const inspectionLeafKey = newKeyPair();
  return {
    caPem: ca.certPem,
    submission: makeLeaf(ca, 'smtp.office365.com', ['smtp.office365.com', 'outlook.office365.com'], labLeafKey),
    mx: makeLeaf(ca, 'mail.protection.outlook.com', ['*.mail.protection.outlook.com', 'mail.protection.outlook.com'], labLeafKey),
    inspectionCaPem: inspectionCa.certPem,
    inspection: makeLeaf(
      inspectionCa,
      'smtp.office365.com',
      ['smtp.office365.com', '*.mail.protection.outlook.com'],
      inspectionLeafKey,
    ),
  };
}
