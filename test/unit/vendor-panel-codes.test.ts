// Panel codes and profile claims added from what vendors' texts say (issue 11): Canon's SMTP AUTH user error codes
// (#839 / #843, named in Canon's service manual), the Fuji Xerox DocuCentre-IV / ApeosPort-IV generation without
// e-mail encryption (the guide's specification table), Epson's "Secure Connection" choices, and every vendor saying
// what it searched when nothing could be read. Each test reads the real profile files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileFile } from '../../src/shared/profiles';
import { resolveModel, toDeviceProfile, type LoadedProfileFile } from '../../src/shared/profiles-resolve';
import { lookupVendorCodes } from '../../src/shared/vendor-codes';
import { isFindingCode } from '../../src/shared/findings/codes';

const DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
const files: LoadedProfileFile[] = readdirSync(DIR)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(DIR, n), 'utf8'));
    if (!r.ok) throw new Error(n);
    return { path: n, origin: 'builtin' as const, profile: r.profile };
  });
const file = (id: string) => {
  const f = files.find((x) => x.profile.id === id);
  if (!f) throw new Error(id);
  return f.profile;
};

describe('Canon #839 / #843', () => {
  it.each(['#839', '#843'])(
    '%s: SMTP AUTH related, hedged, sign-in findings, cited with its read date',
    (code) => {
      const r = lookupVendorCodes(files, `送信エラー ${code}`, { vendor: 'canon' });
      expect(r.matches).toHaveLength(1);
      const m = r.matches[0]!;
      expect(m.shown).toBe(code);
      expect(m.verified).toBe(false);
      expect(m.meaning.en).toMatch(/^\(Unverified\).*SMTP AUTH related/);
      expect(m.meaning.ja).toMatch(/^（未確認）/);
      expect(m.findings[0]).toBe('AUTH_FAILED');
      for (const f of m.findings) expect(isFindingCode(f), f).toBe(true);
      expect(m.sources[0]?.url).toContain('Canon-Du7-1178-000');
      expect(m.sources[0]?.read).toBe('2026-12-02');
    },
  );

  it('#8390 or 1839 is not #839 (whole code only)', () => {
    expect(lookupVendorCodes(files, '#8390', { vendor: 'canon' }).matches).toEqual([]);
  });
});

describe('Fuji Xerox DocuCentre-IV / ApeosPort-IV: no e-mail encryption', () => {
  it('the generation has neither STARTTLS nor SSL/TLS, PLAIN/LOGIN only, and warns that client submission cannot work', () => {
    const m = resolveModel(file('fujifilm-bi'), 'fujifilm-docucentre', 'fx-iv-no-ssl');
    if (!m) throw new Error('generation missing');
    expect(m.capabilities.starttls.value).toBe(false);
    expect(m.capabilities.implicitTls.value).toBe(false);
    expect(m.capabilities.maxTls.value).toBeNull();
    expect(m.capabilities.authMechanisms.value).toEqual(['PLAIN', 'LOGIN']);
    expect(m.capabilities.starttls.sources.map((s) => s.url).join(' ')).toContain('docucentre-iv-c2260');
    expect(m.warnings.map((w) => w.id)).toContain('fx-iv-no-ssl');
    expect(toDeviceProfile(m).maxTls).toBeNull();
    // The current firmware of the family keeps its own claims and does not show the warning.
    const current = resolveModel(file('fujifilm-bi'), 'fujifilm-docucentre');
    expect(current?.warnings.map((w) => w.id)).not.toContain('fx-iv-no-ssl');
  });
});

describe('Epson WorkForce: STARTTLS from Epson’s own guide', () => {
  it('STARTTLS and the Secure Connection choices cite the vendor page', () => {
    const m = resolveModel(file('epson'), 'epson-workforce');
    expect(m?.capabilities.starttls.verified).toBe(true);
    expect(m?.tlsOptions.starttls?.verified).toBe(true);
    expect(m?.capabilities.starttls.sources[0]?.url).toContain('files.support.epson.com');
  });
});

describe('every vendor says what it searched for panel codes', () => {
  it('each file with no vendor-read code list dates its search', () => {
    for (const f of files) {
      if (f.profile.models.every((m) => m.kind === 'application') || f.profile.id === 'generic-mfp') continue;
      const note = f.profile.panelCodesNote;
      expect(note, f.profile.id).toBeDefined();
      expect(note?.en, f.profile.id).toMatch(/2026-12-02/);
      expect(note?.ja, f.profile.id).toMatch(/2026-12-02/);
    }
  });

  it('every panel code not backed by a vendor document starts with (Unverified) / （未確認）', () => {
    for (const f of files) {
      const vendorIds = new Set(f.profile.sources.filter((s) => s.vendorDoc).map((s) => s.id));
      for (const c of f.profile.panelCodes) {
        if (c.sources.some((s) => vendorIds.has(s))) continue;
        expect(c.meaning.en, c.id).toMatch(/^\(Unverified\)/);
        expect(c.meaning.ja, c.id).toMatch(/^（未確認）/);
      }
    }
  });
});
