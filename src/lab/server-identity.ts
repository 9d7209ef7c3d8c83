// The names and ids an Exchange Online front end shows: banner host, the host in the `[HOST timestamp id]`
// suffix, and the 16-hex session id. Each connection picks one front end, as a real load balancer would.
import { randomBytes, randomInt } from 'node:crypto';
import { MAX_MESSAGE_BYTES } from '../shared/exchange-online';
import { maskBanner, rfc1123 } from './replies';

/** Front-end server names in the Japan region (shape of real names; not real servers). */
const SUBMISSION_SERVERS = ['TYCPR01CA0042', 'TY2PR01CA0017', 'OS3P286CA0093', 'TYAPR01CA0165'] as const;
const MX_SERVERS = ['TYZAPC01FT012', 'OSZAPC01FT041', 'TY2PEPF00000A4C'] as const;

/** Extensions Exchange Online lists before TLS, in its order (the second line on is `250-`, the last `250 `). */
const PRE_TLS_EXTENSIONS = [
  `SIZE ${MAX_MESSAGE_BYTES}`,
  'PIPELINING',
  'DSN',
  'ENHANCEDSTATUSCODES',
  'STARTTLS',
  '8BITMIME',
  'BINARYMIME',
  'CHUNKING',
  'SMTPUTF8',
];

export interface ServerIdentity {
  bannerHost: string;
  suffixHost: string;
  sessionId: string;
}

export function pickIdentity(endpoint: 'submission' | 'mx'): ServerIdentity {
  const sessionId = `08DD${randomBytes(6).toString('hex').toUpperCase()}`;
  if (endpoint === 'submission') {
    const name = SUBMISSION_SERVERS[randomInt(SUBMISSION_SERVERS.length)] ?? SUBMISSION_SERVERS[0];
    return {
      bannerHost: `${name}.outlook.office365.com`,
      suffixHost: `${name}.jpnprd01.prod.outlook.com`,
      sessionId,
    };
  }
  const name = MX_SERVERS[randomInt(MX_SERVERS.length)] ?? MX_SERVERS[0];
  return {
    bannerHost: `${name}.mail.protection.outlook.com`,
    suffixHost: `${name}.eop-APC01.prod.protection.outlook.com`,
    sessionId,
  };
}

export function banner(id: ServerIdentity, intercept: boolean, now: Date = new Date()): string {
  const text = `220 ${id.bannerHost} Microsoft ESMTP MAIL Service ready at ${rfc1123(now)} [${id.sessionId}]`;
  return intercept ? `220 ${maskBanner(text.slice(4))}` : text;
}

export interface EhloState {
  endpoint: 'submission' | 'mx';
  tls: boolean;
  intercept: boolean;
  clientIp: string;
}

/** The EHLO reply lines (already joined with CRLF, no trailing CRLF). */
export function ehloReply(id: ServerIdentity, s: EhloState): string {
  const host = s.intercept ? maskBanner(id.bannerHost) : id.bannerHost;
  let ext = PRE_TLS_EXTENSIONS.filter((e) => !(s.tls && e === 'STARTTLS'));
  if (s.tls && s.endpoint === 'submission') {
    const at = ext.indexOf('ENHANCEDSTATUSCODES') + 1;
    ext = [...ext.slice(0, at), 'AUTH LOGIN XOAUTH2', ...ext.slice(at)];
  }
  if (s.intercept) {
    // An inspecting firewall masks what it does not understand and offers only the AUTH it relays.
    let n = 0;
    ext = ext.map((e) => {
      if (e === 'AUTH LOGIN XOAUTH2') return 'AUTH LOGIN';
      if (['DSN', 'BINARYMIME', 'CHUNKING', 'SMTPUTF8'].includes(e))
        return `XXXXXXX${String.fromCharCode(65 + n++)}`;
      return e;
    });
  }
  const lines = [`${host} Hello [${s.clientIp}]`, ...ext];
  return lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join('\r\n');
}

export function heloReply(id: ServerIdentity, clientIp: string): string {
  return `250 ${id.bannerHost} Hello [${clientIp}]`;
}
