// Capture mode's local SMTP listener (smtp-server): the device is pointed at the laptop and everything it really
// does is recorded and diagnosed. Old TLS versions and ciphers are accepted on purpose, so the device's true
// capability shows; AUTH is accepted without checking the password (which is never stored), except the listener
// password that relay-through with the technician's sign-in requires. Binds only the addresses the technician
// chose (and says so when they reach beyond this computer); bounded in connections (also per client address),
// time per command, message size and session time; stops after idle time. Relay-through is never an open relay
// (relay-policy.ts).
import type { Socket } from 'node:net';
import { hostname } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { SMTPServer } from 'smtp-server';
import type { CaptureDiagnosis, CapturedSession } from '../../shared/capture';
import type { Method } from '../../shared/model';
import type { SessionSecrets } from '../../shared/secrets';
import { generateCaptureCertificate } from './cert';
import { peekClientHello } from './client-hello';
import {
  AddressCounter,
  COMMAND_IDLE_MS,
  guardCommands,
  MAX_CONNECTIONS_PER_ADDRESS,
} from './connection-guard';
import { handleData } from './data-handler';
import { diagnoseCapture, EXO_MAX_MESSAGE_BYTES } from './diagnose-capture';
import { exposureOf, type ListenExposure } from './exposure';
import type { RelayTarget } from './relay';
import {
  listenerPasswordMatches,
  openRelayProblem,
  openRelayReason,
  RelayGate,
  type OpenRelayReason,
  REPLY_BAD_LISTENER_PASSWORD,
} from './relay-policy';
import { watchCommands, type WatchedConnection } from './command-watch';
import { SessionRecorder, type ListenerInfo } from './session-recorder';

export interface CaptureLimits {
  /** Concurrent device connections per listener (more get 421). */
  maxConnections: number;
  /** Concurrent connections from one client address (more are refused with 421). */
  maxConnectionsPerAddress: number;
  /** Longest wait for one command line after our reply, in milliseconds (connection-guard.ts says why). */
  commandIdleMs: number;
  /** Largest message the listener takes, in bytes (counted, not stored, unless relaying). */
  maxMessageBytes: number;
  /** Longest a single connection may last, in milliseconds. */
  sessionMs: number;
  /** Longest silence inside a connection, in milliseconds. */
  socketIdleMs: number;
  /** Longest wait for the device's ClientHello after STARTTLS / on an implicit-TLS port, in milliseconds. */
  handshakeMs: number;
  /** Stop by itself after this long without any connection, in milliseconds (0: never). */
  idleStopMs: number;
  /** Diagnoses kept in memory (oldest dropped first). */
  maxSessionsKept: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxConnections: 100,
  maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS,
  commandIdleMs: COMMAND_IDLE_MS,
  // Exchange Online's own default limit (diagnose-capture.ts cites it): a larger message would be refused upstream.
  maxMessageBytes: EXO_MAX_MESSAGE_BYTES,
  sessionMs: 10 * 60_000,
  socketIdleMs: 60_000,
  handshakeMs: 15_000,
  idleStopMs: 30 * 60_000,
  maxSessionsKept: 1000,
};

/** How long close() lets open connections finish before they are cut, in milliseconds. */
const CLOSE_GRACE_MS = 2000;
/** Relayed messages in flight at once (Exchange Online allows 3 concurrent connections per mailbox). */
export const RELAY_MAX_CONCURRENT = 3;

/** A tiny counting semaphore: relays wait their turn instead of tripping the upstream's 432 limit. */
function limiter(max: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

export interface ListenSpec {
  address: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Implicit TLS from the first byte ("SSL", port 465). */
  implicitTls?: boolean;
  /** Skip (and report in `skipped`) instead of failing when the port cannot be bound, e.g. 25/587 without rights. */
  optional?: boolean;
}

export interface CaptureOptions {
  listen: readonly ListenSpec[];
  method: Method;
  /** Accepted domains of the tenant (direct-send: recipients outside them are external). */
  tenantDomains?: readonly string[];
  /** Upstream size limit the diagnosis compares with, in bytes (default: Exchange Online's 35 MB). */
  upstreamMaxMessageBytes?: number;
  /** Relay-through: forward every captured message upstream and answer the device with the true outcome. */
  relay?: RelayTarget | null;
  /** The password a device must sign in to the listener with before anything is relayed with the technician's sign-in. */
  listenerPassword?: string | undefined;
  limits?: Partial<CaptureLimits>;
  /** Name in our banner and EHLO reply (default: this computer's name). */
  serverName?: string;
  /** Called as each session ends. `secrets` (memory only, never store them) lets the caller scan what it is
   *  about to write or print for the device's password in every encoding (shared/secrets secretForms). */
  onSession?: (d: CaptureDiagnosis, secrets: readonly SessionSecrets[]) => void;
}

export interface CaptureHandle {
  listeners: ListenerInfo[];
  /** Optional listeners that could not be bound, with the reason. */
  skipped: { address: string; port: number; reason: string }[];
  /** Listeners reachable from beyond this computer: the CLI and the app warn about each (which address, how wide). */
  exposure: ListenExposure[];
  certificate: { certPem: string; fingerprint256: string };
  /** Diagnoses of finished sessions, oldest first (bounded). */
  sessions: CaptureDiagnosis[];
  /** Resolves with `count` diagnoses in total, or what there is when `timeoutMs` passes. */
  waitFor(count: number, timeoutMs: number): Promise<CaptureDiagnosis[]>;
  /** Resolves with the reason once the listener has stopped ('idle', 'closed', ...). */
  stopped: Promise<string>;
  close(reason?: string): Promise<void>;
}

export class CaptureListenError extends Error {
  override readonly name = 'CaptureListenError';
  constructor(
    message: string,
    /** Set when the listener refused because it would be an open relay (the app words it for its form). */
    readonly openRelay?: OpenRelayReason,
  ) {
    super(message);
  }
}

type Upgrade = SMTPServer['_upgrade'];

export async function startCapture(opts: CaptureOptions): Promise<CaptureHandle> {
  if (opts.listen.length === 0)
    throw new CaptureListenError('choose at least one address and port to listen on');
  const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...opts.limits };
  const relay = opts.relay ?? null;
  const access = {
    listenerPassword: opts.listenerPassword,
    tenantDomains: opts.tenantDomains?.map((d) => d.toLowerCase()),
  };
  const openRelay = relay ? openRelayReason(relay, access) : null;
  if (relay && openRelay)
    throw new CaptureListenError(openRelayProblem(relay, access) ?? openRelay, openRelay);
  const gate = new RelayGate(relay, access);
  const perAddress = new AddressCounter();
  const recorder = new SessionRecorder(relay?.auth === 'device');
  const cert = generateCaptureCertificate([...opts.listen.map((l) => l.address), hostname()]);
  const sessions: CaptureDiagnosis[] = [];
  let total = 0;
  const waiters = new Set<() => void>();
  let open = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let stopReason: ((r: string) => void) | undefined;
  const stopped = new Promise<string>((resolve) => (stopReason = resolve));
  let closing: Promise<void> | null = null;
  const servers: SMTPServer[] = [];
  const relaySlot = limiter(RELAY_MAX_CONCURRENT);
  /** Every raw device connection still open, with its session-time limit (cut at close). */
  const sockets = new Map<Socket, NodeJS.Timeout>();
  const release = (socket: Socket) => {
    const timer = sockets.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    sockets.delete(socket);
    open--;
    armIdle();
  };

  const emit = (s: CapturedSession | undefined) => {
    if (!s) return;
    const d = diagnoseCapture(s, {
      method: opts.method,
      ...(opts.tenantDomains ? { tenantDomains: opts.tenantDomains } : {}),
      ...(opts.upstreamMaxMessageBytes ? { maxMessageBytes: opts.upstreamMaxMessageBytes } : {}),
    });
    sessions.push(d);
    total++;
    if (sessions.length > limits.maxSessionsKept) sessions.shift();
    for (const w of [...waiters]) w();
    opts.onSession?.(d, recorder.takeSecrets(s.id));
  };
  const armIdle = () => {
    clearTimeout(idleTimer);
    // A connection closing while the listener stops must not start a new idle wait (it kept `capture` alive).
    if (closing) return;
    if (limits.idleStopMs > 0 && open === 0)
      idleTimer = setTimeout(() => void close('idle'), limits.idleStopMs);
  };

  const makeServer = (info: ListenerInfo): SMTPServer => {
    const implicit = info.implicitTls;
    const server = new SMTPServer({
      secure: implicit,
      key: cert.keyPem,
      cert: cert.certPem,
      minVersion: 'TLSv1',
      // Accept what old firmware offers (TLS 1.0, SHA-1, RSA key exchange): we observe, we do not protect.
      ciphers: 'DEFAULT@SECLEVEL=0',
      name: opts.serverName ?? hostname(),
      banner: 'Device Mail Doctor capture: messages are recorded, not delivered unless relaying is on',
      authMethods: ['LOGIN', 'PLAIN', 'XOAUTH2'],
      authOptional: true,
      allowInsecureAuth: true,
      disableReverseLookup: true,
      maxClients: limits.maxConnections,
      size: limits.maxMessageBytes,
      socketTimeout: limits.socketIdleMs,
      closeTimeout: CLOSE_GRACE_MS,
      logger: false,
      onConnect(s, cb) {
        recorder.connect(s, info);
        cb();
      },
      onSecure(socket, s, cb) {
        recorder.secure(socket as TLSSocket, s, implicit);
        cb();
      },
      onAuth(auth, s, cb) {
        recorder.auth(auth, s);
        if (
          gate.needsListenerPassword &&
          !listenerPasswordMatches(
            opts.listenerPassword ?? '',
            (auth.method === 'XOAUTH2' ? auth.accessToken : auth.password) ?? undefined,
          )
        ) {
          cb(
            Object.assign(new Error(REPLY_BAD_LISTENER_PASSWORD.text), {
              responseCode: REPLY_BAD_LISTENER_PASSWORD.code,
            }),
          );
          return;
        }
        cb(null, { user: auth.username ?? '' });
      },
      onMailFrom(address, s, cb) {
        recorder.mailFrom(s);
        const refusal = gate.onMailFrom(Boolean(s.user));
        if (!refusal) return cb();
        recorder.refuse(s, 'MAIL', address.address, `${refusal.code} ${refusal.text}`);
        cb(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      },
      onRcptTo(address, s, cb) {
        const refusal = gate.onRcptTo(Boolean(s.user), address.address);
        if (!refusal) return cb();
        recorder.refuse(s, 'RCPT', address.address, `${refusal.code} ${refusal.text}`);
        cb(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      },
      onData(stream, s, cb) {
        handleData({ relay, maxMessageBytes: limits.maxMessageBytes, recorder, relaySlot }, stream, s, cb);
      },
      onClose(s) {
        emit(recorder.close(s));
        for (const socket of sockets.keys()) {
          if (socket.remoteAddress === s.remoteAddress && socket.remotePort === s.remotePort) release(socket);
        }
      },
    });
    // Read the ClientHello before smtp-server's implicit-TLS handshake.
    const upgrade: Upgrade = server._upgrade.bind(server);
    server._upgrade = (socket, callback) => {
      void peekClientHello(socket, limits.handshakeMs).then((hello) => {
        const { remoteAddress, remotePort } = socket;
        upgrade(socket, (err, tlsSocket) => {
          if (tlsSocket) recorder.hellos.set(tlsSocket, hello);
          // Only implicit TLS passes here (STARTTLS upgrades inside the connection): no SMTP session exists yet.
          if (err)
            emit(
              recorder.failedBeforeSession(info, remoteAddress ?? '', remotePort ?? 0, hello, err.message),
            );
          callback(err, tlsSocket);
        });
      });
    };
    // STARTTLS upgrades inside the connection (not through _upgrade): peek there too, before the TLS socket exists.
    const connect = server.connect.bind(server);
    server.connect = (socket, socketOptions) => {
      connect(socket, socketOptions);
      const conn = [...server.connections].find((c) => c._socket === socket);
      if (!conn) return;
      watchCommands(conn as WatchedConnection, recorder);
      guardCommands(conn, socket, limits.commandIdleMs, () => {
        recorder.markEnd(conn.session.id, `no complete command within ${limits.commandIdleMs} ms`);
      });
      if (implicit) return;
      const original = conn.upgrade.bind(conn);
      conn.upgrade = (callback, secureCallback) => {
        const raw = conn._socket;
        if (conn._parser) raw.unpipe(conn._parser);
        // smtp-server forgets the pre-TLS EHLO name at STARTTLS; a device that never greets again keeps it.
        recorder.noteEhlo(conn.session.id, conn.hostNameAppearsAs);
        void peekClientHello(raw, limits.handshakeMs).then((hello) => {
          recorder.helloForSession(conn.session.id, hello);
          original(callback, secureCallback);
        });
      };
    };
    server.server.on('connection', (socket: Socket) => {
      // One address may not take every slot (smtp-server's handler has already run: end it before it greets).
      if (!perAddress.admit(socket, limits.maxConnectionsPerAddress)) {
        if (implicit) socket.destroy();
        else
          socket.end(
            `421 4.7.0 Too many connections from your address (capture listener allows ${limits.maxConnectionsPerAddress}); try again later\r\n`,
            () => socket.destroy(),
          );
        return;
      }
      open++;
      clearTimeout(idleTimer);
      const timer = setTimeout(() => {
        for (const id of recorder.idsFor(socket.remoteAddress, socket.remotePort))
          recorder.markEnd(id, `session time limit (${limits.sessionMs} ms)`);
        socket.destroy();
      }, limits.sessionMs);
      sockets.set(socket, timer);
      // smtp-server removes every listener from the raw socket at STARTTLS, so this may never fire: onClose
      // releases the connection too (release is idempotent).
      socket.once('close', () => release(socket));
    });
    return server;
  };

  const close = (reason = 'closed'): Promise<void> => {
    closing ??= (async () => {
      clearTimeout(idleTimer);
      // smtp-server waits up to closeTimeout for open connections; a device mid-handshake (or a TLS socket
      // smtp-server no longer tracks) is cut after that grace, so a stop always ends within it.
      const cut = setTimeout(() => {
        for (const s of sockets.keys()) s.destroy();
      }, CLOSE_GRACE_MS);
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      for (const [s, timer] of sockets) {
        clearTimeout(timer);
        s.destroy();
      }
      sockets.clear();
      clearTimeout(cut);
      stopReason?.(reason);
      for (const w of [...waiters]) w();
    })();
    return closing;
  };

  const listeners: ListenerInfo[] = [];
  const skipped: CaptureHandle['skipped'] = [];
  try {
    for (const spec of opts.listen) {
      const info: ListenerInfo = {
        address: spec.address,
        port: spec.port,
        implicitTls: spec.implicitTls ?? false,
      };
      const server = makeServer(info);
      const bound = await new Promise<boolean>((resolve, reject) => {
        const fail = (err: NodeJS.ErrnoException) => {
          if (!spec.optional) reject(new CaptureListenError(listenErrorText(spec, err)));
          skipped.push({ address: spec.address, port: spec.port, reason: listenErrorText(spec, err) });
          resolve(false);
        };
        server.once('error', fail);
        server.listen(spec.port, spec.address, () => {
          server.off('error', fail);
          resolve(true);
        });
      });
      if (!bound) continue;
      // Later errors (a device's failed handshake, a reset) are recorded per session, never fatal.
      server.on('error', () => undefined);
      const addr = server.server.address();
      if (addr && typeof addr === 'object') info.port = addr.port;
      servers.push(server);
      listeners.push(info);
    }
    if (listeners.length === 0)
      throw new CaptureListenError(`no port could be opened: ${skipped.map((x) => x.reason).join('; ')}`);
  } catch (err) {
    await close('failed');
    throw err;
  }
  armIdle();

  const waitFor = (count: number, timeoutMs: number) =>
    new Promise<CaptureDiagnosis[]>((resolve) => {
      const check = () => {
        if (total >= count || closing) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...sessions]);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        resolve([...sessions]);
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    listeners,
    skipped,
    exposure: exposureOf(listeners),
    certificate: { certPem: cert.certPem, fingerprint256: cert.fingerprint256 },
    sessions,
    waitFor,
    stopped,
    close,
  };
}

function listenErrorText(spec: ListenSpec, err: NodeJS.ErrnoException): string {
  const where = `${spec.address.includes(':') ? `[${spec.address}]` : spec.address}:${spec.port}`;
  if (err.code === 'EADDRINUSE')
    return `cannot listen on ${where}: the port is already in use (another mail server or capture?)`;
  if (err.code === 'EACCES')
    return `cannot listen on ${where}: ports below 1024 need administrator rights here; use 2525 or 587 via the OS's port rules`;
  if (err.code === 'EADDRNOTAVAIL')
    return `cannot listen on ${where}: this computer has no such address (list them with --list-addresses)`;
  return `cannot listen on ${where}: ${err.message}`;
}
