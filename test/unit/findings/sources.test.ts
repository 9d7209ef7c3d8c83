// Every fact carries its source: each catalogue entry, wording rule, advisor rule, setting note and dated fact
// names at least one source with an https URL and the day it was read; rendering passes them on.
import { describe, expect, it } from 'vitest';
import { CATALOG_SOURCES, sourcesOf } from '../../../src/shared/findings/catalog-sources';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { FINDING_CODES } from '../../../src/shared/findings/codes';
import { ADVISOR_SOURCES, DATED_FACTS, SETTING_SOURCES } from '../../../src/shared/findings/method-sources';
import { REASON_TEXTS, SETTING_TEXTS } from '../../../src/shared/findings/method-texts';
import { SRC, isCompleteSource, type Source } from '../../../src/shared/findings/sources';
import { WORDING_RULES } from '../../../src/shared/findings/wording';
import { HVE_SOURCES } from '../../../src/shared/hve';

function expectSourced(what: string, sources: readonly Source[] | undefined): void {
  expect(sources?.length ?? 0, `${what} has no source`).toBeGreaterThan(0);
  for (const s of sources ?? [])
    expect(isCompleteSource(s), `${what}: incomplete source ${JSON.stringify(s)}`).toBe(true);
}

describe('sources', () => {
  it('the completeness check itself rejects what it must', () => {
    expect(isCompleteSource({ url: 'https://learn.microsoft.com/x', read: '2026-12-02', title: 't' })).toBe(
      true,
    );
    expect(isCompleteSource({ url: 'http://example.com', read: '2026-12-02', title: 't' })).toBe(false);
    expect(isCompleteSource({ url: 'https://example.com', read: '', title: 't' })).toBe(false);
    expect(isCompleteSource({ url: 'https://example.com', read: '2026-12-02', title: ' ' })).toBe(false);
  });

  it('every named source is complete', () => {
    for (const [name, s] of Object.entries(SRC)) expectSourced(`SRC.${name}`, [s]);
  });

  it('every finding code has a source (catalogue)', () => {
    for (const code of FINDING_CODES) expectSourced(code, CATALOG_SOURCES[code]);
    expect(Object.keys(CATALOG_SOURCES).sort()).toEqual([...FINDING_CODES].sort());
  });

  it('rendered findings carry their sources, unverified ones marked', () => {
    const r = renderFinding({ code: 'RECIPIENT_TENANT_NO_MAIL' }, 'en');
    expect(r.sources?.[0]).toMatchObject({ read: '2026-12-02', verified: false });
    const v = renderFinding({ code: 'DIRECT_SEND_REJECTED' }, 'ja');
    expect(v.sources?.map((s) => s.url)).toContain(SRC.setOrgConfigRejectDirectSend.url);
    expect(v.sources?.every((s) => s.verified === undefined)).toBe(true);
    expect(sourcesOf('NOT_A_CODE')).toBe(CATALOG_SOURCES.UNRECOGNIZED_REPLY);
  });

  it('every wording rule, advisor rule, setting note, HVE fact and dated fact has a source', () => {
    WORDING_RULES.forEach((r, i) => expectSourced(`wording rule ${i} (${r.family})`, r.sources));
    for (const code of Object.keys(REASON_TEXTS))
      expectSourced(`advisor ${code}`, ADVISOR_SOURCES[code as keyof typeof ADVISOR_SOURCES]);
    for (const code of Object.keys(SETTING_TEXTS))
      expectSourced(`setting ${code}`, SETTING_SOURCES[code as keyof typeof SETTING_SOURCES]);
    expectSourced('HVE', HVE_SOURCES);
    for (const f of DATED_FACTS) {
      expectSourced(`dated fact ${f.id}`, f.sources);
      expect(f.date, f.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});
