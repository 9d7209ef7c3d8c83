// Reports and capture sessions for the renderer tests: shaped by the real schemas (parsed, so drift fails here).
import { CaptureDiagnosisSchema, type CaptureDiagnosis } from '../../../src/shared/capture';
import type { Diagnosis } from '../../../src/shared/model';
import { REPORT_SCHEMA_VERSION, ReportSchema, type Report } from '../../../src/shared/report';
import type { ReportListing } from '../../../src/shared/ipc';

export const HOSTILE = '<img src=x onerror=alert(1)>\u001b[31m\u202e';

export function diagnosis(verdict: 'pass' | 'fail', startedAt: string): Diagnosis {
  const failed = verdict === 'fail';
  return {
    version: '0.1.0',
    method: 'submission',
    target: { method: 'submission', host: 'smtp.office365.com', port: 587, to: [], connectTo: [] },
    device: null,
    startedAt,
    durationMs: 1500,
    verdict,
    egressIp: '203.0.113.7',
    recommendation: null,
    checks: [
      {
        id: 'smtp.submission.banner',
        title: 'Banner',
        status: 'pass',
        startedAt: 0,
        durationMs: 5,
        findings: [],
        details: {},
      },
      {
        id: 'auth.submission',
        title: 'AUTH',
        status: failed ? 'fail' : 'pass',
        startedAt: 5,
        durationMs: 40,
        findings: failed ? [{ code: 'AUTH_FAILED', evidence: [`535 5.7.139 ${HOSTILE}`] }] : [],
        details: {},
      },
    ],
    transcript: [{ t: 1, dir: 'S', text: `220 ${HOSTILE}` }],
  };
}

export function report(id: string, runs: Diagnosis[], notes: string[] = []): Report {
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id,
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    appVersion: '0.1.0',
    job: {
      customer: 'contoso.com',
      site: `Osaka ${HOSTILE}`,
      device: { model: 'RICOH IM C3000' },
      method: 'submission',
    },
    runs: runs.map((d, i) => ({ id: `run-${i + 1}`, savedAt: d.startedAt, diagnosis: d })),
    checklist: [],
    notes: notes.map((text) => ({ at: '2026-11-20T02:00:00.000Z', text })),
    captures: [],
  });
}

export function listing(reports: Report[]): ReportListing {
  return {
    reports: reports.map((r) => ({
      id: r.id,
      customer: r.job.customer,
      site: r.job.site,
      deviceModel: r.job.device.model,
      method: r.job.method,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      runCount: r.runs.length,
      lastVerdict: r.runs.at(-1)?.diagnosis.verdict ?? null,
      lastRunAt: r.runs.at(-1)?.diagnosis.startedAt ?? null,
      findingCodes: [
        ...new Set(r.runs.at(-1)?.diagnosis.checks.flatMap((c) => c.findings.map((f) => f.code)) ?? []),
      ],
      migratedFrom: null,
    })),
    problems: [
      {
        file: 'broken.json',
        kind: 'quarantined',
        reason: 'not a JSON object',
        movedTo: 'quarantine/broken.json',
      },
    ],
  };
}

export function captured(passwordLength: number): CaptureDiagnosis {
  return CaptureDiagnosisSchema.parse({
    method: 'submission',
    verdict: 'fail',
    findings: [
      {
        code: 'SEND_AS_DENIED',
        predicted: true,
        evidence: ['MAIL FROM:<ceo@contoso.com> AUTH scanner@contoso.com'],
      },
    ],
    session: {
      id: 's1',
      startedAt: '2026-11-20T03:00:00.000Z',
      durationMs: 120,
      client: { address: '192.168.1.50', port: 40000 },
      listener: { address: '192.168.1.20', port: 2525, implicitTls: false },
      ehlo: `mfp-${HOSTILE}`,
      greeting: 'EHLO',
      tls: { mode: 'starttls', protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256', offered: null },
      auth: {
        mechanism: 'LOGIN',
        user: 'scanner@contoso.com',
        passwordSent: true,
        passwordLength,
        riskyCharacters: ['&'],
      },
      messages: [
        {
          mailFrom: 'ceo@contoso.com',
          rcptTo: ['staff@contoso.com'],
          size: 2048,
          truncated: false,
          headers: [],
          attachments: [{ name: 'scan.pdf', type: 'application/pdf' }],
          bareLf: 0,
          bareCr: 0,
          at: 80,
          reply: '250 OK',
        },
      ],
    },
  });
}
