// What technicians actually hold (issue 11): device and app wording without a code (English and Japanese), Japanese
// and English NDRs, and the corrected replies — each entry with its source. The rule: a code-less text's primary
// finding is a family with its likely causes and a next check, never one confident cause it cannot know; a text
// with a code (also one quoted or nested inside an NDR) keeps its precise finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/shared/findings/classify-text';
import { isFindingCode } from '../../../src/shared/findings/codes';
import { FAMILIES, NEXT_CHECK_IDS, isFamilyCode } from '../../../src/shared/findings/family';

interface Entry {
  id: number;
  category: 'device' | 'ja-ndr' | 'ndr' | 'correction';
  lang: 'ja' | 'en';
  text: string;
  expected: string | null;
  codeless: boolean;
  candidate?: string;
  source: string;
  note?: string;
}

const corpus = JSON.parse(
  readFileSync(new URL('../../fixtures/device-text-corpus.json', import.meta.url), 'utf8'),
) as Entry[];

describe('device / panel / Japanese / NDR text corpus', () => {
  it('holds at least 150 texts, each with a source, in both languages and every category', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const e of corpus) {
      expect(e.source.trim().length, `entry ${e.id}`).toBeGreaterThan(10);
      if (e.expected !== null) expect(isFindingCode(e.expected), `entry ${e.id}: ${e.expected}`).toBe(true);
    }
    const count = (f: (e: Entry) => boolean) => corpus.filter(f).length;
    expect(count((e) => e.lang === 'ja')).toBeGreaterThanOrEqual(60);
    expect(count((e) => e.category === 'ja-ndr')).toBeGreaterThanOrEqual(25);
    expect(count((e) => e.codeless)).toBeGreaterThanOrEqual(80);
    // Every family is exercised in both languages.
    for (const family of Object.keys(FAMILIES)) {
      for (const lang of ['ja', 'en'] as const) {
        expect(
          count((e) => e.codeless && e.expected === family && e.lang === lang),
          `${family} in ${lang}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it.each(corpus.map((e) => [e.id, e.expected ?? 'not known', e] as const))('#%i → %s', (_id, _code, e) => {
    const findings = classifyText(e.text);
    if (e.expected === null) {
      expect(findings, 'a generic failure must not be given a cause').toEqual([]);
      return;
    }
    const primary = findings[0];
    expect(primary?.code, JSON.stringify(findings)).toBe(e.expected);
    expect(primary?.evidence?.length ?? 0).toBeGreaterThan(0);
    if (e.codeless) {
      // The rule: a family with ranked candidates and the check that tells them apart.
      expect(isFamilyCode(primary?.code ?? ''), 'code-less text must map to a family').toBe(true);
      expect(primary?.family?.candidates.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(NEXT_CHECK_IDS).toContain(primary?.family?.nextCheck);
      if (e.candidate !== undefined) expect(primary?.family?.candidates).toContain(e.candidate);
    } else {
      expect(primary?.family, 'a text with a code keeps its precise finding').toBeUndefined();
    }
  });
});
