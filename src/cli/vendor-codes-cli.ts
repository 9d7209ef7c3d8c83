// explain's device side: looks the text up in the vendors' published panel codes (src/shared/vendor-codes.ts)
// validated with the profile schema (zod), kept apart from the SMTP-reply classifier. explain reaches it only
// through vendor-codes-quick.ts, when the text can match a code at all.
import { loadProfiles } from '../main/store/profiles-loader';
import type { LoadedProfileFile } from '../shared/profiles-resolve';
import { fileMatchesVendor, lookupVendorCodes, type VendorCodeResult } from '../shared/vendor-codes';
import { UsageError, printable } from './io';
import { builtinProfileDirs } from './vendor-codes-quick';

/** The first folder that yields profiles; [] when none is found (explain then works without vendor codes). */
export async function loadBuiltinProfiles(): Promise<LoadedProfileFile[]> {
  for (const dir of builtinProfileDirs()) {
    const catalog = await loadProfiles({ builtinDir: dir });
    if (catalog.files.length > 0) return catalog.files;
  }
  return [];
}

export interface VendorOptions {
  vendor?: string | undefined;
  model?: string | undefined;
}

export async function vendorLookup(text: string, opts: VendorOptions): Promise<VendorCodeResult> {
  const files = await loadBuiltinProfiles();
  if (opts.vendor !== undefined && !files.some((f) => fileMatchesVendor(f, opts.vendor ?? ''))) {
    throw new UsageError(
      `--vendor "${printable(opts.vendor)}": no device profile for this vendor (e.g. xerox, canon, ricoh, sharp, kyocera)`,
    );
  }
  if (opts.model !== undefined && !files.some((f) => f.profile.models.some((m) => m.id === opts.model))) {
    throw new UsageError(`--model "${printable(opts.model)}": no such model id in the device profiles`);
  }
  return lookupVendorCodes(files, text, {
    ...(opts.vendor ? { vendor: opts.vendor } : {}),
    ...(opts.model ? { modelId: opts.model } : {}),
  });
}
