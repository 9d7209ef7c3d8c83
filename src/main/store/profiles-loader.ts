// Loads the built-in device profiles (resources/printers/*.json) and the technician's imported ones (a user
// folder). A bad file never stops the app: it is listed in `problems` with errors that name the field, and the
// rest load. Electron-free: the caller passes the folders (app resources path, userData path).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { FileTooLargeError, readTextBounded } from '../fs/read-bounded';
import { join } from 'node:path';
import {
  MAX_PROFILE_FILE_CHARS,
  parseProfileFile,
  type ProfileError,
  type ProfileFile,
} from '../../shared/profiles';
import type { LoadedProfileFile, Origin } from '../../shared/profiles-resolve';

/** Files in a profile folder other than profiles. */
const NOT_PROFILES = new Set(['schema.json']);
/** Most files read from one folder (a folder of thousands is not a profile folder). */
export const MAX_PROFILE_FILES_PER_DIR = 500;

export interface LoadProblem {
  path: string;
  origin: Origin;
  errors: ProfileError[];
}

export interface ProfileCatalog {
  /** Valid files, built-in first; a user file with a built-in's id replaces it. */
  files: LoadedProfileFile[];
  problems: LoadProblem[];
  /** Built-in file ids a user file replaced. */
  replaced: string[];
}

export interface LoadOptions {
  builtinDir: string;
  /** The technician's imported profiles; missing folder = none. */
  userDir?: string;
}

async function listJson(dir: string, origin: Origin, problems: LoadProblem[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (origin === 'user' && code === 'ENOENT') return [];
    problems.push({
      path: dir,
      origin,
      errors: [{ path: '(folder)', message: `cannot read folder: ${code ?? String(e)}` }],
    });
    return [];
  }
  const json = names.filter((n) => n.toLowerCase().endsWith('.json') && !NOT_PROFILES.has(n)).sort();
  if (json.length > MAX_PROFILE_FILES_PER_DIR) {
    problems.push({
      path: dir,
      origin,
      errors: [
        {
          path: '(folder)',
          message: `more than ${MAX_PROFILE_FILES_PER_DIR} files; only the first ${MAX_PROFILE_FILES_PER_DIR} were read`,
        },
      ],
    });
  }
  return json.slice(0, MAX_PROFILE_FILES_PER_DIR).map((n) => join(dir, n));
}

async function readProfile(
  path: string,
): Promise<{ ok: true; profile: ProfileFile } | { ok: false; errors: ProfileError[] }> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, errors: [{ path: '(file)', message: 'not a regular file' }] };
    // Bytes >= characters for UTF-8, so a 4x margin still rejects huge files before reading them.
    if (st.size > MAX_PROFILE_FILE_CHARS * 4)
      return { ok: false, errors: [{ path: '(file)', message: `file is too large (${st.size} bytes)` }] };
    return parseProfileFile(await readTextBounded(path, MAX_PROFILE_FILE_CHARS * 4));
  } catch (e) {
    if (e instanceof FileTooLargeError)
      return {
        ok: false,
        errors: [{ path: '(file)', message: `file is too large (over ${e.maxBytes} bytes)` }],
      };
    return {
      ok: false,
      errors: [
        { path: '(file)', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
      ],
    };
  }
}

/** Load every profile file from the built-in and user folders. Never rejects. */
export async function loadProfiles(options: LoadOptions): Promise<ProfileCatalog> {
  const problems: LoadProblem[] = [];
  const byId = new Map<string, LoadedProfileFile>();
  const replaced: string[] = [];
  const dirs: [string, Origin][] = [[options.builtinDir, 'builtin']];
  if (options.userDir) dirs.push([options.userDir, 'user']);
  for (const [dir, origin] of dirs) {
    for (const path of await listJson(dir, origin, problems)) {
      const r = await readProfile(path);
      if (!r.ok) {
        problems.push({ path, origin, errors: r.errors });
        continue;
      }
      const prev = byId.get(r.profile.id);
      if (prev && prev.origin === origin) {
        problems.push({
          path,
          origin,
          errors: [{ path: 'id', message: `duplicate file id "${r.profile.id}" (also in ${prev.path})` }],
        });
        continue;
      }
      if (prev) replaced.push(r.profile.id);
      byId.set(r.profile.id, { path, origin, profile: r.profile });
    }
  }
  // Model ids must be unique across files: keep the first (built-in before user), report the later ones.
  const files: LoadedProfileFile[] = [];
  const modelOwner = new Map<string, string>();
  for (const f of byId.values()) {
    const clash = f.profile.models.findIndex((m) => modelOwner.has(m.id));
    if (clash >= 0) {
      const id = f.profile.models[clash]?.id ?? '';
      problems.push({
        path: f.path,
        origin: f.origin,
        errors: [
          {
            path: `models[${clash}].id`,
            message: `model id "${id}" is already defined in ${modelOwner.get(id) ?? '?'}`,
          },
        ],
      });
      continue;
    }
    for (const m of f.profile.models) modelOwner.set(m.id, f.path);
    files.push(f);
  }
  return { files, problems, replaced };
}

/** Attempts and pause for a rename that Windows refuses while another process (antivirus, indexer) holds the file. */
const RENAME_ATTEMPTS = 5;
const RENAME_RETRY_MS = 50;

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= RENAME_ATTEMPTS || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, RENAME_RETRY_MS * attempt));
    }
  }
}

export type ImportResult =
  { ok: true; path: string; profile: ProfileFile } | { ok: false; errors: ProfileError[] };

/**
 * Validate a technician's profile file and store it in the user folder as `<id>.json` (atomically: temp file,
 * fsync, rename). Invalid files are not written; the errors name the fields.
 */
export async function importProfile(text: string, userDir: string): Promise<ImportResult> {
  const r = parseProfileFile(text);
  if (!r.ok) return r;
  // The id is validated as [a-z0-9._-] and cannot start with ".", so the name stays inside userDir.
  const path = join(userDir, `${r.profile.id}.json`);
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(userDir, { recursive: true });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(`${JSON.stringify(r.profile, null, 2)}\n`, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    return {
      ok: false,
      errors: [
        { path: '(file)', message: `cannot save profile: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
      ],
    };
  }
  return { ok: true, path, profile: r.profile };
}
