// Start-up: which npm packages a command loads before it does its work (counted from require.cache by a preload,
// not timed). `--version` loads none; `diagnose` (Basic sign-in, no --send, no --save, no profile) loads only zod
// before its first packet — never msal-node (OAuth only), nodemailer (--send only), smtp-server or node-forge (the
// lab and capture), playwright-core (PDF export). `explain` never loads the probing or export packages.
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
    'diagnose (Basic, no --send, no --save) loads only zod before its first packet',
    async () => {
      expect(await diagnoseUntilFirstPacket([])).toEqual(['zod']);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  it('the preload really sees packages: OAuth input checks load msal-node (and stop before any packet here)', () => {
    // Bad OAuth input (no --tenant) is refused after the OAuth module loaded: proves the list is not always empty.
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        PRELOAD,
        BIN,
        'diagnose',
        '--method',
        'submission',
        '--user',
        'a@contoso.com',
        '--auth',
        'oauth-client-credentials',
        '--tenant',
        'contoso.com',
        '--client-id',
        'not-a-guid',
      ],
      {
        env: { ...process.env, LANG: 'en_US.UTF-8' },
        timeout: SPAWN_TIMEOUT_MS,
      },
    );
    expect(r.status).toBe(2);
    expect(packagesIn(r.stderr.toString())).toContain('@azure/msal-node');
  });
});
