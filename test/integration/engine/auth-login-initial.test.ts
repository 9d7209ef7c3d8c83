// AUTH LOGIN with the user name as the initial response (RFC 4954 §4): 2 client lines where the server takes it, and
// still the one LOGIN sign-in where it does not — a server that refuses the form (501: nothing was checked, so the
// plain `AUTH LOGIN` is not a second attempt) or ignores it (asks "Username:" again). Real sockets, plain SMTP on
// loopback (tlsMode none: these servers offer AUTH without STARTTLS).
import { afterAll, describe, expect, it } from 'vitest';
import type net from 'node:net';
import { DEFAULT_LIMITS } from '../../../src/main/engine/limits';
import { runSmtpSession } from '../../../src/main/engine/protocol/smtp-session';
import { SessionLog, Transcript } from '../../../src/main/engine/protocol/transcript';
import { startScripted, type Scripted } from '../../helpers/hostile-server';

const USER = 'scanner@contoso.com';
const PASSWORD = 'Lab#Passw0rd!2026';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const USERNAME_CHALLENGE = '334 VXNlcm5hbWU6'; // "Username:"
const PASSWORD_CHALLENGE = '334 UGFzc3dvcmQ6'; // "Password:"

type InitialResponse = 'accept' | 'refuse' | 'ignore';
const servers: Scripted[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

/** A LOGIN-only server; records every client line. Answers 235 only to the right user and password. */
async function loginServer(initial: InitialResponse): Promise<{ s: Scripted; lines: string[] }> {
  const lines: string[] = [];
  const s = await startScripted((sock: net.Socket) => {
    sock.on('error', () => undefined);
    let step: 'cmd' | 'user' | 'pass' = 'cmd';
    let user = '';
    let buf = '';
    sock.write('220 mail.example.test ESMTP\r\n');
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (let nl = buf.indexOf('\r\n'); nl >= 0; nl = buf.indexOf('\r\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        lines.push(line);
        if (step === 'user') {
          user = Buffer.from(line, 'base64').toString();
          step = 'pass';
          sock.write(`${PASSWORD_CHALLENGE}\r\n`);
        } else if (step === 'pass') {
          step = 'cmd';
          const ok = user === USER && Buffer.from(line, 'base64').toString() === PASSWORD;
          sock.write(
            ok ? '235 2.7.0 Authentication successful\r\n' : '535 5.7.3 Authentication unsuccessful\r\n',
          );
        } else if (/^EHLO /i.test(line)) sock.write('250-mail.example.test\r\n250 AUTH LOGIN\r\n');
        else if (/^AUTH LOGIN \S+$/i.test(line) && initial === 'refuse')
          sock.write('501 5.5.4 Syntax error in parameters\r\n');
        else if (/^AUTH LOGIN \S+$/i.test(line) && initial === 'accept') {
          user = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString();
          step = 'pass';
          sock.write(`${PASSWORD_CHALLENGE}\r\n`);
        } else if (/^AUTH LOGIN/i.test(line)) {
          step = 'user';
          sock.write(`${USERNAME_CHALLENGE}\r\n`);
        } else if (/^QUIT/i.test(line)) sock.end('221 2.0.0 Bye\r\n');
        else sock.write('502 5.5.2 Command not implemented\r\n');
      }
    });
  });
  servers.push(s);
  return { s, lines };
}

async function signIn(s: Scripted, password = PASSWORD) {
  const transcript = new Transcript(performance.now(), DEFAULT_LIMITS, []);
  const res = await runSmtpSession(
    {
      host: 'mail.example.test',
      port: 587,
      address: s.address,
      connectPort: s.port,
      ehloName: 'test.example',
      tlsMode: 'none',
      tls: { extraCaPem: [], rejectUnauthorized: true },
      auth: { user: USER, password },
      rcpts: [],
      stopAfter: 'auth',
    },
    DEFAULT_LIMITS,
    new SessionLog(transcript, 'auth'),
  );
  return { res, rows: transcript.finish() };
}

const authLines = (lines: string[]) => lines.filter((l) => !/^(EHLO|QUIT)/i.test(l));

describe('AUTH LOGIN with an initial response', () => {
  it('a server that takes it: AUTH LOGIN <user>, then the password — two lines, signed in', async () => {
    const { s, lines } = await loginServer('accept');
    const { res, rows } = await signIn(s);
    expect(res.auth?.mechanism).toBe('LOGIN');
    expect(res.auth?.reply?.code).toBe(235);
    expect(authLines(lines)).toEqual([`AUTH LOGIN ${b64(USER)}`, b64(PASSWORD)]);
    // Both credential lines are redacted in the transcript.
    expect(authLines(rows.filter((r) => r.dir === 'C').map((r) => r.text))).toEqual([
      'AUTH LOGIN <redacted>',
      '<redacted>',
    ]);
  }, 30_000);

  it('a wrong password is still one sign-in attempt with the server verdict (535)', async () => {
    const { s, lines } = await loginServer('accept');
    const { res } = await signIn(s, 'wrong');
    expect(res.auth?.reply?.code).toBe(535);
    expect(authLines(lines).filter((l) => l.startsWith('AUTH'))).toHaveLength(1);
  }, 30_000);

  it('a server that refuses the form (501): the plain AUTH LOGIN exchange follows, signed in', async () => {
    const { s, lines } = await loginServer('refuse');
    const { res } = await signIn(s);
    expect(res.auth?.reply?.code).toBe(235);
    expect(authLines(lines)).toEqual([`AUTH LOGIN ${b64(USER)}`, 'AUTH LOGIN', b64(USER), b64(PASSWORD)]);
  }, 30_000);

  it('a server that ignores it and asks "Username:": the user name again, then the password', async () => {
    const { s, lines } = await loginServer('ignore');
    const { res } = await signIn(s);
    expect(res.auth?.reply?.code).toBe(235);
    expect(authLines(lines)).toEqual([`AUTH LOGIN ${b64(USER)}`, b64(USER), b64(PASSWORD)]);
  }, 30_000);
});
