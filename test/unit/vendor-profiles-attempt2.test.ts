// Issue 11, second bounded search for vendor-published panel codes (2026-12-02): what it changed in the profiles.
// Unverified codes stay a family with a next check (never one confident cause), every vendor's note records the
// second search, the Konica Minolta claims its own manual pages now back are verified, and the Kyocera 1102 entry
// gained a third-party page without becoming "verified".
import { describe, expect, it } from 'vitest';
import { loadedProfiles, profileFiles } from '../helpers/builtin-profiles';
import { resolveFromLoaded } from '../../src/shared/profiles-resolve';
import { lookupVendorCodes } from '../../src/shared/vendor-codes';

const files = profileFiles;
const loaded = loadedProfiles;
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

describe('unverified panel codes are a family with a next check', () => {
  it('every code no vendor document backs names at least two likely findings and a next check in ja and en', () => {
    let checked = 0;
    for (const f of files) {
      const vendorIds = new Set(f.sources.filter((s) => s.vendorDoc).map((s) => s.id));
      for (const c of f.panelCodes) {
        if (c.sources.some((id) => vendorIds.has(id))) continue;
        checked += 1;
        expect(c.findings.length, `${f.id}/${c.id}`).toBeGreaterThanOrEqual(2);
        expect(c.next.ja.length, `${f.id}/${c.id}`).toBeGreaterThan(10);
        expect(c.next.en.length, `${f.id}/${c.id}`).toBeGreaterThan(10);
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('Xerox 016-764 with --vendor xerox comes back unverified, as a connection family, from Xerox only', () => {
    const r = lookupVendorCodes(loaded, 'エラー 016-764', { vendor: 'xerox' });
    expect(r.matches.map((m) => m.id)).toEqual(['xerox-016-764']);
    const m = r.matches[0];
    expect(m?.verified).toBe(false);
    expect(m?.meaning.en).toMatch(/^\(Unverified\)/);
    expect(m?.findings).toEqual(expect.arrayContaining(['TCP_TIMEOUT', 'TLS_HANDSHAKE_FAILED']));
  });
});

describe('second search recorded per vendor', () => {
  it("each vendor's panel-code note dates the second search in both languages", () => {
    for (const id of VENDORS) {
      const note = files.find((f) => f.id === id)?.panelCodesNote;
      expect(note?.en, id).toMatch(/Searched again 2026-12-02 \(second attempt/);
      expect(note?.ja, id).toMatch(/2026-12-02 に再検索（2 回目/);
    }
  });
});

describe('what the second search added', () => {
  it("Konica Minolta's own manual pages back the i-series SMTP menu path and the SMTP authentication setting", () => {
    const i = resolveFromLoaded(loaded, 'km-bizhub-i');
    expect(i?.menuPaths.smtp.verified).toBe(true);
    expect(i?.menuPaths.smtp.sources.map((s) => s.id)).toContain('km-360i-scan-to-email-de');
    expect(i?.fields.auth?.verified).toBe(true);
    const e = resolveFromLoaded(loaded, 'km-bizhub-e');
    expect(e?.fields.auth?.verified).toBe(true);
    // The C658 page's menu path was cut off where it was read: the e-series path stays "check on the device".
    expect(e?.menuPaths.smtp.verified).toBe(false);
    const km = files.find((f) => f.id === 'konica-minolta');
    for (const id of ['km-360i-scan-to-email-de', 'km-c658-scan-to-email-de']) {
      const s = km?.sources.find((x) => x.id === id);
      expect(s?.vendorDoc, id).toBe(true);
      expect(s?.read, id).toBe('2026-12-02');
      expect(s?.url, id).toMatch(/^https:\/\/manuals\.konicaminolta\.eu\//);
    }
  });

  it('Kyocera 1102 cites a dated third-party page and is still shown as unverified', () => {
    const ky = files.find((f) => f.id === 'kyocera');
    const src = ky?.sources.find((s) => s.id === 'kyocera-howto-site-1102');
    expect(src).toMatchObject({ vendorDoc: false, read: '2026-12-02' });
    const r = lookupVendorCodes(loaded, '1102', { vendor: 'kyocera' });
    expect(r.matches.map((m) => m.id)).toEqual(['kyocera-1102']);
    expect(r.matches[0]?.verified).toBe(false);
    expect(r.matches[0]?.meaning.ja).toMatch(/^（未確認）/);
    expect(r.matches[0]?.findings.length).toBeGreaterThanOrEqual(2);
  });

  it("Ricoh's sender warning cites the service manual read on a third-party copy, not as Ricoh's documentation", () => {
    const ricoh = files.find((f) => f.id === 'ricoh');
    expect(ricoh?.sources.find((s) => s.id === 'ricoh-sm-sender-mirror')).toMatchObject({
      vendorDoc: false,
      read: '2026-12-02',
    });
    const w = resolveFromLoaded(loaded, 'ricoh-im')?.warnings.find((x) => x.id === 'sender-is-admin-address');
    expect(w?.sources.map((s) => s.id)).toContain('ricoh-sm-sender-mirror');
  });
});
