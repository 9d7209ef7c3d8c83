// Before/after comparison of two runs at the same site (e.g. before and after the admin enabled SMTP AUTH):
// check by check, what happened to the status and which findings appeared or went away.
// Pure (shared types only): main's exports and the renderer's Reports screen both use it.
import type { Check, CheckStatus, Diagnosis, Verdict } from './model';
import type { Report } from './report';

export type CheckChange = 'fixed' | 'regressed' | 'unchanged' | 'changed' | 'added' | 'removed';

export interface CheckDiff {
  id: string;
  title: string;
  before: CheckStatus | null;
  after: CheckStatus | null;
  change: CheckChange;
  findingsAdded: string[];
  findingsRemoved: string[];
}

export interface RunComparison {
  verdict: { before: Verdict; after: Verdict; change: CheckChange };
  checks: CheckDiff[];
  /** Findings present before and gone after: what was fixed between the runs. */
  resolvedCodes: string[];
  newCodes: string[];
}

/** How bad a status is; skip says nothing either way. */
const RANK: Record<CheckStatus, number | null> = { pass: 0, warn: 1, fail: 2, skip: null };

function changeOf(before: CheckStatus | null, after: CheckStatus | null, sameFindings: boolean): CheckChange {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  const b = RANK[before];
  const a = RANK[after];
  if (b !== null && a !== null && a < b) return 'fixed';
  if (b !== null && a !== null && a > b) return 'regressed';
  return before === after && sameFindings ? 'unchanged' : 'changed';
}

const codesOf = (checks: readonly Check[]): string[] => [
  ...new Set(checks.flatMap((c) => c.findings.map((f) => f.code))),
];

export function compareRuns(before: Diagnosis, after: Diagnosis): RunComparison {
  const ids: string[] = [];
  for (const c of [...before.checks, ...after.checks]) if (!ids.includes(c.id)) ids.push(c.id);
  const checks = ids.map((id): CheckDiff => {
    const b = before.checks.find((c) => c.id === id);
    const a = after.checks.find((c) => c.id === id);
    const bc = codesOf(b ? [b] : []);
    const ac = codesOf(a ? [a] : []);
    const findingsAdded = ac.filter((c) => !bc.includes(c));
    const findingsRemoved = bc.filter((c) => !ac.includes(c));
    const same = findingsAdded.length === 0 && findingsRemoved.length === 0;
    return {
      id,
      title: a?.title ?? b?.title ?? id,
      before: b?.status ?? null,
      after: a?.status ?? null,
      change: changeOf(b?.status ?? null, a?.status ?? null, same),
      findingsAdded,
      findingsRemoved,
    };
  });
  const beforeCodes = codesOf(before.checks);
  const afterCodes = codesOf(after.checks);
  return {
    verdict: {
      before: before.verdict,
      after: after.verdict,
      change: changeOf(before.verdict, after.verdict, true),
    },
    checks,
    resolvedCodes: beforeCodes.filter((c) => !afterCodes.includes(c)),
    newCodes: afterCodes.filter((c) => !beforeCodes.includes(c)),
  };
}

const siteKey = (r: Report) =>
  `${r.job.customer.normalize('NFKC').trim().toLowerCase()}\u0000${r.job.site.normalize('NFKC').trim().toLowerCase()}`;

/** True when two reports are visits to the same customer site (what "compare" is meant for). */
export const sameSite = (a: Report, b: Report): boolean => siteKey(a) === siteKey(b);

/** The last run of `before` against the last run of `after` (the same report twice: its last two runs). */
export function compareReports(before: Report, after: Report): RunComparison | null {
  const b =
    before.id === after.id ? before.runs[before.runs.length - 2] : before.runs[before.runs.length - 1];
  const a = after.runs[after.runs.length - 1];
  return a && b ? compareRuns(b.diagnosis, a.diagnosis) : null;
}
