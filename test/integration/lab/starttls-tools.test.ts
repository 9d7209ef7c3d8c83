// The lab's STARTTLS dialog as the classic tools read it. testssl.sh 3.0.8 (starttls_smtp_dialog) reads lines until
// one matches its end pattern and fails on any line that matches neither pattern: greeting `^220-`/`^220 `, EHLO
// `^250-`/`^250 ` with a `^250[ -]STARTTLS` line, STARTTLS `^220-`/`^220 `. The dialog is replayed here on a raw
// socket with exactly those patterns and CRLF line ends; then openssl s_client -starttls smtp completes a verified
// handshake. (testssl.sh itself is run by `npm run bench`: it finishes — slowly, being bash — rather than hangs.)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { itPeers, opensslMissing } from '../../helpers/peers';

/** How long one reply may take, in ms. */
const REPLY_MS = 10_000;
/** Bound on the openssl run, in ms. */
const OPENSSL_MS = 30_000;

let lab: Lab;
let dir: string;
beforeAll(async () => {
  lab = await startLab({ scenario: 'healthy' });
  dir = mkdtempSync(join(tmpdir(), 'dmd-starttls-tools-'));
  writeFileSync(join(dir, 'ca.pem'), lab.caPem);
}, 60_000);
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads raw bytes until a line matches `end`; fails on a line matching neither `cont` nor `end` (testssl's rule). */
function fullRead(sock: net.Socket, cont: RegExp, end: RegExp): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const lines: string[] = [];
    const timer = setTimeout(
      () => finish(new Error(`no line matching ${end} within ${REPLY_MS} ms: ${JSON.stringify(lines)}`)),
      REPLY_MS,
    );
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const raw = buf.slice(0, nl + 1);
        buf = buf.slice(nl + 1);
        if (!raw.endsWith('\r\n')) return finish(new Error(`line without CRLF: ${JSON.stringify(raw)}`));
        const line = raw.slice(0, -2);
        lines.push(line);
        if (end.test(line))
          return finish(buf === '' ? null : new Error(`bytes after the reply: ${JSON.stringify(buf)}`));
        if (!cont.test(line))
          return finish(new Error(`line matches neither ${cont} nor ${end}: ${JSON.stringify(line)}`));
      }
    };
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      sock.off('data', onData);
      if (err) reject(err);
      else resolve(lines);
    };
    sock.on('data', onData);
  });
}

describe("the lab's STARTTLS dialog, read the way testssl.sh and openssl read it", () => {
  it("testssl.sh's patterns: greeting, EHLO with STARTTLS, STARTTLS → 220, then a verified TLS handshake", async () => {
    const sock = net.connect(lab.submission.port, lab.submission.address);
    try {
      await new Promise<void>((r, j) => sock.once('connect', () => r()).once('error', j));
      expect((await fullRead(sock, /^220-/, /^220 /)).at(-1)).toMatch(/^220 /);
      sock.write('EHLO testssl.sh\r\n');
      const ehlo = await fullRead(sock, /^250-/, /^250 /);
      expect(ehlo.some((l) => /^250[ -]STARTTLS/.test(l))).toBe(true);
      sock.write('STARTTLS\r\n');
      expect(await fullRead(sock, /^220-/, /^220 /)).toEqual([expect.stringMatching(/^220 /)]);
      const secure = tls.connect({ socket: sock, servername: lab.submission.host, ca: [lab.caPem] });
      await new Promise<void>((r, j) => secure.once('secureConnect', () => r()).once('error', j));
      expect(secure.authorized).toBe(true);
      secure.destroy();
    } finally {
      sock.destroy();
    }
  }, 30_000);

  itPeers(
    'openssl s_client -starttls smtp completes a verified handshake with the lab',
    opensslMissing(),
    { timeout: 2 * OPENSSL_MS },
    async () => {
      // Asynchronous: the lab runs in this process and must keep answering while openssl waits.
      const args = [
        's_client',
        '-starttls',
        'smtp',
        '-connect',
        `${lab.submission.address}:${lab.submission.port}`,
        '-servername',
        lab.submission.host,
      ];
      args.push('-CAfile', join(dir, 'ca.pem'), '-verify_return_error', '-brief');
      const child = spawn('/usr/bin/openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), OPENSSL_MS);
      child.stdin.end(); // nothing to send: s_client ends after the handshake
      const code = await new Promise<number | null>((r) => child.on('close', r));
      clearTimeout(timer);
      expect(out).toMatch(/CONNECTION ESTABLISHED/);
      expect(out).toMatch(/Verification: OK/);
      expect(code, out).toBe(0);
    },
  );
});
