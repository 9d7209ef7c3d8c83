// `device-mail-doctor report ...` end to end over a real reports folder: in-process through the CLI's main()
// (exit codes, outputs, files), plus one run of the bundled CLI as a child process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { chromiumMissing, itPeers } from '../../helpers/peers';
import { createReportStore } from '../../../src/main/store/report-store';
import { saveDiagnosisAsReport } from '../../../src/main/store/save-diagnosis';
import { check, diagnosis, JOB } from '../../unit/store/fixtures';
import { unzipTexts } from '../../unit/store/unzip';

const PASSWORD = 'Hunter2-Hunter2!';
let dir: string;
let out: string;
let fixed: string; // report with a before/after pair of runs
let leaky: string; // report whose note holds the password

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<Ran> {
  const so = new PassThrough();
  const se = new PassThrough();
  const chunks = { o: [] as Buffer[], e: [] as Buffer[] };
  so.on('data', (c: Buffer) => chunks.o.push(c));
  se.on('data', (c: Buffer) => chunks.e.push(c));
  const code = await main(['report', ...args, '--reports-dir', dir], {
    stdout: so,
    stderr: se,
    stdin: Readable.from([stdin]),
    env: { LANG: 'en_US.UTF-8', ...env },
  });
  return { code, stdout: Buffer.concat(chunks.o).toString(), stderr: Buffer.concat(chunks.e).toString() };
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-cli-report-'));
  out = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-cli-out-'));
  const store = await createReportStore(dir);
  const first = await saveDiagnosisAsReport(store, diagnosis(), JOB, [
    { user: 'scanner@contoso.com', password: PASSWORD },
  ]);
  const after = diagnosis({
    checks: [check('dns.a', 'pass'), check('tcp.v4', 'pass'), check('auth', 'pass')],
  });
  const both = await saveDiagnosisAsReport(store, after, JOB, [], {
    reportId: first.id,
    label: 'after enabling SMTP AUTH',
  });
  fixed = both.id;
  const other = await store.create({ ...JOB, customer: 'Fabrikam', site: 'Osaka' });
  leaky = (
    await store.save({ ...other, notes: [{ at: other.createdAt, text: `typed by mistake: ${PASSWORD}` }] })
  ).id;
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.rm(out, { recursive: true, force: true });
});

describe('report CLI', () => {
  it('saveDiagnosisAsReport refuses a diagnosis that carries the session password, writing nothing', async () => {
    const store = await createReportStore(dir);
    const before = (await store.list()).reports.length;
    const d = diagnosis({
      transcript: [
        { t: 1, dir: 'C', text: Buffer.from(`\0scanner@contoso.com\0${PASSWORD}`).toString('base64') },
      ],
    });
    await expect(
      saveDiagnosisAsReport(store, d, JOB, [{ user: 'scanner@contoso.com', password: PASSWORD }]),
    ).rejects.toMatchObject({ code: 'secret' });
    expect((await store.list()).reports.length).toBe(before);
  });

  it('lists reports and filters by finding code (JSON)', async () => {
    const all = await cli(['list']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(fixed);
    expect(all.stdout).toContain(leaky);
    const byCode = await cli(['list', '--code', 'SMTP_AUTH_DISABLED_TENANT', '--json']);
    const parsed = JSON.parse(byCode.stdout) as { reports: { id: string }[] };
    expect(parsed.reports.map((r) => r.id)).toEqual([fixed]);
  });

  it('shows a report in Japanese and English', async () => {
    const en = await cli(['show', fixed, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Contoso 株式会社');
    expect(en.stdout).toContain('after enabling SMTP AUTH');
    const ja = await cli(['show', fixed, '--lang', 'ja']);
    expect(ja.stdout).toContain('診断 2');
  });

  it('refuses bad ids, traversal and bad flags with exit 2 and one clear line', async () => {
    for (const args of [
      ['show', '../../etc/passwd'],
      ['show', 'r20000101-000000-000000000000'],
      ['export', fixed, '--format', 'docx'],
      ['show'],
      ['frobnicate'],
      ['list', '--bogus'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exports the support bundle, and the ticket to stdout', async () => {
    const file = path.join(out, 'bundle.zip');
    const r = await cli(['export', fixed, '--format', 'zip', '--out', file, '--lang', 'ja']);
    expect(r.code).toBe(0);
    const entries = await unzipTexts(await fsp.readFile(file));
    expect([...entries.keys()].sort()).toEqual(['report.html', 'report.json', 'ticket.md', 'transcript.txt']);
    expect(entries.get('ticket.md')).toContain('現地で解消済み'); // the auth failure fixed between the runs
    const again = await cli(['export', fixed, '--format', 'zip', '--out', file]);
    expect(again.code).toBe(2); // no silent overwrite
    expect((await cli(['export', fixed, '--format', 'zip', '--out', file, '--force'])).code).toBe(0);
    const ticket = await cli(['export', fixed, '--format', 'ticket', '--out', '-', '--text']);
    expect(ticket.code).toBe(0);
    expect(ticket.stdout).toContain('Already checked by the technician');
  });

  it('blocks an export holding a session secret (exit 1), writes nothing and never prints the secret', async () => {
    const file = path.join(out, 'leak.html');
    const viaEnv = await cli(['export', leaky, '--format', 'html', '--out', file, '--password-env', 'PW'], {
      PW: PASSWORD,
    });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toMatch(/blocked/);
    expect(existsSync(file)).toBe(false);
    const viaStdin = await cli(
      ['export', leaky, '--format', 'zip', '--out', file, '--password-stdin'],
      {},
      `${PASSWORD}\n`,
    );
    expect(viaStdin.code).toBe(1);
    for (const r of [viaEnv, viaStdin]) expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect((await cli(['export', leaky, '--format', 'html', '--password-env', 'NOPE'])).code).toBe(2);
  });

  it('compares the runs before and after the fix', async () => {
    const r = await cli(['compare', fixed, '--json']);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout) as {
      verdict: { before: string; after: string };
      resolvedCodes: string[];
      checks: { id: string; change: string }[];
    };
    expect(cmp.verdict).toMatchObject({ before: 'fail', after: 'pass' });
    expect(cmp.resolvedCodes).toEqual(['SMTP_AUTH_DISABLED_TENANT']);
    expect(cmp.checks.find((c) => c.id === 'auth')?.change).toBe('fixed');
    expect((await cli(['compare', leaky])).code).toBe(2);
  });

  it('duplicates a report as a new visit', async () => {
    const r = await cli(['duplicate', fixed]);
    expect(r.code).toBe(0);
    const id = r.stdout.trim();
    const shown = await cli(['show', id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      previousReportId: fixed,
      runs: [],
      job: { customer: 'Contoso 株式会社' },
    });
    expect((await cli(['delete', id])).code).toBe(0);
  });

  it('deletes to the trash and restores', async () => {
    expect((await cli(['delete', leaky])).code).toBe(0);
    expect((await cli(['show', leaky])).code).toBe(2);
    expect((await cli(['restore', leaky])).code).toBe(0);
    expect((await cli(['show', leaky])).code).toBe(0);
  });

  it('reports a damaged file (exit 1) and keeps listing the others', async () => {
    await fsp.writeFile(path.join(dir, 'r20260101-000000-0123456789ab.json'), '{"schemaVersion":1,"id":');
    const r = await cli(['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/quarantined: r20260101-000000-0123456789ab\.json/);
    expect(r.stdout).toContain(fixed);
  });

  itPeers('exports a PDF', chromiumMissing(), { timeout: 90_000 }, async () => {
    const file = path.join(out, 'r.pdf');
    const r = await cli(['export', fixed, '--format', 'pdf', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect((await fsp.readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it(
    'runs as a child process through the bundled CLI with the same exit codes',
    { timeout: 60_000 },
    async () => {
      // Inside the repo so the bundle's external packages resolve from node_modules.
      await fsp.mkdir(path.resolve('.tmp'), { recursive: true });
      const work = await fsp.mkdtemp(path.resolve('.tmp', 'cli-report-'));
      const bundle = path.join(work, 'cli.cjs');
      await build({
        entryPoints: [path.resolve('src/cli/index.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'error',
        packages: 'external',
      });
      const entry = path.join(work, 'entry.cjs');
      await fsp.writeFile(entry, `require(${JSON.stringify(bundle)}).runFromProcess();\n`);
      const ok = spawnSync(process.execPath, [entry, 'report', 'show', fixed, '--reports-dir', dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain(fixed);
      const bad = spawnSync(process.execPath, [entry, 'report', 'show', '..', '--reports-dir', dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^device-mail-doctor report: not a report id/);
      await fsp.rm(work, { recursive: true, force: true });
    },
  );
});
