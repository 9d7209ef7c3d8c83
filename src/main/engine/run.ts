// runDiagnosis: the engine's entry point. Validates the request, sets up the overall deadline and Cancel, runs
// the plan (independent checks concurrently, ≤ 3 connections per host), and returns the Diagnosis with every
// check, finding, timing and the redacted transcript. Never rejects for network failures.
import os from 'node:os';
import { locateChecks, pickPrimary } from '../../shared/findings/primary';
import type { Check, DiagnoseRequest, Diagnosis, Primary, StepEvent, Verdict } from '../../shared/model';
import { DiagnoseRequestSchema } from '../../shared/model';
import { scrubSecrets, secretForms } from '../../shared/secrets';
import { APP_VERSION } from '../../shared/version';
import { HostLimiter, stepRunner, type EngineContext } from './checks/check-runner';
import { createDnsClient } from './protocol/dns';
import { resolveLimits } from './limits';
import { decidedVerdict, methodVerdicts, runPlan } from './plans/plans';
import { autoVerdict, recommend } from './plans/recommend';
import { markRelayPath } from './plans/relay-path';
import { REDACTED, Transcript } from './protocol/transcript';
import type { RunOptions } from './types';

/** Our EHLO name: the machine's host name reduced to DNS characters (never CR/LF/NUL), or a fixed fallback. */
export function defaultEhloName(): string {
  const h = os
    .hostname()
    .replace(/[^A-Za-z0-9.-]/g, '')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 63);
  return h || 'device-mail-doctor';
}

/** Replaces every secret form in every string of a JSON-like value (keys included): the last line of defence. */
export function deepScrub<T>(value: T, forms: readonly string[]): T {
  if (forms.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubSecrets(v, forms, REDACTED);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [scrubSecrets(k, forms, REDACTED), walk(x)]),
      );
    return v;
  };
  return walk(value) as T;
}

export async function runDiagnosis(input: DiagnoseRequest, options: RunOptions = {}): Promise<Diagnosis> {
  const request = DiagnoseRequestSchema.parse(input);
  const t = request.target;
  const startedAt = new Date();
  const t0 = performance.now();
  const limits = resolveLimits(options.limits);
  const forms = secretForms({ user: t.user, password: request.password, oauthToken: request.oauthToken });
  const emit = (e: StepEvent) => {
    try {
      options.onEvent?.(e);
    } catch {
      // A listener's failure must not break the diagnosis.
    }
  };
  const transcript = new Transcript(startedAt.getTime(), limits, forms, (row) =>
    emit({ type: 'transcript', row }),
  );

  // Overall deadline and Cancel share one signal; `cancelled` tells them apart.
  const overall = new AbortController();
  let cancelled = false;
  const onCancel = () => {
    cancelled = true;
    overall.abort();
  };
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const deadline = setTimeout(() => overall.abort(), request.timeoutMs);

  const sequential = options.maxConcurrentChecks === 1;
  const ctx: EngineContext = {
    request,
    limits: { ...limits, checkTimeoutMs: Math.min(limits.checkTimeoutMs, request.timeoutMs) },
    t0,
    transcript,
    dns: createDnsClient({ server: t.dnsServer, timeoutMs: limits.dnsTimeoutMs, tries: limits.dnsTries }),
    hosts: new HostLimiter(
      limits.maxConnectionsPerHost,
      options.maxConcurrentChecks ?? Number.POSITIVE_INFINITY,
      limits.maxSignInsPerMailbox,
    ),
    signal: overall.signal,
    cancelled: () => cancelled,
    emit,
    checks: [],
    ehloName: t.ehloName ?? defaultEhloName(),
    all: stepRunner(sequential),
  };

  for (const c of options.priorChecks ?? []) {
    ctx.checks.push(c);
    emit({ type: 'check-started', id: c.id, title: c.title, at: c.startedAt });
    emit({ type: 'check-finished', check: c });
  }

  let egressIp: string | null;
  let verdict: Verdict;
  let recommendation: Diagnosis['recommendation'] = null;
  let primary: Primary | null;
  try {
    const plan = await runPlan(ctx);
    egressIp = plan.egressIp;
    // A token acquisition belongs to client submission (the only method that signs in).
    const prior = (options.priorChecks ?? []).map((c) => c.id);
    const sub = plan.membership.submission;
    if (sub) for (const id of prior) if (!sub.includes(id)) sub.push(id);
    const verdicts = methodVerdicts(ctx.checks, plan.membership);
    if (t.method === 'auto') {
      recommendation = recommend(request, verdicts, ctx.checks, plan.membership);
      verdict = autoVerdict(recommendation, verdicts, decidedVerdict(ctx.checks.map((c) => c.status)));
    } else {
      verdict = decidedVerdict(ctx.checks.map((c) => c.status));
    }
    // A cancelled run verified only part of the path: it can never read as a pass.
    if (cancelled && verdict === 'pass') verdict = 'warn';
    // The path the job needs: the chosen method's checks, or in auto the recommended method's.
    const path =
      t.method === 'auto' && recommendation ? new Set(plan.membership[recommendation.method] ?? []) : null;
    markRelayPath(
      ctx.checks,
      t.method === 'auto' ? (recommendation?.method ?? null) : t.method,
      plan.egressIp,
    );
    const top = pickPrimary(
      locateChecks(ctx.checks, (id) => path === null || path.has(id)),
      verdict === 'fail',
    );
    primary = top ? { checkId: top.checkId, ref: top.ref } : null;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onCancel);
  }

  const checks: Check[] = [...ctx.checks].sort((a, b) => a.startedAt - b.startedAt);
  const diagnosis: Diagnosis = deepScrub(
    {
      version: APP_VERSION,
      method: t.method,
      target: t,
      device: request.device,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      verdict,
      egressIp,
      recommendation,
      primary,
      checks,
      transcript: transcript.finish(),
      ...(cancelled ? { cancelled: true } : {}),
      ...(request.practice ? { practice: request.practice } : {}),
    },
    forms,
  );
  emit({ type: 'done', diagnosis });
  return diagnosis;
}
