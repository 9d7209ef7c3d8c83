// Drives one SMTP conversation phase by phase: banner → EHLO → STARTTLS → EHLO again → AUTH (one attempt, never
// retried) → MAIL FROM → RCPT TO → stop point → QUIT. Returns a record of what happened; never throws.
import type { EngineLimits } from '../limits';
import { SmtpConn } from './smtp-conn';
import { SessionError, type Reply } from './smtp-reader';
import { connectTcp, type TcpResult } from './tcp';
import type { TlsInfo, TlsParams } from './tls-connect';
import type { SessionLog } from './transcript';

export type Phase =
  'connect' | 'banner' | 'ehlo' | 'starttls' | 'tls' | 'ehlo2' | 'auth' | 'envelope' | 'quit';
export type StopAfter = 'banner' | 'ehlo' | 'tls' | 'ehlo2' | 'auth' | 'envelope';

export interface Recipient {
  address: string;
  kind: 'internal' | 'external';
}

export interface SessionSpec {
  /** Logical host (banner/certificate rules, SNI) and port. */
  host: string;
  port: number;
  /** Where the socket really goes (after --connect-to) and where it leaves from. */
  address: string;
  connectPort: number;
  localAddress?: string | undefined;
  ehloName: string;
  /** required: no STARTTLS → stop (never AUTH in clear); opportunistic: TLS when offered; none: stay plain. */
  tlsMode: 'required' | 'opportunistic' | 'none';
  tls: Omit<TlsParams, 'host'>;
  auth?: { user: string; password?: string | undefined; oauthToken?: string | undefined } | undefined;
  mailFrom?: string | undefined;
  rcpts: readonly Recipient[];
  stopAfter: StopAfter;
  /** A TLS probe: after the handshake, send EHLO only when TLS 1.0/1.1 was negotiated — the one case where a
   *  server (Exchange Online's submission endpoint) completes the handshake and refuses the next command
   *  (421 4.7.66). On TLS 1.2/1.3 the completed handshake is the answer; the EHLO would cost one round trip. */
  ehloAfterTlsOnlyIfLegacy?: boolean;
}

/** Protocols after which a server may still refuse the session (see ehloAfterTlsOnlyIfLegacy). */
const LEGACY_TLS = /^TLSv1(\.1)?$/;

export interface Capabilities {
  keywords: string[];
  auth: string[];
  pipelining: boolean;
  starttls: boolean;
  size: number | null;
}

export interface SessionResult {
  connect: Omit<Extract<TcpResult, { ok: true }>, 'socket'> | Extract<TcpResult, { ok: false }> | null;
  banner: Reply | null;
  ehlo: Reply | null;
  caps: Capabilities | null;
  egressIp: string | null;
  starttls: {
    offered: boolean;
    reply: Reply | null;
    discardedBytes: number;
    discardedPreview: string;
  } | null;
  tls: TlsInfo | null;
  ehlo2: Reply | null;
  caps2: Capabilities | null;
  auth: { mechanism: string | null; reply: Reply | null; skipped: AuthSkip | null } | null;
  mail: Reply | null;
  rcpts: { address: string; kind: Recipient['kind']; reply: Reply | null }[];
  /** Where and why the session ended early (null: reached its stop point). */
  error: SessionError | null;
  errorPhase: Phase | null;
  /** Milliseconds spent per phase. */
  ms: Partial<Record<Phase, number>>;
  /** Non-ASCII addresses not sent because the server does not offer SMTPUTF8. */
  smtputf8Missing?: string[];
}

export function parseCapabilities(r: Reply): Capabilities {
  const keywords = r.lines.slice(1).map((l) => l.trim().toUpperCase());
  const auth = new Set<string>();
  for (const k of keywords) {
    const m = /^AUTH[ =](.*)$/.exec(k);
    if (m) for (const mech of (m[1] ?? '').split(/\s+/)) if (mech) auth.add(mech);
  }
  const size = keywords.map((k) => /^SIZE\s+(\d+)/.exec(k)).find(Boolean);
  return {
    keywords,
    auth: [...auth],
    pipelining: keywords.includes('PIPELINING'),
    starttls: keywords.includes('STARTTLS'),
    size: size ? Number(size[1]) : null,
  };
}

/** The client's public IP as the server saw it: Exchange Online echoes it in `250-<host> Hello [203.0.113.7]`. */
export function egressIpFrom(r: Reply | null): string | null {
  const m = /Hello\s+\[([0-9A-Fa-f:.]+)\]/.exec(r?.lines[0] ?? '');
  return m?.[1] ?? null;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const stopAt = (spec: SessionSpec, p: StopAfter) => spec.stopAfter === p;

export async function runSmtpSession(
  spec: SessionSpec,
  limits: EngineLimits,
  log: SessionLog,
  signal?: AbortSignal,
): Promise<SessionResult> {
  const res: SessionResult = {
    connect: null,
    banner: null,
    ehlo: null,
    caps: null,
    egressIp: null,
    starttls: null,
    tls: null,
    ehlo2: null,
    caps2: null,
    auth: null,
    mail: null,
    rcpts: [],
    error: null,
    errorPhase: null,
    ms: {},
  };
  let phase: Phase = 'connect';
  log.phase(phase);
  let t = performance.now();
  const mark = (next: Phase) => {
    const now = performance.now();
    res.ms[phase] = Math.round(now - t);
    t = now;
    phase = next;
    log.phase(next);
  };
  log.net(
    `connect ${spec.address}:${spec.connectPort}${spec.address !== spec.host ? ` (for ${spec.host}:${spec.port})` : ''}`,
  );
  const tcp = await connectTcp({
    address: spec.address,
    port: spec.connectPort,
    localAddress: spec.localAddress,
    timeoutMs: limits.connectTimeoutMs,
    signal,
  });
  if (!tcp.ok) {
    res.connect = tcp;
    res.error = new SessionError(
      tcp.failure === 'aborted' ? 'aborted' : 'closed',
      tcp.message,
      [tcp.code],
      tcp.code,
    );
    res.errorPhase = 'connect';
    log.net(`connect failed: ${tcp.code} after ${tcp.ms} ms`);
    return res;
  }
  const { socket, ...connectInfo } = tcp;
  res.connect = connectInfo;
  log.net(`connected from ${tcp.localAddress} in ${tcp.ms} ms`);
  const conn = new SmtpConn(socket, limits, log, signal);
  try {
    mark('banner');
    // No greeting within the wait: ONE probe line. A service that waits for the client to speak first (HTTP and
    // most others) then answers in its own protocol → NOT_SMTP; a truly silent port stays a banner timeout.
    res.banner = await conn.readGreeting(limits.bannerTimeoutMs, `EHLO ${spec.ehloName}`, PROBE_REPLY_MS);
    if (res.banner.code !== 220 || stopAt(spec, 'banner')) return res;
    mark('ehlo');
    res.ehlo = await conn.command(`EHLO ${spec.ehloName}`, limits.replyTimeoutMs, 'reply to EHLO');
    if (res.ehlo.code !== 250) return res;
    res.caps = parseCapabilities(res.ehlo);
    res.egressIp = egressIpFrom(res.ehlo);
    if (stopAt(spec, 'ehlo')) return res;
    let caps = res.caps;
    if (spec.tlsMode !== 'none') {
      res.starttls = { offered: res.caps.starttls, reply: null, discardedBytes: 0, discardedPreview: '' };
      if (!res.caps.starttls) {
        if (spec.tlsMode === 'required') return res; // never AUTH in clear
      } else {
        mark('starttls');
        res.starttls.reply = await conn.command('STARTTLS', limits.replyTimeoutMs, 'reply to STARTTLS');
        if (res.starttls.reply.code !== 220) return res;
        mark('tls');
        try {
          const d = await conn.startTls({ ...spec.tls, host: spec.host }, limits.tlsHandshakeTimeoutMs);
          res.starttls.discardedBytes = d.discardedBytes;
          res.starttls.discardedPreview = d.discardedPreview;
          if (d.discardedBytes > 0)
            log.net(`discarded ${d.discardedBytes} bytes the server sent before the TLS handshake`);
        } finally {
          res.tls = conn.tls;
        }
        // The certificate-reading check sends nothing after the handshake.
        const probeDone = spec.ehloAfterTlsOnlyIfLegacy === true && !LEGACY_TLS.test(res.tls?.protocol ?? '');
        if (stopAt(spec, 'tls') || !spec.tls.rejectUnauthorized || probeDone) {
          mark('quit');
          conn.close();
          return res;
        }
        mark('ehlo2');
        res.ehlo2 = await conn.command(
          `EHLO ${spec.ehloName}`,
          limits.replyTimeoutMs,
          'reply to EHLO after STARTTLS',
        );
        if (res.ehlo2.code !== 250) return res;
        res.caps2 = parseCapabilities(res.ehlo2);
        caps = res.caps2;
        res.egressIp ??= egressIpFrom(res.ehlo2);
      }
    }
    if (stopAt(spec, 'ehlo2')) return res;
    if (spec.auth) {
      mark('auth');
      res.auth = await authenticate(conn, spec, caps, res.tls !== null, limits);
      if (res.auth.reply && res.auth.reply.code !== 235) return res;
      if (res.auth.skipped && spec.tlsMode === 'required') return res;
    }
    if (stopAt(spec, 'auth') || !spec.mailFrom) return res;
    mark('envelope');
    await envelope(conn, spec, caps, res, limits);
    return res;
  } catch (err) {
    res.error = err instanceof SessionError ? err : new SessionError('closed', (err as Error).message);
    res.errorPhase = phase;
    res.tls ??= conn.tls;
    return res;
  } finally {
    res.ms[phase] ??= Math.round(performance.now() - t);
    if (res.error) conn.close();
    // Phase timings are final; the wait below only keeps the host slot until the connection is really gone.
    // After a 421 the server is closing the channel (RFC 5321 §3.8): a QUIT would only cost a round trip.
    await (res.error || lastReplyCode(res) === 421 ? conn.closed() : conn.quit());
  }
}

/** How long the one probe line after a silent banner wait may take to get an answer, in milliseconds. */
const PROBE_REPLY_MS = 3_000;

/** The code of the last reply the session read (null before the greeting). */
function lastReplyCode(res: SessionResult): number | null {
  const last =
    [...res.rcpts.map((r) => r.reply)].reverse().find((r) => r) ??
    res.mail ??
    res.auth?.reply ??
    res.ehlo2 ??
    res.starttls?.reply ??
    res.ehlo ??
    res.banner;
  return last?.code ?? null;
}

/**
 * Why AUTH was not attempted: `why` for the check (no credentials and no TLS are skips; the others are findings),
 * `text` the English sentence kept as the finding's evidence.
 */
export interface AuthSkip {
  why: 'no-credentials' | 'no-tls' | 'no-xoauth2' | 'no-auth-offered' | 'no-usable-mechanism';
  text: string;
}

/** At most ONE attempt, with one mechanism; never retried (lockout risk). */
async function authenticate(
  conn: SmtpConn,
  spec: SessionSpec,
  caps: Capabilities,
  tlsActive: boolean,
  limits: EngineLimits,
): Promise<NonNullable<SessionResult['auth']>> {
  const a = spec.auth;
  if (!a)
    return { mechanism: null, reply: null, skipped: { why: 'no-credentials', text: 'no credentials given' } };
  if (spec.tlsMode === 'required' && !tlsActive)
    return {
      mechanism: null,
      reply: null,
      skipped: { why: 'no-tls', text: 'no TLS: credentials are never sent in clear' },
    };
  const deadline = performance.now() + limits.authTimeoutMs;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const step = (line: string) => conn.command(line, left(), 'reply during AUTH');
  let mechanism: string;
  let r: Reply;
  if (a.oauthToken !== undefined) {
    if (!caps.auth.includes('XOAUTH2'))
      return {
        mechanism: 'XOAUTH2',
        reply: null,
        skipped: { why: 'no-xoauth2', text: 'the server does not offer XOAUTH2' },
      };
    mechanism = 'XOAUTH2';
    r = await step(`AUTH XOAUTH2 ${b64(`user=${a.user}\x01auth=Bearer ${a.oauthToken}\x01\x01`)}`);
    if (r.code === 334) r = await step(''); // the server's error challenge: an empty line ends the exchange
  } else if (a.password !== undefined && caps.auth.includes('LOGIN')) {
    mechanism = 'LOGIN';
    // The user name as RFC 4954's initial response: one round trip fewer than `AUTH LOGIN` + "Username:", and
    // the same LOGIN exchange a device makes (the server checks the same user name and password). Exchange's
    // LOGIN grammar allows it ([MS-XLOGIN] 2.2.2: "AUTH LOGIN" [SP username]).
    r = await step(`AUTH LOGIN ${b64(a.user)}`);
    // A server that does not take an initial response for LOGIN: refused as syntax (nothing was checked, so
    // asking again is not a second sign-in attempt), or ignored (it asks for the user name again).
    if (r.code === 501 || r.code === 504) r = await step('AUTH LOGIN');
    if (r.code === 334 && isUserNameChallenge(r)) r = await step(b64(a.user));
    if (r.code === 334) r = await step(b64(a.password));
  } else if (a.password !== undefined && caps.auth.includes('PLAIN')) {
    mechanism = 'PLAIN';
    r = await step(`AUTH PLAIN ${b64(`\0${a.user}\0${a.password}`)}`);
  } else {
    const skipped: AuthSkip =
      a.password === undefined
        ? { why: 'no-credentials', text: 'no password or token given' }
        : caps.auth.length === 0
          ? { why: 'no-auth-offered', text: 'the server offers no AUTH' }
          : {
              why: 'no-usable-mechanism',
              text: `no usable mechanism (server offers ${caps.auth.join(' ')})`,
            };
    return { mechanism: null, reply: null, skipped };
  }
  // A server that keeps asking (endless 334) is cancelled once with "*", never answered again.
  if (r.code === 334) r = await step('*');
  return { mechanism, reply: r, skipped: null };
}

/** LOGIN's first challenge: "Username:" (or "User Name"), base64-encoded after the 334. */
function isUserNameChallenge(r: Reply): boolean {
  const text = Buffer.from((r.lines[0] ?? '').trim(), 'base64').toString('latin1');
  return /^user ?name/i.test(text);
}

async function envelope(
  conn: SmtpConn,
  spec: SessionSpec,
  caps: Capabilities,
  res: SessionResult,
  limits: EngineLimits,
): Promise<void> {
  // RFC 6531: a non-ASCII address needs SMTPUTF8, used only when the server offers it; otherwise it is not sent.
  const nonAscii = [spec.mailFrom ?? '', ...spec.rcpts.map((r) => r.address)].filter((a) =>
    /[^\x00-\x7f]/.test(a),
  );
  const utf8 = nonAscii.length > 0 && caps.keywords.includes('SMTPUTF8');
  if (nonAscii.length > 0 && !utf8) {
    res.smtputf8Missing = nonAscii;
    return;
  }
  const mailCmd = `MAIL FROM:<${spec.mailFrom ?? ''}>${utf8 ? ' SMTPUTF8' : ''}`;
  const rcptCmds = spec.rcpts.map((r) => `RCPT TO:<${r.address}>`);
  if (caps.pipelining) {
    // Only because the server said PIPELINING: one round trip for the whole envelope.
    conn.write([mailCmd, ...rcptCmds]);
    res.mail = await conn.read(limits.replyTimeoutMs, 'reply to MAIL FROM');
    for (const r of spec.rcpts)
      res.rcpts.push({ ...r, reply: await conn.read(limits.replyTimeoutMs, 'reply to RCPT TO') });
  } else {
    res.mail = await conn.command(mailCmd, limits.replyTimeoutMs, 'reply to MAIL FROM');
    if (res.mail.code !== 250) return;
    for (const [i, r] of spec.rcpts.entries()) {
      res.rcpts.push({
        ...r,
        reply: await conn.command(rcptCmds[i] ?? '', limits.replyTimeoutMs, 'reply to RCPT TO'),
      });
    }
  }
  // Stop point reached: nothing is sent (no DATA); RSET is unnecessary because QUIT follows.
}
