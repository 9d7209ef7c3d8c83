// TCP connect with curl's --connect-to rules and a local bind address; tells refused, silently dropped
// (timeout), unreachable and reset apart, and measures the time to connect. Failures are results, not throws.
import net from 'node:net';
import type { ConnectToRule } from '../../../shared/model';

export type TcpFailure = 'refused' | 'timeout' | 'unreachable' | 'reset' | 'bind' | 'aborted' | 'other';

export type TcpResult =
  | { ok: true; socket: net.Socket; ms: number; localAddress: string; remoteAddress: string }
  | { ok: false; failure: TcpFailure; code: string; message: string; ms: number };

export interface ConnectSpec {
  address: string;
  port: number;
  /** Local address to leave from (the device's segment). */
  localAddress?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** Where a connection meant for host:port really goes; null when no rule matches (curl semantics). */
export function applyConnectTo(
  host: string,
  port: number,
  rules: readonly ConnectToRule[],
): { host: string; port: number } | null {
  for (const r of rules) {
    const hostOk = r.host === '' || r.host.toLowerCase() === host.toLowerCase();
    const portOk = r.port === 0 || r.port === port;
    if (hostOk && portOk) return { host: r.toHost, port: r.toPort };
  }
  return null;
}

export function classifyTcpError(code: string): TcpFailure {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
    case 'EACCES':
    case 'EPERM':
      return 'unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'EADDRNOTAVAIL':
    case 'EADDRINUSE':
    case 'EINVAL':
      return 'bind';
    default:
      return 'other';
  }
}

/** Opens one TCP connection; settles once; on failure the socket is destroyed and every timer cleared. */
export function connectTcp(spec: ConnectSpec): Promise<TcpResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const family = net.isIPv6(spec.address) ? 6 : net.isIPv4(spec.address) ? 4 : 0;
    const opts: net.NetConnectOpts = { host: spec.address, port: spec.port, noDelay: true };
    if (family) opts.family = family;
    if (spec.localAddress) opts.localAddress = spec.localAddress;
    let socket: net.Socket;
    const finish = (r: TcpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
      if (!r.ok) socket.destroy();
      // Never let a late socket error crash the process; the session attaches its own handler too.
      socket.on('error', () => undefined);
      resolve(r);
    };
    const onError = (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'UNKNOWN';
      finish({ ok: false, failure: classifyTcpError(code), code, message: err.message, ms: ms() });
    };
    const onConnect = () =>
      finish({
        ok: true,
        socket,
        ms: ms(),
        localAddress: socket.localAddress ?? '',
        remoteAddress: socket.remoteAddress ?? spec.address,
      });
    const onAbort = () =>
      finish({ ok: false, failure: 'aborted', code: 'ABORT_ERR', message: 'cancelled', ms: ms() });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          failure: 'timeout',
          code: 'ETIMEDOUT',
          message: `no answer within ${spec.timeoutMs} ms`,
          ms: ms(),
        }),
      spec.timeoutMs,
    );
    try {
      socket = net.connect(opts);
    } catch (err) {
      // Synchronous throws: invalid local address and the like.
      clearTimeout(timer);
      const code = (err as NodeJS.ErrnoException).code ?? 'EINVAL';
      resolve({ ok: false, failure: 'bind', code, message: (err as Error).message, ms: ms() });
      return;
    }
    socket.once('error', onError);
    socket.once('connect', onConnect);
    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Connects and closes at once: reachability and time to connect for one address. */
export async function probeTcp(spec: ConnectSpec): Promise<TcpResult> {
  const r = await connectTcp(spec);
  if (r.ok) {
    // Closed (FIN sent) before the host's slot is handed on; not waiting for the peer, which may never close.
    const sock = r.socket;
    await new Promise<void>((resolve) => {
      sock.once('close', () => resolve());
      sock.destroy();
    });
  }
  return r;
}
