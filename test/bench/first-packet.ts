// "diagnose to first packet": a fresh `diagnose --method auto` process from spawn to the first packet it puts on
// the wire (its first DNS query or TCP connection), i.e. the CLI's own start-up cost before any probing. The DNS
// server and every --connect-to target point at listeners in this process that only note the arrival time; the
// child is then killed (it never gets an answer, so nothing after the first packet is measured).
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const CLI = join(resolve(import.meta.dirname, '../..'), 'bin/device-mail-doctor.cjs');
/** Bound on one measurement, in ms: a process that sends nothing in this time counts as failed. */
const FIRST_PACKET_LIMIT_MS = 30_000;

/** Milliseconds from spawn to the first DNS datagram or TCP connection of one `diagnose --method auto` run. */
export async function firstPacketMs(): Promise<number> {
  const udp = createSocket('udp4');
  const sockets = new Set<Socket>();
  const tcp = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    seen();
  });
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
  const dns = `127.0.0.1:${udp.address().port}`;
  const port = (tcp.address() as AddressInfo).port;
  let seen: () => void = () => undefined;
  try {
    return await new Promise<number>((done, fail) => {
      const args = [
        CLI,
        'diagnose',
        '--method',
        'auto',
        '--domain',
        'contoso.com',
        '--user',
        'scanner@contoso.com',
        '--password-env',
        'DMD_FIRST_PACKET_PW',
        '--to',
        'staff@contoso.com',
        '--dns-server',
        dns,
        '--connect-to',
        `::127.0.0.1:${port}`,
        '--json',
      ];
      const t0 = performance.now();
      const child = spawn(process.execPath, args, {
        env: { ...process.env, DMD_FIRST_PACKET_PW: 'not-a-real-password' },
        stdio: 'ignore',
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`no packet within ${FIRST_PACKET_LIMIT_MS} ms`));
      }, FIRST_PACKET_LIMIT_MS);
      let once = false;
      seen = () => {
        if (once) return;
        once = true;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.kill('SIGKILL');
        child.once('close', () => done(ms));
      };
      udp.once('message', () => seen());
      child.once('error', (err) => {
        clearTimeout(timer);
        fail(err);
      });
    });
  } finally {
    for (const s of sockets) s.destroy();
    udp.close();
    await new Promise<void>((r) => tcp.close(() => r()));
  }
}
