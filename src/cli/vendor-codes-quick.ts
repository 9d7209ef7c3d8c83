// explain's quick look before the validated one. Most texts a technician pastes are SMTP replies with no vendor
// code in them; validating every printer profile (zod) for those cost explain most of its start-up. Here the
// built-in profiles are read as raw JSON and matched with the same rule as the real lookup; only when some panel
// code could match (or --vendor / --model asks for a vendor) does explain load vendor-codes-cli.ts, which
// validates the files and gives the answer. Anything unexpected in a file counts as "could match", so the quick
// look can only skip work, never hide a match.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFileBounded } from '../main/fs/read-bounded';
import type { VendorCodeResult } from '../shared/vendor-codes';
import { MAX_VENDOR_TEXT_CHARS, normVendorText, panelCodeMatch } from '../shared/vendor-code-match';
import type { VendorOptions } from './vendor-codes-cli';

/** Largest profile file the quick look reads; a bigger one is left to the validated loader (which refuses it). */
const QUICK_MAX_FILE_BYTES = 1024 * 1024;
/** Most files looked at in one folder (the built-in set is about a dozen). */
const QUICK_MAX_FILES = 200;

/** Built-in printer profiles: next to the launcher (bin/../resources) or the current folder's resources. */
export function builtinProfileDirs(): string[] {
  const fromBin = process.argv[1] ? join(dirname(process.argv[1]), '..', 'resources', 'printers') : null;
  return [...(fromBin ? [fromBin] : []), join(process.cwd(), 'resources', 'printers')];
}

/** 'unsure': the file is not shaped as expected, so only the validated loader can say. */
type Quick = 'match' | 'none' | 'unsure';

function rawFileMatches(json: unknown, text: string): Quick {
  if (typeof json !== 'object' || json === null) return 'unsure';
  const codes = (json as { panelCodes?: unknown }).panelCodes;
  if (codes === undefined) return 'none';
  if (!Array.isArray(codes)) return 'unsure';
  for (const c of codes as unknown[]) {
    if (typeof c !== 'object' || c === null) return 'unsure';
    const { code, texts } = c as { code?: unknown; texts?: unknown };
    if ((code !== undefined && typeof code !== 'string') || (texts !== undefined && !Array.isArray(texts)))
      return 'unsure';
    const list = (texts ?? []) as unknown[];
    if (list.some((t) => typeof t !== 'string')) return 'unsure';
    if (panelCodeMatch({ code, texts: list as string[] }, text) !== null) return 'match';
  }
  return 'none';
}

/** Could any built-in panel code match this text? false only when every file was read and none can. */
export async function mayMatchPanelCode(rawText: string): Promise<boolean> {
  const text = normVendorText(rawText.slice(0, MAX_VENDOR_TEXT_CHARS));
  if (text === '') return false;
  for (const dir of builtinProfileDirs()) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json')).slice(0, QUICK_MAX_FILES);
    } catch {
      continue; // the loader treats a missing folder the same way: try the next one
    }
    if (names.length === 0) continue;
    // All files at once (one file system round trip instead of one per file): the answer is "any could match".
    const could = await Promise.all(
      names.map(async (name) => {
        try {
          const json: unknown = JSON.parse(
            (await readFileBounded(join(dir, name), QUICK_MAX_FILE_BYTES)).toString('utf8'),
          );
          return rawFileMatches(json, text) !== 'none';
        } catch {
          return true; // unreadable, too large or not JSON: the validated loader reports it properly
        }
      }),
    );
    return could.includes(true); // the loader also stops at the first folder that has profiles
  }
  return false;
}

const NOTHING: VendorCodeResult = { matches: [], nothingPublished: [] };

/** explain's vendor lookup: the validated one when it can matter, else no match without loading a schema. */
export async function explainVendorLookup(text: string, opts: VendorOptions): Promise<VendorCodeResult> {
  if (opts.vendor === undefined && opts.model === undefined && !(await mayMatchPanelCode(text)))
    return NOTHING;
  return (await import('./vendor-codes-cli')).vendorLookup(text, opts);
}
