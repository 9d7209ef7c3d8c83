// `device-mail-doctor lab`: prints endpoints/DNS/CA/tenant/diagnose flags, serves until stopped, cleans up;
// bad input → exit 2 with one clear line.
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { runLab } from '../../../src/cli/commands/lab';
import type { CliIo } from '../../../src/cli/io';
import { SCENARIOS } from '../../../src/lab';
import { RawSmtp } from './smtp-raw';

function makeIo(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return {
    io: { stdout, stderr, stdin: new PassThrough(), env: { LANG: 'en_US.UTF-8' } },
    out: () => o,
    err: () => e,
  };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface PrintedLab {
  scenario: string;
  submission: { host: string; address: string; port: number };
  mx: { port: number };
  dns: { address: string; port: number };
  caFile: string;
  tenant: { mailbox: string; password: string };
  diagnose: { submission: string; directSend: string; relay: string };
}

describe('device-mail-doctor lab', () => {
  it('--json prints its endpoints and diagnose flags, serves the scenario, and cleans up when stopped', async () => {
    const { io, out } = makeIo();
    const ctl = new AbortController();
    const done = runLab(['--scenario', 'silent-port', '--json'], io, ctl.signal);
    await waitFor(() => out().trim().endsWith('}'), 30_000);
    const info = JSON.parse(out()) as PrintedLab;
    expect(info.scenario).toBe('silent-port');
    expect(info.submission.host).toBe('smtp.office365.com');
    expect(readFileSync(info.caFile, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(info.diagnose.submission).toContain(
      `--connect-to smtp.office365.com:587:127.0.0.1:${info.submission.port}`,
    );
    expect(info.diagnose.submission).toContain(`--dns-server ${info.dns.address}:${info.dns.port}`);
    expect(info.diagnose.submission).toContain(`--ca ${info.caFile}`);
    expect(info.diagnose.submission).toContain('--password-env DMD_LAB_PASSWORD');
    expect(info.diagnose.relay).toContain('--bind 127.0.0.5');
    // The scenario is live: the port accepts and never speaks.
    const c = await RawSmtp.connect(info.submission.port);
    await expect(c.read(500)).rejects.toThrow(/no reply/);
    c.close();
    ctl.abort();
    expect(await done).toBe(0);
    expect(existsSync(info.caFile)).toBe(false);
    await expect(RawSmtp.connect(info.submission.port)).rejects.toThrow();
  });

  it('human output names endpoints, the CA file and the stop hint (ja too)', async () => {
    for (const [lang, stopHint] of [
      ['en', 'Ctrl+C to stop'],
      ['ja', 'Ctrl+C で停止'],
    ] as const) {
      const { io, out } = makeIo();
      const ctl = new AbortController();
      const done = runLab(['--lang', lang], io, ctl.signal);
      await waitFor(() => out().includes('Ctrl+C'), 30_000);
      expect(out()).toContain(stopHint);
      expect(out()).toMatch(/Submission +smtp\.office365\.com:587 +-> +127\.0\.0\.1:\d+/);
      expect(out()).toMatch(/lab-ca\.pem/);
      ctl.abort();
      expect(await done).toBe(0);
    }
  });

  it('rejects a bad scenario with exit 2 and the list of scenarios', async () => {
    const { io, err } = makeIo();
    expect(await main(['lab', '--scenario', 'nope'], io)).toBe(2);
    expect(err()).toMatch(/unknown scenario "nope"; choose one of: healthy, /);
    for (const s of SCENARIOS) expect(err()).toContain(s);
    expect(err()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    [['--address', 'not-an-ip'], /--address must be an IP address/],
    [['--mx-port', '70000'], /--mx-port must be a port number/],
    [['--bogus'], /Unknown option|bogus/],
    [['--address', '192.0.2.1'], /cannot listen on 192\.0\.2\.1: EADDRNOTAVAIL/],
    [['--scenario', 'x\u0000\r\ny'], /unknown scenario "x\?\?\?y"/],
  ])('bad input %j → exit 2', async (argv, message) => {
    const { io, err } = makeIo();
    expect(await main(['lab', ...argv], io)).toBe(2);
    expect(err()).toMatch(message);
    expect(err().trim().split('\n')).toHaveLength(1);
  });
});
