// Node / OpenSSL / nodemailer error objects → findings. Duck-typed (no Node imports): reads code, reason,
// message, response (nodemailer's SMTP reply), hostname/address/port, AggregateError.errors and cause.
import type { FindingRef } from '../model';
import type { FindingCode } from './codes';
import { classifyText } from './classify';
import { isMicrosoft365Name } from './m365-names';

/** How deep `cause` / `errors` chains are followed. */
const MAX_DEPTH = 3;
/** Most nested errors (AggregateError.errors) examined per level. */
const MAX_NESTED = 8;

const BY_CODE: Record<string, FindingCode> = {
  ECONNREFUSED: 'TCP_REFUSED',
  ETIMEDOUT: 'TCP_TIMEOUT',
  ECONNABORTED: 'CONNECTION_DROPPED',
  EHOSTUNREACH: 'TCP_UNREACHABLE',
  ENETUNREACH: 'TCP_UNREACHABLE',
  EHOSTDOWN: 'TCP_UNREACHABLE',
  ENOTFOUND: 'DNS_NAME_NOT_FOUND',
  ENODATA: 'DNS_NAME_NOT_FOUND',
  EAI_AGAIN: 'DNS_UNREACHABLE',
  ETIMEOUT: 'DNS_UNREACHABLE',
  ESERVFAIL: 'DNS_FAILURE',
  ECONNRESET: 'CONNECTION_DROPPED',
  EPIPE: 'CONNECTION_DROPPED',
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_CERT_UNTRUSTED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_CERT_UNTRUSTED',
  CERT_UNTRUSTED: 'TLS_CERT_UNTRUSTED',
  CERT_SIGNATURE_FAILURE: 'TLS_CERT_UNTRUSTED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_CERT_NAME_MISMATCH',
  HOSTNAME_MISMATCH: 'TLS_CERT_NAME_MISMATCH',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_MODE_MISMATCH',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'TLS_VERSION_UNSUPPORTED',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'TLS_CIPHER_MISMATCH',
  ERR_SSL_NO_SHARED_CIPHER: 'TLS_CIPHER_MISMATCH',
};

/** OpenSSL reason strings (err.reason / in the message), checked in this order. */
const BY_REASON: [RegExp, FindingCode][] = [
  [/wrong version number|packet length too long|http request/i, 'TLS_MODE_MISMATCH'],
  [/unsupported protocol|no protocols available|alert protocol version/i, 'TLS_VERSION_UNSUPPORTED'],
  [/alert handshake failure|no shared cipher|no ciphers available/i, 'TLS_CIPHER_MISMATCH'],
];

type ErrorLike = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function baseParams(e: ErrorLike, reason: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  const host = str(e.hostname) ?? str(e.host) ?? str(e.address);
  if (host !== undefined) params.host = host;
  const port = str(e.port);
  if (port !== undefined) params.port = port;
  if (reason !== undefined) params.reason = reason;
  return params;
}

function classifyOne(e: ErrorLike, depth: number): FindingRef[] {
  const message = str(e.message) ?? '';
  const code = str(e.code);
  const reason = str(e.reason);
  const evidence = [[code, message].filter((s) => s !== undefined && s !== '').join(': ').slice(0, 500)];
  // nodemailer carries the server's reply: the reply is the better evidence.
  const response = str(e.response);
  if (response !== undefined) {
    const fromReply = classifyText(response);
    if (fromReply.length > 0) return fromReply;
  }
  if (/greeting never received/i.test(message)) {
    return [{ code: 'BANNER_TIMEOUT', params: baseParams(e, 'greeting never received'), evidence }];
  }
  let byCode = code !== undefined ? BY_CODE[code] : undefined;
  // A resolver query (syscall queryA, queryMx, ...) refused or reset: no DNS server answered, not the mail server.
  if ((code === 'ECONNREFUSED' || code === 'ECONNRESET') && /^query/i.test(str(e.syscall) ?? '')) byCode = 'DNS_UNREACHABLE';
  if (byCode === 'DNS_NAME_NOT_FOUND' && isMicrosoft365Name(str(e.hostname) ?? '')) byCode = 'DNS_M365_NAME_UNRESOLVED';
  if (byCode !== undefined) return [{ code: byCode, params: baseParams(e, reason ?? code), evidence }];
  for (const [re, found] of BY_REASON) {
    const m = re.exec(`${reason ?? ''} ${message}`);
    if (m) return [{ code: found, params: baseParams(e, reason ?? m[0]), evidence }];
  }
  const nested: FindingRef[] = [];
  if (depth < MAX_DEPTH) {
    if (Array.isArray(e.errors)) {
      for (const sub of e.errors.slice(0, MAX_NESTED)) nested.push(...classifyAt(sub, depth + 1));
    }
    if (nested.length === 0 && e.cause !== undefined) nested.push(...classifyAt(e.cause, depth + 1));
  }
  if (nested.length > 0) return nested;
  return message !== '' ? classifyText(message) : [];
}

function classifyAt(err: unknown, depth: number): FindingRef[] {
  if (typeof err === 'string') return classifyText(err);
  if (err === null || typeof err !== 'object') return [];
  return classifyOne(err as ErrorLike, depth);
}

/** Classifies a thrown/emitted error (socket, DNS, TLS, nodemailer). Unknown errors give no findings. */
export function classifyError(err: unknown): FindingRef[] {
  const seen = new Set<string>();
  return classifyAt(err, 0).filter((f) => (seen.has(f.code) ? false : (seen.add(f.code), true)));
}
