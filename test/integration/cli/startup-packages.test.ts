// Start-up: which npm packages a command loads before it does its work (counted from require.cache by a preload,
// not timed). `--version` loads none; `diagnose` (Basic sign-in, no --send, no --save, no profile) loads none
// before its first packet and none in its whole run against the lab (its request is checked without zod:
// src/shared/request-check.ts) — never zod, msal-node (OAuth only), nodemailer (--send only), smtp-server or
// node-forge (the lab and capture), playwright-core (PDF export). `explain` never loads the probing or export
// packages.
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import type { Lab } from '../../../src/lab/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'device-mail-doctor.cjs');
const PRELOAD = path.join(ROOT, 'test', 'helpers', 'loaded-packages.cjs');
/** Per-spawn deadline, in ms (generous: 2 shared cores). */
const SPAWN_TIMEOUT_MS = 30_000;
const HEAVY = [
  '@azure/msal-node',
  'nodemailer',
  'smtp-server',
  'node-forge',
  'playwright-core',
  'net-snmp',
  '@sealsystems/ipp',
];

function packagesIn(stderr: string): string[] {
  const line = stderr.split('\n').find((l) => l.startsWith('DMD_PACKAGES '));
  if (!line) throw new Error(`no package list in: ${stderr.slice(0, 500)}`);
  return JSON.parse(line.slice('DMD_PACKAGES '.length)) as string[];
}

function runSync(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['-r', PRELOAD, BIN, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    timeout: SPAWN_TIMEOUT_MS,
  });
  return packagesIn(r.stderr.toString());
}

/** Runs `diagnose` until its first packet (a DNS query to a socket here that never answers), then stops it. */
async function diagnoseUntilFirstPacket(extra: string[]): Promise<string[]> {
  const dns = createSocket('udp4');
  await new Promise<void>((r) => dns.bind(0, '127.0.0.1', () => r()));
  const port = dns.address().port;
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const args = [
        '-r',
        PRELOAD,
        BIN,
        'diagnose',
        '--method',
        'auto',
        '--domain',
        'contoso.com',
        '--user',
        'scanner@contoso.com',
      ];
      args.push(
        '--password-env',
        'DMD_TEST_PW',
        '--to',
        'staff@contoso.com',
        '--dns-server',
        `127.0.0.1:${port}`,
        '--timeout-ms',
        '5000',
        ...extra,
      );
      const child = spawn(process.execPath, args, {
        env: { ...process.env, DMD_TEST_PW: 'not-a-real-password', LANG: 'en_US.UTF-8' },
      });
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('DMD_PACKAGES ') && stderr.slice(stderr.indexOf('DMD_PACKAGES ')).includes('\n'))
          child.kill('SIGKILL');
      });
      child.on('close', () => {
        clearTimeout(timer);
        try {
          resolve(packagesIn(stderr));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
  } finally {
    dns.close();
  }
}

describe('what each command loads before it works', () => {
  it('--version loads no npm package', () => {
    expect(runSync(['--version'])).toEqual([]);
  });

  it('explain loads none of the probing, lab, OAuth or export packages', () => {
    const pkgs = runSync([
      'explain',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
    ]);
    expect(pkgs.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('explain of an SMTP reply loads no npm package at all (the profiles are validated only when a panel code can match)', () => {
    expect(runSync(['explain', '535 5.7.3 Authentication unsuccessful'])).toEqual([]);
  });

  it('explain of a panel code loads the profile schema (zod) and still finds the code', () => {
    const r = spawnSync(process.execPath, ['-r', PRELOAD, BIN, 'explain', '--json', 'Error 016-764'], {
      env: { ...process.env, LANG: 'en_US.UTF-8' },
      timeout: SPAWN_TIMEOUT_MS,
    });
    expect(packagesIn(r.stderr.toString())).toContain('zod');
    const out = JSON.parse(r.stdout.toString()) as { device?: { matches: { code: string }[] } };
    expect(out.device?.matches.map((m) => m.code)).toContain('016-764');
  });

  it(
    'diagnose (Basic, no --send, no --save) loads no npm package before its first packet (not even zod)',
    async () => {
      expect(await diagnoseUntilFirstPacket([])).toEqual([]);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  describe('a whole diagnose --method auto run against the lab', () => {
    let lab: Lab;
    let dir: string;
    beforeAll(async () => {
      lab = await startLab({ scenario: 'healthy' });
      dir = mkdtempSync(path.join(tmpdir(), 'dmd-startup-'));
      writeFileSync(path.join(dir, 'ca.pem'), lab.caPem);
    });
    afterAll(async () => {
      await lab?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** One whole `diagnose --method auto --json` process against the lab (async: the lab answers from here). */
    function runAgainstLab(
      extra: string[],
    ): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const t = lab.tenant;
      const args = [
        '-r',
        PRELOAD,
        BIN,
        'diagnose',
        '--method',
        'auto',
        '--domain',
        t.domain,
        '--user',
        t.mailbox,
        '--password-env',
        'DMD_TEST_PW',
        '--from',
        t.mailbox,
        '--to',
        t.internalRecipient,
        '--to',
        t.externalRecipient,
        '--dns-server',
        `${lab.dns.address}:${lab.dns.port}`,
        '--ca',
        path.join(dir, 'ca.pem'),
        '--timeout-ms',
        '20000',
        ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
        '--json',
        ...extra,
      ];
      return new Promise((resolve) => {
        const child = spawn(process.execPath, args, {
          env: { ...process.env, DMD_TEST_PW: t.password, DMD_PACKAGES_AT: 'exit', LANG: 'en_US.UTF-8' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
    }

    it(
      'loads no npm package from start to exit (TLS matrix, AUTH, envelope, recommendation, JSON output)',
      async () => {
        const r = await runAgainstLab([]);
        const d = JSON.parse(r.stdout) as { verdict: string; checks: { id: string; status: string }[] };
        // A real run: the healthy lab passes the submission TLS matrix and AUTH, and the process ended by itself.
        expect(d.checks.find((c) => c.id === 'tls.submission.matrix')?.status).toBe('pass');
        expect(d.checks.find((c) => c.id === 'auth')?.status).toMatch(/^(pass|warn)$/);
        expect(r.code).toBe(0);
        expect(packagesIn(r.stderr)).toEqual([]);
      },
      2 * SPAWN_TIMEOUT_MS,
    );

    it(
      'with a device cipher probe (7 connections per host at once) prints no Node warning on stderr',
      async () => {
        const r = await runAgainstLab(['--device-ciphers', 'ECDHE-RSA-AES128-GCM-SHA256']);
        const d = JSON.parse(r.stdout) as { checks: { id: string; status: string }[] };
        expect(d.checks.find((c) => c.id === 'tls.submission.device')?.status).not.toBe('skip');
        expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('DMD_PACKAGES '))).toEqual([]);
      },
      2 * SPAWN_TIMEOUT_MS,
    );
  });
});
