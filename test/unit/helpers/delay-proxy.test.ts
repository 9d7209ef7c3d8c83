// The benchmark's latency injection must really add the delay, keep bytes in order and count flights.
import { createSocket } from 'node:dgram';
import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDelayProxy, startUdpDelayProxy } from '../../helpers/delay-proxy';

const ONE_WAY_MS = 20;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function echoServer(greeting = ''): Promise<number> {
  const srv: Server = createServer((s) => {
    s.on('error', () => undefined);
    if (greeting) s.write(greeting);
    s.pipe(s);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => srv.close(() => r())));
  const addr = srv.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

function readUntil(sock: ReturnType<typeof connect>, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let n = 0;
    const onData = (d: Buffer) => {
      parts.push(d);
      n += d.length;
      if (n >= bytes) {
        sock.off('data', onData);
        resolve(Buffer.concat(parts));
      }
    };
    sock.on('data', onData);
    sock.once('error', reject);
  });
}

describe('delay proxy', () => {
  it('delays the greeting by 1.5 RTT and each later round trip by 1 RTT', async () => {
    const port = await echoServer('220 hi\r\n');
    const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port }, oneWayDelayMs: ONE_WAY_MS });
    cleanups.push(() => proxy.close());
    const t0 = performance.now();
    const sock = connect({ host: proxy.address, port: proxy.port });
    cleanups.push(() => Promise.resolve(void sock.destroy()));
    await readUntil(sock, 8);
    const greetingMs = performance.now() - t0;
    const t1 = performance.now();
    sock.write('EHLO x\r\n');
    await readUntil(sock, 8);
    const rttMs = performance.now() - t1;
    expect(greetingMs).toBeGreaterThanOrEqual(3 * ONE_WAY_MS - 2);
    expect(rttMs).toBeGreaterThanOrEqual(2 * ONE_WAY_MS - 2);
    for (const cmd of ['MAIL FROM:<a@b>\r\n', 'QUIT\r\n']) {
      const echoed = readUntil(sock, cmd.length);
      sock.write(cmd);
      await echoed;
    }
    // Three request/reply turns after the greeting: three flights on the wire.
    expect(proxy.connections()[0]?.clientFlights).toBe(3);
  });

  it("connects upstream from the client's own loopback address", async () => {
    let seen = '';
    const srv = createServer((s) => {
      seen = s.remoteAddress ?? '';
      s.end('220 x\r\n');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => srv.close(() => r())));
    const addr = srv.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port }, oneWayDelayMs: 1 });
    cleanups.push(() => proxy.close());
    const sock = connect({ host: proxy.address, port: proxy.port, localAddress: '127.0.0.7' });
    cleanups.push(() => Promise.resolve(void sock.destroy()));
    await readUntil(sock, 5);
    expect(seen).toBe('127.0.0.7');
  });

  it('keeps 4 MB intact and in order through its bounded buffers, and counts flights', async () => {
    const port = await echoServer();
    const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port }, oneWayDelayMs: 5 });
    cleanups.push(() => proxy.close());
    const payload = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < payload.length; i += 1) payload[i] = (i * 31 + (i >> 12)) & 0xff;
    const sock = connect({ host: proxy.address, port: proxy.port });
    cleanups.push(() => Promise.resolve(void sock.destroy()));
    const back = readUntil(sock, payload.length);
    sock.write(payload);
    expect((await back).equals(payload)).toBe(true);
    const again = readUntil(sock, 4);
    sock.write('ping');
    expect((await again).toString()).toBe('ping');
    expect(proxy.connections()[0]?.bytesUp).toBe(payload.length + 4);
  });

  it('delays UDP datagrams both ways and routes replies back to the sender', async () => {
    const echo = createSocket('udp4');
    echo.on('message', (m, r) => echo.send(m, r.port, r.address));
    await new Promise<void>((r) => echo.bind(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => echo.close(() => r())));
    const proxy = await startUdpDelayProxy({
      target: { host: '127.0.0.1', port: echo.address().port },
      oneWayDelayMs: ONE_WAY_MS,
    });
    cleanups.push(() => proxy.close());
    const client = createSocket('udp4');
    cleanups.push(() => new Promise((r) => client.close(() => r())));
    const t0 = performance.now();
    const reply = new Promise<Buffer>((r) => client.once('message', r));
    client.send('query', proxy.port, proxy.address);
    expect((await reply).toString()).toBe('query');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(2 * ONE_WAY_MS - 2);
  });
});
