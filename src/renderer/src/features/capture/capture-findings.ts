// A captured session's findings in the shape the findings view shows (same catalogue, same language).
import { catalogEntry, renderFinding } from '../../../../shared/findings/catalog';
import type { FindingRef, Lang } from '../../../../shared/model';
import type { ShownFinding } from '../../lib/findings';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function shownCaptureFindings(refs: readonly FindingRef[], lang: Lang): ShownFinding[] {
  return refs
    .map((ref) => ({ ...renderFinding(ref, lang), actors: [...catalogEntry(ref.code).actors], checks: [] }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
