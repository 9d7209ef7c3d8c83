// Node / OpenSSL / nodemailer error objects → findings. Duck-typed (no Node imports): reads code, reason,
// message, response (nodemailer's SMTP reply), hostname/address/port, AggregateError.errors and cause.
import type { FindingRef } from '../model';
import type { FindingCode } from './codes';
import { classifyText } from './classify-text';
import { isMicrosoft365Name } from './m365-names';
import { ERROR_CODE_RULES as BY_CODE, ERROR_REASON_RULES as BY_REASON } from './rules';

/** How deep `cause` / `errors` chains are followed. */
const MAX_DEPTH = 3;
/** Most nested errors (AggregateError.errors) examined per level. */
const MAX_NESTED = 8;

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
  const evidence = [
    [code, message]
      .filter((s) => s !== undefined && s !== '')
      .join(': ')
      .slice(0, 500),
  ];
  // nodemailer carries the server's reply: the reply is the better evidence.
  const response = str(e.response);
  if (response !== undefined) {
    const fromReply = classifyText(response);
    if (fromReply.length > 0) return fromReply;
  }
  if (/greeting never received/i.test(message)) {
    return [{ code: 'BANNER_TIMEOUT', params: baseParams(e, 'greeting never received'), evidence }];
  }
  let byCode: FindingCode | undefined = code !== undefined ? BY_CODE[code] : undefined;
  // A resolver query (syscall queryA, queryMx, ...) refused or reset: no DNS server answered, not the mail server.
  if ((code === 'ECONNREFUSED' || code === 'ECONNRESET') && /^query/i.test(str(e.syscall) ?? ''))
    byCode = 'DNS_UNREACHABLE';
  if (byCode === 'DNS_NAME_NOT_FOUND' && isMicrosoft365Name(str(e.hostname) ?? ''))
    byCode = 'DNS_M365_NAME_UNRESOLVED';
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
