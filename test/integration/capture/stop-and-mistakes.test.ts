// `capture` as a real process (issue 14): it ends after each way of stopping — max sessions, idle, Ctrl+C (SIGINT),
// SIGTERM — after STARTTLS, implicit-TLS, AUTH and relay-through sessions; and the device's common mistakes are
// recorded as sessions that say what went wrong: TLS at once to a plain port, plain SMTP to the "SSL" port, HELO
// instead of EHLO, a CRAM-MD5-only device that quits (never "pass, no findings").
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { describePeers } from '../../helpers/peers';
import { SWAKS_MISSING, swaks } from './devices';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'device-mail-doctor.cjs');
/** The listener's close grace (listener.ts CLOSE_GRACE_MS): a stop must end the process within it. */
const STOP_BOUND_MS = 2_000;
/** Slack for process start-up / teardown on 2 shared cores, in ms (the bound asserted is STOP_BOUND_MS + this). */
const SLACK_MS = 3_000;
/** Longest wait for the "listening" line, in ms. */
const LISTEN_WAIT_MS = 30_000;
/** --idle-timeout for the idle test, in seconds. */
const IDLE_S = 4;
/** Hard kill for a process that never exits (the test then fails on its exit), in ms. */
const HANG_KILL_MS = 20_000;

interface Session {
  event: string;
  verdict: string;
  primaryFinding: { code: string } | null;
  findings: { code: string; cause: string }[];
  session: { listener: { implicitTls: boolean }; greeting: string | null; commands?: string[] };
}

interface Running {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startCapture(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, 'capture', '--json', '--lang', 'en', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const kill = setTimeout(() => child.kill('SIGKILL'), HANG_KILL_MS * 3);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(kill);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  return { child, out: () => out, exited };
}

async function ports(r: Running): Promise<{ plain: number; implicit: number | null }> {
  const deadline = Date.now() + LISTEN_WAIT_MS;
  while (Date.now() < deadline) {
    const line = r
      .out()
      .split('\n')
      .find((l) => l.includes('"event":"listening"'));
    if (line) {
      const ls = (JSON.parse(line) as { listeners: { port: number; implicitTls: boolean }[] }).listeners;
      return {
        plain: ls.find((l) => !l.implicitTls)?.port ?? 0,
        implicit: ls.find((l) => l.implicitTls)?.port ?? null,
      };
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`capture did not start: ${r.out()}`);
}

const sessions = (r: Running): Session[] =>
  r
    .out()
    .split('\n')
    .filter((l) => l.includes('"event":"session"'))
    .map((l) => JSON.parse(l) as Session);

async function waitSessions(r: Running, n: number): Promise<void> {
  const deadline = Date.now() + HANG_KILL_MS;
  while (sessions(r).length < n && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
  expect(sessions(r).length, r.out()).toBeGreaterThanOrEqual(n);
}

/** Exits by itself, within the bound after `from`, printing its "stopped" line. */
async function expectEnds(r: Running, from: number, reason: string): Promise<number> {
  const timer = setTimeout(() => r.child.kill('SIGKILL'), HANG_KILL_MS);
  const e = await r.exited;
  clearTimeout(timer);
  expect(e.signal, `killed: the process hung\n${r.out()}`).toBeNull();
  const ms = e.at - from;
  expect(ms, `ended ${ms} ms after the stop`).toBeLessThan(STOP_BOUND_MS + SLACK_MS);
  expect(r.out()).toContain(`"event":"stopped","reason":"${reason}"`);
  return ms;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'dmd-capture-stop-'));
let lab: Lab | undefined;
beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: ROOT,
    timeout: 120_000,
  });
  if (b.status !== 0) throw new Error(`build:cli failed: ${b.stderr.toString()}`);
}, 130_000);
afterAll(async () => {
  await lab?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const AUTH = [
  '-a',
  'LOGIN',
  '-au',
  'scan@contoso.com',
  '-ap',
  'Device-pw-1',
  '--from',
  'scan@contoso.com',
  '--to',
  'boss@contoso.com',
];

describePeers('capture ends after every way of stopping (real process, swaks devices)', SWAKS_MISSING, () => {
  it('max sessions: after a STARTTLS + AUTH session and an implicit-TLS session', async () => {
    const r = startCapture([
      '--listen',
      '127.0.0.1:0',
      '--implicit-tls',
      '127.0.0.1:0',
      '--max-sessions',
      '2',
    ]);
    const p = await ports(r);
    expect((await swaks(p.plain, ['--helo', 'mfp-stop-1.contoso.local', '--tls', ...AUTH])).exit).toBe(0);
    expect(
      (await swaks(p.implicit ?? 0, ['--helo', 'mfp-stop-2.contoso.local', '--tlsc', ...AUTH])).exit,
    ).toBe(0);
    await waitSessions(r, 2);
    await expectEnds(r, Date.now(), 'max-sessions');
  }, 120_000);

  it('idle: after a STARTTLS session the idle limit stops it', async () => {
    // Long enough for swaks to connect first on a busy machine (the idle wait also runs before any connection).
    const r = startCapture(['--listen', '127.0.0.1:0', '--idle-timeout', String(IDLE_S)]);
    const p = await ports(r);
    expect((await swaks(p.plain, ['--helo', 'mfp-idle.contoso.local', '--tls', ...AUTH])).exit).toBe(0);
    await waitSessions(r, 1);
    // The idle wait starts again when the last connection closes: the process ends within it plus the bound.
    await expectEnds(r, Date.now() + IDLE_S * 1000, 'idle');
  }, 120_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: after STARTTLS, AUTH and implicit-TLS sessions`, async () => {
      const r = startCapture([
        '--listen',
        '127.0.0.1:0',
        '--implicit-tls',
        '127.0.0.1:0',
        '--idle-timeout',
        '0',
      ]);
      const p = await ports(r);
      expect((await swaks(p.plain, ['--helo', `mfp-${signal}-1.contoso.local`, '--tls', ...AUTH])).exit).toBe(
        0,
      );
      expect(
        (await swaks(p.implicit ?? 0, ['--helo', `mfp-${signal}-2.contoso.local`, '--tlsc', ...AUTH])).exit,
      ).toBe(0);
      await waitSessions(r, 2);
      const at = Date.now();
      r.child.kill(signal);
      await expectEnds(r, at, 'interrupted');
    }, 120_000);
  }

  it('SIGTERM after a relay-through session (STARTTLS + AUTH upstream to the practice lab)', async () => {
    lab = await startLab({ scenario: 'healthy' });
    const ca = path.join(tmp, 'lab-ca.pem');
    writeFileSync(ca, lab.caPem);
    const t = lab.tenant;
    const r = startCapture([
      '--listen',
      '127.0.0.1:0',
      '--idle-timeout',
      '0',
      '--relay',
      `${lab.submission.host}:${lab.submission.port}`,
      '--relay-connect',
      lab.submission.address,
      '--relay-ca',
      ca,
      '--relay-device-auth',
    ]);
    const p = await ports(r);
    const sent = await swaks(p.plain, [
      '--helo',
      'mfp-relay-stop.contoso.local',
      '--tls',
      '-a',
      'LOGIN',
      '-au',
      t.mailbox,
      '-ap',
      t.password,
      '--from',
      t.mailbox,
      '--to',
      t.internalRecipient,
    ]);
    expect(sent.exit, sent.out).toBe(0);
    await waitSessions(r, 1);
    expect(sessions(r)[0]?.verdict).not.toBe('fail');
    const at = Date.now();
    r.child.kill('SIGTERM');
    await expectEnds(r, at, 'interrupted');
  }, 120_000);
});

describePeers(
  "capture records the device's common mistakes as sessions (real process, swaks devices)",
  SWAKS_MISSING,
  () => {
    it('TLS at once to a plain port, plain SMTP to the "SSL" port, HELO, a CRAM-MD5-only device: none is a pass', async () => {
      const r = startCapture([
        '--listen',
        '127.0.0.1:0',
        '--implicit-tls',
        '127.0.0.1:0',
        '--max-sessions',
        '4',
      ]);
      const p = await ports(r);
      await swaks(p.plain, ['--tlsc', '--from', 'scan@contoso.com', '--to', 'boss@contoso.com']); // device set to "SSL"
      await swaks(p.implicit ?? 0, [
        '--helo',
        'mfp-plain.contoso.local',
        '--from',
        'scan@contoso.com',
        '--to',
        'boss@contoso.com',
      ]); // plain to 465
      await swaks(p.plain, [
        '--protocol',
        'SMTP',
        '--helo',
        'mfp-helo.contoso.local',
        '--from',
        'scan@contoso.com',
        '--to',
        'boss@contoso.com',
      ]);
      await swaks(p.plain, [
        '--helo',
        'mfp-cram.contoso.local',
        '--tls',
        '-a',
        'CRAM-MD5',
        '-au',
        'scan@contoso.com',
        '-ap',
        'x',
        '--from',
        'scan@contoso.com',
        '--to',
        'boss@contoso.com',
      ]);
      await waitSessions(r, 4);
      await expectEnds(r, Date.now(), 'max-sessions');
      const all = sessions(r);
      for (const s of all) expect(s.verdict, JSON.stringify(s.findings.map((f) => f.code))).not.toBe('pass');
      const codes = (s: Session | undefined) => s?.findings.map((f) => f.code) ?? [];
      const tlsToPlain = all.find((s) => !s.session.listener.implicitTls && s.session.greeting === null);
      expect(codes(tlsToPlain)).toEqual(
        expect.arrayContaining(['TLS_MODE_MISMATCH', 'PORT_465_UNSUPPORTED']),
      );
      expect(tlsToPlain?.primaryFinding?.code).toMatch(/TLS_MODE_MISMATCH|PORT_465_UNSUPPORTED/);
      const plainToTls = all.find((s) => s.session.listener.implicitTls);
      expect(codes(plainToTls)).toContain('TLS_MODE_MISMATCH');
      const helo = all.find((s) => s.session.greeting === 'HELO');
      expect(codes(helo)).toContain('HELO_NOT_EHLO');
      expect(helo?.findings.find((f) => f.code === 'HELO_NOT_EHLO')?.cause).toMatch(/STARTTLS/);
      const cram = all.find((s) => s.session.greeting === 'EHLO' && !s.session.listener.implicitTls);
      expect(codes(cram)).toContain('SESSION_NO_MESSAGE');
      const why = cram?.findings.find((f) => f.code === 'SESSION_NO_MESSAGE')?.cause ?? '';
      expect(why).toMatch(/CRAM-MD5/);
      expect(why).toMatch(/stopped after/);
    }, 120_000);
  },
);
