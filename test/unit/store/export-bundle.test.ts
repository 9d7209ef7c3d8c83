import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExport, defaultExportName, type ExportFormat } from '../../../src/main/export/export-report';
import { escapeMarkdown } from '../../../src/main/export/text-safety';
import { StoreError } from '../../../src/main/store/store-error';
import { ReportSchema, type Report } from '../../../src/shared/report';
import { base64, findSecret, secretForms, type SessionSecrets } from '../../../src/shared/secrets';
import { check, diagnosis } from './fixtures';
import { FORBIDDEN_OUTPUT, hostileReport, SCRIPT } from './hostile';
import { unzipTexts } from './unzip';

const TEXT_FORMATS: ExportFormat[] = ['html', 'ticket', 'zip'];

/** The export's text as a reader would get it: the file, or every entry of the zip. */
async function outputTexts(
  report: Report,
  format: ExportFormat,
  secrets: SessionSecrets[],
  lang: 'ja' | 'en' = 'en',
): Promise<string[]> {
  const res = await buildExport(report, { format, lang, secrets });
  if (format !== 'zip') return [Buffer.from(res.bytes).toString('utf8')];
  return [...(await unzipTexts(res.bytes)).values()];
}

describe('support bundle (.zip)', () => {
  it('opens with yauzl and holds report.json, report.html, transcript.txt and ticket.md, all valid', async () => {
    const report = hostileReport();
    const res = await buildExport(report, { format: 'zip', lang: 'ja', secrets: [] });
    expect(res.mime).toBe('application/zip');
    expect(res.fileName).toMatch(/^Contoso _script_alert\(1\)_/);
    expect(res.fileName.endsWith('-support.zip')).toBe(true);
    const files = await unzipTexts(res.bytes);
    expect([...files.keys()].sort()).toEqual(['report.html', 'report.json', 'ticket.md', 'transcript.txt']);
    // report.json is the full report (1 MB lines included), still valid for this schema.
    const back = ReportSchema.parse(JSON.parse(files.get('report.json') ?? ''));
    expect(back).toEqual(report);
    expect(files.get('report.json')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(files.get('report.html')).toMatch(/^<!DOCTYPE html>/);
    expect(files.get('report.html')).toContain('Content-Security-Policy');
    expect(files.get('ticket.md')).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    expect(files.get('ticket.md')).toMatch(/Microsoft 365 管理者様[\s\S]*お願いしたい変更/);
    for (const name of ['report.html', 'ticket.md', 'transcript.txt'])
      expect(files.get(name)).not.toMatch(FORBIDDEN_OUTPUT);
    expect(files.get('report.html')).not.toContain(SCRIPT);
  });

  it('names files safely and per format', () => {
    const r = hostileReport();
    expect(defaultExportName(r, 'html')).toMatch(/^[^/\\<>:"|?*]+\.html$/);
    expect(defaultExportName(r, 'ticket', 'text')).toMatch(/-ticket\.txt$/);
    expect(defaultExportName({ ...r, job: { ...r.job, customer: '../../etc', site: '' } }, 'pdf')).toBe(
      '_.._etc 2026-11-20.pdf',
    );
  });
});

describe('secret gate on exports', () => {
  const user = 'scanner@contoso.com';
  const pw = 'Tr0ub4dor&3-pass';
  const encodings: ((s: string) => string)[] = [
    (s) => s,
    (s) => base64(s),
    (s) => base64(`\0${user}\0${s}`),
    (s) => `334 ${base64(s)}`,
    (s) => JSON.stringify(s),
    (s) => encodeURIComponent(s),
  ];

  it('blocks every format when the report holds a secret in any form, and says why without naming it', async () => {
    for (const enc of encodings) {
      const r = hostileReport();
      const leaky: Report = { ...r, notes: [{ at: r.createdAt, text: `C: ${enc(pw)}` }] };
      for (const format of [...TEXT_FORMATS, 'pdf'] as ExportFormat[]) {
        const err = await buildExport(leaky, { format, lang: 'en', secrets: [{ user, password: pw }] }).then(
          () => null,
          (e: unknown) => e as StoreError,
        );
        expect(err).toBeInstanceOf(StoreError);
        expect(err?.code).toBe('secret');
        expect(err?.message).toMatch(/blocked/);
        for (const f of secretForms({ user, password: pw })) expect(err?.message).not.toContain(f);
      }
    }
  });

  it('property: no export ever contains a secret used in its session, in any encoding', async () => {
    let blocked = 0;
    let passed = 0;
    const secretArb = fc.string({ minLength: 8, maxLength: 24 }).filter((s) => s.trim().length >= 8);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          password: secretArb,
          token: fc.option(fc.string({ minLength: 12, maxLength: 40 }), { nil: undefined }),
          where: fc.constantFrom('none', 'note', 'transcript', 'evidence', 'param', 'customer', 'checklist'),
          enc: fc.integer({ min: 0, max: encodings.length - 1 }),
          noise: fc.string({ maxLength: 30 }),
          format: fc.constantFrom(...TEXT_FORMATS),
          lang: fc.constantFrom('ja' as const, 'en' as const),
        }),
        async ({ password, token, where, enc, noise, format, lang }) => {
          const secrets: SessionSecrets[] = [
            { user, password },
            ...(token ? [{ user, oauthToken: token }] : []),
          ];
          const leak = `${noise}${(encodings[enc] ?? ((s: string) => s))(password)}${noise}`;
          const put = (w: string) => (where === w ? leak : noise);
          const d = diagnosis({
            checks: [
              check('auth', 'fail', [
                { code: 'AUTH_FAILED', params: { reply: put('param') }, evidence: [put('evidence')] },
              ]),
            ],
            transcript: [{ t: 1, dir: 'S', text: put('transcript') }],
          });
          const base = hostileReport();
          const report: Report = {
            ...base,
            job: { ...base.job, customer: put('customer') },
            runs: [{ id: 'run-1', savedAt: base.createdAt, diagnosis: d }],
            notes: [{ at: base.createdAt, text: put('note') }],
            checklist: [{ stepId: 'server', done: false, value: put('checklist') }],
          };
          let texts: string[];
          try {
            texts = await outputTexts(report, format, secrets, lang);
          } catch (err) {
            if (err instanceof StoreError && err.code === 'secret') {
              blocked++;
              return;
            }
            throw err;
          }
          passed++;
          const forms = secrets.flatMap((s) => secretForms(s));
          for (const text of texts) {
            expect(findSecret(text, forms)).toBeNull();
            expect(text).not.toContain(escapeMarkdown(password));
          }
        },
      ),
      { numRuns: 150 },
    );
    // Both branches ran: leaks were caught and clean reports went through.
    expect(blocked).toBeGreaterThan(20);
    expect(passed).toBeGreaterThan(10);
  });
});
