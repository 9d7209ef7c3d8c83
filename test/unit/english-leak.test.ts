// One vocabulary: Japanese exports (HTML/PDF source, ticket), CLI human output and the app's Japanese strings
// contain no untranslated English word outside the allow-list (product names, protocol keywords, codes,
// commands) and no internal check id. Evidence and transcripts (what servers said) are excluded.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { renderReportHtml } from '../../src/main/export/html';
import { renderReportText } from '../../src/main/export/summary-text';
import { renderTicket } from '../../src/main/export/ticket';
import { ja } from '../../src/renderer/src/i18n/ja';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../../src/shared/report';
import { englishLeaks } from '../helpers/english-leak';
import { check, diagnosis, JOB } from './store/fixtures';

function report() {
  const d = diagnosis({
    checks: [
      check('dns.submission.a', 'pass', [], 'DNS A/AAAA for smtp.office365.com'),
      check('tcp.submission.v4', 'pass', [], 'TCP connect smtp.office365.com:587 (IPv4)'),
      check('smtp.submission.starttls', 'pass', [], 'STARTTLS'),
      check(
        'auth',
        'fail',
        [{ code: 'SMTP_AUTH_DISABLED_TENANT', evidence: ['535 5.7.139 Authentication unsuccessful'] }],
        'SMTP AUTH sign-in',
      ),
      check('envelope.internal', 'skip', [], 'MAIL FROM / RCPT TO (internal)'),
    ],
  });
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r-leak-1',
    createdAt: d.startedAt,
    updatedAt: d.startedAt,
    appVersion: '0.1.0',
    job: { ...JOB, device: { model: 'RICOH IM C3000', location: '2F コピー室' } },
    runs: [{ id: 'a', savedAt: d.startedAt, diagnosis: d }],
    checklist: [],
    notes: [],
    captures: [],
  });
}

/** HTML as a reader sees it, without what servers said (pre) and what is typed (code). */
function visibleHtmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/** Ticket text without indented code (commands, evidence) and inline code spans. */
const withoutCode = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^ {5,}/.test(l)) // indented code: commands and evidence lines
    .join('\n')
    .replace(/`[^`]*`/g, ' ');

async function cli(args: string[]): Promise<string> {
  const so = new PassThrough();
  const out: Buffer[] = [];
  so.on('data', (c: Buffer) => out.push(c));
  await main(args, { stdout: so, stderr: so, stdin: Readable.from(['']), env: { LANG: 'ja_JP.UTF-8' } });
  return Buffer.concat(out).toString();
}

describe('English leaks into Japanese', () => {
  it('HTML/PDF report', () => {
    expect(englishLeaks(visibleHtmlText(renderReportHtml(report(), { lang: 'ja' })))).toEqual([]);
  });

  it('ticket (Markdown and text)', () => {
    expect(englishLeaks(withoutCode(renderTicket(report(), { lang: 'ja', format: 'markdown' })))).toEqual([]);
    expect(englishLeaks(withoutCode(renderTicket(report(), { lang: 'ja', format: 'text' })))).toEqual([]);
  });

  it('report show', () => {
    const text = renderReportText(report(), 'ja')
      .split('\n')
      .filter((l) => !/^ {6}/.test(l)) // evidence lines: what the server said
      .join('\n')
      .replace(/^Mail sending diagnosis report/m, '');
    expect(englishLeaks(text.replace(/r-leak-1/g, ''))).toEqual([]);
  });

  it('CLI explain in Japanese', async () => {
    const out = await cli([
      'explain',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
    ]);
    const text = out
      .split('\n')
      .filter((l) => !/535 5\.7\.139/.test(l))
      .join('\n');
    expect(englishLeaks(text)).toEqual([]);
  });

  it('the app’s Japanese strings (every screen)', () => {
    const all: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') all.push(v.replace(/\{\{[^}]*\}\}/g, ' '));
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    };
    walk(ja);
    expect(englishLeaks(all.join('\n'))).toEqual([]);
  });
});
