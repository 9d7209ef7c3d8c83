// Reads the claims of an access token without sending it anywhere and without verifying it (verification needs
// the issuer's keys; here we only want to tell the technician what the token says). Never returns the token, its
// signature or any raw segment: only the handful of claims a diagnosis needs, each bounded in length.
// Pure: runs in the renderer, main, the CLI and tests.
//
// Claim names and meanings: Microsoft identity platform access token claims reference,
// https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference (read 2026-12-02):
// aud, iss, tid, exp/nbf/iat, scp (delegated, space-separated), roles (app-only), upn / unique_name, oid, appid
// (v1.0) / azp (v2.0), ver.

/** Exchange Online's resource as it appears in `aud` of tokens for SMTP AUTH (v1 tokens use the URL or the app id). */
export const EXCHANGE_AUDIENCES = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online's well-known application id
] as const;

/** Delegated scope and application role SMTP AUTH needs (Microsoft Learn, "Authenticate an IMAP, POP or SMTP
 *  connection using OAuth", read 2026-12-02). */
export const SMTP_SCOPE = 'SMTP.Send';
export const SMTP_APP_ROLE = 'SMTP.SendAsApp';

/** Longest token accepted for inspection, in characters (Entra access tokens are a few KB). */
export const MAX_TOKEN_CHARS = 16_384;
/** Longest claim value kept, in characters. */
const MAX_CLAIM_CHARS = 200;
/** Most scopes / roles kept. */
const MAX_LIST = 50;

export interface TokenClaims {
  aud: string[];
  iss: string | null;
  tid: string | null;
  /** Seconds since the epoch. */
  exp: number | null;
  nbf: number | null;
  iat: number | null;
  scp: string[];
  roles: string[];
  upn: string | null;
  oid: string | null;
  appid: string | null;
  appDisplayName: string | null;
  ver: string | null;
  /** Delegated (a user signed in: scp), app-only (roles, no user) or unknown. */
  kind: 'delegated' | 'app' | 'unknown';
}

export type DecodeResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'empty' | 'too-long' | 'not-jwt' | 'encrypted' | 'bad-json' };

function b64urlToText(seg: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(seg)) return null;
  const b64 = seg.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((seg.length + 3) % 4);
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v.slice(0, MAX_CLAIM_CHARS) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+/) : [])
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .slice(0, MAX_LIST)
    .map((x) => x.slice(0, MAX_CLAIM_CHARS));

/** The token as pasted: trims whitespace and a leading "Bearer ". */
export function normalizeToken(raw: string): string {
  return raw
    .trim()
    .replace(/^bearer\s+/i, '')
    .trim();
}

/** Decodes a compact JWS's payload. Never throws; never returns any part of the token itself. */
export function decodeToken(raw: string): DecodeResult {
  const token = normalizeToken(raw);
  if (token === '') return { ok: false, reason: 'empty' };
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'too-long' };
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, reason: 'encrypted' };
  if (parts.length !== 3 || parts[1] === '') return { ok: false, reason: 'not-jwt' };
  const header = b64urlToText(parts[0] ?? '');
  const payload = b64urlToText(parts[1] ?? '');
  if (header === null || payload === null) return { ok: false, reason: 'not-jwt' };
  let p: unknown;
  try {
    JSON.parse(header);
    p = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { ok: false, reason: 'bad-json' };
  const o = p as Record<string, unknown>;
  const scp = list(o.scp);
  const roles = list(o.roles);
  const upn = str(o.upn) ?? str(o.unique_name) ?? str(o.preferred_username);
  const kind =
    scp.length > 0
      ? 'delegated'
      : roles.length > 0 || (o.idtyp === 'app' && upn === null)
        ? 'app'
        : 'unknown';
  return {
    ok: true,
    claims: {
      aud: list(o.aud),
      iss: str(o.iss),
      tid: str(o.tid),
      exp: num(o.exp),
      nbf: num(o.nbf),
      iat: num(o.iat),
      scp,
      roles,
      upn,
      oid: str(o.oid),
      appid: str(o.appid) ?? str(o.azp),
      appDisplayName: str(o.app_displayname),
      ver: str(o.ver),
      kind,
    },
  };
}

/** True when the audience is Exchange Online (any of its spellings, with or without a trailing slash). */
export function isExchangeAudience(aud: readonly string[]): boolean {
  return aud.some((a) =>
    (EXCHANGE_AUDIENCES as readonly string[]).includes(a.replace(/\/+$/, '').toLowerCase()),
  );
}

/** Case-insensitive scope check that also accepts the resource-qualified form (https://outlook.office.com/SMTP.Send). */
export function hasScope(list: readonly string[], wanted: string): boolean {
  const w = wanted.toLowerCase();
  return list.some((s) => s.toLowerCase() === w || s.toLowerCase().endsWith(`/${w}`));
}
