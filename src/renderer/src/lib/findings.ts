// A diagnosis's findings for the verdict: deduplicated, rendered in the UI language, grouped by stage.
import { catalogEntry, renderFinding } from '../../../shared/findings/catalog';
import {
  StageSchema,
  type Actor,
  type Diagnosis,
  type FindingRef,
  type Lang,
  type RenderedFinding,
  type Stage,
} from '../../../shared/model';

export interface ShownFinding extends RenderedFinding {
  /** Everyone who may have to act, primary first. */
  actors: Actor[];
  /** Checks that reported it. */
  checks: string[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function keyOf(ref: FindingRef): string {
  return `${ref.code}|${JSON.stringify(Object.entries(ref.params ?? {}).sort())}`;
}

export function collectFindings(diagnosis: Diagnosis, lang: Lang): ShownFinding[] {
  const byKey = new Map<string, { ref: FindingRef; checks: string[]; evidence: string[] }>();
  for (const check of diagnosis.checks) {
    for (const ref of check.findings) {
      const key = keyOf(ref);
      const seen = byKey.get(key);
      if (seen) {
        seen.checks.push(check.id);
        for (const e of ref.evidence ?? []) if (!seen.evidence.includes(e)) seen.evidence.push(e);
      } else {
        byKey.set(key, { ref, checks: [check.id], evidence: [...(ref.evidence ?? [])] });
      }
    }
  }
  const out: ShownFinding[] = [];
  for (const { ref, checks, evidence } of byKey.values()) {
    const rendered = renderFinding({ ...ref, ...(evidence.length > 0 ? { evidence } : {}) }, lang);
    out.push({ ...rendered, actors: [...catalogEntry(ref.code).actors], checks });
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Stages in the order mail travels (config → tenant), only those with findings. */
export function groupByStage(
  findings: readonly ShownFinding[],
): { stage: Stage; findings: ShownFinding[] }[] {
  return StageSchema.options
    .map((stage) => ({ stage, findings: findings.filter((f) => f.stage === stage) }))
    .filter((g) => g.findings.length > 0);
}
