// A report full of hostile server-supplied text: HTML/script payloads, ANSI escapes, bidi controls, NUL, a 1 MB line.
import { REPORT_SCHEMA_VERSION, ReportSchema, type Report } from '../../../src/shared/report';
import { check, diagnosis, JOB } from './fixtures';

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(2)>';
export const ANSI = '\u001b[31mRED\u001b[0m\u001b]0;title\u0007';
export const BIDI = 'invoice\u202Egnp.exe\u2066x\u2069';
export const HUGE = `250-${'A'.repeat(1_000_000)}`;
export const MARK = 'HOSTILE-MARK';

export function hostileReport(): Report {
  const evil = `${MARK} ${SCRIPT} ${IMG} ${ANSI} ${BIDI} nul:\u0000 </pre></title>`;
  const d = diagnosis({
    egressIp: `203.0.113.7${SCRIPT}`,
    checks: [
      check(
        'smtp.banner',
        'fail',
        [{ code: 'SMTP_INTERCEPTED', params: { reply: evil, host: SCRIPT }, evidence: [evil, HUGE] }],
        `Banner ${IMG}`,
      ),
      check('auth', 'fail', [{ code: 'SMTP_AUTH_DISABLED_TENANT', evidence: ['535 5.7.139 ' + ANSI] }]),
      check('dns.a', 'pass'),
    ],
    transcript: [
      { t: 1, dir: 'S', text: `220 ${evil}` },
      { t: 2, dir: 'S', text: HUGE },
      { t: 3, dir: 'S', text: `250 ${BIDI}` },
    ],
  });
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r20261120-010000-abcdefabcdef',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    appVersion: '0.1.0',
    job: { ...JOB, customer: `Contoso ${SCRIPT}`, site: `本社 ${BIDI}` },
    runs: [{ id: 'run-1', savedAt: '2026-11-20T01:01:00.000Z', diagnosis: d }],
    checklist: [{ stepId: 'server', done: true, value: `smtp.office365.com${ANSI}` }],
    notes: [{ at: '2026-11-20T01:02:00.000Z', text: `line one\n${SCRIPT}\n${ANSI}` }],
    captures: [],
  });
}

/** Characters that must never survive into a text output. */
export const FORBIDDEN_OUTPUT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
