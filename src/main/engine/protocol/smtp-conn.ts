// One SMTP connection: writes commands (CR/LF/NUL refused), reads bounded replies under a deadline per reply,
// upgrades to TLS (discarding whatever arrived before the handshake), and has ONE fail() path that clears the
// timer and destroys the socket. Every failure is a SessionError the caller turns into a finding.
import type net from 'node:net';
import { FORBIDDEN_FIELD_CHARS } from '../../../shared/model-values';
import type { EngineLimits } from '../limits';
import { ReplyReader, SessionError, type Reply } from './smtp-reader';
import { upgradeToTls, type TlsInfo, type TlsParams } from './tls-connect';
import type { SessionLog } from './transcript';

/** How long the socket may stay half-closed after QUIT for the server's 221 and FIN, in ms (politeness, not a check). */
const QUIT_GRACE_MS = 300;

export class SmtpConn {
  private socket: net.Socket;
  private reader: ReplyReader;
  private waiter: {
    resolve: (r: Reply) => void;
    reject: (e: SessionError) => void;
    timer: NodeJS.Timeout;
  } | null = null;
  private failed: SessionError | null = null;
  private closing = false;
  tls: TlsInfo | null = null;

  constructor(
    socket: net.Socket,
    private readonly limits: EngineLimits,
    private readonly log: SessionLog,
    private readonly signal?: AbortSignal,
  ) {
    this.socket = socket;
    this.reader = this.newReader();
    this.attach(socket);
    signal?.addEventListener('abort', this.onAbort, { once: true });
    if (signal?.aborted) this.onAbort();
  }

  get error(): SessionError | null {
    return this.failed;
  }

  private newReader(): ReplyReader {
    return new ReplyReader(this.limits, (line, final) => this.log.server(line, final));
  }

  private readonly onAbort = () => this.fail(new SessionError('aborted', 'cancelled'));
  private readonly onData = (chunk: Buffer) => {
    if (!this.reader.push(chunk) && this.reader.error) return this.fail(this.reader.error);
    this.deliver();
  };
  private readonly onClose = () => {
    if (!this.closing)
      this.fail(
        new SessionError(
          'closed',
          'the server closed the connection',
          [this.reader.partial()].filter(Boolean),
        ),
      );
  };
  private readonly onError = (err: NodeJS.ErrnoException) => {
    if (!this.closing)
      this.fail(new SessionError('closed', `connection error: ${err.message}`, [err.message], err.code));
  };

  private attach(s: net.Socket): void {
    s.on('data', this.onData);
    s.on('close', this.onClose);
    s.on('end', this.onClose);
    s.on('error', this.onError);
  }

  private detach(s: net.Socket): void {
    s.removeListener('data', this.onData);
    s.removeListener('close', this.onClose);
    s.removeListener('end', this.onClose);
    s.removeListener('error', this.onError);
    s.on('error', () => undefined);
  }

  private deliver(): void {
    if (!this.waiter) return;
    const next = this.reader.queue.shift();
    if (!next) return;
    const w = this.waiter;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(next);
  }

  /** The single failure path: remembers the first error, clears the timer, destroys the socket. */
  fail(err: SessionError): void {
    if (this.failed) return;
    this.failed = err;
    this.signal?.removeEventListener('abort', this.onAbort);
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter.reject(err);
      this.waiter = null;
    }
    this.closing = true;
    this.socket.destroy();
  }

  /** Next complete reply, within `timeoutMs` for the WHOLE reply (trickling bytes do not extend it). */
  read(timeoutMs: number, what: string): Promise<Reply> {
    // Replies already received count even when the server closed right after sending them (banner then close).
    const queued = this.reader.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const partial = this.reader.partial();
        this.fail(
          new SessionError('timeout', `no complete ${what} within ${timeoutMs} ms`, partial ? [partial] : []),
        );
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
    });
  }

  /**
   * The greeting: like read(), but when nothing at all arrived within `timeoutMs`, `probeLine` is written once and
   * up to `probeMs` more are given. A non-SMTP answer fails the read as 'not-smtp' (the reader recognises it);
   * otherwise the greeting's timeout stands.
   */
  readGreeting(timeoutMs: number, probeLine: string, probeMs: number): Promise<Reply> {
    const queued = this.reader.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failed) return Promise.reject(this.failed);
    const what = 'greeting (banner)';
    return new Promise((resolve, reject) => {
      const timeout = () => {
        const partial = this.reader.partial();
        this.fail(
          new SessionError('timeout', `no complete ${what} within ${timeoutMs} ms`, partial ? [partial] : []),
        );
      };
      let probed = false;
      // An SMTP reply to the probe is not a greeting: the port stayed silent until spoken to (banner timeout).
      const settle = (r: Reply) => {
        if (!probed) return resolve(r);
        const err = new SessionError(
          'timeout',
          `no ${what} within ${timeoutMs} ms; after one probe line the server answered "${r.raw[0] ?? ''}"`,
          r.raw.slice(0, 1),
        );
        this.fail(err);
        reject(err);
      };
      const timer = setTimeout(() => {
        if (this.failed || !this.waiter || this.reader.partial()) return timeout();
        probed = true;
        const data = `${probeLine}\r\n`;
        this.log.client(data);
        this.socket.write(data);
        this.waiter.timer = setTimeout(timeout, probeMs);
      }, timeoutMs);
      this.waiter = { resolve: settle, reject, timer };
    });
  }

  /** Writes command lines (several only when the server offered PIPELINING). */
  write(lines: readonly string[]): void {
    for (const l of lines) {
      if (FORBIDDEN_FIELD_CHARS.test(l))
        throw new Error('refusing to send a command containing CR, LF or NUL');
    }
    if (this.failed || this.closing) return;
    const stray = this.reader.queue.splice(0, this.reader.queue.length);
    if (stray.length > 0) {
      // A reply nobody asked for would be taken as the answer to this command: stop instead of misreading.
      this.fail(
        new SessionError(
          'bad-reply',
          'the server sent a reply nobody asked for',
          stray.flatMap((r) => r.raw).slice(0, 3),
        ),
      );
      return;
    }
    const data = lines.map((l) => `${l}\r\n`).join('');
    this.log.client(data);
    this.socket.write(data);
  }

  async command(line: string, timeoutMs: number, what = 'reply'): Promise<Reply> {
    this.write([line]);
    return this.read(timeoutMs, what);
  }

  /**
   * STARTTLS's second half (after the 220): anything the server sent before the handshake is discarded (RFC 3207;
   * "STARTTLS response injection"), then the handshake runs. Returns how many bytes were discarded.
   */
  async startTls(
    params: TlsParams,
    timeoutMs: number,
  ): Promise<{ discardedBytes: number; discardedPreview: string }> {
    if (this.failed) throw this.failed;
    const buffered = this.reader.takeBuffered();
    const plain = this.socket;
    this.detach(plain);
    const up = await upgradeToTls(plain, params, timeoutMs, this.signal);
    if (!up.ok) {
      this.tls = up.info;
      this.closing = true;
      this.failed = up.error;
      throw up.error;
    }
    this.tls = up.info;
    this.log.tls(`${up.info.protocol ?? '?'} ${up.info.cipher ?? '?'} (${up.ms} ms)`);
    this.socket = up.socket;
    this.reader = this.newReader();
    this.attach(this.socket);
    return { discardedBytes: buffered.bytes, discardedPreview: buffered.preview };
  }

  /**
   * QUIT politely without reading the 221 (it proves nothing): send, half-close, and resolve once the server has
   * closed too (bounded by QUIT_GRACE_MS), so the host's connection slot is only freed when the connection is gone.
   */
  quit(): Promise<void> {
    if (this.failed || this.closing) return this.closed();
    this.write(['QUIT']);
    this.closing = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.end();
    return this.closed();
  }

  /** Resolves when the socket is fully closed, destroying it after QUIT_GRACE_MS at the latest. */
  closed(): Promise<void> {
    const sock = this.socket;
    if (sock.destroyed && sock.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => sock.destroy(), QUIT_GRACE_MS);
      sock.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.closing = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    if (this.waiter) {
      clearTimeout(this.waiter.timer);
      this.waiter = null;
    }
    this.socket.destroy();
  }
}
