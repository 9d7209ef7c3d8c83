// Relay-through: forwards a captured message upstream (Exchange Online or the lab) with the technician's
// settings, through nodemailer like the engine's test send, and returns the upstream's true answer so the
// device can be told it. One attempt, never retried: a missing final reply means "possibly delivered". The body is
// streamed through while the device sends it; if it is cut (size limit, device gone) the upstream never sees the
// final "." and discards the transaction.
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import nodemailer from 'nodemailer';

/** Upstream connection bounds, in milliseconds. */
export const RELAY_CONNECT_TIMEOUT_MS = 10_000;
export const RELAY_REPLY_TIMEOUT_MS = 30_000;

export interface RelayTarget {
  /** Name the upstream is known by (SNI, certificate check), e.g. smtp.office365.com. */
  host: string;
  /** Where to connect instead of resolving `host` (lab, --connect-to style); default: host. */
  address?: string | undefined;
  port: number;
  /** Refuse to send unless STARTTLS succeeds (always on for port 587 submission). */
  requireTls: boolean;
  extraCaPem: readonly string[];
  ehloName: string;
  /** 'device': sign in with the credentials the device itself sent (memory only); null: no AUTH. */
  auth: { user: string; password: string } | 'device' | null;
  /** Whole-send deadline, in milliseconds. */
  timeoutMs?: number;
}

export interface RelayResult {
  ok: boolean;
  /** Upstream reply code; null when no reply came (connection or TLS failure, timeout). */
  code: number | null;
  reply: string;
  durationMs: number;
  /** True when the message may have been delivered although no final reply arrived. */
  possiblyDelivered: boolean;
}

export async function relayMessage(
  target: RelayTarget,
  envelope: { from: string; to: readonly string[] },
  /** The message: streamed from the device as it arrives (never held whole in memory), or a buffer. */
  raw: Buffer | Readable,
  deviceCredentials: { user: string; password: string } | null,
): Promise<RelayResult> {
  const t0 = performance.now();
  const creds = target.auth === 'device' ? deviceCredentials : target.auth;
  const transport = nodemailer.createTransport({
    host: target.address ?? target.host,
    port: target.port,
    secure: false,
    requireTLS: target.requireTls,
    name: target.ehloName,
    ...(creds ? { auth: { user: creds.user, pass: creds.password } } : {}),
    tls: {
      servername: target.host,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(target.extraCaPem.length ? { ca: [...tls.rootCertificates, ...target.extraCaPem] } : {}),
    },
    connectionTimeout: RELAY_CONNECT_TIMEOUT_MS,
    greetingTimeout: RELAY_CONNECT_TIMEOUT_MS,
    socketTimeout: RELAY_REPLY_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  const deadline = target.timeoutMs ?? RELAY_REPLY_TIMEOUT_MS + RELAY_CONNECT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const send = transport.sendMail({ envelope: { from: envelope.from, to: [...envelope.to] }, raw });
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no final reply within ${deadline} ms`)), deadline);
    });
    const info = (await Promise.race([send, stop])) as { response?: string };
    const reply = info.response ?? '250';
    return {
      ok: true,
      code: Number(/^\d{3}/.exec(reply)?.[0] ?? 250),
      reply,
      durationMs: performance.now() - t0,
      possiblyDelivered: false,
    };
  } catch (err) {
    const e = err as Error & { response?: string; responseCode?: number; command?: string };
    if (e.response && e.responseCode) {
      return {
        ok: false,
        code: e.responseCode,
        reply: e.response,
        durationMs: performance.now() - t0,
        possiblyDelivered: false,
      };
    }
    // After the message body went out, silence means it may have been delivered: never resend.
    const possiblyDelivered = e.command === 'DATA' || /final reply/.test(e.message);
    return { ok: false, code: null, reply: e.message, durationMs: performance.now() - t0, possiblyDelivered };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

/** The reply to give the device for a relay result: the upstream's own code and text when there was one. */
export function deviceReply(r: RelayResult): { code: number; text: string } {
  const text = r.reply
    .replace(/^\d{3}[ -]/, '')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 400);
  if (r.code !== null) return { code: r.code, text };
  if (r.possiblyDelivered)
    return {
      code: 451,
      text: `4.4.0 Upstream gave no final reply; the message may have been delivered (${text})`,
    };
  return { code: 451, text: `4.4.0 Upstream not reachable: ${text}` };
}
