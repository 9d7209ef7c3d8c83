// `device-mail-doctor capture` end to end, in process: swaks devices against the CLI's listener, JSON lines out,
// sessions appended to a report; then every output (stdout, the report file, the whole temp folder) is scanned
// for the devices' passwords in every encoding. Bad input ends in exit 2 with one clear line.
import { readFileSync, readdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { createReportStore } from '../../../src/main/store/report-store';
import { findSecret, secretForms } from '../../../src/shared/secrets';
import { describePeers } from '../../helpers/peers';
import { SWAKS_MISSING, swaks } from './devices';

/** Bound on waiting for the CLI's "listening" line, in ms. */
const LISTEN_WAIT_MS = 30_000;
const dir = mkdtempSync(path.join(tmpdir(), 'dmd-capture-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = main(['capture', ...args], {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: { LANG: 'en_US.UTF-8', ...env },
  });
  return { code, out: () => out, err: () => err };
}

async function listeningPort(cli: ReturnType<typeof startCli>): Promise<number> {
  const deadline = Date.now() + LISTEN_WAIT_MS;
  while (Date.now() < deadline) {
    const line = cli
      .out()
      .split('\n')
      .find((l) => l.includes('"event":"listening"'));
    if (line) return (JSON.parse(line) as { listeners: { port: number }[] }).listeners[0]?.port ?? 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`CLI did not start listening: ${cli.err()}`);
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = path.join(root, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describePeers('capture CLI with swaks devices', SWAKS_MISSING, () => {
  it('prints each session as a JSON line, appends it to the report, and no password appears anywhere', async () => {
    const reportsDir = path.join(dir, 'reports');
    const store = await createReportStore(reportsDir);
    const report = await store.create({ customer: 'Contoso', site: 'HQ', method: 'submission' });
    const cli = startCli([
      '--listen',
      '127.0.0.1:0',
      '--json',
      '--max-sessions',
      '2',
      '--idle-timeout',
      '120',
      '--report',
      report.id,
      '--reports-dir',
      reportsDir,
    ]);
    const port = await listeningPort(cli);
    const pw1 = 'Tls10-device-pw&1';
    const pw2 = 'SendAs-device-pw%2';
    const a = await swaks(port, [
      '--helo',
      'mfp-cli-1.contoso.local',
      '--tls',
      '--tls-protocol',
      'tlsv1',
      '--tls-cipher',
      'DEFAULT@SECLEVEL=0',
      '-a',
      'LOGIN',
      '-au',
      'scan@contoso.com',
      '-ap',
      pw1,
      '--from',
      'scan@contoso.com',
      '--to',
      'boss@contoso.com',
    ]);
    const b = await swaks(port, [
      '--helo',
      'mfp-cli-2.contoso.local',
      '--tls',
      '-a',
      'PLAIN',
      '-au',
      'scan@contoso.com',
      '-ap',
      pw2,
      '--from',
      'info@contoso.com',
      '--to',
      'boss@contoso.com',
    ]);
    expect(a.exit + b.exit).toBe(0);
    expect(await cli.code).toBe(1);
    const lines = cli
      .out()
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            event: string;
            findings?: { code: string; title: string; predicted?: boolean }[];
            session?: { ehlo: string };
          },
      );
    expect(lines.map((l) => l.event)).toEqual(['listening', 'session', 'session', 'stopped']);
    const byEhlo = new Map(
      lines.filter((l) => l.session).map((l) => [l.session?.ehlo, l.findings?.map((f) => f.code)]),
    );
    expect(byEhlo.get('mfp-cli-1.contoso.local')).toEqual(['TLS_VERSION_UNSUPPORTED', 'AUTH_FAILED']);
    expect(byEhlo.get('mfp-cli-2.contoso.local')).toEqual(['SEND_AS_DENIED', 'AUTH_FAILED']); // ranked: the SendAs failure before the '%'-in-password hint
    expect(lines[1]?.findings?.[0]?.title).toBeTruthy();
    const saved = await store.open(report.id);
    expect(saved.captures).toHaveLength(2);
    expect(saved.captures[0]).toMatchObject({ kind: 'capture', method: 'submission', verdict: 'fail' });
    // Nothing written or printed holds a password, in plain, escaped or any base64 form.
    const forms = [pw1, pw2].flatMap((password) => secretForms({ user: 'scan@contoso.com', password }));
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const text of [cli.out(), cli.err(), ...files.map((f) => readFileSync(f, 'latin1'))])
      expect(findSecret(text, forms)).toBeNull();
  }, 90_000);

  it('human output names the findings (ja)', async () => {
    const cli = startCli(['--listen', '127.0.0.1:0', '--json', '--max-sessions', '1', '--lang', 'ja']);
    const port = await listeningPort(cli);
    await swaks(port, [
      '--helo',
      'mfp-cli-ja.contoso.local',
      '--from',
      'scan@contoso.com',
      '--to',
      'boss@contoso.com',
    ]);
    expect(await cli.code).toBe(1);
    const session =
      cli
        .out()
        .split('\n')
        .find((l) => l.includes('"event":"session"')) ?? '';
    expect(session).toContain('CLIENT_NOT_AUTHENTICATED');
    expect(session).toMatch(/[ぁ-んァ-ン一-龯]/);
  }, 60_000);
});

describe('capture CLI bad input → exit 2 with one clear line', () => {
  it.each([
    [['--listen', 'printer.local:25'], /ADDR\[:PORT\] with an IP address/],
    [['--listen', '127.0.0.1:70000'], /port must be 0-65535/],
    [['--method', 'smoke-signals', '--listen', '127.0.0.1:0'], /--method must be/],
    [[], /choose where to listen/],
    [['--listen', '127.0.0.1:0', '--relay-password', 'x'], /never pass a password/],
    [['--listen', '127.0.0.1:0', '--relay', 'smtp.office365.com'], /--relay must be HOST:PORT/],
    [['--listen', '127.0.0.1:0', '--relay-user', 'a@b.c'], /needs --relay/],
    [['--listen', '127.0.0.1:0', '--idle-timeout', 'soon'], /--idle-timeout must be a whole number/],
    [['--listen', '127.0.0.1:0', '--bogus'], /Unknown option/],
  ])('%j', async (args, message) => {
    const cli = startCli(args);
    expect(await cli.code).toBe(2);
    expect(cli.err()).toMatch(message);
    expect(cli.err()).not.toMatch(/\n\s+at /);
  });

  it('a port already in use is a clear exit 2, not a crash', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const addr = busy.address();
    const port = addr && typeof addr === 'object' ? addr.port : 0;
    try {
      const cli = startCli(['--listen', `127.0.0.1:${port}`]);
      expect(await cli.code).toBe(2);
      expect(cli.err()).toMatch(/already in use/);
    } finally {
      busy.close();
    }
  });

  it("--list-addresses shows this computer's addresses", async () => {
    const cli = startCli(['--list-addresses']);
    expect(await cli.code).toBe(0);
    expect(cli.out()).toContain('127.0.0.1');
  });
});
