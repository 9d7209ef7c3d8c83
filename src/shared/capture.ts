// Capture mode's data: what one device connection to the laptop's listener really did, and its diagnosis.
// Shared by the capture listener (main), the CLI and the UI. Never holds a password: only facts about it.
import { z } from 'zod';
import { FindingRefSchema, MethodSchema } from './model';
import { PracticeSchema } from './practice-schema';

/** Bounds on what one captured session keeps (counts of items, characters per item). */
export const CAPTURE_MAX_HEADERS = 200;
export const CAPTURE_MAX_ITEM_CHARS = 2000;
export const CAPTURE_MAX_MESSAGES = 50;
export const CAPTURE_MAX_RECIPIENTS = 100;
export const CAPTURE_MAX_ATTACHMENTS = 100;
export const CAPTURE_MAX_CIPHERS = 200;

const text = z.string().max(CAPTURE_MAX_ITEM_CHARS);

/** What the device offered in its TLS ClientHello (read before the handshake; null when unreadable). */
export const ClientHelloSchema = z.object({
  /** Versions offered, e.g. ["1.0","1.1","1.2"]: legacy_version plus the supported_versions extension. */
  versions: z.array(z.enum(['1.0', '1.1', '1.2', '1.3'])).max(8),
  /** Cipher suites offered, as IANA hex ids ("0x002f") with names where known. */
  ciphers: z.array(text).max(CAPTURE_MAX_CIPHERS),
  /** Key exchange families among the TLS <= 1.2 suites offered. */
  kex: z.object({ ecdhe: z.boolean(), dhe: z.boolean(), rsa: z.boolean(), tls13: z.boolean() }),
  /** SNI the device sent, if any. */
  serverName: text.nullable(),
});
export type ClientHello = z.infer<typeof ClientHelloSchema>;

export const CapturedTlsSchema = z.object({
  /** 'starttls' (upgraded in the session) or 'implicit' (TLS from the first byte, "SSL" / port 465). */
  mode: z.enum(['starttls', 'implicit']),
  /** Negotiated protocol as Node names it (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); null if the handshake failed. */
  protocol: text.nullable(),
  cipher: text.nullable(),
  offered: ClientHelloSchema.nullable(),
  /** Why the offer could not be read, or why the handshake failed. */
  note: text.optional(),
});
export type CapturedTls = z.infer<typeof CapturedTlsSchema>;

/** The device's AUTH, password reduced to facts that help without revealing it. */
export const CapturedAuthSchema = z.object({
  mechanism: text,
  user: text,
  passwordSent: z.boolean(),
  passwordLength: z.number().int().nonnegative(),
  /** Kinds of characters old firmware is known to mangle, e.g. ["non-ascii", "&", "space"]. */
  riskyCharacters: z.array(text).max(20),
  /** XOAUTH2 only: the token's claims as decoded at capture (the token itself is never kept). */
  oauth: z
    .object({
      readable: z.boolean(),
      kind: z.enum(['delegated', 'app', 'unknown']),
      aud: z.array(text).max(10),
      scp: z.array(text).max(50),
      roles: z.array(text).max(50),
      /** Expiry, seconds since the epoch. */
      exp: z.number().nullable(),
      tid: text.nullable(),
      upn: text.nullable(),
      appid: text.nullable(),
    })
    .optional(),
});
export type CapturedAuth = z.infer<typeof CapturedAuthSchema>;

export const CapturedAttachmentSchema = z.object({ name: text, type: text });

export const CapturedMessageSchema = z.object({
  mailFrom: text,
  rcptTo: z.array(text).max(CAPTURE_MAX_RECIPIENTS),
  /** Bytes of DATA as received (after dot-unstuffing). */
  size: z.number().int().nonnegative(),
  /** True when the listener's own size bound cut the message (552 was answered). */
  truncated: z.boolean(),
  /** Header lines (unfolded), bounded in count and length. */
  headers: z.array(z.object({ name: text, value: text })).max(CAPTURE_MAX_HEADERS),
  attachments: z.array(CapturedAttachmentSchema).max(CAPTURE_MAX_ATTACHMENTS),
  bareLf: z.number().int().nonnegative(),
  bareCr: z.number().int().nonnegative(),
  /** Milliseconds from connection start. */
  at: z.number().nonnegative(),
  /** The reply the device got for its DATA: ours, or the upstream's in relay-through. */
  reply: text,
  /** Relay-through outcome (absent when relaying is off). */
  relay: z
    .object({
      ok: z.boolean(),
      code: z.number().int().nullable(),
      reply: text,
      durationMs: z.number().nonnegative(),
    })
    .optional(),
});
export type CapturedMessage = z.infer<typeof CapturedMessageSchema>;

export const CapturedSessionSchema = z.object({
  id: text,
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  client: z.object({ address: text, port: z.number().int() }),
  listener: z.object({ address: text, port: z.number().int(), implicitTls: z.boolean() }),
  ehlo: text.nullable(),
  /** 'EHLO', 'HELO' or null when the device never greeted. */
  greeting: z.enum(['EHLO', 'HELO', 'LHLO']).nullable(),
  tls: CapturedTlsSchema.nullable(),
  auth: CapturedAuthSchema.nullable(),
  messages: z.array(CapturedMessageSchema).max(CAPTURE_MAX_MESSAGES),
  /** Why the session ended when the listener ended it (limits). */
  endReason: text.optional(),
  /** Commands the listener refused because relaying them would make it an open relay (relay-through only). */
  refused: z
    .array(z.object({ stage: z.enum(['MAIL', 'RCPT']), address: text, reply: text }))
    .max(CAPTURE_MAX_RECIPIENTS)
    .optional(),
  /** Command verbs the device sent, in order (AUTH with its mechanism; never arguments). */
  commands: z.array(z.string().max(40)).max(60).optional(),
  /** The device's encryption setting does not fit the listener: TLS at once to a plain/STARTTLS port, or
   *  plain SMTP to an implicit-TLS ("SSL", 465) port. */
  wrongMode: z.enum(['tls-to-plain', 'plain-to-tls']).optional(),
});
export type CapturedSession = z.infer<typeof CapturedSessionSchema>;

/** A session and its findings against the method the technician chose. */
export const CaptureDiagnosisSchema = z.object({
  method: MethodSchema,
  session: CapturedSessionSchema,
  findings: z.array(FindingRefSchema),
  verdict: z.enum(['pass', 'warn', 'fail']),
  /** Set when relay-through went to the built-in lab (練習用ラボ): the upstream replies are the lab's, not Microsoft 365's. */
  practice: PracticeSchema.optional(),
});
export type CaptureDiagnosis = z.infer<typeof CaptureDiagnosisSchema>;

/**
 * Why the capture listener refused a relay setup as an open relay (main/capture/relay-policy.ts): the technician's
 * own sign-in without a listener password, or no sign-in without the tenant's domains. Crosses IPC as a field issue
 * at OPEN_RELAY_ISSUE_PATH so the app can say what to fill in on its form (the CLI names its flags instead).
 */
export const OPEN_RELAY_REASONS = ['listener-password', 'domains-or-password'] as const;
export type OpenRelayReason = (typeof OPEN_RELAY_REASONS)[number];
export const OPEN_RELAY_ISSUE_PATH = 'openRelay';
