// Certificates the lab generates at every start (never committed): a lab CA that signs the "Microsoft" leaves,
// and a separate "inspection" CA for the intercepting-proxy scenario, whose certificate is NOT exposed as caPem,
// so a client trusting only the lab CA sees what it would see behind a TLS-inspecting firewall.
// node-forge builds the X.509 structures; node's crypto generates the RSA keys (much faster than forge's).
import { generateKeyPair, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { SUBMISSION_HOST } from '../shared/exchange-online';

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
  /** Leaf for login.microsoftonline.com (the lab's identity platform, HTTPS). */
  identity: KeyAndCert;
  /** A certificate the lab's confidential app registration holds (client credentials with a certificate). */
  appClient: KeyAndCert;
}

interface Issuer {
  cert: forge.pki.Certificate;
  keyPem: string;
}

/** forge's cert.sign() without its pure-JS RSA (~0.3 s per signature on a busy machine): same steps, node's crypto. */
function signCert(cert: forge.pki.Certificate, issuerKeyPem: string): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption ?? '1.2.840.113549.1.1.11';
  cert.signatureOid = oid;
  (cert as unknown as { siginfo: { algorithmOid: string } }).siginfo.algorithmOid = oid;
  // getTBSCertificate is public in forge but missing from @types/node-forge.
  const pki = forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 };
  const tbs = pki.getTBSCertificate(cert);
  (cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate = tbs;
  const der = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', der, issuerKeyPem).toString('binary');
}

const generateKeyPairAsync = promisify(generateKeyPair);

interface KeyPair {
  privatePem: string;
  publicKey: forge.pki.rsa.PublicKey;
}

/** Key generation runs on libuv's thread pool, so the four keys are made in parallel. */
async function newKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privatePem: privateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function baseCert(
  publicKey: forge.pki.rsa.PublicKey,
  subject: forge.pki.CertificateField[],
): forge.pki.Certificate {
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

function makeCa(commonName: string, keys: KeyPair): Issuer & { certPem: string } {
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
  signCert(cert, keys.privatePem);
  return { cert, keyPem: keys.privatePem, certPem: forge.pki.certificateToPem(cert) };
}

function makeLeaf(issuer: Issuer, commonName: string, dnsNames: string[], keys: KeyPair): KeyAndCert {
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
  signCert(cert, issuer.keyPem);
  return { keyPem: keys.privatePem, certPem: forge.pki.certificateToPem(cert) };
}

let keysOnce: Promise<[KeyPair, KeyPair, KeyPair, KeyPair]> | undefined;

/** Generates every lab certificate (three RSA keys, made in parallel). */
export async function generateLabCertificates(): Promise<LabCertificates> {
  // One key for all leaves is enough for a lab: names and issuers differ, the key does not matter to any check.
  // RSA key generation dominates start-up (seconds on a busy machine), so a process makes its keys once;
  // certificates (serials, validity) are still new for every lab.
  if (!keysOnce) {
    keysOnce = Promise.all([newKeyPair(), newKeyPair(), newKeyPair(), newKeyPair()]);
    keysOnce.catch(() => (keysOnce = undefined)); // a failed attempt is not cached
  }
  const [caKey, inspectionCaKey, leafKey, appKey] = await keysOnce;
  const labLeafKey = leafKey;
  const inspectionLeafKey = leafKey;
  const ca = makeCa(LAB_CA_NAME, caKey);
  const inspectionCa = makeCa(INSPECTION_CA_NAME, inspectionCaKey);
  return {
    caPem: ca.certPem,
    submission: makeLeaf(ca, SUBMISSION_HOST, [SUBMISSION_HOST, 'outlook.office365.com'], labLeafKey),
    mx: makeLeaf(
      ca,
      'mail.protection.outlook.com',
      ['*.mail.protection.outlook.com', 'mail.protection.outlook.com'],
      labLeafKey,
    ),
    identity: makeLeaf(ca, 'login.microsoftonline.com', ['login.microsoftonline.com'], labLeafKey),
    // Own key: the app's private key is handed to the client (tests write it to a file), unlike the servers' key.
    appClient: makeLeaf(ca, 'Device Mail Doctor Lab App', ['lab-app.invalid'], appKey),
    inspectionCaPem: inspectionCa.certPem,
    inspection: makeLeaf(
      inspectionCa,
      SUBMISSION_HOST,
      [SUBMISSION_HOST, '*.mail.protection.outlook.com'],
      inspectionLeafKey,
    ),
  };
}
