// The token acquisition as a check of the diagnosis (`oauth.token`): how it went, and what the token says
// (claims only: the token itself never enters a check, a report or an export).
import type { Check } from '../../shared/model';
import type { TokenClaims } from '../../shared/oauth/claims';
import { inspectClaims } from '../../shared/oauth/inspect';
import type { AcquireResult } from './acquire';

/** The claims worth showing, as check details (bounded strings, no token material). */
export function claimDetails(c: TokenClaims | null): Record<string, unknown> {
  if (!c) return { claims: 'not readable' };
  return {
    kind: c.kind,
    aud: c.aud,
    scp: c.scp,
    roles: c.roles,
    tid: c.tid,
    upn: c.upn,
    oid: c.oid,
    appid: c.appid,
    expires: c.exp !== null ? new Date(c.exp * 1000).toISOString() : null,
  };
}

export function tokenCheck(
  r: AcquireResult,
  startedAt: number,
  durationMs: number,
  opts: { user?: string | undefined; nowSec?: number } = {},
): Check {
  const flowTitle = r.flow === 'oauth-device-code' ? 'device code' : 'client credentials';
  const base = {
    id: 'oauth.token',
    title: `OAuth token (${flowTitle})`,
    startedAt: Math.max(0, Math.round(startedAt)),
    durationMs: Math.max(0, Math.round(durationMs)),
  };
  if (!r.ok) return { ...base, status: 'fail', findings: [r.finding], details: { flow: r.flow } };
  const findings = r.claims
    ? inspectClaims(r.claims, {
        nowSec: opts.nowSec ?? Math.floor(Date.now() / 1000),
        xoauth2User: opts.user,
      })
    : [];
  return {
    ...base,
    status: findings.length > 0 ? 'fail' : 'pass',
    findings,
    details: { flow: r.flow, ...claimDetails(r.claims) },
  };
}
