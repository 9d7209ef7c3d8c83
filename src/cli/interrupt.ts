// Ctrl+C (SIGINT) — and for long-running commands SIGTERM — is the technician's Cancel: the command gets an
// AbortSignal, finishes what it can (a diagnosis still prints what ran so far) and the listeners are removed.
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Runs `fn` with a signal that aborts on the given process signals; the handlers are removed afterwards. */
export async function withInterrupt<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  on: readonly StopSignal[] = ['SIGINT', 'SIGTERM'],
): Promise<T> {
  const ctl = new AbortController();
  const onSignal = (): void => ctl.abort();
  for (const s of on) process.once(s, onSignal);
  try {
    return await fn(ctl.signal);
  } finally {
    for (const s of on) process.removeListener(s, onSignal);
  }
}
