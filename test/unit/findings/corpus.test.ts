// The classifier against real-world reply/error wordings gathered from public sources (each entry names its source).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/shared/findings/classify-error';
import { classifyText } from '../../../src/shared/findings/classify-text';
import { isFindingCode } from '../../../src/shared/findings/codes';

interface CorpusEntry {
  id: number;
  kind: 'text' | 'error';
  text?: string;
  error?: Record<string, unknown>;
  expected: string | null;
  source: string;
  note?: string;
}

const corpus = JSON.parse(
  readFileSync(new URL('../../fixtures/reply-corpus.json', import.meta.url), 'utf8'),
) as CorpusEntry[];

function classify(e: CorpusEntry) {
  return e.kind === 'error' ? classifyError(e.error) : classifyText(e.text ?? '');
}

describe('reply corpus', () => {
  it('holds at least 90 entries, each with a source and a valid expected code', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(90);
    for (const e of corpus) {
      expect(e.source.trim().length, `entry ${e.id}`).toBeGreaterThan(5);
      if (e.expected !== null) expect(isFindingCode(e.expected), `entry ${e.id}: ${e.expected}`).toBe(true);
      expect(e.kind === 'error' ? e.error : e.text, `entry ${e.id}`).toBeDefined();
    }
  });

  it.each(corpus.map((e) => [e.id, e.expected ?? 'no finding', e] as const))('#%i → %s', (_id, _code, e) => {
    const findings = classify(e);
    if (e.expected === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings[0]?.code, JSON.stringify(findings)).toBe(e.expected);
    expect(findings[0]?.evidence?.length ?? 0).toBeGreaterThan(0);
  });

  it('covers most of the catalogue (not just a few easy codes)', () => {
    const covered = new Set(corpus.map((e) => e.expected).filter((c) => c !== null));
    expect(covered.size).toBeGreaterThanOrEqual(50);
  });
});
