// A diagnosis's primary finding and ranked findings, for every front end (CLI, app, exports): the engine's own
// choice when the run carries it, else recomputed with the same rule (runs saved before it existed).
import type { Diagnosis, Lang, Method } from '../model';
import {
  endpointOf,
  locateChecks,
  mergeFindings,
  pickPrimary,
  rankFindings,
  renderPrimary,
  type Located,
  type PrimaryFinding,
} from './primary';

/** Which methods a check decides (auto groups findings per method); the MX checks serve Direct Send and relay. */
export function methodsOf(checkId: string | null): Method[] {
  const ep = endpointOf(checkId);
  if (ep === 'submission') return ['submission'];
  if (checkId === 'relay.egress-ip' || checkId === 'envelope.mx.external') return ['relay'];
  return ['direct-send', 'relay'];
}

/** The path the job needs: every check for one method; in auto the recommended method's checks. */
export function onPathOf(d: Diagnosis): (checkId: string) => boolean {
  if (d.method !== 'auto' || !d.recommendation) return () => true;
  const m = d.recommendation.method;
  return (id) => methodsOf(id).includes(m);
}

/** Findings merged (one per code per endpoint, evidence merged) and ranked (shared/findings/primary.ts). */
export function rankedFindings(d: Diagnosis): Located[] {
  return rankFindings(mergeFindings(locateChecks(d.checks, onPathOf(d))));
}

/** The primary finding in one language. */
export function diagnosisPrimary(d: Diagnosis, lang: Lang): PrimaryFinding | null {
  if (d.primary !== undefined) return renderPrimary(d.primary, lang);
  return renderPrimary(pickPrimary(locateChecks(d.checks, onPathOf(d)), d.verdict === 'fail'), lang);
}
