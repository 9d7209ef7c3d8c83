// Records a check whose work already happened inside a shared operation (one SMTP session yields the banner,
// EHLO, STARTTLS, AUTH and envelope checks): same events and shape as runCheck.
import type { Check } from '../../shared/model';
import type { CheckOutcome, EngineContext } from './check-runner';

export function recordCheck(ctx: EngineContext, id: string, title: string, startedAt: number, durationMs: number, o: CheckOutcome): Check {
  const check: Check = {
    id,
    title,
    status: o.status,
    startedAt: Math.max(0, Math.round(startedAt)),
    durationMs: Math.max(0, Math.round(durationMs)),
    findings: o.findings ?? [],
    details: o.details ?? {},
  };
  ctx.checks.push(check);
  ctx.emit({ type: 'check-started', id, title, at: check.startedAt });
  ctx.emit({ type: 'check-finished', check });
  return check;
}
