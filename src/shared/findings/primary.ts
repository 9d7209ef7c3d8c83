// The one finding to fix first ("primary finding") and the order every other finding is shown in. The ranking
// rule is written once, here, and used by the engine, capture, explain, the CLI and the app:
//   1. a failure on the path the job needs beats a warning on it, and both beat anything about other methods
//      (the method the technician chose, or in `auto` the recommended one, is "the path the job needs");
//      a server's refusal (4xx/5xx reply) counts as a failure, advice (e.g. Basic-auth retirement) as a warning;
//   2. then the earlier stage wins (config → dns → network → smtp → tls → auth → envelope → message → tenant):
//      a later step cannot be trusted while an earlier one fails;
//   3. then the order the findings were observed in.
// Informational findings never become primary. Findings are merged first: one per code per endpoint.
import type { Actor, Check, CheckStatus, FindingRef, Lang, Severity, Stage } from '../model';
import { STAGES } from '../vocabulary';
import { catalogEntry, renderFinding } from './catalog';

/** What JSON outputs carry as `primaryFinding` (null when nothing blocks). */
export interface PrimaryFinding {
  code: string;
  actor: Actor;
  title: string;
  fix: string;
  checkId: string | null;
}

/** A finding with where it was seen: the input of the ranking. */
export interface Located {
  ref: FindingRef;
  /** Check that reported it (null for capture sessions and explain). */
  checkId: string | null;
  /** Status of that check; absent outside the engine (the catalogue's severity decides alone). */
  checkStatus?: CheckStatus;
  /** True when the finding is on the path the job needs (the chosen / recommended method). */
  onPath: boolean;
  /** Every check that reported it (after merging). */
  checks?: string[];
}

const STAGE_RANK: Record<Stage, number> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<
  Stage,
  number
>;

/** Where a check belongs: the MX endpoint, the tenant's DNS/connector facts, or the submission endpoint. */
export function endpointOf(checkId: string | null): string {
  if (checkId === null) return '-';
  if (checkId === 'dns.spf' || checkId === 'relay.egress-ip') return 'tenant';
  return /(^|\.)mx(\.|$)/.test(checkId) || /\.(direct-send|relay)$/.test(checkId) ? 'mx' : 'submission';
}

/** The severity the ranking uses: a server's refusal (a 4xx/5xx reply, e.g. 451 4.7.500 throttling) is a failure
 *  of this run whatever the catalogue's severity; otherwise a finding in a check that did not fail is at most a
 *  warning (advice such as the Basic-auth retirement never outranks a refusal). */
function effectiveSeverity(l: Located): Severity {
  const sev = catalogEntry(l.ref.code).severity;
  if (Number(l.ref.params?.replyCode ?? 0) >= 400 && l.checkStatus !== 'pass') return 'error';
  if (sev === 'error' && l.checkStatus !== undefined && l.checkStatus !== 'fail') return 'warning';
  return sev;
}

/** Rank tiers (lower first): failure on the path, warning on the path, failure elsewhere, warning elsewhere. */
function tier(l: Located): number {
  const sev = effectiveSeverity(l);
  if (sev === 'info') return 9;
  return (l.onPath ? 0 : 2) + (sev === 'error' ? 0 : 1);
}

/** Sorts by the ranking rule above (stable: equal findings keep their observed order). */
export function rankFindings<T extends Located>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        tier(a.item) - tier(b.item) ||
        STAGE_RANK[catalogEntry(a.item.ref.code).stage] - STAGE_RANK[catalogEntry(b.item.ref.code).stage] ||
        a.i - b.i,
    )
    .map((x) => x.item);
}

/** Conditions of this PC, not of an endpoint: one finding whichever endpoint met them. */
const PC_LEVEL = new Set(['DNS_UNREACHABLE', 'DNS_M365_NAME_UNRESOLVED']);

/** Longest merged evidence list per finding. */
const MAX_MERGED_EVIDENCE = 6;

/**
 * One finding per code per endpoint: the same condition seen by two checks (e.g. the STARTTLS session and the
 * TLS matrix both failing the handshake) is listed once, with both checks and their evidence merged.
 */
export function mergeFindings(items: readonly Located[]): Located[] {
  const byKey = new Map<string, Located>();
  const out: Located[] = [];
  for (const l of items) {
    const key = `${l.ref.code}|${PC_LEVEL.has(l.ref.code) ? '-' : endpointOf(l.checkId)}`;
    const seen = byKey.get(key);
    if (!seen) {
      const copy: Located = {
        ...l,
        ref: { ...l.ref, ...(l.ref.evidence ? { evidence: [...l.ref.evidence] } : {}) },
        checks: l.checkId ? [l.checkId] : [],
      };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    if (l.checkId && !seen.checks?.includes(l.checkId)) seen.checks?.push(l.checkId);
    // A failed check outranks a passing one that saw the same thing; the path the job needs outranks others.
    if (l.checkStatus === 'fail' && seen.checkStatus !== 'fail') {
      seen.checkStatus = 'fail';
      seen.checkId = l.checkId;
    }
    seen.onPath ||= l.onPath;
    const evidence = seen.ref.evidence ?? [];
    for (const e of l.ref.evidence ?? [])
      if (!evidence.includes(e) && evidence.length < MAX_MERGED_EVIDENCE) evidence.push(e);
    if (evidence.length > 0) seen.ref.evidence = evidence;
    // Differing reasons are both kept (the text shows them together rather than listing the finding twice).
    const a = seen.ref.params?.reason;
    const b = l.ref.params?.reason;
    if (a !== undefined && b !== undefined && a !== b && !a.split('; ').includes(b))
      seen.ref.params = { ...seen.ref.params, reason: `${a}; ${b}` };
  }
  return out;
}

/** Findings of engine checks, located; `onPath(checkId)` says whether a check is on the job's path. */
export function locateChecks(checks: readonly Check[], onPath: (checkId: string) => boolean): Located[] {
  return checks.flatMap((c) =>
    c.findings.map((ref) => ({ ref, checkId: c.id, checkStatus: c.status, onPath: onPath(c.id) })),
  );
}

/** The finding to fix first among merged, ranked findings; null when nothing is a failure or warning on the path
 *  (or, when the verdict is fail, anywhere). */
export function pickPrimary(items: readonly Located[], verdictIsFail: boolean): Located | null {
  const ranked = rankFindings(mergeFindings(items));
  const top = ranked[0];
  if (!top) return null;
  const t = tier(top);
  if (t <= 1) return top;
  return verdictIsFail && t < 9 ? top : null;
}

/** The JSON / UI form of a primary finding in one language. */
export function renderPrimary(l: Pick<Located, 'ref' | 'checkId'> | null, lang: Lang): PrimaryFinding | null {
  if (!l) return null;
  const r = renderFinding(l.ref, lang);
  return { code: r.code, actor: r.actor, title: r.title, fix: r.fix, checkId: l.checkId };
}

/** The first sentence of a fix text (the human output's first lines show only that). */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?(?:\.(?=\s|$)|。)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}
