// Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over the target, fsync
// the folder. A reader (or the next start after a power cut) sees either the old file or the new one, never half.
// Windows: antivirus/indexers briefly lock files, so rename is retried on EPERM/EBUSY/EACCES with bounded backoff.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** How many times a locked rename is retried before giving up. */
export const RENAME_MAX_ATTEMPTS = 8;
/** First retry delay, in milliseconds; doubles per attempt (total worst case ≈ 2.5 s). */
export const RENAME_FIRST_BACKOFF_MS = 10;
/** Suffix of in-flight temp files; listings ignore them and cleanup removes stale ones. */
export const TEMP_SUFFIX = '.tmp';

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** The filesystem calls used, injectable so tests can simulate Windows locks. */
export interface AtomicFsOps {
  rename(from: string, to: string): Promise<void>;
}
const realOps: AtomicFsOps = { rename: (a, b) => fsp.rename(a, b) };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const errCode = (err: unknown): string | undefined =>
  err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;

/** Temp file name beside `target`: hidden, unique per process and call. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
}

async function renameWithRetry(from: string, to: string, ops: AtomicFsOps): Promise<void> {
  let delay = RENAME_FIRST_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await ops.rename(from, to);
      return;
    } catch (err) {
      const code = errCode(err);
      if (!code || !RETRYABLE.has(code) || attempt >= RENAME_MAX_ATTEMPTS) throw err;
      await sleep(delay);
      delay *= 2;
    }
  }
}

/** fsync a directory so the rename itself survives a power cut. Not supported on Windows: ignored there. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = errCode(err);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await handle?.close();
  }
}

/** Atomically replaces `target` with `data`. On failure the target is untouched and the temp file removed. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  ops: AtomicFsOps = realOps,
): Promise<void> {
  const temp = tempPathFor(target);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(temp, 'wx', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target, ops);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(path.dirname(target));
}

/** Moves a file, retrying Windows locks like writeFileAtomic does. */
export async function moveFile(from: string, to: string, ops: AtomicFsOps = realOps): Promise<void> {
  await renameWithRetry(from, to, ops);
  await fsyncDir(path.dirname(to));
  if (path.dirname(to) !== path.dirname(from)) await fsyncDir(path.dirname(from));
}
