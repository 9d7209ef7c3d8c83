// The built-in printer profiles (resources/printers), parsed with the real schema: one loader for the tests that
// read vendor knowledge. A file that does not parse fails the test file at import, naming the file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfileFile, type ProfileFile } from '../../src/shared/profiles';
import type { LoadedProfileFile } from '../../src/shared/profiles-resolve';

export const PROFILE_DIR = join(import.meta.dirname, '..', '..', 'resources', 'printers');
export const profileNames = readdirSync(PROFILE_DIR).filter(
  (n) => n.endsWith('.json') && n !== 'schema.json',
);

function load(name: string): ProfileFile {
  const r = parseProfileFile(readFileSync(join(PROFILE_DIR, name), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.profile;
}

export const profileFiles: ProfileFile[] = profileNames.map(load);
export const loadedProfiles: LoadedProfileFile[] = profileFiles.map((profile, i) => ({
  path: profileNames[i] ?? '',
  origin: 'builtin',
  profile,
}));
