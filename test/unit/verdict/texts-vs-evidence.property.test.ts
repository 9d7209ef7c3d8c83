// Texts never contradict their evidence (issue 14): random params for every code whose usual text states that two
// values differ → with equal values (any case / spacing / <>), no rendered text in either language states a
// difference; with different values the text names both. Plus: one finding per code per endpoint after merging.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { FINDING_CODES, type FindingCode } from '../../../src/shared/findings/codes';
import { mergeFindings, rankFindings } from '../../../src/shared/findings/primary';
import { DIFFERENCE_CLAIMS } from '../../../src/shared/findings/variants';
import type { FindingRef, Lang } from '../../../src/shared/model';

const LANGS: Lang[] = ['en', 'ja'];
const text = (ref: FindingRef, lang: Lang) => {
  const r = renderFinding(ref, lang);
  return `${r.title}\n${r.cause}\n${r.fix}`;
};

const local = fc.stringMatching(/^[a-z0-9._-]{1,20}$/);
const address = fc
  .tuple(local, fc.constantFrom('contoso.com', 'fabrikam.co.jp', 'example.org'))
  .map(([l, d]) => `${l}@${d}`);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
/** The same value written another way: case, spaces, angle brackets, IPv4-mapped IPv6. */
const sameButWritten = (v: string) =>
  fc.constantFrom(v, v.toUpperCase(), ` ${v} `, `<${v}>`, /^\d+\.\d+\.\d+\.\d+$/.test(v) ? `::ffff:${v}` : v);
const valueFor = (code: string) => (code === 'EGRESS_IP_NOT_CONNECTOR' ? ipv4 : address);
const extra = fc.dictionary(
  fc.constantFrom('reply', 'reason', 'host', 'domain'),
  fc.string({ maxLength: 40 }),
  { maxKeys: 3 },
);

describe('texts never contradict their evidence', () => {
  it('every difference-claiming code is a real code and its usual text does claim a difference', () => {
    for (const [code, { pair, claim }] of Object.entries(DIFFERENCE_CLAIMS) as [
      FindingCode,
      (typeof DIFFERENCE_CLAIMS)[string],
    ][]) {
      expect(FINDING_CODES as readonly string[]).toContain(code);
      for (const lang of LANGS)
        expect(
          text({ code, params: { [pair[0]]: 'a@contoso.com', [pair[1]]: 'b@contoso.com' } }, lang),
        ).toMatch(claim[lang]);
    }
  });

  for (const [code, { pair, claim }] of Object.entries(DIFFERENCE_CLAIMS) as [
    FindingCode,
    (typeof DIFFERENCE_CLAIMS)[string],
  ][]) {
    it(`${code}: equal ${pair.join(' / ')} → no text states a difference`, () => {
      fc.assert(
        fc.property(
          valueFor(code).chain((v) => fc.tuple(fc.constant(v), sameButWritten(v))),
          extra,
          fc.boolean(),
          ([a, b], more, swap) => {
            const params = { ...more, [pair[0]]: swap ? b : a, [pair[1]]: swap ? a : b };
            const ref: FindingRef = {
              code,
              params,
              evidence: [`${pair[0]}=${params[pair[0]]}`, `${pair[1]}=${params[pair[1]]}`],
            };
            for (const lang of LANGS) expect(text(ref, lang)).not.toMatch(claim[lang]);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${code}: different ${pair.join(' / ')} → the text names both values`, () => {
      fc.assert(
        fc.property(valueFor(code), valueFor(code), extra, (a, b, more) => {
          fc.pre(a.toLowerCase() !== b.toLowerCase());
          const ref: FindingRef = { code, params: { ...more, [pair[0]]: a, [pair[1]]: b } };
          for (const lang of LANGS) {
            const t = text(ref, lang);
            expect(t).toMatch(claim[lang]);
            expect(t).toContain(a);
            expect(t).toContain(b);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('SendAs with From = login names the admin and the real causes (UPN vs primary SMTP, header From, Send As)', () => {
    const ref: FindingRef = {
      code: 'SEND_AS_DENIED',
      params: { sender: 'scanner@contoso.com', mailbox: 'Scanner@Contoso.com' },
    };
    expect(renderFinding(ref, 'en').actor).toBe('admin');
    const en = text(ref, 'en');
    expect(en).toMatch(/UPN/);
    expect(en).toMatch(/primary SMTP address/);
    expect(en).toMatch(/header/);
    expect(en).toMatch(/Send As/);
    expect(text(ref, 'ja')).toMatch(/プライマリ SMTP アドレス/);
  });

  it('one finding per code per endpoint: the same condition from two checks is merged with both evidences', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('TLS_HANDSHAKE_FAILED', 'AUTH_FAILED', 'TCP_TIMEOUT'),
            fc.constantFrom(
              'tls.submission.matrix',
              'smtp.submission.starttls',
              'auth',
              'tls.mx.matrix',
              'smtp.mx.starttls',
            ),
            fc.string({ maxLength: 20 }),
          ),
          { maxLength: 12 },
        ),
        (rows) => {
          const located = rows.map(([code, checkId, reason]) => ({
            ref: { code: code, params: { reason }, evidence: [`${checkId}: ${reason}`] },
            checkId,
            checkStatus: 'fail' as const,
            onPath: true,
          }));
          const merged = rankFindings(mergeFindings(located));
          const keys = merged.map((m) => `${m.ref.code}|${/mx/.test(m.checkId ?? '') ? 'mx' : 'sub'}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const m of merged) {
            const sources = located.filter(
              (l) => l.ref.code === m.ref.code && /mx/.test(l.checkId) === /mx/.test(m.checkId ?? ''),
            );
            for (const s of sources.slice(0, 6)) expect(m.ref.evidence ?? []).toContain(s.ref.evidence[0]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
