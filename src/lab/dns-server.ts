// The lab's authoritative DNS server (UDP, and TCP on the same port when available), answering from dns-zone.ts.
// Malformed packets are dropped; TCP connections are bounded in count, size and idle time.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket, { type Answer, type DecodedPacket } from 'dns-packet';
import type { Zone } from './dns-zone';

/** Largest UDP answer before we set TC and let the client retry over TCP, in bytes (RFC 1035). */
const MAX_UDP_BYTES = 512;
/** Open TCP DNS connections. */
const MAX_TCP_CONNECTIONS = 32;
/** Bytes buffered per TCP DNS connection before it is dropped. */
const MAX_TCP_BUFFER_BYTES = 65_537;
/** Idle limit of a TCP DNS connection, in milliseconds. */
const TCP_IDLE_MS = 10_000;

const RCODE_FORMERR = 1;
const RCODE_NXDOMAIN = 3;
const RCODE_NOTIMP = 4;

export interface DnsServer {
  address: string;
  port: number;
  tcp: boolean;
  close(): Promise<void>;
}

/** Builds the answer to one query (exported for unit use). */
export function answer(zone: Zone, query: DecodedPacket): Buffer {
  const q = query.questions?.[0];
  let rcode = 0;
  let answers: Answer[] = [];
  if (query.type !== 'response' && q && (query.questions?.length ?? 0) === 1) {
    const records = zone.get(q.name.toLowerCase().replace(/\.$/, ''));
    if (!records) rcode = RCODE_NXDOMAIN;
    else answers = records.filter((r) => (q.type as string) === 'ANY' || r.type === q.type);
  } else {
    rcode = q ? RCODE_NOTIMP : RCODE_FORMERR;
  }
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    dnsPacket.RECURSION_AVAILABLE |
    (query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0) |
    rcode;
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags,
    questions: query.questions ?? [],
    answers,
  });
}

function safeDecode(buf: Buffer): DecodedPacket | null {
  try {
    return dnsPacket.decode(buf);
  } catch {
    return null;
  }
}

function truncate(reply: Buffer, query: DecodedPacket): Buffer {
  if (reply.length <= MAX_UDP_BYTES) return reply;
  const flags =
    dnsPacket.AUTHORITATIVE_ANSWER |
    dnsPacket.TRUNCATED_RESPONSE |
    (query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0);
  return dnsPacket.encode({ type: 'response', id: query.id ?? 0, flags, questions: query.questions ?? [] });
}

export async function startDnsServer(zone: Zone, address: string, port: number): Promise<DnsServer> {
  const udp = dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    const query = safeDecode(msg);
    if (!query) return;
    udp.send(truncate(answer(zone, query), query), rinfo.port, rinfo.address);
  });
  udp.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind({ address, port, exclusive: true }, () => {
      udp.removeListener('error', reject);
      resolve();
    });
  });
  const bound = udp.address().port;

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    if (sockets.size >= MAX_TCP_CONNECTIONS) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > MAX_TCP_BUFFER_BYTES) return socket.destroy();
      while (buf.length >= 2) {
        const len = buf.readUInt16BE(0);
        if (buf.length < 2 + len) return;
        const query = safeDecode(buf.subarray(2, 2 + len));
        buf = buf.subarray(2 + len);
        if (!query) return socket.destroy();
        const reply = answer(zone, query);
        const head = Buffer.alloc(2);
        head.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([head, reply]));
      }
    });
  });
  let tcpOk = true;
  await new Promise<void>((resolve) => {
    tcp.once('error', () => {
      tcpOk = false;
      resolve();
    });
    tcp.listen({ host: address, port: bound, exclusive: true }, () => resolve());
  });

  return {
    address,
    port: bound,
    tcp: tcpOk,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => (tcpOk ? tcp.close(() => resolve()) : resolve())),
      ]);
    },
  };
}
