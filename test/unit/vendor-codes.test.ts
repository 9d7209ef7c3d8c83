// Vendor panel codes and messages: what a device shows, looked up in the profiles (src/shared/vendor-codes.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileFile } from '../../src/shared/profiles';
import type { LoadedProfileFile } from '../../src/shared/profiles-resolve';
import { fileMatchesVendor, formatVendorMatch, lookupVendorCodes } from '../../src/shared/vendor-codes';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const files: LoadedProfileFile[] = readdirSync(DIR)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(DIR, n), 'utf8'));
    if (!r.ok) throw new Error(n);
    return { path: n, origin: 'builtin' as const, profile: r.profile };
  });

describe('lookupVendorCodes', () => {
  it('016-764 alone matches the vendors that use that numbering (Xerox, Fujifilm), hedged as unverified', () => {
    const r = lookupVendorCodes(files, 'Scan to E-mail failed. 016-764');
    expect(r.matches.map((m) => m.vendor).sort()).toEqual(['Fujifilm Business Innovation', 'Xerox']);
    for (const m of r.matches) {
      expect(m.verified).toBe(false);
      expect(m.findings).toContain('TCP_TIMEOUT');
      expect(m.meaning.en).toMatch(/Unverified/);
    }
    expect(r.nothingPublished).toEqual([]);
  });

  it('--vendor narrows to that vendor, by id, name or Japanese alias', () => {
    expect(lookupVendorCodes(files, '016-764', { vendor: 'xerox' }).matches.map((m) => m.vendor)).toEqual([
      'Xerox',
    ]);
    expect(lookupVendorCodes(files, '016-764', { vendor: 'Xerox' }).matches).toHaveLength(1);
    expect(files.some((f) => fileMatchesVendor(f, 'ゼロックス') && f.profile.id === 'xerox')).toBe(true);
  });

  it('a code matches only as a whole token', () => {
    expect(lookupVendorCodes(files, '1016-7645').matches).toEqual([]);
    expect(lookupVendorCodes(files, 'error code:016-764.').matches.length).toBeGreaterThan(0);
    expect(lookupVendorCodes(files, 'Error #801', { vendor: 'canon' }).matches.map((m) => m.shown)).toEqual([
      '#801',
    ]);
    expect(lookupVendorCodes(files, 'job 11022 done', { vendor: 'kyocera' }).matches).toEqual([]);
  });

  it("Sharp's token message is recognised in English and Japanese (full-width too) from Sharp's own manual", () => {
    for (const text of [
      'Token update failed. Please delete the token and obtain it again.',
      'トークンの更新に失敗しました。トークンを削除して再取得してください。',
      'ＴＯＫＥＮ ＵＰＤＡＴＥ ＦＡＩＬＥＤ',
    ]) {
      const r = lookupVendorCodes(files, text);
      expect(
        r.matches.map((m) => m.id),
        text,
      ).toEqual(['sharp-token-update-failed']);
      expect(r.matches[0]?.verified).toBe(true);
      expect(r.matches[0]?.sources.every((s) => s.read === '2026-12-02')).toBe(true);
      expect(r.matches[0]?.findings[0]).toBe('OAUTH_TOKEN_REFRESH_FAILED');
    }
    expect(formatVendorMatch(lookupVendorCodes(files, 'Token update failed').matches[0]!, 'ja')).toContain(
      'SMTP の前の段階',
    );
  });

  it('a vendor that publishes nothing matching says so, with its note', () => {
    const r = lookupVendorCodes(files, '016-764', { vendor: 'ricoh' });
    expect(r.matches).toEqual([]);
    expect(r.nothingPublished).toHaveLength(1);
    expect(r.nothingPublished[0]?.note?.en).toMatch(
      /No list of e-mail \(SMTP\) error codes could be read in Ricoh/,
    );
  });

  it('a model id narrows to its vendor; empty text matches nothing', () => {
    expect(
      lookupVendorCodes(files, '016-764', { modelId: 'xerox-altalink-versalink' }).matches.map(
        (m) => m.vendor,
      ),
    ).toEqual(['Xerox']);
    expect(
      lookupVendorCodes(files, '016-764', { modelId: 'sharp-bp' }).nothingPublished.map((n) => n.vendor),
    ).toEqual(['Sharp']);
    expect(lookupVendorCodes(files, '   ')).toEqual({ matches: [], nothingPublished: [] });
  });
});
