// `diagnose --save` against the lab: the run lands in a report the `report` command lists, runs accumulate with
// --report, nothing of the password reaches the reports folder, and misuse of the flags is exit 2.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { startLab } from '../../../src/lab';
import type { Lab } from '../../../src/lab/types';
import { findSecret, secretForms } from '../../../src/shared/secrets';

let lab: Lab;
let dir: string;
let caFile: string;

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.on('data', (c: Buffer) => e.push(c));
  const code = await main(args, {
    stdout: out,
    stderr: err,
    stdin: Readable.from([]),
    env: { LANG: 'en_US.UTF-8', ...env },
  });
  return { code, stdout: Buffer.concat(o).toString('utf8'), stderr: Buffer.concat(e).toString('utf8') };
}

function labArgs(): string[] {
  const t = lab.tenant;
  return [
    'diagnose',
    '--method',
    'submission',
    '--domain',
    t.domain,
    '--from',
    t.mailbox,
    '--user',
    t.mailbox,
    '--to',
    t.internalRecipient,
    '--dns-server',
    `${lab.dns.address}:${lab.dns.port}`,
    '--ca',
    caFile,
    '--timeout-ms',
    '20000',
    '--password-env',
    'LAB_PW',
    ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
  ];
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('device-mail-doctor diagnose --save', () => {
  beforeAll(async () => {
    lab = await startLab({ scenario: 'wrong-password' });
    dir = mkdtempSync(join(tmpdir(), 'dmd-diagnose-save-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, lab.caPem);
  });
  afterAll(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('saves the run as a report, adds a second run with --report, and never writes the password', async () => {
    const reports = join(dir, 'reports');
    const env = { LAB_PW: lab.tenant.password };
    const first = await cli(
      [...labArgs(), '--save', '--reports-dir', reports, '--customer', 'Contoso', '--site', 'Osaka 3F'],
      env,
    );
    expect(first.code, first.stderr).toBe(1); // wrong password: the diagnosis fails, the save succeeds
    const id = /saved: report (\S+) \(1 run\)/.exec(first.stderr)?.[1];
    expect(id, first.stderr).toBeTruthy();

    const second = await cli([...labArgs(), '--save', '--reports-dir', reports, '--report', id!], env);
    expect(second.stderr).toContain(`saved: report ${id} (2 runs)`);

    const shown = await cli(['report', 'show', id!, '--reports-dir', reports, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('AUTH_FAILED');
    expect(shown.stdout).toContain('Osaka 3F');

    const forms = secretForms({ user: lab.tenant.mailbox, password: lab.tenant.password });
    for (const f of filesUnder(reports)) expect(findSecret(readFileSync(f, 'utf8'), forms), f).toBeNull();
  });

  it('report flags without --save, and a multi-line customer, are bad input (exit 2)', async () => {
    expect((await cli([...labArgs(), '--report', 'x'], { LAB_PW: 'x' })).code).toBe(2);
    expect((await cli([...labArgs(), '--save', '--customer', 'a\nb'], { LAB_PW: 'x' })).code).toBe(2);
  });
});
