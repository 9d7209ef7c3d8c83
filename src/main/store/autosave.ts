// Debounced autosave of the job in progress: every edit reschedules the write, but no edit waits longer than
// the max wait, so a crash or power cut loses at most AUTOSAVE_MAX_WAIT_MS of work.

/** Quiet time after the last edit before the job is written, in milliseconds. */
export const AUTOSAVE_DELAY_MS = 1_000;
/** Longest an edit stays only in memory while edits keep coming, in milliseconds. */
export const AUTOSAVE_MAX_WAIT_MS = 3_000;

export interface AutosaverOptions<T> {
  save: (value: T) => Promise<unknown>;
  delayMs?: number;
  maxWaitMs?: number;
  onError?: (err: unknown, key: string) => void;
}

interface Pending<T> {
  value: T;
  timer: NodeJS.Timeout;
  firstAt: number;
}

export interface Autosaver<T> {
  schedule(key: string, value: T): void;
  /** Writes everything pending now; resolves when the writes (and any in flight) end. */
  flush(): Promise<void>;
  /** Drops a pending write (e.g. the report was deleted). */
  cancel(key: string): void;
}

export function createAutosaver<T>(opts: AutosaverOptions<T>): Autosaver<T> {
  const delay = opts.delayMs ?? AUTOSAVE_DELAY_MS;
  const maxWait = opts.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  const pending = new Map<string, Pending<T>>();
  const inFlight = new Set<Promise<void>>();

  const fire = (key: string) => {
    const p = pending.get(key);
    if (!p) return;
    pending.delete(key);
    clearTimeout(p.timer);
    const job = opts
      .save(p.value)
      .then(() => undefined)
      .catch((err: unknown) => opts.onError?.(err, key))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  return {
    schedule(key, value) {
      const now = Date.now();
      const prev = pending.get(key);
      if (prev) clearTimeout(prev.timer);
      const firstAt = prev?.firstAt ?? now;
      const wait = Math.max(0, Math.min(delay, firstAt + maxWait - now));
      pending.set(key, { value, firstAt, timer: setTimeout(() => fire(key), wait) });
    },
    async flush() {
      for (const key of [...pending.keys()]) fire(key);
      await Promise.all([...inFlight]);
    },
    cancel(key) {
      const p = pending.get(key);
      if (p) clearTimeout(p.timer);
      pending.delete(key);
    },
  };
}
