// Every deadline and size bound the engine applies, in one place. Our own deadlines sit on top of Node's and
// nodemailer's (their defaults, minutes long, are far too generous for a hostile or trickling server).

import { SUBMISSION_LIMITS } from '../../shared/exchange-online';

export interface EngineLimits {
  /** One DNS query attempt, in ms (the resolver's own timeout). */
  dnsTimeoutMs: number;
  /** DNS attempts per query (1 = no retry). */
  dnsTries: number;
  /** TCP connect (SYN to established), in ms: past it the port counts as silently dropped. */
  connectTimeoutMs: number;
  /** From connection to the complete 220 greeting, in ms. */
  bannerTimeoutMs: number;
  /** From sending a command to its complete reply, in ms (a trickling server cannot stretch it). */
  replyTimeoutMs: number;
  /** TLS handshake after STARTTLS's 220, in ms. */
  tlsHandshakeTimeoutMs: number;
  /** The whole AUTH exchange (all 334 rounds), in ms. */
  authTimeoutMs: number;
  /** One check (e.g. a whole SMTP session or one TLS probe), in ms; also capped by the overall deadline. */
  checkTimeoutMs: number;
  /** A test send through nodemailer, connect to final reply, in ms. */
  sendTimeoutMs: number;
  /** Longest reply line we accept, in bytes (RFC 5321 says 512; real servers stay well under this). */
  maxLineBytes: number;
  /** Lines in one multi-line reply (EHLO lists ~12; `250-` forever must end). */
  maxReplyLines: number;
  /** Bytes read from the server in one session, in bytes. */
  maxSessionBytes: number;
  /** Characters kept per transcript row (the rest is summarised). */
  maxRowChars: number;
  /** Transcript rows kept per diagnosis. */
  maxTranscriptRows: number;
  /** Total transcript characters kept per diagnosis. */
  maxTranscriptChars: number;
  /** Simultaneous connections to one host name, of any kind (a TLS matrix, its certificate read and the main
   *  session at once: 8 short anonymous connections from one address are far below any service's limit). */
  maxConnectionsPerHost: number;
  /** Simultaneous sessions that sign in as one mailbox (Exchange Online allows 3 concurrent connections per
   *  mailbox for SMTP AUTH; see shared/docs/exchange-online-facts.md). */
  maxSignInsPerMailbox: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  dnsTimeoutMs: 2_500,
  dnsTries: 2,
  connectTimeoutMs: 6_000,
  bannerTimeoutMs: 10_000,
  replyTimeoutMs: 10_000,
  tlsHandshakeTimeoutMs: 8_000,
  authTimeoutMs: 15_000,
  checkTimeoutMs: 30_000,
  sendTimeoutMs: 45_000,
  maxLineBytes: 4_096,
  maxReplyLines: 100,
  maxSessionBytes: 256 * 1024,
  maxRowChars: 1_000,
  maxTranscriptRows: 3_000,
  maxTranscriptChars: 1024 * 1024,
  maxConnectionsPerHost: 8,
  maxSignInsPerMailbox: SUBMISSION_LIMITS.concurrentConnections,
};

export function resolveLimits(overrides?: Partial<EngineLimits>): EngineLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
