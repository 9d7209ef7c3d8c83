// What a token's claims say about SMTP AUTH: findings for a wrong audience, a missing scope/role, expiry and a
// tenant mismatch, and the ranked causes of a `535 5.7.3` after XOAUTH2. Pure; works on claims, never on the token.
import type { FindingRef } from '../model';
import type { OauthCauseId } from '../findings/catalog-oauth';
import {
  SMTP_APP_ROLE,
  SMTP_SCOPE,
  decodeToken,
  hasScope,
  isExchangeAudience,
  type TokenClaims,
} from './claims';

/** Tolerated clock difference when judging expiry, in seconds (Entra's own default skew is 5 minutes). */
export const EXPIRY_SKEW_SECONDS = 300;

export interface InspectContext {
  /** Seconds since the epoch. */
  nowSec: number;
  /** Tenant the mailbox belongs to, as a GUID (domains cannot be compared with `tid` offline). */
  tenantId?: string | undefined;
  /** The XOAUTH2 user= (mailbox) the device sends with the token. */
  xoauth2User?: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Local time with its offset, as the glossary asks: `2026-12-02 09:51 (UTC+09:00)`. */
export function localTime(sec: number): string {
  const d = new Date(sec * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())} (UTC${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)})`;
}

function needed(c: TokenClaims): string {
  return c.kind === 'app'
    ? SMTP_APP_ROLE
    : c.kind === 'delegated'
      ? SMTP_SCOPE
      : `${SMTP_SCOPE} / ${SMTP_APP_ROLE}`;
}

function hasPermission(c: TokenClaims): boolean {
  return c.kind === 'app'
    ? hasScope(c.roles, SMTP_APP_ROLE)
    : c.kind === 'delegated'
      ? hasScope(c.scp, SMTP_SCOPE)
      : false;
}

export function isExpired(c: TokenClaims, nowSec: number): boolean {
  return c.exp !== null && c.exp + EXPIRY_SKEW_SECONDS < nowSec;
}

export function userMismatch(c: TokenClaims, xoauth2User: string | undefined): boolean {
  return (
    c.kind === 'delegated' &&
    c.upn !== null &&
    xoauth2User !== undefined &&
    xoauth2User !== '' &&
    c.upn.toLowerCase() !== xoauth2User.toLowerCase()
  );
}

export function tenantMismatch(c: TokenClaims, tenantId: string | undefined): boolean {
  return (
    tenantId !== undefined &&
    GUID.test(tenantId) &&
    c.tid !== null &&
    c.tid.toLowerCase() !== tenantId.toLowerCase()
  );
}

/** Findings about the token alone (and the XOAUTH2 user / tenant where known). Empty list = nothing wrong seen. */
export function inspectClaims(c: TokenClaims, ctx: InspectContext): FindingRef[] {
  const out: FindingRef[] = [];
  const ev = (s: string) => [s];
  if (!isExchangeAudience(c.aud)) {
    out.push({
      code: 'OAUTH_WRONG_AUDIENCE',
      params: { aud: c.aud.join(' ') || '(none)' },
      evidence: ev(`aud=${c.aud.join(' ') || '(none)'}`),
    });
  }
  if (!hasPermission(c)) {
    const present = [...c.scp, ...c.roles].join(' ');
    out.push({
      code: 'OAUTH_SCOPE_MISSING',
      params: { needed: needed(c), kind: c.kind, present: present || 'none' },
      evidence: ev(
        c.kind === 'app' ? `roles=${c.roles.join(' ') || '(none)'}` : `scp=${c.scp.join(' ') || '(none)'}`,
      ),
    });
  }
  if (isExpired(c, ctx.nowSec) && c.exp !== null) {
    out.push({
      code: 'OAUTH_TOKEN_EXPIRED',
      params: { expiry: localTime(c.exp) },
      evidence: ev(`exp=${localTime(c.exp)}`),
    });
  }
  if (tenantMismatch(c, ctx.tenantId)) {
    out.push({
      code: 'OAUTH_TENANT_MISMATCH',
      params: { tid: c.tid ?? '', expected: ctx.tenantId ?? '' },
      evidence: ev(`tid=${c.tid ?? ''}`),
    });
  }
  return out;
}

/** Ranked causes of `535 5.7.3` after XOAUTH2: what the claims prove first, then the usual suspects for the kind. */
export function rankRejectionCauses(
  c: TokenClaims | null,
  ctx: Partial<InspectContext> = {},
): OauthCauseId[] {
  const first: OauthCauseId[] = [];
  if (c === null) {
    return [
      'scope-missing',
      'role-missing',
      'sp-missing',
      'mailbox-permission',
      'smtp-auth-off',
      'user-mismatch',
      'wrong-audience',
      'expired',
    ];
  }
  if (!isExchangeAudience(c.aud)) first.push('wrong-audience');
  if (ctx.nowSec !== undefined && isExpired(c, ctx.nowSec)) first.push('expired');
  if (!hasPermission(c)) first.push(c.kind === 'app' ? 'role-missing' : 'scope-missing');
  if (userMismatch(c, ctx.xoauth2User)) first.push('user-mismatch');
  if (tenantMismatch(c, ctx.tenantId)) first.push('wrong-tenant');
  const rest: OauthCauseId[] =
    c.kind === 'app'
      ? ['sp-missing', 'mailbox-permission', 'smtp-auth-off', 'wrong-tenant']
      : ['smtp-auth-off', 'user-mismatch', 'wrong-tenant'];
  return [...first, ...rest.filter((x) => !first.includes(x))];
}

/** The OAUTH_REJECTED finding for a refused XOAUTH2, causes ranked from the claims (null: token not readable). */
export function oauthRejected(
  reply: string,
  claims: TokenClaims | null,
  ctx: Partial<InspectContext> = {},
  unreadable = false,
): FindingRef {
  const causes = rankRejectionCauses(claims, ctx);
  const ranked: OauthCauseId[] = unreadable ? ['token-unreadable', ...causes] : causes;
  return {
    code: 'OAUTH_REJECTED',
    params: { reply, causes: ranked.join(','), fixes: ranked.join(',') },
    evidence: [reply],
  };
}

export type TokenInspection =
  | { ok: false; reason: 'empty' | 'too-long' | 'not-jwt' | 'encrypted' | 'bad-json' }
  | { ok: true; claims: TokenClaims; findings: FindingRef[] };

/** `token inspect` and the app's token panel: claims plus findings (OAUTH_TOKEN_OK when nothing is wrong). */
export function inspectToken(raw: string, ctx: InspectContext): TokenInspection {
  const d = decodeToken(raw);
  if (!d.ok) return d;
  const findings = inspectClaims(d.claims, ctx);
  if (findings.length === 0) findings.push({ code: 'OAUTH_TOKEN_OK', params: { needed: needed(d.claims) } });
  return { ok: true, claims: d.claims, findings };
}
