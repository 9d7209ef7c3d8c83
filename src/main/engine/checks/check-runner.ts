// Runs one check: step events, a per-check deadline under the overall one, a settled Check whatever happens
// (an unexpected exception becomes a failed check with the message as evidence, never a rejected diagnosis).
import { checkId, type CheckDetails, type CheckKind, type CheckRef } from '../../../shared/check-registry';
import type { Check, CheckStatus, FindingRef, StepEvent } from '../../../shared/model';
import type { SkipReason } from '../../../shared/skip-reasons';
import type { DiagnoseRequest } from '../../../shared/model';
import type { DnsClient } from '../protocol/dns';
import type { EngineLimits } from '../limits';
import type { Transcript } from '../protocol/transcript';

/** What a check found; `details` has the shape the registry declares for its kind. */
export interface CheckOutcome<K extends CheckKind = CheckKind> {
  status: CheckStatus;
  findings?: FindingRef[];
  details?: CheckDetails<K>;
}

/** A check of one kind on one scope (see src/shared/check-registry.ts): the only way the engine names a check. */
export interface TypedRef<K extends CheckKind> extends CheckRef {
  kind: K;
}

export const ref = <K extends CheckKind>(kind: K, scope: CheckRef['scope'] = null): TypedRef<K> => ({
  kind,
  scope,
});

/** A counting semaphore: FIFO, the slot passes straight to the next waiter. */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/**
 * Bounds network operations. Exchange Online limits *sign-ins*: at most 3 concurrent SMTP AUTH connections per
 * mailbox (more get `432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded`), so a session that signs in
 * holds a slot of its mailbox (`perMailbox`). Anonymous connections — TLS probes, the certificate read, the TCP
 * probe, MX sessions — are not counted against any mailbox; they share a per-host bound (`perHost`) that only
 * keeps one diagnosis from opening more than a matrix's worth of short connections at once. `global` bounds
 * operations of any kind (1 = run checks one after another, the benchmark's baseline).
 */
export class HostLimiter {
  private readonly hosts = new Map<string, Slots>();
  private readonly mailboxes = new Map<string, Slots>();
  private readonly all: Slots;
  constructor(
    private readonly perHost: number,
    global = Number.POSITIVE_INFINITY,
    private readonly perMailbox = perHost,
  ) {
    this.all = new Slots(global);
  }

  private slots(map: Map<string, Slots>, key: string, max: number): Slots {
    let slots = map.get(key);
    if (!slots) {
      slots = new Slots(max);
      map.set(key, slots);
    }
    return slots;
  }

  /**
   * Runs `fn` holding a slot for `host` (null: a non-connection operation such as a DNS query) and, for a session
   * that signs in, one of `signInAs`'s mailbox slots (taken first, so a queued sign-in never holds a host slot).
   */
  async run<T>(host: string | null, fn: () => Promise<T>, signInAs?: string): Promise<T> {
    const mailbox =
      signInAs === undefined
        ? undefined
        : this.slots(this.mailboxes, signInAs.toLowerCase(), this.perMailbox);
    const hostSlots = host === null ? undefined : this.slots(this.hosts, host.toLowerCase(), this.perHost);
    await mailbox?.acquire();
    await hostSlots?.acquire();
    await this.all.acquire();
    try {
      return await fn();
    } finally {
      this.all.release();
      hostSlots?.release();
      mailbox?.release();
    }
  }
}

export interface EngineContext {
  request: DiagnoseRequest;
  limits: EngineLimits;
  /** Performance-clock origin of the diagnosis, in ms. */
  t0: number;
  transcript: Transcript;
  dns: DnsClient;
  hosts: HostLimiter;
  /** Aborts on Cancel or when the overall deadline passes. */
  signal: AbortSignal;
  /** True once the technician cancelled (as opposed to the overall deadline). */
  cancelled: () => boolean;
  emit: (event: StepEvent) => void;
  /** Checks in the order they started. */
  checks: Check[];
  ehloName: string;
  /** Runs independent steps: concurrently, or one after another when the run is sequential (maxConcurrentChecks 1). */
  all: <T>(steps: readonly (() => Promise<T>)[]) => Promise<T[]>;
}

/** `ctx.all` for a run: Promise.all, or strictly one step after another. */
export function stepRunner(sequential: boolean): EngineContext['all'] {
  return async <T>(steps: readonly (() => Promise<T>)[]): Promise<T[]> => {
    if (!sequential) return Promise.all(steps.map((s) => s()));
    const out: T[] = [];
    for (const s of steps) out.push(await s());
    return out;
  };
}

/** Every check goes through here: it joins ctx.checks in start order and is announced when it starts. */
function open(ctx: EngineContext, r: CheckRef, title: string, startedAt: number): Check {
  const id = checkId(r.kind, r.scope);
  const check: Check = {
    id,
    title,
    status: 'skip',
    startedAt: Math.max(0, Math.round(startedAt)),
    durationMs: 0,
    findings: [],
    details: {},
  };
  ctx.checks.push(check);
  ctx.emit({ type: 'check-started', id, title, at: check.startedAt });
  return check;
}

/** ... and here, once it has its outcome. */
function settle(ctx: EngineContext, check: Check, outcome: CheckOutcome, durationMs: number): Check {
  check.status = outcome.status;
  check.findings = outcome.findings ?? [];
  check.details = outcome.details ?? {};
  check.durationMs = Math.max(0, Math.round(durationMs));
  ctx.emit({ type: 'check-finished', check });
  return check;
}

/** Runs a check now: per-check deadline under the overall one; an exception becomes a failed check. */
export async function runCheck<K extends CheckKind>(
  ctx: EngineContext,
  r: TypedRef<K>,
  title: string,
  fn: (signal: AbortSignal) => Promise<CheckOutcome<K>>,
  timeoutMs = ctx.limits.checkTimeoutMs,
): Promise<Check> {
  const startedAt = Math.max(0, Math.round(performance.now() - ctx.t0));
  const check = open(ctx, r, title, startedAt);
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);
  let outcome: CheckOutcome<K>;
  if (ctx.signal.aborted) {
    outcome = {
      status: 'skip',
      details: { skip: { id: ctx.cancelled() ? 'cancelled' : 'deadline' } } as CheckDetails<K>,
    };
  } else {
    try {
      outcome = await fn(signal);
    } catch (err) {
      outcome = {
        status: 'fail',
        details: { internalError: err instanceof Error ? err.message : String(err) } as CheckDetails<K>,
      };
    }
    if (ctx.signal.aborted && outcome.status !== 'pass') {
      outcome.details = {
        ...outcome.details,
        interrupted: ctx.cancelled() ? 'cancelled' : 'overall deadline reached',
      } as CheckDetails<K>;
      if (ctx.cancelled())
        outcome = {
          ...outcome,
          status: 'skip',
          findings: [],
          details: { ...outcome.details, skip: { id: 'cancelled' } },
        };
    }
  }
  return settle(ctx, check, outcome, Math.round(performance.now() - ctx.t0) - startedAt);
}

/**
 * Records a check whose work already happened inside a shared operation (one SMTP session yields the banner,
 * EHLO, STARTTLS, AUTH and envelope checks): same events and shape as runCheck.
 */
export function recordCheck<K extends CheckKind>(
  ctx: EngineContext,
  r: TypedRef<K>,
  title: string,
  startedAt: number,
  durationMs: number,
  o: CheckOutcome<K>,
): Check {
  return settle(ctx, open(ctx, r, title, startedAt), o, durationMs);
}

/** A check that did not run because something it needs failed or was not given. */
export function skipped(ctx: EngineContext, r: CheckRef, title: string, reason: SkipReason): Check {
  return recordCheck(ctx, r, title, performance.now() - ctx.t0, 0, {
    status: 'skip',
    details: { skip: reason },
  });
}
