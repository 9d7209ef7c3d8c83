// `report show` says what to do (cause, fix, who acts, evidence), ids accept a unique start or "last", and a
// mistyped flag or command gets a "did you mean".
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closest, editDistance, flagsInHelp } from '../../../src/cli/did-you-mean';
import { main } from '../../../src/cli/index';
import { createReportStore } from '../../../src/main/store/report-store';
import { saveDiagnosisAsReport } from '../../../src/main/store/save-diagnosis';
import { diagnosis, JOB } from '../../unit/store/fixtures';

let dir: string;
let first: string;
let second: string;

async function run(args: string[], lang = 'en_US.UTF-8') {
  const so = new PassThrough();
  const se = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  so.on('data', (c: Buffer) => o.push(c));
  se.on('data', (c: Buffer) => e.push(c));
  const code = await main(args, { stdout: so, stderr: se, stdin: Readable.from(['']), env: { LANG: lang } });
  return { code, stdout: Buffer.concat(o).toString(), stderr: Buffer.concat(e).toString() };
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-cli-show-'));
  const store = await createReportStore(dir);
  first = (await saveDiagnosisAsReport(store, diagnosis(), JOB, [])).id;
  // Saved later: "last" must pick it.
  second = (
    await saveDiagnosisAsReport(
      store,
      diagnosis({ startedAt: '2026-11-21T01:00:00.000Z' }),
      { ...JOB, site: 'Osaka' },
      [],
    )
  ).id;
});
afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

describe('report show', () => {
  it('gives cause, fix, who acts and evidence of the primary finding (en and ja)', async () => {
    const en = await run(['report', 'show', first, '--reports-dir', dir, '--lang', 'en']);
    expect(en.code).toBe(0);
    for (const w of [
      'SMTP AUTH is disabled for the organization',
      'Who acts: Microsoft 365 admin',
      'Cause:',
      'Fix:',
      'Evidence:',
      '535 5.7.139',
    ])
      expect(en.stdout).toContain(w);
    const ja = await run(['report', 'show', first, '--reports-dir', dir, '--lang', 'ja']);
    for (const w of [
      '組織で SMTP AUTH が無効になっています',
      '対応する人: Microsoft 365 管理者',
      '原因:',
      '対処:',
      '根拠:',
    ])
      expect(ja.stdout).toContain(w);
    expect(ja.stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/); // local time with offset, not ISO UTC
    expect(ja.stdout).toMatch(/\(UTC[+-]\d\d:\d\d\)/);
  });

  it('accepts a unique start of an id and "last"; an ambiguous start is bad input naming the candidates', async () => {
    const byPrefix = await run(['report', 'show', first.slice(0, first.length - 3), '--reports-dir', dir]);
    const common = [...first].findIndex((c, i) => c !== second[i]);
    if (common > 0 && first.slice(0, first.length - 3).length <= common) {
      // Both ids share that start: ambiguous.
      expect(byPrefix.code).toBe(2);
    } else {
      expect(byPrefix.code).toBe(0);
      expect(byPrefix.stdout).toContain(first);
    }
    const last = await run(['report', 'show', 'last', '--reports-dir', dir]);
    expect(last.code).toBe(0);
    expect(last.stdout).toContain(second);
    const shared = first.slice(0, common);
    if (shared.length > 0) {
      const amb = await run(['report', 'show', shared, '--reports-dir', dir]);
      expect(amb.code).toBe(2);
      expect(amb.stderr).toContain(first);
      expect(amb.stderr).toContain(second);
      expect(amb.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('did you mean', () => {
  it('suggests the flag the command documents, and the command', async () => {
    const flag = await run(['diagnose', '--timout-ms', '5']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('did you mean --timeout-ms?');
    expect(flag.stderr).not.toMatch(/\n\s+at /);
    const cut = await run(['report', 'list', '--reports-dir', dir, '--serch', 'x']);
    expect(cut.stderr).toContain('did you mean --search?');
    const cmd = await run(['diagnos']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('did you mean "diagnose"?');
    const far = await run(['diagnose', '--zzzz']);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('edit distance and the typo bound', () => {
    expect(editDistance('--timout-ms', '--timeout-ms')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(closest('--hots', ['--host', '--port'])).toBe('--host');
    expect(closest('--x', ['--host'])).toBeNull();
    expect(flagsInHelp('  --host NAME  --port N [--json] (--lang ja|en)')).toEqual([
      '--host',
      '--port',
      '--json',
      '--lang',
    ]);
  });
});
