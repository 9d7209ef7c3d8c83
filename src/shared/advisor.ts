// Method advisor (pure): from what the technician knows about the device and tenant → the three ways to send
// (seed 001: SMTP AUTH client submission, Direct Send, SMTP relay), ranked, with reasons and exact settings.
// No zod here: the engine's `auto` recommendation runs it on `diagnose`'s path; methods.ts adds the input schema.
import {
  BASIC_AUTH_DEFAULT_OFF,
  LEGACY_MX_SUFFIX,
  SPF_EXCHANGE_INCLUDE,
  SUBMISSION_HOST,
} from './exchange-online';
import { interpolate } from './findings/catalog';
import { REASON_TEXTS, SETTING_TEXTS, type LocalText, type ReasonCode } from './findings/method-texts';
import { adviseHve, type HveAdvice } from './hve';
import type { CipherFamily, Method, TlsVersion } from './model';

export type { LocalText, ReasonCode } from './findings/method-texts';

/** What the advisor is told about the device and tenant. Its schema (AdvisorInputSchema, zod) is in methods.ts, held
 *  to this type by the compiler; callers validate there at their boundary, the engine builds it from checked data. */
export interface AdvisorInput {
  recipients: 'internal' | 'external';
  /** Highest TLS version the device negotiates; null = no TLS at all. */
  deviceTlsMax: TlsVersion | null;
  cipherFamily: CipherFamily;
  supportsAuth: boolean;
  supportsOAuth: boolean;
  /** How the device will sign in for client submission (the technician's one choice); absent = OAuth whenever
   *  the device supports it. 'oauth' on a device without OAuth counts as 'basic' (it cannot do otherwise). */
  signIn?: 'basic' | 'oauth' | undefined;
  /** The site's static public IP (1-45 characters, no CR/LF/NUL), or whether one exists when its value is not known. */
  staticIp: string | boolean;
  tenantSmtpAuth: 'enabled' | 'disabled' | 'unknown';
  securityDefaults: 'on' | 'off' | 'unknown';
  rejectDirectSend: 'on' | 'off' | 'unknown';
  /** Characters the device's server field accepts; null = unknown / unlimited. */
  serverFieldMaxLength: number | null;
  /** Names and addresses: 1-253 (mailbox: 320) characters, never CR, LF or NUL. */
  domain?: string | undefined;
  mxHost?: string | undefined;
  mailbox?: string | undefined;
  now: Date;
}

export type ReasonEffect = 'blocker' | 'warning' | 'plus';

export interface AdviceReason {
  code: ReasonCode;
  effect: ReasonEffect;
  params: Record<string, string>;
  text: LocalText;
}

export interface MethodSettings {
  /** Host name to enter, or null when only the MX record can tell (see server). */
  host: string | null;
  server: LocalText;
  port: number;
  tls: LocalText;
  auth: LocalText;
  senderRule: LocalText;
  spfRecord?: string;
  notes: LocalText[];
}

export interface MethodAdvice {
  method: Method;
  score: number;
  viable: boolean;
  reasons: AdviceReason[];
  settings: MethodSettings;
}

export interface Advice {
  /** Best viable method, or null when none is. */
  recommended: Method | null;
  /** High Volume Email, advised beside the three methods (internal recipients only; src/shared/hve.ts). */
  hve: HveAdvice;
  /** All three methods, best first (viable before non-viable). */
  methods: MethodAdvice[];
  /** Advice that applies across methods (local relay, nothing viable). */
  notices: AdviceReason[];
}

export { BASIC_AUTH_DEFAULT_OFF, SUBMISSION_HOST } from './exchange-online';
/** Suffix of the first-generation Exchange Online MX host (`<tenant>.mail.protection.outlook.com`). */
const MX_SUFFIX = LEGACY_MX_SUFFIX;
/** Second generation (DNSSEC/DANE, new accepted domains): `<domain-dashes>.<zone>.mx.microsoft` (SRC.smtpDane). */
const MX_MICROSOFT_SUFFIX = '.mx.microsoft';
/** Shortest plausible MX host: `a-b` (the shortest domain with dashes) + `.xxxx` (a zone label such as l-v1) +
 *  `.mx.microsoft` = 21 characters; the first generation is longer (`a-b.mail.protection.outlook.com`). */
const SHORTEST_MX = Math.min(MX_SUFFIX.length, MX_MICROSOFT_SUFFIX.length + 5) + 3;
/** An IPv4 or IPv6 literal (possibly bracketed), as opposed to a host name. */
const IP_LITERAL = /^\[?(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\]?$/i;
/** Starting scores: seed 001 recommends client submission, then Direct Send; relay is the most complex. */
const BASE: Record<Method, number> = { submission: 100, 'direct-send': 85, relay: 70 };
/** Score lost per warning, in points (blockers make a method non-viable instead). */
const PENALTY: Partial<Record<ReasonCode, number>> = {
  SMTP_AUTH_UNKNOWN: 5,
  SECURITY_DEFAULTS_UNKNOWN: 5,
  BASIC_AUTH_RETIREMENT: 10,
  BASIC_AUTH_OFF_BY_DEFAULT: 25,
  REJECT_DIRECT_SEND_UNKNOWN: 5,
  NO_STATIC_IP_DIRECT: 5,
  SERVER_FIELD_MAYBE_SHORT: 5,
  CONNECTOR_NEEDED: 5,
};

function local(t: LocalText, params: Record<string, string>): LocalText {
  return { ja: interpolate(t.ja, params, 'ja'), en: interpolate(t.en, params, 'en') };
}

function reason(code: ReasonCode, effect: ReasonEffect, params: Record<string, string> = {}): AdviceReason {
  return { code, effect, params, text: local(REASON_TEXTS[code], params) };
}

function ipParams(input: AdvisorInput): Record<string, string> {
  return typeof input.staticIp === 'string' ? { ip: input.staticIp } : {};
}

function spfRecord(input: AdvisorInput): string | undefined {
  if (input.staticIp === false) return undefined;
  const ip = typeof input.staticIp === 'string' ? input.staticIp : '<static public IP>';
  const mech = ip.includes(':') ? 'ip6' : 'ip4';
  return `v=spf1 ${mech}:${ip} ${SPF_EXCHANGE_INCLUDE} ~all`;
}

function fieldReasons(host: string | undefined, input: AdvisorInput): AdviceReason[] {
  const max = input.serverFieldMaxLength;
  if (max === null) return [];
  if (host !== undefined) {
    return host.length > max
      ? [reason('SERVER_FIELD_TOO_SHORT', 'blocker', { host, length: String(host.length), max: String(max) })]
      : [];
  }
  // Unknown MX host: it is at least one label plus the suffix.
  if (max < SHORTEST_MX) {
    return [
      reason('SERVER_FIELD_TOO_SHORT', 'blocker', {
        host: `*${MX_SUFFIX} / *${MX_MICROSOFT_SUFFIX}`,
        length: `>= ${SHORTEST_MX}`,
        max: String(max),
      }),
    ];
  }
  return [reason('SERVER_FIELD_MAYBE_SHORT', 'warning', { max: String(max) })];
}

function tlsVersionText(v: AdvisorInput['deviceTlsMax']): string {
  return v === null ? 'none / なし' : v;
}

function submission(input: AdvisorInput): MethodAdvice {
  const r: AdviceReason[] = [];
  const oauth = input.supportsOAuth && input.signIn !== 'basic';
  const tls = input.deviceTlsMax;
  if (tls === null || tls === '1.0' || tls === '1.1')
    r.push(reason('TLS_TOO_OLD', 'blocker', { version: tlsVersionText(tls) }));
  else if (tls === '1.2' && input.cipherFamily === 'rsa') r.push(reason('RSA_ONLY', 'blocker'));
  else r.push(reason('TLS_OK', 'plus', { version: tls }));
  if (!input.supportsAuth && !input.supportsOAuth) r.push(reason('NO_AUTH', 'blocker'));
  if (input.tenantSmtpAuth === 'disabled') r.push(reason('SMTP_AUTH_DISABLED', 'blocker'));
  if (input.tenantSmtpAuth === 'unknown') r.push(reason('SMTP_AUTH_UNKNOWN', 'warning'));
  if (oauth) r.push(reason('OAUTH_OK', 'plus'));
  else {
    if (input.securityDefaults === 'on') r.push(reason('SECURITY_DEFAULTS_ON', 'blocker'));
    if (input.securityDefaults === 'unknown') r.push(reason('SECURITY_DEFAULTS_UNKNOWN', 'warning'));
    const after = input.now.getTime() >= BASIC_AUTH_DEFAULT_OFF.getTime();
    r.push(reason(after ? 'BASIC_AUTH_OFF_BY_DEFAULT' : 'BASIC_AUTH_RETIREMENT', 'warning'));
  }
  r.push(reason('MAILBOX_NEEDED', 'warning'));
  if (input.recipients === 'external') r.push(reason('EXTERNAL_OK', 'plus'));
  r.push(...fieldReasons(SUBMISSION_HOST, input));
  const p: Record<string, string> = input.mailbox !== undefined ? { mailbox: input.mailbox } : {};
  return finish('submission', r, {
    host: SUBMISSION_HOST,
    server: { ja: SUBMISSION_HOST, en: SUBMISSION_HOST },
    port: 587,
    tls: SETTING_TEXTS.TLS_REQUIRED,
    auth:
      input.mailbox !== undefined
        ? local(oauth ? SETTING_TEXTS.AUTH_OAUTH : SETTING_TEXTS.AUTH_BASIC, p)
        : oauth
          ? SETTING_TEXTS.AUTH_OAUTH_ANY
          : SETTING_TEXTS.AUTH_BASIC_ANY,
    senderRule:
      input.mailbox !== undefined ? local(SETTING_TEXTS.SENDER_MAILBOX, p) : SETTING_TEXTS.SENDER_MAILBOX_ANY,
    notes: [SETTING_TEXTS.NOTE_NO_465, SETTING_TEXTS.NOTE_LIMITS, SETTING_TEXTS.NOTE_NO_IP],
  });
}

function mxSettings(input: AdvisorInput): Pick<MethodSettings, 'host' | 'server' | 'port' | 'senderRule'> {
  const d: Record<string, string> = input.domain !== undefined ? { domain: input.domain } : {};
  const server =
    input.mxHost !== undefined ? { ja: input.mxHost, en: input.mxHost } : local(SETTING_TEXTS.MX_UNKNOWN, d);
  const senderRule =
    input.domain !== undefined ? local(SETTING_TEXTS.SENDER_DOMAIN, d) : SETTING_TEXTS.SENDER_DOMAIN_ANY;
  return { host: input.mxHost ?? null, server, port: 25, senderRule };
}

function withSpf(settings: MethodSettings, input: AdvisorInput): MethodSettings {
  const spf = spfRecord(input);
  return spf === undefined ? settings : { ...settings, spfRecord: spf };
}

function directSend(input: AdvisorInput): MethodAdvice {
  const r: AdviceReason[] = [];
  if (input.recipients === 'external') r.push(reason('EXTERNAL_NOT_SUPPORTED', 'blocker'));
  else r.push(reason('INTERNAL_ONLY_OK', 'plus'));
  if (input.rejectDirectSend === 'on') r.push(reason('REJECT_DIRECT_SEND_ON', 'blocker'));
  if (input.rejectDirectSend === 'unknown') r.push(reason('REJECT_DIRECT_SEND_UNKNOWN', 'warning'));
  r.push(reason('TLS_OPTIONAL', 'plus'));
  if (input.staticIp === false) r.push(reason('NO_STATIC_IP_DIRECT', 'warning'));
  else r.push(reason('STATIC_IP_OK', 'plus', ipParams(input)));
  r.push(...fieldReasons(input.mxHost, input));
  return finish(
    'direct-send',
    r,
    withSpf(
      {
        ...mxSettings(input),
        tls: SETTING_TEXTS.TLS_OPTIONAL,
        auth: SETTING_TEXTS.AUTH_NONE,
        notes: [
          SETTING_TEXTS.NOTE_INTERNAL_ONLY,
          SETTING_TEXTS.NOTE_PORT25,
          SETTING_TEXTS.NOTE_NO_IP,
          SETTING_TEXTS.NOTE_DIRECT_SEND_NO_CONNECTOR,
          SETTING_TEXTS.NOTE_DIRECT_SEND_AUTH,
          SETTING_TEXTS.NOTE_IPV6,
        ],
      },
      input,
    ),
  );
}

function relay(input: AdvisorInput): MethodAdvice {
  const r: AdviceReason[] = [];
  if (input.staticIp === false) r.push(reason('NO_STATIC_IP_RELAY', 'blocker'));
  else r.push(reason('STATIC_IP_OK', 'plus', ipParams(input)));
  if (input.recipients === 'external') r.push(reason('EXTERNAL_OK', 'plus'));
  r.push(reason('TLS_OPTIONAL', 'plus'));
  r.push(reason('CONNECTOR_NEEDED', 'warning'));
  r.push(...fieldReasons(input.mxHost, input));
  const ip = ipParams(input);
  return finish(
    'relay',
    r,
    withSpf(
      {
        ...mxSettings(input),
        tls: SETTING_TEXTS.TLS_RECOMMENDED,
        auth: local(SETTING_TEXTS.AUTH_CONNECTOR, ip),
        notes: [
          local(SETTING_TEXTS.NOTE_CONNECTOR, ip),
          SETTING_TEXTS.NOTE_PORT25,
          SETTING_TEXTS.NOTE_NO_IP,
          SETTING_TEXTS.NOTE_HIGH_RISK_POOL,
          SETTING_TEXTS.NOTE_IPV6,
        ],
      },
      input,
    ),
  );
}

function finish(method: Method, reasons: AdviceReason[], settings: MethodSettings): MethodAdvice {
  const viable = !reasons.some((x) => x.effect === 'blocker');
  const penalty = reasons.reduce((sum, x) => sum + (x.effect === 'warning' ? (PENALTY[x.code] ?? 0) : 0), 0);
  const score = viable ? Math.max(1, BASE[method] - penalty) : 0;
  // Blockers first, then warnings, then pluses: the technician reads the reason that decides first.
  const order: Record<ReasonEffect, number> = { blocker: 0, warning: 1, plus: 2 };
  const sorted = [...reasons].sort((a, b) => order[a.effect] - order[b.effect]);
  return { method, score, viable, reasons: sorted, settings };
}

/** Ranks the three methods for this device and tenant. Input is validated (zod) by callers at the boundary. */
export function adviseMethods(given: AdvisorInput): Advice {
  // Server names, never IPs: an IP typed as the MX host is dropped (settings then say "read the MX record").
  const mxIsIp = given.mxHost !== undefined && IP_LITERAL.test(given.mxHost);
  const input: AdvisorInput = mxIsIp ? { ...given, mxHost: undefined } : given;
  const methods = [submission(input), directSend(input), relay(input)].sort(
    (a, b) => Number(b.viable) - Number(a.viable) || b.score - a.score || BASE[b.method] - BASE[a.method],
  );
  const notices: AdviceReason[] = mxIsIp
    ? [reason('MX_HOST_IS_IP', 'warning', { host: given.mxHost ?? '' })]
    : [];
  const tls = input.deviceTlsMax;
  if (tls === null || tls === '1.0' || tls === '1.1' || (tls === '1.2' && input.cipherFamily === 'rsa')) {
    notices.push(reason('LOCAL_RELAY', 'warning'));
  }
  const best = methods.find((m) => m.viable);
  if (best === undefined) notices.push(reason('NONE_VIABLE', 'blocker'));
  return { recommended: best?.method ?? null, hve: adviseHve(input), methods, notices };
}
