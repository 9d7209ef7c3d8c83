// The support-ticket bundle: one .zip with report.json, report.html, transcript.txt and ticket.md, built in
// memory with yazl from texts the caller has already scanned for secrets.
import { ZipFile } from 'yazl';

/** The bundle's entries, in order. */
export const BUNDLE_ENTRIES = ['ticket.md', 'report.html', 'transcript.txt', 'report.json'] as const;
export type BundleEntry = (typeof BUNDLE_ENTRIES)[number];

/** Zips the entries (deflated, fixed timestamp so the same report gives the same archive bytes). */
export function zipEntries(files: Record<BundleEntry, string>, mtime: Date): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const name of BUNDLE_ENTRIES)
      zip.addBuffer(Buffer.from(files[name], 'utf8'), name, { mtime, mode: 0o644, compress: true });
    zip.end();
  });
}
