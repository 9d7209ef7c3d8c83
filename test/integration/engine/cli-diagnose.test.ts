// `device-mail-doctor diagnose` in process against the lab: exit codes (0 pass/warn, 1 fail, 2 bad input), the
// --json shape, the human report's order, password only via stdin/env and never in any output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { startLab } from '../../../src/lab';
import type { Lab } from '../../../src/lab/types';
import { secretForms, findSecret } from '../../../src/shared/secrets';

let lab: Lab;
let dir: string;
let caFile: string;

async function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errs: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errs.push(c));
  const code = await main(['diagnose', ...args], {
    stdout: out,
    stderr: err,
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    env: { LANG: 'en_US.UTF-8', ...opts.env },
  });
  return {
    code,
    stdout: Buffer.concat(chunks).toString('utf8'),
    stderr: Buffer.concat(errs).toString('utf8'),
  };
}

function labArgs(method = 'submission'): string[] {
  const t = lab.tenant;
  return [
    '--method',
    method,
    '--domain',
    t.domain,
    '--from',
    t.mailbox,
    '--user',
    t.mailbox,
    '--to',
    t.internalRecipient,
    '--to',
    t.externalRecipient,
    '--bind',
    t.connectorIp,
    '--expected-ip',
    t.connectorIp,
    '--dns-server',
    `${lab.dns.address}:${lab.dns.port}`,
    '--ca',
    caFile,
    '--timeout-ms',
    '20000',
    ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
  ];
}

describe('device-mail-doctor diagnose', () => {
  beforeAll(async () => {
    lab = await startLab({ scenario: 'healthy' });
    dir = mkdtempSync(join(tmpdir(), 'dmd-cli-diagnose-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, lab.caPem);
  });
  afterAll(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("--json: the issue's shape, rendered findings, exit 0 on warn, no password anywhere", async () => {
    lab.setScenario('healthy');
    const r = await cli([...labArgs(), '--password-env', 'LAB_PW', '--json'], {
      env: { LAB_PW: lab.tenant.password },
    });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      checks: { findings: Record<string, unknown>[] }[];
      transcript: Record<string, unknown>[];
    };
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'version',
        'method',
        'target',
        'device',
        'startedAt',
        'durationMs',
        'verdict',
        'egressIp',
        'recommendation',
        'checks',
        'transcript',
      ]),
    );
    expect(j.verdict).toBe('warn');
    const f = j.checks.flatMap((c) => c.findings)[0];
    expect(Object.keys(f ?? {})).toEqual(
      expect.arrayContaining(['code', 'severity', 'actor', 'title', 'cause', 'fix']),
    );
    expect(Object.keys(j.transcript[0] ?? {}).sort()).toEqual(['dir', 't', 'text']);
    expect(
      findSecret(
        r.stdout + r.stderr,
        secretForms({ user: lab.tenant.mailbox, password: lab.tenant.password }),
      ),
    ).toBeNull();
  });

  it('human report: verdict first, then what to do, then details; --password-stdin; exit 1 on fail', async () => {
    lab.setScenario('wrong-password');
    const r = await cli([...labArgs(), '--password-stdin', '--lang', 'en'], {
      stdin: `${lab.tenant.password}\n`,
    });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^✖ FAIL/);
    expect(r.stdout.indexOf('What to do:')).toBeLessThan(r.stdout.indexOf('Details:'));
    expect(r.stdout).toMatch(/AUTH_FAILED/);
    expect(
      findSecret(r.stdout, secretForms({ user: lab.tenant.mailbox, password: lab.tenant.password })),
    ).toBeNull();
  });

  it('Japanese output with a device profile from resources/printers', async () => {
    lab.setScenario('healthy');
    const r = await cli(
      [
        ...labArgs('auto'),
        '--password-env',
        'LAB_PW',
        '--lang',
        'ja',
        '--device-profile',
        'generic-mfp@tls10-only',
      ],
      { env: { LAB_PW: lab.tenant.password } },
    );
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/推奨の送信方法/); // glossary: 送信方法
    // Japanese names the check by its title (no check id) and says why a skipped check did not run.
    expect(r.stdout).toContain('機器の TLS で接続できるか (SMTP クライアント送信)');
    expect(r.stdout).not.toMatch(/tls\.submission\.device/);
  });

  it.each([
    [['--method', 'submission', '--password', 'x'], /never a plain argument/],
    [['--host', 'smtp.office365.com'], /--method must be/],
    [['--method', 'auto', '--connect-to', 'a:1:b'], /HOST:PORT:ADDR:PORT/],
    [['--method', 'auto', '--device-profile', 'no-such-printer'], /no such printer profile/],
    [['--method', 'auto', '--device-tls-max', '0.9'], /--device-tls-max must be/],
    [['--method', 'auto', '--device-ciphers', 'ECDHE;rm -rf'], /--device-ciphers must be/],
    [['--method', 'auto', '--from', 'a@b.c\r\nRCPT TO:<x@y.z>'], /CR, LF or NUL/],
    [['--method', 'auto', '--password-env', 'NOPE_NOT_SET'], /empty or not set/],
    [['--method', 'auto', '--ca', '/nonexistent/ca.pem'], /cannot read/],
    [['--method', 'auto', '--expected-ip', 'not-an-ip'], /must be an IP address/],
    [['--method', 'relay'], /needs --domain/],
  ])('bad input %j → exit 2 with one clear line', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
