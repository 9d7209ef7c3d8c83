// "Devices" for capture tests: real SMTP clients run as child processes (swaks, openssl s_client) and a raw
// socket client that sends exactly the bytes a broken firmware would (bare LF). All bounded in time.
import { execFile, spawn } from 'node:child_process';
import net from 'node:net';
import { opensslMissing, swaksMissing } from '../../helpers/peers';

/** Why swaks / openssl cannot play the device here (null: they can). */
export const SWAKS_MISSING = swaksMissing();
export const OPENSSL_MISSING = opensslMissing();
export const HAVE_SWAKS = SWAKS_MISSING === null;
/** Bound on one client run, in milliseconds. */
export const CLIENT_RUN_MS = 30_000;

export function swaks(port: number, args: string[]): Promise<{ exit: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/swaks',
      ['--server', '127.0.0.1', '--port', String(port), '--timeout', '10', ...args],
      { timeout: CLIENT_RUN_MS },
      (err, stdout, stderr) => {
        resolve({
          exit: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
          out: `${stdout}${stderr}`,
        });
      },
    );
  });
}

/** `openssl s_client -starttls smtp` with extra flags; sends QUIT once the handshake is done. */
export function opensslStarttls(
  port: number,
  flags: string[],
  ehlo = 'mfp-openssl.example',
): Promise<{ exit: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      '/usr/bin/openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-starttls', 'smtp', '-name', ehlo, '-ign_eof', ...flags],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let quitSent = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!quitSent && /Verify return code|Cipher is|no peer certificate|alert|errno/.test(out)) {
        quitSent = true;
        setTimeout(() => child.stdin.end('QUIT\r\n'), 200);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_RUN_MS);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve({ exit, out });
    });
  });
}

/** A plain SMTP dialogue over a socket: each command waits for its reply; `data` is sent as given (bytes). */
export function rawSession(port: number, steps: { send: string; expect: RegExp }[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const replies: string[] = [];
    let buf = '';
    let i = -1;
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`raw session timed out after ${replies.length} replies`));
    }, CLIENT_RUN_MS);
    const next = () => {
      i++;
      const step = steps[i];
      if (!step) {
        clearTimeout(timer);
        sock.end();
        resolve(replies);
        return;
      }
      sock.write(step.send);
    };
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      // A complete reply: its last line has a space after the code.
      const m = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buf);
      if (!m) return;
      replies.push(buf.trimEnd());
      const want = i < 0 ? /^220/ : steps[i]?.expect;
      buf = '';
      if (want && !want.test(replies[replies.length - 1] ?? '')) {
        clearTimeout(timer);
        sock.destroy();
        reject(new Error(`unexpected reply: ${replies[replies.length - 1] ?? ''}`));
        return;
      }
      next();
    });
    sock.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
