// Latency injection without netem (this kernel has none): a loopback→loopback TCP proxy that holds every chunk
// for a fixed one-way delay in each direction (40 ms RTT = 20 ms each way), and the same for UDP (DNS).
// A userland proxy cannot delay the SYN/SYN-ACK, so it delays opening the upstream connection by one RTT
// instead: the server's greeting then reaches the client 1.5 RTT after connect(), as it would on a real path.
// It also counts "flights" (a burst from the client after the server last spoke): round trips as measured on
// the wire, a cross-check for the transcript's count.
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { connect, createServer, type Socket } from 'node:net';

/** Bytes held in flight per direction before the sending side is paused (bounded buffers). */
const HIGH_WATER_BYTES = 1024 * 1024;
/** Bytes held in flight below which a paused side resumes. */
const LOW_WATER_BYTES = 256 * 1024;
/** Upstream connect deadline, in milliseconds (the target is on loopback: this is generous). */
const UPSTREAM_CONNECT_MS = 5_000;
/** Distinct UDP clients remembered by the UDP proxy (each gets its own upstream socket). */
const MAX_UDP_CLIENTS = 256;
/** Largest UDP datagram forwarded, in bytes (DNS over UDP with EDNS stays well under this). */
const MAX_DATAGRAM_BYTES = 65_535;

export interface DelayProxyOptions {
  target: { host: string; port: number };
  /** Delay added to every chunk in each direction, in milliseconds (RTT = 2 × this). */
  oneWayDelayMs: number;
  /** Where the proxy listens; default 127.0.0.1, port chosen by the OS. */
  listenAddress?: string;
  /** Open the upstream connection from the client's own (loopback) address, so the target still sees the
   *  client's address (the lab's relay connector recognises the site by it). Default true. */
  preserveSource?: boolean;
}

export interface ConnectionStats {
  /** Client→server bursts, each one after the server had spoken (the first one counts too). */
  clientFlights: number;
  bytesUp: number;
  bytesDown: number;
}

export interface DelayProxy {
  address: string;
  port: number;
  /** Per-connection counters, in the order connections were accepted. */
  connections(): readonly ConnectionStats[];
  resetStats(): void;
  close(): Promise<void>;
}

interface Flow {
  queued: number;
  paused: boolean;
}

/** Forwards src→dst holding each chunk `delayMs`; pauses src past the high-water mark or on dst back-pressure. */
function forward(src: Socket, dst: Socket, delayMs: number, onChunk: (n: number) => void): void {
  const flow: Flow = { queued: 0, paused: false };
  const maybeResume = () => {
    if (flow.paused && flow.queued < LOW_WATER_BYTES && dst.writableLength < LOW_WATER_BYTES) {
      flow.paused = false;
      src.resume();
    }
  };
  src.on('data', (chunk: Buffer) => {
    onChunk(chunk.length);
    flow.queued += chunk.length;
    if (flow.queued > HIGH_WATER_BYTES) {
      flow.paused = true;
      src.pause();
    }
    // Equal delays fire in scheduling order, so chunks keep their order.
    setTimeout(() => {
      flow.queued -= chunk.length;
      if (!dst.destroyed && !dst.write(chunk)) {
        flow.paused = true;
        src.pause();
      }
      maybeResume();
    }, delayMs);
  });
  dst.on('drain', maybeResume);
  src.on('end', () => setTimeout(() => dst.end(), delayMs));
  src.on('close', (hadError) => {
    if (hadError) setTimeout(() => dst.destroy(), delayMs);
  });
}

export function startDelayProxy(opts: DelayProxyOptions): Promise<DelayProxy> {
  const delay = opts.oneWayDelayMs;
  const stats: ConnectionStats[] = [];
  const open = new Set<Socket>();

  const server = createServer({ pauseOnConnect: true }, (client) => {
    const s: ConnectionStats = { clientFlights: 0, bytesUp: 0, bytesDown: 0 };
    stats.push(s);
    let serverSpokeLast = true; // the client's first burst is a flight
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    // One RTT stands in for the TCP handshake the proxy cannot delay.
    const timer = setTimeout(() => {
      const from = opts.preserveSource === false ? undefined : client.remoteAddress;
      const upstream = connect({
        host: opts.target.host,
        port: opts.target.port,
        noDelay: true,
        ...(from ? { localAddress: from } : {}),
      });
      open.add(upstream);
      upstream.on('close', () => open.delete(upstream));
      upstream.on('error', () => client.destroy());
      upstream.setTimeout(UPSTREAM_CONNECT_MS, () => upstream.destroy());
      upstream.once('connect', () => {
        upstream.setTimeout(0);
        forward(client, upstream, delay, (n) => {
          s.bytesUp += n;
          if (serverSpokeLast) s.clientFlights += 1;
          serverSpokeLast = false;
        });
        forward(upstream, client, delay, (n) => {
          s.bytesDown += n;
          serverSpokeLast = true;
        });
        client.resume();
      });
    }, 2 * delay);
    client.on('close', () => clearTimeout(timer));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.listenAddress ?? '127.0.0.1', () => {
      const addr = server.address();
      if (!addr || typeof addr === 'string') return reject(new Error('delay proxy: no address'));
      resolve({
        address: addr.address,
        port: addr.port,
        connections: () => stats,
        resetStats: () => void stats.splice(0),
        close: () =>
          new Promise<void>((done) => {
            for (const sock of open) sock.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A send on a socket closed meanwhile throws synchronously; a lost datagram is what UDP promises anyway. */
function safeSend(sock: UdpSocket, msg: Buffer, port: number, address: string): void {
  try {
    sock.send(msg, port, address);
  } catch {
    // closed while the datagram was held
  }
}

export interface UdpDelayProxy {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** The same delay for UDP (the lab's DNS): each client gets its own upstream socket so replies find their way back. */
export function startUdpDelayProxy(opts: DelayProxyOptions): Promise<UdpDelayProxy> {
  const delay = opts.oneWayDelayMs;
  const front = createSocket('udp4');
  const upstreams = new Map<string, UdpSocket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, delay);
    timers.add(t);
  };

  const upstreamFor = (client: RemoteInfo): UdpSocket | null => {
    const key = `${client.address}:${client.port}`;
    const known = upstreams.get(key);
    if (known) return known;
    if (upstreams.size >= MAX_UDP_CLIENTS) return null;
    const up = createSocket('udp4');
    up.on('error', () => undefined);
    up.on('message', (msg) => later(() => safeSend(front, msg, client.port, client.address)));
    upstreams.set(key, up);
    return up;
  };

  front.on('error', () => undefined);
  front.on('message', (msg, rinfo) => {
    if (msg.length > MAX_DATAGRAM_BYTES) return;
    const up = upstreamFor(rinfo);
    if (up) later(() => safeSend(up, msg, opts.target.port, opts.target.host));
  });

  return new Promise((resolve, reject) => {
    front.once('error', reject);
    front.bind(0, opts.listenAddress ?? '127.0.0.1', () => {
      const addr = front.address();
      resolve({
        address: addr.address,
        port: addr.port,
        close: () =>
          new Promise<void>((done) => {
            for (const t of timers) clearTimeout(t);
            for (const up of upstreams.values()) up.close();
            front.close(() => done());
          }),
      });
    });
  });
}
