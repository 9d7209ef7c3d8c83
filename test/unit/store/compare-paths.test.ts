import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, compareRuns, sameSite } from '../../../src/main/export/compare-runs';
import { defaultReportsDir } from '../../../src/main/store/default-dir';
import {
  checkReportId,
  newReportId,
  resolveInside,
  sanitizeFileStem,
} from '../../../src/main/store/safe-paths';
import { REPORT_ID_PATTERN } from '../../../src/shared/report';
import { check, diagnosis } from './fixtures';
import { hostileReport } from './hostile';

describe('compareRuns', () => {
  it('says, check by check, what got better, worse, stayed, appeared or went away', () => {
    const before = diagnosis({
      checks: [
        check('dns.a', 'pass'),
        check('tls.matrix', 'warn', [{ code: 'TLS_CIPHER_MISMATCH' }]),
        check('auth', 'fail', [{ code: 'SMTP_AUTH_DISABLED_TENANT' }]),
        check('send', 'pass'),
        check('envelope', 'fail', [{ code: 'SEND_AS_DENIED' }]),
      ],
    });
    const after = diagnosis({
      checks: [
        check('dns.a', 'pass'),
        check('tls.matrix', 'fail', [{ code: 'TLS_VERSION_UNSUPPORTED' }]),
        check('auth', 'pass'),
        check('envelope', 'fail', [{ code: 'SENDER_BLOCKED' }]),
        check('dns.spf', 'warn', [{ code: 'SPF_RECORD_MISSING' }]),
      ],
    });
    const cmp = compareRuns(before, after);
    const byId = Object.fromEntries(cmp.checks.map((c) => [c.id, c]));
    expect(byId['dns.a']?.change).toBe('unchanged');
    expect(byId['tls.matrix']).toMatchObject({
      change: 'regressed',
      findingsAdded: ['TLS_VERSION_UNSUPPORTED'],
      findingsRemoved: ['TLS_CIPHER_MISMATCH'],
    });
    expect(byId.auth).toMatchObject({
      change: 'fixed',
      before: 'fail',
      after: 'pass',
      findingsRemoved: ['SMTP_AUTH_DISABLED_TENANT'],
    });
    expect(byId.send).toMatchObject({ change: 'removed', after: null });
    expect(byId.envelope).toMatchObject({ change: 'changed', findingsAdded: ['SENDER_BLOCKED'] });
    expect(byId['dns.spf']).toMatchObject({ change: 'added', before: null });
    expect(cmp.resolvedCodes.sort()).toEqual([
      'SEND_AS_DENIED',
      'SMTP_AUTH_DISABLED_TENANT',
      'TLS_CIPHER_MISMATCH',
    ]);
    expect(cmp.newCodes.sort()).toEqual(['SENDER_BLOCKED', 'SPF_RECORD_MISSING', 'TLS_VERSION_UNSUPPORTED']);
    expect(cmp.verdict).toEqual({ before: 'fail', after: 'fail', change: 'unchanged' });
  });

  it('compares the same report’s last two runs, or two visits to the same site', () => {
    const a = hostileReport();
    expect(compareReports(a, a)).toBeNull(); // only one run
    const b = { ...a, id: 'r20261121-000000-000000000001', runs: [...a.runs] };
    expect(compareReports(a, b)?.checks.every((c) => c.change === 'unchanged')).toBe(true);
    expect(sameSite(a, { ...b, job: { ...b.job, customer: a.job.customer.toUpperCase() } })).toBe(true);
    expect(sameSite(a, { ...b, job: { ...b.job, site: 'elsewhere' } })).toBe(false);
  });
});

describe('safe paths', () => {
  it('sanitises file names from user input for every OS', () => {
    expect(sanitizeFileStem('Contoso 本社 / 2F')).toBe('Contoso 本社 _ 2F');
    expect(sanitizeFileStem('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFileStem('CON')).toBe('_CON');
    expect(sanitizeFileStem('lpt1.txt')).toBe('_lpt1.txt');
    expect(sanitizeFileStem('a\u202Etxt.exe\u0000')).toBe('a_txt.exe_');
    expect(sanitizeFileStem('...')).toBe('report');
    expect(sanitizeFileStem('   ')).toBe('report');
    expect(sanitizeFileStem('名'.repeat(300)).length).toBe(60);
    expect(sanitizeFileStem('x. ')).toBe('x');
  });

  it('resolves only inside the folder', () => {
    const root = path.resolve('/srv/reports');
    expect(resolveInside(root, 'a.json')).toBe(path.join(root, 'a.json'));
    for (const bad of ['../a.json', '/etc/passwd', '.', '', 'x/../../y'])
      expect(() => resolveInside(root, bad)).toThrow(/outside/);
  });

  it('makes and checks report ids', () => {
    const id = newReportId(new Date('2026-11-23T01:02:03Z'));
    expect(id).toMatch(/^r20261123-010203-[0-9a-f]{12}$/);
    expect(REPORT_ID_PATTERN.test(id)).toBe(true);
    expect(checkReportId(id)).toBe(id);
    expect(() => checkReportId('a/b')).toThrow(/not a report id/);
  });

  it('puts reports in the per-user folder Electron uses, unless told otherwise', () => {
    expect(defaultReportsDir({}, 'linux', '/home/t')).toBe('/home/t/.config/device-mail-doctor/reports');
    expect(defaultReportsDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/t')).toBe(
      '/x/device-mail-doctor/reports',
    );
    expect(defaultReportsDir({}, 'darwin', '/Users/t')).toBe(
      '/Users/t/Library/Application Support/device-mail-doctor/reports',
    );
    expect(
      defaultReportsDir({ APPDATA: 'C:\\Users\\t\\AppData\\Roaming' }, 'win32', 'C:\\Users\\t'),
    ).toContain('device-mail-doctor');
    expect(defaultReportsDir({ DMD_REPORTS_DIR: '/data/r' }, 'linux', '/home/t')).toBe(
      path.resolve('/data/r'),
    );
  });
});
