// Server-side TLS settings per endpoint and scenario. Built once at start; a session picks its context when it
// is accepted, so setScenario() affects new connections only.
import tls from 'node:tls';
import type { LabCertificates } from './certs';

/** Exchange Online's TLS 1.2 suites: ECDHE key exchange only (devices offering only RSA kx fail against it). */
export const ECDHE_ONLY_CIPHERS = [
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES128-SHA256',
].join(':');

/**
 * Default submission endpoint: the TLS 1.2 suites above plus ECDHE CBC-SHA1 suites, the only ECDHE suites TLS 1.0/1.1
 * can use, at security level 0 (OpenSSL 3 refuses TLS 1.0/1.1 above it). Exchange completes an old-TLS handshake and
 * refuses the next command with 421 4.7.66 (see smtp-session.ts); RSA key exchange stays refused on every version.
 */
export const SUBMISSION_CIPHERS = `${ECDHE_ONLY_CIPHERS}:ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0`;

/** Protocols (as node's getProtocol() names them) the default submission endpoint refuses after the handshake. */
export const REFUSED_AFTER_HANDSHAKE: ReadonlySet<string> = new Set(['TLSv1', 'TLSv1.1']);

/** rsa-only-ciphers scenario: TLS 1.2 with plain RSA key exchange only (no forward secrecy, no TLS 1.3). */
export const RSA_ONLY_CIPHERS = [
  'AES256-GCM-SHA384',
  'AES128-GCM-SHA256',
  'AES256-SHA256',
  'AES128-SHA256',
  'AES128-SHA',
].join(':');

/** legacy-tls10 scenario: OpenSSL 3 refuses TLS 1.0/1.1 above security level 0 (SHA-1 handshake signatures). */
export const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

export type SubmissionTlsProfile = 'modern' | 'legacy-tls10' | 'rsa-only';

export interface TlsProfiles {
  submission: Record<SubmissionTlsProfile, tls.SecureContext>;
  mx: tls.SecureContext;
  inspection: tls.SecureContext;
}

export function buildTlsProfiles(certs: LabCertificates): TlsProfiles {
  const sub = { key: certs.submission.keyPem, cert: certs.submission.certPem };
  return {
    submission: {
      modern: tls.createSecureContext({ ...sub, minVersion: 'TLSv1', ciphers: SUBMISSION_CIPHERS }),
      'legacy-tls10': tls.createSecureContext({
        ...sub,
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.1',
        ciphers: LEGACY_CIPHERS,
      }),
      'rsa-only': tls.createSecureContext({
        ...sub,
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        ciphers: RSA_ONLY_CIPHERS,
      }),
    },
    mx: tls.createSecureContext({
      key: certs.mx.keyPem,
      cert: certs.mx.certPem,
      minVersion: 'TLSv1.2',
      ciphers: ECDHE_ONLY_CIPHERS,
    }),
    inspection: tls.createSecureContext({
      key: certs.inspection.keyPem,
      cert: certs.inspection.certPem,
      minVersion: 'TLSv1.2',
    }),
  };
}
