// What a device shows (panel, web page, transmission report): a vendor code such as Xerox "016-764" or a message
// such as Sharp's "Token update failed", looked up in the profiles' `panelCodes` (each from the vendor's own
// documentation where one was found). Separate from the SMTP-reply classifier on purpose: explain and the device
// screen call both. Pure: no Node, no DOM.
import type { Lang } from './model';
import type { Localized, Source } from './profiles';
import { isVerified, normalizeForSearch, type LoadedProfileFile } from './profiles-resolve';
import { MAX_VENDOR_TEXT_CHARS, normVendorText, panelCodeMatch } from './vendor-code-match';

export interface VendorCodeMatch {
  fileId: string;
  vendor: string;
  id: string;
  /** The code as the vendor writes it, or the message that matched. */
  shown: string;
  meaning: Localized;
  smtp: Localized;
  next: Localized;
  findings: string[];
  sources: Source[];
  /** Backed by the vendor's own documentation; otherwise shown as "check on the device". */
  verified: boolean;
}

export interface VendorCodeResult {
  matches: VendorCodeMatch[];
  /** Vendors asked for (by --vendor or the selected model) that publish nothing matching, with their note. */
  nothingPublished: { vendor: string; note?: Localized }[];
}

export { MAX_VENDOR_TEXT_CHARS } from './vendor-code-match';

/** Does a vendor name (or alias) select this file? */
export function fileMatchesVendor(f: LoadedProfileFile, vendor: string): boolean {
  const v = normalizeForSearch(vendor);
  if (v === '') return false;
  const keys = [f.profile.id, f.profile.vendor, ...f.profile.aliases].map(normalizeForSearch);
  return keys.some((k) => k === v || k.startsWith(v) || v.startsWith(k));
}

function sourcesOf(sources: readonly Source[], ids: readonly string[]): Source[] {
  return ids.map((id) => sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
}

/**
 * Look the text up in the panel codes of the given files. `vendor` narrows to that vendor's files (and reports
 * when it publishes nothing that matches); `modelId` narrows codes limited to some models.
 */
export function lookupVendorCodes(
  files: readonly LoadedProfileFile[],
  rawText: string,
  opts: { vendor?: string; modelId?: string } = {},
): VendorCodeResult {
  const text = normVendorText(rawText.slice(0, MAX_VENDOR_TEXT_CHARS));
  const chosen = opts.vendor
    ? files.filter((f) => fileMatchesVendor(f, opts.vendor ?? ''))
    : opts.modelId
      ? files.filter((f) => f.profile.models.some((m) => m.id === opts.modelId))
      : files;
  const matches: VendorCodeMatch[] = [];
  const nothingPublished: VendorCodeResult['nothingPublished'] = [];
  if (text === '') return { matches, nothingPublished };
  for (const f of chosen) {
    const before = matches.length;
    for (const c of f.profile.panelCodes) {
      if (opts.modelId && c.models && !c.models.includes(opts.modelId)) continue;
      const shown = panelCodeMatch(c, text);
      if (shown === null) continue;
      const sources = sourcesOf(f.profile.sources, c.sources);
      matches.push({
        fileId: f.profile.id,
        vendor: f.profile.vendor,
        id: c.id,
        shown,
        meaning: c.meaning,
        smtp: c.smtp,
        next: c.next,
        findings: c.findings,
        sources,
        verified: isVerified(sources),
      });
    }
    if ((opts.vendor || opts.modelId) && matches.length === before) {
      nothingPublished.push({
        vendor: f.profile.vendor,
        ...(f.profile.panelCodesNote ? { note: f.profile.panelCodesNote } : {}),
      });
    }
  }
  // Verified first, then codes before bare messages.
  matches.sort((a, b) => Number(b.verified) - Number(a.verified));
  return { matches, nothingPublished };
}

/** One line per match for logs and the CLI ("Xerox 016-764: meaning — SMTP side"). */
export function formatVendorMatch(m: VendorCodeMatch, lang: Lang): string {
  return `${m.vendor} ${m.shown}: ${m.meaning[lang]} — ${m.smtp[lang]}`;
}
