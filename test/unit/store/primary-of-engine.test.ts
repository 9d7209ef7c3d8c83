// Exports lead with the engine's own primary finding (`diagnosis.primary`, chosen by shared/findings/primary.ts),
// the same one the CLI and the app's verdict box show — not a second, different ranking.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/export/html';
import { renderTicket } from '../../../src/main/export/ticket';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { primaryFindingOf } from '../../../src/shared/findings/primary-of';
import { ReportSchema } from '../../../src/shared/report';
import { REPORT_SCHEMA_VERSION } from '../../../src/shared/report';
import { check, diagnosis, JOB } from './fixtures';

// Two failed checks: the old fallback takes the first error it meets (DNS); the engine's rule may pick another.
const d = diagnosis({
  checks: [
    check('dns.a', 'fail', [{ code: 'DNS_NAME_NOT_FOUND' }]),
    check('auth', 'fail', [{ code: 'SMTP_AUTH_DISABLED_TENANT' }]),
  ],
  primary: { checkId: 'auth', ref: { code: 'SMTP_AUTH_DISABLED_TENANT' } },
});

describe('primaryFindingOf', () => {
  it("returns the engine's recorded pick; null when the engine found nothing blocking", () => {
    expect(primaryFindingOf(d)).toEqual({ checkId: 'auth', ref: { code: 'SMTP_AUTH_DISABLED_TENANT' } });
    expect(primaryFindingOf({ ...d, primary: undefined })?.ref.code).toBe('DNS_NAME_NOT_FOUND');
    expect(primaryFindingOf({ ...d, primary: null })).toBeNull();
  });

  it('the HTML verdict box and the ticket title lead with it', () => {
    const report = ReportSchema.parse({
      schemaVersion: REPORT_SCHEMA_VERSION,
      id: 'r-primary',
      createdAt: d.startedAt,
      updatedAt: d.startedAt,
      appVersion: '0.1.0',
      job: JOB,
      runs: [{ id: 'a', savedAt: d.startedAt, diagnosis: d }],
      checklist: [],
      notes: [],
      captures: [],
    });
    const title = renderFinding({ code: 'SMTP_AUTH_DISABLED_TENANT' }, 'en').title;
    const html = renderReportHtml(report, { lang: 'en', utcOffsetMinutes: 0 });
    const box = html.slice(
      html.indexOf('class="verdict-box'),
      html.indexOf('</div>', html.indexOf('class="verdict-box')),
    );
    expect(box).toContain(title);
    expect(
      renderTicket(report, { lang: 'en', format: 'text', utcOffsetMinutes: 0 }).split('\n')[0],
    ).toContain(title);
  });
});
