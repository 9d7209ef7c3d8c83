// Diagnoses one captured session against the method the technician chose, with the same finding codes the
// engine uses. Every finding is `predicted`: it says what Exchange Online would do with what the device sent.
import type { CaptureDiagnosis, CapturedSession } from '../../shared/capture';
import type { FindingRef, Method } from '../../shared/model';
import type { FindingCode } from '../../shared/findings/codes';
import { catalogEntry } from '../../shared/findings/catalog';
import type { TokenClaims } from '../../shared/oauth/claims';
import { inspectClaims, oauthRejected, userMismatch } from '../../shared/oauth/inspect';
import { classify } from '../../shared/findings/classify';

/** Exchange Online's default maximum message size for sending, in bytes (35 MB): "The default maximum message size
 *  for Microsoft mailboxes is 35 MB for sending and 36 MB for receiving" (admins may set 1-150 MB), Exchange Online
 *  limits, https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits
 *  (read 2026-12-02 as quoted in public documentation; the page itself was not fetched here). */
export const EXO_MAX_MESSAGE_BYTES = 35 * 1024 * 1024;

export interface CaptureDiagnoseOptions {
  method: Method;
  /** Accepted (tenant) domains: recipients outside them are external. Default: the MAIL FROM domains seen. */
  tenantDomains?: readonly string[];
  /** Size limit to compare against, in bytes (default EXO_MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
}

const TLS_ORDER = ['1.0', '1.1', '1.2', '1.3'];
const protocolVersion = (p: string | null): string | null =>
  p === null
    ? null
    : (({ TLSv1: '1.0', 'TLSv1.1': '1.1', 'TLSv1.2': '1.2', 'TLSv1.3': '1.3' } as Record<string, string>)[
        p
      ] ?? null);
const domainOf = (addr: string): string => addr.slice(addr.lastIndexOf('@') + 1).toLowerCase();
/** A plausible EHLO argument: a host name (letters, digits, hyphens, dots) or an address literal. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const GOOD_EHLO = new RegExp(`^(?:\\[(?:IPv6:)?[0-9A-Fa-f:.]+\\]|${LABEL}(?:\\.${LABEL})*\\.?)$`);

function add(out: FindingRef[], code: FindingCode, params: Record<string, string>, evidence: string[]): void {
  if (out.some((f) => f.code === code)) return;
  out.push({ code, params, evidence, predicted: true });
}

/** The device signed in with XOAUTH2: what Exchange Online would make of its token, from the claims alone. */
function xoauth2Findings(auth: NonNullable<CapturedSession['auth']>, out: FindingRef[]): void {
  const o = auth.oauth;
  if (!o) return;
  const nowSec = Math.floor(Date.now() / 1000);
  const expected = '535 5.7.3 Authentication unsuccessful (what Exchange Online would answer)';
  if (!o.readable) {
    add(out, 'OAUTH_REJECTED', { reply: expected, causes: 'token-unreadable', fixes: 'token-unreadable' }, [
      'the XOAUTH2 token is not a readable JWT',
    ]);
    return;
  }
  const claims: TokenClaims = {
    ...o,
    iss: null,
    nbf: null,
    iat: null,
    oid: null,
    appDisplayName: null,
    ver: null,
  };
  for (const f of inspectClaims(claims, { nowSec, xoauth2User: auth.user }))
    add(out, f.code, f.params ?? {}, f.evidence ?? []);
  if (userMismatch(claims, auth.user)) {
    const r = oauthRejected(expected, claims, { nowSec, xoauth2User: auth.user });
    add(out, 'OAUTH_REJECTED', r.params ?? {}, [`XOAUTH2 user ${auth.user} ≠ token user ${o.upn ?? ''}`]);
  }
}

/** Sign-in methods Exchange Online offers on 587 (and the listener, like it): anything else never works there. */
const OFFERED_AUTH = new Set(['LOGIN', 'PLAIN', 'XOAUTH2']);

/** Where a session without a message stopped, and the likely reason (a NO_MESSAGE_VOCAB key). */
function whereStopped(s: CapturedSession): { step: string; likely: string } {
  const cmds = s.commands ?? [];
  const last = cmds.filter((c) => c !== 'QUIT' && c !== 'RSET' && c !== 'NOOP').at(-1);
  if (last === undefined) return { step: 'connect', likely: 'no-command' };
  const asked = cmds.find((c) => c.startsWith('AUTH ') && !OFFERED_AUTH.has(c.slice(5)));
  if (asked) return { step: asked, likely: 'auth-mechanism' };
  if (s.greeting === 'HELO') return { step: last, likely: 'helo' };
  if (last === 'STARTTLS' && !s.tls?.protocol) return { step: last, likely: 'after-starttls' };
  if (last.startsWith('AUTH') && s.auth) return { step: last, likely: 'after-auth' };
  if (last === 'EHLO') return { step: last, likely: 'after-ehlo' };
  return { step: last, likely: 'other' };
}

/** What the device did wrong before any message: HELO, an AUTH method not offered, no message at all. */
function sessionFindings(s: CapturedSession, method: Method, out: FindingRef[]): void {
  const cmds = s.commands ?? [];
  if (s.greeting === 'HELO')
    add(out, 'HELO_NOT_EHLO', { ehlo: s.ehlo ?? '' }, [`HELO ${s.ehlo ?? ''}`.trim()]);
  const asked = cmds.find((c) => c.startsWith('AUTH ') && !OFFERED_AUTH.has(c.slice(5)));
  if (asked && method === 'submission')
    add(out, 'AUTH_MECHANISM_UNSUPPORTED', { reply: asked }, [
      `${asked}: Exchange Online offers AUTH LOGIN and XOAUTH2 on port 587`,
    ]);
  if (s.messages.length === 0) {
    const { step, likely } = whereStopped(s);
    add(out, 'SESSION_NO_MESSAGE', { step, likely, ...(s.endReason ? { reason: s.endReason } : {}) }, [
      `commands: ${cmds.length ? cmds.join(', ') : 'none'}`,
      ...(s.endReason ? [`ended by the listener: ${s.endReason}`] : []),
    ]);
  }
}

function tlsFindings(s: CapturedSession, method: Method, out: FindingRef[]): void {
  if (s.wrongMode === 'tls-to-plain') {
    // The device is set to SSL/TLS (465-style) and talks to a plain/STARTTLS port: its ClientHello came as a command.
    const note = s.tls?.note ?? 'a TLS ClientHello arrived where an SMTP command was expected';
    add(out, 'TLS_MODE_MISMATCH', { reason: note }, [note]);
    add(out, 'PORT_465_UNSUPPORTED', { port: String(s.listener.port) }, [
      `the device started TLS at once on port ${s.listener.port} (set to "SSL" / SMTPS)`,
    ]);
    return;
  }
  if (s.listener.implicitTls) {
    add(out, 'PORT_465_UNSUPPORTED', { port: String(s.listener.port) }, [
      `the device started TLS at once on port ${s.listener.port} ("SSL" / SMTPS)`,
    ]);
  }
  const tls = s.tls;
  if (!tls) {
    if (method === 'submission' && s.messages.length > 0)
      add(out, 'STARTTLS_REQUIRED', {}, ['the device sent MAIL FROM without STARTTLS']);
    return;
  }
  if (tls.protocol === null && tls.mode === 'implicit' && tls.offered === null) {
    // Plain SMTP spoken to the "SSL" port: the device's encryption setting does not match the port.
    add(out, 'TLS_MODE_MISMATCH', { reason: tls.note ?? 'no TLS ClientHello' }, [
      tls.note ?? 'no TLS ClientHello',
    ]);
  } else if (tls.protocol === null) {
    add(out, 'TLS_HANDSHAKE_FAILED', { reason: tls.note ?? 'handshake failed' }, [
      tls.note ?? 'handshake failed',
    ]);
  }
  const negotiated = protocolVersion(tls.protocol);
  const offered = tls.offered?.versions ?? [];
  const best = offered.length ? (offered[offered.length - 1] ?? null) : negotiated;
  const top = [best, negotiated]
    .filter((v): v is string => v !== null)
    .sort((a, b) => TLS_ORDER.indexOf(b) - TLS_ORDER.indexOf(a))[0];
  if (top !== undefined && TLS_ORDER.indexOf(top) < TLS_ORDER.indexOf('1.2')) {
    add(out, 'TLS_VERSION_UNSUPPORTED', { version: `TLS ${top}` }, [
      `negotiated ${tls.protocol ?? 'nothing'}${offered.length ? `; offered ${offered.join(', ')}` : ''}`,
    ]);
  }
  const kex = tls.offered?.kex;
  if (
    kex &&
    !kex.ecdhe &&
    !kex.tls13 &&
    (kex.rsa || kex.dhe) &&
    !out.some((f) => f.code === 'TLS_VERSION_UNSUPPORTED')
  ) {
    add(
      out,
      'TLS_CIPHER_MISMATCH',
      { reason: kex.rsa && !kex.dhe ? 'RSA key exchange only, no ECDHE' : 'no ECDHE cipher suite offered' },
      [`offered: ${(tls.offered?.ciphers ?? []).slice(0, 12).join(', ')}`],
    );
  }
}

export function diagnoseCapture(s: CapturedSession, opts: CaptureDiagnoseOptions): CaptureDiagnosis {
  const out: FindingRef[] = [];
  const { method } = opts;
  const limit = opts.maxMessageBytes ?? EXO_MAX_MESSAGE_BYTES;
  tlsFindings(s, method, out);
  sessionFindings(s, method, out);
  if (s.ehlo !== null && !GOOD_EHLO.test(s.ehlo))
    add(out, 'BAD_EHLO_NAME', { reply: `EHLO ${s.ehlo}` }, [`${s.greeting ?? 'EHLO'} ${s.ehlo}`]);
  if (method === 'submission') {
    if (s.messages.length > 0 && !s.auth)
      add(out, 'CLIENT_NOT_AUTHENTICATED', {}, ['MAIL FROM was sent without AUTH']);
    if (s.auth?.riskyCharacters.length) {
      add(out, 'AUTH_FAILED', { reply: `password has ${s.auth.riskyCharacters.join(', ')}` }, [
        `password (${s.auth.passwordLength} characters) holds characters old firmware may mangle: ${s.auth.riskyCharacters.join(', ')}`,
      ]);
    }
    if (s.auth?.oauth) xoauth2Findings(s.auth, out);
  }
  refusedFindings(s, out);
  const tenant = new Set(
    (opts.tenantDomains ?? s.messages.map((m) => domainOf(m.mailFrom))).map((d) => d.toLowerCase()),
  );
  for (const m of s.messages) {
    if (method === 'submission' && s.auth && m.mailFrom.toLowerCase() !== s.auth.user.toLowerCase()) {
      add(out, 'SEND_AS_DENIED', { sender: m.mailFrom, mailbox: s.auth.user }, [
        `MAIL FROM:<${m.mailFrom}> after AUTH as ${s.auth.user}`,
      ]);
    }
    if (method === 'direct-send') {
      const external = m.rcptTo.filter((r) => !tenant.has(domainOf(r)));
      if (external.length)
        add(
          out,
          'RELAY_DENIED',
          { reply: `external recipient ${external[0] ?? ''}` },
          external.map((r) => `RCPT TO:<${r}>`),
        );
    }
    if (m.bareLf > 0 || m.bareCr > 0) {
      add(out, 'BARE_LINEFEED', { reply: `${m.bareLf} bare LF, ${m.bareCr} bare CR` }, [
        `message of ${m.size} bytes has ${m.bareLf} LF without CR and ${m.bareCr} CR without LF`,
      ]);
    }
    if (m.size > limit || m.truncated)
      add(out, 'MESSAGE_TOO_LARGE', { reply: `${m.size} bytes > ${limit}` }, [
        `message of ${m.size} bytes; limit ${limit}`,
      ]);
    // Relay-through: the upstream's real answer is observed, not predicted.
    if (m.relay && !m.relay.ok) {
      for (const f of classify({ reply: m.relay.reply }))
        if (!out.some((x) => x.code === f.code)) out.push({ ...f, evidence: [m.relay.reply] });
    }
  }
  // "Ended without a message" says where the device stopped; when a failure already explains why (TLS version,
  // cipher, implicit TLS on a plain port…), that failure is the finding and this one would only repeat it.
  const noMessage = out.findIndex((f) => f.code === 'SESSION_NO_MESSAGE');
  if (noMessage >= 0) {
    const [f] = out.splice(noMessage, 1);
    if (f && !out.some((x) => catalogEntry(x.code).severity === 'error')) out.push(f);
  }
  return { method, session: s, findings: out, verdict: verdictOf(out) };
}

/** Relay-through refusals (the listener is never an open relay): observed, with the reply the device got. */
function refusedFindings(s: CapturedSession, out: FindingRef[]): void {
  for (const r of s.refused ?? []) {
    const code = r.stage === 'MAIL' ? 'CLIENT_NOT_AUTHENTICATED' : 'RELAY_DENIED';
    const evidence = `${r.stage === 'MAIL' ? 'MAIL FROM' : 'RCPT TO'}:<${r.address}> from ${s.client.address} → ${r.reply}; nothing was relayed`;
    const have = out.find((f) => f.code === code);
    if (have) {
      const list = (have.evidence ??= []);
      if (list.length < 10) list.push(evidence);
    } else out.push({ code, params: { reply: r.reply }, evidence: [evidence] });
  }
}

/** Catalogue severity decides, except the password-characters hint, which is only a warning. */
function verdictOf(findings: readonly FindingRef[]): CaptureDiagnosis['verdict'] {
  const severities = findings.map((f) =>
    f.code === 'AUTH_FAILED' && f.predicted ? 'warning' : catalogEntry(f.code).severity,
  );
  if (severities.includes('error')) return 'fail';
  return severities.includes('warning') ? 'warn' : 'pass';
}
