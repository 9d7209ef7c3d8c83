// Typed skip reasons (src/shared/skip-reasons.ts): every reason has a Japanese and an English text, the Japanese
// one in the glossary's words with no English outside the allow-list; the sentences earlier versions stored read
// back as typed reasons; `diagnose`'s human output names checks by title in Japanese and says why each skipped.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnosisJson, renderHuman } from '../../src/cli/render-diagnosis';
import { renderReportHtml } from '../../src/main/export/html';
import { renderReportText } from '../../src/main/export/summary-text';
import { renderTicket } from '../../src/main/export/ticket';
import { renderTranscriptText } from '../../src/main/export/transcript-text';
import { loadReportFile } from '../../src/main/store/report-file';
import type { Check } from '../../src/shared/model';
import {
  checkSkipText,
  SKIP_REASON_IDS,
  skipReasonOf,
  skipReasonText,
  type SkipReason,
} from '../../src/shared/skip-reasons';
import { CHECK_ID, englishLeaks } from '../helpers/english-leak';
import { check, diagnosis, JOB } from './store/fixtures';

/** One of each reason, with parameters as the engine fills them. */
const SAMPLES: SkipReason[] = [
  { id: 'cancelled' },
  { id: 'deadline' },
  { id: 'no-domain' },
  { id: 'no-domain', host: 'smtp.contoso.com' },
  { id: 'no-connector-ip' },
  { id: 'egress-ip-not-seen' },
  { id: 'no-device-profile' },
  { id: 'needs-check', check: 'tls.matrix' },
  { id: 'needs-check', check: 'smtp.starttls' },
  { id: 'session-ended', at: 'smtp.ehlo' },
  { id: 'auth-failed' },
  { id: 'auth-not-attempted' },
  { id: 'no-credentials' },
  { id: 'no-tls-for-credentials' },
  { id: 'no-sender' },
  { id: 'no-recipient', kind: 'internal' },
  { id: 'no-recipient', kind: 'external' },
  { id: 'envelope-not-passed' },
  { id: 'no-tls-handshake' },
  { id: 'tls-modern-unjudged', detail: 'ERR_SSL_UNSUPPORTED_PROTOCOL' },
  { id: 'no-address' },
  { id: 'no-connection' },
  { id: 'cert-not-read', stop: 'starttls-not-offered' },
  { id: 'cert-not-read', stop: 'starttls-refused', detail: '454 4.7.0 TLS not available' },
  { id: 'cert-not-read', stop: 'session-ended', detail: 'ECONNRESET' },
  { id: 'local-tls-refused', code: 'ERR_SSL_NO_CIPHERS_AVAILABLE' },
  {
    id: 'connect-to',
    host: 'smtp.office365.com',
    port: '587',
    toHost: '127.0.0.1',
    toPort: '2587',
  },
  { id: 'no-family-address', family: 'IPv6', host: 'smtp.office365.com' },
  { id: 'bound-to', bind: '192.0.2.10' },
];

/** Terms the glossary says to avoid in Japanese (../shared/docs/glossary-ja.md). */
const AVOID_JA = ['デバイス', 'ログイン', 'エラー', '問題', '作業者', '送信方式', 'コネクター', 'エビデンス'];

describe('skip reason texts', () => {
  it('the samples cover every reason id', () => {
    expect(new Set(SAMPLES.map((s) => s.id))).toEqual(new Set(SKIP_REASON_IDS));
  });

  it.each(SAMPLES.map((s) => [JSON.stringify(s), s] as const))(
    '%s: ja and en, non-empty, each in its language',
    (_, s) => {
      const ja = skipReasonText(s, 'ja');
      const en = skipReasonText(s, 'en');
      expect(ja.trim().length).toBeGreaterThan(10);
      expect(en.trim().length).toBeGreaterThan(10);
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // Parameters are values (hosts, addresses, codes, a server's or the system's own words): checked without them.
      let words = ja;
      for (const [k, v] of Object.entries(s)) if (k !== 'id') words = words.replaceAll(String(v), ' ');
      expect(englishLeaks(words), ja).toEqual([]);
      for (const w of AVOID_JA) expect(ja).not.toContain(w);
      expect(en).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja).not.toMatch(CHECK_ID);
      expect(en).not.toMatch(CHECK_ID);
      // Parameters reach the text (the host, the address, the code ...).
      for (const [k, v] of Object.entries(s))
        if (k !== 'id' && k !== 'check' && k !== 'at' && k !== 'kind' && k !== 'stop' && k !== 'family')
          expect(ja + en).toContain(String(v));
    },
  );

  it('a reason that points elsewhere names that check by its title, in the language', () => {
    expect(skipReasonText({ id: 'needs-check', check: 'tls.matrix' }, 'ja')).toContain(
      '「対応している TLS バージョンと鍵交換」',
    );
    expect(skipReasonText({ id: 'session-ended', at: 'smtp.ehlo' }, 'en')).toContain(
      '"EHLO and capabilities"',
    );
    // Sign-in failing is said as such (not as "the session ended"), with what to do next.
    expect(skipReasonText({ id: 'auth-failed' }, 'ja')).toMatch(
      /サインイン（SMTP AUTH）に失敗した.*もう一度診断/,
    );
  });
});

/** The sentences this app stored in `details.skipped` before typed reasons (reports of schema ≤ 3). */
const LEGACY: [string, SkipReason['id']][] = [
  ['cancelled', 'cancelled'],
  ['overall deadline reached', 'deadline'],
  ['no domain given (--domain)', 'no-domain'],
  [
    'no domain: neither --domain nor --from was given, so the MX record was not checked; 10.0.0.5 is tested as given',
    'no-domain',
  ],
  ['no connector IP given (--expected-ip)', 'no-connector-ip'],
  ['the server did not echo our public IP (Hello [ip])', 'egress-ip-not-seen'],
  ['no device profile given (--device-profile or --device-tls-max)', 'no-device-profile'],
  ['the TLS matrix could not run', 'needs-check'],
  ['smtp.office365.com did not list its AUTH mechanisms (see the STARTTLS check)', 'needs-check'],
  ['no address to connect to', 'no-address'],
  ['no address', 'no-address'],
  ['the envelope check did not pass: nothing is sent', 'envelope-not-passed'],
  ['sign-in failed', 'auth-failed'],
  ['AUTH not attempted: no credentials given', 'auth-not-attempted'],
  [
    'no credentials given (--user with --password-stdin/--password-env or --oauth-token-env)',
    'no-credentials',
  ],
  ['no password or token given', 'no-credentials'],
  ['no TLS: credentials are never sent in clear', 'no-tls-for-credentials'],
  ['STARTTLS is not offered: credentials are never sent in clear', 'no-tls-for-credentials'],
  ['no sender given (--from)', 'no-sender'],
  ['no external recipient given (--to)', 'no-recipient'],
  ['no connection', 'no-connection'],
  ['no probe reached the TLS handshake (see the STARTTLS check)', 'no-tls-handshake'],
  ['TLS 1.2/1.3 could not be judged: ERR_SSL_X', 'tls-modern-unjudged'],
  ['certificate not read: STARTTLS not offered', 'cert-not-read'],
  ['certificate not read: the session ended at ehlo (read ECONNRESET)', 'cert-not-read'],
  ['certificate not read: 454 4.7.0 TLS not available', 'cert-not-read'],
  ["certificate not read: this computer's TLS library refused the settings (ERR_SSL_X)", 'local-tls-refused'],
  ['the session ended at starttls', 'session-ended'],
  ['the server refused the session in its greeting', 'session-ended'],
  ['EHLO was refused', 'session-ended'],
  ['STARTTLS was refused', 'session-ended'],
  ['EHLO after STARTTLS was refused', 'session-ended'],
  ['--connect-to sends smtp.office365.com:587 to 127.0.0.1:2587', 'connect-to'],
  ['no IPv6 address for smtp.office365.com', 'no-family-address'],
  ['bound to 192.0.2.10', 'bound-to'],
];

const skippedWith = (details: Record<string, unknown>, id = 'envelope.internal'): Check => ({
  ...check(id, 'skip'),
  details,
});

describe('reading a skip reason', () => {
  it.each(LEGACY)('an older report’s "%s" reads as %s', (text, id) => {
    const r = skipReasonOf(skippedWith({ skipped: text }));
    expect(r?.id).toBe(id);
    // Japanese apart from the values the sentence carried (hosts, codes, the system's error words).
    const ja = (checkSkipText(skippedWith({ skipped: text }), 'ja') ?? '').replace(/（[^）]*）/g, ' ');
    expect(englishLeaks(ja), ja).toEqual([]);
  });

  it('keeps a sentence it does not know as recorded (English, marked as such in Japanese)', () => {
    const c = skippedWith({ skipped: 'some reason from a future version' });
    expect(skipReasonOf(c)).toEqual({ id: 'recorded', text: 'some reason from a future version' });
    expect(checkSkipText(c, 'en')).toBe('some reason from a future version');
    expect(checkSkipText(c, 'ja')).toBe('（保存時の記録、英語）some reason from a future version');
  });

  it('a typed reason wins; a cancel without one reads as cancelled; other statuses have none', () => {
    expect(skipReasonOf(skippedWith({ skip: { id: 'no-sender' }, skipped: 'sign-in failed' }))).toEqual({
      id: 'no-sender',
    });
    expect(skipReasonOf(skippedWith({ interrupted: 'cancelled' }))).toEqual({ id: 'cancelled' });
    expect(skipReasonOf(skippedWith({ skip: { id: 'no-such-reason' } }))).toBeNull();
    expect(skipReasonOf({ ...check('auth', 'fail'), details: { skip: { id: 'auth-failed' } } })).toBeNull();
    expect(skipReasonOf(skippedWith({}))).toBeNull();
  });
});

const RUN = () =>
  diagnosis({
    checks: [
      check('config.submission', 'pass', [], 'Server and port'),
      check('tcp.submission.v6', 'skip', [], 'TCP IPv6 to smtp.office365.com:587'),
      check('auth', 'fail', [{ code: 'AUTH_FAILED', evidence: ['535 5.7.139 Authentication unsuccessful'] }]),
      check('envelope.internal', 'skip', [], 'MAIL FROM / RCPT TO (internal recipient)'),
      check('tls.submission.device', 'skip', [], "Would the device's TLS get through?"),
    ].map((c) =>
      c.id === 'tcp.submission.v6'
        ? { ...c, details: { skip: { id: 'no-family-address', family: 'IPv6', host: 'smtp.office365.com' } } }
        : c.id === 'envelope.internal'
          ? { ...c, details: { skip: { id: 'auth-failed' } } }
          : c.id === 'tls.submission.device'
            ? { ...c, details: { skip: { id: 'no-device-profile' } } }
            : c,
    ),
  });

describe('diagnose human output', () => {
  it('Japanese: check titles, no check ids, each skip says why in Japanese, no English', () => {
    const text = renderHuman(RUN(), 'ja');
    const details = text.slice(text.indexOf('詳細:'));
    expect(details).not.toMatch(CHECK_ID);
    expect(details).not.toMatch(/^\s+\S\s+(?:auth|config\.submission)\b/m);
    expect(details).toContain('サーバー名とポートの設定 (SMTP クライアント送信)');
    expect(details).toContain(
      '差出人と社内宛先 (MAIL FROM / RCPT TO) (SMTP クライアント送信) (12 ms) — スキップ: サインイン（SMTP AUTH）に失敗したため',
    );
    expect(details).toContain('スキップ: smtp.office365.com に IPv6 のアドレスがないため、行っていません。');
    // Evidence (indented server text) is quoted as received; everything else is Japanese.
    const reader = text
      .split('\n')
      .filter((l) => !/^\s+根拠: /.test(l))
      .join('\n')
      // Microsoft's product name, as Japanese Microsoft documentation writes it (in AUTH_FAILED's fix).
      .replaceAll('Outlook on the web', 'Outlook');
    expect(englishLeaks(reader), text).toEqual([]);
  });

  it('English: keeps the id column and gives the reason in English', () => {
    const text = renderHuman(RUN(), 'en');
    expect(text).toMatch(
      /^ {2}- envelope\.internal +MAIL FROM \/ RCPT TO \(internal recipient\) \(12 ms\) — Skipped: Not run: sign-in \(SMTP AUTH\) failed\./m,
    );
    expect(text).toContain('Not run: smtp.office365.com has no IPv6 address.');
  });

  it('--json keeps the ids and the typed reason (machine output)', () => {
    const json = diagnosisJson(RUN(), 'ja') as { checks: { id: string; details: Record<string, unknown> }[] };
    expect(json.checks.map((c) => c.id)).toContain('envelope.internal');
    expect(json.checks.find((c) => c.id === 'envelope.internal')).toMatchObject({
      skipReason: expect.stringMatching(/^サインイン（SMTP AUTH）に失敗したため/) as unknown,
    });
    expect(json.checks.find((c) => c.id === 'envelope.internal')?.details).toEqual({
      skip: { id: 'auth-failed' },
    });
  });
});

describe('an older report (schema 1 and 3) with English skip sentences', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-skip-'));
  });
  afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

  const legacyRun = () =>
    diagnosis({
      checks: [
        check('auth', 'fail', [{ code: 'AUTH_FAILED' }]),
        { ...check('envelope.internal', 'skip'), details: { skipped: 'sign-in failed' } },
        {
          ...check('tls.submission.device', 'skip'),
          details: { skipped: 'no device profile given (--device-profile or --device-tls-max)' },
        },
        { ...check('dns.spf', 'skip'), details: { skipped: 'an old sentence this version never wrote' } },
      ],
    });

  for (const schemaVersion of [1, 3]) {
    it(`schema ${schemaVersion}: opens, and every rendering says why in its language`, async () => {
      const file = path.join(dir, 'r20261101-000000-aaaaaaaaaaaa.json');
      await fsp.writeFile(
        file,
        JSON.stringify({
          schemaVersion,
          id: 'r20261101-000000-aaaaaaaaaaaa',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
          appVersion: '0.1.0',
          job: JOB,
          runs: [{ id: 'run-0', savedAt: '2026-11-01T00:00:00.000Z', diagnosis: legacyRun() }],
          checklist: [],
          notes: [],
          captures: [],
        }),
      );
      const res = await loadReportFile(file);
      if (!res.ok) throw new Error(res.reason);
      const report = res.value;
      const d = report.runs[0]!.diagnosis;
      for (const lang of ['ja', 'en'] as const) {
        const want =
          lang === 'ja' ? 'サインイン（SMTP AUTH）に失敗したため' : 'Not run: sign-in (SMTP AUTH) failed.';
        const device =
          lang === 'ja'
            ? '機器（機種、または TLS の上限）が指定されていない'
            : 'Not judged: no device was given';
        const outputs = {
          human: renderHuman(d, lang),
          show: renderReportText(report, lang, 0),
          html: renderReportHtml(report, { lang, utcOffsetMinutes: 0 }),
          ticket: renderTicket(report, { lang, format: 'markdown', utcOffsetMinutes: 0 }),
          transcript: renderTranscriptText(report, lang),
        };
        for (const [name, out] of Object.entries(outputs)) {
          expect(out, `${name} ${lang}`).toContain(want);
          expect(out, `${name} ${lang}`).toContain(device);
        }
        // A sentence this version does not know is shown as recorded, never dropped.
        expect(outputs.show).toContain('an old sentence this version never wrote');
      }
    });
  }
});
