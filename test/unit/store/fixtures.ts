// Builders for reports and diagnoses used by the store and export tests.
import type { Check, Diagnosis, FindingRef, TranscriptRow } from '../../../src/shared/model';
import type { JobInput } from '../../../src/shared/report';

export function check(id: string, status: Check['status'], findings: FindingRef[] = [], title = id): Check {
  return { id, title, status, startedAt: 0, durationMs: 12, findings, details: {} };
}

export function diagnosis(over: Partial<Diagnosis> = {}): Diagnosis {
  const checks = over.checks ?? [
    check('dns.a', 'pass'),
    check('tcp.v4', 'pass'),
    check('auth', 'fail', [
      {
        code: 'SMTP_AUTH_DISABLED_TENANT',
        evidence: [
          '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
        ],
      },
    ]),
  ];
  const transcript: TranscriptRow[] = over.transcript ?? [
    {
      t: 1,
      dir: 'S',
      text: '220 TYAPR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
      check: 'smtp.banner',
    },
    { t: 2, dir: 'C', text: 'EHLO printer', check: 'smtp.banner' },
    { t: 3, dir: 'C', text: 'AUTH LOGIN', check: 'auth' },
    {
      t: 4,
      dir: 'S',
      text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      check: 'auth',
    },
  ];
  return {
    version: '0.1.0',
    method: 'submission',
    target: {
      method: 'submission',
      host: 'smtp.office365.com',
      port: 587,
      to: ['admin@contoso.com'],
      connectTo: [],
      user: 'scanner@contoso.com',
      from: 'scanner@contoso.com',
    },
    device: null,
    startedAt: '2026-11-20T01:00:00.000Z',
    durationMs: 1500,
    verdict: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
    egressIp: '203.0.113.7',
    recommendation: null,
    checks,
    transcript,
    ...over,
  };
}

export const JOB: JobInput = {
  customer: 'Contoso 株式会社',
  site: '本社 2F',
  device: { model: 'RICOH IM C3000', location: 'copy room' },
  method: 'submission',
  settings: {
    method: 'submission',
    host: 'smtp.office365.com',
    port: 587,
    user: 'scanner@contoso.com',
    from: 'scanner@contoso.com',
  },
  technician: 'K. Sato',
};
