// Errors the report store and the exporters raise for bad input or a blocked write. Each has a stable code so
// IPC handlers can return `{ ok: false, error: { code, message } }` and the CLI can map them to exit codes.
export type StoreErrorCode =
  | 'not-found'
  | 'invalid-id'
  | 'outside'
  | 'corrupt'
  | 'newer'
  | 'invalid'
  | 'exists'
  | 'secret'
  | 'export-failed'
  /** The reports folder cannot take the write: disk full, not a folder, no permission, read-only. */
  | 'storage';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isStoreError = (err: unknown): err is StoreError => err instanceof StoreError;

/** File-system failures that are the machine's state (not a bug), with the words a technician acts on. */
const STORAGE_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file stands where a folder is needed',
  EEXIST: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where the report file goes',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the folder path is too long',
};

/** A StoreError('storage') naming the folder and the reason for a known fs failure; null for anything else. */
export function storageError(err: unknown, dir: string, what: string): StoreError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const reason = code ? STORAGE_REASONS[code] : undefined;
  if (!reason) return null;
  return new StoreError('storage', `${what}: ${reason} (${code ?? ''}) in ${dir}; nothing was written`);
}
