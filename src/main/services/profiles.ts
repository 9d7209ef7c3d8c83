// Device profiles over IPC: the bundled files plus the technician's imports (loader owned by the profiles
// module); imports are validated and every error names its field.
import { fail, ok, type ProfileImported, type ProfileListing, type Result } from '../../shared/ipc';
import { importProfile, loadProfiles } from '../store/profiles-loader';
import { domainsFromUrls } from '../url-policy';

export interface ProfileBackend {
  list(): Promise<ProfileListing>;
  import(text: string): Promise<Result<ProfileImported>>;
  /** Hosts of the profiles' https sources: links to them may be opened externally. */
  sourceDomains(): Promise<string[]>;
}

/** Most validation errors quoted in one import failure message. */
const MAX_IMPORT_ERRORS_SHOWN = 8;

export function createProfileBackend(dirs: { builtinDir: string; userDir: string }): ProfileBackend {
  const list = async (): Promise<ProfileListing> => {
    const catalog = await loadProfiles(dirs);
    return { files: catalog.files, problems: catalog.problems, replaced: catalog.replaced };
  };
  return {
    list,
    async import(text) {
      const r = await importProfile(text, dirs.userDir);
      if (r.ok) return ok({ file: { path: r.path, origin: 'user', profile: r.profile } });
      const shown = r.errors.slice(0, MAX_IMPORT_ERRORS_SHOWN).map((e) => `${e.path}: ${e.message}`);
      const more = r.errors.length > shown.length ? ` (+${r.errors.length - shown.length} more)` : '';
      return fail('invalid-profile', shown.join('; ') + more, r.errors);
    },
    async sourceDomains() {
      const catalog = await loadProfiles(dirs);
      return domainsFromUrls(catalog.files.flatMap((f) => f.profile.sources.map((s) => s.url ?? '')));
    },
  };
}
