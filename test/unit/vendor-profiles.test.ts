// Vendor knowledge in resources/printers: every OAuth claim and panel code is sourced (URL + read date for vendor
// documents), "not published" is never shown as verified, the stale Xerox claim stays fixed, every vendor says what
// it publishes about codes, and the per-vendor tally of sourced vs. unverified claims (printed for the note).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_DIR, loadedProfiles, profileFiles } from '../helpers/builtin-profiles';
import { FINDING_CODES } from '../../src/shared/findings/codes';
import { OAUTH_CLAIM_KEYS, parseProfileFile } from '../../src/shared/profiles';
import { formatTally, sourcedShare, tallyFile } from '../../src/shared/profile-tally';
import { resolveFromLoaded, resolveModel } from '../../src/shared/profiles-resolve';

const DIR = PROFILE_DIR;
const files = profileFiles;
const loaded = loadedProfiles;
/** OAuth finding codes issue 10 defines (added by the oauth branch); panel codes may point at them already. */
const PENDING_OAUTH_CODES = [
  'OAUTH_REJECTED',
  'OAUTH_WRONG_AUDIENCE',
  'OAUTH_SCOPE_MISSING',
  'OAUTH_TOKEN_EXPIRED',
  'OAUTH_TENANT_MISMATCH',
  'OAUTH_CONSENT_MISSING',
  'OAUTH_BLOCKED_BY_POLICY',
  'OAUTH_TOKEN_REFRESH_FAILED',
];
const KNOWN_CODES = new Set<string>([...FINDING_CODES, ...PENDING_OAUTH_CODES]);
const VENDORS = [
  'ricoh',
  'xerox',
  'canon',
  'sharp',
  'kyocera',
  'konica-minolta',
  'fujifilm-bi',
  'brother',
  'epson',
  'hp',
  'lexmark',
  'toshiba',
];
/** The day the sources were read for this round; a later date would be a claim from the future. */
const RESEARCH_DAY = '2026-12-02';

describe('vendor sources', () => {
  it('every source cited by an OAuth claim or a panel code is dated, and vendor documents have a real https(s) address', () => {
    for (const f of files) {
      const cited = new Set<string>();
      for (const m of f.models)
        for (const c of Object.values(m.oauth ?? {})) c?.sources.forEach((id) => cited.add(id));
      for (const c of f.panelCodes) c.sources.forEach((id) => cited.add(id));
      for (const s of f.sources) {
        if (s.vendorDoc) expect(s.url, `${f.id}/${s.id}`).toMatch(/^https?:\/\/[^/]+\.[a-z]+\//);
        if (s.read !== undefined) expect(s.read <= RESEARCH_DAY, `${f.id}/${s.id} read ${s.read}`).toBe(true);
        if (cited.has(s.id) && s.url !== null)
          expect(s.read, `${f.id}/${s.id} is cited but has no read date`).toBeDefined();
        // A field note has no address to have read on a day.
        if (s.url === null) expect(s.read, `${f.id}/${s.id}`).toBeUndefined();
      }
    }
  });

  it('a source with a wrong read date, a panel code with an unknown source or no code/text, and an unknown model id are refused by name', () => {
    const data = JSON.parse(readFileSync(join(DIR, 'sharp.json'), 'utf8')) as {
      sources: { read?: string }[];
      panelCodes: Record<string, unknown>[];
    };
    data.sources[0]!.read = '02/12/2026';
    data.panelCodes.push({
      id: 'x',
      texts: [],
      meaning: { ja: 'a', en: 'a' },
      smtp: { ja: 'a', en: 'a' },
      next: { ja: 'a', en: 'a' },
      sources: ['nope'],
      models: ['no-such-model'],
    });
    const r = parseProfileFile(JSON.stringify(data));
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths.some((p) => p.startsWith('sources[0].read'))).toBe(true);
    expect(
      paths.some((p) => p.includes('panelCodes[1].sources[0]') && p.includes('unknown source id "nope"')),
    ).toBe(true);
    expect(
      paths.some((p) => p.includes('panelCodes[1]') && p.includes('"code" or at least one of "texts"')),
    ).toBe(true);
    expect(paths.some((p) => p.includes('panelCodes[1].models[0]') && p.includes('no-such-model'))).toBe(
      true,
    );
  });
});

describe('OAuth support per model', () => {
  it('every vendor of the twelve has an OAuth block on at least one model', () => {
    for (const id of VENDORS) {
      const f = files.find((x) => x.id === id);
      expect(f, id).toBeDefined();
      expect(
        f?.models.some((m) => m.oauth !== undefined),
        id,
      ).toBe(true);
    }
  });

  it('a claim the vendor does not publish (null) is never verified; a published one is verified only with a vendor document', () => {
    let nulls = 0;
    let verified = 0;
    for (const f of loaded) {
      for (const m of f.profile.models) {
        const model = resolveModel(f.profile, m.id);
        if (!model?.oauth) continue;
        for (const k of OAUTH_CLAIM_KEYS) {
          const c = model.oauth[k];
          if (c.value === null) {
            nulls += 1;
            expect(c.verified, `${m.id}.${k}`).toBe(false);
          } else {
            expect(c.verified, `${m.id}.${k}`).toBe(c.sources.some((s) => s.vendorDoc));
            if (c.verified) verified += 1;
          }
        }
      }
    }
    expect(nulls).toBeGreaterThan(0);
    expect(verified).toBeGreaterThan(0);
  });

  it('Xerox AltaLink / VersaLink (ConnectKey) are OAuth-capable on current firmware, older firmware is not', () => {
    const cur = resolveFromLoaded(loaded, 'xerox-altalink-versalink');
    expect(cur?.capabilities.oauth.value).toBe(true);
    expect(cur?.oauth?.appOnly.value).toBe(true);
    expect(
      resolveFromLoaded(loaded, 'xerox-altalink-versalink', 'xerox-pre-oauth')?.capabilities.oauth.value,
    ).toBe(false);
  });

  it('vendor-documented OAuth facts: Lexmark FW24, Canon on the Remote UI only, Konica Minolta on the panel, Epson consent for the organization', () => {
    const lex = resolveFromLoaded(loaded, 'lexmark-cx-mx');
    expect(lex?.oauth?.minFirmware).toMatchObject({ value: 'FW24', verified: true });
    expect(resolveFromLoaded(loaded, 'canon-iradv-dx')?.oauth?.delegated).toMatchObject({
      value: 'web',
      verified: true,
    });
    expect(resolveFromLoaded(loaded, 'km-bizhub-i')?.oauth?.delegated).toMatchObject({
      value: 'panel',
      verified: true,
    });
    expect(resolveFromLoaded(loaded, 'epson-scanner')?.oauth?.adminConsent).toMatchObject({
      value: true,
      verified: true,
    });
    expect(resolveFromLoaded(loaded, 'sharp-bp')?.oauth?.where?.verified).toBe(true);
  });
});

describe('panel codes', () => {
  it('every vendor either lists codes or says what it publishes; every likely finding is a known code', () => {
    for (const id of VENDORS) {
      const f = files.find((x) => x.id === id);
      expect((f?.panelCodes.length ?? 0) > 0 || f?.panelCodesNote !== undefined, id).toBe(true);
    }
    for (const f of files)
      for (const c of f.panelCodes)
        for (const code of c.findings) expect(KNOWN_CODES.has(code), `${f.id}/${c.id}: ${code}`).toBe(true);
  });

  it('codes without a vendor document are marked unverified in their own words', () => {
    for (const f of files) {
      const vendorIds = new Set(f.sources.filter((s) => s.vendorDoc).map((s) => s.id));
      for (const c of f.panelCodes) {
        if (c.sources.some((id) => vendorIds.has(id))) continue;
        expect(c.meaning.en, `${f.id}/${c.id}`).toMatch(/^\(Unverified\)/);
        expect(c.meaning.ja, `${f.id}/${c.id}`).toMatch(/^（未確認）/);
      }
    }
  });
});

describe('tally of vendor-sourced claims', () => {
  it('counts every claim once and prints the per-vendor table for the note', () => {
    const tallies = files.map(tallyFile);
    const table = formatTally(tallies);
    console.log(`\n${table}`);
    for (const t of tallies) expect(t.sourced + t.unverified, t.fileId).toBeGreaterThan(0);
    // Vendors with a vendor document read this round count claims backed by it.
    for (const id of ['sharp', 'epson', 'lexmark', 'konica-minolta', 'canon'])
      expect(tallies.find((t) => t.fileId === id)?.sourced ?? 0, id).toBeGreaterThan(4);
    const share = sourcedShare(tallies);
    expect(share).toBeGreaterThan(0.1);
    expect(table).toContain(`total vendor-sourced share: ${Math.round(100 * share)}%`);
  });
});
