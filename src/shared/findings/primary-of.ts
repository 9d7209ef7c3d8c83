// The one finding a document or screen leads with. The engine's own choice (`diagnosis.primaryFinding`, issue 14)
// wins when present; reports written before it existed fall back to the first error of the first failed check,
// then the first warning — the same order the engine uses for the verdict. Predicted findings (inferred from a
// capture) never lead while an observed one exists.
import type { Diagnosis, FindingRef } from '../model';
import { catalogEntry } from './catalog';
import { isFindingCode } from './codes';

export interface PrimaryRef {
  ref: FindingRef;
  checkId: string;
}

/** The engine's pick as recorded (field added by issue 14; optional so older reports still read). */
function recorded(d: Diagnosis): { code: string; checkId?: string } | null {
  const p = (d as Diagnosis & { primaryFinding?: { code?: unknown; checkId?: unknown } | null })
    .primaryFinding;
  return p && typeof p.code === 'string'
    ? { code: p.code, checkId: typeof p.checkId === 'string' ? p.checkId : undefined }
    : null;
}

export function primaryFindingOf(d: Diagnosis): PrimaryRef | null {
  // The engine records its pick as `primary` (model.ts; null = nothing blocks): documents lead with the same
  // finding as the CLI and the app's verdict box, chosen by the rule in primary.ts.
  if (d.primary !== undefined)
    return d.primary ? { ref: d.primary.ref, checkId: d.primary.checkId ?? '' } : null;
  const all = d.checks.flatMap((c) => c.findings.map((ref) => ({ ref, checkId: c.id, status: c.status })));
  const pick = recorded(d);
  if (pick) {
    const hit = all.find(
      (f) => f.ref.code === pick.code && (pick.checkId === undefined || f.checkId === pick.checkId),
    );
    if (hit) return { ref: hit.ref, checkId: hit.checkId };
    return isFindingCode(pick.code) ? { ref: { code: pick.code }, checkId: pick.checkId ?? '' } : null;
  }
  const rank = (f: (typeof all)[number]) => {
    const sev = catalogEntry(f.ref.code).severity;
    const base = sev === 'error' ? (f.status === 'fail' ? 0 : 1) : sev === 'warning' ? 2 : 3;
    return base + (f.ref.predicted ? 4 : 0);
  };
  const candidates = all.filter((f) => catalogEntry(f.ref.code).severity !== 'info');
  let best: (typeof all)[number] | null = null;
  for (const f of candidates) if (best === null || rank(f) < rank(best)) best = f;
  return best ? { ref: best.ref, checkId: best.checkId } : null;
}
