// One address cannot starve the device, and relay-through streams: 110 clients dribbling one byte every 2 s from
// 127.0.0.2 leave a slot for a device on 127.0.0.3 (220 within 2 s); a client that never finishes a command is
// cut by the per-command timeout; three 30 MB messages relayed at once through a spawned `capture` process keep
// its RSS within +100 MB (the messages are never held whole in memory).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import { startCapture } from '../../../src/main/capture/index';

/** Slow clients opened from one address (more than the listener's 100 total slots). */
const SLOW_CLIENTS = 110;
/** How often each slow client sends its next byte, in ms. */
const DRIP_MS = 2000;
/** The device must be greeted within this, in ms (the bound). */
const GREETING_BOUND_MS = 2000;
/** Bound on waiting for the slow clients to be connected or refused, in ms. */
const SETTLE_MS = 20_000;
/** Size of each relayed message, and how many at once. */
const MESSAGE_BYTES = 30 * 1024 * 1024;
const PARALLEL_RELAYS = 3;
/** Allowed RSS growth of the capture process while relaying, in bytes. */
const RSS_BUDGET_BYTES = 100 * 1024 * 1024;
/** RSS sampling interval, in ms. */
const RSS_SAMPLE_MS = 100;
/** How long the capture process gets to end after SIGTERM before SIGKILL, in ms. */
const STOP_GRACE_MS = 5000;
const ROOT = path.resolve(__dirname, '../../..');

const dir = mkdtempSync(path.join(tmpdir(), 'dmd-starve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Connects from `localAddress` and resolves with the first reply line, or the close/error reason. */
function greet(port: number, localAddress: string): Promise<{ sock: net.Socket; line: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1', localAddress });
    let buf = '';
    const done = (line: string) => resolve({ sock, line, ms: performance.now() - t0 });
    sock.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.split('\r\n')[0] ?? '');
    });
    sock.on('close', () => done(buf === '' ? 'closed' : buf));
    sock.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'error'));
  });
}

describe('one address cannot starve the device', () => {
  it(`${SLOW_CLIENTS} slow clients from 127.0.0.2: a device on 127.0.0.3 still gets 220 within ${GREETING_BOUND_MS} ms`, async () => {
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { idleStopMs: 0 },
    });
    const port = h.listeners[0]?.port ?? 0;
    const timers: NodeJS.Timeout[] = [];
    const slow: net.Socket[] = [];
    try {
      const results = await Promise.all(
        Array.from({ length: SLOW_CLIENTS }, async () => {
          const r = await Promise.race([
            greet(port, '127.0.0.2'),
            new Promise<null>((res) => setTimeout(() => res(null), SETTLE_MS)),
          ]);
          if (!r) return 'no reply';
          slow.push(r.sock);
          // Dribble "EHLO x..." one byte at a time, as a slowloris would.
          const bytes = Buffer.from('EHLO slow.example\r\n');
          let i = 0;
          timers.push(
            setInterval(
              () => !r.sock.destroyed && i < bytes.length && r.sock.write(bytes.subarray(i, ++i)),
              DRIP_MS,
            ),
          );
          return r.line;
        }),
      );
      const greeted = results.filter((l) => l.startsWith('220')).length;
      expect(greeted).toBeGreaterThan(0);
      expect(greeted).toBeLessThanOrEqual(10);
      expect(
        results.filter((l) => /^421 4\.7\.0 Too many connections from your address/.test(l)).length,
      ).toBe(SLOW_CLIENTS - greeted);
      const device = await greet(port, '127.0.0.3');
      device.sock.destroy();
      expect(device.line).toMatch(/^220 /);
      expect(device.ms).toBeLessThan(GREETING_BOUND_MS);
    } finally {
      for (const t of timers) clearInterval(t);
      for (const s of slow) s.destroy();
      await h.close();
    }
  }, 60_000);

  it('a client that never completes a command is cut by the per-command timeout (421 4.4.2) and the session says why', async () => {
    const commandIdleMs = 1000;
    const h = await startCapture({
      listen: [{ address: '127.0.0.1', port: 0 }],
      method: 'submission',
      limits: { idleStopMs: 0, commandIdleMs, socketIdleMs: 60_000 },
    });
    try {
      const r = await greet(h.listeners[0]?.port ?? 0, '127.0.0.4');
      // One byte every 300 ms keeps the socket busy (socket-idle never fires) but never finishes a line.
      let all = '';
      r.sock.on('data', (d: Buffer) => (all += d.toString()));
      const drip = setInterval(() => !r.sock.destroyed && r.sock.write('E'), 300);
      await new Promise((res) => r.sock.once('close', res));
      clearInterval(drip);
      expect(all).toMatch(/^421 4\.4\.2 Timeout waiting for a command/m);
      const [d] = await h.waitFor(1, 5000);
      expect(d?.session.endReason).toMatch(/no complete command within 1000 ms/);
    } finally {
      await h.close();
    }
  }, 30_000);
});

/** VmRSS of a process, in bytes (Linux /proc). */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

describe('relay-through streams', () => {
  it(`${PARALLEL_RELAYS} parallel 30 MB relays keep the capture process within +100 MB RSS, and all arrive`, async () => {
    const lab = await startLab({ scenario: 'healthy' });
    const caFile = path.join(dir, 'lab-ca.pem');
    writeFileSync(caFile, lab.caPem);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'test/helpers/cli-child.ts'),
        'capture',
        '--listen',
        '127.0.0.1:0',
        '--json',
        '--idle-timeout',
        '0',
        '--relay',
        `${lab.submission.host}:${lab.submission.port}`,
        '--relay-connect',
        lab.submission.address,
        '--relay-ca',
        caFile,
        '--relay-device-auth',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let sampler: NodeJS.Timeout | undefined;
    try {
      const deadline = Date.now() + 60_000;
      let port = 0;
      while (!port && Date.now() < deadline) {
        const line = out.split('\n').find((l) => l.includes('"event":"listening"'));
        if (line) port = (JSON.parse(line) as { listeners: { port: number }[] }).listeners[0]?.port ?? 0;
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(port, err).toBeGreaterThan(0);
      const pid = child.pid ?? 0;
      const baseline = rssOf(pid);
      let peak = baseline;
      sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), RSS_SAMPLE_MS);
      const t = lab.tenant;
      // 30 MB of base64-looking lines, as a scanned PDF attachment would be.
      const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0'}\r\n`;
      const body = Buffer.from(
        `From: ${t.mailbox}\r\nTo: ${t.internalRecipient}\r\nSubject: big scan\r\n\r\n${line.repeat(Math.ceil(MESSAGE_BYTES / line.length))}`,
      );
      const sends = Array.from({ length: PARALLEL_RELAYS }, (_, i) => {
        const tr = nodemailer.createTransport({
          host: '127.0.0.1',
          port,
          secure: false,
          requireTLS: true,
          name: `mfp-big-${i}.contoso.local`,
          localAddress: `127.0.0.${20 + i}`,
          auth: { user: t.mailbox, pass: t.password },
          tls: { rejectUnauthorized: false },
          socketTimeout: 120_000,
        });
        return tr
          .sendMail({
            envelope: { from: t.mailbox, to: [t.internalRecipient] },
            raw: Buffer.concat([Buffer.from(`X-Big: ${i}\r\n`), body]),
          })
          .finally(() => tr.close());
      });
      const results = await Promise.all(sends);
      for (const r of results) expect(r.response).toMatch(/^250 /);
      expect(lab.received.filter((m) => /X-Big: \d/.test(m.data.slice(0, 200)))).toHaveLength(
        PARALLEL_RELAYS,
      );
      clearInterval(sampler);
      const growth = peak - baseline;
      process.stderr.write(
        `capture RSS: baseline ${(baseline / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB, growth ${(growth / 2 ** 20).toFixed(0)} MB\n`,
      );
      expect(growth).toBeLessThan(RSS_BUDGET_BYTES);
    } finally {
      clearInterval(sampler);
      // SIGTERM first; SIGKILL if the process has not ended within the grace (ending on a signal is issue 14's).
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await closed;
      clearTimeout(kill);
      await lab.close();
    }
  }, 240_000);
});
