// Counts, per vendor file, how many claims a vendor's own document backs ("sourced") and how many are shown as
// "check on the device" ("unverified"): capabilities (current and per generation), menu paths, field labels,
// option labels, warnings, OAuth details and panel codes. Used by scripts/profile-tally.ts and a test. Pure.
import type { ProfileFile, Source } from './profiles';

export interface VendorTally {
  fileId: string;
  vendor: string;
  sourced: number;
  unverified: number;
  /** Vendor-document sources that carry the date they were read. */
  datedVendorSources: number;
  vendorSources: number;
  panelCodes: number;
}

function verifiedIds(file: ProfileFile): Set<string> {
  return new Set(file.sources.filter((s: Source) => s.vendorDoc).map((s) => s.id));
}

/** Every claim's source-id list in the file. */
export function claimSourceLists(file: ProfileFile): string[][] {
  const out: string[][] = [];
  const add = (x: { sources: string[] } | undefined) => {
    if (x) out.push(x.sources);
  };
  for (const m of file.models) {
    Object.values(m.capabilities).forEach(add);
    for (const g of m.generations) Object.values(g.capabilities).forEach(add);
    Object.values(m.menuPaths).forEach(add);
    Object.values(m.fields).forEach(add);
    Object.values(m.tlsOptions).forEach(add);
    Object.values(m.authOptions ?? {}).forEach(add);
    m.warnings.forEach(add);
    // An OAuth detail the vendor does not publish (value null) is "check on the device", whatever it cites.
    for (const c of Object.values(m.oauth ?? {})) if (c && !('value' in c && c.value === null)) add(c);
    for (const c of Object.values(m.oauth ?? {})) if (c && 'value' in c && c.value === null) out.push([]);
  }
  file.panelCodes.forEach(add);
  return out;
}

export function tallyFile(file: ProfileFile): VendorTally {
  const ok = verifiedIds(file);
  let sourced = 0;
  let unverified = 0;
  for (const ids of claimSourceLists(file)) {
    if (ids.some((id) => ok.has(id))) sourced += 1;
    else unverified += 1;
  }
  const vendorSources = file.sources.filter((s) => s.vendorDoc);
  return {
    fileId: file.id,
    vendor: file.vendor,
    sourced,
    unverified,
    datedVendorSources: vendorSources.filter((s) => s.read !== undefined).length,
    vendorSources: vendorSources.length,
    panelCodes: file.panelCodes.length,
  };
}

/** Share of sourced claims over all files, 0..1. */
export function sourcedShare(tallies: readonly VendorTally[]): number {
  const s = tallies.reduce((a, t) => a + t.sourced, 0);
  const all = tallies.reduce((a, t) => a + t.sourced + t.unverified, 0);
  return all === 0 ? 0 : s / all;
}

/** A fixed-width table for the note. */
export function formatTally(tallies: readonly VendorTally[]): string {
  const rows = tallies.map((t) => {
    const all = t.sourced + t.unverified;
    const pct = all === 0 ? 0 : Math.round((100 * t.sourced) / all);
    return `${t.vendor.padEnd(30)} ${String(t.sourced).padStart(4)} ${String(t.unverified).padStart(6)} ${`${pct}%`.padStart(5)} ${String(t.panelCodes).padStart(6)}`;
  });
  const total = Math.round(100 * sourcedShare(tallies));
  return [
    `${'vendor'.padEnd(30)} ${'src'.padStart(4)} ${'unver'.padStart(6)} ${'share'.padStart(5)} ${'codes'.padStart(6)}`,
    ...rows,
    `total vendor-sourced share: ${total}%`,
  ].join('\n');
}
