// One SMTP connection to a lab endpoint: byte framing (command lines, DATA lines, BDAT chunks), the STARTTLS
// upgrade, timers and bounds. What each command means lives in smtp-commands.ts; this file only moves bytes.
import type net from 'node:net';
import tls from 'node:tls';
import { handleCommand, handleDataLine, finishBdat } from './smtp-commands';
import { R, sessionTimedOut, withSuffix } from './replies';
import { SCENARIO_SPECS, type ScenarioSpec } from './scenarios';
import { banner, pickIdentity, type ServerIdentity } from './server-identity';
import type { LabLimits, LabMessage, LabTenant, ScenarioName } from './types';
import { REFUSED_AFTER_HANDSHAKE, type TlsProfiles } from './tls-profiles';
import type { SigningKey } from './identity/tokens';
import type { LabOauthTenant } from '../shared/lab-info';

/** What every session of one lab shares. */
export interface LabContext {
  tenant: LabTenant;
  limits: LabLimits;
  tls: TlsProfiles;
  received: LabMessage[];
  /** Authenticated sessions per mailbox (lower-case address), across both endpoints. */
  authSessions: Map<string, number>;
  scenario(): ScenarioName;
  /** The identity platform's signing key and the tenant's OAuth state (XOAUTH2 validation). */
  identity: { key: SigningKey; oauth: LabOauthTenant };
}

export type Mode =
  | 'command'
  | 'auth-login-user'
  | 'auth-login-pass'
  | 'auth-xoauth2'
  /** An XOAUTH2 token is being verified: later bytes wait in the buffer until resume(). */
  | 'auth-xoauth2-checking'
  | 'data'
  | 'bdat'
  | 'upgrading'
  | 'closed';

export class LabSmtpSession {
  readonly id: ServerIdentity;
  readonly spec: ScenarioSpec;
  readonly clientIp: string;
  readonly startedAt = Date.now();
  mode: Mode = 'command';
  /** EHLO/HELO seen since connect or since the TLS handshake. */
  greeted = false;
  tls: { protocol: string; cipher: string } | null = null;
  /** TLS 1.0/1.1 negotiated on the default submission endpoint: the next command gets 421 4.7.66 and the close. */
  legacyTlsRefused = false;
  authUser: string | null = null;
  pendingUser: string | null = null;
  mailFrom: string | null = null;
  rcptTo: string[] = [];
  /** Stored part of the message being received, and its full size in bytes. */
  dataParts: string[] = [];
  storedBytes = 0;
  messageBytes = 0;
  /** A DATA line ended in LF without CR (refused after the final dot, in every scenario). */
  bareLinefeed = false;
  bdatRemaining = 0;
  bdatLast = false;
  /** Set when a BDAT's chunk must be swallowed and answered with this error. */
  bdatError: string | null = null;

  private sock: net.Socket | tls.TLSSocket;
  private buf: Buffer = Buffer.alloc(0);
  private sessionTimer: NodeJS.Timeout;
  private idleTimer: NodeJS.Timeout | undefined;
  private cleaned = false;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);

  constructor(
    socket: net.Socket,
    readonly endpoint: 'submission' | 'mx',
    readonly ctx: LabContext,
    private readonly onClosed: (s: LabSmtpSession) => void,
  ) {
    this.sock = socket;
    this.spec = SCENARIO_SPECS[ctx.scenario()];
    this.clientIp = normalizeIp(socket.remoteAddress ?? '');
    this.id = pickIdentity(endpoint);
    socket.on('data', this.onData);
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.cleanup());
    this.sessionTimer = setTimeout(() => this.timeout(), ctx.limits.sessionMs);
    this.resetIdle();
    if (!this.spec.silent) this.send(banner(this.id, this.spec.intercept === true));
  }

  /** Writes one reply (multi-line replies come pre-joined); errors get Exchange's suffix. */
  send(text: string): void {
    if (this.mode === 'closed' || !this.sock.writable) return;
    const line = /^[45]/.test(text) ? withSuffix(text, this.id.suffixHost, this.id.sessionId) : text;
    this.sock.write(`${line}\r\n`);
  }

  /** Replies then closes (QUIT, fatal errors). */
  sendAndClose(text: string): void {
    this.send(text);
    this.mode = 'closed';
    this.sock.end();
  }

  destroy(): void {
    this.mode = 'closed';
    this.sock.destroy();
  }

  /**
   * STARTTLS: reply 220 in plaintext, drop anything already buffered (RFC 3207), then handshake. With
   * refuseOldTls, a TLS 1.0/1.1 handshake completes but the session only answers 421 4.7.66 (Exchange Online).
   */
  upgrade(context: tls.SecureContext, refuseOldTls = false): void {
    this.send(R.startTls);
    this.mode = 'upgrading';
    this.buf = Buffer.alloc(0);
    const raw = this.sock;
    raw.removeListener('data', this.onData);
    const secure = new tls.TLSSocket(raw, { isServer: true, secureContext: context });
    const timer = setTimeout(() => secure.destroy(), this.ctx.limits.handshakeMs);
    // A client that hangs up mid-handshake ends with 'close' only: the timer must not outlive the socket.
    secure.once('close', () => clearTimeout(timer));
    secure.on('error', () => {
      clearTimeout(timer);
      this.destroy();
    });
    secure.once('secure', () => {
      clearTimeout(timer);
      this.sock = secure;
      this.tls = { protocol: secure.getProtocol() ?? 'unknown', cipher: secure.getCipher().name };
      this.legacyTlsRefused = refuseOldTls && REFUSED_AFTER_HANDSHAKE.has(this.tls.protocol);
      this.greeted = false;
      this.mode = 'command';
      secure.on('data', this.onData);
    });
  }

  resetTransaction(): void {
    this.mailFrom = null;
    this.rcptTo = [];
    this.dataParts = [];
    this.storedBytes = 0;
    this.messageBytes = 0;
    this.bareLinefeed = false;
  }

  /** Adds message bytes: counts all, stores up to the bound. */
  appendMessage(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.messageBytes += bytes;
    const room = this.ctx.limits.maxStoredMessageBytes - this.storedBytes;
    if (room <= 0) return;
    const part = bytes <= room ? text : Buffer.from(text).subarray(0, room).toString('utf8');
    this.dataParts.push(part);
    this.storedBytes += Math.min(bytes, room);
  }

  /** Processes bytes that arrived while the session was busy (asynchronous XOAUTH2 check). */
  resume(): void {
    if (this.buf.length > 0) this.receive(Buffer.alloc(0));
  }

  private receive(chunk: Buffer): void {
    if (this.mode === 'closed' || this.mode === 'upgrading') return;
    this.resetIdle();
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (this.mode === 'auth-xoauth2-checking') return;
    while (
      this.buf.length > 0 &&
      (this.mode as Mode) !== 'closed' &&
      (this.mode as Mode) !== 'upgrading' &&
      (this.mode as Mode) !== 'auth-xoauth2-checking'
    ) {
      if (this.mode === 'bdat') {
        const take = Math.min(this.bdatRemaining, this.buf.length);
        if (this.bdatError === null) this.appendMessage(this.buf.subarray(0, take).toString('utf8'));
        this.buf = this.buf.subarray(take);
        this.bdatRemaining -= take;
        if (this.bdatRemaining === 0) finishBdat(this);
        continue;
      }
      const max =
        this.mode === 'data' ? this.ctx.limits.maxDataLineBytes : this.ctx.limits.maxCommandLineBytes;
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0 || nl > max) {
        if (this.buf.length > max) this.sendAndClose(R.lineTooLong);
        return;
      }
      const end = nl > 0 && this.buf[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end === nl && this.mode === 'data') this.bareLinefeed = true;
      const line = this.buf.subarray(0, end).toString('utf8');
      this.buf = this.buf.subarray(nl + 1);
      if (this.legacyTlsRefused) return this.sendAndClose(R.legacyTlsRefused);
      if (this.mode === 'data') handleDataLine(this, line);
      else handleCommand(this, line);
    }
  }

  private resetIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.timeout(), this.ctx.limits.idleMs);
  }

  private timeout(): void {
    if (this.spec.silent) return this.destroy();
    this.sendAndClose(sessionTimedOut((Date.now() - this.startedAt) / 1000));
    // A client that never reads must not keep the socket alive.
    setTimeout(() => this.destroy(), 1000).unref();
  }

  private cleanup(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    clearTimeout(this.sessionTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.mode = 'closed';
    if (this.authUser !== null) {
      const key = this.authUser.toLowerCase();
      const n = (this.ctx.authSessions.get(key) ?? 1) - 1;
      if (n <= 0) this.ctx.authSessions.delete(key);
      else this.ctx.authSessions.set(key, n);
      this.authUser = null;
    }
    this.onClosed(this);
  }
}

/** `::ffff:127.0.0.5` → `127.0.0.5` (dual-stack sockets). */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
