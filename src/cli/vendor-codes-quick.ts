// explain's quick look before the validated one. Most texts a technician pastes are SMTP replies with no vendor
// code in them; validating every printer profile (zod) for those cost explain most of its start-up. Here the
// built-in profiles are read as raw JSON and matched with the same rule as the real lookup; only when some panel
// code could match (or --vendor / --model asks for a vendor) does explain load vendor-codes-cli.ts, which
// validates the files and gives the answer. Anything unexpected in a file counts as "could match", so the quick
// look can only skip work, never hide a match.
import { readFileSync, readdirSync, statSync } from 'node:fs';
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

export function rawFileMatches(json: unknown, text: string): Quick {
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

/** The build's index of the built-in panel codes (scripts/build-cli.mjs writes it next to the CLI bundle): each
 *  profile file's name, size and modification time, and its panel codes as raw JSON values. */
export interface PanelCodeIndex {
  version: 1;
  files: { name: string; size: number; mtimeMs: number; panelCodes?: unknown }[];
}

/** Where the build puts the index: out/cli beside the bundle the launcher (bin/..) runs. */
export function panelCodeIndexPath(): string | null {
  return process.argv[1] ? join(dirname(process.argv[1]), '..', 'out', 'cli', 'panel-codes.json') : null;
}

/**
 * The index's answer for `dir`, or null when it cannot be trusted: it is used only while `dir` holds exactly the
 * files it was built from, each with the same size and modification time (a profile edited or added since the
 * build is read from disk instead). Reading and parsing ~300 KB of profiles cost explain ~20 ms of start-up.
 */
export function indexAnswer(
  index: PanelCodeIndex,
  dir: string,
  names: string[],
  text: string,
): boolean | null {
  if (index.version !== 1 || !Array.isArray(index.files) || index.files.length !== names.length) return null;
  for (const f of index.files) {
    if (!names.includes(f.name)) return null;
    try {
      const st = statSync(join(dir, f.name));
      if (st.size !== f.size || st.mtimeMs !== f.mtimeMs) return null;
    } catch {
      return null;
    }
  }
  return index.files.some((f) => rawFileMatches({ panelCodes: f.panelCodes }, text) !== 'none');
}

function readIndex(): PanelCodeIndex | null {
  const at = panelCodeIndexPath();
  if (!at) return null;
  try {
    return JSON.parse(readFileSync(at, 'utf8')) as PanelCodeIndex;
  } catch {
    return null; // no build index (tests run from src, or an old build): read the profiles
  }
}

/** Could any built-in panel code match this text? false only when every file was read and none can. */
export async function mayMatchPanelCode(rawText: string): Promise<boolean> {
  const text = normVendorText(rawText.slice(0, MAX_VENDOR_TEXT_CHARS));
  if (text === '') return false;
  const index = readIndex();
  for (const dir of builtinProfileDirs()) {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .slice(0, QUICK_MAX_FILES);
    } catch {
      continue; // the loader treats a missing folder the same way: try the next one
    }
    if (names.length === 0) continue;
    const known = index ? indexAnswer(index, dir, names, text) : null;
    if (known !== null) return known;
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
