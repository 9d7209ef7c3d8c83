// Builds one CapturedSession per device connection from smtp-server's hooks. Passwords never enter the record:
// authFacts() reduces them at the AUTH hook; only relay-through with the device's own credentials keeps one in
// memory, in a separate map that is emptied when the connection closes.
import type { TLSSocket } from 'node:tls';
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';
import {
  CAPTURE_MAX_MESSAGES,
  CAPTURE_MAX_RECIPIENTS,
  type CapturedMessage,
  type CapturedSession,
} from '../../shared/capture';
import type { HelloResult } from './client-hello';
import type { SessionSecrets } from '../../shared/secrets';
import { authFacts } from './password-facts';

export interface ListenerInfo {
  address: string;
  port: number;
  implicitTls: boolean;
}

interface Rec {
  session: CapturedSession;
  t0: number;
}

const GREETINGS = ['EHLO', 'HELO', 'LHLO'] as const;

/** OpenSSL's "...:SSL routines:ssl3_get_record:wrong version number:file:line:" → "wrong version number". */
export function tlsReason(message: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1]?.trim() ?? message.trim();
}

export class SessionRecorder {
  private readonly recs = new Map<string, Rec>();
  /** Device credentials kept only for relay-through ('device' auth), by session id; deleted on close. */
  private readonly deviceCreds = new Map<string, { user: string; password: string }>();
  /** Secrets each open session used, only so outputs can be scanned for them; handed over at close. */
  private readonly secrets = new Map<string, SessionSecrets>();
  /** ClientHello read before each TLS handshake, by the TLS socket it led to. */
  readonly hellos = new WeakMap<TLSSocket, HelloResult>();
  /** ClientHello read after STARTTLS, by session id (the TLS socket does not exist yet when it is read). */
  private readonly sessionHellos = new Map<string, HelloResult>();
  /** ClientHellos seen on a plain port before the session was opened, by session id (bounded by open connections). */
  private readonly pendingTls = new Map<string, HelloResult>();

  constructor(private readonly keepDeviceCredentials: boolean) {}

  get open(): number {
    return this.recs.size;
  }

  connect(s: SMTPServerSession, listener: ListenerInfo): void {
    const pending = this.pendingTls.get(s.id);
    this.pendingTls.delete(s.id);
    this.recs.set(s.id, {
      t0: performance.now(),
      session: {
        id: s.id,
        startedAt: new Date().toISOString(),
        durationMs: 0,
        client: { address: s.remoteAddress, port: s.remotePort },
        listener,
        ehlo: null,
        greeting: null,
        tls: null,
        auth: null,
        messages: [],
      },
    });
    if (pending) this.tlsWhereCommandExpected(s.id, pending);
  }

  /** Keeps the latest EHLO/HELO argument the device sent (smtp-server forgets it at STARTTLS). */
  private touch(s: SMTPServerSession): Rec | undefined {
    const rec = this.recs.get(s.id);
    if (!rec) return undefined;
    const name = s.hostNameAppearsAs as string | false;
    if (name) rec.session.ehlo = name.slice(0, 255);
    const cmd = (s.openingCommand as string | false) || '';
    const greeting = GREETINGS.find((g) => g === cmd.toUpperCase());
    if (greeting) rec.session.greeting = greeting;
    return rec;
  }

  secure(socket: TLSSocket, s: SMTPServerSession, implicit: boolean): void {
    const rec = this.touch(s);
    if (!rec) return;
    const hello = this.sessionHellos.get(s.id) ?? this.hellos.get(socket);
    this.sessionHellos.delete(s.id);
    rec.session.tls = {
      mode: implicit ? 'implicit' : 'starttls',
      protocol: socket.getProtocol(),
      cipher: socket.getCipher()?.name ?? null,
      offered: hello?.hello ?? null,
      ...(hello && hello.hello === null ? { note: hello.note } : {}),
    };
  }

  /** A command verb the device sent (command-watch.ts keeps only verbs). */
  command(id: string, verb: string): void {
    const rec = this.recs.get(id);
    if (!rec) return;
    (rec.session.commands ??= []).push(verb);
  }

  /** The device started TLS (a ClientHello) where the listener expected an SMTP command: set to SSL/TLS, "465". */
  tlsWhereCommandExpected(id: string, hello: HelloResult): void {
    const rec = this.recs.get(id);
    if (!rec) {
      // The ClientHello came before smtp-server opened the session (onConnect): applied in connect().
      this.pendingTls.set(id, hello);
      return;
    }
    rec.session.tls = {
      mode: 'implicit',
      protocol: null,
      cipher: null,
      offered: hello.hello,
      note: `a TLS ClientHello arrived where an SMTP command was expected${hello.hello ? '' : ` (${hello.note})`}`,
    };
    rec.session.wrongMode = 'tls-to-plain';
  }

  noteEhlo(id: string, name: string | false): void {
    const rec = this.recs.get(id);
    if (rec && name) rec.session.ehlo = name.slice(0, 255);
  }

  helloForSession(id: string, hello: HelloResult): void {
    if (this.recs.has(id)) this.sessionHellos.set(id, hello);
  }

  /** An implicit-TLS handshake that failed before any SMTP session existed: a session of its own. */
  failedBeforeSession(
    listener: ListenerInfo,
    address: string,
    port: number,
    hello: HelloResult,
    error: string,
  ): CapturedSession {
    return {
      id: `tls-${Date.now().toString(36)}-${port}`,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      client: { address, port },
      listener,
      ehlo: null,
      greeting: null,
      tls: {
        mode: 'implicit',
        protocol: null,
        cipher: null,
        offered: hello.hello,
        note: (hello.hello ? tlsReason(error) : `${hello.note} (${tlsReason(error)})`).slice(0, 500),
      },
      auth: null,
      messages: [],
    };
  }

  auth(a: SMTPServerAuthentication, s: SMTPServerSession): void {
    const rec = this.touch(s);
    if (!rec) return;
    const user = a.username ?? '';
    const secret = (a.method === 'XOAUTH2' ? a.accessToken : a.password) ?? undefined;
    rec.session.auth = authFacts(a.method, user, secret);
    if (secret)
      this.secrets.set(
        s.id,
        a.method === 'XOAUTH2' ? { user, oauthToken: secret } : { user, password: secret },
      );
    if (this.keepDeviceCredentials && secret !== undefined && a.method !== 'XOAUTH2')
      this.deviceCreds.set(s.id, { user, password: secret });
  }

  /** The secrets a closed session used (memory only): for scanning outputs before they are written. */
  takeSecrets(id: string): SessionSecrets[] {
    const s = this.secrets.get(id);
    this.secrets.delete(id);
    return s ? [s] : [];
  }

  mailFrom(s: SMTPServerSession): void {
    this.touch(s);
  }

  credentialsFor(id: string): { user: string; password: string } | null {
    return this.deviceCreds.get(id) ?? null;
  }

  message(s: SMTPServerSession, m: Omit<CapturedMessage, 'mailFrom' | 'rcptTo' | 'at'>): void {
    const rec = this.touch(s);
    if (!rec || rec.session.messages.length >= CAPTURE_MAX_MESSAGES) return;
    const from = s.envelope.mailFrom;
    rec.session.messages.push({
      mailFrom: from ? from.address.slice(0, 320) : '',
      rcptTo: s.envelope.rcptTo.slice(0, CAPTURE_MAX_RECIPIENTS).map((r) => r.address.slice(0, 320)),
      at: performance.now() - rec.t0,
      ...m,
    });
  }

  /** A MAIL FROM / RCPT TO the listener refused so as not to be an open relay (relay-through). */
  refuse(s: SMTPServerSession, stage: 'MAIL' | 'RCPT', address: string, reply: string): void {
    const rec = this.touch(s);
    if (!rec) return;
    const list = (rec.session.refused ??= []);
    if (list.length < CAPTURE_MAX_RECIPIENTS) list.push({ stage, address: address.slice(0, 320), reply });
  }

  /** Ends a session and returns its record (undefined if unknown or already closed). */
  close(s: SMTPServerSession, endReason?: string): CapturedSession | undefined {
    const rec = this.touch(s);
    this.deviceCreds.delete(s.id);
    const hello = this.sessionHellos.get(s.id);
    this.sessionHellos.delete(s.id);
    if (!rec) return undefined;
    // A STARTTLS handshake that never completed: keep what the device offered.
    if (hello && !rec.session.tls)
      rec.session.tls = {
        mode: 'starttls',
        protocol: null,
        cipher: null,
        offered: hello.hello,
        note: hello.hello ? 'the TLS handshake did not complete' : hello.note,
      };
    this.recs.delete(s.id);
    rec.session.durationMs = performance.now() - rec.t0;
    if (endReason) rec.session.endReason = endReason;
    return rec.session;
  }

  /** Session ids of connections from this peer (to mark limit-ended sessions). */
  idsFor(address: string | undefined, port: number | undefined): string[] {
    return [...this.recs.values()]
      .filter((r) => r.session.client.address === address && r.session.client.port === port)
      .map((r) => r.session.id);
  }

  markEnd(id: string, reason: string): void {
    const rec = this.recs.get(id);
    if (rec) rec.session.endReason = reason;
  }
}
